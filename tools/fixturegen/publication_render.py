"""Writing a `Pub` (tools/fixturegen/publication.py): Word (then PDF through LibreOffice), or a
finance-portal HTML page in GBK with the tables (rowspan/colspan headers, site chrome around)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from fixturegen.publication import HCell, Pub, Tab

FIXED_TIME = datetime(2025, 9, 1, 9, 0, 0)


def _fonts(run, east_asia: str = "宋体") -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, name in (("w:ascii", "Times New Roman"), ("w:hAnsi", "Times New Roman"),
                       ("w:eastAsia", east_asia), ("w:cs", "Times New Roman")):
        fonts.set(qn(attr), name)


def _para(doc, text: str, size: float = 11, bold: bool = False, align: str = "left", indent: bool = False,
          east_asia: str = "宋体"):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(4)
    pf.line_spacing = 1.15
    if indent:
        pf.first_line_indent = Pt(size * 2)
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        _fonts(run, east_asia)
    return p


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _placed(header: list[list[HCell]]) -> list[tuple[int, int, HCell]]:
    """Header cells with their (row, column) in the grid, as a browser places them."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out


def _cell_text(cell, text: str, size: float, align: str) -> None:
    p = cell.paragraphs[0]
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else (
        WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT)
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        _fonts(run)


def _docx_table(doc, tab: Tab, width_cm: float, size: float) -> None:
    n_head = len(tab.header)
    table = doc.add_table(rows=n_head + len(tab.rows), cols=tab.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    weights = [2.6 if k == "name" else (1.3 if k == "code" else 1.0) for k in tab.kinds]
    total = sum(weights)
    for i, column in enumerate(table.columns):
        w = Cm(width_cm * weights[i] / total)
        column.width = w
        for cell in column.cells:
            cell.width = w
    for r in range(n_head):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if tab.repeat_header:
            tr_pr.append(OxmlElement("w:tblHeader"))
    for r, c, hc in _placed(tab.header):
        cell = table.cell(r, c)
        if hc.rowspan > 1 or hc.colspan > 1:
            cell = cell.merge(table.cell(r + hc.rowspan - 1, c + hc.colspan - 1))
        _cell_text(cell, hc.text, size, "center")
    for i, row in enumerate(tab.rows):
        r = n_head + i
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if tab.row_height_cm:
            table.rows[r].height = Cm(tab.row_height_cm)
        for c, text in enumerate(row):
            span = tab.spans.get((i, c), 1)
            if tab.covered(i, c):
                continue
            cell = table.cell(r, c)
            if span > 1:
                cell = cell.merge(table.cell(r, c + span - 1))
            align = "right" if tab.kinds[c] == "amount" else ("center" if span > 1 else "left")
            _cell_text(cell, text, size, align)


def render_docx(pub: Pub, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    width, height = (29.7, 21.0) if pub.landscape else (21.0, 29.7)
    if pub.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.8)
    usable = width - 3.6
    for _ in range(6):
        _para(doc, "")
    for line in pub.cover:
        _para(doc, line, 22, True, "center", east_asia="黑体")
    _page_break(doc)
    _para(doc, "目 录", 16, True, "center", east_asia="黑体")
    for line in pub.toc:
        _para(doc, line.strip(), 11, line.startswith("第"), "left")
    _page_break(doc)
    for i, line in enumerate(pub.intro):
        heading = line.startswith("第") or line[:2] in ("一、", "二、")
        _para(doc, line, 14 if i == 0 else 11, heading, "center" if i == 0 else "left", indent=not heading)
    _page_break(doc)
    _para(doc, pub.parts[0], 14, True, "center", east_asia="黑体")
    first = True
    for tab in pub.tables:
        if not first:
            _page_break(doc)
        first = False
        if tab.label:
            _para(doc, tab.label, 11, False, "left")
        for line in tab.title:
            _para(doc, line, 14, True, "center", east_asia="黑体")
        _para(doc, f"单位：{tab.unit}", 10, False, "right")
        size = 7.5 if tab.n_cols > 8 else 9
        _docx_table(doc, tab, usable, size)
        if tab.statement:
            _para(doc, tab.statement, 10)
    _page_break(doc)
    _para(doc, pub.narrative_title, 14, True, "center", east_asia="黑体")
    for sec in pub.narrative:
        _para(doc, sec.heading, 11, sec.level == 1, indent=True)
        for text in sec.paragraphs:
            _para(doc, text, 11, indent=True, align="justify")
    _page_break(doc)
    for i, line in enumerate(pub.glossary):
        _para(doc, line, 14 if i == 0 else 11, i == 0, "center" if i == 0 else "left", indent=i > 0)
    props = doc.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.title = f"{pub.unit}{pub.year}年度部门决算"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    doc.save(str(path))


# ---------------------------------------------------------------------------------------------
# HTML portal page


def _html_table(tab: Tab) -> str:
    rows = []
    for hrow in tab.header:
        cells = []
        for hc in hrow:
            attrs = (f' colspan="{hc.colspan}"' if hc.colspan > 1 else "") + (
                f' rowspan="{hc.rowspan}"' if hc.rowspan > 1 else "")
            cells.append(f'<td{attrs} align="center"><b>{escape(hc.text)}</b></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    for i, row in enumerate(tab.rows):
        cells = []
        for c, text in enumerate(row):
            if tab.covered(i, c):
                continue
            span = tab.spans.get((i, c), 1)
            attrs = f' colspan="{span}"' if span > 1 else ""
            align = "right" if tab.kinds[c] == "amount" else "left"
            cells.append(f'<td{attrs} style="text-align:{align}">{escape(text) if text else "&nbsp;"}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="2" width="100%" '
            'style="border-collapse:collapse">\n' + "\n".join(rows) + "\n</table>")


def render_html(pub: Pub, path: Path, site: str) -> None:
    body = []
    for i, tab in enumerate(pub.tables, 1):
        if tab.label:
            body.append(f"<p>{escape(tab.label)}</p>")
        body.append(f'<p align="center" style="font-size:16px"><b>{escape("".join(tab.title))}</b></p>')
        body.append(f'<p align="right">单位：{escape(tab.unit)}</p>')
        body.append(_html_table(tab))
        if tab.statement:
            body.append(f"<p>{escape(tab.statement)}</p>")
    nav = "".join(f'<td><a href="/{slug}/">{name}</a></td>' for slug, name in (
        ("index", "首页"), ("zwgk", "政务公开"), ("czyjs", "财政预决算"), ("bsfw", "办事服务"), ("hdjl", "互动交流")))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{escape(pub.unit)}{pub.year}年度部门决算_{escape(site)}</title>
<style>body{{font-family:宋体;font-size:14px}} td{{font-size:12px}}</style></head>
<body>
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0">
<tr><td><table width="100%" border="0"><tr><td>{escape(site)}</td><td align="right">无障碍浏览 | 长者模式</td></tr></table></td></tr>
<tr><td><table width="100%" border="0"><tr>{nav}</tr></table></td></tr>
<tr><td>当前位置：首页 &gt; 政务公开 &gt; 财政预决算 &gt; 部门决算</td></tr>
<tr><td>
<h1 style="text-align:center;font-size:22px">{escape(pub.unit)}{pub.year}年度部门决算</h1>
<p align="center">发布日期：{pub.year + 1}-09-01　　来源：{escape(pub.unit)}　　浏览次数：<span id="hits">128</span></p>
{chr(10).join(body)}
<p align="center"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></p>
</td></tr>
<tr><td><p align="center">主办单位：{escape(site)}　　网站标识码：3100000015　　沪ICP备05001234号</p></td></tr>
</table>
<script>document.getElementById("hits").innerText = "129";</script>
</body></html>
"""
    path.write_bytes(page.encode("gbk"))
