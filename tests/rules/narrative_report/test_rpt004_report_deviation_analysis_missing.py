"""RPT004 report_deviation_analysis_missing: a below-threshold line with no real deviation analysis."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt004_boilerplate_or_missing_deviation_reason():
    found = ids([clean_report(reason="项目支出执行率较低，主要原因是部分项目不具备付款条件。")], "RPT004")
    assert [(f.subject.line, f.subject.column, f.details["rate"]) for f in found] == [("项目支出", "偏差原因", "16.73")]
    assert "不具备付款条件" in found[0].message
    empty = report("一、预算执行情况", CLEAN_BUDGET, "二、下一步改进措施", CONCRETE_MEASURE)
    assert [f.text.endswith("但报告未分析偏差原因。（来源：南街街道办事处2024年1-6月绩效运行监控报告.docx 第3段）")
            for f in ids([empty], "RPT004")] == [True]
    assert ids([clean_report()], "RPT004") == []
    # above the threshold nothing needs explaining
    fast = CLEAN_BUDGET.replace("执行22.48万元，执行率16.73%", "执行62.48万元，执行率46.50%")
    assert ids([clean_report(fast.replace("509.47", "549.47").replace("43.75", "47.18"),
                             reason="无。")], "RPT004") == []


def test_rpt004_a_total_is_explained_by_its_parts_reasons():
    budget = ("全年预算1750.00万元，全年执行1741.20万元，执行率99.50%。项目支出预算400.00万元，执行391.20万元，"
              "执行率97.80%。")
    title = "西湖镇人民政府2024年度部门整体支出绩效自评报告"
    concrete = "由财政所负责，于2025年6月底前完成结余资金清理。"
    explained = report("一、预算执行情况", budget, "二、偏差原因分析",
                       "项目支出结余8.80万元，原因是农村人居环境整治项目公开招标，中标价低于预算。",
                       "三、改进措施", concrete, title=title)
    assert ids([explained], "RPT004") == []
    # the part's reason is boilerplate: both the part and the total are unexplained
    vague = report("一、预算执行情况", budget, "二、偏差原因分析", "项目支出主要原因是部分项目不具备付款条件。",
                   "三、改进措施", concrete, title=title)
    assert sorted(f.subject.line for f in ids([vague], "RPT004")) == ["合计", "项目支出"]
