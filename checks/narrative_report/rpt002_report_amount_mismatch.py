"""RPT002 report_amount_mismatch: a stated amount that differs from a table's.

Finds: each 全年预算, 年初预算 or 执行数 a report states for a budget line, against the tables of the
same unit (equal, or one name ending with the other), year, period, line and column: a monitoring
table (every line), the unit's target table (年度资金总额 as 合计 年初预算, any period) and the
部门决算 (the year's 执行数 of 合计/基本支出/项目支出, for a self-evaluation report). A difference
beyond the rounding of both printed figures is reported once per line, period and column.
Why it matters: the report is read as the summary of the tables; an amount that differs from the
table it restates misleads the reader and hides which of the two documents is wrong.
Example: the report says 基本支出 执行486.99万元, the 1-6月 monitoring table 476.99万元 (相差10.00万元).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, message_unit, number_evidence
from checks.common.narrative_report import COLUMNS, budget_figures, ev, fmt, lookup, reports, subject, table_facts
from checks.common.params import NoParams
from checks.common.tolerance import definitely_different
from schemas.findings import Finding


@rule("RPT002", "report_amount_mismatch", severity="error", params=NoParams)
def report_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated budget or executed amount differs from the same unit/year/period/line of a table."""
    facts = table_facts(ctx)
    for report in reports(ctx):
        seen: set[tuple[str, int, str]] = set()
        for fig in budget_figures(report):
            if fig.measure not in ("全年预算", "年初预算", "执行数"):
                continue
            for fact in lookup(ctx, report, fig, facts):
                if fact.value is None or not definitely_different(fig.value, fact.value):
                    continue
                key = (fig.line, fig.period_months, fig.measure)
                if key in seen:
                    continue
                seen.add(key)
                column = COLUMNS[fig.measure]
                mu = message_unit([fig.value, fact.value])
                evidence = [ev(fig), number_evidence(f"{fact.table}{column}（{fig.line}）", fact.value)]
                yield ctx.finding(
                    subject(report, fig.line, column, fig.period_months), evidence,
                    {"stated": amount_text(fig.value), "table_value": amount_text(fact.value)},
                    **fmt(report, fig.period_months), line=fig.line, column=column,
                    stated=mu.amount(fig.value), table=fact.table, table_value=mu.amount(fact.value),
                    difference=mu.value(abs(fig.value.value - fact.value.value)), amount_unit=mu.unit)
