"""MON009 negative_amount: a budget or execution figure below zero."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon009_names_a_negative_budget_or_execution_figure():
    r = build_report(6, [L("合计", "1000.00", "1000.00", "500.00", "50.00"),
                         L("人员经费", "-958.63", "958.63", "-12.50", None)])
    found = run([r], "MON009")
    assert [(f.subject.line, f.subject.column) for f in found] == [("人员经费", "年初预算数"), ("人员经费", "执行数")]
    first, second = found
    assert first.severity is Severity.ERROR
    assert "“人员经费”的年初预算数为负数（-958.63万元）" in first.message
    assert labels(first) == [cell(7, "initial")] and labels(second) == [cell(7, "executed")]
    assert "1-6月执行数为负数（-12.50万元）" in second.message


def test_mon009_is_silent_on_zero_and_positive_figures():
    r = build_report(9, [L("合计", "0.00", "1000.00", "0", "0.00"), L("公用经费", "10.00", "12.00", "3.00", "25.00")])
    assert run([r], "MON009") == []
