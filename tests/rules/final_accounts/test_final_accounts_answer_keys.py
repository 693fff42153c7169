"""The answer keys as printed: every discrepancy in them is rounding, and it is compared, not skipped."""

from __future__ import annotations

import pytest

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


@pytest.mark.parametrize("stem", [FINANCE, SOCIAL])
def test_answer_key_publications_raise_nothing(stem: str) -> None:
    # Every table-internal and between-table discrepancy in these keys is classified rounding.
    assert run_checks([key_pub(stem)], load_config(), only=FIN_RULES) == []


def test_rounding_cases_of_the_key_are_compared_not_skipped() -> None:
    # With a negative tolerance every compared relation is reported: the README's rounding cases
    # must be among them, so "no finding" above means "within tolerance", not "never looked".
    config = load_config()
    for rid in ("FIN001", "FIN002", "FIN004", "FIN007"):
        config["rules"][rid]["params"]["tolerance_scale"] = -1
    finance = subjects(run_checks([key_pub(FINANCE)], config, only=["FIN001", "FIN002", "FIN007"]))
    assert ("FIN001", "一般公共预算财政拨款基本支出决算表 302 商品和服务支出", "决算数") in finance
    assert ("FIN001", "一般公共预算财政拨款基本支出决算表 301 工资福利支出", "决算数") in finance
    assert ("FIN002", "一般公共预算财政拨款支出决算表 合计", "合计") in finance
    pair = "财政拨款收入支出决算总表 八、社会保障和就业支出｜一般公共预算财政拨款支出决算表 208 社会保障和就业支出"
    assert ("FIN007", pair, "支出/一般公共预算财政拨款") in finance
    social = subjects(run_checks([key_pub(SOCIAL)], config, only=["FIN004"]))
    assert social == {("FIN004", "一般公共预算财政拨款支出决算表 合计", "基本支出")}
