"""SLF010 met_indicator_marked_down_without_reason: a met indicator that lost points with no reason given.

Finds: an indicator whose 实际完成值 reaches its 年度指标值 (as SLF005/SLF006 compare them, and inside
a range target such as 1-2次), whose 得分 is below its 分值 by more than `min_points_lost`, and whose
偏差说明 gives no reason (`message`; `message_measure_only` when it gives a measure only). An actual
written as a target expression (SLF011's `operator_words`) is left to SLF011.
Why it matters: a deduction the form does not explain cannot be checked; the evaluator cannot tell
a justified deduction from an arbitrary one.
Example: “项目支出预算执行率” ≥90%, 实际完成值 90%, 得分 25 of 30 (扣5分), 偏差说明 blank.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence, text_evidence
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    form_label,
    indicator_ev,
    indicator_names,
    points_text,
    self_evaluations,
    subject,
    target_expression,
    target_reached,
)
from checks.common.targets import name_key
from checks.common.tolerance import definitely_less
from schemas.findings import Finding
from schemas.self_evaluation import SelfEvalIndicator


class Params(RuleParams):
    min_points_lost: Decimal  # points lost (分值 − 得分) at or below this are not reported


def _reached_exactly(ind: SelfEvalIndicator, expression_params: dict[str, Any]) -> bool:
    """The actual reaches the target (and stays inside a range target `1-2次`); an actual written
    as a target expression (SLF011's configuration) or with no content is not taken as reached."""
    if ind.target is None or ind.actual is None or not name_key(ind.actual.raw):
        return False
    if target_expression(ind.actual, expression_params) is not None:
        return False
    if target_reached(ind) is not True:
        return False
    upper, number = ind.target.upper, ind.actual.number
    return upper is None or number is None or number <= upper


@rule("SLF010", "met_indicator_marked_down_without_reason", severity="warning", params=Params)
def met_indicator_marked_down_without_reason(ctx: RuleContext) -> Iterator[Finding]:
    """The actual reaches the target, yet the indicator scores below its 分值 and no deviation
    reason says why."""
    p: Params = ctx.args
    min_lost = p.min_points_lost
    expression_params = (ctx.rules_config.get("SLF011") or {}).get("params") or {}
    for rec in self_evaluations(ctx):
        for name, ind in zip(indicator_names(rec), rec.indicators):
            if ind.score is None or ind.max_score is None or not definitely_less(ind.score, ind.max_score):
                continue
            if ind.max_score.value - ind.score.value <= min_lost:
                continue
            if ind.reason is not None or not _reached_exactly(ind, expression_params):
                continue
            assert ind.target is not None and ind.actual is not None
            evidence = indicator_ev(ind, name) + [number_evidence(f"得分（{name}）", ind.score),
                                                  number_evidence(f"分值（{name}）", ind.max_score)]
            template = "message"
            if ind.measure is not None:  # a measure but no reason
                evidence.append(text_evidence(f"改进措施（{name}）", ind.measure))
                template = "message_measure_only"
            lost = ind.max_score.value - ind.score.value
            details = {"indicator": ind.level3, "target": ind.target.raw, "actual": ind.actual.raw,
                       "score": points_text(ind.score), "max_score": points_text(ind.max_score),
                       "lost": format(lost, "f"), "measure": ind.measure.text if ind.measure else ""}
            yield ctx.finding(subject(rec, name, "得分"), evidence, details, template, doc=form_label(ctx, rec),
                              indicator=name, target=ind.target.raw, actual=ind.actual.raw,
                              score=points_text(ind.score), max_score=points_text(ind.max_score),
                              lost=format(lost, "f"), measure=details["measure"])
