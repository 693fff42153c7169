"""The neutral document model every format extractor produces and every parser reads.

A document is text blocks plus tables, in reading order. A table is a rectangular grid of
cells; merged cells are resolved, so every cell a merged range covers carries the range's
text and points (`merged_from`) at the range's top-left cell.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from schemas.provenance import SourceRef
from schemas.safe_text import PrintedText, SafeName


class Format(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    XLSX = "xlsx"


class Cell(BaseModel):
    # the text as a reader sees it (Excel: formatted with the cell's number format); control
    # characters a file may carry are dropped, as a reader sees nothing there
    text: PrintedText
    ref: SourceRef
    merged_from: tuple[int, int] | None = None  # (row, column) of the merge origin, if covered
    # Excel only: the stored value (cached for formulas) and its number format.
    value: str | None = None
    number_format: str | None = None

    @property
    def is_merge_origin(self) -> bool:
        return self.merged_from is None or self.merged_from == (self.ref.row, self.ref.column)


class Table(BaseModel):
    index: int  # 1-based, in document order; a table running over pages keeps one index
    rows: list[list[Cell]]
    pages: list[int] = Field(default_factory=list)
    sheet: str | None = None
    order: int = 0  # position in reading order, shared with text blocks

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, column: int) -> Cell:
        """1-based access."""
        return self.rows[row - 1][column - 1]

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.rows[row - 1]]


class TextBlock(BaseModel):
    text: PrintedText
    ref: SourceRef
    order: int = 0


class Document(BaseModel):
    path: SafeName
    file_name: SafeName
    file_sha256: str
    format: Format
    blocks: list[TextBlock] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    page_count: int | None = None
    # A legacy file (.doc, .xls) read through a conversion: what it was and how it was read.
    converted_from: str | None = None
    # Excel only: formula cells the file holds no calculated value for (a workbook written by a
    # program that does not calculate), as `Sheet1!B4（=B5+B8）`; read as blank.
    uncalculated_formulas: list[str] = Field(default_factory=list)
    # PDF only: pages that are pictures (scans) read by OCR, and those that could not be (no
    # tesseract, or past the ocr_pages limit) — 1-based.
    ocr_pages: list[int] = Field(default_factory=list)
    unread_scanned_pages: list[int] = Field(default_factory=list)
    ocr_note: str | None = None  # why unread_scanned_pages were not read (Chinese)

    def text_before(self, table: Table, limit: int = 8) -> list[TextBlock]:
        """The text blocks that precede `table` in reading order, nearest last."""
        before = [b for b in self.blocks if b.order < table.order]
        return before[-limit:]

    def all_text(self) -> str:
        """Every text block and table cell, for detectors that look for key phrases."""
        parts = [b.text for b in self.blocks]
        for t in self.tables:
            for r in t.rows:
                parts.extend(c.text for c in r if c.is_merge_origin)
        return "\n".join(parts)
