"""MON001 execution_rate_mismatch: a reported 执行率 that 执行数 ÷ 全年预算数 does not give."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon001_matches_own_initial_budget():
    r = build_report(6, [L("合计", "800.00", "1000.00", "400.00", "50.00")])
    (f,) = run([r], "MON001")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="合计", column="执行率")
    assert (f.details["reported"], f.details["computed"]) == ("50.00", "40.00")
    assert f.details["matched_denominator"] == "年初预算数（合计）"
    assert "填报值与按“合计”年初预算数800.00万元计算的结果（50.00%）一致" in f.message
    assert labels(f) == [cell(6, "rate"), cell(6, "executed"), cell(6, "annual"), cell(6, "initial")]


def test_mon001_matches_another_lines_executed():
    r = build_report(6, [
        L("基本支出", None, "1000.00", "400.00", "45.00"),
        L("人员经费", None, "900.00", "450.00", "50.00"),
    ])
    (f,) = run([r], "MON001")
    assert f.subject.line == "基本支出"
    assert f.details["matched_numerator"] == "1-6月执行数（人员经费）"
    assert "填报值与按“人员经费”1-6月执行数450.00万元计算的结果（45.00%）一致，疑为分子取错" in f.message
    assert labels(f)[-1] == cell(7, "executed")


def test_mon001_without_an_explanation():
    r = build_report(6, [L("合计", None, "1000.00", "394.10", "10.74")])
    (f,) = run([r], "MON001")
    assert (f.details["reported"], f.details["computed"], f.details["tolerance"]) == ("10.74", "39.41", "0.01")
    assert not any(k.startswith("matched") for k in f.details)
    assert "计算应为39.41%，填报值有误" in f.message
    assert len(f.evidence) == 3


def test_mon001_computed_rate_rounds_half_up_to_reported_decimals():
    # 49.445 % shown with one decimal as the report printed it
    r = build_report(6, [L("合计", None, "2000.00", "988.90", "40.0")])
    (f,) = run([r], "MON001")
    assert f.details["computed"] == "49.4"
    assert f.details["computed_exact"] == "49.445000"


@pytest.mark.parametrize(
    "executed, budget, reported",
    [("592.85", "1000.00", "59.28"), ("592.85", "1000.00", "59.29"),
     ("5369.78", "10000.00", "53.69"), ("722.60", "1000.00", "72.3")],
)
def test_mon001_rounding_conventions_are_not_findings(executed, budget, reported):
    r = build_report(6, [L("合计", None, budget, executed, reported)])
    assert run([r], "MON001") == []


@pytest.mark.parametrize("budget", ["0", "0.00", "-", None])
def test_mon001_no_rate_rules_without_a_budget(budget):
    r = build_report(6, [L("项目支出", None, budget, "10.00", "12.00")])
    assert run([r], "MON001") == []
    assert run([r], "MON005") == []
