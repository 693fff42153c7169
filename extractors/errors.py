"""Errors that describe a bad input document to the user, in Chinese, and as data
(schemas.errors: a code, a category, the file and the page/sheet/cell where known)."""

from __future__ import annotations

from schemas.errors import ErrorCategory, JixiaoError
from schemas.safe_text import visible_name


class ExtractionError(JixiaoError):
    """A document that cannot be read. `str(err)` says what, which file and why."""

    code = "file.unreadable"
    category: ErrorCategory = "unreadable"

    def __init__(self, file_name: str, reason: str, *, code: str | None = None,
                 category: ErrorCategory | None = None, page: int | None = None, sheet: str | None = None,
                 cell: str | None = None):
        file_name = visible_name(file_name)
        self.file_name = file_name
        super().__init__(f"无法读取文件“{file_name}”：{reason}", code=code, category=category, file=file_name,
                         page=page, sheet=sheet, cell=cell, reason=reason)


def limit_error(file_name: str, key: str, reason: str) -> ExtractionError:
    """A file past one of the limits of extractors/limits.py (`key`, e.g. "pdf_pages")."""
    return ExtractionError(file_name, reason, code=f"limit.{key}", category="limit")
