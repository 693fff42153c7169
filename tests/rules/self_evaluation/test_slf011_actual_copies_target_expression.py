"""SLF011 actual_copies_target_expression: an 实际完成值 written as a target expression."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf011_actual_written_as_a_target_expression():
    rows = [ind("部门履职", "道路清扫长度", "≥266米", "≥266米", "45", "45"),
            ind("部门效果", "服务对象满意度", "≥95%", "不低于95%", "45", "45")]
    found = run([self_eval(indicators=rows)], "SLF011")
    assert [(f.subject.line, f.details["actual"], f.details["same_as_target"]) for f in found] == [
        ("道路清扫长度", "≥266米", True), ("服务对象满意度", "不低于95%", False)]
    assert found[0].text == (
        f"{DOC}中，“道路清扫长度”年度指标值为“≥266米”，实际完成值填报为“≥266米”，沿用了目标值的比较表述，"
        "未填写实际达到的数值。（来源：南街街道办事处2024年度部门整体支出绩效自评表.xlsx 自评表!D10、自评表!E10、自评表!F10）")
    assert found[0].severity.value == "warning" and found[1].details["operator"] == "不低于"


def test_slf011_blank_target_and_unknown_unit():
    rows = [ind("部门效果", "服务对象满意度", "", "95%以上", "90", "90")]
    (f,) = run([unknown(self_eval(indicators=rows))], "SLF011")
    assert f.message.startswith("部门整体支出绩效自评表中，“服务对象满意度”实际完成值填报为“95%以上”，属带比较符号的目标表述")


def test_slf011_measured_figures_and_deadlines_are_fine():
    rows = [ind("部门履职", "道路清扫长度", "≥266米", "266米", "30", "30"),
            ind("部门效果", "服务对象满意度", "≥95%", "达到95%", "30", "30"),  # 达到 reports a result
            ind("部门管理", "资金拨付时限", "12月底前", "12月底前", "30", "30")]  # a deadline: skip_units
    assert run([self_eval(indicators=rows)], "SLF011") == []
