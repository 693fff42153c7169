"""RPT006 report_change_miscalculated: a stated year-on-year change its amounts contradict.

Finds: each 较上年(同期)增长/下降 N% a report states for a budget line, against the stated current
执行数 and previous-year 执行数 of the same line and period (from the same sentence if it has them,
else the first stated): current ÷ previous must be 100 + N% (a rise) or 100 − N% (a fall) within
`rounding_units` units of the stated rate's last digit and the rounding of the amounts.
Why it matters: the change is how a report explains the trend; a wrong percentage, or a fall
called a rise, misstates the unit's spending against the year before.
Example: 1-6月执行509.47万元，上年同期执行480.00万元，较上年同期增长8.00%: 509.47 ÷ 480.00 − 1 = 6.14%.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, rate_text
from checks.common.narrative_report import RoundingParams, budget_figures, ev, fmt, reports, subject
from checks.common.tolerance import HUNDRED, computed_rate, rate_matches, round_half_up
from schemas.findings import Finding


class Params(RoundingParams):
    """rounding_units: the tolerance of the stated change, in units of its last printed digit."""


@rule("RPT006", "report_change_miscalculated", severity="error", params=Params)
def report_change_miscalculated(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 较上年增长/下降 N% differs from the stated current and previous-year amounts."""
    p: Params = ctx.args
    units = p.rounding_units
    for report in reports(ctx):
        figs = budget_figures(report)
        for fig in figs:
            if fig.measure != "变动率" or fig.comparison is None:
                continue
            previous = next((f for f in figs if f.line == fig.line and f.measure == "上年执行数"
                             and f.period_months == fig.period_months and f.text == fig.text), None) or \
                next((f for f in figs if f.line == fig.line and f.measure == "上年执行数"
                      and f.period_months == fig.period_months), None)
            current = next((f for f in figs if f.line == fig.line and f.measure == "执行数"
                            and f.period_months == fig.period_months and f.text == fig.text), None) or \
                next((f for f in figs if f.line == fig.line and f.measure == "执行数"
                      and f.period_months == fig.period_months), None)
            if previous is None or current is None or previous.value.value <= 0:
                continue
            down = fig.comparison in ("下降", "减少", "降低")
            # current ÷ previous as a rate: 100 + N for a rise, 100 − N for a fall
            shifted_value = HUNDRED - fig.value.value if down else HUNDRED + fig.value.value
            shifted = fig.value.model_copy(update={"value": shifted_value})
            if rate_matches(shifted, current.value, previous.value, units):
                continue
            ratio = computed_rate(current.value, previous.value)
            assert ratio is not None
            change = ratio - HUNDRED
            shown = format(round_half_up(abs(change), fig.value.decimals or 2), "f")
            evidence = [ev(fig), ev(current), ev(previous)]
            mu = message_unit([current.value, previous.value])
            yield ctx.finding(
                subject(report, fig.line, "变动率", fig.period_months), evidence,
                {"reported": rate_text(fig.value), "computed": format(round_half_up(change, 4), "f")},
                **fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                compared=fig.compared_to or "上年", word=fig.comparison, reported=rate_text(fig.value),
                current=mu.amount(current.value), previous=mu.amount(previous.value), amount_unit=mu.unit,
                computed_word="增长" if change >= 0 else "下降", computed=shown)
