"""TGT004 catch_all_indicator: key sections carried by one indicator or by indicators restating them."""

from __future__ import annotations

from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt004_nanjie_catch_all_sections(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT004")}
    assert set(found) == {(2024, "部门履职"), (2024, "部门效果"), (2025, "部门履职"), (2025, "部门效果")}
    duty = found[(2024, "部门履职")]
    assert duty.subject.column == "三级指标"
    assert duty.details["single"] is True and duty.details["restating"] == ["部门履职情况提升性"]
    assert duty.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，“部门履职”板块仅设置三级指标“部门履职情况提升性”1项，"
        "且指标名称仅复述板块名称，过于笼统，未根据实际工作内容进行细化。"
        f"（来源：{F2024} 第2页 表1 第25行第3列）"
    )
    effect = found[(2024, "部门效果")]
    assert effect.details["single"] is False and effect.details["indicators"] == ["部门效果达标率"]
    assert "“部门效果”板块（共3项三级指标）下的“部门效果达标率”仅复述板块名称" in effect.message
    assert labels(effect) == [pdf_cell(26, 3)]
    electricity = found[(2025, "部门履职")]
    assert electricity.details["restating"] == []
    assert "“部门履职”板块仅设置三级指标“电费缴纳次数”1项，不能全面反映该板块的核心工作" in electricity.message
    assert labels(electricity) == ["表1 第25行第3列"]


def test_tgt004_single_indicator_outside_key_sections_is_fine():
    # 满意度指标 (not a key section) with one indicator; 产出指标 names its own 二级 words only
    rows = PROJECT_ROWS + [("效益指标", "可持续影响指标", "长效机制建立", "建立")]
    rows[1] = ("产出指标", "质量指标", "产出质量合格率", "≥95%")
    assert run([build_table(rows, kind="project", project="居民技能培训")], "TGT004") == []
    unit_rows = [("部门管理", "资金投入", "预算执行率", "≥90%"),
                 ("部门履职", "重点履职", "党建活动开展次数", "≥12次"),
                 ("部门履职", "重点履职", "矛盾纠纷调解成功率", "≥95%"),
                 ("部门效果", "服务对象满意度", "居民满意度", "≥90%"),
                 ("部门效果", "服务对象满意度", "企业满意度", "≥85%")]
    assert run([build_table(unit_rows)], "TGT004") == []
