"""MON005 execution_below_threshold: a line spending slower than the period allows.

Finds: a line whose execution rate, computed from 执行数 ÷ 全年预算数 (never the reported 执行率,
which may be wrong: MON001), is certainly below the period's warning threshold
(`settings.execution_thresholds`, interpolated for periods not listed): even the highest rate
the printed amounts allow is below it.
Why it matters: slow execution is the main thing a monitoring table exists to reveal; the
evaluator must ask why, and MON006/MON007 check that the table says why and what will be done.
Example: 1-6月 项目支出 执行数 80.00 ÷ 全年预算数 478.00 = 16.74%, below the 1-6月 threshold.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.monitoring import below_threshold, report_fmt, report_subject, reports
from checks.common.params import NoParams
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES


@rule("MON005", "execution_below_threshold", severity="warning", params=NoParams)
def execution_below_threshold(ctx: RuleContext) -> Iterator[Finding]:
    """Computed execution rate below the period's warning threshold."""
    for report in reports(ctx):
        for line in report.lines:
            below = below_threshold(report, line, ctx.settings)
            if below is None:
                continue
            evidence = below.evidence(report, line.name)
            yield ctx.finding(
                report_subject(report, line.name, COLUMN_NAMES["reported_rate"]),
                evidence,
                below.details(report),
                **report_fmt(ctx, report),
                **below.fmt(report),
                line=line.name,
            )
