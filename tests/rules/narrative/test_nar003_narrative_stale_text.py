"""NAR003 narrative_stale_text: template text or another year's text left in."""

from __future__ import annotations

from checks.narrative.nar003_narrative_stale_text import stale_problems
from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)


def test_stale_text_placeholders_alternatives_instructions_and_years() -> None:
    words = ["如持平作持平表述"]
    assert stale_problems("上海市XX局2024年度收入支出总计XXX万元。", 2024, words) == ["占位符“XX”"]
    assert stale_problems("收入支出总计增加（减少）5万元，（如持平作持平表述）", 2024, words) == [
        "未选定的“增加（减少）”", "模板说明“如持平作持平表述”"]
    assert stale_problems("本局2023年度收入支出总计5万元。与2022年度相比，增加1万元。", 2024, words) == [
        "年度“2023年”（本文件为2024年度）", "与2022年相比（应为与2023年相比）"]
    assert stale_problems("与2023年度相比持平；截至2024年12月31日共有车辆0辆。", 2024, words) == []
    # A 2025 budget is prepared in 2024 (上海市普陀区财政局部门25年预算, p. 22: 截至2024年8月31日).
    assert stale_problems("截至2024年8月31日，财政局共有车辆0辆。", 2025, words, "预算") == []
    assert stale_problems("截至2024年8月31日，财政局共有车辆0辆。", 2025, words) == ["年度“2024年”（本文件为2025年度）"]
    found = run(make_pub("本局2023年度收入支出总计5.00万元。"), "NAR003")
    assert [f.details["problems"] for f in found] == [["年度“2023年”（本文件为2024年度）"]]
    assert "沿用往年文字" in found[0].message


def test_nar003_this_years_sentence_is_not_flagged() -> None:
    # A 决算 may name its year (and the next); a comparison names the previous year.
    assert run(make_pub("本局2024年度收入支出总计5.00万元。与2023年度相比，增加1.00万元。"), "NAR003") == []
