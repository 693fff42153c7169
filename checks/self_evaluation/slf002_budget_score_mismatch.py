"""SLF002 budget_score_mismatch: a 预算执行得分 that the score rule does not give.

Finds: for each line with 分值, 得分, 全年执行数 and 全年预算数, a 得分 outside the scores the configured
rule gives over the execution rates the printed amounts allow: 分值 × 执行率 (at most 分值 when
`cap_at_max`), or full marks from `full_at` percent on; the 得分 may be rounded or truncated to its
printed decimals. The expected score is shown to `score_decimals` decimals.
Why it matters: the 预算执行 points are a fixed share of the self-evaluation's total; a unit that
gives itself full marks for a partial execution inflates its grade.
Example: 年度资金总额 分值 10, 执行率 1030.25 ÷ 1164.62 = 88.46%, 得分 10; it should be 8.85.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    points_text as _points,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.tolerance import computed_rate, rate_interval, round_half_up
from schemas.findings import Finding


class Params(RuleParams):
    cap_at_max: bool  # the score is at most the 分值
    full_at: Decimal | None  # full marks from this execution rate (percent) on; null: proportional only
    score_decimals: int  # decimals of the expected score in the message


def expected_budget_score(max_score: Decimal, rate: Decimal, params: Params) -> Decimal:
    """The 预算执行 score the rule in rules.yaml gives: 分值 × 执行率 (capped at 分值), or full
    marks from `full_at` percent on."""
    full_at = params.full_at
    if full_at is not None and rate >= Decimal(str(full_at)):
        return max_score
    score = max_score * rate / Decimal(100)
    return min(score, max_score) if params.cap_at_max else score


@rule("SLF002", "budget_score_mismatch", severity="error", params=Params)
def budget_score_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """预算执行得分 ≠ the configured score rule applied to the execution rate."""
    p: Params = ctx.args
    places = p.score_decimals
    for rec in _records(ctx):
        for line in rec.lines:
            if line.score is None or line.max_score is None or line.executed is None or line.annual_budget is None:
                continue
            interval = rate_interval(line.executed, line.annual_budget)
            rate = computed_rate(line.executed, line.annual_budget)
            if interval is None or rate is None:
                continue
            low = expected_budget_score(line.max_score.value, interval[0], p)
            high = expected_budget_score(line.max_score.value, interval[1], p)
            slack = line.score.resolution  # a score printed to d decimals may be rounded or truncated
            if low - slack < line.score.value < high + slack:
                continue
            expected = round_half_up(expected_budget_score(line.max_score.value, rate, p), places)
            evidence = [number_evidence(f"得分（{line.name}）", line.score),
                        number_evidence(f"分值（{line.name}）", line.max_score),
                        number_evidence(f"全年执行数（{line.name}）", line.executed),
                        number_evidence(f"全年预算数（{line.name}）", line.annual_budget)]
            computed_rate_text = format(round_half_up(rate, 2), "f")
            details = {"score": _points(line.score), "max_score": _points(line.max_score),
                       "rate": computed_rate_text, "expected": format(expected, "f")}
            yield ctx.finding(_subject(rec, line.name, "得分"), evidence, details, **_fmt(ctx, rec),
                              line=line.name, score=_points(line.score), max_score=_points(line.max_score),
                              rate=computed_rate_text, expected=format(expected, "f"))
