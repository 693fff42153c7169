"""FIN002 total_row_mismatch: a 合计 row = Σ类."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin002_total_row_against_classes() -> None:
    pub = key_pub(FINANCE)
    # 类 rows add up to 2,940.06 (four 类 + the total: tolerance 0.025).
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "合计", "2,940.09")
    found = check([pub], "FIN002")
    assert subjects(found) == {("FIN002", "一般公共预算财政拨款支出决算表 合计", "合计")}
    assert found[0].details["computed"] == "2940.06" and "2940.09万元" in found[0].message


def test_fin002_rounding_and_the_personnel_side_total() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "合计", "2,940.08")  # 0.02 ≤ 0.025
    assert check([pub], "FIN002") == []
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "人员经费合计", "决算数", "2,152.36", side=1)
    assert subjects(check([pub], "FIN002")) == {
        ("FIN002", "一般公共预算财政拨款基本支出决算表 人员经费合计", "决算数")}
