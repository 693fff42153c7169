"""FIN007 cross_table_mismatch: the same figure in two tables."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin007_class_amount_differs_between_tables() -> None:
    pub = key_pub(FINANCE)
    # 326.71 (p. 12) vs 326.72 (p. 15) is rounding; 326.69 is 0.03 off.
    set_value(pub, "财政拨款收入支出决算总表", "八、社会保障和就业支出", "支出/一般公共预算财政拨款", "326.69")
    found = check([pub], "FIN007")
    assert subjects(found) == {(
        "FIN007",
        "财政拨款收入支出决算总表 八、社会保障和就业支出｜一般公共预算财政拨款支出决算表 208 社会保障和就业支出",
        "支出/一般公共预算财政拨款")}
    assert "326.69万元" in found[0].message and "326.72万元" in found[0].message


def test_fin007_income_total_between_overview_and_income_table() -> None:
    pub = key_pub(SOCIAL)
    set_value(pub, "收入决算表", "合计", "本年收入合计", "307.92")
    assert subjects(check([pub], "FIN007")) == {
        ("FIN007", "收入支出决算总表 本年收入合计｜收入决算表 合计", "收入/决算数")}
    assert check([key_pub(SOCIAL)], "FIN007") == []
