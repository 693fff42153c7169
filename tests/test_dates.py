"""Dates printed in the documents (extractors/dates.py) and read by every kind: the parser's
formats, labelled dates in lines and cells, the dated signature line, the fixtures' 填报日期."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import extract
from extractors.dates import find_dates, labelled_date, parse_date, signature_date
from extractors.kinds import final_accounts, monitoring, narrative_report, self_evaluation, targets
from runs.process import process_document
from schemas.document import Document, Format, TextBlock
from schemas.provenance import SourceRef
from tests.builders import make_doc, make_table

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures"
CN = "〇一二三四五六七八九"


# ------------------------------------------------------------------ the parser


@pytest.mark.parametrize("text", [
    "2024年1月15日", "2024 年 1 月 15 日", "2024年01月15日", "2024-01-15", "2024.1.15", "2024/01/15",
    "2024/1/15", "２０２４年１月１５日", "２０２４－０１－１５", "二〇二四年一月十五日", "二零二四年一月十五日",
    " 2024年1月15号 ",
])
def test_every_format_reads_the_same_date(text):
    assert parse_date(text) == date(2024, 1, 15)


@pytest.mark.parametrize("text, expected", [
    ("二〇二四年十二月三十一日", date(2024, 12, 31)),
    ("二〇二五年二月二十八日", date(2025, 2, 28)),
    ("二〇二四年十月一日", date(2024, 10, 1)),
    ("2024年2月29日", date(2024, 2, 29)),  # a leap year
])
def test_chinese_numerals_and_leap_days(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "2024年2月30日", "2023年2月29日", "2024-13-01", "2024.04.31", "二〇二四年二月三十日",  # impossible days
    "2024年", "2024年度", "2024", "2024年1月", "2024-01", "一月十五日", "1月15日",  # not a full date
    "2024-01/15",  # mixed separators
    "20240.1.15", "12024-01-15",  # longer numbers
    "", "填报日期：",
])
def test_what_is_not_a_date(text):
    assert parse_date(text) is None


def test_parse_date_wants_the_date_alone_find_dates_finds_them_all():
    text = "填报日期：2024年1月15日，公开时间 2024/02/01 10:30；截至二〇二四年六月三十日"
    assert parse_date(text) is None
    assert [f.value for f in find_dates(text)] == [date(2024, 1, 15), date(2024, 2, 1), date(2024, 6, 30)]
    assert [f.raw for f in find_dates(text)] == ["2024年1月15日", "2024/02/01", "二〇二四年六月三十日"]
    assert find_dates("2024.1.15.3") == []  # a section number, not a date
    assert find_dates("2025年1月1日至2025年12月31日")[1].value == date(2025, 12, 31)


def _cn_year(year: int) -> str:
    return "".join(CN[int(d)] for d in str(year))


def _cn_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CN[tens] + "十")) + (CN[ones] if ones else "")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" or c in "-/." else c for c in text)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(range(7)))
def test_property_every_valid_date_round_trips(d, style):
    text = [
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        _full_width(f"{d.year}年{d.month}月{d.day}日"),
        _full_width(f"{d.year}-{d.month:02d}-{d.day:02d}"),
        f"{_cn_year(d.year)}年{_cn_small(d.month)}月{_cn_small(d.day)}日",
    ][style]
    assert parse_date(text) == d
    assert [f.value for f in find_dates(f"落款：{text}。")] == [d]


@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(29, 31), st.booleans())
def test_property_a_day_past_the_month_end_is_rejected(year, month, day, chinese):
    if day <= calendar.monthrange(year, month)[1]:
        return
    text = (f"{_cn_year(year)}年{_cn_small(month)}月{_cn_small(day)}日" if chinese
            else f"{year}年{month}月{day}日")
    assert parse_date(text) is None
    assert find_dates(text) == []


@given(st.integers(1900, 2099), st.sampled_from(["{y}年", "{y}", "{y}年度", "{y}年{m}月", "{y}-{m:02d}"]))
def test_property_a_year_or_a_month_alone_is_not_a_date(year, pattern):
    assert parse_date(pattern.format(y=year, m=6)) is None


# ------------------------------------------------------------------ in a built document


def test_a_labelled_date_in_a_line_a_cell_or_the_next_cell():
    labels = ("填报日期", "报送日期")
    in_line = make_doc([], blocks=[(1, "单位负责人：张三　　填报日期：2024年2月26日")])
    found = labelled_date(in_line, labels)
    assert (found.value, found.label, found.raw) == (date(2024, 2, 26), "填报日期", "单位负责人：张三 填报日期：2024年2月26日")
    spaced = make_doc([], blocks=[(1, "报 送 日 期 ： 2024.3.1")])
    assert labelled_date(spaced, labels).value == date(2024, 3, 1)
    in_cell = make_doc([make_table([["部门名称", "南街街道办事处", "填报日期", "2024/01/15"]], sheet="Sheet1")])
    found = labelled_date(in_cell, labels)
    assert (found.value, found.ref.label) == (date(2024, 1, 15), "Sheet1!D1")
    merged = make_doc([make_table([["填报日期", "<", "二〇二四年一月十五日", "<"]], sheet="Sheet1")])
    assert labelled_date(merged, labels).ref.label == "Sheet1!C1"
    below = make_doc([make_table([["填报日期", "单位"], ["2024年1月15日", "万元"]], sheet="S")])
    assert labelled_date(below, labels).ref.label == "S!A2"
    # a label with no date after it, or one that names a period, gives nothing
    assert labelled_date(make_doc([], blocks=[(1, "填报日期：    年  月  日")]), labels) is None
    assert labelled_date(make_doc([], blocks=[(1, "填报日期：2024年1月")]), labels) is None
    assert labelled_date(make_doc([], blocks=[(1, "截至2024年6月30日")]), labels) is None


@pytest.mark.parametrize("lines, expected", [
    (["南街街道办事处", "2025年1月20日"], date(2025, 1, 20)),
    (["南街街道办事处 2025年1月20日"], date(2025, 1, 20)),
    (["南街街道办事处（盖章）", "二〇二五年一月二十日"], date(2025, 1, 20)),
    (["2024年7月15日", "正文继续"], date(2024, 7, 15)),
])
def test_a_signature_line(lines, expected):
    doc = make_doc([], blocks=[(0, "一、基本情况"), (1, "截至2024年12月31日，共有车辆0辆。")]
                   + [(i + 2, t) for i, t in enumerate(lines)], fmt=Format.DOCX)
    assert signature_date(doc).value == expected


@pytest.mark.parametrize("text", [
    "截至2024年12月31日", "2025年1月1日至2025年12月31日", "于2024年7月15日召开会议", "会议于 2024年7月15日",
    "2024年7月15日召开", "附件1：2024年7月15日", "南街街道办事处2024年7月",
])
def test_what_is_not_a_signature_line(text):
    assert signature_date(make_doc([], blocks=[(1, text)])) is None


# ------------------------------------------------------------------ each kind, from the fixtures


def _records(path: Path) -> list:
    result = process_document(path, path.parent)
    assert result.status == "ok", result.error
    return result.records


# Expected dates: what the generators wrote (tools/fixturegen/targets_data.py, data.py,
# tools/fixturegen/unseen_*.py).
@pytest.mark.parametrize("path, when, ref", [
    ("nanjie-2024/南街街道办事处2024年度部门整体支出绩效目标表.pdf", date(2024, 2, 26), "第2页"),
    ("nanjie-2024/南街街道办事处2025年度部门整体支出绩效目标表.docx", date(2025, 2, 24), "第3段"),
    ("unseen-targets/中央部门项目支出绩效目标申报表-水文站网运行维护.xlsx", date(2024, 1, 15), "绩效目标申报表!A24"),
    ("unseen-targets/清溪区文化旅游广电局部门整体支出绩效目标.html", date(2024, 1, 20), "第7段"),
])
def test_target_tables_read_their_filled_date(path, when, ref):
    records = _records(FIX / path)
    assert {r.record_type for r in records} == {"target_table"}
    assert all(r.filled_date is not None and r.filled_date.value == when for r in records)
    assert records[0].filled_date.ref.label == ref and records[0].filled_date.label == "填报日期"


@pytest.mark.parametrize("path, when, ref", [
    ("nanjie-2024/南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx", date(2024, 7, 10), "Sheet1!H27"),
    ("monitoring/东关街道办事处2024年1-9月绩效运行监控表.pdf", date(2024, 10, 9), "第2页"),
    ("monitoring/西街街道办事处2024年上半年部门整体支出绩效运行监控表.docx", date(2024, 7, 8), "表1 第1行第6列"),
])
def test_monitoring_tables_read_their_filled_date(path, when, ref):
    records = _records(FIX / path)
    assert records[0].record_type == "monitoring_report"
    assert (records[0].filled_date.value, records[0].filled_date.ref.label) == (when, ref)


def test_documents_without_a_date_carry_none():
    nanjie = FIX / "nanjie-2024"
    assert _records(nanjie / "南街街道办事处2024年1-9月部门整体绩效运行监控表.pdf")[0].filled_date is None
    assert _records(nanjie / "南街街道办事处2024年度部门整体支出绩效自评表.docx")[0].filled_date is None
    report = _records(nanjie / "南街街道办事处2024年1-9月绩效运行监控报告.docx")[0]
    assert report.signed_date is None
    pub = _records(nanjie / "南街街道办事处2024年度部门决算.pdf")[0]
    assert (pub.published_date, pub.signed_date, pub.approved_date) == (None, None, None)


def test_a_portal_page_reads_its_publication_date():
    pub = _records(FIX / "publications" / "上海市普陀区档案馆2024年度部门决算.html")[0]
    assert pub.published_date.value == date(2025, 9, 1) and pub.published_date.label == "发布日期"
    assert pub.published_date.raw.startswith("发布日期：2025-09-01")


# ------------------------------------------------------------------ each kind, fixture + added lines


def _with_lines(doc: Document, lines: list[str], after_order: int | None = None) -> Document:
    """`doc` with `lines` added as text blocks after the block of `after_order` (default: at the end)."""
    last = max([b.order for b in doc.blocks] + [t.order for t in doc.tables])
    order = last + 1 if after_order is None else after_order
    ref = SourceRef(file_sha256=doc.file_sha256, file_name=doc.file_name, page=1).with_label()
    added = [TextBlock(text=t, ref=ref, order=order) for t in lines]
    return doc.model_copy(update={"blocks": doc.blocks + added})


@pytest.mark.parametrize("path", [
    "reports/东湖街道办事处2024年1-6月绩效运行监控报告.docx",
    "reports/东湖街道办事处2024年1-9月绩效运行监控报告.pdf",
])
def test_a_narrative_report_reads_the_date_under_its_signature(path):
    doc = _with_lines(extract(FIX / path), ["东湖街道办事处", "2024年7月15日"])
    report = narrative_report.parse(doc)[0]
    assert (report.signed_date.value, report.signed_date.label) == (date(2024, 7, 15), "落款日期")
    assert report.signed_date.ref.label  # where it was printed
    assert narrative_report.parse(extract(FIX / path))[0].signed_date is None


@pytest.mark.parametrize("path", [
    "self-eval/河西镇人民政府2024年度部门整体支出绩效自评表.pdf",
    "self-eval/临泽县卫生健康局2024年度部门整体支出绩效自评表.xlsx",
    "nanjie-2024/南街街道办事处2024年度部门整体支出绩效自评表.docx",
])
def test_a_self_evaluation_reads_its_filled_date(path):
    doc = _with_lines(extract(FIX / path), ["填报人：王丽　　填报日期：2025年1月20日"])
    records = self_evaluation.parse(doc)
    assert all(r.filled_date.value == date(2025, 1, 20) for r in records)


@pytest.mark.parametrize("path", [
    "publications/上海市普陀区档案馆2024年度部门决算.pdf",
    "publications/上海市普陀区档案馆2024年度部门决算.html",
])
def test_a_publication_reads_the_signature_of_its_statement(path):
    doc = extract(FIX / path)
    statement_end = max(b.order for b in doc.blocks if any(w in b.text for w in ("情况说明", "名词解释", "注：")))
    doc = _with_lines(doc, ["上海市普陀区档案馆", "2025年8月20日"], after_order=statement_end)
    pub = final_accounts.parse(doc)[0]
    assert (pub.signed_date.value, pub.signed_date.raw) == (date(2025, 8, 20), "2025年8月20日")


def test_a_publication_reads_its_approval_date():
    doc = _with_lines(extract(FIX / "publications" / "上海市普陀区档案馆2024年度部门决算.html"),
                      ["批复日期：2025年8月1日"], after_order=0)
    pub = final_accounts.parse(doc)[0]
    assert pub.approved_date.value == date(2025, 8, 1) and pub.published_date.value == date(2025, 9, 1)


def test_reading_the_date_changes_nothing_else():
    """Without its 填报日期 line the table reads the same, only without a date."""
    path = FIX / "nanjie-2024" / "南街街道办事处2024年度部门整体支出绩效目标表.pdf"
    doc = extract(path)
    plain = targets.parse(doc)[0]
    assert plain.filled_date is not None
    rebuilt = targets.parse(doc.model_copy(update={"blocks": [b for b in doc.blocks if "填报日期" not in b.text]}))[0]
    assert rebuilt.filled_date is None
    assert rebuilt.model_dump(exclude={"filled_date"}) == plain.model_dump(exclude={"filled_date"})
    mon = monitoring.parse(extract(FIX / "monitoring" / "东关街道办事处2024年1-9月绩效运行监控表.pdf"))[0]
    assert mon.filled_date.value == date(2024, 10, 9)


def _project(name: str) -> list[list[str]]:
    return [
        ["项目名称", name, "<", "<"],
        ["主管部门", "临河区教育局", "实施单位", "临河区教育局"],
        ["年度资金总额", "<", "财政拨款", "其他资金"],
        ["100.00", "<", "100.00", "0"],
        ["年度绩效目标", "按时足额发放补助。", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", f"{name}受益人数", "≥100人"],
    ]


def test_each_table_of_a_document_takes_the_date_printed_with_it():
    doc = make_doc(
        [make_table(_project("学生资助项目"), index=1, order=2, sheet=None, page=1),
         make_table(_project("人才引进项目"), index=2, order=5, sheet=None, page=2)],
        blocks=[(1, "2024年度项目支出绩效目标表"), (3, "填报日期：2024年1月10日"),
                (4, "2024年度项目支出绩效目标表"), (6, "填报日期：2024年3月5日")],
        file_name="临河.pdf", fmt=Format.PDF)
    first, second = targets.parse(doc)
    assert (first.filled_date.value, second.filled_date.value) == (date(2024, 1, 10), date(2024, 3, 5))
    # printed once for the whole document: every table takes it
    once = doc.model_copy(update={"blocks": [b for b in doc.blocks if b.order != 3]})
    assert [t.filled_date.value for t in targets.parse(once)] == [date(2024, 3, 5)] * 2


def test_a_date_in_a_cell_of_the_target_grid():
    grid = _project("学生资助项目") + [["单位负责人：", "<", "填报日期：2024年2月26日", "<"]]
    (t,) = targets.parse(make_doc([make_table(grid, sheet="目标表")], blocks=[(0, "2024年度项目支出绩效目标表")]))
    assert (t.filled_date.value, t.filled_date.ref.label) == (date(2024, 2, 26), "目标表!C8")


# ------------------------------------------- fixtures/dates (tools/fixturegen/generators/dates.py)

DATED = FIX / "dates"
DATED_EXPECTED = FIX / "expected" / "dates"


def test_every_dated_fixture_has_its_expected_file():
    files = {p.name for p in DATED.iterdir() if p.is_file()}
    assert {".pdf", ".docx"} <= {Path(f).suffix for f in files}
    assert {f"{name}.json" for name in files} == {p.name for p in DATED_EXPECTED.glob("*.json")}


@pytest.mark.parametrize("expected", sorted(DATED_EXPECTED.glob("*.json")), ids=lambda p: p.stem)
def test_a_narrative_report_reads_its_signature_date(expected):
    import json

    exp = json.loads(expected.read_text(encoding="utf-8"))
    (report,) = _records(DATED / expected.stem)
    assert (report.record_type, report.unit.value, report.year, report.period_months) == (
        exp["kind"], exp["unit"], exp["year"], exp["period_months"])
    assert report.signed_date.value == date.fromisoformat(exp["signed_date"])
    assert report.signed_date.raw == exp["signature"][-1]  # the line the date is printed on
    assert report.signed_date.ref.file_name == expected.stem and report.signed_date.ref.label


@pytest.mark.parametrize("line, expected", [
    ("发布时间：2025-01-20 10:30:00 来源：区财政局", date(2025, 1, 20)),
    ("【发布日期：2025-01-20】【字体：大 中 小】", date(2025, 1, 20)),
    ("公开日期:2025/1/20", date(2025, 1, 20)),
    ("发布日期：2025年1月1日至2025年1月31日", None),  # a range, not the day it was published
])
def test_portal_date_lines(line, expected):
    found = labelled_date(make_doc([], blocks=[(1, line)], fmt=Format.HTML), ("公开日期", "发布日期", "发布时间"))
    assert (found.value if found else None) == expected
