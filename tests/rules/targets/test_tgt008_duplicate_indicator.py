"""TGT008 duplicate_indicator: the same 三级 indicator name twice in one table."""

from __future__ import annotations

from schemas.findings import Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt008_duplicate_indicator():
    rows = [("部门管理", "资金投入", "“三公经费”控制率", "≤100%"),
            ("部门管理", "资产管理", "固定资产利用率", "≥95%"),
            ("部门管理", "制度管理", "三公经费控制率", "≤100%")]
    (f,) = run([build_table(rows)], "TGT008")
    assert f.subject == Subject(unit=UNIT, year=2024, line="“三公经费”控制率", column="三级指标")
    assert f.details["count"] == 2
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，三级指标““三公经费”控制率”重复设置2次"
        "（部门管理-资金投入、部门管理-制度管理），请核实并合并或区分。"
        f"（来源：{F2024} 第1页 表1 第9行第3列、第1页 表1 第11行第3列）"
    )
    assert labels(f) == [pdf_cell(9, 3), pdf_cell(11, 3)]


def test_tgt008_similar_but_different_names_are_fine(nanjie):
    assert run(nanjie, "TGT008") == []
    rows = [("部门管理", "制度管理", "公用经费控制率", "≤100%"), ("部门管理", "资金投入", "三公经费控制率", "≤100%")]
    assert run([build_table(rows)], "TGT008") == []
