"""The year's execution rate per line whose budget is known, for the scoring stage."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from conftest import ROOT
from extractors.executions import from_tables
from textnorm.numbers import amount
from schemas.final_accounts import PublicationLine, PublicationTable
from schemas.provenance import SourceRef
from test_final_accounts_realdocs import FINANCE_2024, pub

KEY = ROOT / "tests" / "data" / "final_accounts" / "上海市普陀区财政局2024年度部门决算.json"
REF = SourceRef(file_sha256="0" * 64, file_name="决算.html", table=1, row=5, column=3)


def _line(name: str, code: str | None, **values: str) -> PublicationLine:
    return PublicationLine(code=code, name=name, ref=REF,
                           values={k: amount(v, REF, "万元") for k, v in values.items()})


def _table(key: str, lines: list[PublicationLine]) -> PublicationTable:
    return PublicationTable(title=key, key=key, title_ref=REF, table=1, pages=[1], status="present",
                            amount_unit="万元", lines=lines)


def _pct(actual: str, budget: str) -> str:
    return format((Decimal(actual) / Decimal(budget) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP), "f")


def test_table_lines_with_budget_and_final_columns() -> None:
    table = _table("支出决算表", [_line("行政运行", "2010101", **{"年初预算数": "1164.62", "决算数": "1164.62"}),
                                  _line("一般行政管理事务", "2010102", **{"全年预算数": "80.00", "决算数": "60.00"}),
                                  _line("机关服务", "2010103", **{"决算数": "12.00"})])
    got = [(e.subject, e.code, e.budget_kind, e.rate) for e in from_tables([table])]
    assert got == [("行政运行", "2010101", "年初预算", "100.00"), ("一般行政管理事务", "2010102", "全年预算", "75.00")]


def test_a_zero_budget_has_no_rate() -> None:
    table = _table("财政拨款“三公”经费支出决算表",
                   [_line("", None, **{"公务接待费/预算数": "0", "公务接待费/决算数": "0.50"})])
    [execution] = from_tables([table])
    assert execution.subject == "公务接待费" and execution.rate is None


def test_finance_bureau_2024_executions_follow_the_answer_key(realdocs: Path) -> None:
    """Budgets and 决算 read by eye (the answer key's narrative figures) give the rates."""
    key = {f["about"]: f["value"] for f in json.loads(KEY.read_text("utf-8"))["narrative_figures"]}
    publication = pub(realdocs, FINANCE_2024)
    by_subject = {(e.source, e.subject): e for e in publication.executions}

    admin = by_subject[("narrative", "行政运行")]
    budget, actual = key["2010601 行政运行 年初预算"], key["2010601 行政运行 决算"]
    assert (admin.code, admin.budget.value, admin.actual.value) == ("2010601", Decimal(budget), Decimal(actual))
    assert admin.rate == _pct(actual, budget) == "96.91"

    total = by_subject[("narrative", "一般公共预算财政拨款支出")]
    assert total.rate == "98.20" and total.stated_rate is not None and total.stated_rate.value == Decimal("98.20")

    three_public = by_subject[("table", "财政拨款“三公”经费")]
    assert (three_public.budget.value, three_public.actual.value, three_public.rate) == (
        Decimal(key["三公经费 合计 年初预算"]), Decimal("0"), "0.00")

