"""FIN005 overview_sides_unequal: 收入总计 = 支出总计 of a 总表."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin005_sides_of_the_overview_differ() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "2,995.41")
    found = check([pub], "FIN005")
    assert subjects(found) == {("FIN005", "收入支出决算总表 总计", "支出/决算数")}
    assert "2995.39万元" in found[0].message and "2995.41万元" in found[0].message


def test_fin005_one_unit_apart_is_rounding() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "2,995.40")
    assert check([pub], "FIN005") == []
