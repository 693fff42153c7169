"""MON004 annual_budget_changed: a 全年预算数 that changes between periods without a word why."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_mon004_budget_changed_without_explanation():
    r6 = build_report(6, [L("基本支出", "1030.25", "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", "1030.25", "1050.25", "769.28", reason="", measure="加快支付进度")])
    (f,) = run([r6, r9], "MON004")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-9月", line="基本支出", column="全年预算数")
    assert (f.details["earlier"], f.details["later"], f.details["change"]) == ("1030.25", "1050.25", "+20.00")
    assert labels(f) == [cell(6, "annual"), cell(6, "annual"), cell(6, "measure")]
    assert [e.role for e in f.evidence[:2]] == ["1-6月表全年预算数（基本支出）", "1-9月表全年预算数（基本支出）"]
    assert "全年预算数由1-6月的1030.25万元变为1-9月的1050.25万元（+20.00万元）" in f.message


def test_mon004_budget_change_with_an_explanation():
    r6 = build_report(6, [L("基本支出", "1030.25", "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", "1030.25", "1050.25", "769.28",
                            reason="8月追加人员经费20万元，全年预算数相应调增")])
    assert run([r6, r9], "MON004") == []


def test_mon004_same_budget_printed_in_yuan_is_no_change():
    r6 = build_report(6, [L("基本支出", None, "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", None, "10,302,500.00", "7,692,800.00")], printed_unit="元")
    assert run([r6, r9], "MON004") == []


def test_mon004_keywords_are_configurable(tmp_path: Path):
    r6 = build_report(6, [L("基本支出", None, "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", None, "1000.25", "769.28", reason="上级收回部分资金")])
    assert run([r6, r9], "MON004") == []  # 收回 is a default keyword
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON004:\n    params:\n      adjustment_keywords: [调整]\n", encoding="utf-8")
    (f,) = run([r6, r9], "MON004", config=load_config(user))
    assert f.details["change"] == "-30.00"
