"""Word extractor: documents are generated here with python-docx, so every expected cell is
known exactly from what the test wrote."""

from __future__ import annotations

import copy
import hashlib
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from extractors import ExtractionError, extract
from extractors.docx import extract_docx
from schemas.document import Format
from conftest import need_program

SHA = "d" * 64


def save(d, tmp_path: Path, name: str = "监控表.docx") -> Path:
    path = tmp_path / name
    d.save(str(path))
    return path


def fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def texts(table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def set_row_prop(tr, tag: str, val: int) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), str(val))
    tr.get_or_add_trPr().append(el)


# --- reading order -----------------------------------------------------------------------------


def test_paragraphs_and_tables_interleave_in_document_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("甲单位2024年部门整体支出绩效运行监控表")
    d.add_paragraph("")  # empty paragraphs give no block
    d.add_paragraph("单位：万元")
    fill(d.add_table(rows=2, cols=2), [["项目", "金额"], ["合计", "100.00"]])
    d.add_paragraph("二、绩效指标完成情况")
    fill(d.add_table(rows=1, cols=3), [["一级指标", "二级指标", "三级指标"]])
    d.add_paragraph("填报人：张三")

    doc = extract_docx(save(d, tmp_path), SHA)

    assert [b.text for b in doc.blocks] == [
        "甲单位2024年部门整体支出绩效运行监控表",
        "单位：万元",
        "二、绩效指标完成情况",
        "填报人：张三",
    ]
    assert [t.index for t in doc.tables] == [1, 2]
    t1, t2 = doc.tables
    assert [b.text for b in doc.text_before(t1)] == ["甲单位2024年部门整体支出绩效运行监控表", "单位：万元"]
    assert doc.text_before(t2)[-1].text == "二、绩效指标完成情况"
    orders = [b.order for b in doc.blocks]
    assert orders[1] < t1.order < orders[2] < t2.order < orders[3]
    assert texts(t1) == [["项目", "金额"], ["合计", "100.00"]]
    assert doc.format is Format.DOCX and doc.page_count is None


# --- merged cells ------------------------------------------------------------------------------


def test_horizontal_merge_repeats_origin_text(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    fill(t, [["项目名称", "", "", ""], ["年初预算数", "全年预算数", "1-6月执行数", "执行率"], ["10", "20", "5", "25%"]])
    t.cell(0, 1).text = "办公楼维修项目"
    t.cell(0, 1).merge(t.cell(0, 3))
    xml = t._tbl.xml
    assert 'w:gridSpan w:val="3"' in xml  # the generator really wrote a horizontal merge

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    assert table.n_cols == 4 and table.n_rows == 3
    assert table.row_texts(1) == ["项目名称", "办公楼维修项目", "办公楼维修项目", "办公楼维修项目"]
    assert table.cell(1, 1).merged_from is None
    assert [table.cell(1, c).merged_from for c in (2, 3, 4)] == [(1, 2)] * 3
    assert table.cell(1, 2).is_merge_origin and not table.cell(1, 4).is_merge_origin
    assert table.row_texts(3) == ["10", "20", "5", "25%"]
    assert all(c.merged_from is None for c in table.rows[2])


def test_vertical_merge_level1_indicator_spans_four_rows(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=6, cols=3)
    fill(
        t,
        [
            ["一级指标", "二级指标", "三级指标"],
            ["产出指标", "数量指标", "维修面积"],
            ["", "质量指标", "验收合格率"],
            ["", "时效指标", "按时完工率"],
            ["", "成本指标", "维修成本"],
            ["效益指标", "社会效益指标", "群众满意度"],
        ],
    )
    t.cell(1, 0).merge(t.cell(4, 0))
    assert t._tbl.xml.count("<w:vMerge/>") + t._tbl.xml.count('w:vMerge w:val="continue"') == 3

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    for row in (2, 3, 4, 5):
        cell = table.cell(row, 1)
        assert cell.text == "产出指标"
        assert cell.merged_from == (2, 1)
        assert (cell.ref.row, cell.ref.column) == (row, 1)
    assert [table.cell(r, 2).text for r in range(2, 6)] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert table.cell(6, 1).text == "效益指标" and table.cell(6, 1).merged_from is None
    assert table.cell(2, 3).merged_from is None


def test_block_merge_spanning_rows_and_columns(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    fill(t, [["合并", "", "C1"], ["", "", "C2"], ["A3", "B3", "C3"]])
    t.cell(0, 0).merge(t.cell(1, 1))

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    assert texts(table) == [["合并", "合并", "C1"], ["合并", "合并", "C2"], ["A3", "B3", "C3"]]
    assert [table.cell(r, c).merged_from for r in (1, 2) for c in (1, 2)] == [(1, 1)] * 4
    assert table.cell(1, 3).merged_from is None


def test_rows_with_different_cell_counts_keep_their_columns(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=4)
    fill(t, [["A1", "B1", "C1", "D1"], ["", "B2", "C2", "D2"], ["A3", "B3", "C3", ""], ["A4", "B4", "", ""]])
    rows = t._tbl.tr_lst
    # Row 2 starts one grid column in (gridBefore), row 3 stops one early (gridAfter),
    # row 4 simply has two cells fewer (no gridAfter at all: the grid is padded).
    rows[1].remove(rows[1].tc_lst[0])
    set_row_prop(rows[1], "w:gridBefore", 1)
    rows[2].remove(rows[2].tc_lst[3])
    set_row_prop(rows[2], "w:gridAfter", 1)
    for tc in rows[3].tc_lst[2:]:
        rows[3].remove(tc)
    assert [len(tr.tc_lst) for tr in rows] == [4, 3, 3, 2]

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    assert texts(table) == [
        ["A1", "B1", "C1", "D1"],
        ["", "B2", "C2", "D2"],
        ["A3", "B3", "C3", ""],
        ["A4", "B4", "", ""],
    ]
    assert all(len(row) == 4 for row in table.rows)
    assert (table.cell(2, 2).ref.row, table.cell(2, 2).ref.column) == (2, 2)
    assert all(c.merged_from is None for row in table.rows for c in row)


def test_vertical_merge_below_a_shifted_row_follows_grid_columns(tmp_path):
    """A vMerge continuation is matched by grid column, not by cell position in its row."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    fill(t, [["X", "Y", "Z"], ["", "", "W"]])
    t.cell(0, 1).merge(t.cell(1, 1))  # Y spans rows 1-2 in grid column 2
    tr2 = t._tbl.tr_lst[1]
    tr2.remove(tr2.tc_lst[0])  # row 2: first cell removed, grid position kept by gridBefore
    set_row_prop(tr2, "w:gridBefore", 1)

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    assert texts(table) == [["X", "Y", "Z"], ["", "Y", "W"]]
    assert table.cell(2, 2).merged_from == (1, 2)
    assert table.cell(2, 1).merged_from is None


# --- text cleaning -------------------------------------------------------------------------------


def test_full_width_characters_kept_and_spaces_cleaned(tmp_path):
    d = docx.Document()
    d.add_paragraph("单位：\u00a0万元\u3000\u3000")
    t = d.add_table(rows=2, cols=4)
    fill(t, [["合\u3000\u3000计", "１，１６４．６２", "５９．２９％", "1,164.62\u00a0"], ["", "", "", ""]])
    # A CJK label wrapped over two paragraphs, and one over a manual line break.
    cell = t.cell(1, 0)
    cell.paragraphs[0].add_run("1-6月")
    cell.add_paragraph("执行数")
    run = t.cell(1, 1).paragraphs[0].add_run("年初")
    run.add_break()
    run.add_text("预算数")
    # Latin next to CJK: joined with a space.
    t.cell(1, 2).paragraphs[0].add_run("执行率")
    t.cell(1, 2).add_paragraph("(%)")
    t.cell(1, 3).paragraphs[0].add_run("  ")
    t.cell(1, 3).add_paragraph("偏差\t原因")

    doc = extract_docx(save(d, tmp_path), SHA)

    assert doc.blocks[0].text == "单位： 万元"
    table = doc.tables[0]
    assert table.row_texts(1) == ["合 计", "１，１６４．６２", "５９．２９％", "1,164.62"]
    assert table.row_texts(2) == ["1-6月执行数", "年初预算数", "执行率 (%)", "偏差 原因"]


def test_nested_table_text_is_flattened_into_its_cell(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "资金来源"
    outer = t.cell(0, 1)
    outer.paragraphs[0].add_run("明细：")
    inner = outer.add_table(rows=2, cols=2)
    fill(inner, [["财政拨款", "80"], ["其他资金", "20"]])

    doc = extract_docx(save(d, tmp_path), SHA)

    assert len(doc.tables) == 1  # nested tables get no index of their own
    assert doc.tables[0].row_texts(1) == ["资金来源", "明细： 财政拨款 80 其他资金 20"]


def test_tracked_deletions_are_left_out(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("执行率")
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>60%</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>59%</w:t></w:r></w:ins>'))
    t = d.add_table(rows=2, cols=1)
    fill(t, [["保留"], ["删除的行"]])
    trpr = t._tbl.tr_lst[1].get_or_add_trPr()
    trpr.append(parse_xml(f'<w:del {nsdecls("w")} w:id="3" w:author="a"/>'))

    doc = extract_docx(save(d, tmp_path), SHA)

    assert doc.blocks[0].text == "执行率59%"
    assert texts(doc.tables[0]) == [["保留"]]


MC_WPS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def test_text_box_read_once_after_its_anchor_paragraph(tmp_path):
    d = docx.Document()
    anchor = d.add_paragraph("正文段落")
    box = '<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>'
    anchor._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} {MC_WPS}><mc:AlternateContent>'
            f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    d.add_paragraph("后续段落")

    doc = extract_docx(save(d, tmp_path), SHA)

    assert [b.text for b in doc.blocks] == ["正文段落", "文本框内容", "后续段落"]


# --- tables split over pages -----------------------------------------------------------------------

HEADER = ["序号", "三级指标", "年度指标值"]


def _split_document(between, second_header: bool, second_cols: int = 3):
    d = docx.Document()
    d.add_paragraph("绩效指标表")
    fill(d.add_table(rows=3, cols=3), [HEADER, ["1", "维修面积", "≥500平方米"], ["2", "验收合格率", "100%"]])
    between(d)
    body = [["3", "按时完工率", "≥95%"], ["4", "满意度", "≥90%"]]
    rows = ([HEADER] if second_header else []) + body
    if second_cols != 3:
        rows = [r + [""] * (second_cols - 3) for r in rows]
    fill(d.add_table(rows=len(rows), cols=second_cols), rows)
    d.add_paragraph("备注：无")
    return d


def test_table_split_by_page_break_is_merged_and_repeated_header_dropped(tmp_path):
    def between(d):
        d.add_paragraph("")
        d.add_page_break()

    doc = extract_docx(save(_split_document(between, second_header=True), tmp_path), SHA)

    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.index == 1
    assert texts(table) == [
        HEADER,
        ["1", "维修面积", "≥500平方米"],
        ["2", "验收合格率", "100%"],
        ["3", "按时完工率", "≥95%"],
        ["4", "满意度", "≥90%"],
    ]
    cell = table.cell(4, 3)
    assert (cell.ref.table, cell.ref.row, cell.ref.column) == (1, 4, 3)
    assert cell.ref.label == "表1 第4行第3列"
    assert [b.text for b in doc.blocks] == ["绩效指标表", "备注：无"]
    assert doc.blocks[0].order < table.order < doc.blocks[1].order


def test_repeated_header_alone_merges_even_without_page_break(tmp_path):
    doc = extract_docx(
        save(_split_document(lambda d: d.add_paragraph("续表"), second_header=True), tmp_path), SHA
    )

    assert len(doc.tables) == 1
    assert [r[0].text for r in doc.tables[0].rows] == ["序号", "1", "2", "3", "4"]
    assert "续表" in [b.text for b in doc.blocks]


def test_page_break_without_repeated_header_continues_rows(tmp_path):
    doc = extract_docx(save(_split_document(lambda d: d.add_page_break(), second_header=False), tmp_path), SHA)

    assert len(doc.tables) == 1
    assert [r[1].text for r in doc.tables[0].rows] == ["三级指标", "维修面积", "验收合格率", "按时完工率", "满意度"]
    assert doc.tables[0].cell(5, 2).ref.row == 5


def test_tables_separated_by_real_text_stay_separate(tmp_path):
    def between(d):
        d.add_page_break()
        d.add_paragraph("二、项目支出绩效指标")

    doc = extract_docx(save(_split_document(between, second_header=True), tmp_path), SHA)

    assert [t.index for t in doc.tables] == [1, 2]
    assert texts(doc.tables[1])[0] == HEADER  # its header is its own, kept
    assert doc.tables[1].cell(3, 2).ref.label == "表2 第3行第2列"
    assert doc.text_before(doc.tables[1])[-1].text == "二、项目支出绩效指标"


def test_no_page_break_and_no_repeated_header_stay_separate(tmp_path):
    doc = extract_docx(save(_split_document(lambda d: d.add_paragraph(""), second_header=False), tmp_path), SHA)

    assert len(doc.tables) == 2


def test_different_column_counts_stay_separate_despite_page_break(tmp_path):
    doc = extract_docx(
        save(_split_document(lambda d: d.add_page_break(), second_header=True, second_cols=4), tmp_path), SHA
    )

    assert [t.n_cols for t in doc.tables] == [3, 4]


def test_different_column_widths_stay_separate_despite_page_break(tmp_path):
    d = _split_document(lambda d: d.add_page_break(), second_header=False)
    second = d.tables[1]
    for column, cm in zip(second.columns, (2, 10, 4)):
        column.width = Cm(cm)  # the first table keeps python-docx's equal widths

    doc = extract_docx(save(d, tmp_path), SHA)

    assert [t.n_rows for t in doc.tables] == [3, 2]


def test_vertical_merge_continues_across_split_parts(tmp_path):
    d = docx.Document()
    t1 = d.add_table(rows=2, cols=2)
    fill(t1, [["一级指标", "三级指标"], ["产出指标", "维修面积"]])
    d.add_page_break()
    t2 = d.add_table(rows=2, cols=2)
    fill(t2, [["一级指标", "三级指标"], ["", "合格率"]])
    # The first part's cell restarts a vertical merge that the second part continues.
    t1.cell(1, 0)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
    t2.cell(1, 0)._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))

    table = extract_docx(save(d, tmp_path), SHA).tables[0]

    assert texts(table) == [["一级指标", "三级指标"], ["产出指标", "维修面积"], ["产出指标", "合格率"]]
    assert table.cell(3, 1).merged_from == (2, 1)


# --- refs, dispatch, errors ------------------------------------------------------------------------


def test_refs_and_labels(tmp_path):
    d = docx.Document()
    d.add_paragraph("表一")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    d.add_paragraph("表二")
    t = d.add_table(rows=6, cols=5)
    t.cell(4, 3).text = "1,164.62"
    path = save(d, tmp_path, "项目监控.docx")

    doc = extract_docx(path, SHA)

    ref = doc.tables[1].cell(5, 4).ref
    assert doc.tables[1].cell(5, 4).text == "1,164.62"
    assert (ref.file_sha256, ref.file_name) == (SHA, "项目监控.docx")
    assert (ref.table, ref.row, ref.column, ref.page, ref.sheet, ref.bbox) == (2, 5, 4, None, None, None)
    assert ref.label == "表2 第5行第4列"
    assert [b.ref.label for b in doc.blocks] == ["第1段", "第2段"]
    assert doc.path == str(path) and doc.file_name == "项目监控.docx" and doc.file_sha256 == SHA


def test_extract_dispatches_docx_by_content(tmp_path):
    d = docx.Document()
    d.add_paragraph("部门整体支出绩效运行监控表")
    fill(d.add_table(rows=1, cols=2), [["合计", "59.29"]])
    path = save(d, tmp_path, "no_extension_hint.bin")

    doc = extract(path)

    assert doc.format is Format.DOCX
    assert doc.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.tables[0].cell(1, 2).ref.file_sha256 == doc.file_sha256
    assert doc.blocks[0].text == "部门整体支出绩效运行监控表"


def _rewrite_document_xml(src: Path, dst: Path, xml: bytes) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = xml if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(copy.copy(item), data)
    return dst


def test_docx_without_body_gives_chinese_message(tmp_path):
    src = save(docx.Document(), tmp_path, "src.docx")
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {nsdecls("w")}/>'.encode()
    path = _rewrite_document_xml(src, tmp_path / "无正文.docx", xml)

    with pytest.raises(ExtractionError) as err:
        extract(path)

    assert err.value.file_name == "无正文.docx"
    assert (err.value.code, err.value.category) == ("docx.no_body", "unreadable")
    assert "没有正文" in err.value.reason
    assert str(err.value).startswith("无法读取文件“无正文.docx”")


def test_corrupt_body_xml_gives_chinese_message(tmp_path):
    src = save(docx.Document(), tmp_path, "src.docx")
    path = _rewrite_document_xml(src, tmp_path / "损坏.docx", b"<w:document><w:body><w:p>")

    with pytest.raises(ExtractionError) as err:
        extract(path)

    assert (err.value.code, err.value.category) == ("docx.damaged", "unreadable")
    assert "XML 已损坏" in err.value.reason


def test_alt_chunk_document_is_refused_with_reason(tmp_path):
    d = docx.Document()
    d.element.body.insert(0, parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="rIdX"/>'))
    path = save(d, tmp_path, "导出.docx")

    with pytest.raises(ExtractionError) as err:
        extract_docx(path, SHA)

    assert (err.value.code, err.value.category) == ("docx.altchunk", "unsupported_format")
    assert "altChunk" in err.value.reason and "另存为" in err.value.reason


def test_macro_enabled_document_is_read_like_docx(tmp_path):
    d = docx.Document()
    fill(d.add_table(rows=1, cols=2), [["合计", "100"]])
    src = save(d, tmp_path, "src.docx")
    path = tmp_path / "宏.docm"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"vnd.ms-word.document.macroEnabled.main+xml",
                )
                assert b"application/vnd.ms-word.document.macroEnabled.main+xml" in data
            zout.writestr(copy.copy(item), data)

    assert texts(extract(path).tables[0]) == [["合计", "100"]]


LO_HTML = """<html><head><meta charset="utf-8"></head><body>
<p>甲单位2024年项目支出绩效运行监控表</p>
<table border="1">
<tr><td rowspan="2">一级指标</td><td colspan="2">指标</td><td>值</td></tr>
<tr><td>二级</td><td>三级</td><td>年度指标值</td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>维修面积</td><td>≥500平方米</td></tr>
<tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>
<tr><td colspan="2">时效指标</td><td>≥95%</td></tr>
</table>
<p>备注：无</p>
</body></html>"""


def test_libreoffice_written_docx(tmp_path):
    """Another producer's XML (explicit `vMerge w:val="continue"`), not python-docx's."""
    soffice = need_program("soffice")
    src = tmp_path / "lo.html"
    src.write_text(LO_HTML, encoding="utf-8")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", str(src), "--outdir", str(tmp_path)],
        check=True, capture_output=True, timeout=120,
    )

    doc = extract(tmp_path / "lo.docx")

    assert [b.text for b in doc.blocks] == ["甲单位2024年项目支出绩效运行监控表", "备注：无"]
    table = doc.tables[0]
    assert texts(table) == [
        ["一级指标", "指标", "指标", "值"],
        ["一级指标", "二级", "三级", "年度指标值"],
        ["产出指标", "数量指标", "维修面积", "≥500平方米"],
        ["产出指标", "质量指标", "合格率", "100%"],
        ["产出指标", "时效指标", "时效指标", "≥95%"],
    ]
    assert [table.cell(r, 1).merged_from for r in range(1, 6)] == [(1, 1), (1, 1), (3, 1), (3, 1), (3, 1)]
    assert table.cell(5, 3).merged_from == (5, 2) and table.cell(4, 2).merged_from is None
