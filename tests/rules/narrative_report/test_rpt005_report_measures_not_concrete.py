"""RPT005 report_measures_not_concrete: a slow report whose measures name no action, owner or date."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt005_measures_without_owner_date_or_substance():
    found = ids([clean_report(measure="一是加强学习。二是加快支付进度，确保完成全年目标。")], "RPT005")
    assert [(f.subject.column, f.details["lines"]) for f in found] == [("改进措施", ["项目支出"])]
    assert "加强学习" in found[0].message
    none = report("一、预算执行情况", CLEAN_BUDGET, "二、偏差原因分析", CONCRETE_REASON)
    assert [f.message for f in ids([none], "RPT005")][0].count("未提出改进措施") == 1
    assert ids([clean_report()], "RPT005") == []
    assert ids([clean_report(measure="下一步将对接施工单位，完成道路改造工程竣工结算审计后再支付工程尾款。")], "RPT005") == []


def test_rpt005_a_report_above_the_threshold_needs_no_measures():
    # 项目支出 62.48 ÷ 134.37 = 46.50%, 合计 549.47 ÷ 1164.62 = 47.18%: no line below the 1-6月 threshold
    fast = CLEAN_BUDGET.replace("执行22.48万元，执行率16.73%", "执行62.48万元，执行率46.50%")
    fast = fast.replace("509.47", "549.47").replace("43.75", "47.18")
    assert ids([clean_report(fast, measure="一是加强学习。二是加快支付进度，确保完成全年目标。")], "RPT005") == []
    # the same vague measures with 项目支出 at 16.73% are reported
    assert len(ids([clean_report(measure="一是加强学习。二是加快支付进度，确保完成全年目标。")], "RPT005")) == 1
