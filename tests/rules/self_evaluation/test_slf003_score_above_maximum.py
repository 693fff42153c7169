"""SLF003 score_above_maximum: a 得分 above its 分值."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf003_score_above_its_maximum():
    rows = replace(INDICATORS, 0, score="46")
    (f,) = run([self_eval(indicators=rows, total=("100", "101"))], "SLF003")
    assert f.subject.line == "项目支出预算执行率" and "得分46分，超过其分值45分" in f.message


def test_slf003_full_score_is_not_above():
    assert run([self_eval()], "SLF003") == []
