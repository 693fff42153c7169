"""MON009 negative_amount: a budget or execution figure below zero.

Finds: a line whose 年初预算数, 全年预算数 or 执行数 is negative.
Why it matters: MON001 cannot compute a rate from a negative budget, so without this rule a typo
such as `-958.63` passes in silence; budgets and cumulative spending are never negative.
Example: 基本支出 年初预算数 −958.63 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, number_evidence
from checks.common.monitoring import column_label, report_fmt, report_subject, reports, role
from checks.common.params import NoParams
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES
from schemas.numbers import PrintedNumber


@rule("MON009", "negative_amount", severity="error", params=NoParams)
def negative_amount(ctx: RuleContext) -> Iterator[Finding]:
    """A budget or execution figure below zero: MON001 cannot compute a rate from it, so without
    this rule a typo such as `-958.63` passes in silence. Example: 年初预算数 −958.63 万元."""
    for report in reports(ctx):
        for line in report.lines:
            for column in ("initial_budget", "annual_budget", "executed"):
                pn: PrintedNumber | None = getattr(line, column)
                if pn is None or pn.value >= 0:
                    continue
                mu = message_unit([pn])
                evidence = [number_evidence(role(report, column, line.name), pn)]
                yield ctx.finding(
                    report_subject(report, line.name, COLUMN_NAMES[column]),
                    evidence,
                    {"column": column, "value": str(pn.value)},
                    **report_fmt(ctx, report),
                    line=line.name,
                    column=column_label(report, column),
                    value=mu.amount(pn),
                    amount_unit=mu.unit,
                )
