"""NAR004 narrative_comparison_contradicted: comparison words against the numbers."""

from __future__ import annotations

from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)


def test_comparison_words_against_the_stated_budget() -> None:
    wrong = make_pub("1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为12.00万元。",
                 "决算数小于预算数的主要原因：人员减少。")
    found = run(wrong, "NAR004")
    assert len(found) == 1 and found[0].details == {"word": "小于", "actual": "12.00", "budget": "10.00"}
    assert "决算数并非“小于”预算数" in found[0].message
    right = make_pub("1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为12.00万元。",
                 "决算数大于预算数的主要原因：追加经费。")
    assert run(right, "NAR004") == []
    flat = make_pub("机关运行经费年初预算为10.00万元，支出决算为9.99万元。决算数与预算数持平。")
    assert len(run(flat, "NAR004")) == 1
    roughly = make_pub("机关运行经费年初预算为10.00万元，支出决算为9.99万元。决算数与预算数基本持平。")
    assert run(roughly, "NAR004") == []


def test_increase_with_a_falling_rate_is_contradicted() -> None:
    found = run(make_pub("机关运行经费支出50.00万元，比2023年度增加5.00万元，下降11.11%。"), "NAR004")
    assert [(f.details["amount_word"], f.details["rate_word"]) for f in found] == [("增加", "下降")]
