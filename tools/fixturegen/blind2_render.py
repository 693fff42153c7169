"""Rendering helpers of the second blind test: free-form Word tables, Excel sheets, GBK portal pages.

Every table is given as rows of cells; a cell is a text or a (text, colspan[, rowspan]) tuple.
"""

from __future__ import annotations

import html
from pathlib import Path

from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from .blind_render import new_document, para

Cell = str | tuple


def _spec(cell: Cell) -> tuple[str, int, int]:
    if isinstance(cell, tuple):
        text, cs = cell[0], cell[1]
        rs = cell[2] if len(cell) > 2 else 1
        return text, cs, rs
    return cell, 1, 1


def _layout(rows: list[list[Cell]], ncols: int) -> list[tuple[int, int, str, int, int]]:
    """(row, col, text, colspan, rowspan) of every cell, skipping grid places taken by spans."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            text, cs, rs = _spec(cell)
            if c + cs > ncols:
                raise ValueError(f"row {r} wider than {ncols} columns")
            out.append((r, c, text, cs, rs))
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken.add((rr, cc))
            c += cs
    return out


def docx_table(doc, rows: list[list[Cell]], ncols: int, size: float = 8):
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for r, c, text, cs, rs in _layout(rows, ncols):
        cell = table.cell(r, c)
        if cs > 1 or rs > 1:
            cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
        cell.text = text
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)
    return table


def docx_file(path: Path, blocks: list, landscape: bool = False) -> None:
    """blocks: ("p", text[, size, bold, center]) or ("t", rows, ncols)."""
    doc = new_document(landscape=landscape)
    for block in blocks:
        if block[0] == "p":
            _, text, *rest = block
            size, bold, center = (rest + [10.5, False, False][len(rest):])[:3]
            para(doc, text, size=size, bold=bold, center=center)
        else:
            docx_table(doc, block[1], block[2])
    doc.save(str(path))


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def xlsx_file(path: Path, sheets: list[tuple[str, list]]) -> None:
    """sheets: (name, blocks); a block is ("line", text, ncols) — a merged text row — or
    ("t", rows, ncols); a cell value that is a (float, fmt) pair is written as a number."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, blocks in sheets:
        ws = wb.create_sheet(name)
        r0 = 1
        for block in blocks:
            if block[0] == "line":
                _, text, ncols = block
                ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=ncols)
                ws.cell(row=r0, column=1, value=text)
                r0 += 1
                continue
            _, rows, ncols = block
            for r, c, value, cs, rs in _layout(rows, ncols):
                if cs > 1 or rs > 1:
                    ws.merge_cells(start_row=r0 + r, start_column=c + 1, end_row=r0 + r + rs - 1,
                                   end_column=c + cs)
                cell = ws.cell(row=r0 + r, column=c + 1)
                if isinstance(value, list):      # [number, format]
                    cell.value, cell.number_format = value[0], value[1]
                else:
                    cell.value = value if value != "" else None
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            for rr in range(len(rows)):
                for cc in range(ncols):
                    ws.cell(row=r0 + rr, column=cc + 1).border = _BOX
            r0 += len(rows)
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
        for col in "ABCDEFGHIJ":
            ws.column_dimensions[col].width = 16
    wb.save(str(path))


def html_table(rows: list[list[Cell]], ncols: int, cls: str = "data") -> str:
    _layout(rows, ncols)  # validates the widths
    out = [f'<table class="{cls}" border="1" cellspacing="0" cellpadding="3" width="100%">']
    for row in rows:
        out.append("<tr>")
        for cell in row:
            text, cs, rs = _spec(cell)
            attrs = (f' colspan="{cs}"' if cs > 1 else "") + (f' rowspan="{rs}"' if rs > 1 else "")
            out.append(f"<td{attrs}>{html.escape(text) if text else '&nbsp;'}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def portal_page(path: Path, title: str, site: str, body: str, published: str, encoding: str) -> None:
    """A finance-portal article page: layout tables for the banner, the menu and the article."""
    charset = "gb2312" if encoding == "gb2312" else "gbk"
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(title)}_{html.escape(site)}</title>
<style>td{{font-size:12px}} .menu a{{margin:0 8px}}</style>
</head>
<body>
<table width="980" align="center" border="0" cellspacing="0" cellpadding="0">
<tr><td class="banner"><img src="/images/logo.gif" alt="{html.escape(site)}" /> {html.escape(site)}</td></tr>
<tr><td class="menu"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/czyjs/">财政预决算</a><a href="/jxgl/">预算绩效管理</a><a href="/hdjl/">互动交流</a></td></tr>
<tr><td>当前位置：<a href="/">首页</a> &gt; <a href="/jxgl/">预算绩效管理</a> &gt; 绩效目标公开</td></tr>
</table>
<table width="980" align="center" border="0" cellspacing="0" cellpadding="0">
<tr>
<td width="200" valign="top"><table border="0"><tr><td>栏目导航</td></tr><tr><td><a href="/jxgl/mb/">绩效目标</a></td></tr><tr><td><a href="/jxgl/pj/">绩效评价</a></td></tr></table></td>
<td valign="top">
<h1 align="center">{html.escape(title)}</h1>
<div class="info">发布时间：{published}　来源：{html.escape(site)}　浏览次数：<span>1024</span></div>
<div class="article">
{body}
</div>
<div class="share">【打印本页】【关闭窗口】</div>
</td>
</tr>
</table>
<table width="980" align="center" border="0"><tr><td align="center">主办单位：{html.escape(site)}　版权所有　ICP备案号：豫ICP备00000000号</td></tr></table>
</body>
</html>
"""
    path.write_bytes(page.encode(encoding))
