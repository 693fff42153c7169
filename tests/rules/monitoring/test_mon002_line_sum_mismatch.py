"""MON002 line_sum_mismatch: a total line that is not the sum of its part lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon002_total_differs_from_parts_in_executed():
    r = build_report(6, [
        L("合计", None, "1164.62", "531.95"),
        L("基本支出", None, "1030.25", "509.47"),
        L("项目支出", None, "134.37", "22.46"),
    ])
    (f,) = run([r], "MON002")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="合计", column="执行数")
    assert f.details == {"reported": "531.95", "computed": "531.93", "difference": "0.02",
                         "tolerance": "0.015", "parts": "基本支出、项目支出"}
    assert labels(f) == [cell(6, "executed"), cell(7, "executed"), cell(8, "executed")]
    assert ("“合计”1-6月执行数填报为531.95万元，与“基本支出”509.47万元＋“项目支出”22.46万元之和531.93万元不一致，"
            "相差0.02万元，超出四舍五入误差（0.015万元）") in f.message


def test_mon002_basic_expenditure_in_initial_budget():
    r = build_report(6, [
        L("基本支出", "1030.30", "1030.25", "509.47"),
        L("人员经费", "958.63", "958.63", "479.32"),
        L("公用经费", "71.62", "71.62", "30.15"),
    ])
    (f,) = run([r], "MON002")
    assert (f.subject.line, f.subject.column) == ("基本支出", "年初预算数")
    assert f.details["difference"] == "0.05"
    assert labels(f) == [cell(6, "initial"), cell(7, "initial"), cell(8, "initial")]


def test_mon002_project_total_with_blank_other_funds():
    r = build_report(6, [
        L("资金总额", None, "50.02", "10.00"),
        L("财政拨款", None, "50.00", "10.00"),
        L("其他资金", None, "-", "-"),
    ], kind="project", project="老旧小区改造项目")
    (f,) = run([r], "MON002")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", project="老旧小区改造项目",
                                line="资金总额", column="全年预算数")
    assert f.details["tolerance"] == "0.010"
    assert f.message.startswith(f"{UNIT}2024年1-6月“老旧小区改造项目”项目支出绩效运行监控表中")


def test_mon002_one_cent_with_two_parts_is_rounding():
    r = build_report(6, [
        L("合计", "1164.63", "1164.61", "531.94"),
        L("基本支出", "1030.25", "1030.25", "509.47"),
        L("项目支出", "134.37", "134.37", "22.46"),
    ])
    assert run([r], "MON002") == []


def test_mon002_needs_every_part():
    r = build_report(6, [L("合计", None, "1164.62", "600.00"), L("基本支出", None, "1030.25", "509.47")])
    assert run([r], "MON002") == []
