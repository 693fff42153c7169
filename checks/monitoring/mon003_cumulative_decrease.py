"""MON003 cumulative_decrease: a cumulative 执行数 that falls from one period to the next.

Finds: two monitoring tables of consecutive periods of the same unit, year, kind and project
(1-6月 and 1-9月 …) where a line's 执行数 of the later one is certainly below the earlier one's
(beyond the rounding of both printed figures).
Why it matters: 执行数 is cumulative from January; it can only grow. A decrease means one of the
two tables is wrong (a period's own spending entered instead of the cumulative figure, or a typo).
Example: 项目支出 1-6月执行数 80.00 万元, 1-9月执行数 62.50 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit, number_evidence
from checks.common.monitoring import period_pairs, report_fmt, report_subject, reports, role
from checks.common.params import NoParams
from checks.common.tolerance import definitely_less
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES


@rule("MON003", "cumulative_decrease", severity="error", params=NoParams)
def cumulative_decrease(ctx: RuleContext) -> Iterator[Finding]:
    """A later period's cumulative 执行数 is below an earlier period's for the same line."""
    for earlier, later in period_pairs(reports(ctx)):
        for line in later.lines:
            before = earlier.line(line.name)
            if before is None or before.executed is None or line.executed is None:
                continue
            if not definitely_less(line.executed, before.executed):
                continue
            evidence = [
                number_evidence(role(earlier, "executed", line.name), before.executed),
                number_evidence(role(later, "executed", line.name), line.executed),
            ]
            decimals = max(amount_decimals(before.executed), amount_decimals(line.executed))
            decrease = before.executed.value - line.executed.value
            mu = message_unit([before.executed, line.executed])
            details = {
                "earlier_period": earlier.period,
                "earlier": amount_text(before.executed),
                "later_period": later.period,
                "later": amount_text(line.executed),
                "decrease": format_amount(decrease, decimals),
            }
            yield ctx.finding(
                report_subject(later, line.name, COLUMN_NAMES["executed"]),
                evidence,
                details,
                **report_fmt(ctx, later),
                line=line.name,
                earlier_period=earlier.period,
                earlier=mu.amount(before.executed),
                later_period=later.period,
                later=mu.amount(line.executed),
                decrease=mu.value(decrease),
                amount_unit=mu.unit,
            )
