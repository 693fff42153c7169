"""SLF006 unmet_indicator_without_measure: an indicator not met with no reason or no measure."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf006_reason_without_measure():
    rows = replace(INDICATORS, 1, actual="86%", score="40", deviation="部分居民对办事等候时间有意见")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF006")
    assert f.subject.line == "服务对象满意度" and f.subject.column == "改进措施"
    assert "仅标注原因“部分居民对办事等候时间有意见”，未提出整改措施" in f.message
    assert f.evidence[-1].raw == "部分居民对办事等候时间有意见"


def test_slf006_blank_deviation_and_qualitative_shortfall():
    rows = replace(INDICATORS, 1, target="满意", actual="基本满意", score="40")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF006")
    assert "未填写偏差原因及改进措施" in f.message


def test_slf006_qualitative_value_reached_but_marked_down_is_fine():
    rows = replace(INDICATORS, 1, target="满意", actual="满意", score="40")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF006") == []


def test_slf006_reason_and_measure_or_met_indicator_is_fine():
    rows = replace(INDICATORS, 1, actual="86%", score="40",
                   deviation="部分居民对办事等候时间有意见；改进措施：2025年3月底前由党政办牵头增设自助服务窗口")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF006") == []
    # met, with a blank deviation cell
    assert run([self_eval()], "SLF006") == []
