"""Narrative-report rules RPT001–RPT006: each with a report that triggers it and one that must not.

Reports are small hand-written texts (a .docx paragraph per entry) parsed by the narrative_report
kind; the monitoring tables they are checked against are built by hand (tests/rules/monitoring/builders.py).
"""

from __future__ import annotations

from builders import SHA, make_doc
from checks import load_config, run_checks
from extractors.kinds import best_kind
from extractors.kinds.narrative_report import parse
from schemas.document import Format, TextBlock
from schemas.narrative_report import NarrativeReport
from schemas.provenance import SourceRef
from tests.rules.monitoring.builders import L, build_report

UNIT = "南街街道办事处"
TITLE = f"{UNIT}2024年1-6月绩效运行监控报告"
CLEAN_BUDGET = ("2024年全年预算1164.62万元，1-6月执行509.47万元，执行率43.75%。其中：基本支出预算1030.25万元，"
                "执行486.99万元，执行率47.27%；项目支出预算134.37万元，执行22.48万元，执行率16.73%。")
CONCRETE_REASON = "项目支出执行率偏低，主要是社区道路改造项目6月中旬才完成招标，合同约定验收合格后一次性支付工程款。"
CONCRETE_MEASURE = "由项目办负责，于9月30日前完成道路改造项目竣工验收并支付工程款。"


def report(*paragraphs: str, title: str = TITLE) -> NarrativeReport:
    doc = make_doc([], file_name=f"{title}.docx", fmt=Format.DOCX)
    doc.blocks = [TextBlock(text=t, order=i, ref=SourceRef(file_sha256=SHA, file_name=doc.file_name, label=f"第{i}段"))
                  for i, t in enumerate([title, *paragraphs], start=1)]
    kind = best_kind(doc)
    assert kind is not None and kind[0].name == "narrative_report"
    return parse(doc)[0]


def clean_report(budget: str = CLEAN_BUDGET, reason: str = CONCRETE_REASON,
                 measure: str = CONCRETE_MEASURE) -> NarrativeReport:
    return report("一、预算执行情况", budget, "二、偏差原因分析", reason, "三、下一步改进措施", measure)


def table(months: int = 6, basic_exec: str = "486.99", rate_basic: str | None = "47.27"):
    return build_report(months, [
        L("合计", "1164.62", "1164.62", "509.47", "43.75"),
        L("基本支出", "1030.25", "1030.25", basic_exec, rate_basic),
        L("项目支出", "134.37", "134.37", "22.48", "16.73", "不具备付款条件", "加快支付"),
    ])


def ids(records, rule_id: str):
    return [f for f in run_checks(records, load_config(), only=[rule_id]) if f.rule_id == rule_id]


def test_the_clean_report_raises_nothing_alone_or_with_its_table():
    clean = clean_report()
    assert [f.rule_id for f in run_checks([clean], load_config()) if f.rule_id.startswith("RPT")] == []
    assert [f.rule_id for f in run_checks([clean, table()], load_config()) if f.rule_id.startswith("RPT")] == []


def test_rpt001_stated_rate_against_stated_amounts():
    wrong = clean_report(CLEAN_BUDGET.replace("执行率47.27%", "执行率43.75%"))
    found = ids([wrong], "RPT001")
    assert [(f.subject.line, f.subject.period, f.details["computed"]) for f in found] == [("基本支出", "1-6月", "47.27")]
    assert "486.99" in found[0].message and "1030.25" in found[0].message and "43.75%" in found[0].message
    assert {e.raw for e in found[0].evidence} == {"43.75%", "486.99万元", "1030.25万元"}
    # rounding: 509.47 ÷ 1164.62 = 43.746…%, printed 43.7 or 43.74 is not an error
    assert ids([clean_report(CLEAN_BUDGET.replace("执行率43.75%", "执行率43.7%"))], "RPT001") == []
    assert ids([clean_report(CLEAN_BUDGET.replace("执行率43.75%", "执行率43.74%"))], "RPT001") == []


def test_rpt002_stated_amount_against_the_monitoring_table():
    found = ids([clean_report(), table(basic_exec="476.99", rate_basic="46.30")], "RPT002")
    assert [(f.subject.line, f.subject.column, f.details["stated"], f.details["table_value"]) for f in found] == [
        ("基本支出", "执行数", "486.99", "476.99")]
    assert "相差10.00万元" in found[0].message
    assert ids([clean_report(), table()], "RPT002") == []
    # another period's table is not compared
    assert ids([clean_report(), table(months=9, basic_exec="476.99")], "RPT002") == []


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


def test_rpt005_measures_without_owner_date_or_substance():
    found = ids([clean_report(measure="一是加强学习。二是加快支付进度，确保完成全年目标。")], "RPT005")
    assert [(f.subject.column, f.details["lines"]) for f in found] == [("改进措施", ["项目支出"])]
    assert "加强学习" in found[0].message
    none = report("一、预算执行情况", CLEAN_BUDGET, "二、偏差原因分析", CONCRETE_REASON)
    assert [f.message for f in ids([none], "RPT005")][0].count("未提出改进措施") == 1
    assert ids([clean_report()], "RPT005") == []
    assert ids([clean_report(measure="下一步将对接施工单位，完成道路改造工程竣工结算审计后再支付工程尾款。")], "RPT005") == []


def test_rpt006_year_on_year_change():
    text = CLEAN_BUDGET + "上年同期执行480.00万元，较上年同期增长6.14%。"
    assert ids([clean_report(text)], "RPT006") == []  # 509.47 ÷ 480.00 = 1.0614
    found = ids([clean_report(text.replace("增长6.14%", "增长8.00%"))], "RPT006")
    assert [(f.subject.line, f.details["reported"], f.details["computed"]) for f in found] == [
        ("合计", "8.00", "6.1396")]
    down = CLEAN_BUDGET + "上年同期执行520.00万元，较上年同期下降2.03%。"
    assert ids([clean_report(down)], "RPT006") == []
    assert len(ids([clean_report(down.replace("下降2.03%", "增长2.03%"))], "RPT006")) == 1


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


# ---------------------------------------------------------------- other fact sources for RPT002


def _ref(file_name: str, label: str) -> SourceRef:
    return SourceRef(file_sha256=SHA, file_name=file_name, label=label)


def target_table(total: str, kind: str = "unit"):
    from textnorm.numbers import amount
    from schemas.records import Attribute
    from schemas.targets import TargetTable

    name = f"{UNIT}2024年度部门整体支出绩效目标表.xlsx"
    return TargetTable(kind=kind, unit=Attribute(value=UNIT, raw=UNIT, ref=_ref(name, "A2"), source="content"),
                       year=2024, year_attr=Attribute(value="2024", raw="2024年度", ref=None, source="content"),
                       amount_unit="万元", budget_total=amount(total, _ref(name, "C5"), "万元"),
                       file_name=name, file_sha256=SHA)


def final_accounts(total: str, basic: str, project: str):
    from textnorm.numbers import amount
    from schemas.final_accounts import Publication, PublicationLine, PublicationTable
    from schemas.records import Attribute

    name = f"{UNIT}2024年度部门决算.pdf"
    values = {h: amount(v, _ref(name, f"第5页 {h}"), "万元")
              for h, v in (("本年支出合计", total), ("基本支出", basic), ("项目支出", project))}
    table = PublicationTable(title="支出决算表", key="支出决算表", title_ref=_ref(name, "第5页"), table=3, pages=[5],
                             status="present", amount_unit="万元",
                             lines=[PublicationLine(name="合计", values=values, ref=_ref(name, "第5页 表3 第6行"))])
    return Publication(unit=Attribute(value=UNIT, raw=UNIT, ref=None, source="content"), year=2024,
                       year_attr=Attribute(value="2024", raw="2024年度", ref=None, source="content"), kind="决算",
                       tables=[table], file_name=name, file_sha256=SHA)


def test_rpt002_initial_budget_against_the_target_table_in_any_period():
    stated = clean_report(CLEAN_BUDGET.replace("2024年全年预算", "2024年年初预算1164.62万元，全年预算"))
    assert ids([stated, target_table("1164.62")], "RPT002") == []
    found = ids([stated, target_table("1286.43")], "RPT002")
    assert [(f.subject.line, f.subject.column, f.details["table_value"]) for f in found] == [
        ("合计", "年初预算数", "1286.43")]
    assert "2024年度部门整体支出绩效目标表中为1286.43万元" in found[0].message
    # a project's target table is not the unit's budget
    assert ids([stated, target_table("1286.43", kind="project")], "RPT002") == []


SELF_EVALUATION = "南街街道办事处2024年度部门整体支出绩效自评报告"
YEAR_BUDGET = ("2024年度全年预算1164.62万元，全年执行1164.62万元，执行率100.00%。其中基本支出执行1030.25万元，"
               "项目支出执行134.37万元。")


def test_rpt002_the_years_execution_against_the_final_accounts():
    stated = report("一、预算执行情况", YEAR_BUDGET, "二、绩效目标完成情况", "年度各项绩效指标均已完成，部门履职和社会效益达到预期目标。",
                    title=SELF_EVALUATION)
    assert ids([stated, final_accounts("1164.62", "1030.25", "134.37")], "RPT002") == []
    found = ids([stated, final_accounts("1164.62", "1030.25", "130.37")], "RPT002")
    assert [(f.subject.period, f.subject.line, f.subject.column) for f in found] == [("全年", "项目支出", "执行数")]
    assert "2024年度部门决算支出决算表中为130.37万元" in found[0].message
    # a monitoring report's 1-6月 execution is not the year's
    assert ids([clean_report(), final_accounts("1164.62", "1030.25", "130.37")], "RPT002") == []


# ---------------------------------------------------------------- RPT007


def test_rpt007_stated_indicator_value_against_the_table():
    from tests.rules.monitoring.builders import I

    stated = clean_report(CLEAN_BUDGET + "“开展政策宣传活动”已完成12次，“居民满意度”达到96.5%，“道路保洁覆盖率”完成率100%。")

    def with_table(campaigns: str, satisfaction: str = "96.5%", cleaning: str = "90%", months: int = 6):
        return build_report(months, [L("合计", "1164.62", "1164.62", "509.47", "43.75")], [
            I("部门履职", "重点履职", "开展政策宣传活动", "24次", campaigns, "24次"),
            I("部门效果", "满意度", "居民满意度", "≥90%", satisfaction, "≥90%"),
            I("部门履职", "重点履职", "道路保洁覆盖率", "100%", cleaning, "100%")])

    assert ids([stated, with_table("12次")], "RPT007") == []
    found = ids([stated, with_table("10次", satisfaction="95%")], "RPT007")
    assert [(f.subject.line, f.subject.column, f.details["stated"], f.details["table_value"]) for f in found] == [
        ("开展政策宣传活动", "完成值", "12次", "10次"), ("居民满意度", "完成值", "96.5%", "95%")]
    assert "实际完成值为10次" in found[0].message and len(found[0].evidence) == 2
    # 完成率 (100%) is not the indicator's value (90%); at print precision 96.5% is 96.48%; another
    # period's table, a value with an operator or in another unit are not compared
    assert ids([stated, with_table("12次", satisfaction="96.48%")], "RPT007") == []
    assert ids([stated, with_table("10次", months=9)], "RPT007") == []
    assert ids([stated, with_table("≥10次")], "RPT007") == []
    assert ids([stated, with_table("10个")], "RPT007") == []


def test_rpt002_a_table_naming_the_unit_with_its_district_is_the_same_unit():
    full = build_report(6, [L("合计", "1164.62", "1164.62", "509.47", "43.75"),
                            L("基本支出", "1030.25", "1030.25", "476.99", "46.30")], unit="甘州区" + UNIT)
    assert [f.subject.line for f in ids([clean_report(), full], "RPT002")] == ["基本支出"]
    other = build_report(6, [L("基本支出", "1030.25", "1030.25", "476.99", "46.30")], unit="北街街道办事处")
    assert ids([clean_report(), other], "RPT002") == []


# ---------------------------------------------------------------- RPT008


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
