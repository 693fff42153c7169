"""SLF001 self_evaluation_rate_mismatch: a 执行率 that the line's own amounts do not give.

Finds: for each line of the 年度预算资金 block (资金总额, 财政拨款 …) with 全年执行数, 全年预算数 (> 0)
and a reported 执行率, a rate outside what 全年执行数 ÷ 全年预算数 can give once every figure is
allowed its print precision (the rate rounded or truncated to its printed decimals;
`rounding_units` units of its last digit).
Why it matters: the 执行率 feeds the 预算执行 score and the evaluator's judgement of the year; a
rate computed on the wrong budget (often the 年初预算数) or mistyped overstates the execution.
Example: 年度资金总额 执行率 93.66%, but 全年执行数 1030.25 ÷ 全年预算数 1164.62 = 88.46% (93.66% is
1030.25 ÷ the 年初预算数 1100.00).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, exact_text, message_unit, number_evidence, rate_text
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.tolerance import computed_rate, rate_interval, rate_matches, round_half_up
from schemas.findings import Finding


class Params(RuleParams):
    rounding_units: Decimal  # units of the rate's last printed digit allowed besides rounding


@rule("SLF001", "self_evaluation_rate_mismatch", severity="error", params=Params)
def self_evaluation_rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Reported 执行率 differs from 全年执行数 ÷ 全年预算数 beyond print precision."""
    p: Params = ctx.args
    units = p.rounding_units
    for rec in _records(ctx):
        for line in rec.lines:
            executed, budget, reported = line.executed, line.annual_budget, line.reported_rate
            if executed is None or budget is None or reported is None or budget.blank or budget.value <= 0:
                continue
            if rate_matches(reported, executed, budget, units):
                continue
            rate = computed_rate(executed, budget)
            interval = rate_interval(executed, budget)
            assert rate is not None and interval is not None
            computed = format(round_half_up(rate, reported.decimals), "f")
            evidence = [number_evidence(f"执行率（{line.name}）", reported),
                        number_evidence(f"全年执行数（{line.name}）", executed),
                        number_evidence(f"全年预算数（{line.name}）", budget)]
            details = {"reported": rate_text(reported), "computed": computed, "computed_exact": exact_text(rate),
                       "executed": amount_text(executed), "annual_budget": amount_text(budget)}
            mu = message_unit([executed, budget])
            yield ctx.finding(_subject(rec, line.name, "执行率"), evidence, details, **_fmt(ctx, rec),
                              line=line.name, reported=rate_text(reported), executed=mu.amount(executed),
                              budget=mu.amount(budget), amount_unit=mu.unit, computed=computed)
