"""SLF011 actual_copies_target_expression: an 实际完成值 written as a target expression.

Finds: an indicator whose 实际完成值 was read with a comparison operator and contains one of the
`operator_words` (≥, 不低于, 以上 … compared NFKC-folded; 达到/完成 are not among them), unless its
unit is one of `skip_units` (a deadline: 12月底前). `message_no_target` when the 年度指标值 is blank.
Why it matters: the actual is what was achieved; copying the target's “≥266米” states no result, so
whether the target was met cannot be checked, yet such indicators usually get full marks.
Example: “道路清扫长度” 年度指标值 ≥266米, 实际完成值 ≥266米 (instead of the metres measured).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    form_label,
    indicator_ev,
    indicator_names,
    self_evaluations,
    subject,
    target_expression,
)
from checks.common.targets import name_key
from schemas.findings import Finding


class Params(RuleParams):
    operator_words: list[str]  # spellings that make an actual a target expression
    skip_units: list[str]  # units of actuals never reported (日期: a deadline)


@rule("SLF011", "actual_copies_target_expression", severity="warning", params=Params)
def actual_copies_target_expression(ctx: RuleContext) -> Iterator[Finding]:
    """The 实际完成值 carries a comparison (`≥266米`, `不低于95%`): a target expression, not the
    measured figure."""
    p: Params = ctx.args
    for rec in self_evaluations(ctx):
        for name, ind in zip(indicator_names(rec), rec.indicators):
            actual = ind.actual
            word = target_expression(actual, p.model_dump()) if actual is not None else None
            if actual is None or word is None:
                continue
            target = ind.target.raw if ind.target is not None else ""
            same = ind.target is not None and name_key(target) == name_key(actual.raw)
            evidence = indicator_ev(ind, name)
            template = "message" if ind.target is not None else "message_no_target"
            details = {"indicator": ind.level3, "target": target, "actual": actual.raw, "operator": word,
                       "same_as_target": same}
            yield ctx.finding(subject(rec, name, "实际完成值"), evidence, details, template,
                              doc=form_label(ctx, rec), indicator=name, target=target, actual=actual.raw)
