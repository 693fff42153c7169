"""The narrative_report parser on small hand-written reports (one .docx paragraph per entry): the
cases the fixture reports (tests/test_report_fixtures.py) first failed on, each with its opposite."""

from __future__ import annotations

from decimal import Decimal

from tests.rules.narrative_report.builders import report as _report

from extractors.kinds.narrative_report import _title, _paragraphs
from builders import SHA, make_doc, make_table
from schemas.document import Format, TextBlock
from schemas.provenance import SourceRef


INTRO = "根据区财政局通知要求，我单位开展了预算绩效运行监控和自评工作，现将有关情况报告如下。"


def report(*paragraphs: str):
    """A report with an introduction (detection wants two paragraphs of prose)."""
    return _report(INTRO, *paragraphs)


def figures(rep):
    return [(f.line, f.measure, f.value.value, f.indicator) for f in rep.figures]


def test_a_numbered_point_of_prose_is_a_sentence_a_short_one_a_heading():
    rep = report("一、存在的问题及原因分析", "1.项目支出进度偏慢。", "资金按季度考核结果拨付，上半年考核于7月进行。",
                 "二、下一步措施", "1.由疾控科牵头，7月底前完成考核。", "2.财务科每月通报执行进度，对滞后项目约谈负责人。")
    assert [(s.heading, s.level) for s in rep.sections] == [
        ("一、存在的问题及原因分析", 1), ("1.项目支出进度偏慢", 3), ("二、下一步措施", 1)]
    # the point under a reason heading is a reason, though its own heading names none
    assert [(s.text, s.role) for s in rep.sentences[1:]] == [
        ("资金按季度考核结果拨付，上半年考核于7月进行。", "reason"),
        ("1.由疾控科牵头，7月底前完成考核。", "measure"),
        ("2.财务科每月通报执行进度，对滞后项目约谈负责人。", "measure")]


def test_a_tables_unit_line_is_not_prose():
    rep = report("一、预算执行情况", "单位：元", "全年预算1,000,000.00元，已支出450,000.00元。")
    assert [s.text for s in rep.sentences[1:]] == ["全年预算1,000,000.00元，已支出450,000.00元。"]
    assert figures(rep) == [("合计", "全年预算", Decimal("100"), False), ("合计", "执行数", Decimal("45"), False)]


def test_a_clause_naming_only_a_line_takes_the_paragraphs_last_amount_measure():
    rep = report("一、预算执行情况", "全年预算912.40万元，全年实际支出912.40万元。按支出性质分：基本支出702.15万元，"
                 "占76.96%；项目支出210.25万元，占23.04%。基本支出中人员经费612.35万元，公用经费89.80万元。")
    assert figures(rep) == [
        ("合计", "全年预算", Decimal("912.40"), False), ("合计", "执行数", Decimal("912.40"), False),
        ("基本支出", "执行数", Decimal("702.15"), False), ("项目支出", "执行数", Decimal("210.25"), False),
        ("人员经费", "执行数", Decimal("612.35"), False), ("公用经费", "执行数", Decimal("89.80"), False)]
    # without a budget or execution amount before it in the paragraph, a bare amount is not claimed
    assert figures(report("一、基本情况", "基本支出702.15万元，项目支出210.25万元。")) == []


def test_additions_savings_and_balances_are_not_the_lines_figures():
    rep = report("一、预算执行情况", "全年预算912.40万元。年中追加预算52.40万元，项目支出结余8.80万元，节约资金3.00万元。")
    assert figures(rep) == [("合计", "全年预算", Decimal("912.40"), False)]


def test_indicator_values_stated_with_other_verbs_and_units():
    rep = report("一、绩效目标完成情况", "“村级道路养护里程”完成48公里，“群众满意度”达到96.5%，“群众满意度”调查覆盖5个村。")
    assert figures(rep) == [("村级道路养护里程", "完成值", Decimal("48"), True),
                            ("群众满意度", "完成值", Decimal("96.5"), True)]


def _doc(*texts: str):
    doc = make_doc([], file_name="报告.docx", fmt=Format.DOCX)
    doc.blocks = [TextBlock(text=t, order=i, ref=SourceRef(file_sha256=SHA, file_name=doc.file_name, label=f"第{i}段"))
                  for i, t in enumerate(texts, start=1)]
    return doc


def test_titles_over_two_lines():
    unit_above = _title(_paragraphs(_doc("北山镇人民政府", "2024年度部门整体支出绩效自评报告", "一、预算收支情况")))
    assert unit_above is not None and unit_above[0] == "北山镇人民政府2024年度部门整体支出绩效自评报告" and unit_above[2] == 1
    wrapped = _title(_paragraphs(_doc("西湖镇人民政府2024年度部门整体支出绩效自评", "报告", "一、预算执行情况")))
    assert wrapped is not None and wrapped[0] == "西湖镇人民政府2024年度部门整体支出绩效自评报告" and wrapped[2] == 1
    # a dated line above a complete title is not part of it
    dated = _title(_paragraphs(_doc("2024年7月10日", "东湖街道办事处2024年1-6月绩效运行监控报告", "一、预算执行情况")))
    assert dated is not None and dated[0] == "东湖街道办事处2024年1-6月绩效运行监控报告" and dated[2] == 1


def test_a_share_of_the_budget_is_the_execution_rate_a_bare_share_is_not():
    rep = report("一、预算执行情况", "基本支出执行685.42万元，占全年基本支出预算916.90万元的74.75%；项目支出执行150.80万元，"
                 "完成年度预算的71.60%；人员经费占76.96%；公用经费执行70.12万元，完成年初预算的72.66%。")
    assert figures(rep) == [
        ("基本支出", "执行数", Decimal("685.42"), False), ("基本支出", "全年预算", Decimal("916.90"), False),
        ("基本支出", "执行率", Decimal("74.75"), False), ("项目支出", "执行数", Decimal("150.80"), False),
        ("项目支出", "执行率", Decimal("71.60"), False), ("公用经费", "执行数", Decimal("70.12"), False)]


# ---------------------------------------------------------------- budget sentences and tables

def test_an_addition_after_a_budget_amount_does_not_take_its_measure() -> None:
    # The blind monitoring report: “（年初预算968.40万元，年中追加…资金24.60万元）” made 24.60 a
    # 年初预算 of 合计, and RPT002 called it different from the table's 968.40.
    rep = report("二、预算执行情况", "2024年全年预算数993.00万元（年初预算968.40万元，年中追加社区微更新工程资金24.60万元），"
                 "截至6月30日累计执行497.18万元，执行率50.07%。")
    assert figures(rep) == [
        ("合计", "全年预算", Decimal("993.00"), False), ("合计", "年初预算", Decimal("968.40"), False),
        ("合计", "执行数", Decimal("497.18"), False), ("合计", "执行率", Decimal("50.07"), False)]


def test_a_self_evaluation_reports_table_row_yearly_funds_total_is_the_whole_unit() -> None:
    # Round 2 of the blind test: a 自评报告's budget table names its total “年度资金总额”.
    from extractors.kinds.narrative_report import parse as parse_report

    title = "测试镇人民政府2024年度部门整体支出绩效自评报告"
    grid = [["项目", "全年预算数", "全年执行数", "执行率"],
            ["年度资金总额", "1,124.30", "1,062.85", "94.53%"],
            ["项目支出", "375.70", "314.25", "83.64%"]]
    doc = make_doc([make_table(grid, order=4, file_name=f"{title}.docx")], file_name=f"{title}.docx", fmt=Format.DOCX)
    doc.blocks = [TextBlock(text=t, order=i, ref=SourceRef(file_sha256=SHA, file_name=doc.file_name, label=f"第{i}段"))
                  for i, t in enumerate([title, INTRO, "二、预算执行情况"], start=1)]
    rep = parse_report(doc)[0]
    assert [(f.line, f.measure, f.value.value) for f in rep.figures] == [
        ("合计", "全年预算", Decimal("1124.30")), ("合计", "执行数", Decimal("1062.85")), ("合计", "执行率", Decimal("94.53")),
        ("项目支出", "全年预算", Decimal("375.70")), ("项目支出", "执行数", Decimal("314.25")),
        ("项目支出", "执行率", Decimal("83.64"))]
