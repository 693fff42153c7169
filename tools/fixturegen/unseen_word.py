"""The unseen monitoring layouts written as Word documents: Gansu and Sichuan forms, and a Hubei
project table (exported to PDF)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from fixturegen.unseen_data import D, R4_TABLE_MEASURE, R4_TABLE_REASON, YEAR, Report, fmt, runs_of


# ---------------------------------------------------------------------------------- docx helpers


def landscape(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.5))
    sec.top_margin = sec.bottom_margin = Cm(1.5)


def para(doc, text: str, bold: bool = False, size: int = 11, center: bool = False) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def wset(table, row: int, col: int, text: str, to: tuple[int, int] | None = None, size: int = 9) -> None:
    """Set a (possibly merged) cell; rows and columns 0-based; `to` is the bottom-right corner."""
    cell = table.cell(row, col)
    if to is not None and to != (row, col):
        cell = cell.merge(table.cell(*to))
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.font.size = Pt(size)


def new_word() -> WordDocument:
    doc = WordDocument()
    doc.core_properties.author = "财务室"
    doc.core_properties.created = datetime(2024, 9, 6, 10, 0)
    landscape(doc)
    return doc


# ---------------------------------------------------------------------------------- 2. Gansu docx


def make_gansu_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, f"{YEAR}年1—{r.period}月部门整体支出绩效运行监控表", bold=True, size=16, center=True)
    para(doc, f"填报单位（盖章）：{r.unit}\t\t\t\t\t\t\t\t单位：万元")
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 1 + n_lines + 1 + 1 + n_ind
    t = doc.add_table(rows=rows, cols=9)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    heads = ("年初预算数", "全年预算数", f"1—{r.period}月执行数", "执行率（%）", "偏差原因", "改进措施")
    wset(t, 0, 0, "项目", (0, 2))
    for j, h in enumerate(heads):
        wset(t, 0, 3 + j, h)
    for i, line in enumerate(r.lines, start=1):
        wset(t, i, 0, line.label, (i, 2))
        wset(t, i, 3, fmt(line.initial))
        wset(t, i, 4, fmt(line.annual))
        wset(t, i, 5, fmt(line.executed))
        wset(t, i, 6, f"{r.printed_rate(line)}")
        wset(t, i, 7, line.reason)
        wset(t, i, 8, line.measure)
    sec = 1 + n_lines
    wset(t, sec, 0, "绩效指标完成情况", (sec, 8))
    head = sec + 1
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", f"1—{r.period}月实际完成值",
                           "全年预计完成值", "偏差原因分析", "完成目标可能性", "备注")):
        wset(t, head, j, h)
    base = head + 1
    for i, ind in enumerate(r.indicators):
        for j, v in enumerate((ind.level3, ind.target, ind.actual, ind.forecast, ind.reason,
                               ind.likelihood, ind.remark), start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 0, r.indicators[a].level1, (base + b, 0))
    for a, b in runs_of(r.indicators, lambda x: (x.level1, x.level2)):
        wset(t, base + a, 1, r.indicators[a].level2, (base + b, 1))
    para(doc, "单位负责人：王某某        财务负责人：李某某        填报人：张某某        联系电话：0936-0000000")
    doc.save(path)


# ---------------------------------------------------------------------------------- 4. Hubei docx → pdf


def make_hubei_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, f"青山区项目支出绩效监控表（{r.project}）", bold=True, size=15, center=True)
    para(doc, f"（{YEAR}年度 1-{r.period}月）", center=True)
    para(doc, f"项目单位（盖章）：{r.unit}\t\t\t\t\t\t\t\t\t单位：万元")
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 4 + 1 + n_lines + 1 + n_ind + 3
    t = doc.add_table(rows=rows, cols=8)
    t.style = "Table Grid"
    wset(t, 0, 0, "项目名称")
    wset(t, 0, 1, r.project, (0, 7))
    wset(t, 1, 0, "主管部门")
    wset(t, 1, 1, r.unit, (1, 3))
    wset(t, 1, 4, "项目执行单位")
    wset(t, 1, 5, "青山区疾病预防控制中心", (1, 7))
    wset(t, 2, 0, "项目属性")
    wset(t, 2, 1, "1、持续性项目 √    2、新增性项目 □", (2, 7))
    wset(t, 3, 0, "项目类型")
    wset(t, 3, 1, "1、常年性项目 √    2、延续性项目 □    3、一次性项目 □", (3, 7))
    fund = 4
    wset(t, fund, 0, "项目资金（万元）", (fund + n_lines, 0))
    wset(t, fund, 1, "", (fund, 2))
    for j, h in enumerate(("调整后预算数", f"1-{r.period}月执行数", "执行率")):
        wset(t, fund, 3 + j, h)
    wset(t, fund, 6, "全年预计执行数", (fund, 7))
    for i, line in enumerate(r.lines, start=1):
        wset(t, fund + i, 1, line.label, (fund + i, 2))
        wset(t, fund + i, 3, fmt(line.annual))
        wset(t, fund + i, 4, fmt(line.executed))
        wset(t, fund + i, 5, f"{r.printed_rate(line)}%")
        wset(t, fund + i, 6, fmt(line.forecast), (fund + i, 7))
    head = fund + n_lines + 1
    base = head + 1
    wset(t, head, 0, "绩效指标", (head + n_ind, 0))
    for j, h in enumerate(("一级指标", "二级指标", "指标名称", "指标值", f"1-{r.period}月指标执行情况",
                           "完成目标可能性（确定能、有可能、不可能）", "备注"), start=1):
        wset(t, head, j, h)
    for i, ind in enumerate(r.indicators):
        for j, v in enumerate((ind.level2, ind.level3, ind.target, ind.actual, ind.likelihood, ind.remark),
                              start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 1, r.indicators[a].level1, (base + b, 1))
    tail = base + n_ind
    wset(t, tail, 0, "偏差或不能完成目标原因分析", (tail, 2))
    wset(t, tail, 3, R4_TABLE_REASON, (tail, 7))
    wset(t, tail + 1, 0, "相关建议或举措", (tail + 1, 2))
    wset(t, tail + 1, 3, R4_TABLE_MEASURE, (tail + 1, 7))
    wset(t, tail + 2, 0, "注：1.完成目标可能性：对应所设定的实现绩效目标的路径，分确定能、有可能、不可能三级综合判断完成的可能性。"
         "2.如“完成目标可能性”出现“有可能”、“不可能”选项，请分别在“偏差或不能完成目标原因分析”与“相关建议或举措”栏填写相关原因及拟采取的措施。",
         (tail + 2, 7), size=8)
    doc.save(path)


# ---------------------------------------------------------------------------------- 8. Sichuan docx


def make_sichuan_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, "报表编号：000000_0021jk", size=9)
    para(doc, f"部门预算项目绩效运行监控表（{YEAR}年1-{r.period}月）", bold=True, size=15, center=True)
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 2 + 1 + n_lines + 1 + n_ind
    t = doc.add_table(rows=rows, cols=10)
    t.style = "Table Grid"
    wset(t, 0, 0, "项目名称", (0, 1))
    wset(t, 0, 2, r.project, (0, 9))
    wset(t, 1, 0, "主管部门", (1, 1))
    wset(t, 1, 2, r.unit, (1, 4))
    wset(t, 1, 5, "实施单位（盖章）", (1, 6))
    wset(t, 1, 7, r.unit, (1, 9))
    fund = 2
    wset(t, fund, 0, "预算执行情况（万元）", (fund + n_lines, 0))
    wset(t, fund, 1, "资金来源", (fund, 2))
    for j, h in enumerate(("年初预算数", "调整后预算数", f"1-{r.period}月执行数", "执行率")):
        wset(t, fund, 3 + j, h)
    wset(t, fund, 7, "偏差原因", (fund, 8))
    wset(t, fund, 9, "改进措施")
    for i, line in enumerate(r.lines, start=1):
        row = fund + i
        wset(t, row, 1, line.label, (row, 2))
        if line.printed_blank:  # left empty, as the Sichuan forms print it
            for j in (3, 4, 5, 6):
                wset(t, row, j, "")
        else:
            wset(t, row, 3, fmt(line.initial))
            wset(t, row, 4, fmt(line.annual))
            wset(t, row, 5, fmt(line.executed))
            wset(t, row, 6, f"{r.printed_rate(line)}%")
        wset(t, row, 7, line.reason, (row, 8))
        wset(t, row, 9, line.measure)
    head = fund + n_lines + 1
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                           f"1-{r.period}月完成值", "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        wset(t, head, j, h)
    base = head + 1
    for i, ind in enumerate(r.indicators):
        op, value, unit = ind.split
        for j, v in enumerate((ind.level3, op, value, unit, ind.actual, ind.forecast, ind.reason,
                               ind.likelihood), start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 0, r.indicators[a].level1, (base + b, 0))
    for a, b in runs_of(r.indicators, lambda x: (x.level1, x.level2)):
        wset(t, base + a, 1, r.indicators[a].level2, (base + b, 1))
    para(doc, "项目负责人：                财务负责人：                填报日期：2024年9月5日")
    doc.save(path)
