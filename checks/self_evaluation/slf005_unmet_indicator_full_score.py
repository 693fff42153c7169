"""SLF005 unmet_indicator_full_score: an indicator that fell short of its target but got full marks.

Finds: an indicator whose 实际完成值 falls short of its 年度指标值 (numbers compared by the target's
operator, `falls_short`) while its 得分 is not below its 分值.
Why it matters: points are lost for targets missed; full marks for a missed target inflate the
grade and leave the shortfall unexplained.
Example: “项目支出预算执行率” 年度指标值 ≥90%, 实际完成值 85%, 得分 45 of 45.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence
from checks.common.params import NoParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    indicator_ev as _indicator_ev,
    indicator_names as _names,
    points_text as _points,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.tolerance import definitely_less, falls_short
from schemas.findings import Finding


@rule("SLF005", "unmet_indicator_full_score", severity="warning", params=NoParams)
def unmet_indicator_full_score(ctx: RuleContext) -> Iterator[Finding]:
    """The actual falls short of the target, yet the indicator gets its full 分值."""
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if ind.score is None or ind.max_score is None or falls_short(ind.target, ind.actual) is not True:
                continue
            if definitely_less(ind.score, ind.max_score):
                continue
            assert ind.target is not None and ind.actual is not None
            evidence = _indicator_ev(ind, name) + [number_evidence(f"得分（{name}）", ind.score),
                                                   number_evidence(f"分值（{name}）", ind.max_score)]
            yield ctx.finding(_subject(rec, name, "得分"), evidence,
                              {"target": ind.target.raw, "actual": ind.actual.raw, "score": _points(ind.score)},
                              **_fmt(ctx, rec), indicator=name, target=ind.target.raw, actual=ind.actual.raw,
                              score=_points(ind.score))
