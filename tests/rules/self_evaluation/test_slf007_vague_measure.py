"""SLF007 vague_measure: an improvement measure made of stock phrases."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_slf007_stock_phrases_only():
    rows = replace(INDICATORS, 1, actual="86%", score="40", deviation="部分居民有意见。下一步将加强学习，细化措施")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF007")
    assert "加强学习" in f.details["phrases"] and "细化措施" in f.details["phrases"]


def test_slf007_measure_with_owner_and_date_is_fine():
    rows = replace(INDICATORS, 1, actual="86%", score="40",
                   deviation="部分居民有意见。下一步将加强学习，由党政办负责，2025年3月底前增设自助服务窗口")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF007") == []
