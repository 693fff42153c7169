"""SLF006 unmet_indicator_without_measure: an indicator not met with no reason or no measure.

Finds: an indicator not met — the actual falls short of a comparable target, or (when the two
cannot be compared, e.g. qualitative values that differ) it lost points — whose 偏差原因分析及改进措施
gives a reason but no measure (`message`), a measure but no reason (`message_no_reason`), or
nothing (`message_empty`).
Why it matters: a shortfall must be explained and followed up; without a reason and a measure the
evaluation cannot tell whether the unit knows why it missed the target or will do better.
Example: “服务对象满意度” ≥90%, 实际 86%, the deviation cell only says 部分居民对办事等候时间有意见.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import text_evidence
from checks.common.params import NoParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    indicator_ev as _indicator_ev,
    indicator_names as _names,
    self_evaluations as _records,
    subject as _subject,
    target_reached,
)
from checks.common.tolerance import definitely_less
from schemas.findings import Finding
from schemas.self_evaluation import SelfEvalIndicator


def _unmet(ind: SelfEvalIndicator) -> bool:
    """Not met: the actual falls short of a comparable target, or (when the two cannot be
    compared, e.g. qualitative values) the indicator lost points."""
    reached = target_reached(ind)
    if reached is not None:
        return not reached  # “满意” for “满意” is reached; points lost for other reasons
    return (ind.score is not None and ind.max_score is not None
            and definitely_less(ind.score, ind.max_score))


@rule("SLF006", "unmet_indicator_without_measure", severity="warning", params=NoParams)
def unmet_indicator_without_measure(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator not met whose 偏差原因分析及改进措施 gives no reason, or a reason but no measure."""
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if not _unmet(ind) or (ind.measure is not None and ind.reason is not None):
                continue
            evidence = _indicator_ev(ind, name)
            cell = ind.deviation or ind.reason or ind.measure
            if cell is not None:
                evidence.append(text_evidence(f"偏差原因分析及改进措施（{name}）", cell))
            if ind.reason is not None and ind.measure is None:
                template = "message"
            elif ind.measure is not None:
                template = "message_no_reason"
            else:
                template = "message_empty"
            target = ind.target.raw if ind.target is not None else ""
            actual = ind.actual.raw if ind.actual is not None else "（未填写）"
            details = {"indicator": ind.level3, "target": target, "actual": actual,
                       "reason": ind.reason.text if ind.reason else "", "measure": ind.measure.text if ind.measure else ""}
            yield ctx.finding(_subject(rec, name, "改进措施"), evidence, details, template, **_fmt(ctx, rec),
                              indicator=name, target=target, actual=actual,
                              reason=ind.reason.text if ind.reason else "",
                              measure=ind.measure.text if ind.measure else "")
