"""Errors as data. Every error the program reports is a `JixiaoError` (or a subclass) with a
stable `code`, a `category`, the file and the page, sheet or cell where known, and the Chinese
sentence users see; a document that could not be read (wholly or in part) keeps them as
`ErrorItem`s in its `DocumentResult.errors`, so runs can count failures by cause and tests can
assert on codes rather than on wording.

Categories of a document's errors: `unreadable` (damaged, empty, not a file, a link out of the
submission), `encrypted`, `unsupported_format` (a format the program does not read, or a legacy
one it could not convert), `limit` (a size, page, cell, time or memory limit of
extractors/limits.py), `unrecognised` (read, but of no known kind: not a failure of reading),
`parse` (of a known kind, but its content could not be read), `ocr` (scanned pages read by OCR:
a note, not a failure; the document stays ok), `manifest` (what the submission's
manifest says of it is unusable), `internal` (a bug). Errors outside a document: `config` (a
rules, wording, limits or rubric file), `input` (a folder, a form or a run given on the command
line), `store` (the run store)."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel

from schemas.safe_text import SafeName, SafeText

ErrorCategory = Literal[
    "unreadable", "encrypted", "unsupported_format", "limit", "unrecognised", "parse", "manifest", "internal",
    "config", "input", "store", "ocr",
]
CATEGORY_LABELS: dict[str, str] = {
    "unreadable": "无法读取",
    "encrypted": "已加密",
    "unsupported_format": "格式不支持",
    "limit": "超出限制",
    "unrecognised": "未识别",
    "parse": "内容无法解析",
    "manifest": "清单有误",
    "internal": "内部错误",
    "config": "配置有误",
    "input": "输入有误",
    "store": "结果库",
    "ocr": "OCR 识别",
}


class ErrorItem(BaseModel):
    """One error of a document (or of a part of it)."""

    code: str  # stable, e.g. "pdf.encrypted", "limit.pdf_pages", "parse.no_header"
    category: ErrorCategory
    file: SafeName | None = None
    page: int | None = None  # 1-based
    sheet: SafeText | None = None
    cell: SafeText | None = None  # a cell's label: `Sheet1!C5`, `第3页 表2 第5行第4列`, `第12行`
    reason: SafeText  # Chinese: why, without the file name
    message: SafeText  # Chinese: the whole sentence users see (names the file and the reason)


class JixiaoError(Exception):
    """The base of the program's errors. `str(err)` is the Chinese message users see; the class
    gives the default code and category, a raise site may name a more precise code."""

    code: ClassVar[str] = "error"
    category: ClassVar[ErrorCategory] = "internal"

    def __init__(self, message: str, *, code: str | None = None, category: ErrorCategory | None = None,
                 file: str | None = None, page: int | None = None, sheet: str | None = None,
                 cell: str | None = None, reason: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code  # type: ignore[misc]
        if category is not None:
            self.category = category  # type: ignore[misc]
        self.file = file
        self.page = page
        self.sheet = sheet
        self.cell = cell
        self.reason = reason if reason is not None else message

    def item(self, **update: Any) -> ErrorItem:
        """This error as data; `update` adds what the raiser did not know (the page of a part)."""
        fields: dict[str, Any] = dict(code=self.code, category=self.category, file=self.file, page=self.page,
                                      sheet=self.sheet, cell=self.cell, reason=self.reason, message=str(self))
        fields.update({k: v for k, v in update.items() if v is not None})
        return ErrorItem(**fields)


def error_item(code: str, category: ErrorCategory, message: str, *, file: str | None = None,
               reason: str | None = None, **where: Any) -> ErrorItem:
    """An error found without an exception (a document of no known kind, a limit the reading
    process hit)."""
    return ErrorItem(code=code, category=category, file=file, reason=reason if reason is not None else message,
                     message=message, **where)
