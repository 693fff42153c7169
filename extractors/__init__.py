"""Format extractors: each turns one file into the neutral `schemas.document.Document`.

`extract(path)` sniffs the format from the content and dispatches to the format's module.
Document-kind parsers (what the tables mean) live in `extractors.kinds`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.errors import ExtractionError
from extractors.limits import exceeded, limits
from extractors.sniff import sniff
from schemas.document import Document, Format


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def extract(path: str | Path) -> Document:
    """Read any supported file into the neutral model. Never modifies the file."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(path.name, "文件不存在或不是普通文件")
    cap = limits()
    size_mb = path.stat().st_size / 2**20
    if size_mb > cap.file_mb:
        raise ExtractionError(path.name, exceeded("file_mb", f"文件大小 {size_mb:.1f} MB", cap.file_mb))
    fmt = sniff(path)
    if fmt is Format.HTML and size_mb > cap.html_mb:
        raise ExtractionError(path.name, exceeded("html_mb", f"网页大小 {size_mb:.1f} MB", cap.html_mb))
    sha = file_sha256(path)
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
        return reader(path, sha)
    except ExtractionError:
        raise
    except Exception as exc:  # a library's own error: keep it, but say which file and why
        raise ExtractionError(path.name, f"{fmt.value.upper()} 解析失败（{type(exc).__name__}: {exc}）") from exc


__all__ = ["ExtractionError", "extract", "file_sha256", "sniff"]
