"""RPT001 report_rate_miscalculated: a stated 执行率 that does not follow from the stated amounts.

Finds: for each 执行率 a report states for a budget line (合计, 基本支出, 人员经费, 公用经费, 项目支出),
the 执行数 and 全年预算 the report states for the same line and period (from the same sentence if
it has them, else the first stated); the rate is wrong when no rounding of the printed amounts
gives it, within `rounding_units` units of the rate's last printed digit.
Why it matters: the report's rate is what readers quote; a rate that its own amounts contradict
shows the figures were not checked, and the evaluator cannot tell which one is right.
Example: 基本支出预算1030.25万元，执行486.99万元，执行率43.75%: 486.99 ÷ 1030.25 = 47.27%.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, rate_text
from checks.common.narrative_report import RoundingParams, budget_figures, ev, fmt, reports, subject
from checks.common.tolerance import computed_rate, rate_matches, round_half_up
from schemas.findings import Finding
from schemas.narrative_report import ReportFigure


class Params(RoundingParams):
    """rounding_units: the tolerance of the stated rate, in units of its last printed digit."""


def _partner(figs: list[ReportFigure], rate_fig: ReportFigure, measures: tuple[str, ...]) -> ReportFigure | None:
    """The figure of the same line and period the rate belongs with: from the same sentence if
    it states one, else the first the report states."""
    same = [f for f in figs if f.line == rate_fig.line and f.period_months == rate_fig.period_months
            and f.measure in measures]
    for m in measures:
        for f in same:
            if f.measure == m and f.text == rate_fig.text:
                return f
    for m in measures:
        for f in same:
            if f.measure == m:
                return f
    return None


@rule("RPT001", "report_rate_miscalculated", severity="error", params=Params)
def report_rate_miscalculated(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 执行率 differs from the stated 执行数 ÷ stated 全年预算数 beyond print precision."""
    p: Params = ctx.args
    units = p.rounding_units
    for report in reports(ctx):
        figs = budget_figures(report)
        for fig in figs:
            if fig.measure != "执行率":
                continue
            executed = _partner(figs, fig, ("执行数",))
            budget = _partner(figs, fig, ("全年预算",))
            if executed is None or budget is None or budget.value.value <= 0:
                continue
            if rate_matches(fig.value, executed.value, budget.value, units):
                continue
            computed = computed_rate(executed.value, budget.value)
            assert computed is not None
            evidence = [ev(fig), ev(executed), ev(budget)]
            shown = format(round_half_up(computed, fig.value.decimals or 2), "f")
            mu = message_unit([executed.value, budget.value])
            yield ctx.finding(
                subject(report, fig.line, "执行率", fig.period_months), evidence,
                {"reported": rate_text(fig.value), "computed": shown, "computed_exact": str(computed)},
                **fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                reported=rate_text(fig.value), executed=mu.amount(executed.value),
                budget=mu.amount(budget.value), amount_unit=mu.unit, computed=shown)
