"""Where a value came from: the exact cell (or text block) of the exact file."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from schemas.safe_text import SafeName


class SourceRef(BaseModel):
    """A pointer into a source file. Rows and columns are 1-based, like a person counts them.

    `page` is set for paginated formats (PDF, and Word/HTML when known), `sheet` for Excel.
    `bbox` is (x0, top, x1, bottom) in PDF points, for PDFs only.
    """

    model_config = ConfigDict(frozen=True)

    file_sha256: str
    file_name: SafeName
    page: int | None = None
    sheet: str | None = None
    table: int | None = None  # 1-based table index within the document
    row: int | None = None
    column: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    label: str = ""
    # Read from a picture of the page (a scan) by OCR, not from a text layer; with tesseract's
    # lowest word confidence (0–1) in the cell, None for a cell where OCR found nothing.
    # Left out of the JSON when not OCR'd, so text-layer files serialise as before.
    ocr: bool = Field(False, exclude_if=lambda v: not v)
    ocr_confidence: float | None = Field(None, exclude_if=lambda v: v is None)

    def with_label(self) -> "SourceRef":
        """Return a copy whose `label` is the human-readable location (computed if empty)."""
        if self.label:
            return self
        return self.model_copy(update={"label": human_label(self)})


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def human_label(ref: SourceRef) -> str:
    """`Sheet1!C5` for spreadsheets, `第3页 表2 第5行第4列` otherwise."""
    if ref.sheet is not None and ref.row is not None and ref.column is not None:
        return f"{ref.sheet}!{column_letter(ref.column)}{ref.row}"
    parts = []
    if ref.page is not None:
        parts.append(f"第{ref.page}页")
    if ref.table is not None:
        parts.append(f"表{ref.table}")
    if ref.row is not None and ref.column is not None:
        parts.append(f"第{ref.row}行第{ref.column}列")
    elif ref.row is not None:
        parts.append(f"第{ref.row}行")
    text = " ".join(parts) or ref.file_name
    return f"{text}（OCR识别）" if ref.ocr else text
