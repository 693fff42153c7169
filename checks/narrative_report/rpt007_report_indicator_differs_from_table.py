"""RPT007 report_indicator_differs_from_table: a stated indicator value that differs from the table's.

Finds: each indicator value a report states (“‘开展政策宣传活动’已完成12次”), against the 实际完成值
of the same indicator (equal name, else one name only at settings `indicator_name_similarity`) in a
monitoring table of the same unit, year and period. Only point values in the same unit are compared
(no 完成率, ranges or operators), at the coarser printed precision of the two.
Why it matters: the report's account of the indicators is what the evaluator scores; a value
differing from the table it summarises makes the achievement unverifiable.
Example: the report says “开展政策宣传活动”已完成12次, the 1-6月 table's 实际完成值 is 10次.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_evidence
from checks.common.links import same_unit, similarity
from checks.common.monitoring import report_fmt
from checks.common.narrative_report import ev, fmt, reports, subject
from checks.common.params import NoParams
from checks.common.targets import name_key
from schemas.findings import Finding
from schemas.monitoring import MonitoringReport


def _decimals(raw: str) -> int:
    m = re.search(r"\d+(?:[.．](\d+))?", raw)
    return len(m.group(1)) if m and m.group(1) else 0


@rule("RPT007", "report_indicator_differs_from_table", severity="error", params=NoParams)
def report_indicator_differs_from_table(ctx: RuleContext) -> Iterator[Finding]:
    """A stated indicator value (“‘开展政策宣传活动’已完成12次”) differs from the 1–N月实际完成值
    of the same indicator in a monitoring table of the same unit, year and period. Only point
    values in the same unit are compared (no 完成率, no ranges or operators)."""
    threshold = Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))
    tables = ctx.records_of(MonitoringReport)
    for report in reports(ctx):
        for fig in report.figures:
            if not fig.indicator or fig.measure != "完成值":
                continue
            candidates = [(ind, t) for t in tables
                          if t.year == report.year and t.period_months == fig.period_months
                          and same_unit(t.unit.value, report.unit.value) for ind in t.indicators]
            equal = [(ind, t) for ind, t in candidates if name_key(ind.level3) == name_key(fig.line)]
            scored = equal or [(ind, t) for ind, t in candidates if similarity(ind.level3, fig.line) >= threshold]
            if len({name_key(ind.level3) for ind, _ in scored}) != 1:
                continue  # no table states it, or the name is ambiguous
            ind, table = scored[0]
            actual = ind.actual
            if actual is None or actual.number is None or actual.upper is not None or \
                    actual.operator not in (None, "=") or (actual.unit or "") != (fig.value.unit or ""):
                continue
            step = Decimal(1).scaleb(-min(fig.value.decimals, _decimals(actual.raw)))
            if abs(fig.value.value - actual.number) < step:
                continue
            table_fmt = report_fmt(ctx, table)
            table_name = f"{table.year}年{table.period}{table_fmt['title']}"
            evidence = [ev(fig), indicator_evidence(f"{table_name}“{ind.level3}”实际完成值", actual, ind.ref)]
            yield ctx.finding(
                subject(report, fig.line, "完成值", fig.period_months), evidence,
                {"stated": fig.value.raw, "table_value": actual.raw, "table_indicator": ind.level3},
                **fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                stated=fig.value.raw, table=table_name, table_value=actual.raw)
