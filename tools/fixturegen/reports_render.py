"""Narrative reports as Word documents (python-docx): a centred title, headings in 黑体, body
paragraphs in 仿宋 with a first-line indent, tables ruled; PDFs are converted by LibreOffice."""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from fixturegen.render_docx import FIXED_TIME, _run, _tight, a4_document
from fixturegen.reports_model import Fig, Heading, Paragraph, ReportDoc, TableBlock


def _cell_text(cell) -> str:
    return cell.text if isinstance(cell, Fig) else str(cell)


def render_report_docx(doc: ReportDoc, path: Path) -> None:
    document = a4_document("仿宋", 14, 2.6, 2.5)
    for line in doc.title:
        para = document.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(para, line, 20, bold=True, east_asia="宋体")
    for block in doc.blocks:
        if isinstance(block, Heading):
            para = document.add_paragraph()
            para.paragraph_format.first_line_indent = Cm(0.99)
            _run(para, block.text, 14, bold=block.level == 1, east_asia="黑体" if block.level == 1 else "楷体")
        elif isinstance(block, Paragraph):
            para = document.add_paragraph()
            para.paragraph_format.first_line_indent = Cm(0.99)
            para.paragraph_format.line_spacing = Pt(28)
            _run(para, "".join(s.text for s in block.sentences), 14, east_asia="仿宋")
        elif isinstance(block, TableBlock):
            if block.caption:
                para = document.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _run(para, block.caption, 10.5)
            n_cols = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=n_cols)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    p = table.cell(r, c).paragraphs[0]
                    _tight(p)
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 or c > 0 else WD_ALIGN_PARAGRAPH.LEFT
                    _run(p, _cell_text(cell), 10.5, bold=r == 0)
            _tight(document.add_paragraph())
        else:
            raise TypeError(block)
    props = document.core_properties
    props.author = "Administrator"
    props.last_modified_by = "Administrator"
    props.title = "".join(doc.title)
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))
