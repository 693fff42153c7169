"""Fixes found by the blind test (fixtures/blind/RESULTS.md), one mechanism per test, on
hand-built documents."""

from __future__ import annotations

from decimal import Decimal

from builders import make_doc, make_table

from extractors.kinds.final_accounts import parse as parse_publication
from schemas.document import Format

PDF = "测试局2024年度部门决算.pdf"


def _publication(grid: list[list[str]], title: str, *after: str):
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, title), (4, "单位：万元")]
    blocks += [(6 + k, t) for k, t in enumerate(after)]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    return parse_publication(doc)[0].tables[0]


def test_an_empty_statement_printed_as_the_tables_notes_row_is_read() -> None:
    grid = [
        ["科目编码", "科目名称", "本年支出", "<", "<"],
        ["^", "^", "合计", "基本支出", "项目支出"],
        ["", "", "", "", ""],
        ["注：本部门2024年度无国有资本经营预算财政拨款收入及支出，故本表无数据。", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "国有资本经营预算财政拨款收入支出决算表")
    assert t.status == "empty"
    assert t.empty_statement is not None
    assert t.empty_statement.text == "本部门2024年度无国有资本经营预算财政拨款收入及支出，故本表无数据。"
    assert t.empty_statement.ref.row == 4
    assert t.lines == []


def test_a_notes_row_that_is_no_statement_leaves_an_empty_table_unexplained() -> None:
    grid = [
        ["科目编码", "科目名称", "本年支出", "<", "<"],
        ["^", "^", "合计", "基本支出", "项目支出"],
        ["", "", "", "", ""],
        ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "国有资本经营预算财政拨款收入支出决算表")
    assert t.status == "empty" and t.empty_statement is None


def test_a_notes_row_does_not_make_an_amount_column_a_name_column() -> None:
    # 三公 table of one data row and no label column: the first cell is 预算数/合计, not a name.
    grid = [
        ["预算数", "<", "<", "决算数", "<", "<"],
        ["合计", "因公出国（境）费", "公务接待费", "合计", "因公出国（境）费", "公务接待费"],
        ["7.50", "0.00", "7.50", "6.68", "0.00", "6.68"],
        ["注：本表反映部门本年度“三公”经费支出预算和决算情况。", "<", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "一般公共预算财政拨款“三公”经费支出决算表")
    assert len(t.lines) == 1
    line = t.lines[0]
    assert line.name == ""
    assert line.values["预算数/合计"].value == Decimal("7.50")
    assert line.values["决算数/公务接待费"].value == Decimal("6.68")
