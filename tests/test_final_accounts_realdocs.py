"""部门预算/决算 publications on the real PDFs in ../shared/realdocs.

Expected values were read by eye from the rendered pages (pdftoppm -r 100); the page is named
next to each. Each PDF is extracted once per session (about a second each).
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import need

from extractors import extract
from extractors.kinds import best_kind
from extractors.kinds.final_accounts import detect, parse
from textnorm.numbers import parse_decimal
from schemas.document import Document
from schemas.final_accounts import Publication, PublicationTable

FINANCE_2024 = "上海市普陀区财政局2024年度部门决算.pdf"
SOCIAL_2024 = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"
BUDGET_2025 = "上海市普陀区财政局部门25年预算.pdf"
JIANGSU_PROSE = "江苏省委办公厅2019年度部门预算公开文件.pdf"
JIANGSU_TABLES = "江苏省委办公厅2019年度部门预算公开表格.pdf"
ALL = [FINANCE_2024, SOCIAL_2024, TEMPLATE, BUDGET_2025, JIANGSU_PROSE, JIANGSU_TABLES]

SHANGHAI_NINE = [
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表",
]
KEYS_DIR = Path(__file__).parent / "data" / "final_accounts"


@cache
def _doc(path: str) -> Document:
    return extract(path)


@cache
def _pub(path: str) -> Publication:
    return parse(_doc(path))[0]


def doc(realdocs: Path, name: str) -> Document:
    return _doc(str(realdocs / name))


def pub(realdocs: Path, name: str) -> Publication:
    return _pub(str(realdocs / name))


def table(p: Publication, key: str) -> PublicationTable:
    t = p.table(key)
    assert t is not None, key
    return t


def line(t: PublicationTable, code: str | None = None, name: str | None = None, side: int | None = None):
    for ln in t.lines:
        if (code is None or ln.code == code) and (name is None or ln.name == name) \
                and (side is None or ln.side == side):
            return ln
    raise AssertionError(f"no line {code} {name} in {t.key}")


@pytest.mark.parametrize("name", ALL)
def test_detector_is_high_for_every_publication(realdocs: Path, name: str) -> None:
    d = doc(realdocs, name)
    assert detect(d) >= 0.5
    kind, _ = best_kind(d)
    assert kind.name == "final_accounts"


def test_finance_bureau_2024_has_the_nine_tables_two_declared_empty(realdocs: Path) -> None:
    p = pub(realdocs, FINANCE_2024)
    assert (p.unit.value, p.year, p.kind, p.template) == ("上海市普陀区财政局", 2024, "决算", False)
    assert [t.key for t in p.tables] == SHANGHAI_NINE
    assert [t.status for t in p.tables] == ["present"] * 7 + ["empty"] * 2
    assert [t.pages for t in p.tables] == [[6, 7], [8, 9], [10, 11], [12, 13, 14], [15], [16, 17], [18], [19], [20]]
    assert all(t.amount_unit == "万元" for t in p.tables)
    assert [(e.key, e.source, e.status) for e in p.expected] == [
        (k, "目录", s) for k, s in zip(SHANGHAI_NINE, ["present"] * 7 + ["empty"] * 2)]
    gf = table(p, "政府性基金预算财政拨款收入支出决算表")
    assert gf.empty_statement.text == "上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"
    assert gf.empty_statement.ref.page == 19


def test_finance_bureau_2024_line_items(realdocs: Path) -> None:
    p = pub(realdocs, FINANCE_2024)
    # p8 收入决算表: 类/款/项 in three columns; 行政运行 1,511.90 = 1,511.89 + 0.01.
    income = table(p, "收入决算表")
    run = line(income, "2010601")
    assert (run.level, run.parent, run.name) == ("项", "20106", "行政运行")
    assert run.values["本年收入合计"].value == Decimal("1511.90")
    assert run.values["财政拨款收入"].value == Decimal("1511.89")
    assert run.values["其他收入"].value == Decimal("0.01")
    total = income.lines[0]
    assert (total.name, total.values["本年收入合计"].raw) == ("合计", "2,946.25")
    # p6 收入支出决算总表: one line per printed row, both sides.
    overview = table(p, "收入支出决算总表")
    first = overview.lines[0]
    assert first.texts == {"收入/项目": "一、一般公共预算财政拨款收入", "支出/项目": "一、一般公共服务支出"}
    assert first.values["收入/决算数"].value == Decimal("2940.05")
    assert first.values["支出/决算数"].value == Decimal("2106.66")
    last = overview.lines[-1]
    assert last.name == "总计" and last.values["支出/决算数"].value == Decimal("2995.39")
    # p16–17 基本支出决算表: two code lists side by side.
    basic = table(p, "一般公共预算财政拨款基本支出决算表")
    assert line(basic, "30102", side=1).values["决算数"].value == Decimal("1238.58")
    assert line(basic, "30239", side=2).values["决算数"].value == Decimal("48.49")
    assert line(basic, name="人员经费合计").values["决算数"].value == Decimal("2152.26")
    assert line(basic, name="公用经费合计").values["决算数"].value == Decimal("184.65")
    # p18 三公: 预算数 0.95 in 合计 and 公务接待费, every 决算数 blank.
    three = table(p, "财政拨款“三公”经费支出决算表").lines[0]
    assert three.values["财政拨款“三公”经费/合计/预算数"].value == Decimal("0.95")
    assert three.values["财政拨款“三公”经费/公务接待费/预算数"].value == Decimal("0.95")
    assert three.values["财政拨款“三公”经费/合计/决算数"].blank


def test_social_work_department_2024_has_codes_in_one_column_and_three_empty_tables(realdocs: Path) -> None:
    p = pub(realdocs, SOCIAL_2024)
    assert (p.unit.value, p.year, p.kind) == ("中共上海市普陀区委社会工作部", 2024, "决算")
    assert [t.key for t in p.tables] == SHANGHAI_NINE
    assert [t.status for t in p.tables] == ["present"] * 6 + ["empty"] * 3
    statements = [t.empty_statement.text for t in p.tables[6:]]
    assert statements[0] == "中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。"
    assert all(s.endswith("故本表无数据。") for s in statements)
    # p6 收入决算表: 7-digit codes in one column.
    income = table(p, "收入决算表")
    assert income.columns[0].role == "code"
    ln = line(income, "2013999")
    assert (ln.level, ln.parent, ln.name) == ("项", "20139", "其他社会工作事务支出")
    assert ln.values["财政拨款收入"].value == Decimal("202.24")
    # p13 基本支出决算表: 0.00 printed is a zero, not a blank.
    basic = table(p, "一般公共预算财政拨款基本支出决算表")
    bonus = line(basic, "30103")
    assert bonus.values["决算数"].value == 0 and not bonus.values["决算数"].blank
    assert line(basic, "30211", side=2).values["决算数"].value == Decimal("1.15")
    # p15 政府性基金: 合计 | 基本支出 | 项目支出 printed on the 合计 row belong to 本年支出.
    gf = table(p, "政府性基金预算财政拨款收入支出决算表")
    assert [c.header for c in gf.columns][4:7] == ["本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"]


def test_the_template_is_flagged_and_has_no_lines(realdocs: Path) -> None:
    p = pub(realdocs, TEMPLATE)
    assert p.template is True
    assert (p.unit.value, p.year, p.kind) == ("上海市XX局", 2024, "决算")
    assert [t.key for t in p.tables] == SHANGHAI_NINE
    assert all(t.lines == [] for t in p.tables)


def test_budget_2025_tables_in_yuan_are_read_in_wanyuan(realdocs: Path) -> None:
    p = pub(realdocs, BUDGET_2025)
    assert (p.unit.value, p.year, p.kind) == ("上海市普陀区财政局", 2025, "预算")
    assert [t.key for t in p.tables] == [
        "财务收支预算总表", "收入预算表", "支出预算表", "财政拨款收支预算总表", "一般公共预算支出功能分类预算表",
        "政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表",
        "一般公共预算基本支出部门预算经济分类预算表", "“三公”经费预算表"]
    assert [t.amount_unit for t in p.tables] == ["元"] * 8 + ["万元"]
    assert [t.status for t in p.tables] == ["present"] * 5 + ["empty"] * 2 + ["present"] * 2
    assert table(p, "国有资本经营预算支出功能分类预算表").empty_statement.text.endswith("故本表为空表。")
    # p9 财务收支预算总表: 31,214,205.80 元 = 3,121.4205800 万元.
    summary = table(p, "财务收支预算总表")
    v = summary.lines[0].values["本年收入/预算数"]
    assert (v.printed, v.printed_unit, v.value) == (Decimal("31214205.80"), "元", Decimal("3121.42058"))
    # p19 经济分类: 津贴补贴 13,012,070.00 元; 公用经费 0.00.
    econ = table(p, "一般公共预算基本支出部门预算经济分类预算表")
    allowance = line(econ, "30102")
    assert allowance.values["一般公共预算基本支出/合计"].value == Decimal("1301.207")
    assert allowance.values["一般公共预算基本支出/公用经费"].value == 0
    # p21 三公 and 机关运行经费 in 万元: 0.95 and 229.43.
    three = table(p, "“三公”经费预算表").lines[0]
    assert three.values["“三公”经费预算数/合计"].value == Decimal("0.95")
    assert three.values["机关运行经费预算数"].value == Decimal("229.43")


def test_jiangsu_tables_file_alone_parses(realdocs: Path) -> None:
    p = pub(realdocs, JIANGSU_TABLES)
    assert (p.unit.value, p.year, p.kind) == ("中共江苏省委办公厅", 2019, "预算")
    assert len(p.tables) == 12
    assert [t.key for t in p.tables][:4] == ["收支预算总表", "收入预算表", "支出预算表", "财政拨款收支预算总表"]
    assert table(p, "政府性基金预算支出功能分类预算表").status == "empty"
    assert table(p, "政府性基金预算支出功能分类预算表").empty_statement.text == "本部门无相关收支项目"
    assert all(e.status != "missing" for e in p.expected)
    # p1 收支预算总表: three sides (收入 | 功能分类 | 支出用途) on one printed row.
    first = table(p, "收支预算总表").lines[0]
    assert first.values["收入/金额"].value == Decimal("27664.22")
    assert first.values["支出/功能分类/金额"].value == Decimal("22395.50")
    assert first.values["支出/支出用途/金额"].value == Decimal("11700.63")
    # p11 机关运行经费: 30231 公务用车运行维护费 411.20.
    assert line(table(p, "机关运行经费预算表"), "30231").values["机关运行经费支出"].value == Decimal("411.20")


def test_jiangsu_prose_file_lists_its_tables_as_missing(realdocs: Path) -> None:
    p = pub(realdocs, JIANGSU_PROSE)
    assert (p.unit.value, p.year, p.kind) == ("江苏省委办公厅", 2019, "预算")
    assert p.tables == []
    assert len([e for e in p.expected if e.source == "目录"]) == 12
    assert all(e.status == "missing" for e in p.expected)


# ---------------------------------------------------------------------------------------------
# Complete answer keys written by eye (tests/data/final_accounts/<pdf name>.json)


def _printed(raw: str) -> Decimal:
    parsed = parse_decimal(raw)
    return Decimal(0) if parsed is None else parsed[0]


@pytest.mark.parametrize("name", [FINANCE_2024, SOCIAL_2024])
def test_every_line_item_agrees_with_the_answer_key(realdocs: Path, name: str) -> None:
    key_path = KEYS_DIR / f"{Path(name).stem}.json"
    need(key_path.exists(), f"answer key {key_path}")
    key = json.loads(key_path.read_text(encoding="utf-8"))
    p = pub(realdocs, name)
    assert (p.unit.value, p.year) == (key["unit"], key["year"])
    assert [t.title for t in p.tables] == [kt["title"] for kt in key["tables"]]
    sides = {"left": 1, "right": 2, None: 1}
    for t, kt in zip(p.tables, key["tables"]):
        where = kt["title"]
        assert (t.pages, t.status, t.amount_unit) == (kt["pages"], kt["status"], kt["amount_unit"]), where
        assert (t.empty_statement.text if t.empty_statement else None) == kt["empty_statement"], where
        assert [c.header for c in t.columns] == kt["columns"], where
        assert len(t.lines) == len(kt["lines"]), where
        for ln, kl in zip(t.lines, kt["lines"]):
            item = (where, kl["code"], kl["name"])
            assert (ln.code, ln.side) == (kl["code"], sides[kl.get("side")]), item
            if kl["name"] is not None:
                assert ln.name == kl["name"], item
            printed = {h: v.printed for h, v in ln.values.items()}
            for header, raw in kl["values"].items():
                if header in printed:
                    # compared as Decimals in the key's unit (both tables print 万元)
                    assert printed[header] == _printed(raw), (item, header, raw)
                    assert ln.values[header].blank == (raw == ""), (item, header, raw)
                else:
                    assert ln.texts.get(header, "") == raw, (item, header, raw)
            assert set(printed) <= set(kl["values"]), item


def test_an_unreadable_amount_is_reported_and_the_rest_read(realdocs: Path) -> None:
    """p8 收入决算表, 行政运行 本年收入合计 1,511.90 misprinted (or misread by OCR) as 1,5l1.90: that
    cell alone is left out and reported as DOC002; a placeholder with no digit (—) stays text."""
    from checks import load_config, run_checks

    doc = _doc(str(realdocs / FINANCE_2024)).model_copy(deep=True)
    income = next(t for t in doc.tables if 8 in t.pages and any(c.text == "1,511.90" for r in t.rows for c in r))
    cell = next(c for r in income.rows for c in r if c.text == "1,511.90")
    cell.text = "1,5l1.90"
    dash = next(c for r in income.rows for c in r if c.text == "1,511.89")
    dash.text = "—"
    (p,) = parse(doc)
    run = line(table(p, "收入决算表"), "2010601")
    assert "本年收入合计" not in run.values and run.values["其他收入"].value == Decimal("0.01")
    assert run.values["财政拨款收入"].blank and run.values["财政拨款收入"].raw == "—"
    (unread,) = p.unread_cells
    assert (unread.raw, unread.ref.page, unread.problem) == ("1,5l1.90", 8, "不是数字")
    assert unread.what == f"《收入决算表》第{cell.ref.row}行的“本年收入合计”"
    findings = [f for f in run_checks([p], load_config(None)) if f.rule_id == "DOC002"]
    assert len(findings) == 1 and "“1,5l1.90”" in findings[0].message and "收入决算表" in findings[0].message
