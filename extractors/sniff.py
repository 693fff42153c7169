"""Tell a file's format from its content, not its extension."""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path

from extractors.errors import ExtractionError, limit_error
from extractors.legacy import LegacyFormatError
from extractors.limits import exceeded, limits
from schemas.document import Format

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKERS = (b"<html", b"<table", b"<!doctype html", b"<body", b"<head")

# Main-part content types in [Content_Types].xml (documents, templates, macro-enabled).
_WORD_MAIN = re.compile(
    rb"wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled\.main\+xml", re.I
)
_EXCEL_MAIN = re.compile(
    rb"spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml", re.I
)
_EXCEL_BINARY = re.compile(rb"ms-excel\.sheet\.binary\.macroEnabled\.main", re.I)


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-le")


def _ole2_error(path: Path) -> ExtractionError:
    # Password-protected .docx/.xlsx files are OLE2 containers too (an EncryptionInfo stream
    # beside the encrypted package); telling the user to "save as .docx" would not help them.
    with open(path, "rb") as fh:
        data = fh.read(8 << 20)
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        return ExtractionError(path.name, "文件设置了打开密码（已加密），无法读取，请取消密码保护后重新提交",
                               code="office.encrypted", category="encrypted")
    if _utf16("WordDocument") in data:
        label, target = "旧版 Word 二进制格式（.doc/.wps）", "docx"
    elif _utf16("Workbook") in data or _utf16("Book") in data:
        label, target = "旧版 Excel 二进制格式（.xls/.et）", "xlsx"
    else:
        return ExtractionError(path.name, "这是旧版 Office 二进制格式（.doc/.xls），无法识别其类型，请另存为 .docx 或 .xlsx 后重新提交",
                               code="format.legacy_unknown", category="unsupported_format")
    return LegacyFormatError(path.name, f"这是{label}，请另存为 .{target} 后重新提交", target, label)


def _within_limits(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """A zip bomb (a member inflating to gigabytes) is refused before anything is inflated: the
    sizes a zip declares are what zipfile will allow itself to produce."""
    cap = limits()
    if len(members) > cap.zip_members:
        raise limit_error(path.name, "zip_members", exceeded("zip_members", f"文件包含 {len(members)} 个部件", cap.zip_members))
    biggest = max(members, key=lambda m: m.file_size, default=None)
    if biggest is not None and biggest.file_size / 2**20 > cap.zip_member_mb:
        found = f"部件“{biggest.filename}”解压后为 {biggest.file_size / 2**20:.1f} MB"
        raise limit_error(path.name, "zip_member_mb", exceeded("zip_member_mb", found, cap.zip_member_mb))
    total = sum(m.file_size for m in members) / 2**20
    if total > cap.zip_total_mb:
        raise limit_error(path.name, "zip_total_mb", exceeded("zip_total_mb", f"解压后共 {total:.1f} MB", cap.zip_total_mb))


def _zip_format(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as zf:
            _within_limits(path, zf.infolist())
            names = set(zf.namelist())
            types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError) as exc:
        # RuntimeError: an encrypted zip entry.
        raise ExtractionError(path.name, "文件看似 Office 文档（ZIP 格式）但已损坏，无法打开",
                              code="office.damaged") from exc
    # The content types name the main part whatever it is called; part names are a fallback
    # for packages with a sloppy [Content_Types].xml.
    if _WORD_MAIN.search(types) or "word/document.xml" in names:
        return Format.DOCX
    if _EXCEL_MAIN.search(types) or "xl/workbook.xml" in names:
        return Format.XLSX
    if _EXCEL_BINARY.search(types) or "xl/workbook.bin" in names:
        raise ExtractionError(path.name, "这是 Excel 二进制工作簿（.xlsb），暂不支持，请另存为 .xlsx 后重新提交",
                              code="format.xlsb", category="unsupported_format")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise ExtractionError(
            path.name, "这是 OpenDocument 格式（.odt/.ods，WPS/LibreOffice），暂不支持，请另存为 .docx 或 .xlsx 后重新提交",
            code="format.opendocument", category="unsupported_format",
        )
    raise ExtractionError(path.name, ARCHIVE_REASON.format(kind="ZIP"), code="format.archive",
                          category="unsupported_format")


def _text_head(head: bytes) -> bytes:
    """The head as lower-case ASCII-ish bytes, decoding UTF-16/32 text (with a BOM) first."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            usable = len(head) - (len(head) - len(bom)) % (4 if "32" in enc else 2)
            return head[len(bom):usable].decode(enc, errors="replace").encode("utf-8", "replace").lower()
    return head.lower()


# Archives are not unpacked (a zip bomb or a `../` member must never reach the disk unchecked):
# the user unpacks them and submits the files.
ARCHIVE_REASON = ("这是 {kind} 压缩包，不是文档；jixiao 不自动解压压缩包，请解压后把其中的文件放入提交文件夹"
                  "（中文文件名乱码时请用支持 GBK 的解压工具）")
_ARCHIVES = ((b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b", "gzip"),
             (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))


def sniff(path: Path) -> Format:
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        raise ExtractionError(path.name, "文件为空（0 字节）", code="file.empty")
    # A zip first: one that stores a PDF uncompressed shows `%PDF-` in its first kilobyte too.
    if head[:4] == b"PK\x03\x04":
        return _zip_format(path)
    if b"%PDF-" in head[:1024]:
        return Format.PDF
    if head[:8] == _OLE2:
        raise _ole2_error(path)
    for magic, kind in _ARCHIVES:
        if head.startswith(magic):
            raise ExtractionError(path.name, ARCHIVE_REASON.format(kind=kind), code="format.archive",
                                  category="unsupported_format")
    low = _text_head(head)
    # Excel 2003 XML ("XML 表格") has <Table> elements and would otherwise pass for HTML.
    if b"urn:schemas-microsoft-com:office:spreadsheet" in low and b"<workbook" in low:
        raise ExtractionError(
            path.name, "这是 Excel 2003 XML 表格格式，暂不支持，请在 Excel 中另存为 .xlsx 后重新提交",
            code="format.excel2003_xml", category="unsupported_format",
        )
    if any(marker in low for marker in _HTML_MARKERS):
        return Format.HTML
    raise ExtractionError(path.name, "无法识别文件格式（支持 PDF、Word .docx、Excel .xlsx、HTML）",
                          code="format.unknown", category="unsupported_format")
