"""TGT001 quantitative_share_below_benchmark: the share of quantitative 三级 indicators."""

from __future__ import annotations

from pathlib import Path

from checks import load_config
from schemas.findings import Severity, Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt001_nanjie_quantitative_share(nanjie):
    f2024, f2025 = sorted(run(nanjie, "TGT001"), key=lambda f: f.subject.year)
    assert f2024.severity is Severity.WARNING
    assert f2024.subject == Subject(unit=UNIT, year=2024, line="", column="指标值")
    assert (f2024.details["total"], f2024.details["quantitative"], f2024.details["percent"],
            f2024.details["benchmark"]) == (17, 6, "35.29", "80")
    assert f2024.details["quantitative_indicators"] == [
        "基本支出预算执行率", "项目支出预算执行率", "“三公经费”控制率", "固定资产利用率", "在职人员控制率", "公用经费控制率"]
    assert f2024.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表共设三级指标17项，其中可量化指标6项，占比35.29%，"
        "低于80%的标准；其余11项为定性表述：预算编制完整性（完整）、财务管理制度健全性（健全）、"
        "资金使用合规性（规范）、政府采购规范性（规范）、资产管理规范性（规范）、人员管理制度健全性（健全）、"
        "内控制度健全性（健全）、部门履职情况提升性（有效提升）、部门效果达标率（达标）、服务对象满意度（满意）、"
        f"社会影响满意度（较好）。（来源：{F2024} 第1页 表1 第12-20行第4列、第2页 表1 第21-28行第4列）"
    )
    # evidence: every 指标值 cell, in table order
    assert labels(f2024) == [pdf_cell(row, 4) for row in range(12, 29)]
    assert f2024.evidence[1].raw == "100%" and f2024.evidence[1].role == "指标值（基本支出预算执行率）"
    assert (f2025.details["quantitative"], f2025.details["percent"]) == (7, "41.18")
    assert "共设三级指标17项，其中可量化指标7项，占比41.18%，低于80%的标准" in f2025.message
    assert f2025.text.endswith(f"（来源：{F2025} 表1 第12-28行第4列）")


def test_tgt001_exactly_at_the_benchmark_is_not_below():
    rows = [("产出指标", "数量指标", f"指标{i}", "≥90%") for i in range(4)] + [("满意度指标", "服务对象满意度指标", "群众满意度", "满意")]
    assert run([build_table(rows, kind="project", project="社区服务")], "TGT001") == []  # 4/5 = 80.00%
    rows.append(("效益指标", "社会效益指标", "服务质量", "良好"))  # 4/6 = 66.67%
    (f,) = run([build_table(rows, kind="project", project="社区服务")], "TGT001")
    assert f.details["percent"] == "66.67" and f.subject.project == "社区服务"
    assert f.message.startswith("南街街道办事处2024年度“社区服务”项目支出绩效目标表共设三级指标6项，其中可量化指标4项，占比66.67%")


def test_tgt001_benchmark_is_configuration(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("settings:\n  quantitative_benchmark: 30\n", encoding="utf-8")
    assert run(nanjie, "TGT001", config=load_config(user)) == []  # 35.29% and 41.18% ≥ 30%
    user.write_text("settings:\n  quantitative_benchmark: 40\n", encoding="utf-8")
    (f,) = run(nanjie, "TGT001", config=load_config(user))
    assert f.subject.year == 2024 and "低于40%的标准" in f.message
