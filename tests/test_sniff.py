"""Format sniffing: the content decides, never the extension; bad inputs get a Chinese reason."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from extractors import ExtractionError, extract
from extractors.sniff import sniff
from schemas.document import Format

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def ole2(*stream_names: str) -> bytes:
    """An OLE2 compound file header followed by directory entries naming `stream_names`."""
    header = OLE2 + b"\x00" * (512 - len(OLE2))
    entries = b""
    for name in stream_names:
        raw = (name + "\x00").encode("utf-16-le")
        entries += raw.ljust(64, b"\x00") + len(raw).to_bytes(2, "little") + b"\x02" * 62
    return header + entries.ljust(4096, b"\x00")


def rezip(src: Path, dst: Path, rename: dict[str, str] | None = None, patch=None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if patch:
                data = patch(name, data)
            zout.writestr((rename or {}).get(name, name), data)
    return dst


def reason(path: Path) -> str:
    with pytest.raises(ExtractionError) as err:
        sniff(path)
    assert err.value.file_name == path.name
    assert str(err.value) == f"无法读取文件“{path.name}”：{err.value.reason}"
    return err.value.reason


# --- recognised formats ------------------------------------------------------------------------


def test_pdf(tmp_path):
    assert sniff(write(tmp_path, "a.bin", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")) is Format.PDF
    # Some generators put junk before the header; readers accept it within the first KiB.
    assert sniff(write(tmp_path, "b.docx", b"\r\n" * 10 + b"%PDF-1.4\n")) is Format.PDF


def test_docx_and_xlsx_whatever_their_names(tmp_path):
    d = docx.Document()
    d.add_paragraph("正文")
    d.save(str(tmp_path / "a.xlsx"))
    assert sniff(tmp_path / "a.xlsx") is Format.DOCX
    wb = openpyxl.Workbook()
    wb.active["A1"] = "单元格"
    wb.save(tmp_path / "b.docx")
    assert sniff(tmp_path / "b.docx") is Format.XLSX


def test_docx_whose_main_part_has_another_name(tmp_path):
    d = docx.Document()
    d.add_paragraph("正文")
    d.save(str(tmp_path / "orig.docx"))

    def patch(name: str, data: bytes) -> bytes:
        if name in ("[Content_Types].xml", "_rels/.rels"):
            return data.replace(b"word/document.xml", b"word/document2.xml")
        return data

    renamed = {"word/document.xml": "word/document2.xml", "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"}
    path = rezip(tmp_path / "orig.docx", tmp_path / "a.docx", renamed, patch)
    assert sniff(path) is Format.DOCX


def test_html_named_xls_is_html(tmp_path):
    page = '<html><head><meta charset="gbk"></head><body><table><tr><td>项目</td></tr></table></body></html>'
    assert sniff(write(tmp_path, "监控表.xls", page.encode("gbk"))) is Format.HTML
    fragment = "<TABLE border=1><TR><TD>项目</TD></TR></TABLE>"
    assert sniff(write(tmp_path, "b.xls", fragment.encode("utf-8"))) is Format.HTML


def test_utf16_html(tmp_path):
    page = "<html><body><p>一</p></body></html>"
    assert sniff(write(tmp_path, "a.htm", page.encode("utf-16"))) is Format.HTML


# --- refused inputs ----------------------------------------------------------------------------


def test_old_binary_word_and_excel(tmp_path):
    # sniffing names what it is and what to convert it to; extract() then converts it
    # (tests/test_legacy_office.py)
    doc = reason(write(tmp_path, "监控表.doc", ole2("Root Entry", "WordDocument", "1Table")))
    assert doc == "这是旧版 Word 二进制格式（.doc/.wps），请另存为 .docx 后重新提交"
    xls = reason(write(tmp_path, "监控表.xls", ole2("Root Entry", "Workbook", "SummaryInformation")))
    assert xls == "这是旧版 Excel 二进制格式（.xls/.et），请另存为 .xlsx 后重新提交"
    other = reason(write(tmp_path, "a.bin", ole2("Root Entry", "Contents")))
    assert "旧版 Office 二进制格式（.doc/.xls）" in other


def test_password_protected_office_file(tmp_path):
    path = write(tmp_path, "加密.xlsx", ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert "设置了打开密码" in reason(path)


def test_empty_file(tmp_path):
    path = write(tmp_path, "空.pdf", b"")
    assert reason(path) == "文件为空（0 字节）"
    with pytest.raises(ExtractionError, match="文件为空") as err:
        extract(path)
    item = err.value.item()
    assert (item.code, item.category, item.file, item.reason) == ("file.empty", "unreadable", "空.pdf", "文件为空（0 字节）")
    assert item.message == "无法读取文件“空.pdf”：文件为空（0 字节）"


def test_random_bytes(tmp_path):
    data = bytes(random.Random(7).randrange(256) for _ in range(5000))
    assert not data.startswith((b"PK", OLE2[:2], b"%PDF"))
    assert reason(write(tmp_path, "a.pdf", data)).startswith("无法识别文件格式")


def test_zip_that_is_neither_word_nor_excel(tmp_path):
    path = tmp_path / "资料.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "说明")
        zf.writestr("data/table.csv", "a,b\n1,2\n")
    assert reason(path).startswith("这是 ZIP 压缩包，不是文档；jixiao 不自动解压压缩包，请解压后把其中的文件放入提交文件夹")


def test_truncated_zip(tmp_path):
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "full.xlsx")
    data = (tmp_path / "full.xlsx").read_bytes()
    path = write(tmp_path, "半截.xlsx", data[: len(data) // 2])
    assert "已损坏" in reason(path)


def test_opendocument_and_xlsb(tmp_path):
    ods = tmp_path / "a.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in reason(ods)
    xlsb = tmp_path / "a.xlsb"
    with zipfile.ZipFile(xlsb, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override PartName="/xl/workbook.bin" ContentType='
                    '"application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')
        zf.writestr("xl/workbook.bin", b"\x00\x01")
    assert ".xlsb" in reason(xlsb)


def test_excel_2003_xml_is_not_taken_for_html(tmp_path):
    xml = """<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">项目</Data></Cell></Row></Table></Worksheet>
</Workbook>"""
    assert "Excel 2003 XML" in reason(write(tmp_path, "a.xls", xml.encode("utf-8")))
