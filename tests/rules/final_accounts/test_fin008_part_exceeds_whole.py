"""FIN008 part_exceeds_whole: 一般公共预算财政拨款 ≤ all funds."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin008_general_budget_figure_exceeds_all_funds() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010607", "项目支出", "135.27")  # 支出决算表: 135.25
    found = check([pub], "FIN008")
    assert subjects(found) == {("FIN008", "一般公共预算财政拨款支出决算表 2010607 信息化建设｜支出决算表", "项目支出")}
    assert found[0].details["excess"] == "0.02"


def test_fin008_less_than_all_funds_is_fine() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010607", "项目支出", "135.26")  # one unit: rounding
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010608", "项目支出", "400.00")  # other funds pay the rest
    assert check([pub], "FIN008") == []
