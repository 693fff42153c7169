"""SLF004 total_score_mismatch: a 总分 that is not the sum of the scores.

Finds: a 总分 that differs from the budget-execution score (the 资金总额 / 合计 line's 得分 when it
has one, else every scored line's) plus every indicator's 得分 by more than half a unit of the
总分's last printed digit (the parts are given, not measured: exact as printed).
Why it matters: the 总分 is the grade the unit reports; if its parts do not add up to it, either
a score or the total is wrong, and the grade cannot be trusted.
Example: 预算执行 10 + 45 + 45 = 100 分, but the 总分 row says 97.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence
from checks.common.params import NoParams
from checks.common.self_evaluation import (
    TOTAL_LINE,
    form_fields as _fmt,
    points_text as _points,
    self_evaluations as _records,
    subject as _subject,
)
from schemas.findings import Finding


@rule("SLF004", "total_score_mismatch", severity="error", params=NoParams)
def total_score_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """总分 ≠ the budget-execution score plus the indicators' scores."""
    for rec in _records(ctx):
        if rec.total_score is None:
            continue
        # the budget-execution score is the total line's when it has one (a table that also scores
        # 财政拨款 / 其他资金 scores the same money twice), else every scored line's
        total_line = next((ln for ln in rec.lines if ln.name in (TOTAL_LINE, "合计") and ln.score is not None), None)
        parts = [total_line.score] if total_line is not None else [ln.score for ln in rec.lines if ln.score is not None]
        parts += [ind.score for ind in rec.indicators if ind.score is not None]
        if not parts:
            continue
        # Scores are given, not measured: each part is exact as printed; only the total may be
        # rounded to its last printed digit.
        computed = sum((p.value for p in parts), Decimal(0))
        difference = rec.total_score.value - computed
        if abs(difference) <= rec.total_score.half_unit:
            continue
        evidence = [number_evidence("总分", rec.total_score)] + [number_evidence("分项得分", p) for p in parts]
        details = {"total": _points(rec.total_score), "computed": format(computed, "f"),
                   "difference": format(difference, "f"), "parts": len(parts)}
        yield ctx.finding(_subject(rec, "总分", "得分"), evidence, details, **_fmt(ctx, rec),
                          total=_points(rec.total_score), computed=format(computed, "f"), count=len(parts),
                          difference=format(difference, "f"), cited=1)
