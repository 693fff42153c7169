"""RPT003 report_rate_differs_from_table: a stated 执行率 that differs from the table's.

Finds: each 执行率 a report states for a budget line, against the monitoring table of the same unit,
year, period and line: its filled-in 执行率 (a difference beyond the rounding of both printed rates),
or, when the table fills in none, the rate computed from the table's 执行数 and 全年预算数 (within
`rounding_units` units of the stated rate's last digit; `message_computed`). Once per line and period.
Why it matters: the report and its table are submitted together; two rates for the same line leave
the evaluator without a figure to score, and often one of them was copied from a stale version.
Example: the report says 基本支出 执行率47.27%, the table fills in 43.75%.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, number_evidence, rate_text
from checks.common.narrative_report import (
    RoundingParams,
    budget_figures,
    ev,
    fmt,
    lookup,
    reports,
    subject,
    table_facts,
)
from checks.common.tolerance import computed_rate, definitely_different, rate_matches, round_half_up
from schemas.findings import Finding


class Params(RoundingParams):
    """rounding_units: the tolerance of the stated rate against the table's amounts."""


@rule("RPT003", "report_rate_differs_from_table", severity="error", params=Params)
def report_rate_differs_from_table(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 执行率 differs from the table's 执行率 (filled in, else computed) for the same line."""
    p: Params = ctx.args
    units = p.rounding_units
    facts = table_facts(ctx)
    for report in reports(ctx):
        seen: set[tuple[str, int]] = set()
        for fig in budget_figures(report):
            if fig.measure != "执行率" or (fig.line, fig.period_months) in seen:
                continue
            for fact in lookup(ctx, report, fig, facts):
                if fact.computed_from is not None:
                    executed, budget = fact.computed_from
                    if rate_matches(fig.value, executed, budget, units):
                        continue
                    rate = computed_rate(executed, budget)
                    assert rate is not None
                    table_value = format(round_half_up(rate, fig.value.decimals or 2), "f")
                    evidence = [ev(fig), number_evidence(f"{fact.table}执行数（{fig.line}）", executed),
                                number_evidence(f"{fact.table}全年预算数（{fig.line}）", budget)]
                    mu = message_unit([executed, budget])
                    extra = {"template": "message_computed", "executed": mu.amount(executed),
                             "budget": mu.amount(budget), "amount_unit": mu.unit}
                else:
                    assert fact.value is not None
                    if not definitely_different(fig.value, fact.value):
                        continue
                    table_value = rate_text(fact.value)
                    evidence = [ev(fig), number_evidence(f"{fact.table}执行率（{fig.line}）", fact.value)]
                    extra = {}
                seen.add((fig.line, fig.period_months))
                yield ctx.finding(
                    subject(report, fig.line, "执行率", fig.period_months), evidence,
                    {"stated": rate_text(fig.value), "table_value": table_value},
                    **fmt(report, fig.period_months), line=fig.line, stated=rate_text(fig.value),
                    table=fact.table, table_value=table_value, **extra)
                break
