"""SLF001 self_evaluation_rate_mismatch: a 执行率 that the line's own amounts do not give."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf001_wrong_rate_is_found_with_its_cells():
    lines = [["年度资金总额", "1100.00", "1164.62", "1030.25", "10", "93.66%", "8.85"]]
    (f,) = run([self_eval(lines=lines, total=("100", "98.85"))], "SLF001")
    # 1030.25 ÷ 1164.62 = 88.46%; 93.66% is 1030.25 ÷ 1100.00 (the 年初预算数)
    assert f.details["computed"] == "88.46" and f.details["reported"] == "93.66"
    assert "应为88.46%" in f.message and "自评表!H5" in f.text
    assert [e.ref.label for e in f.evidence] == ["自评表!H5", "自评表!F5", "自评表!E5"]
    assert (f.subject.unit, f.subject.year, f.subject.line, f.subject.column) == (UNIT, 2024, "资金总额", "执行率")


def test_slf001_rate_within_print_precision_is_fine():
    # 1030.25 ÷ 1164.62 = 88.4623…: 88.46 and the truncated 88.4 both agree
    for printed in ("88.46%", "88.4%", "88%"):
        lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", printed, "8.85"]]
        assert run([self_eval(lines=lines, total=("100", "98.85"))], "SLF001") == []
