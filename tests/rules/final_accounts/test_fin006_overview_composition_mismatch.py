"""FIN006 overview_composition_mismatch: a 总表 side adds up."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin006_items_and_carry_over_rows_of_the_overview() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "八、社会保障和就业支出", "支出/决算数", "326.81")
    set_value(pub, "财政拨款收入支出决算总表", "年末财政拨款结转和结余", "支出/合计", "21.70")
    found = check([pub], "FIN006")
    assert subjects(found) == {
        ("FIN006", "收入支出决算总表 本年支出合计", "支出/决算数"),
        ("FIN006", "财政拨款收入支出决算总表 总计", "支出/合计"),
    }
    total = next(f for f in found if f.subject.line.endswith("总计"))
    assert "“本年支出合计”2940.05万元＋“年末财政拨款结转和结余”21.70万元" in total.message


def test_fin006_rounding_within_the_overview() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "八、社会保障和就业支出", "支出/决算数", "326.72")
    assert check([pub], "FIN006") == []
