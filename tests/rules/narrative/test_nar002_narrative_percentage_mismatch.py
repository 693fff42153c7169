"""NAR002 narrative_percentage_mismatch: shares, completion and growth rates."""

from __future__ import annotations

from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)


@pytest.mark.parametrize(("rate", "flagged"), [("9.09", False), ("10.00", True)])
def test_growth_rate_follows_from_the_change_and_this_year(rate: str, flagged: bool) -> None:
    pub = make_pub(f"机关运行经费支出50.00万元，比2023年度减少5.00万元，下降{rate}%。")  # 5 ÷ 55 = 9.0909%
    found = run(pub, "NAR002")
    assert bool(found) is flagged
    if flagged:
        assert Decimal(found[0].details["computed"]).quantize(Decimal("0.01")) == Decimal("9.09")


def test_growth_against_a_zero_base_is_not_flagged() -> None:
    # A unit founded this year: the whole amount is the increase; “增长100.00%” is the custom.
    assert run(make_pub("机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。"), "NAR002") == []


def test_share_and_completion_rate_at_print_precision() -> None:
    ok = make_pub("本年支出合计307.82万元，其中：住房保障支出（类）29.42万元，占9.55%。")  # 9.5575%: rounding
    assert run(ok, "NAR002") == []
    bad = make_pub("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的91.00%。")
    found = run(bad, "NAR002")
    assert len(found) == 1 and "按90.00万元÷100.00万元计算应为90.00%" in found[0].message
