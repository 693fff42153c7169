"""SLF008 self_evaluation_differs_from_targets: self-evaluated indicators that differ from the approved targets."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def _approved(indicators):
    return build_table(indicators, year=2024)


def test_slf008_indicator_and_value_differ_from_the_approved_targets():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥95%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%"),
                          ("部门管理", "资产管理", "固定资产利用率", "≥95%")])
    found = run([self_eval(), approved], "SLF008")
    keys = sorted((f.subject.line, f.subject.column) for f in found)
    # 90% instead of the approved 95%; 固定资产利用率 was approved but not evaluated
    assert keys == [("固定资产利用率", "三级指标"), ("项目支出预算执行率", "年度指标值")]
    changed = next(f for f in found if f.subject.column == "年度指标值")
    assert "“≥90%”" in changed.message and "批复的“≥95%”" in changed.message


def test_slf008_unapproved_indicator():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%")])
    rows = [*INDICATORS[:1], ("部门效果", "社会效益", "社区治理创新项目数", "≥3个", "3个", "45", "45", "")]
    found = {f.subject.line: f for f in run([self_eval(indicators=rows), approved], "SLF008")}
    # the new indicator is not approved, and the approved 服务对象满意度 went unevaluated
    assert set(found) == {"社区治理创新项目数", "服务对象满意度"}
    assert "不在2024年度批复的" in found["社区治理创新项目数"].message
    assert "未在南街街道办事处2024年度部门整体支出绩效自评表中自评" in found["服务对象满意度"].message


def test_slf008_same_indicators_or_no_target_table_is_fine():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%")])
    assert run([self_eval(), approved], "SLF008") == []
    assert run([self_eval()], "SLF008") == []
    # another year's targets do not count
    assert run([self_eval(), build_table(NANJIE_2024_INDICATORS, year=2025)], "SLF008") == []
