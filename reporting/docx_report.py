"""Render a report draft as .docx, formatted as such reports are: A4, margins 2.54/3.17 cm,
body 仿宋_GB2312 四号, headings 黑体 三号/四号, a cover page, page numbers in the footer (PAGE field),
ruled tables (Table Grid) with a repeated header row."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from reporting.content import Grid, Image, Para, Section, Sub
from reporting.data import TO_FILL, ReportData

BODY_FONT = "仿宋_GB2312"
BODY_FALLBACK = "仿宋"  # w:hint-free fallback for systems without the GB2312 cut
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_5 = Pt(10.5)  # 五号
PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
MARGIN_TB, MARGIN_LR = Cm(2.54), Cm(3.17)


def set_fonts(target, east_asia: str, size: Pt | None = None, bold: bool | None = None) -> None:
    """Set the Latin and the East Asian font (w:eastAsia) of a run or a style."""
    font = target.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    set_fonts(normal, BODY_FONT, SIZE_4)
    pf = normal.paragraph_format
    pf.line_spacing = Pt(28)
    pf.space_after = Pt(0)
    for name, size in (("Heading 1", SIZE_3), ("Heading 2", SIZE_4)):
        st = doc.styles[name]
        set_fonts(st, HEADING_FONT, size, bold=False)
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.italic = False
        st.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)
        st.paragraph_format.space_after = Pt(6 if name == "Heading 1" else 3)
        st.paragraph_format.line_spacing = Pt(28)
        st.paragraph_format.keep_with_next = True
    title = doc.styles["Title"]
    set_fonts(title, HEADING_FONT, SIZE_2, bold=False)
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # python-docx's default template draws a rule under Title: drop it for a plain cover.
    ppr = title.element.get_or_add_pPr()
    for bdr in ppr.findall(qn("w:pBdr")):
        ppr.remove(bdr)
    caption = doc.styles["Caption"]
    set_fonts(caption, HEADING_FONT, SIZE_5, bold=False)
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.font.italic = False
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(3)
    caption.paragraph_format.keep_with_next = True


def _page(section) -> None:
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin = section.bottom_margin = MARGIN_TB
    section.left_margin = section.right_margin = MARGIN_LR


def _page_number_footer(section) -> None:
    """Centered “第 N 页” with a PAGE field; the cover (first page) has none."""
    section.different_first_page_header_footer = True
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(p.add_run("第 "), BODY_FONT, SIZE_5)
    run = p.add_run()
    set_fonts(run, BODY_FONT, SIZE_5)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    set_fonts(p.add_run(" 页"), BODY_FONT, SIZE_5)


def _cover(doc, r: ReportData) -> None:
    for _ in range(5):
        doc.add_paragraph()
    doc.add_paragraph(r.title, style="Title")
    for _ in range(8):
        doc.add_paragraph()
    for label, value in (("委托单位", r.client or TO_FILL), ("评估机构", r.evaluator or TO_FILL), ("报告日期", r.date)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_fonts(p.add_run(f"{label}：{value}"), BODY_FONT, SIZE_3)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(p.add_run("（草稿）"), BODY_FONT, SIZE_4)
    p.add_run().add_break(WD_BREAK.PAGE)


def _cell_text(cell, text: str, bold: bool = False, align=None) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.line_spacing = 1.0
    if align is not None:
        p.alignment = align
    if text:  # an empty cell stays empty, so that merging cells does not add blank lines
        set_fonts(p.add_run(text), BODY_FONT, SIZE_5, bold=bold)


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _twips(emu: int) -> str:
    return str(int(emu / 635))  # 1 twip = 635 EMU


def _fixed_widths(table, widths: list[int]) -> None:
    """A full-width table (`table.autofit = False` makes the layout fixed): Word honours the cells'
    tcW, LibreOffice the grid columns and tblW, so all three are set."""
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is not None:  # python-docx's new tables carry <w:tblW w:type="auto" w:w="0"/>
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), _twips(sum(widths)))
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), _twips(w))


def _grid(doc, g: Grid, usable: int) -> None:
    if g.caption:
        doc.add_paragraph(g.caption, style="Caption")
    table = doc.add_table(rows=1 + len(g.rows), cols=len(g.header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(g.widths)
    widths = [int(usable * w / total) for w in g.widths]
    _fixed_widths(table, widths)
    header = table.rows[0]
    trpr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for i, text in enumerate(g.header):
        _cell_text(header.cells[i], text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _shade(header.cells[i], "D9D9D9")
    for r, row in enumerate(g.rows, start=1):
        for i, text in enumerate(row):
            _cell_text(table.rows[r].cells[i], text, align=WD_ALIGN_PARAGRAPH.RIGHT if i in g.numeric else None)
    for row in table.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = w
    for r, row in enumerate(g.spans(), start=1):
        for i, n in enumerate(row):
            if n > 1:
                top = table.cell(r, i)
                top.merge(table.cell(r + n - 1, i))
                top.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    doc.add_paragraph()


def _body(doc, sections: list[Section], usable: int) -> None:
    for s in sections:
        doc.add_heading(s.title, level=1)
        for b in s.blocks:
            if isinstance(b, Sub):
                doc.add_heading(b.text, level=2)
            elif isinstance(b, Para):
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(28)
                if b.note:  # 五号 notes: a tighter line than the body's 28 pt
                    p.paragraph_format.line_spacing = Pt(18)
                    p.paragraph_format.space_after = Pt(4)
                run = p.add_run(b.text)
                set_fonts(run, "楷体_GB2312" if b.note else BODY_FONT, SIZE_5 if b.note else None, bold=b.bold or None)
            elif isinstance(b, Grid):
                _grid(doc, b, usable)
            elif isinstance(b, Image):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.line_spacing = 1.0  # the body's fixed 28 pt would clip the picture
                p.paragraph_format.keep_with_next = True
                p.add_run().add_picture(str(b.path), width=Cm(14.5))
                doc.add_paragraph(b.caption, style="Caption")


def write_docx(r: ReportData, sections: list[Section], path: Path) -> Path:
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    _page(section)
    _page_number_footer(section)
    doc.core_properties.title = r.title
    doc.core_properties.author = "jixiao"
    _cover(doc, r)
    usable = PAGE_W - 2 * MARGIN_LR
    _body(doc, sections, usable)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


__all__ = ["write_docx"]
