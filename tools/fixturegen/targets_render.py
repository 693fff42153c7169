"""Lay out and render 绩效目标表 fixtures in Word, Excel and HTML (PDFs via LibreOffice).

The layout produces the same paragraphs and grids of cells (`layout.Para`, `layout.Grid`) the
monitoring fixtures use, so the cell, table and page helpers of render_docx / render_xlsx /
render_html are reused as they are. Every grid is 6 columns wide:

    部门（单位）名称 | value                       (or 项目名称; 主管部门 | … | 实施单位 | …)
    年度预算 | 资金总额 | amount                  (budget="rows")
    年度资金总额 | 财政拨款 | 其他资金 / amounts   (budget="header")
    年度主要任务 | 任务名称 | 主要内容 | 预算金额  (then one row per task, then 金额合计)
    年度总体目标 | text
    一级指标 | 二级指标 | 三级指标 | 指标值        (or … | 指标方向/指标性质 | 指标值 | 度量单位)
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from html import escape
from pathlib import Path
from types import SimpleNamespace

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from fixturegen.expected import collapse
from fixturegen.layout import GCell, Grid, Para
from fixturegen.model import format_amount
from fixturegen.office import Office, normalise_pdf, normalise_zip
from fixturegen.render_docx import FIXED_TIME, _fonts, _run, _table, _tight
from fixturegen.render_html import _CSS, _grid_html, _para_html, _portal
from fixturegen.render_xlsx import _place_grid, _place_para
from fixturegen.targets_expected import VAGUE_WORDS
from fixturegen.targets_model import VALUE_HEADERS, VALUE_LAYOUTS, TDoc, TTable

N_COLS = 6
WEIGHTS = {"single": [1.2, 1.5, 1.7, 1.7, 1.3, 1.4], "direction": [1.2, 1.4, 2.8, 1.0, 1.2, 2.0]}
WEIGHTS["nature"] = WEIGHTS["direction"]


# ---------------------------------------------------------------------------------------------
# Data checks: the fixtures must be unambiguous before anything is rendered.


def check_target_data(docs: list[TDoc]) -> None:
    for doc in docs:
        for t in doc.tables:
            where = f"{doc.file_name}: {t.project or t.unit}"
            st = t.style
            if st.values not in VALUE_LAYOUTS or st.budget not in ("rows", "header"):
                raise ValueError(f"{where}: unknown layout {st.values}/{st.budget}")
            if t.budget_total is None or t.budget_fiscal is None:
                raise ValueError(f"{where}: every fixture prints 资金总额 and 财政拨款")
            if st.budget == "header" and t.budget_other is None:
                raise ValueError(f"{where}: a header-row budget always has a 其他资金 cell")
            if t.tasks and t.tasks_total is None:
                raise ValueError(f"{where}: a task block ends with 金额合计")
            for ind in t.indicators:
                v = ind.value
                if (st.values == "single") != (v.cells is None):
                    raise ValueError(f"{where}: {ind.level3} cells do not fit the {st.values} layout")
                if v.cells is not None:
                    joined = "".join(v.cells) if st.values == "direction" else v.cells[1] + v.cells[2]
                    if joined != v.text or (st.values == "nature") != (v.cells[0] in ("定量", "定性")):
                        raise ValueError(f"{where}: {ind.level3} cells {v.cells} do not read {v.text!r}")
                if v.quantitative != (v.number is not None or v.unit == "日期"):
                    raise ValueError(f"{where}: {ind.level3} is quantitative only when it states a number or date")
                if v.number is not None and v.number not in v.text.replace(",", ""):
                    raise ValueError(f"{where}: {ind.level3} number {v.number} is not printed in {v.text!r}")
                text = collapse(v.text)
                if not v.quantitative and text not in VAGUE_WORDS and any(w in text for w in VAGUE_WORDS):
                    # Whole-value and substring matching of vague words must agree on the fixtures.
                    raise ValueError(f"{where}: {ind.level3} value {text!r} only contains a vague word")
                # TGT004's "restates its section": full and bare section names must agree
                # (满意度指标 is no key section; its indicators all name 满意度).
                bare = ind.level1.removesuffix("指标")
                if ind.level1 != "满意度指标" and (ind.level1 in ind.level3) != (bare in ind.level3):
                    raise ValueError(f"{where}: {ind.level3} restates its section only in part")


# ---------------------------------------------------------------------------------------------
# Layout.


def _amount(value: Decimal | None, t: TTable) -> GCell:
    if value is None or value == 0:
        zero = t.style.zero
        if zero in ("0", "0.00"):  # Excel: a real zero in the printed format
            return GCell(zero, align="right", number=Decimal(0), number_format=zero)
        return GCell(zero, align="right")
    return GCell(format_amount(value, t.style.thousands), align="right", number=value,
                 number_format="#,##0.00" if t.style.thousands else "0.00")


def _meta(t: TTable, grid: Grid) -> None:
    for pairs in t.style.meta:
        row, col = grid.add_row(), 0
        if len(pairs) == 1:
            (label, value), = pairs
            row[0] = GCell(label, colspan=2, bold=True)
            row[2] = GCell(value, colspan=4, align="left")
            continue
        for label, value in pairs:
            row[col] = GCell(label, bold=True)
            row[col + 1] = GCell(value, colspan=2, align="left")
            col += 3


def _budget(t: TTable, grid: Grid) -> None:
    st = t.style
    values = [t.budget_total, t.budget_fiscal, t.budget_other]
    if st.budget == "header":
        head, body = grid.add_row(), grid.add_row()
        for k, (label, value) in enumerate(zip(st.budget_labels, values, strict=True)):
            head[2 * k] = GCell(label, colspan=2, bold=True)
            cell = _amount(value, t)
            cell.colspan, cell.align = 2, "center"
            body[2 * k] = cell
        return
    present = [(label, value) for label, value, key in zip(st.budget_labels, values, ("t", "f", "o"), strict=True)
               if key != "o" or value is not None]
    for k, (label, value) in enumerate(present):
        row = grid.add_row()
        if k == 0:
            row[0] = GCell(st.budget_section, rowspan=len(present), bold=True)
        row[1] = GCell(label, colspan=2, align="left")
        cell = _amount(value, t)
        cell.colspan = 3
        row[3] = cell


def _tasks(t: TTable, grid: Grid) -> None:
    if not t.tasks:
        return
    head = grid.add_row()
    head[0] = GCell("年度主要任务", rowspan=len(t.tasks) + 2, bold=True)
    head[1] = GCell("任务名称", bold=True)
    head[2] = GCell("主要内容", colspan=3, bold=True)
    head[5] = GCell(f"预算金额（{t.amount_unit}）", bold=True)
    for task in t.tasks:
        row = grid.add_row()
        row[1] = GCell(task.name, align="left")
        row[2] = GCell(task.content, colspan=3, align="left")
        row[5] = _amount(task.amount, t)
    total = grid.add_row()
    total[1] = GCell("金额合计", bold=True)
    total[2] = GCell("", colspan=3)
    total[5] = _amount(t.tasks_total, t)


def _goal(t: TTable, grid: Grid) -> None:
    row = grid.add_row()
    row[0] = GCell(t.style.goal_label, bold=True)
    row[1] = GCell(t.goal, colspan=5, align="left")


def _indicators(t: TTable, grid: Grid) -> list[int]:
    """The indicator header and rows; returns the grid indices of the data rows."""
    st = t.style
    head = grid.add_row()
    grid.header_rows.append(len(grid.rows) - 1)
    head[0] = GCell("一级指标", bold=True)
    head[1] = GCell("二级指标", bold=True)
    if st.values == "single":
        head[2] = GCell("三级指标", colspan=2, bold=True)
        head[4] = GCell("指标值", colspan=2, bold=True)
    else:
        for c, text in enumerate(("三级指标", VALUE_HEADERS[st.values], "指标值", "度量单位"), start=2):
            head[c] = GCell(text, bold=True)
    rows = []
    inds = t.indicators
    for i, ind in enumerate(inds):
        row = grid.add_row()
        rows.append(len(grid.rows) - 1)
        for c, same in ((0, lambda a, b: a.level1 == b.level1),
                        (1, lambda a, b: (a.level1, a.level2) == (b.level1, b.level2))):
            if i == 0 or not same(inds[i - 1], ind):
                span = 1
                while i + span < len(inds) and same(inds[i + span], ind):
                    span += 1
                row[c] = GCell(ind.level1 if c == 0 else ind.level2, rowspan=span)
        if st.values == "single":
            row[2] = GCell(ind.level3, colspan=2, align="left")
            row[4] = GCell(ind.value.text, colspan=2)
        else:
            row[2] = GCell(ind.level3, align="left")
            for c, text in enumerate(ind.value.cells, start=3):  # type: ignore[arg-type]
                row[c] = GCell(text)
    return rows


def target_blocks(t: TTable) -> tuple[list[Para | Grid], list[int]]:
    """Paragraphs and grids of one table in reading order, and the indicator data rows of the
    last grid (Word gives them a minimum height)."""
    st = t.style
    blocks: list[Para | Grid] = [Para(st.title, kind="title")]
    blocks.extend(Para(left, right) for left, right in st.before)
    weights = WEIGHTS[st.values]
    upper = Grid(N_COLS, weights)
    _meta(t, upper)
    _budget(t, upper)
    _tasks(t, upper)
    _goal(t, upper)
    if st.split:
        # Word repeats header rows only at the top of a table: the indicators get their own.
        lower = Grid(N_COLS, weights)
        rows = _indicators(t, lower)
        blocks.extend([upper, lower])
    else:
        upper.add_row()[0] = GCell(st.caption, colspan=N_COLS, bold=True)
        rows = _indicators(t, upper)
        blocks.append(upper)
    blocks.extend(Para(left, right) for left, right in st.after)
    return blocks, rows


# ---------------------------------------------------------------------------------------------
# Word.


def render_targets_docx(tables: list[TTable], path: Path, title: str) -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    _fonts(normal.element, "宋体")
    landscape = any(t.style.landscape for t in tables)
    section = document.sections[0]
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.6)
    usable = (29.7 if landscape else 21.0) - 3.6
    for n, t in enumerate(tables):
        if n:
            document.add_page_break()
        blocks, ind_rows = target_blocks(t)
        grids = [b for b in blocks if isinstance(b, Grid)]
        for block in blocks:
            if isinstance(block, Para):
                para = document.add_paragraph()
                if block.kind == "title":
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    para.paragraph_format.space_after = Pt(8)
                    _run(para, block.left, 16, bold=True, east_asia="黑体")
                    continue
                _tight(para)
                para.paragraph_format.space_after = Pt(3)
                para.paragraph_format.tab_stops.add_tab_stop(Cm(usable), WD_TAB_ALIGNMENT.RIGHT)
                _run(para, block.left + ("\t" + block.right if block.right else ""), 10.5)
                continue
            _table(document, block, usable, 10, repeat_header=t.style.split)
            table = document.tables[-1]
            if block is grids[-1] and t.style.row_height_cm:
                for r in ind_rows:
                    table.rows[r].height = Cm(t.style.row_height_cm)
                    table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            _tight(document.add_paragraph())
    props = document.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.title = title
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))


# ---------------------------------------------------------------------------------------------
# Excel.


def render_targets_xlsx(tables: list[TTable], path: Path, sheet: str) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for n, t in enumerate(tables):
        ws = wb.create_sheet(sheet if len(tables) == 1 else f"{sheet}{n + 1}")
        blocks, _ = target_blocks(t)
        weights = WEIGHTS[t.style.values]
        width = 150 if t.style.landscape else 100
        for i, w in enumerate(weights):
            ws.column_dimensions[get_column_letter(i + 1)].width = round(width * w / sum(weights), 1)
        row = 1
        for block in blocks:
            if isinstance(block, Para):
                _place_para(ws, row, N_COLS, block)
                row += 1
            else:
                _place_grid(ws, row, block, {}, [])
                for r, cells in enumerate(block.rows):
                    longest = max(len(c.text) for c in cells.values())
                    if longest > 40:  # LibreOffice does not grow merged rows: one line per 40 characters
                        ws.row_dimensions[row + r].height = 15 * (1 + longest // 40)
                row += len(block.rows)
        ws.page_setup.orientation = "landscape" if t.style.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
    wb.properties.creator = wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(str(path))


# ---------------------------------------------------------------------------------------------
# HTML.


def render_targets_html(doc: TDoc, path: Path) -> None:
    parts = []
    for t in doc.tables:
        blocks, _ = target_blocks(t)
        parts.extend(_grid_html(b, doc.portal) if isinstance(b, Grid) else _para_html(b, doc.portal) for b in blocks)
    body = "\n".join(parts)
    first = doc.tables[0]
    title = re.sub(r"\.html$", "", doc.file_name)
    if doc.portal:
        # The portal chrome reads only the page title and the publishing unit.
        page = _portal(SimpleNamespace(reports=[SimpleNamespace(style=SimpleNamespace(title=title),
                                                                unit=first.department or first.unit)]), body)
    else:
        page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="{doc.encoding}">\n'
                f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    path.write_bytes(page.encode(doc.encoding))


# ---------------------------------------------------------------------------------------------
# One document.


def render_target(doc: TDoc, target: Path, office: Office, scratch: Path) -> None:
    if doc.format == "html":
        render_targets_html(doc, target)
        return
    stem = Path(doc.file_name).stem
    if doc.format == "docx" or (doc.format == "pdf" and doc.source == "docx"):
        src = scratch / f"{stem}.docx"
        render_targets_docx(doc.tables, src, title=doc.tables[0].style.title)
    elif doc.format == "xlsx" or (doc.format == "pdf" and doc.source == "xlsx"):
        src = scratch / f"{stem}.xlsx"
        render_targets_xlsx(doc.tables, src, doc.sheet)
    else:
        raise ValueError(f"{doc.file_name}: unknown format {doc.format}/{doc.source}")
    normalise_zip(src)
    if doc.format == "pdf":
        pdf = office.convert(src, "pdf")
        normalise_pdf(pdf)
        shutil.copyfile(pdf, target)
    else:
        shutil.copyfile(src, target)


__all__ = ["check_target_data", "render_target", "render_targets_docx", "render_targets_html",
           "render_targets_xlsx", "target_blocks"]
