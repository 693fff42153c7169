"""MON003 cumulative_decrease: a cumulative 执行数 that falls from one period to the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon003_cumulative_executed_decreases():
    r6 = build_report(6, [L("合计", None, "1164.62", "531.93"), L("项目支出", None, "134.37", "22.46")])
    r9 = build_report(9, [L("合计", None, "1164.62", "831.13"), L("项目支出", None, "134.37", "20.00")])
    (f,) = run([r9, r6], "MON003")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-9月", line="项目支出", column="执行数")
    assert (f.details["earlier"], f.details["later"], f.details["decrease"]) == ("22.46", "20.00", "2.46")
    assert [e.ref.file_name for e in f.evidence] == [file_name(6), file_name(9)]
    assert labels(f) == [cell(7, "executed"), cell(7, "executed")]
    assert "“项目支出”1-9月累计执行数20.00万元小于1-6月累计执行数22.46万元（减少2.46万元）" in f.message


def test_mon003_compares_consecutive_periods_of_the_same_table_only():
    reports = [
        build_report(3, [L("项目支出", None, "134.37", "30.00")]),
        build_report(6, [L("项目支出", None, "134.37", "22.46")]),
        build_report(9, [L("项目支出", None, "134.37", "61.85")]),
        # another project's table and another unit: never compared with the unit-wide table
        build_report(9, [L("项目支出", None, "134.37", "5.00")], kind="project", project="环卫项目"),
        build_report(9, [L("项目支出", None, "134.37", "1.00")], unit="东街街道办事处"),
    ]
    findings = run(reports, "MON003")
    assert [(f.subject.unit, f.subject.period, f.subject.project) for f in findings] == [(UNIT, "1-6月", "")]


def test_mon003_equal_or_growing_is_fine():
    r6 = build_report(6, [L("合计", None, "1164.62", "531.93")])
    r9 = build_report(9, [L("合计", None, "1164.62", "531.93")])
    assert run([r6, r9], "MON003") == []
