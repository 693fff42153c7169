"""RPT008 report_parts_differ_from_total: the report's parts against its totals."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt008_stated_parts_against_stated_totals():
    assert ids([clean_report()], "RPT008") == []  # 1030.25 + 134.37 = 1164.62; 486.99 + 22.48 = 509.47
    found = ids([clean_report(CLEAN_BUDGET.replace("执行486.99万元，执行率47.27%", "执行496.99万元，执行率48.24%"))],
                "RPT008")
    assert [(f.subject.line, f.subject.column, f.details["total"], f.details["computed"]) for f in found] == [
        ("合计", "执行数", "509.47", "519.47")]
    assert "“基本支出”、“项目支出”之和为519.47万元，相差10.00万元" in found[0].message
    assert len(found[0].evidence) == 3
    # rounding: two parts printed to 0.01 may miss the total by up to 0.015
    assert ids([clean_report(CLEAN_BUDGET.replace("执行22.48万元", "执行22.49万元"))], "RPT008") == []
    # without 基本支出, 人员经费 + 公用经费 + 项目支出 make the total
    three = ("全年预算1164.62万元，1-6月执行509.47万元。人员经费执行451.00万元，公用经费执行36.00万元，"
             "项目支出执行22.48万元。")
    assert ids([clean_report(three)], "RPT008") == []  # 509.48 is 509.47 within rounding
    assert [f.subject.line for f in ids([clean_report(three.replace("36.00", "46.00"))], "RPT008")] == ["合计"]


def test_rpt008_a_budget_whose_parts_exceed_the_total():
    # 全年预算: 1040.25 + 134.37 = 1174.62 against the stated 1164.62
    wrong = clean_report(CLEAN_BUDGET.replace("基本支出预算1030.25万元", "基本支出预算1040.25万元"))
    found = ids([wrong], "RPT008")
    assert [(f.subject.line, f.subject.column, f.details["total"], f.details["computed"]) for f in found] == [
        ("合计", "全年预算数", "1164.62", "1174.62")]
    assert found[0].details["parts"] == ["基本支出", "项目支出"]
