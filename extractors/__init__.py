"""Format extractors: each turns one file into the neutral `schemas.document.Document`.

`extract(path)` sniffs the format from the content and dispatches to the format's module.
Document-kind parsers (what the tables mean) live in `extractors.kinds`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extractors.errors import ExtractionError, limit_error
from extractors.legacy import LegacyFormatError, convert, soffice, temporary_folder
from extractors.limits import exceeded, limits
from extractors.sniff import sniff
from schemas.document import Document, Format
from schemas.provenance import SourceRef


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract(path: str | Path, sha256: str | None = None) -> Document:
    """Read any supported file into the neutral model. Never modifies the file. `sha256`: the
    file's hash when the caller has it already (it is not read twice)."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(path.name, "文件不存在或不是普通文件", code="file.missing")
    cap = limits()
    size_mb = path.stat().st_size / 2**20
    if size_mb > cap.file_mb:
        raise limit_error(path.name, "file_mb", exceeded("file_mb", f"文件大小 {size_mb:.1f} MB", cap.file_mb))
    try:
        fmt = sniff(path)
    except LegacyFormatError as legacy:
        if legacy.target is None:
            raise
        return _read_converted(path, legacy)
    if fmt is Format.HTML and size_mb > cap.html_mb:
        raise limit_error(path.name, "html_mb", exceeded("html_mb", f"网页大小 {size_mb:.1f} MB", cap.html_mb))
    sha = sha256 or file_sha256(path)
    # Imported lazily so that one format's missing system dependency cannot break the others.
    if fmt is Format.PDF:
        from extractors.pdf import extract_pdf as reader
    elif fmt is Format.DOCX:
        from extractors.docx import extract_docx as reader
    elif fmt is Format.XLSX:
        from extractors.xlsx import extract_xlsx as reader
    else:
        from extractors.html import extract_html as reader
    try:
        doc = reader(path, sha)
    except ExtractionError:
        raise
    except Exception as exc:  # a library's own error: keep it, but say which file and why
        raise ExtractionError(path.name, f"{fmt.value.upper()} 解析失败（{type(exc).__name__}: {exc}）",
                              code=f"{fmt.value}.damaged") from exc
    if doc.uncalculated_formulas and soffice() is not None:
        return _recalculated(path, doc)
    return doc


def _recalculated(path: Path, doc: Document) -> Document:
    """A workbook whose formulas hold no calculated values, read from a copy LibreOffice has
    calculated (under the original's name and hash). When the conversion fails, the workbook as
    it is: its document lists the cells read blank."""
    count = len(doc.uncalculated_formulas)
    with temporary_folder() as tmp:
        try:
            converted = convert(path, "xlsx", Path(tmp), "含未计算公式的 Excel 文件")
            from extractors.xlsx import extract_xlsx

            again = extract_xlsx(converted, file_sha256(path))
        except Exception:  # noqa: BLE001 - the original is still readable: read it as it is
            return doc
    again = _as_original(again, path, file_sha256(path))
    return again.model_copy(update={"converted_from": f"其中 {count} 个公式单元格没有保存计算结果，"
                                                      "经 LibreOffice 重新计算后读取"})


def _read_converted(path: Path, legacy: LegacyFormatError) -> Document:
    """A legacy .doc/.xls read through its LibreOffice conversion, under the original's name and
    hash: every source reference names the file the user submitted."""
    with temporary_folder() as tmp:
        converted = convert(path, legacy.target, Path(tmp), legacy.label)
        doc = extract(converted)
    doc = _as_original(doc, path, file_sha256(path))
    return doc.model_copy(update={"converted_from": f"{legacy.label}，经 LibreOffice 转换为 .{legacy.target} 后读取"})


def _as_original(model: Any, path: Path, sha: str) -> Any:
    """`model` with every SourceRef (and the document's own path) naming the original file."""
    if isinstance(model, SourceRef):
        return model.model_copy(update={"file_name": path.name, "file_sha256": sha})
    if isinstance(model, Document):
        update = {"path": str(path), "file_name": path.name, "file_sha256": sha}
    else:
        update = {}
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, (BaseModel, list)):
                update[name] = _as_original(value, path, sha)
        return model.model_copy(update=update)
    if isinstance(model, list):
        return [_as_original(v, path, sha) for v in model]
    return model


__all__ = ["ExtractionError", "extract", "file_sha256", "sniff"]
