"""Renderers of the blind-test documents: Word (landscape or portrait), HTML portal pages, Excel."""

from __future__ import annotations

import html
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .blind_accounts import TABLES, Publication, narrative, table_cells


# ------------------------------------------------------------------ Word helpers

def new_document(landscape: bool = False) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    return doc


def para(doc, text: str, size: float = 10.5, bold: bool = False, center: bool = False):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    run.font.name = "宋体"
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def grid_table(doc, header: list[list[tuple[str, int, int]]], rows: list[list[str]], note: str | None = None,
               size: float = 8):
    """A ruled table whose header cells may span rows and columns; `note` becomes a merged last row."""
    ncols = sum(c for _, _, c in header[0])
    nrows = len(header) + len(rows) + (1 if note else 0)
    table = doc.add_table(rows=nrows, cols=ncols)
    table.style = "Table Grid"
    taken = [[False] * ncols for _ in range(len(header))]
    for r, hrow in enumerate(header):
        c = 0
        for text, rs, cs in hrow:
            while c < ncols and taken[r][c]:
                c += 1
            if c >= ncols:
                break
            cell = table.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken[rr][cc] = True
            if text:
                cell.text = text
            c += cs
    for k, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(len(header) + k, c).text = text
    if note:
        cell = table.cell(nrows - 1, 0).merge(table.cell(nrows - 1, ncols - 1))
        cell.text = note
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)
    return table


# ------------------------------------------------------------------ 部门决算 as a landscape Word file

def accounts_docx(pub: Publication, path: Path) -> None:
    doc = new_document(landscape=True)
    cells = table_cells(pub)
    para(doc, f"{pub.unit}", 22, True, True)
    para(doc, f"{pub.year}年度部门决算", 22, True, True)
    para(doc, f"{pub.year + 1}年8月", 14, False, True)
    para(doc, "目  录", 16, True, True)
    para(doc, "第一部分  部门概况")
    para(doc, "第二部分  部门决算表")
    for k, name in enumerate(TABLES, 1):
        para(doc, f"    {k}.{name}")
    para(doc, "第三部分  部门决算情况说明")
    para(doc, "第四部分  名词解释")
    para(doc, "第一部分  部门概况", 14, True)
    para(doc, f"一、主要职能。{pub.unit}负责全县水资源的合理开发利用、水利工程建设与运行管理、防汛抗旱、"
              "农村饮水安全等工作。")
    para(doc, "二、机构设置。本部门内设办公室、水资源管理股、工程建设管理股、防汛抗旱办公室4个股室，"
              "纳入本部门决算编制范围的单位为本级机关1个。")
    para(doc, "第二部分  部门决算表", 14, True)
    for k, name in enumerate(TABLES, 1):
        if name in pub.missing_tables:
            continue
        para(doc, f"表{k}", 9)
        para(doc, name, 14, True, True)
        para(doc, f"编制单位：{pub.unit}　　　　　　　　{pub.year}年度　　　　　　　　单位：{pub.money_unit}", 9)
        c = cells[name]
        grid_table(doc, c["header"], c["rows"], c["note"])
    para(doc, "第三部分  部门决算情况说明", 14, True)
    for head, sentences in narrative(pub):
        para(doc, head, 11, True)
        para(doc, "".join(s for _, s in sentences))
    para(doc, "第四部分  名词解释", 14, True)
    para(doc, "1.财政拨款收入：指本级财政当年拨付的资金。2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的"
              "人员支出和公用支出。3.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。")
    doc.save(path)


# ------------------------------------------------------------------ 部门决算 as an HTML portal page

def _html_table(header, rows, note) -> str:
    ncols = sum(c for _, _, c in header[0])
    out = ['<table class="gk" border="1" cellspacing="0" cellpadding="3" width="100%">', "<thead>"]
    for hrow in header:
        tds = []
        for text, rs, cs in hrow:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tds.append(f"<th{attrs}>{html.escape(text)}</th>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</thead><tbody>")
    for row in rows:
        tds = "".join(f'<td{" align=right" if t and t[0].isdigit() and "," in t else ""}>{html.escape(t) or "&nbsp;"}</td>'
                      for t in row)
        out.append(f"<tr>{tds}</tr>")
    if note:
        out.append(f'<tr><td colspan="{ncols}" class="note">{html.escape(note)}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


def _drop_spanned(header):
    """HTML header rows list only the cells not covered by a rowspan from above."""
    ncols = sum(c for _, _, c in header[0])
    covered = [[False] * ncols for _ in header]
    out = []
    for r, hrow in enumerate(header):
        c = 0
        row = []
        for cell in hrow:
            while c < ncols and covered[r][c]:
                c += 1
            if c >= ncols:
                break
            text, rs, cs = cell
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    covered[rr][cc] = True
            row.append(cell)
            c += cs
        out.append(row)
    return out


def accounts_html(pub: Publication, path: Path) -> None:
    cells = table_cells(pub)
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{pub.unit}{pub.year}年度部门决算公开_青禾区人民政府门户网站</title>",
             "<style>.gk th,.gk td{font-size:12px}.note{font-size:11px;color:#555}</style></head><body>",
             '<div class="header"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zwgk/czxx/">财政信息</a>'
             ' | <a href="/hdjl/">互动交流</a></div>',
             '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 财政信息 &gt; 部门决算</div>',
             '<div class="article">',
             f"<h1>{pub.unit}{pub.year}年度部门决算公开</h1>",
             f'<div class="info">发布时间：{pub.year + 1}-08-26　来源：{pub.unit}　浏览次数：1263</div>',
             "<h2>目录</h2><ol>"]
    for name in TABLES:
        parts.append(f"<li>{name}</li>")
    parts.append("</ol>")
    parts.append("<h2>第一部分 部门概况</h2>")
    parts.append(f"<p>{pub.unit}主要负责全区森林资源保护、林业生态建设、森林防火和林业有害生物防治等工作。"
                 "本部门决算由局机关本级决算组成。</p>")
    parts.append("<h2>第二部分 部门决算表</h2>")
    for k, name in enumerate(TABLES, 1):
        if name in pub.missing_tables:
            continue
        c = cells[name]
        parts.append(f'<p class="tt" align="center"><b>{name}</b></p>')
        parts.append(f'<p class="unit">部门：{pub.unit}<span style="float:right">单位：{pub.money_unit}</span></p>')
        parts.append(_html_table(_drop_spanned(c["header"]), c["rows"], c["note"]))
    parts.append("<h2>第三部分 部门决算情况说明</h2>")
    for head, sentences in narrative(pub):
        parts.append(f"<p><b>{html.escape(head)}</b></p>")
        parts.append("<p>" + html.escape("".join(s for _, s in sentences)) + "</p>")
    parts.append("</div>")
    parts.append('<div class="footer">主办：青禾区人民政府办公室　地址：青禾区人民路1号　网站标识码：0000000000'
                 '<br>版权所有 青禾区人民政府</div></body></html>')
    path.write_text("\n".join(parts), encoding="utf-8")
