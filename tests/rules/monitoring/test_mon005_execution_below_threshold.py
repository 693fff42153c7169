"""MON005 execution_below_threshold: a line spending slower than the period allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon005_boundary_uses_the_printed_amounts():
    # 40.00 % may be exactly the threshold: not certainly below. 39.99 % is.
    at = build_report(6, [L("项目支出", None, "100.00", "40.00", "40.00")])
    below = build_report(6, [L("项目支出", None, "100.00", "39.99", "39.99")])
    assert run([at], "MON005") == []
    (f,) = run([below], "MON005")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出", column="执行率")
    assert (f.details["computed"], f.details["threshold"]) == ("39.99", "40")


def test_mon005_uses_the_computed_rate_not_the_reported_one():
    # reported 45.00 % looks fine; the amounts say 16.72 %
    r = build_report(6, [L("项目支出", None, "134.37", "22.46", "45.00")])
    (f,) = run([r], "MON005")
    assert f.details["computed"] == "16.72"


def test_mon005_interpolates_unlisted_periods():
    r9 = build_report(9, [L("合计", None, "100.00", "69.00"), L("人员经费", None, "100.00", "71.36")])
    (f,) = run([r9], "MON005")
    assert (f.subject.line, f.details["threshold"]) == ("合计", "70")
    r5 = build_report(5, [L("合计", None, "100.00", "32.00")])
    (f5,) = run([r5], "MON005")
    assert f5.details["threshold"] == "32.5"
    assert "（序时进度41.67%）" in f5.message
