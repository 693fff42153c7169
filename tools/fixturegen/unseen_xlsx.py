"""The unseen monitoring layouts written as Excel workbooks: a central-department form, a
Guangdong-style workbook of two sheets, and a street office's table (exported to PDF)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from fixturegen.unseen_data import D, YEAR, Indicator, Line, Report, exact_rate


# ---------------------------------------------------------------------------------- xlsx helpers

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def xput(ws, ref: str, value, merge: str | None = None, fmt_: str | None = None,
         bold: bool = False, size: int | None = None, align=CENTER, border: bool = True):
    cell = ws[ref]
    cell.value = value
    if fmt_:
        cell.number_format = fmt_
    cell.alignment = align
    if bold or size:
        cell.font = Font(bold=bold, size=size or 11)
    if merge:
        ws.merge_cells(f"{ref}:{merge}")
    if border:
        rng = ws[f"{ref}:{merge}"] if merge else ((cell,),)
        for row in rng:
            for c in row:
                c.border = BOX
    return cell


def xnum(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def xrate_fraction(line: Line) -> float | None:
    """An Excel rate cell as a stored fraction (0.6072115…), the way =执行数/预算数 caches it."""
    exact = exact_rate(line)
    return None if exact is None else float(exact / 100)


def fixed_props(wb) -> None:
    wb.properties.creator = "财务科"
    wb.properties.created = datetime(2024, 8, 9, 9, 30)
    wb.properties.modified = datetime(2024, 8, 9, 9, 30)


# ---------------------------------------------------------------------------------- 1. central xlsx


def make_central_xlsx(path: Path, r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "监控表"
    for col, width in zip("ABCDEFGHIJKLMNOP", (6, 10, 12, 20, 12, 12, 12, 8, 8, 8, 10, 8, 8, 8, 10, 14)):
        ws.column_dimensions[col].width = width
    xput(ws, "A1", "项目支出绩效目标执行监控表", "P1", bold=True, size=16, border=False)
    xput(ws, "A2", f"（{YEAR}年度）", "P2", border=False)
    xput(ws, "A3", f"填报单位（盖章）：{r.unit}", "J3", align=LEFT, border=False)
    xput(ws, "K3", f"填报日期：{YEAR}年8月9日", "P3", align=LEFT, border=False)
    xput(ws, "A4", "项目名称", "C4")
    xput(ws, "D4", r.project, "P4")
    xput(ws, "A5", "主管部门及代码", "C5")
    xput(ws, "D5", f"[301]{r.unit}", "H5")
    xput(ws, "I5", "实施单位", "K5")
    xput(ws, "L5", r.unit, "P5")
    # 项目资金 block
    xput(ws, "A6", "项目资金（万元）", "C10")
    xput(ws, "D6", "", "F6")
    xput(ws, "G6", "年初预算数", "H6")
    xput(ws, "I6", "全年预算数（A）", "J6")
    xput(ws, "K6", f"1-{r.period}月执行数（B）", "L6")
    xput(ws, "M6", "执行率（B/A）", "N6")
    xput(ws, "O6", "全年预计执行数", "P6")
    money = "#,##0.00"
    for i, line in enumerate(r.lines):
        row = 7 + i
        xput(ws, f"D{row}", line.label, f"F{row}", align=LEFT)
        xput(ws, f"G{row}", xnum(line.initial) if line.initial else None, f"H{row}", money)
        xput(ws, f"I{row}", xnum(line.annual), f"J{row}", money)
        xput(ws, f"K{row}", xnum(line.executed), f"L{row}", money)
        xput(ws, f"M{row}", xrate_fraction(line), f"N{row}", "0.00%")
        xput(ws, f"O{row}", xnum(line.forecast), f"P{row}", money)
    xput(ws, "A11", "年度总体目标", "C12")
    xput(ws, "D11", "年初设定目标", "J11")
    xput(ws, "K11", f"1-{r.period}月执行情况", "P11")
    xput(ws, "D12", "新建6个空气质量自动监测站，提升全市大气环境监测网络覆盖能力和数据质量。", "J12", align=LEFT)
    xput(ws, "K12", "已完成4个站点建设并联网运行，其余2个站点完成设备招标。", "P12", align=LEFT)
    ws.row_dimensions[12].height = 36
    # indicator block
    first, last = 15, 15 + len(r.indicators) - 1
    xput(ws, "A13", "绩效指标", f"A{last}")
    for col, head in zip("BCDEFG", ("一级指标", "二级指标", "三级指标", "年度指标值",
                                    f"1-{r.period}月执行情况", "全年预计完成情况")):
        xput(ws, f"{col}13", head, f"{col}14")
    xput(ws, "H13", "偏差原因分析", "L13")
    xput(ws, "M13", "完成目标可能性", "O13")
    xput(ws, "P13", "备注", "P14")
    reasons = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
    likelihoods = ("确定能", "有可能", "完全不可能")
    for col, head in zip("HIJKL", reasons):
        xput(ws, f"{col}14", head)
    for col, head in zip("MNO", likelihoods):
        xput(ws, f"{col}14", head)
    for i, ind in enumerate(r.indicators):
        row = first + i
        for col, value in zip("CDEFG", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast)):
            xput(ws, f"{col}{row}", value)
        for col, head in zip("HIJKL", reasons):
            xput(ws, f"{col}{row}", "√" if ind.reason == head else None)
        for col, head in zip("MNO", likelihoods):
            xput(ws, f"{col}{row}", "√" if ind.likelihood == head else None)
        xput(ws, f"P{row}", ind.remark or None)
    _merge_level1_xlsx(ws, r.indicators, first, "B")
    note_row = last + 1
    xput(ws, f"A{note_row}", "注：1.偏差原因分析：针对与年度指标值产生偏差的指标，在对应原因栏打“√”。"
         "2.完成目标可能性：对照年度指标值，在对应栏打“√”。", f"P{note_row}", align=LEFT, border=False)
    wb.save(path)


def _merge_level1_xlsx(ws, indicators: list[Indicator], first: int, col: str) -> None:
    """Write 一级指标 as one merged cell per run of equal values."""
    i = 0
    while i < len(indicators):
        j = i
        while j + 1 < len(indicators) and indicators[j + 1].level1 == indicators[i].level1:
            j += 1
        xput(ws, f"{col}{first + i}", indicators[i].level1, f"{col}{first + j}" if j > i else None)
        i = j + 1


# ---------------------------------------------------------------------------------- 5. Guangdong xlsx


def make_guangdong_xlsx(path: Path, unit_r: Report, proj_r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "部门整体"
    for col, width in zip("ABCDEFGH", (22, 12, 12, 12, 12, 22, 14, 14)):
        ws.column_dimensions[col].width = width
    r = unit_r
    xput(ws, "A1", f"{r.unit}{YEAR}年1-{r.period}月部门整体支出绩效运行监控表", "H1", bold=True, size=14,
         border=False)
    xput(ws, "A2", f"填报单位：{r.unit}", "D2", align=LEFT, border=False)
    xput(ws, "G2", "单位：万元", "H2", align=Alignment(horizontal="right"), border=False)
    for col, h in zip("ABCDEF", ("支出类别", "年初预算数", "全年预算数", f"1-{r.period}月执行数",
                                 "执行率（%）", "偏差原因")):
        xput(ws, f"{col}3", h, bold=True)
    xput(ws, "G3", "改进措施", "H3", bold=True)
    for i, line in enumerate(r.lines):
        row = 4 + i
        xput(ws, f"A{row}", line.label, align=LEFT)
        xput(ws, f"B{row}", xnum(line.initial), fmt_="#,##0.00")
        xput(ws, f"C{row}", xnum(line.annual), fmt_="#,##0.00")
        xput(ws, f"D{row}", xnum(line.executed), fmt_="#,##0.00")
        # percent points with one decimal shown; the stored value is the formula's unrounded result
        xput(ws, f"E{row}", float(exact_rate(line)), fmt_="0.0")
        xput(ws, f"F{row}", line.reason or None, align=LEFT)
        xput(ws, f"G{row}", line.measure or None, f"H{row}", align=LEFT)
    top = 4 + len(r.lines) + 1
    xput(ws, f"A{top}", "绩效指标完成情况", f"H{top}", bold=True)
    for col, h in zip("ABCDEFGH", ("一级指标", "二级指标", "三级指标", "年度指标值", f"1-{r.period}月实际完成值",
                                   "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        xput(ws, f"{col}{top + 1}", h, bold=True)
    first = top + 2
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFGH", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                      ind.reason, ind.likelihood)):
            xput(ws, f"{col}{first + i}", v or None)
    _merge_level1_xlsx(ws, r.indicators, first, "A")

    ws2 = wb.create_sheet("项目-水污染防治")
    r = proj_r
    for col, width in zip("ABCDEFG", (22, 14, 14, 12, 22, 14, 14)):
        ws2.column_dimensions[col].width = width
    xput(ws2, "A1", f"{YEAR}年1-{r.period}月项目支出绩效运行监控表", "G1", bold=True, size=14, border=False)
    xput(ws2, "A2", "项目名称")
    xput(ws2, "B2", r.project, "D2")
    xput(ws2, "E2", "项目单位")
    xput(ws2, "F2", r.unit, "G2")
    xput(ws2, "G3", "单位：万元", align=Alignment(horizontal="right"), border=False)
    for col, h in zip("ABCDE", ("资金来源", "全年预算数", f"1-{r.period}月执行数", "执行率", "偏差原因")):
        xput(ws2, f"{col}4", h, bold=True)
    xput(ws2, "F4", "改进措施", "G4", bold=True)
    accounting = '#,##0.00;-#,##0.00;"-"'  # zero shows as "-"
    for i, line in enumerate(r.lines):
        row = 5 + i
        xput(ws2, f"A{row}", line.label, align=LEFT)
        xput(ws2, f"B{row}", xnum(line.annual), fmt_=accounting)
        xput(ws2, f"C{row}", xnum(line.executed), fmt_=accounting)
        xput(ws2, f"D{row}", xrate_fraction(line), fmt_="0.00%")
        xput(ws2, f"E{row}", line.reason or None)
        xput(ws2, f"F{row}", line.measure or None, f"G{row}")
    top = 5 + len(r.lines) + 1
    for col, h in zip("ABCDEFG", ("一级指标", "二级指标", "三级指标", "年度指标值", f"1-{r.period}月实际完成值",
                                  "全年预计完成值", "完成目标可能性")):
        xput(ws2, f"{col}{top}", h, bold=True)
    first = top + 1
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFG", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                     ind.likelihood)):
            xput(ws2, f"{col}{first + i}", v)
    _merge_level1_xlsx(ws2, r.indicators, first, "A")
    wb.save(path)


# ---------------------------------------------------------------------------------- 7. xlsx → pdf


def make_street_xlsx(path: Path, r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Sheet1"
    for col, width in zip("ABCDEFGH", (16, 18, 22, 14, 14, 14, 18, 18)):
        ws.column_dimensions[col].width = width
    xput(ws, "A1", f"{YEAR}年度部门整体支出绩效运行监控表（截至{YEAR}年{r.period}月31日）", "H1",
         bold=True, size=14, border=False)
    xput(ws, "A2", f"填报单位：{r.unit}", "E2", align=LEFT, border=False)
    xput(ws, "G2", "单位：万元", "H2", align=Alignment(horizontal="right"), border=False)
    xput(ws, "A3", "项目", "B3", bold=True)
    for col, h in zip("CDEFGH", ("年初预算数", "调整后预算数", f"截至{r.period}月底支出数", "执行率", "偏差原因",
                                 "改进措施")):
        xput(ws, f"{col}3", h, bold=True)
    for i, line in enumerate(r.lines):
        row = 4 + i
        xput(ws, f"A{row}", line.label, f"B{row}", align=LEFT)
        xput(ws, f"C{row}", xnum(line.initial), fmt_="0.00")
        xput(ws, f"D{row}", xnum(line.annual), fmt_="0.00")
        xput(ws, f"E{row}", xnum(line.executed), fmt_="0.00")
        xput(ws, f"F{row}", xrate_fraction(line), fmt_="0.00%")
        xput(ws, f"G{row}", line.reason or None, align=LEFT)
        xput(ws, f"H{row}", line.measure or None, align=LEFT)
    top = 4 + len(r.lines) + 1
    for col, h in zip("ABCDEFGH", ("一级指标", "二级指标", "三级指标", "年度指标值", f"截至{r.period}月底完成值",
                                   "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        xput(ws, f"{col}{top}", h, bold=True)
    first = top + 1
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFGH", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                      ind.reason, ind.likelihood)):
            xput(ws, f"{col}{first + i}", v or None)
    _merge_level1_xlsx(ws, r.indicators, first, "A")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
