"""SLF004 total_score_mismatch: a 总分 that is not the sum of the scores."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf004_total_differs_from_the_parts():
    (f,) = run([self_eval(total=("100", "97"))], "SLF004")
    assert f.details["computed"] == "100" and f.details["difference"] == "-3"


def test_slf004_sub_lines_scored_too_count_once():
    lines = [["年度资金总额", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"],
             ["其中：当年财政拨款", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"]]
    assert run([self_eval(lines=lines)], "SLF004") == []


def test_slf004_total_rounded_to_its_print_precision_is_fine():
    rows = replace(INDICATORS, 0, score="44.6")
    assert run([self_eval(indicators=rows, total=("100", "99.6"))], "SLF004") == []
    assert run([self_eval(indicators=rows, total=("100", "100"))], "SLF004") == []  # 99.6 printed as 100
    assert len(run([self_eval(indicators=rows, total=("100", "99.5"))], "SLF004")) == 1
