"""TGT005 satisfaction_undifferentiated: satisfaction indicators not split by group or without a number."""

from __future__ import annotations

from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt005_nanjie_satisfaction(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT005")}
    assert set(found) == {(y, line) for y in (2024, 2025) for line in ("满意度", "服务对象满意度", "社会影响满意度")}
    split = found[(2024, "满意度")]
    assert split.subject.column == "三级指标"
    assert split.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，满意度指标“服务对象满意度”、“社会影响满意度”"
        "未按服务对象类型（如居民、企业、社区工作者等）分别设定，评价针对性不足。"
        f"（来源：{F2024} 第2页 表1 第27-28行第3列）"
    )
    assert labels(split) == [pdf_cell(27, 3), pdf_cell(28, 3)]
    social = found[(2024, "社会影响满意度")]
    assert social.subject.column == "指标值" and social.details["value"] == "较好"
    assert "满意度指标“社会影响满意度”的指标值为“较好”，未设定量化的满意度标准" in social.message
    assert labels(social) == [pdf_cell(28, 3), pdf_cell(28, 4)]


def test_tgt005_split_and_numbered_satisfaction_is_fine():
    rows = [("部门效果", "服务对象满意度", "居民满意度", "≥90%"),
            ("部门效果", "服务对象满意度", "企业满意度", "≥85%")]
    assert run([build_table(rows)], "TGT005") == []
    rows.append(("部门效果", "服务对象满意度", "社区工作者满意度", "满意"))
    (f,) = run([build_table(rows)], "TGT005")  # split, but one states no number
    assert f.subject.line == "社区工作者满意度" and f.subject.column == "指标值"
