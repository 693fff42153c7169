"""SLF005 unmet_indicator_full_score: an indicator that fell short of its target but got full marks."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf005_unmet_indicator_with_full_marks():
    rows = replace(INDICATORS, 0, actual="85%", deviation="部分项目未达付款条件。下一步由财务室负责，3月底前完成支付")
    (f,) = run([self_eval(indicators=rows)], "SLF005")
    assert f.subject.line == "项目支出预算执行率" and "实际完成值85%未达到目标" in f.message


def test_slf005_met_or_marked_down_is_fine():
    rows = replace(INDICATORS, 0, actual="85%", score="40", deviation="部分项目未达付款条件。下一步由财务室负责，3月底前完成支付")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF005") == []
    assert run([self_eval()], "SLF005") == []
