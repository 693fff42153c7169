"""RPT003 report_rate_differs_from_table: a stated 执行率 against the table's."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt003_stated_rate_against_the_table_rate():
    # the table's own rate is wrong (the nanjie mistake): the report that states the right one differs
    found = ids([clean_report(), table(rate_basic="43.75")], "RPT003")
    assert [(f.subject.line, f.details["stated"], f.details["table_value"]) for f in found] == [
        ("基本支出", "47.27", "43.75")]
    # no rate in the table: compared with the table's amounts
    assert ids([clean_report(), table(rate_basic=None)], "RPT003") == []
    computed = ids([clean_report(CLEAN_BUDGET.replace("执行率47.27%", "执行率41.27%")), table(rate_basic=None)],
                   "RPT003")
    assert [(f.details["stated"], f.details["table_value"]) for f in computed] == [("41.27", "47.27")]
    assert ids([clean_report(), table()], "RPT003") == []


def test_rpt003_a_rate_computed_from_the_tables_amounts_names_them():
    # the table fills in no rate for 基本支出: 486.99 ÷ 1030.25 = 47.27%, the report says 41.27%
    stated = clean_report(CLEAN_BUDGET.replace("执行率47.27%", "执行率41.27%"))
    (f,) = ids([stated, table(rate_basic=None)], "RPT003")
    assert (f.subject.line, f.subject.column, f.subject.period) == ("基本支出", "执行率", "1-6月")
    assert "1-6月执行数486.99万元÷全年预算数1030.25万元计算为47.27%" in f.message
    assert len(f.evidence) == 3


def test_rpt003_another_periods_table_is_not_compared():
    assert ids([clean_report(), table(months=9, rate_basic="43.75")], "RPT003") == []
