"""MON004 annual_budget_changed: a 全年预算数 that changes between periods without a word why.

Finds: two tables of consecutive periods (as MON003) where a line's 全年预算数 certainly differs
and neither the later table's 偏差原因 nor its 改进措施 of that line contains one of the
`adjustment_keywords` (调整, 追加, 调减 …).
Why it matters: the annual budget is the denominator of every execution rate; a silent change
makes rates of different periods incomparable and may hide a budget cut to lift the rate.
Example: 项目支出 全年预算数 1-6月 478.00 万元, 1-9月 400.00 万元, 说明 “按进度支付”.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit, number_evidence, text_evidence
from checks.common.monitoring import period_pairs, report_fmt, report_subject, reports
from checks.common.params import RuleParams
from checks.common.tolerance import definitely_different
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES
from textnorm.text import fold


class Params(RuleParams):
    adjustment_keywords: list[str]  # words that explain a budget adjustment


@rule("MON004", "annual_budget_changed", severity="warning", params=Params)
def annual_budget_changed(ctx: RuleContext) -> Iterator[Finding]:
    """全年预算数 changed between periods and the later table does not explain an adjustment."""
    p: Params = ctx.args
    keywords = [fold(k) for k in p.adjustment_keywords]
    for earlier, later in period_pairs(reports(ctx)):
        for line in later.lines:
            before = earlier.line(line.name)
            if before is None or before.annual_budget is None or line.annual_budget is None:
                continue
            if not definitely_different(before.annual_budget, line.annual_budget):
                continue
            texts = [t for t in (line.deviation_reason, line.measure) if t is not None]
            if any(k and k in fold(t.text) for t in texts for k in keywords):
                continue
            # Both figures are 全年预算数; the role names the period table each comes from.
            budget_name = COLUMN_NAMES["annual_budget"]
            evidence = [
                number_evidence(f"{earlier.period}表{budget_name}（{line.name}）", before.annual_budget),
                number_evidence(f"{later.period}表{budget_name}（{line.name}）", line.annual_budget),
            ]
            evidence += [text_evidence(f"{later.period}说明（{line.name}）", t) for t in texts if t.text]
            decimals = max(amount_decimals(before.annual_budget), amount_decimals(line.annual_budget))
            change = line.annual_budget.value - before.annual_budget.value
            change_text = ("+" if change > 0 else "") + format_amount(change, decimals)
            mu = message_unit([before.annual_budget, line.annual_budget])
            details = {
                "earlier_period": earlier.period,
                "earlier": amount_text(before.annual_budget),
                "later_period": later.period,
                "later": amount_text(line.annual_budget),
                "change": change_text,
            }
            yield ctx.finding(
                report_subject(later, line.name, COLUMN_NAMES["annual_budget"]),
                evidence,
                details,
                **report_fmt(ctx, later),
                line=line.name,
                earlier_period=earlier.period,
                earlier=mu.amount(before.annual_budget),
                later_period=later.period,
                later=mu.amount(line.annual_budget),
                change=("+" if change > 0 else "") + mu.value(change),
                amount_unit=mu.unit,
            )
