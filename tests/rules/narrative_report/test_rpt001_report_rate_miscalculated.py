"""RPT001 report_rate_miscalculated: a stated 执行率 against the stated amounts."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt001_stated_rate_against_stated_amounts():
    wrong = clean_report(CLEAN_BUDGET.replace("执行率47.27%", "执行率43.75%"))
    found = ids([wrong], "RPT001")
    assert [(f.subject.line, f.subject.period, f.details["computed"]) for f in found] == [("基本支出", "1-6月", "47.27")]
    assert "486.99" in found[0].message and "1030.25" in found[0].message and "43.75%" in found[0].message
    assert {e.raw for e in found[0].evidence} == {"43.75%", "486.99万元", "1030.25万元"}
    # rounding: 509.47 ÷ 1164.62 = 43.746…%, printed 43.7 or 43.74 is not an error
    assert ids([clean_report(CLEAN_BUDGET.replace("执行率43.75%", "执行率43.7%"))], "RPT001") == []
    assert ids([clean_report(CLEAN_BUDGET.replace("执行率43.75%", "执行率43.74%"))], "RPT001") == []


def test_rpt001_rates_that_follow_from_the_amounts_raise_nothing():
    # 509.47 ÷ 1164.62 = 43.75%, 486.99 ÷ 1030.25 = 47.27%, 22.48 ÷ 134.37 = 16.73%
    assert ids([clean_report()], "RPT001") == []
    # a self-evaluation's 100.00% of a year fully spent: 1164.62 ÷ 1164.62; stated 98.00% is wrong
    def year(rate: str):
        return report("一、预算执行情况", f"2024年度全年预算1164.62万元，全年执行1164.62万元，执行率{rate}。",
                      "二、绩效目标完成情况", "年度各项绩效指标均已完成，部门履职和社会效益达到预期目标。",
                      title=SELF_EVALUATION)

    assert ids([year("100.00%")], "RPT001") == []
    found = ids([year("98.00%")], "RPT001")
    assert [(f.subject.line, f.subject.period, f.details["computed"]) for f in found] == [("合计", "全年", "100.00")]
