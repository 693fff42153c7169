"""HTML extractor: pages are written here as bytes in a chosen encoding, so every expected text
is known exactly from what the test wrote."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from extractors import extract
from extractors.html import decode_html, extract_html
from schemas.document import Format

SHA = "h" * 64

TITLE = "2024年1-6月项目支出绩效运行监控表"
UNIT_LINE = "填报单位：某某市财政局（朱镕基路1号）"  # 镕 is in GBK but not in GB2312


def portal_page(meta: str = "") -> str:
    """A portal page: navigation and footer around a layout table holding the data table."""
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>门户网站 - 政务公开</title>
<style>td {{ font-size: 12px }}</style>
<script>document.write("<table><tr><td>脚本</td></tr></table>");</script>
</head><body>
<table class="layout" width="100%">
  <tr><td><table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/gk">政务公开</a></td></tr></table></td></tr>
  <tr><td>
    <div class="article">
      <h1>{TITLE}</h1>
      <p>{UNIT_LINE}&nbsp;&nbsp;</p>
      <div>单位：万元</div>
      <table border="1">
        <tr><td rowspan="2"><p><span>项目</span><span>名称</span></p></td>
            <td colspan="2"><font>预算执行情况</font></td><td rowspan="2">执行率<br>(%)</td></tr>
        <tr><td><p>全年</p><p>预算数</p></td><td>1-6月<br/>执行数</td></tr>
        <tr><td>办公&nbsp;经费</td><td>1,164.62</td><td><span>\u3000690.47\u3000</span></td><td>59.29</td></tr>
        <tr><td>培训费</td><td>&nbsp;</td><td>0</td><td>-</td></tr>
      </table>
      <p style="display:none">隐藏的段落</p>
    </div>
  </td></tr>
  <tr><td><div class="footer">版权所有：某某市财政局</div></td></tr>
</table>
</body></html>"""


EXPECTED_ROWS = [
    ["项目名称", "预算执行情况", "预算执行情况", "执行率 (%)"],
    ["项目名称", "全年预算数", "1-6月执行数", "执行率 (%)"],
    ["办公 经费", "1,164.62", "690.47", "59.29"],
    ["培训费", "", "0", "-"],
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def texts(table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


# --- encodings ---------------------------------------------------------------------------------

ENCODINGS = {
    "gbk_declared_gb2312": lambda: portal_page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk"),
    "gb18030_meta_charset": lambda: portal_page('<meta charset="GB18030">').encode("gb18030"),
    "utf8_declared": lambda: portal_page('<meta charset="utf-8">').encode("utf-8"),
    "utf8_bom_undeclared": lambda: b"\xef\xbb\xbf" + portal_page().encode("utf-8"),
    "gbk_undeclared": lambda: portal_page().encode("gbk"),
    "utf8_declared_gbk_by_mistake": lambda: portal_page("<meta http-equiv=Content-Type content='text/html; charset=gbk'>").encode("utf-8"),
    "gbk_declared_utf8_by_mistake": lambda: portal_page('<meta charset="utf-8">').encode("gbk"),
    "utf16_bom": lambda: portal_page().encode("utf-16"),
}


@pytest.mark.parametrize("variant", list(ENCODINGS))
def test_portal_page_in_every_encoding_reads_the_same(tmp_path, variant):
    path = write(tmp_path, "监控表.html", ENCODINGS[variant]())
    doc = extract_html(path, SHA)

    assert [b.text for b in doc.blocks] == [TITLE, UNIT_LINE, "单位：万元", "版权所有：某某市财政局"]
    # The navigation bar is a (two-cell) table of its own; the data table comes second.
    assert [texts(t) for t in doc.tables] == [[["首页", "政务公开"]], EXPECTED_ROWS]


def test_decode_reports_the_encoding_used():
    gbk = portal_page('<meta charset="gbk">').encode("gbk")
    text, enc = decode_html(gbk)
    assert enc == "gb18030" and UNIT_LINE in text
    text, enc = decode_html(portal_page('<meta charset="gb2312">').encode("utf-8"))
    assert enc == "utf-8" and UNIT_LINE in text
    assert decode_html(b"\xff\xfe" + "<p>一</p>".encode("utf-16-le")) == ("<p>一</p>", "utf-16-le")


def test_file_is_not_modified(tmp_path):
    data = portal_page('<meta charset="gbk">').encode("gbk")
    path = write(tmp_path, "监控表.html", data)
    before = os.stat(path).st_mtime_ns
    extract_html(path, SHA)
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before


# --- tables ------------------------------------------------------------------------------------


def data_table(tmp_path) -> tuple:
    path = write(tmp_path, "监控表.htm", portal_page('<meta charset="utf-8">').encode("utf-8"))
    doc = extract_html(path, SHA)
    return doc, doc.tables[1]


def test_rowspan_and_colspan_make_a_rectangular_grid_with_merge_origins(tmp_path):
    _, t = data_table(tmp_path)
    assert t.n_rows == 4 and all(len(r) == 4 for r in t.rows)
    assert t.cell(1, 1).merged_from == (1, 1) and t.cell(2, 1).merged_from == (1, 1)
    assert t.cell(2, 1).text == "项目名称" and not t.cell(2, 1).is_merge_origin
    assert t.cell(1, 2).merged_from == (1, 2) and t.cell(1, 3).merged_from == (1, 2)
    assert t.cell(1, 4).merged_from == (1, 4) and t.cell(2, 4).merged_from == (1, 4)
    assert t.cell(2, 2).merged_from is None and t.cell(3, 3).merged_from is None


def test_refs_carry_table_row_column_and_a_label(tmp_path):
    doc, t = data_table(tmp_path)
    ref = t.cell(3, 2).ref
    assert (ref.table, ref.row, ref.column, ref.page, ref.sheet) == (2, 3, 2, None, None)
    assert ref.label == "表2 第3行第2列"
    assert ref.file_name == "监控表.htm" and ref.file_sha256 == SHA
    assert t.index == 2 and t.sheet is None and t.pages == []
    assert doc.format is Format.HTML and doc.page_count is None


def test_blocks_and_tables_share_one_order(tmp_path):
    doc, t = data_table(tmp_path)
    nav = doc.tables[0]
    title, unit, money, footer = doc.blocks
    assert nav.order < title.order < unit.order < money.order < t.order < footer.order
    assert [b.text for b in doc.text_before(t)] == [TITLE, UNIT_LINE, "单位：万元"]
    assert title.ref.label == "第1段" and footer.ref.label == "第4段"


def test_thead_tbody_tfoot_are_read_in_rendering_order(tmp_path):
    # HTML 4 put <tfoot> before <tbody> in the source; browsers still show it last.
    page = """<html><body><table>
      <tfoot><tr><td>合计</td><td>30</td></tr></tfoot>
      <tbody><tr><td>甲</td><td>10</td></tr><tr><td>乙</td><td>20</td></tr></tbody>
      <thead><tr><th>项目</th><th>金额</th></tr></thead>
    </table></body></html>"""
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    assert texts(doc.tables[0]) == [["项目", "金额"], ["甲", "10"], ["乙", "20"], ["合计", "30"]]


def test_spans_stop_at_the_end_of_their_row_group(tmp_path):
    page = """<html><body><table>
      <thead><tr><th rowspan="5">类别</th><th>金额</th></tr></thead>
      <tbody><tr><td rowspan="0">甲</td><td>1</td></tr><tr><td>2</td></tr></tbody>
    </table></body></html>"""
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    t = doc.tables[0]
    assert texts(t) == [["类别", "金额"], ["甲", "1"], ["甲", "2"]]
    assert t.cell(1, 1).merged_from is None  # rowspan=5 clipped to its one-row <thead>
    assert t.cell(3, 1).merged_from == (2, 1)


def test_short_rows_are_padded_and_th_td_read_alike(tmp_path):
    page = """<html><body><table>
      <tr><th>一级指标</th><th>二级指标</th><th>三级指标</th></tr>
      <tr><td>产出指标</td></tr>
    </table></body></html>"""
    t = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA).tables[0]
    assert texts(t) == [["一级指标", "二级指标", "三级指标"], ["产出指标", "", ""]]
    assert t.cell(2, 3).merged_from is None and t.cell(2, 3).ref.label == "表1 第2行第3列"


def test_word_exported_html_joins_wrapped_chinese_lines(tmp_path):
    # Word's "save as web page" wraps long lines mid-word and sprinkles <o:p> and conditional
    # comments; a wrapped line between two Chinese characters must not become a space.
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>某人</o:Author></o:DocumentProperties></xml><![endif]-->
</head><body lang=ZH-CN>
<p class=MsoNormal align=center><b><span style='font-size:16.0pt'>2024年1-6月项目支出绩效运行
监控表<o:p></o:p></span></b></p>
<table class=MsoTableGrid border=1>
 <tr><td><p class=MsoNormal><span>偏差原因</span><span lang=EN-US>
 (</span><span>经费保障</span><span lang=EN-US>)<o:p></o:p></span></p></td>
 <td><p class=MsoNormal><span lang=EN-US>Budget
 execution<o:p></o:p></span></p></td></tr>
 <tr><td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td><td>1</td></tr>
</table></body></html>"""
    doc = extract_html(write(tmp_path, "a.htm", page.encode("gbk")), SHA)
    assert [b.text for b in doc.blocks] == [TITLE]
    assert texts(doc.tables[0]) == [["偏差原因 (经费保障)", "Budget execution"], ["", "1"]]


# --- layout and chrome -------------------------------------------------------------------------


def test_layout_tables_give_their_text_and_inner_tables(tmp_path):
    page = """<html><body>
      <table><tr>
        <td>左侧栏目</td>
        <td><p>表一</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>甲</td><td>1</td></tr></table>
            <p>表二</p><table><tr><td>指标</td><td>值</td></tr><tr><td>乙</td><td>2</td></tr></table></td>
      </tr></table>
      <table><tr><td>   </td><td><img src="spacer.gif"></td></tr></table>
      <table><tr><td><b>通知公告</b>：框内文字</td></tr></table>
      <noscript>请启用脚本</noscript><template><p>模板</p></template>
      <select><option>友情链接</option></select>
      <div hidden>隐藏</div><span style="visibility: hidden">不可见</span>
    </body></html>"""
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    assert [b.text for b in doc.blocks] == ["左侧栏目", "表一", "表二", "通知公告：框内文字"]
    assert [texts(t) for t in doc.tables] == [[["项目", "金额"], ["甲", "1"]], [["指标", "值"], ["乙", "2"]]]
    assert [t.index for t in doc.tables] == [1, 2]
    assert doc.blocks[1].order < doc.tables[0].order < doc.blocks[2].order < doc.tables[1].order


def test_caption_becomes_a_block_before_its_table(tmp_path):
    page = """<html><body><table><caption>表1 预算执行情况</caption>
      <tr><td>项目</td><td>金额</td></tr></table></body></html>"""
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    assert [b.text for b in doc.blocks] == ["表1 预算执行情况"]
    assert texts(doc.tables[0]) == [["项目", "金额"]]
    assert doc.blocks[0].order < doc.tables[0].order


def test_text_outside_block_elements_splits_at_line_breaks(tmp_path):
    page = "<html><body>填报单位：甲局<br>填报人：张三<div>单位：<b>万元</b></div>尾注</body></html>"
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    assert [b.text for b in doc.blocks] == ["填报单位：甲局", "填报人：张三", "单位：万元", "尾注"]


def test_floated_span_is_a_block_of_its_own(tmp_path):
    page = '<html><body><p>填报单位：西街街道办事处<span style="float: right">单位：万元</span></p></body></html>'
    doc = extract_html(write(tmp_path, "a.html", page.encode("utf-8")), SHA)
    assert [b.text for b in doc.blocks] == ["填报单位：西街街道办事处", "单位：万元"]


def test_dispatch_by_content_and_sha(tmp_path):
    # An HTML page saved with an .xls name (common for portal "Excel" downloads).
    data = portal_page('<meta charset="gbk">').encode("gbk")
    path = write(tmp_path, "监控表.xls", data)
    doc = extract(path)
    assert doc.format is Format.HTML
    assert doc.file_sha256 == hashlib.sha256(data).hexdigest()
    assert texts(doc.tables[1]) == EXPECTED_ROWS
