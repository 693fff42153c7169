"""The FIN rules on the real publications (extraction and parsing included): the exact findings."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import need

from checks import load_config, run_checks
from extractors import extract
from extractors.kinds import get_kind
from schemas.findings import Finding, Severity
from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


@cache
def _real_pub(path: str) -> list:
    return get_kind("final_accounts").parse(extract(path))


def real(realdocs: Path, name: str) -> list:
    path = realdocs / name
    need(path.exists(), str(path))
    return _real_pub(str(path))


@pytest.mark.parametrize(("name", "expected"), [
    (f"{FINANCE}.pdf", set()),
    (f"{SOCIAL}.pdf", set()),
    (BUDGET_2025, set()),
    (JIANGSU_TABLES, set()),
    (TEMPLATE, {("FIN012", "模板", "")}),
    (JIANGSU_PROSE, {("FIN010", "公开表格", "")}),
])
def test_real_publications_exact_findings(realdocs: Path, name: str, expected: set) -> None:
    # The genuine errors the answer keys list are all narrative ↔ table; the tables themselves
    # only disagree by rounding, so the table rules must stay silent on every real publication.
    found = run_checks(real(realdocs, name), load_config(), only=FIN_RULES)
    assert subjects(found) == expected
    assert not [f for f in found if f.severity == Severity.ERROR]


def test_real_jiangsu_text_and_tables_together(realdocs: Path) -> None:
    records = real(realdocs, JIANGSU_PROSE) + real(realdocs, JIANGSU_TABLES)
    assert run_checks(records, load_config(), only=FIN_RULES) == []


def test_real_relations_are_compared(realdocs: Path) -> None:
    # Every sum rule had something to compare on the parsed PDFs (a negative tolerance reports
    # every comparison whose figures are not all blank).
    config = load_config()
    for rid in FIN_RULES[:8]:
        config["rules"][rid]["params"]["tolerance_scale"] = -1

    def compared(name: str) -> dict[tuple[str, str, str], Finding]:
        found = run_checks(real(realdocs, name), config, only=FIN_RULES[:8])
        return {(f.rule_id, f.subject.line, f.subject.column): f for f in found}

    finance = compared(f"{FINANCE}.pdf")
    assert {r for r, _, _ in finance} == set(FIN_RULES[:8])
    basic = "一般公共预算财政拨款基本支出决算表"
    assert finance[("FIN001", f"{basic} 302 商品和服务支出", "决算数")].details["computed"] == "171.09"
    assert finance[("FIN001", f"{basic} 301 工资福利支出", "决算数")].details["computed"] == "2082.86"
    assert finance[("FIN006", "财政拨款收入支出决算总表 总计", "支出/合计")].details["computed"] == "2961.68"
    assert finance[("FIN003", "支出决算表 2010601 行政运行", "本年支出合计")].details["computed"] == "1511.89"
    budget = compared(BUDGET_2025)
    assert budget[("FIN004", "一般公共预算支出功能分类预算表 合计", "一般公共预算支出/基本支出")
                  ].details["computed"] == "2512.1091"
    assert any(r == "FIN003" and line.startswith("“三公”经费预算表") and column == "“三公”经费预算数/合计"
               for r, line, column in budget)
    jiangsu = compared(JIANGSU_TABLES)
    assert jiangsu[("FIN006", "收支预算总表 当年支出小计", "支出/支出用途/金额")].details["computed"] == "27664.22"
    assert ("FIN007", "财政拨款收支预算总表 一、基本支出｜财政拨款基本支出预算表 合计",
            "支出/支出用途/金额") in jiangsu
    assert {column for r, line, column in jiangsu if r == "FIN003" and line.startswith("“三公”")} == {
        "合计", "“三公”经费/小计", "“三公”经费/公务用车购置及运行维护费/小计"}
