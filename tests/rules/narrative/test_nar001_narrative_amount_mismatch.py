"""NAR001 narrative_amount_mismatch: a stated amount against the table's cell."""

from __future__ import annotations

from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)


def test_nar001_reads_the_actual_column_of_a_detail_table_with_budget_columns() -> None:
    # Found on the generated county publication: 年初预算数 | 全年预算数 | 决算数/合计 … gave NAR001
    # no column to compare a 项's stated actual with.
    table = make_table("一般公共预算财政拨款支出决算表",
                   [("科目编码", "code"), ("科目名称", "name"), ("年初预算数", "amount"), ("全年预算数", "amount"),
                    ("决算数/合计", "amount"), ("决算数/基本支出", "amount"), ("决算数/项目支出", "amount")],
                   [("213", "农林水支出", ["492.00", "492.00", "486.32", "486.32", ""]),
                    ("21301", "农业农村", ["492.00", "492.00", "486.32", "486.32", ""]),
                    ("2130101", "行政运行", ["492.00", "492.00", "486.32", "486.32", ""])])
    line = "1、农林水支出（类）农业农村（款）行政运行（项）。年初预算为492.00万元，支出决算为{}万元。"
    assert run(make_pub_with([table], line.format("486.32")), "NAR001") == []
    found = run(make_pub_with([table], line.format("468.32")), "NAR001")
    assert [(f.subject.line, f.details["table"]) for f in found] == [("情况说明/2130101 行政运行", "486.32")]


def test_nar001_reads_a_three_public_table_laid_out_as_a_list() -> None:
    table = make_table("财政拨款“三公”经费支出决算表", [("项目", "name"), ("预算数", "amount"), ("决算数", "amount")],
                   [(None, "合计", ["57.00", "44.97"]), (None, "1.因公出国（境）费", ["6.00", "0.00"]),
                    (None, "2.公务用车购置及运行费", ["47.00", "41.95"]), (None, "3.公务接待费", ["4.00", "3.02"])])
    line = "“三公”经费财政拨款支出年初预算为57.00万元，支出决算为{}万元。"
    assert run(make_pub_with([table], line.format("44.97")), "NAR001") == []
    found = run(make_pub_with([table], line.format("45.97")), "NAR001")
    assert [(f.subject.line, f.details["table"]) for f in found] == [("情况说明/三公经费", "44.97")]
