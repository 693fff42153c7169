"""SLF003 score_above_maximum: a 得分 above its 分值.

Finds: on every scored line of the 年度预算资金 block and every indicator with both figures, a 得分
that is greater than its 分值 beyond print precision.
Why it matters: no indicator can earn more than it is worth; a score above the maximum inflates
the total and usually hides a mistyped score or 分值.
Example: “项目支出预算执行率” 分值 45, 得分 46.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence
from checks.common.params import NoParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    indicator_names as _names,
    points_text as _points,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.tolerance import definitely_less
from schemas.findings import Evidence, Finding
from schemas.numbers import PrintedNumber
from schemas.self_evaluation import SelfEvaluation


def _scored(rec: SelfEvaluation) -> Iterator[tuple[str, PrintedNumber, PrintedNumber, list[Evidence]]]:
    for line in rec.lines:
        if line.score is not None and line.max_score is not None:
            yield line.name, line.score, line.max_score, []
    for name, ind in zip(_names(rec), rec.indicators):
        if ind.score is not None and ind.max_score is not None:
            yield name, ind.score, ind.max_score, [Evidence(role=f"三级指标（{name}）", raw=ind.level3,
                                                            ref=ind.ref.with_label())]


@rule("SLF003", "score_above_maximum", severity="error", params=NoParams)
def score_above_maximum(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator's (or the budget line's) 得分 exceeds its 分值."""
    for rec in _records(ctx):
        for name, score, max_score, extra in _scored(rec):
            if not definitely_less(max_score, score):
                continue
            evidence = [*extra, number_evidence(f"得分（{name}）", score), number_evidence(f"分值（{name}）", max_score)]
            yield ctx.finding(_subject(rec, name, "得分"), evidence,
                              {"score": _points(score), "max_score": _points(max_score)}, **_fmt(ctx, rec),
                              indicator=name, score=_points(score), max_score=_points(max_score))
