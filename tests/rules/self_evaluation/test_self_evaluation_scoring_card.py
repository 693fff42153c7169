"""SLF010–SLF012 findings in the score card's 存在问题 and 对策建议."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_findings_reach_problems_and_suggestions():
    from scoring.card import build_problems, build_suggestions
    from test_scoring import ctx, finding

    for rule_id in ("SLF010", "SLF012"):
        (problem,) = build_problems(ctx([finding(rule_id, "产出指标")]))
        assert problem.title == "自评完成值填报与分值设置不够规范" and problem.rule_ids == [rule_id]
        assert problem.text.startswith("绩效自评表中实际完成值的填报") and "共1处" in problem.text
        assert [s.title for s in build_suggestions([problem])] == ["规范自评完成值填报与分值设置"]
    (problem,) = build_problems(ctx([finding("SLF011", "道路清扫长度"), finding("SLF010", "防汛演练次数")]))
    assert problem.text.startswith("绩效自评表中“道路清扫长度”等1项指标的实际完成值照抄目标值的比较表述")
    assert "共2处" in problem.text and "{" not in problem.text
