"""SLF010 met_indicator_marked_down_without_reason: a met indicator that lost points with no reason given."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


MET_MARKED_DOWN = [
    ind("部门管理", "项目支出预算执行率", "≥90%", "90%", "30", "25"),  # reached exactly, 5 points lost
    ind("部门履职", "防汛演练次数", "12次", "12次", "30", "28"),  # reached, 2 points lost
    ind("部门效果", "部门效果达标率", "达标", "达标", "30", "27"),  # qualitative, reached, 3 lost
]


def test_slf010_met_indicators_marked_down_without_reason():
    found = run([self_eval(indicators=MET_MARKED_DOWN, total=("100", "90"))], "SLF010")
    assert [(f.subject.line, f.details["lost"]) for f in found] == [
        ("项目支出预算执行率", "5"), ("防汛演练次数", "2"), ("部门效果达标率", "3")]
    first = found[0]
    assert first.severity.value == "warning" and first.subject.column == "得分"
    assert first.text == (
        f"{DOC}中，“项目支出预算执行率”实际完成值“90%”已达到年度指标值“≥90%”，但得分25分，低于分值30分（扣5分），"
        "且未说明扣分原因。（来源：南街街道办事处2024年度部门整体支出绩效自评表.xlsx 自评表!D10、自评表!E10、自评表!F10、自评表!H10、自评表!G10）")
    assert [e.ref.label for e in first.evidence] == ["自评表!D10", "自评表!E10", "自评表!F10", "自评表!H10",
                                                   "自评表!G10"]


def test_slf010_above_target_and_measure_only():
    rows = [ind("部门管理", "项目支出预算执行率", "≥90%", "100%", "45", "40", "下一步加强资金调度"),
            ind("部门效果", "服务对象满意度", "≥90%", "95%", "45", "45")]
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF010")
    assert f.details["measure"] == "下一步加强资金调度"
    assert "实际完成值“100%”已达到年度指标值“≥90%”，但得分40分，低于分值45分（扣5分），偏差说明仅填写“下一步加强资金调度”，未说明扣分原因" \
        in f.message


def test_slf010_reason_given_unmet_full_marks_or_outside_a_range_is_fine():
    rows = [
        ind("部门管理", "项目支出预算执行率", "≥90%", "90%", "20", "15", "年底集中支付，部分资金未及时拨付"),  # reason
        ind("部门管理", "固定资产利用率", "≥95%", "92%", "20", "18"),  # not met: SLF006's case
        ind("部门履职", "防汛演练次数", "12次", "12次", "20", "20"),  # full marks
        ind("部门履职", "督查次数", "1-2次", "3次", "20", "18"),  # above the range: not met exactly
        ind("部门效果", "服务对象满意度", "满意", "基本满意", "10", "8"),  # words differ
        ind("部门效果", "社会影响满意度", "≥90%", "≥90%", "10", "9"),  # a target expression: SLF011
    ]
    record = self_eval(indicators=rows, total=("100", "88"))
    assert run([record], "SLF010") == []
    assert [f.subject.line for f in run([record], "SLF011")] == ["社会影响满意度"]


def test_slf010_tolerance_is_a_parameter(tmp_path):
    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  SLF010:\n    params:\n      min_points_lost: 2\n", encoding="utf-8")
    found = run([self_eval(indicators=MET_MARKED_DOWN, total=("100", "90"))], "SLF010", load_config(override))
    assert [f.subject.line for f in found] == ["项目支出预算执行率", "部门效果达标率"]  # 2 points lost is tolerated


def test_slf010_message_without_unit_and_year():
    (f, *_) = run([unknown(self_eval(indicators=MET_MARKED_DOWN, total=("100", "90")))], "SLF010")
    assert f.message.startswith("部门整体支出绩效自评表中，“项目支出预算执行率”实际完成值“90%”")
    assert "None" not in f.message and f.subject.year is None
