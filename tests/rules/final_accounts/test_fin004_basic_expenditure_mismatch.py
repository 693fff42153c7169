"""FIN004 basic_expenditure_mismatch: 人员经费 + 公用经费 = 基本支出."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin004_personnel_plus_public_against_basic_expenditure() -> None:
    pub = key_pub(SOCIAL)
    # The key's 95.36 + 10.23 = 105.59 vs 105.58 is rounding; 105.55 is 0.04 off (tolerance 0.015).
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "基本支出", "105.55")
    found = check([pub], "FIN004")
    assert subjects(found) == {("FIN004", "一般公共预算财政拨款支出决算表 合计", "基本支出")}
    assert "《一般公共预算财政拨款基本支出决算表》“人员经费合计”95.36万元" in found[0].message
    assert "“公用经费合计”10.23万元" in found[0].message and "105.59万元" in found[0].message
    assert check([key_pub(SOCIAL)], "FIN004") == []


def test_fin004_rounding_between_the_two_tables_is_not_flagged() -> None:
    pub = key_pub(SOCIAL)
    # 95.36 + 10.23 = 105.59; 105.60 is 0.01 off, within three half-units (0.015).
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "基本支出", "105.60")
    assert check([pub], "FIN004") == []
