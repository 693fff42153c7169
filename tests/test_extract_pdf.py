"""PDF extractor: generated samples (expected values written by tools/fixturegen/generators/pdf_samples.py
from its own inputs) and real published PDFs (expected values read by eye from the rendered pages)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pdfplumber
import pytest

from conftest import REALDOCS, need
from extractors import extract, file_sha256
from extractors.errors import ExtractionError
from extractors.ocr import ocr_problem
from extractors.pdf import NO_TEXT_LAYER, OCR_FOUND_NOTHING, _join_wrapped, extract_pdf
from schemas.document import Document, Table

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "pdf"


def _load(name: str) -> tuple[Document, dict]:
    path = SAMPLES / f"{name}.pdf"
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return extract_pdf(path, file_sha256(path)), expected


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def _table_after(doc: Document, title: str) -> Table:
    """The first table whose preceding text blocks include `title`."""
    for t in doc.tables:
        if any(b.text == title for b in doc.text_before(t, limit=4)):
            return t
    raise AssertionError(f"no table after {title!r}")


def _assert_merge(table: Table, origin: tuple[int, int], last: tuple[int, int]) -> None:
    text = table.cell(*origin).text
    for r in range(origin[0], last[0] + 1):
        for c in range(origin[1], last[1] + 1):
            cell = table.cell(r, c)
            assert cell.text == text, (r, c)
            assert cell.merged_from == origin, (r, c)


# --------------------------------------------------------------------------- generated samples


@pytest.fixture(scope="module")
def monitoring() -> tuple[Document, dict]:
    return _load("monitoring")


@pytest.fixture(scope="module")
def long_table() -> tuple[Document, dict]:
    return _load("long_table")


def test_monitoring_tables_match_what_was_written(monitoring):
    doc, expected = monitoring
    assert doc.page_count == 1
    assert len(doc.tables) == len(expected["tables"]) == 2
    for table, exp in zip(doc.tables, expected["tables"]):
        assert _texts(table) == exp["rows"]


def test_monitoring_merged_cells_resolved(monitoring):
    doc, expected = monitoring
    for table, exp in zip(doc.tables, expected["tables"]):
        merged = set()
        for m in exp["merges"]:
            origin, last = tuple(m["origin"]), tuple(m["last"])
            _assert_merge(table, origin, last)
            merged |= {
                (r, c) for r in range(origin[0], last[0] + 1) for c in range(origin[1], last[1] + 1)
            }
        plain = [c for row in table.rows for c in row if (c.ref.row, c.ref.column) not in merged]
        assert plain and all(c.merged_from is None for c in plain)
    budget = doc.tables[0]
    # "项目" spans two header rows, "预算数" two columns: covered cells are not origins.
    assert budget.cell(2, 1).text == "项目" and not budget.cell(2, 1).is_merge_origin
    assert budget.cell(1, 3).merged_from == (1, 2)
    assert budget.cell(2, 2).text == "年初预算数" and budget.cell(2, 2).merged_from is None


def test_monitoring_wrapped_cjk_labels_joined(monitoring):
    doc, expected = monitoring
    budget, exp = doc.tables[0], expected["tables"][0]
    assert exp["wrapped"]
    with pdfplumber.open(SAMPLES / "monitoring.pdf") as pdf:
        page = pdf.pages[0]
        for r, c in exp["wrapped"]:
            cell = budget.cell(r, c)
            # The sample really prints this label over several lines …
            assert "\n" in page.crop(cell.ref.bbox).extract_text()
            # … and the cell reads as it was typed, with no space at the line breaks.
            assert cell.text == exp["rows"][r - 1][c - 1]
    assert budget.cell(7, 1).text == "项目支出（含政府采购及专项资金）"


def test_join_wrapped_lines():
    assert _join_wrapped(["项目支", "出"]) == "项目支出"
    assert _join_wrapped(["年初预算数", "(万元)"]) == "年初预算数(万元)"
    assert _join_wrapped(["total", "amount"]) == "total amount"


def test_monitoring_cell_refs(monitoring):
    doc, _ = monitoring
    path = SAMPLES / "monitoring.pdf"
    sha = file_sha256(path)
    for table in doc.tables:
        assert table.pages == [1]
        for r, row in enumerate(table.rows, start=1):
            assert len(row) == table.n_cols
            for c, cell in enumerate(row, start=1):
                ref = cell.ref
                assert (ref.row, ref.column, ref.table, ref.page) == (r, c, table.index, 1)
                assert ref.file_sha256 == sha and ref.file_name == "monitoring.pdf"
                assert ref.label == f"第1页 表{table.index} 第{r}行第{c}列"
                x0, top, x1, bottom = ref.bbox
                assert 0 <= x0 < x1 <= 596 and 0 <= top < bottom <= 842
    # Cells in one row share a band; cells in one column are stacked top to bottom.
    t = doc.tables[1]
    assert t.cell(2, 3).ref.bbox[1] == pytest.approx(t.cell(2, 4).ref.bbox[1], abs=1)
    assert t.cell(2, 3).ref.bbox[3] <= t.cell(3, 3).ref.bbox[1] + 1


def test_monitoring_text_blocks_precede_tables(monitoring):
    doc, expected = monitoring
    budget, indicators = doc.tables
    assert [b.text for b in doc.text_before(budget, limit=4)] == expected["blocks_before_table1"]
    assert doc.text_before(indicators)[-1].text == expected["blocks_before_table2"][-1]
    # One shared reading order: blocks, table 1, heading, table 2, signature line.
    orders = [b.order for b in doc.blocks] + [t.order for t in doc.tables]
    assert len(set(orders)) == len(orders)
    assert doc.blocks[-1].order > indicators.order > budget.order
    assert doc.blocks[-1].text.startswith("填报人：")
    title = doc.blocks[0]
    assert title.ref.page == 1 and title.ref.bbox is not None and title.ref.label == "第1页"


def test_long_table_is_one_table_over_three_pages(long_table):
    doc, expected = long_table
    assert doc.page_count == 3
    assert len(doc.tables) == 1
    table = doc.tables[0]
    exp_rows = expected["tables"][0]["rows"]
    assert table.pages == [1, 2, 3]
    assert _texts(table) == exp_rows  # header once, then the 80 rows in order
    assert table.n_rows == 81
    assert [r[0].text for r in table.rows].count("序号") == 1
    pages = [row[0].ref.page for row in table.rows]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3}
    for r, row in enumerate(table.rows, start=1):
        assert all(c.ref.row == r and c.ref.table == 1 for c in row)
        assert len({c.ref.page for c in row}) == 1


def test_long_table_continuation_refs(long_table):
    doc, _ = long_table
    table = doc.tables[0]
    first_on_2 = next(row for row in table.rows if row[0].ref.page == 2)
    first_on_3 = next(row for row in table.rows if row[0].ref.page == 3)
    r2 = first_on_2[0].ref.row
    # The repeated header at the top of pages 2 and 3 is gone: the next item follows directly.
    assert int(first_on_2[0].text) == r2 - 1
    assert int(first_on_3[0].text) == first_on_3[0].ref.row - 1
    assert first_on_2[3].ref.label == f"第2页 表1 第{r2}行第4列"
    # The row sits below the (dropped) repeated header, near the top of page 2.
    prev = table.rows[r2 - 2][0].ref
    assert prev.page == 1 and first_on_2[0].ref.bbox[1] < prev.bbox[1]


def test_long_table_text_around(long_table):
    doc, expected = long_table
    table = doc.tables[0]
    assert [b.text for b in doc.text_before(table, limit=2)] == [expected["title"], "单位：万元"]
    note = next(b for b in doc.blocks if b.text == expected["note"])
    assert note.order > table.order and note.ref.page == 3


def test_three_line_table_read_from_text_alignment():
    doc, expected = _load("three_line")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert _texts(table) == expected["tables"][0]["rows"]
    assert doc.text_before(table)[-1].text == expected["title"]
    assert any(b.text == expected["note"] and b.order > table.order for b in doc.blocks)


# --------------------------------------------------------------------------- errors


def _hand_made_pdf(content: bytes, resources: bytes = b"<< >>", extra: list[bytes] = ()) -> bytes:
    """A minimal one-page PDF with a correct xref table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources "
        + resources
        + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize(
    "pdf_bytes",
    [
        _hand_made_pdf(b"10 10 m 190 190 l S 20 20 160 160 re S"),  # vector lines only
        _hand_made_pdf(  # an image only, like a scan
            b"q 180 0 0 180 10 10 cm /Im1 Do Q",
            resources=b"<< /XObject << /Im1 5 0 R >> >>",
            extra=[
                b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x80\x80\xff\nendstream"
            ],
        ),
    ],
    ids=["lines-only", "image-only"],
)
def test_pdf_without_text_layer(tmp_path, pdf_bytes, request):
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(pdf_bytes)
    with pdfplumber.open(path) as pdf:  # the file itself is a valid one-page PDF
        assert len(pdf.pages) == 1
    with pytest.raises(ExtractionError) as err:
        extract(path)
    if "image" in request.node.name:  # a picture: read by OCR when tesseract is here (tests/test_ocr.py)
        if ocr_problem() is None:
            reason, code = OCR_FOUND_NOTHING, ("pdf.ocr_found_nothing", "unreadable")
        else:
            reason, code = f"{NO_TEXT_LAYER}；{ocr_problem()}", ("pdf.ocr_unavailable", "unsupported_format")
    else:
        reason, code = NO_TEXT_LAYER, ("pdf.no_text_layer", "unreadable")
    assert (err.value.code, err.value.category) == code
    assert err.value.reason == reason
    assert str(err.value) == f"无法读取文件“扫描件.pdf”：{reason}"


def test_encrypted_pdf():
    path = SAMPLES / "encrypted.pdf"
    with pytest.raises(ExtractionError) as err:
        extract_pdf(path, file_sha256(path))
    assert (err.value.code, err.value.category, err.value.file) == ("pdf.encrypted", "encrypted", "encrypted.pdf")
    assert "加密" in err.value.reason and err.value.file_name == "encrypted.pdf"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",  # truncated
        "这不是PDF文件，只是一段文字。".encode("utf-8"),
    ],
    ids=["truncated", "not-a-pdf"],
)
def test_broken_pdf(tmp_path, data):
    path = tmp_path / "坏文件.pdf"
    path.write_bytes(data)
    with pytest.raises(ExtractionError) as err:
        extract_pdf(path, "0" * 64)
    assert (err.value.code, err.value.category) == ("pdf.damaged", "unreadable")
    assert "损坏" in err.value.reason
    assert "坏文件.pdf" in str(err.value)


def test_pdf_without_pages(tmp_path):
    # No page in the tree, and no stray page object pdfminer's fallback scan could find.
    pdf = _hand_made_pdf(b"").replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0")
    pdf = pdf.replace(b"<< /Type /Page /Parent", b"<< /Type /Form /Parent")
    path = tmp_path / "空白.pdf"
    path.write_bytes(pdf)
    with pytest.raises(ExtractionError) as err:
        extract_pdf(path, "0" * 64)
    assert (err.value.code, err.value.category) == ("pdf.no_pages", "unreadable")
    assert err.value.reason == "PDF 没有任何页面"


def test_fake_bold_text_is_read_once(tmp_path):
    # "Total 123" drawn twice, the second copy 0.4 pt right and 0.3 pt up (how some exporters
    # print bold); a third word far away stays.
    font = b"<< /Font << /F1 5 0 R >> >>"
    content = (b"BT /F1 12 Tf 20 150 Td (Total 123) Tj ET BT /F1 12 Tf 20.4 150.3 Td (Total 123) Tj ET "
               b"BT /F1 12 Tf 20 100 Td (Total) Tj ET")
    path = tmp_path / "bold.pdf"
    path.write_bytes(_hand_made_pdf(content, resources=font,
                                    extra=[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]))
    doc = extract_pdf(path, "0" * 64)
    assert [b.text for b in doc.blocks] == ["Total 123", "Total"]


def test_unique_chars_keeps_what_pdfplumber_dedupe_keeps():
    import random

    from pdfplumber.utils import dedupe_chars

    from extractors.pdf import _unique_chars

    rng = random.Random(7)
    chars = []
    for _ in range(400):  # few texts and positions on a coarse grid: many near and exact repeats
        x, y = rng.choice(range(0, 40, 3)) + rng.choice([0, 0.4, 0.9, 1.6]), rng.choice(range(0, 20, 4))
        chars.append({"upright": rng.random() < 0.9, "text": rng.choice("0一1"), "fontname": rng.choice("AB"),
                      "size": rng.choice([9.0, 10.5]), "doctop": y + rng.choice([0, 0.5, 1.2]),
                      "x0": x, "top": y})
    expected = {id(c) for c in dedupe_chars(chars)}
    assert len(expected) < len(chars)
    assert _unique_chars(chars) == expected


# --------------------------------------------------------------------------- real documents


@pytest.fixture(scope="module")
def timed_finance_bureau() -> tuple[Document, float]:
    path = REALDOCS / "上海市普陀区财政局2024年度部门决算.pdf"
    need(path.exists(), str(path))
    start = time.perf_counter()
    doc = extract(path)
    return doc, time.perf_counter() - start


@pytest.fixture
def finance_bureau(timed_finance_bureau) -> Document:
    return timed_finance_bureau[0]


def test_real_final_accounts_overview(timed_finance_bureau):
    doc, _ = timed_finance_bureau  # speed is measured by `make bench`, never asserted in a test
    assert doc.page_count == 25
    # Nine Shanghai tables, plus the small table of units on page 5.
    assert len(doc.tables) == 10
    assert [t.index for t in doc.tables] == list(range(1, 11))
    assert doc.tables[0].pages == [5] and doc.tables[0].cell(2, 2).text == "上海市普陀区财政局（本级）"


def test_real_summary_table_spans_two_pages(finance_bureau):
    doc = finance_bureau
    t = _table_after(doc, "收入支出决算总表")
    assert [b.text for b in doc.text_before(t, limit=2)] == ["收入支出决算总表", "单位：万元"]
    assert t.pages == [6, 7] and t.n_cols == 4 and t.n_rows == 32
    _assert_merge(t, (1, 1), (1, 2))  # 收入 over 项目 | 决算数
    _assert_merge(t, (1, 3), (1, 4))  # 支出
    assert t.row_texts(2) == ["项目", "决算数", "项目", "决算数"]
    c = t.cell(3, 2)
    assert (c.text, c.ref.page) == ("2,940.05", 6)
    assert t.row_texts(10) == ["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]
    assert t.row_texts(31) == ["年初结转和结余", "49.14", "年末结转和结余", "55.34"]
    last = t.cell(32, 4)
    assert (last.text, last.ref.page, t.cell(32, 1).text) == ("2,995.39", 7, "总计")
    assert last.ref.label == "第7页 表2 第32行第4列"


def test_real_income_table_header_merges_and_last_row(finance_bureau):
    doc = finance_bureau
    t = _table_after(doc, "收入决算表")
    assert t.index == 3 and t.pages == [8, 9] and t.n_cols == 11
    _assert_merge(t, (1, 1), (1, 4))  # 项目 over the codes and 科目名称
    _assert_merge(t, (1, 5), (3, 5))  # 本年收入合计 over three header rows
    _assert_merge(t, (2, 1), (2, 3))  # 支出功能分类 over 类 款 项
    assert t.cell(3, 1).text == "科目编码"
    assert t.row_texts(4)[:5] == ["类", "款", "项", "合计", "2,946.25"]
    assert t.cell(4, 11).text == "6.20"
    row = t.row_texts(t.n_rows)
    assert row[:6] == ["221", "02", "03", "购房补贴", "258.50", "258.50"]
    cell = t.cell(t.n_rows, 4)
    assert cell.ref.page == 9 and cell.ref.label == f"第9页 表3 第{t.n_rows}行第4列"
    assert t.n_rows == 23  # 18 rows on page 8, 5 on page 9
    assert cell.ref.bbox is not None and cell.ref.bbox[1] < 200  # near the top of page 9


def test_real_titles_and_narrative_lines(finance_bureau):
    doc = finance_bureau
    # The quote marks of “三公” sit lower than the ideographs; they stay in place.
    t = _table_after(doc, "财政拨款“三公”经费支出决算表")
    assert t.pages == [18]
    assert any(b.text == "第二部分上海市普陀区财政局2024年度部门决算表" for b in doc.blocks)
    # Numbers of the narrative stay on the line with their words.
    line = next(b for b in doc.blocks if b.ref.page == 22 and "1560.05" in b.text)
    assert "年初预算为1560.05万元，支出决算为1511.89万" in line.text
    assert line.ref.bbox is not None and line.ref.label == "第22页"
    orders = [b.order for b in doc.blocks]
    assert orders == sorted(orders)
    assert all(b.ref.page for b in doc.blocks)


def test_real_budget_continuation_drops_repeated_header(realdocs):
    path = realdocs / "上海市普陀区财政局部门25年预算.pdf"
    doc = extract(path)
    t = _table_after(doc, "2025年部门收入预算总表")
    assert [b.text for b in doc.text_before(t, limit=2)] == ["编制部门：上海市普陀区财政局", "单位：元"]
    assert t.pages == [10, 11] and t.n_cols == 9
    # Page 11 repeats the three header rows; they are dropped, rows continue from 16.
    assert t.n_rows == 23
    assert [r[0].text for r in t.rows].count("项目") == 1
    assert t.row_texts(15)[:5] == ["208", "05", "99", "其他行政事业单位养老支出", "9,620.00"]
    assert t.cell(15, 1).ref.page == 10
    assert t.row_texts(16)[:5] == ["210", "", "", "卫生健康支出", "782,164.00"]
    assert t.cell(16, 5).ref.page == 11 and t.cell(16, 5).ref.label == "第11页 表2 第16行第5列"
    _assert_merge(t, (1, 1), (1, 4))  # 项目
    _assert_merge(t, (1, 5), (1, 9))  # 收入预算
    _assert_merge(t, (2, 8), (3, 8))  # "事业单位\n经营收入", wrapped in its cell
    assert t.cell(2, 8).text == "事业单位经营收入"
    _assert_merge(t, (23, 1), (23, 4))  # 合计
    assert t.cell(23, 1).text == "合计" and t.cell(23, 5).text == "31,214,205.80"


def test_real_jiangsu_title_outside_table(realdocs):
    # The tables are drawn over a white background rectangle that also covers the title.
    doc = extract(realdocs / "江苏省委办公厅2019年度部门预算公开表格.pdf")
    assert doc.page_count == 12 and len(doc.tables) == 12
    t = doc.tables[0]
    assert [b.text for b in doc.text_before(t, limit=3)] == [
        "收支预算总表",
        "部门：中共江苏省委办公厅",
        "单位：万元",
    ]
    _assert_merge(t, (1, 1), (1, 2))  # 收入
    _assert_merge(t, (1, 3), (1, 6))  # 支出
    _assert_merge(t, (2, 1), (3, 1))  # 项目名称
    assert t.row_texts(4) == [
        "一、财政拨款", "27,664.22", "一、一般公共服务支出", "22,395.50", "一、基本支出", "11,700.63"
    ]
    row = next(r for r in range(1, t.n_rows + 1) if t.cell(r, 3).text == "当年支出小计")
    _assert_merge(t, (row, 3), (row, 5))
    assert t.cell(row, 6).text == "27,664.22"


def test_real_prose_only_pdf(realdocs):
    doc = extract(realdocs / "江苏省委办公厅2019年度部门预算公开文件.pdf")
    assert doc.page_count == 14 and doc.tables == []
    assert {b.ref.page for b in doc.blocks} == set(range(1, 15))
