"""Word (.docx) rendering with python-docx: ruled tables, 宋体, merged cells, A4."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from fixturegen.layout import Grid, Para, layout
from fixturegen.model import Report

FIXED_TIME = datetime(2024, 7, 10, 9, 0, 0)
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _fonts(rpr_owner, east_asia: str, latin: str = "Times New Roman") -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin)):
        fonts.set(qn(attr), name)


def a4_document(east_asia: str, size: float, side_cm: float, top_cm: float | None = None):
    """A portrait A4 Word document whose Normal style is `east_asia` at `size` pt, with side margins
    `side_cm` (and top/bottom `top_cm` when given; python-docx's default otherwise)."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(size)
    _fonts(normal.element, east_asia)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(side_cm)
    if top_cm is not None:
        section.top_margin = section.bottom_margin = Cm(top_cm)
    return document


def _run(paragraph, text: str, size: float, bold: bool = False, east_asia: str = "宋体"):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _fonts(run._r, east_asia)
    return run


def _tight(paragraph) -> None:
    pf = paragraph.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0


def _flag(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement(tag))


def _table(document, grid: Grid, width_cm: float, size: float, repeat_header: bool) -> None:
    table = document.add_table(rows=len(grid.rows), cols=grid.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(grid.weights)
    widths = [Cm(width_cm * w / total) for w in grid.weights]
    for i, column in enumerate(table.columns):
        column.width = widths[i]
        for cell in column.cells:
            cell.width = widths[i]
    for r, row in enumerate(grid.rows):
        _flag(table.rows[r], "w:cantSplit")
        if repeat_header and r in grid.header_rows:
            _flag(table.rows[r], "w:tblHeader")
        for c, spec in row.items():
            cell = table.cell(r, c)
            if spec.colspan > 1 or spec.rowspan > 1:
                cell = cell.merge(table.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            para = cell.paragraphs[0]
            _tight(para)
            para.alignment = _ALIGN[spec.align]
            if spec.text:
                _run(para, spec.text, size, bold=spec.bold)


def render_docx(reports: list[Report], path: Path, title: str = "") -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    _fonts(normal.element, "宋体")
    landscape = any(r.style.landscape for r in reports)
    section = document.sections[0]
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.6)
    usable = (29.7 if landscape else 21.0) - 3.6
    first = True
    for rep in reports:
        if not first:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        size = 9 if rep.style.landscape else 10
        for block in layout(rep):
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
            else:
                _table(document, block, usable, size, rep.style.repeat_header)
                _tight(document.add_paragraph())
    props = document.core_properties
    props.author = "Administrator"
    props.last_modified_by = "Administrator"
    props.title = title
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))
