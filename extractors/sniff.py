"""Tell a file's format from its content, not its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path

from extractors.errors import ExtractionError
from schemas.document import Format

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> Format:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        raise ExtractionError(path.name, "文件为空（0 字节）")
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return Format.PDF
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise ExtractionError(path.name, "文件看似 Office 文档（ZIP 格式）但已损坏，无法打开") from exc
        if "word/document.xml" in names:
            return Format.DOCX
        if "xl/workbook.xml" in names:
            return Format.XLSX
        raise ExtractionError(path.name, "ZIP 压缩包中既不是 Word（.docx）也不是 Excel（.xlsx）文档")
    if head[:8] == _OLE2:
        raise ExtractionError(
            path.name, "这是旧版 Office 二进制格式（.doc/.xls），暂不支持，请另存为 .docx 或 .xlsx 后重新提交"
        )
    low = head.lower()
    if b"<html" in low or b"<table" in low or b"<!doctype html" in low or b"<body" in low:
        return Format.HTML
    raise ExtractionError(path.name, "无法识别文件格式（支持 PDF、Word .docx、Excel .xlsx、HTML）")
