"""TGT002 vague_qualitative_value: qualitative values made of a vague word, with a suggestion."""

from __future__ import annotations

from pathlib import Path

from checks import load_config
from schemas.findings import Severity, Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt002_vague_values_with_suggestions(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT002")}
    assert len([k for k in found if k[0] == 2024]) == 11
    asset = found[(2024, "资产管理规范性")]
    assert asset.severity is Severity.NOTICE
    assert asset.subject == Subject(unit=UNIT, year=2024, line="资产管理规范性", column="指标值")
    assert asset.details["value"] == "规范" and asset.details["vague_word"] == "规范"
    assert asset.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，三级指标“资产管理规范性”的指标值为“规范”，属定性表述，"
        "缺乏可衡量的数值标准，建议细化（如：违规问题发生数=0个 / 抽查合规率≥98%）。"
        f"（来源：{F2024} 第1页 表1 第19行第3列、第1页 表1 第19行第4列）"
    )
    assert labels(asset) == [pdf_cell(19, 3), pdf_cell(19, 4)]
    assert [e.raw for e in asset.evidence] == ["资产管理规范性", "规范"]
    duty = found[(2024, "部门履职情况提升性")]
    assert duty.details["vague_word"] == "有效提升"  # the longest listed word
    assert "建议细化（如：党建活动开展次数≥12次/年）" in duty.message
    assert "“服务对象满意度”的指标值为“满意”" in found[(2024, "服务对象满意度")].message
    assert "如：满意度≥90%（问卷样本≥200份）" in found[(2024, "社会影响满意度")].message
    assert "如：预算编制完整率100%" in found[(2024, "预算编制完整性")].message
    assert "如：制度覆盖率100%、制度执行检查≥2次/年" in found[(2024, "内控制度健全性")].message
    assert "如：达标率≥95%" in found[(2024, "部门效果达标率")].message
    assert (2025, "电费缴纳次数") not in found and (2024, "固定资产利用率") not in found


def test_tgt002_default_suggestion_and_non_vague_words():
    table = build_table([
        ("部门履职", "一般履职", "档案管理工作", "良好"),
        ("部门履职", "一般履职", "工资发放", "按月发放"),  # qualitative but not a vague word
        ("部门履职", "一般履职", "矛盾纠纷调解成功率", "≥95%"),
    ])
    (f,) = run([table], "TGT002")
    assert f.subject.line == "档案管理工作"
    assert "建议细化（请以“运算符+数值+单位”表述，如 ≥90%）" in f.message


def test_tgt002_word_list_is_configuration(tmp_path: Path):
    table = build_table([("部门履职", "一般履职", "工资发放", "按月发放")])
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  TGT002:\n    params:\n      vague_words: [按月]\n", encoding="utf-8")
    (f,) = run([table], "TGT002", config=load_config(user))
    assert f.details["vague_word"] == "按月"
    assert load_config(user)["rules"]["TGT002"]["params"]["suggestions"]  # other params kept
