"""The 绩效运行监控表 parser on hand-built documents.

Each grid below is written the way such tables are laid out in the wild; `"<"` marks a cell merged
with its left neighbour and `"^"` one merged with the cell above (the builder resolves them the
way the extractors do: covered cells repeat the origin's text and point at it). Expected values
are read off the grids by eye.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import builders

from extractors.kinds import ParseError, get_kind
from extractors.kinds.monitoring import (
    canonical_line,
    detect,
    find_amount_unit,
    find_period,
    find_year,
    parse,
    unit_from_title,
)
from schemas.document import Document, Format, Table
from tests.conftest import need

SHA = builders.SHA


# ---------------------------------------------------------------------------------------------
# Builder


def make_table(grid: list[list[str]], **kw) -> Table:
    return builders.make_table(grid, **{"sheet": None, "file_name": "监控表.xlsx", **kw})


def make_doc(tables: list[Table], blocks: list[tuple[int, str]] = (), **kw) -> Document:
    return builders.make_doc(tables, blocks, **{"file_name": "监控表.xlsx", **kw})


def lines_of(report) -> dict[str, tuple]:
    def v(n):
        return None if n is None else n.value

    return {
        ln.name: (v(ln.initial_budget), v(ln.annual_budget), v(ln.executed), v(ln.reported_rate))
        for ln in report.lines
    }


D = Decimal

# The nanjie 1–6月 table in the layout of an Excel sheet: title and 填报单位 inside the grid,
# a group header “预算执行情况” over four sub-columns, tick columns under 完成目标可能性.
NANJIE_16 = [
    ["南街街道办事处2024年1—6月绩效运行监控表", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ["填报单位：南街街道办事处", "<", "<", "<", "<", "<", "<", "单位：万元", "<", "<"],
    ["项目", "预算执行情况", "<", "<", "<", "偏差原因", "改进措施", "", "", ""],
    ["^", "年初预算数", "全年预算数", "1-6月执行数", "执行率(%)", "^", "^", "", "", ""],
    ["合计", "1164.62", "1164.62", "531.93", "45.67", "", "", "", "", ""],
    ["基本支出", "1030.25", "1030.25", "509.47", "43.75", "", "", "", "", ""],
    ["其中：人员经费", "958.63", "958.63", "479.32", "50.00", "", "", "", "", ""],
    ["公用经费", "71.62", "71.62", "30.15", "42.10", "", "", "", "", ""],
    ["项目支出", "134.37", "134.37", "22.46", "1.93", "部分项目不具备付款条件", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值",
     "偏差原因分析", "完成目标可能性", "<", "备注"],
    ["^", "^", "^", "^", "^", "^", "^", "确定能", "有可能", "^"],
    ["部门管理", "资金投入", "基本支出预算执行率", "100%", "49.45%", "100%", "", "√", "", ""],
    ["^", "^", "项目支出预算执行率", "≥90%", "16.72%", "≥90%", "项目尚不具备付款条件", "√", "", ""],
    ["^", "财务管理", "财务管理制度健全性", "健全", "健全", "健全", "", "√", "", ""],
    ["部门效果", "社会效益", "部门效果达标率", "达标", "达标", "达标", "", "", "√", "年底验收"],
    ["填报人：张三", "<", "<", "<", "联系电话：0936-1234567", "<", "<", "<", "<", "<"],
]


# ---------------------------------------------------------------------------------------------
# The whole table


def test_registered():
    kind = get_kind("monitoring")
    assert kind.label == "绩效运行监控表"
    assert kind.parse is parse and kind.detect is detect


def test_nanjie_layout_budget_block():
    doc = make_doc([make_table(NANJIE_16, sheet="1-6月")])
    (report,) = parse(doc)
    assert report.kind == "unit"
    assert (report.unit.value, report.year, report.period_months) == ("南街街道办事处", 2024, 6)
    assert report.period == "1-6月"
    assert report.unit.source == "content"
    assert report.unit.raw == "填报单位：南街街道办事处"
    assert report.unit.ref.label == "1-6月!A2"
    assert report.year_attr.ref.label == "1-6月!A1"
    assert report.amount_unit == "万元"
    assert report.project is None
    assert lines_of(report) == {
        "合计": (D("1164.62"), D("1164.62"), D("531.93"), D("45.67")),
        "基本支出": (D("1030.25"), D("1030.25"), D("509.47"), D("43.75")),
        "人员经费": (D("958.63"), D("958.63"), D("479.32"), D("50.00")),
        "公用经费": (D("71.62"), D("71.62"), D("30.15"), D("42.10")),
        "项目支出": (D("134.37"), D("134.37"), D("22.46"), D("1.93")),
    }
    staff = report.line("人员经费")
    assert staff.raw_name == "其中：人员经费"
    assert staff.ref.label == "1-6月!A7"
    assert staff.executed.ref.label == "1-6月!D7"
    assert staff.executed.printed_unit == "万元" and staff.executed.decimals == 2
    assert staff.reported_rate.ref.label == "1-6月!E7"
    project = report.line("项目支出")
    assert project.deviation_reason.text == "部分项目不具备付款条件"
    assert project.deviation_reason.ref.label == "1-6月!F9"
    # a blank cell of a present column is blank text that still points at its cell
    assert project.measure.text == "" and project.measure.ref.label == "1-6月!G9"
    assert report.line("合计").deviation_reason.text == ""


def test_nanjie_layout_indicator_block():
    (report,) = parse(make_doc([make_table(NANJIE_16, sheet="1-6月")]))
    ind = report.indicators
    assert [i.level3 for i in ind] == ["基本支出预算执行率", "项目支出预算执行率", "财务管理制度健全性",
                                       "部门效果达标率"]
    assert [(i.level1, i.level2) for i in ind] == [
        ("部门管理", "资金投入"), ("部门管理", "资金投入"), ("部门管理", "财务管理"), ("部门效果", "社会效益")]
    first, second, third, fourth = ind
    assert first.ref.label == "1-6月!C12"
    assert (first.target.raw, first.target.number, first.target.unit) == ("100%", D("100"), "%")
    assert first.target.quantitative and first.target.ref.label == "1-6月!D12"
    assert (first.actual.number, first.forecast.raw) == (D("49.45"), "100%")
    assert (second.target.operator, second.target.number) == ("≥", D("90"))
    assert second.deviation_reason.text == "项目尚不具备付款条件"
    assert second.deviation_reason.ref.label == "1-6月!G13"
    assert first.deviation_reason.text == "" and first.deviation_reason.ref.label == "1-6月!G12"
    assert third.target.quantitative is False and third.actual.raw == "健全"
    assert [i.likelihood.text for i in ind] == ["确定能", "确定能", "确定能", "有可能"]
    assert fourth.likelihood.ref.label == "1-6月!I15"
    assert fourth.remark.text == "年底验收"
    assert first.remark.text == ""


# ---------------------------------------------------------------------------------------------
# Header wording, layout and column order


@pytest.mark.parametrize(
    "executed, annual, rate_header, reason, measure, months",
    [
        ("1—6月累计执行数", "调整后预算数", "执行率(%)", "偏差原因分析", "改进措施", 6),
        ("1-9月执行数", "全年预算数", "预算执行率", "偏差原因", "拟采取的措施", 9),
        ("截至6月底支出数", "预算数", "执行率（%）", "原因分析", "整改措施", 6),
        ("上半年执行数", "全年预算数（万元）", "执行率", "偏差原因", "改进措施", 6),
        ("1至8月执行金额", "全年预算", "支出进度", "偏差原因说明", "下一步措施", 8),
    ],
)
def test_header_synonyms_and_period_from_header(executed, annual, rate_header, reason, measure, months):
    grid = [
        ["部门名称", "南街街道办事处", "<", "<", "<", "<"],
        ["预算项目", annual, executed, rate_header, reason, measure],
        ["合计", "100.00", "40.00", "40.00", "进度慢", "加快支付"],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "2024年部门整体支出绩效运行监控表")])
    (report,) = parse(doc)
    assert report.period_months == months
    assert report.period_attr.raw == grid[1][2]  # the period came from the 执行数 header cell
    assert report.year == 2024 and report.unit.value == "南街街道办事处"
    line = report.line("合计")
    assert (line.annual_budget.value, line.executed.value, line.reported_rate.value) == (
        D("100.00"), D("40.00"), D("40.00"))
    assert line.initial_budget is None  # no 年初预算数 column
    assert line.deviation_reason.text == "进度慢" and line.measure.text == "加快支付"


def test_column_order_and_staggered_two_row_header():
    # 执行 columns before the budget columns; 1-9月执行情况 spans two sub-columns on row 2.
    grid = [
        ["2024年1-9月绩效运行监控表", "<", "<", "<", "<", "<"],
        ["支出项目", "1-9月执行情况", "<", "年初预算数", "全年预算数", "偏差原因"],
        ["^", "执行数", "执行率", "^", "^", "^"],
        ["一、基本支出", "769.28", "66.05%", "1030.25", "1030.25", ""],
        ["（一）人员经费", "718.97", "75.00%", "958.63", "958.63", ""],
        ["（二）公用经费", "50.31", "70.25%", "71.62", "71.62", ""],
        ["二、项目支出", "61.85", "5.31%", "134.37", "134.37", "项目尚不具备付款条件"],
        ["部门预算支出合计", "831.13", "71.36%", "1164.62", "1164.62", ""],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "填报单位（盖章）：南街街道办事处 金额单位：万元")])
    (report,) = parse(doc)
    assert report.period_months == 9
    assert lines_of(report) == {
        "基本支出": (D("1030.25"), D("1030.25"), D("769.28"), D("66.05")),
        "人员经费": (D("958.63"), D("958.63"), D("718.97"), D("75.00")),
        "公用经费": (D("71.62"), D("71.62"), D("50.31"), D("70.25")),
        "项目支出": (D("134.37"), D("134.37"), D("61.85"), D("5.31")),
        "合计": (D("1164.62"), D("1164.62"), D("831.13"), D("71.36")),
    }
    assert report.unit.value == "南街街道办事处"
    assert [ln.raw_name for ln in report.lines][0] == "一、基本支出"
    assert report.line("项目支出").deviation_reason.text == "项目尚不具备付款条件"
    assert report.line("项目支出").measure is None  # the table has no 改进措施 column


def test_group_label_column_beside_the_lines():
    # “预算执行情况（万元）” merged down column A; the line names stand in column B.
    grid = [
        ["预算执行情况（万元）", "项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率"],
        ["^", "合计", "200", "200", "100", "50%"],
        ["^", "", "", "", "", ""],
        ["^", "基本支出", "200", "200", "100", "50%"],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "南街街道办事处2024年1-6月绩效运行监控表")])
    (report,) = parse(doc)
    assert [ln.name for ln in report.lines] == ["合计", "基本支出"]
    assert report.line("合计").ref.column == 2
    assert report.amount_unit == "万元"


def test_block_end_unknown_lines_and_notes():
    grid = [
        ["南街街道办事处2024年1-6月项目支出绩效运行监控表", "<", "<", "<", "<"],
        ["项目名称", "全年预算数", "1-6月执行数", "执行率", "偏差原因"],
        ["办公经费", "1,164.62", "690.47", "59.29%", ""],
        ["（注：含结转资金）", "", "", "", "详见说明"],
        ["培训费", "-", "—", "", ""],
        ["合计", "1,164.62", "690.47", "59.29%", ""],
        ["截止日期", "2024-06-30", "", "", ""],
        ["其他", "1", "1", "100%", ""],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    # unknown labels with figures are kept under their own name; the date row ends the block
    assert [ln.name for ln in report.lines] == ["办公经费", "培训费", "合计"]
    assert report.line("培训费").executed.blank is True
    assert report.line("办公经费").annual_budget.value == D("1164.62")


def test_later_table_keeps_printed_unit():
    t1 = make_table([["项目", "全年预算数", "1-6月执行数"], ["合计", "20000", "10000"]], index=1, order=2)
    t2 = make_table([["项目", "全年预算数", "1-6月执行数"], ["合计", "30000", "15000"]], index=2, order=4)
    doc = make_doc([t1, t2], blocks=[(0, "南街街道办事处2024年1-6月绩效运行监控表"), (1, "单位：元"), (3, "续")],
                   fmt=Format.DOCX)
    first, second = parse(doc)
    assert first.amount_unit == second.amount_unit == "元"
    assert second.line("合计").annual_budget.value == D("3")
    assert second.unit.value == "南街街道办事处"  # inherited from the document title


def test_column_numbering_rows_are_not_lines():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["栏次", "1", "2", "3=2/1"],
        ["", "(1)", "(2)", "(3)"],
        ["合计", "100", "50", "50%"],
        ["", "7.5", "1", "1%"],
    ]
    doc = make_doc([make_table(grid, sheet="S")])
    # figures without a line name are an error, not a line to guess
    with pytest.raises(ParseError, match="第6行有金额但没有预算项目名称（位置：S!B6）") as err:
        parse(doc)
    assert (err.value.code, err.value.category, err.value.sheet, err.value.cell) == (
        "parse.amount_without_name", "parse", "S", "S!B6")
    (report,) = parse(make_doc([make_table(grid[:-1])]))
    assert [ln.name for ln in report.lines] == ["合计"]


# ---------------------------------------------------------------------------------------------
# Numbers: units, percent styles, zeros


def test_amounts_in_yuan_from_unit_line():
    grid = [
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["合计", "11,646,200.00", "5,319,300.00", "45.67%"],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "南街街道办事处2024年1-6月绩效运行监控表"), (0, "单位：元")])
    (report,) = parse(doc)
    assert report.amount_unit == "元"
    line = report.line("合计")
    assert line.annual_budget.value == D("1164.62") and line.annual_budget.printed == D("11646200.00")
    assert line.annual_budget.printed_unit == "元"
    assert line.executed.value == D("531.93")
    assert line.executed.raw == "5,319,300.00"


def test_amounts_in_yuan_from_column_header():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算金额（元）", "1-6月支出金额（元）", "执行率（%）"],
        ["合计", "100000", "25000", "25"],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    assert report.amount_unit == "元"
    line = report.line("合计")
    assert (line.annual_budget.value, line.executed.value, line.reported_rate.value) == (
        D("10"), D("2.5"), D("25"))


@pytest.mark.parametrize("raw, value, decimals", [
    ("45.67%", "45.67", 2), ("45.67", "45.67", 2), ("４５．６７％", "45.67", 2), ("45.7", "45.7", 1)])
def test_percent_styles(raw, value, decimals):
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率(%)"],
        ["合计", "1164.62", "531.93", raw],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    r = report.line("合计").reported_rate
    assert r.value == D(value) and r.decimals == decimals and r.raw == raw


@pytest.mark.parametrize("zero", ["", "-", "—", "0", "0.00"])
def test_zero_written_as_blank_dash_or_0(zero):
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<", "<"],
        ["项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率"],
        ["项目支出", zero, "10.00", zero, zero],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    line = report.line("项目支出")
    assert line.initial_budget.value == 0 and line.executed.value == 0
    blank = zero in ("", "-", "—")
    assert line.executed.blank is blank
    if blank:
        assert line.reported_rate is None  # a rate left empty is “not reported”
    else:
        assert line.reported_rate.value == 0


def test_excel_error_in_rate_cell_is_no_rate():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["其他资金", "0", "0", "#DIV/0!"],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    assert report.line("其他资金").reported_rate is None


def test_an_unreadable_figure_names_row_line_column_and_cell():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["合计", "100", "50", "50%"],
        ["基本支出", "100", "约五十万", "50%"],
    ]
    doc = make_doc([make_table(grid, sheet="监控")], file_name="南街.xlsx")
    (report,) = parse(doc)  # the table is read; the cell is listed for DOC002
    (cell,) = report.unread_cells
    assert (cell.what, cell.raw, cell.problem, cell.ref.label) == ("第4行“基本支出”的“执行数”", "约五十万", "不是数字", "监控!C4")
    line = next(x for x in report.lines if x.name == "基本支出")
    assert line.executed is None and line.annual_budget is not None and line.reported_rate is not None


def test_an_unreadable_rate_is_listed():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["项目支出", "100", "50", "一半"],
    ]
    (report,) = parse(make_doc([make_table(grid, sheet="S")]))
    (cell,) = report.unread_cells
    assert (cell.what, cell.raw, cell.ref.label) == ("第3行“项目支出”的“执行率”", "一半", "S!D3")


def test_no_budget_header_is_a_parse_error():
    grid = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值"],
        ["产出指标", "数量指标", "培训场次", "≥12次", "6次"],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "南街街道办事处2024年1-6月绩效运行监控表")],
                   file_name="无预算.docx", fmt=Format.DOCX)
    with pytest.raises(ParseError, match="未找到预算执行情况表头") as err:
        parse(doc)
    assert (err.value.code, err.value.category) == ("parse.no_header", "parse")
    assert err.value.file_name == "无预算.docx"


# ---------------------------------------------------------------------------------------------
# Unit, year, period: title, header cells, file name


BUDGET = [
    ["项目", "全年预算数", "1-6月执行数", "执行率"],
    ["合计", "100", "50", "50%"],
]


def test_unit_year_period_from_title_block():
    doc = make_doc([make_table(BUDGET, order=2)], fmt=Format.PDF,
                   blocks=[(1, "南街街道办事处2024年1—9月绩效运行监控表")])
    (report,) = parse(doc)
    # the title's 1—9月 wins over the 1-6月 of the column header
    assert (report.unit.value, report.year, report.period_months) == ("南街街道办事处", 2024, 9)
    assert report.unit.raw == "南街街道办事处2024年1—9月绩效运行监控表"
    assert report.unit.ref.page == 1


def test_unit_from_header_cells_inside_table():
    grid = [
        ["2024年1-6月部门整体支出绩效运行监控表", "<", "<", "<"],
        ["部门名称", "甘州区南街街道办事处", "<", "<"],
        *BUDGET,
    ]
    (report,) = parse(make_doc([make_table(grid, sheet="Sheet1")]))
    assert report.unit.value == "甘州区南街街道办事处"
    assert report.unit.raw == "甘州区南街街道办事处"
    assert report.unit.ref.label == "Sheet1!B2"
    assert (report.year, report.period_months) == (2024, 6)


@pytest.mark.parametrize("title, months", [
    ("（2024年上半年）", 6), ("2024年前三季度绩效运行监控表", 9), ("截至2024年6月底绩效运行监控情况", 6),
    ("2024年1至8月绩效运行监控表", 8), ("2024年1月1日至10月31日绩效运行监控表", 10)])
def test_period_wordings_in_title(title, months):
    doc = make_doc([make_table([["项目", "全年预算数", "执行数", "执行率"], ["合计", "1", "1", "100%"]],
                               order=2)],
                   blocks=[(0, "部门名称：南街街道办事处"), (1, title)])
    (report,) = parse(doc)
    assert (report.year, report.period_months) == (2024, months)
    assert report.period_attr.raw == title


def test_filename_fallback():
    grid = [["项目", "全年预算数", "执行数", "执行率"], ["合计", "1", "1", "100%"]]
    doc = make_doc([make_table(grid, file_name="南街街道办事处2024年1-6月绩效运行监控表.xlsx")],
                   file_name="南街街道办事处2024年1-6月绩效运行监控表.xlsx")
    (report,) = parse(doc)
    assert (report.unit.value, report.year, report.period_months) == ("南街街道办事处", 2024, 6)
    for attr in (report.unit, report.year_attr, report.period_attr):
        assert attr.source == "filename"
        assert attr.raw == "南街街道办事处2024年1-6月绩效运行监控表.xlsx"


def test_filing_date_is_not_the_year():
    doc = make_doc([make_table(BUDGET, order=2)],
                   blocks=[(0, "填报单位：南街街道办事处"), (1, "填报日期：2025年1月10日")],
                   file_name="2024年1-6月监控表.xlsx")
    (report,) = parse(doc)
    assert report.year == 2024 and report.year_attr.source == "filename"
    assert report.period_months == 6 and report.period_attr.source == "content"


def test_missing_unit_is_kept_unknown():
    doc = make_doc([make_table(BUDGET, order=2)], blocks=[(1, "2024年1-6月绩效运行监控表")],
                   file_name="监控表.xlsx")
    (report,) = parse(doc)
    assert report.unit.source == "unknown" and report.year == 2024 and report.lines


# ---------------------------------------------------------------------------------------------
# Project tables and several tables in one document


def project_table(name: str, total: str, fiscal: str, other: str, executed: str, order: int) -> Table:
    grid = [
        ["项目名称", name, "<", "<", "<", "<"],
        ["主管部门", "甘州区民政局", "<", "实施单位", "南街街道办事处", "<"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "1-9月执行数", "执行率"],
        ["^", "年度资金总额", total, total, executed, ""],
        ["^", "其中：财政拨款", fiscal, fiscal, executed, ""],
        ["^", "其他资金", other, other, "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-9月实际完成值", "全年预计完成值"],
        ["产出指标", "数量指标", "培训场次", "≥12次", "9次", "12次"],
    ]
    return make_table(grid, index=order, order=order * 2, file_name="项目.docx")


def test_several_project_tables_in_one_docx():
    doc = make_doc(
        [project_table("社区养老服务", "50.00", "50.00", "", "30.00", 1),
         project_table("城市管理经费", "80.00", "60.00", "20.00", "40.00", 2)],
        blocks=[(0, "南街街道办事处2024年1-9月项目支出绩效运行监控表"), (3, "表二")],
        file_name="项目.docx", fmt=Format.DOCX)
    first, second = parse(doc)
    assert first.kind == second.kind == "project"
    assert first.project.value == "社区养老服务" and second.project.value == "城市管理经费"
    assert first.project.ref.row == 1 and first.project.ref.column == 2
    # 填报单位 is not printed; 实施单位 comes before 主管部门 in the label priority
    assert first.unit.value == second.unit.value == "南街街道办事处"
    assert second.year == 2024 and second.period_months == 9
    assert lines_of(second) == {
        "资金总额": (D("80.00"), D("80.00"), D("40.00"), None),
        "财政拨款": (D("60.00"), D("60.00"), D("40.00"), None),
        "其他资金": (D("20.00"), D("20.00"), D(0), None),
    }
    assert first.line("其他资金").annual_budget.blank is True
    assert [i.level3 for i in second.indicators] == ["培训场次"]
    assert second.indicators[0].forecast.number == D("12")


def test_indicator_block_in_separate_table_attaches_to_report():
    t1 = make_table(BUDGET, index=1, order=1)
    t2 = make_table([["一级指标", "二级指标", "三级指标", "指标值", "实际完成情况"],
                     ["部门管理", "资金投入", "预算编制完整性", "完整", "完整"]], index=2, order=3)
    doc = make_doc([t1, t2], blocks=[(0, "南街街道办事处2024年1-6月绩效运行监控表"), (2, "二、绩效指标")],
                   fmt=Format.DOCX)
    (report,) = parse(doc)
    assert [i.level3 for i in report.indicators] == ["预算编制完整性"]
    assert report.indicators[0].actual.raw == "完整"


def test_deviation_tick_columns_collected_into_one_text():
    grid = [
        ["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["项目", "全年预算数", "1-6月执行数", "执行率", "", "", "", "", "", ""],
        ["合计", "100", "50", "50%", "", "", "", "", "", ""],
        ["三级指标", "年度指标值", "1-6月实际完成值", "偏差原因分析", "<", "<", "<", "<", "完成目标可能性", "备注"],
        ["^", "^", "^", "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "^", "^"],
        ["培训场次", "≥12次", "3次", "√", "", "√", "", "", "有可能", ""],
        ["居民满意度", "≥95%", "96%", "", "", "", "", "", "确定能", ""],
        ["覆盖社区数", "15个", "5个", "", "", "", "", "疫情影响", "有可能", ""],
    ]
    (report,) = parse(make_doc([make_table(grid, sheet="S")]))
    ind = {i.level3: i for i in report.indicators}
    assert ind["培训场次"].deviation_reason.text == "经费保障；人员保障"
    assert ind["培训场次"].deviation_reason.ref.label == "S!D6"
    assert ind["居民满意度"].deviation_reason.text == ""  # nothing ticked
    assert ind["居民满意度"].deviation_reason.ref.label == "S!D7"
    assert ind["覆盖社区数"].deviation_reason.text == "疫情影响"
    assert ind["培训场次"].likelihood.text == "有可能"
    assert ind["培训场次"].level1 == "" and ind["培训场次"].level2 == ""


def test_blank_parent_indicator_cells_continue_the_row_above():
    # A merged 一级/二级 cell split by a page break arrives blank on the new page.
    grid = [
        ["南街街道办事处2024年1-9月绩效运行监控表", "<", "<", "<", "<"],
        ["项目", "全年预算数", "1-9月执行数", "执行率", ""],
        ["合计", "100", "75", "75%", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-9月实际完成值"],
        ["部门管理", "制度管理", "内控制度健全性", "健全", "健全"],
        ["", "", "公用经费控制率", "≤100%", "96%"],
        ["部门履职", "", "网格化管理覆盖率", "100%", "100%"],
    ]
    (report,) = parse(make_doc([make_table(grid)]))
    assert [(i.level1, i.level2) for i in report.indicators] == [
        ("部门管理", "制度管理"), ("部门管理", "制度管理"), ("部门履职", "")]


def test_central_project_template():
    # The central-department layout: 年度总体目标 (年初设定目标 | 1-N月执行情况) between the blocks,
    # tick columns under both 偏差原因分析 and 完成目标可能性, a note spanning the last row.
    grid = [
        ["项目支出绩效目标执行监控表", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["（2024年1-7月）", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["项目名称", "<", "水质监测站建设", "<", "<", "<", "<", "<", "<", "<"],
        ["主管部门", "<", "某市环境局", "<", "<", "实施单位", "<", "某市环境局", "<", "<"],
        ["项目资金（万元）", "", "年初预算数", "全年预算数（A）", "1-7月执行数（B）", "执行率（B/A）", "全年预计执行数", "", "", ""],
        ["^", "年度资金总额", "80.00", "90.00", "45.00", "50.00%", "90.00", "", "", ""],
        ["^", "其中：当年财政拨款", "80.00", "90.00", "45.00", "50.00%", "90.00", "", "", ""],
        ["年度总体目标", "年初设定目标", "<", "<", "<", "1-7月执行情况", "<", "<", "<", "<"],
        ["^", "建成2个站点", "<", "<", "<", "已建成1个", "<", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析", "<",
         "完成目标可能性", "<"],
        ["^", "^", "^", "^", "^", "^", "经费保障", "其他", "确定能", "有可能"],
        ["产出指标", "数量指标", "建成站点数", "2个", "1个", "2个", "", "", "√", ""],
        ["产出指标", "时效指标", "建成时间", "2024年10月底前", "未完成", "11月建成", "", "选址调整", "", "√"],
        ["注：在对应栏打“√”。", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ]
    doc = make_doc([make_table(grid, sheet="监控表")], blocks=[],
                   file_name="x.xlsx")
    (report,) = parse(doc)
    assert report.kind == "project" and report.project.value == "水质监测站建设"
    assert report.unit.value == "某市环境局" and report.unit.ref.label == "监控表!H4"  # 实施单位
    assert (report.year, report.period_months) == (2024, 7)
    assert lines_of(report) == {
        "资金总额": (D("80.00"), D("90.00"), D("45.00"), D("50.00")),
        "财政拨款": (D("80.00"), D("90.00"), D("45.00"), D("50.00")),
    }
    ind = {i.level3: i for i in report.indicators}
    assert list(ind) == ["建成站点数", "建成时间"]
    assert ind["建成时间"].deviation_reason.text == "选址调整"
    assert ind["建成时间"].likelihood.text == "有可能"
    assert ind["建成站点数"].likelihood.text == "确定能"
    assert ind["建成时间"].actual.raw == "未完成"


def test_split_operator_value_unit_columns_and_note_rows():
    grid = [
        ["部门预算项目绩效运行监控表（2024年1-8月）", "<", "<", "<", "<", "<", "<", "<"],
        ["项目名称", "文化下乡补助", "<", "<", "<", "<", "<", "<"],
        ["主管部门", "县文化局", "<", "<", "<", "<", "<", "<"],
        ["资金来源", "年初预算数", "调整后预算数", "1-8月执行数", "执行率", "", "", ""],
        ["总额", "96.00", "104.50", "68.92", "65.95%", "", "", ""],
        ["其中：当年一般公共预算拨款", "96.00", "104.50", "68.92", "65.95%", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "1-8月完成值", "全年预计完成值"],
        ["产出指标", "数量指标", "演出场次", "≥", "120", "场", "84", "125"],
        ["产出指标", "质量指标", "开放率", "=", "100", "%", "100", "100"],
        ["效益指标", "社会效益指标", "群众获得感", "定性", "明显提升", "", "有所提升", "明显提升"],
        ["偏差原因分析", "<", "<", "演出受天气影响", "<", "<", "<", "<"],
    ]
    doc = make_doc([make_table(grid)], blocks=[(0, "项目单位（盖章）：县文化局 单位：万元")])
    (report,) = parse(doc)
    assert report.unit.value == "县文化局"
    assert report.unit.raw == "项目单位（盖章）：县文化局 单位：万元"  # 项目单位 before 主管部门
    # a project's “总额” is its 资金总额
    assert [ln.name for ln in report.lines] == ["资金总额", "财政拨款"]
    ind = {i.level3: i for i in report.indicators}
    assert list(ind) == ["演出场次", "开放率", "群众获得感"]  # the note row ends the block
    t = ind["演出场次"].target
    assert (t.raw, t.operator, t.number, t.unit) == ("≥120场", "≥", D("120"), "场")
    assert t.ref.column == 5
    assert ind["开放率"].target.raw == "=100%"
    assert ind["群众获得感"].target.raw == "明显提升"  # 定性 is no operator
    assert ind["演出场次"].actual.raw == "84"


# ---------------------------------------------------------------------------------------------
# Detection


def test_detect_monitoring_high():
    assert detect(make_doc([make_table(NANJIE_16)])) >= 0.8


def test_detect_target_table_low():
    grid = [
        ["部门整体支出绩效目标表", "<", "<", "<"],
        ["部门名称", "南街街道办事处", "<", "<"],
        ["年度预算", "资金总额", "1164.62", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
    ]
    assert detect(make_doc([make_table(grid)])) < 0.5


def test_detect_final_accounts_low():
    grid = [
        ["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数"],
        ["201", "一般公共服务支出", "100", "120", "118"],
    ]
    doc = make_doc([make_table(grid, order=2)], blocks=[(1, "2024年度部门决算 支出决算表")])
    assert detect(doc) < 0.5


def test_detect_real_final_accounts_pdf_low(realdocs: Path):
    try:
        from extractors import pdf  # noqa: F401
    except ImportError:
        need(False, "extractors/pdf.py (PDF extractor)")
    from extractors import extract

    for name in ("上海市普陀区财政局2024年度部门决算.pdf", "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"):
        path = realdocs / name
        need(path.exists(), str(path))
        assert detect(extract(path)) < 0.5, name


# ---------------------------------------------------------------------------------------------
# Helpers


@pytest.mark.parametrize("label, name", [
    ("合计", "合计"), ("合 计", "合计"), ("总计", "合计"), ("部门预算支出合计", "合计"),
    ("其中：人员经费", "人员经费"), ("其中:公用经费", "公用经费"), ("一、基本支出", "基本支出"),
    ("（二）项目支出", "项目支出"), ("1.基本支出", "基本支出"), ("年度资金总额", "资金总额"),
    ("资金总额", "资金总额"), ("财政拨款", "财政拨款"), ("其中：财政资金", "财政拨款"), ("其他资金", "其他资金"),
    ("全年预算数(A)", None), ("年度总体目标", None)])
def test_canonical_line(label, name):
    assert canonical_line(label) == name


@pytest.mark.parametrize("text, months", [
    ("1-6月", 6), ("1—9月", 9), ("1至8月", 8), ("1月-4月", 4), ("一至六月", 6), ("上半年", 6),
    ("前三季度", 9), ("截至6月底", 6), ("截止2024年9月30日", 9), ("2024年度", None), ("全年预算数", None)])
def test_find_period(text, months):
    assert find_period(text) == months


@pytest.mark.parametrize("text, year", [
    ("南街街道办事处2024年1—9月绩效运行监控表", 2024), ("（2024年上半年）", 2024), ("2023年度", 2023),
    ("填报日期：2024年7月10日", None), ("2024年7月10日", None)])
def test_find_year(text, year):
    assert find_year(text) == year


@pytest.mark.parametrize("text, unit", [
    ("单位：万元", "万元"), ("金额单位：元", "元"), ("预算执行情况（万元）", "万元"), ("金额（元）", "元"),
    ("全年预算数", None)])
def test_find_amount_unit(text, unit):
    assert find_amount_unit(text) == unit


@pytest.mark.parametrize("title, unit", [
    ("南街街道办事处2024年1—9月绩效运行监控表", "南街街道办事处"),
    ("南街街道办事处部门整体支出绩效运行监控表", "南街街道办事处"),
    ("2024年1-6月部门整体支出绩效运行监控表", None), ("（2024年上半年）", None)])
def test_unit_from_title(title, unit):
    assert unit_from_title(title) == unit


# ---------------------------------------------------------------------------------------------
# Through a real extractor: a small Word file written here


def test_docx_round_trip(tmp_path: Path):
    import docx

    from extractors import extract

    d = docx.Document()
    d.add_paragraph("南街街道办事处2024年1-9月部门整体支出绩效运行监控表")
    d.add_paragraph("填报单位：南街街道办事处            单位：万元")
    rows = [
        ["项目", "预算执行情况", "", "", "", "偏差原因", "改进措施"],
        ["", "年初预算数", "全年预算数", "1-9月执行数", "执行率(%)", "", ""],
        ["合计", "1164.62", "1164.62", "831.13", "71.36", "", ""],
        ["项目支出", "134.37", "134.37", "61.85", "5.31", "项目尚不具备付款条件", ""],
    ]
    t = d.add_table(rows=len(rows), cols=7)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v:
                t.cell(i, j).text = v
    t.cell(0, 1).merge(t.cell(0, 4)).text = "预算执行情况"
    for col in (0, 5, 6):
        t.cell(0, col).merge(t.cell(1, col))
    path = tmp_path / "南街1-9月.docx"
    d.save(path)

    doc = extract(path)
    assert detect(doc) >= 0.7  # title + budget block with 执行率, no indicator block
    (report,) = parse(doc)
    assert (report.unit.value, report.year, report.period_months, report.amount_unit) == (
        "南街街道办事处", 2024, 9, "万元")
    assert lines_of(report) == {
        "合计": (D("1164.62"), D("1164.62"), D("831.13"), D("71.36")),
        "项目支出": (D("134.37"), D("134.37"), D("61.85"), D("5.31")),
    }
    reason = report.line("项目支出").deviation_reason
    assert reason.text == "项目尚不具备付款条件"
    assert (reason.ref.table, reason.ref.row, reason.ref.column) == (1, 4, 6)
    assert reason.ref.file_name == "南街1-9月.docx"


def test_xlsx_round_trip_yuan_and_percent_cells(tmp_path: Path):
    import openpyxl

    from extractors import extract

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "1-6月"
    ws["A1"] = "南街街道办事处2024年1—6月绩效运行监控表"
    ws.merge_cells("A1:G1")
    ws["A2"] = "填报单位：南街街道办事处"
    ws["F2"] = "单位：元"
    for j, h in enumerate(["项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率", "偏差原因", "改进措施"], 1):
        ws.cell(3, j, h)
    data = [("合计", 11646200, 11646200, 5319300, 0.4567), ("项目支出", 1343700, 1343700, 224600, 0.0193)]
    for i, row in enumerate(data, 4):
        for j, v in enumerate(row, 1):
            c = ws.cell(i, j, v)
            c.number_format = "0.00%" if j == 5 else "#,##0.00"
    path = tmp_path / "监控.xlsx"
    wb.save(path)

    (report,) = parse(extract(path))
    assert (report.unit.value, report.year, report.period_months, report.amount_unit) == (
        "南街街道办事处", 2024, 6, "元")
    assert report.unit.ref.label == "1-6月!A2"
    assert lines_of(report) == {
        "合计": (D("1164.62"), D("1164.62"), D("531.93"), D("45.67")),
        "项目支出": (D("134.37"), D("134.37"), D("22.46"), D("1.93")),
    }
    rate = report.line("项目支出").reported_rate
    assert rate.decimals == 2 and rate.ref.label == "1-6月!E5"


def test_detect_cover_letter_without_tables_low():
    blocks = [(0, "关于报送2024年1-6月部门整体支出绩效运行监控情况的函"),
              (1, "截至6月底，我办部门预算支出执行进度总体符合序时进度要求。"),
              (2, "附件：部门整体支出绩效运行监控表（另行报送）")]
    assert detect(make_doc([], blocks=blocks, fmt=Format.DOCX)) < 0.5


def test_detect_untitled_monitoring_table_still_high():
    grid = [
        ["项目", "全年预算数", "1-6月执行数", "执行率"],
        ["合计", "100", "50", "50%"],
        ["三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值"],
        ["培训场次", "≥12次", "6次", "12次"],
    ]
    assert detect(make_doc([make_table(grid)])) >= 0.5


# ---------------------------------------------------------------- one 绩效指标 label over the level columns

def _monitoring(indicator_header: list[list[str]]):
    from builders import make_doc, make_table

    from extractors.kinds.monitoring import parse as parse_monitoring
    from schemas.document import Format

    grid = [["支出项目", "年初预算数", "全年预算数", "截至9月底支出数", "执行率(%)", "", ""],
            ["合计", "100.00", "100.00", "75.00", "75.00", "", ""],
            *indicator_header,
            ["产出指标", "数量指标", "养护道路里程", "≥120公里", "95公里", "125公里", "确定能"],
            ["效益指标", "社会效益指标", "道路优良路率", "≥85%", "86%", "87%", "确定能"]]
    doc = make_doc([make_table(grid, file_name="表.docx")], blocks=[(0, "测试镇2024年1-9月部门整体支出绩效运行监控表")],
                   file_name="表.docx", fmt=Format.DOCX)
    (report,) = parse_monitoring(doc)
    return [(i.level1, i.level2, i.level3, i.target.raw, i.forecast.raw) for i in report.indicators]


def test_one_绩效指标_label_across_the_three_level_columns_names_一级_二级_三级() -> None:
    header = [["绩效指标", "<", "<", "年度指标值", "1-9月完成值", "全年预计完成值", "完成目标可能性"]]
    assert _monitoring(header) == [("产出指标", "数量指标", "养护道路里程", "≥120公里", "125公里"),
                                   ("效益指标", "社会效益指标", "道路优良路率", "≥85%", "87%")]


def test_a_label_over_one_column_stays_the_三级_column() -> None:
    header = [["一级指标", "二级指标", "绩效指标", "年度指标值", "1-9月完成值", "全年预计完成值", "完成目标可能性"]]
    assert _monitoring(header)[0] == ("产出指标", "数量指标", "养护道路里程", "≥120公里", "125公里")
