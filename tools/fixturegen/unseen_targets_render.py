"""The unseen 绩效目标表 written as files: grids to Excel, Word and HTML, and the seven documents
(two of them exported to PDF)."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import openpyxl
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, Side

from fixturegen.office import plain_convert
from fixturegen.unseen_targets_data import T1, T2, T3, T4A, T4B, T5, T6A, T6B, T7
from fixturegen.unseen_targets_layout import (
    P, grid_size, layout_beijing, layout_central, layout_gansu, layout_guangdong, layout_henan, layout_hubei,
    layout_sichuan)

FIXED_TIME = datetime(2024, 3, 1, 9, 0, 0)


# ---------------------------------------------------------------------------------- renderers

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_xlsx_grid(ws, cells: list[P], top: int = 0, widths: list[float] | None = None) -> None:
    for p in cells:
        r, c = p.r + top, p.c
        cell = ws.cell(row=r, column=c)
        if p.num is not None:
            cell.value = p.num  # openpyxl writes a Decimal as a number cell
            cell.number_format = p.fmt
        else:
            cell.value = p.text if p.text != "" else None
        cell.alignment = Alignment(wrap_text=True, vertical="center",
                                   horizontal="left" if len(p.text) > 30 else "center")
        if p.bold:
            cell.font = Font(bold=True)
        if p.rs > 1 or p.cs > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r + p.rs - 1, end_column=c + p.cs - 1)
    rows, cols = grid_size(cells)
    for r in range(1 + top, rows + top + 1):
        for c in range(1, cols + 1):
            ws.cell(row=r, column=c).border = BORDER
    for k, w in enumerate(widths or [], start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(k)].width = w
    if widths:  # Excel does not grow rows for wrapped text on its own: size them as a filer would
        heights: dict[int, float] = {}
        for p in cells:
            span = sum(widths[p.c - 1:p.c - 1 + p.cs])
            lines = -(-len(p.text) * 2 // max(int(span), 1))  # a CJK character is ~2 width units
            need = 15.0 * max(lines, 1) / p.rs
            heights[p.r + top] = max(heights.get(p.r + top, 15.0), need)
        for r, h in heights.items():
            ws.row_dimensions[r].height = h


def write_docx_table(doc, cells: list[P], widths_cm: list[float]) -> None:
    rows, cols = grid_size(cells)
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    for p in cells:
        a = table.cell(p.r - 1, p.c - 1)
        if p.rs > 1 or p.cs > 1:
            a = a.merge(table.cell(p.r + p.rs - 2, p.c + p.cs - 2))
        lines = p.text.split("\n")
        a.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            a.add_paragraph(line)
        for para in a.paragraphs:
            for run in para.runs:
                run.font.size = Pt(9)
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[k])


def html_table(cells: list[P], attrs: str = 'border="1" cellspacing="0" cellpadding="3"') -> str:
    rows, cols = grid_size(cells)
    covered: set[tuple[int, int]] = set()
    by_origin = {(p.r, p.c): p for p in cells}
    for p in cells:
        for r in range(p.r, p.r + p.rs):
            for c in range(p.c, p.c + p.cs):
                if (r, c) != (p.r, p.c):
                    covered.add((r, c))
    out = [f"<table {attrs}>"]
    for r in range(1, rows + 1):
        tds = []
        for c in range(1, cols + 1):
            if (r, c) in covered:
                continue
            p = by_origin.get((r, c))
            if p is None:
                tds.append("<td>&nbsp;</td>")
                continue
            span = (f' rowspan="{p.rs}"' if p.rs > 1 else "") + (f' colspan="{p.cs}"' if p.cs > 1 else "")
            text = "<br/>".join(html.escape(x) for x in p.text.split("\n")) or "&nbsp;"
            tds.append(f'<td{span}><span style="font-size:12px">{text}</span></td>')
        out.append("  <tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _workbook_props(wb) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "fixturegen"


def _docx_props(doc) -> None:
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.author = "fixturegen"


def para(doc, text: str, size: int = 10, bold: bool = False, align=None) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if align is not None:
        p.alignment = align


# ---------------------------------------------------------------------------------- documents


def make_central(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    ws.cell(row=1, column=1, value="项目支出绩效目标申报表").font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws.cell(row=2, column=1, value="（2024年度）")
    ws.merge_cells("A2:H2")
    for r in (1, 2):
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
    write_xlsx_grid(ws, layout_central(T1), top=2, widths=[12, 12, 14, 24, 12, 14, 24, 12])
    r = grid_size(layout_central(T1))[0] + 4
    ws.cell(row=r, column=1, value="填报人：王某某　　联系电话：010-6XXXXXXX　　填报日期：2024年1月15日")
    _workbook_props(wb)
    wb.save(path)


def make_gansu(path: Path, work: Path) -> Path:
    doc = WordDocument()
    _docx_props(doc)
    para(doc, f"{T2.unit}{T2.year}年度部门整体支出绩效目标表", 14, True, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, f"填报单位（盖章）：{T2.unit}　　　　　　　　　　　　单位：元", 9)
    write_docx_table(doc, layout_gansu(T2), [2.6, 2.6, 4.6, 2.6, 2.6, 2.2])
    para(doc, "单位负责人：赵某某　　财务负责人：钱某某　　填表人：孙某某", 9)
    docx_path = work / (path.stem + ".docx")
    doc.save(docx_path)
    return plain_convert(docx_path, path.parent)


HTML3 = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}_清溪区人民政府门户网站</title>
</head>
<body>
<div class="top"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 预算决算</div>
<table width="100%" class="layout"><tr><td class="left"><ul><li>部门预算</li><li>部门决算</li></ul></td>
<td class="main">
<h1 class="article-title">{title}</h1>
<div class="info">发布时间：2024-02-06　来源：清溪区文化旅游广电局　浏览次数：<span id="hits">128</span></div>
<div class="article-content">
<p style="text-align:center"><b>部门整体支出绩效目标申报表</b></p>
<p>填报日期：2024年1月20日　　　　　　　　　　　　单位：万元</p>
{table}
<p>注：指标值设定依据为本部门年度工作计划及历年统计数据。</p>
</div>
</td></tr></table>
<div class="footer">主办：清溪区人民政府办公室　网站标识码：0000000000</div>
</body>
</html>
"""


def make_hubei(path: Path) -> None:
    title = f"{T3.unit}{T3.year}年部门整体支出绩效目标"
    page = HTML3.format(title=title, table=html_table(layout_hubei(T3), 'class="MsoTableGrid" border="1" '
                                                                           'cellspacing="0" width="100%"'))
    path.write_text(page, encoding="utf-8")


HTML4 = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title>
</head>
<body>
<div id="zoom">
<p align="center"><strong>{title}</strong></p>
{parts}
<p>联系人：李喆　　联系电话：0000-00000000</p>
</div>
</body>
</html>
"""


def make_guangdong(path: Path) -> None:
    title = f"{T4A.unit}{T4A.year}年项目支出绩效目标表"
    parts = []
    for k, t in enumerate((T4A, T4B), start=1):
        parts.append(f"<p><strong>{k}. {html.escape(t.project)}项目支出绩效目标表</strong></p>")
        parts.append('<p align="right">单位：万元</p>')
        parts.append(html_table(layout_guangdong(t)))
    page = HTML4.format(title=title, parts="\n".join(parts))
    path.write_bytes(page.encode("gb18030"))


def make_beijing(path: Path) -> None:
    doc = WordDocument()
    _docx_props(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    para(doc, "项目支出绩效目标申报表", 16, True, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, f"（{T5.year}年度）", 11, False, WD_ALIGN_PARAGRAPH.CENTER)
    write_docx_table(doc, layout_beijing(T5), [3.2, 3.0, 3.4, 5.6, 3.2, 5.6])
    para(doc, "填报人：周某某　　联系电话：000-00000000　　填报日期：2024年1月18日", 9)
    doc.save(path)


def make_sichuan(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表14"
    write_xlsx_grid(ws, layout_sichuan([T6A, T6B]), widths=[16, 16, 36, 12, 16, 24, 8, 8, 8, 8, 10])
    _workbook_props(wb)
    wb.save(path)


def make_henan(path: Path, work: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门整体绩效目标"
    write_xlsx_grid(ws, layout_henan(T7), widths=[12, 14, 16, 26, 12, 22])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _workbook_props(wb)
    xlsx_path = work / (path.stem + ".xlsx")
    wb.save(xlsx_path)
    return plain_convert(xlsx_path, path.parent)
