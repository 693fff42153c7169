"""RPT008 report_parts_differ_from_total: the report's parts that do not add up to its total.

Finds: per measure (全年预算, 年初预算, 执行数) and period, with the first figure the report states for
each line, each relation of `relations` (a whole and its parts; skipped when a line of its `unless`
is stated, a nested relation covering it) whose parts' sum differs from the whole beyond half a unit
of each printed figure's last digit, summed (as MON002). One finding per whole.
Why it matters: a report whose own parts do not make its total contains at least one wrong figure,
and every rate or comparison built on it is suspect.
Example: 1-6月执行509.47万元, 基本支出执行496.99万元, 项目支出执行22.48万元: 496.99 + 22.48 = 519.47.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit
from checks.common.narrative_report import COLUMNS, budget_figures, ev, fmt, reports, subject
from checks.common.params import RuleParams
from checks.common.tolerance import sum_mismatch
from schemas.findings import Finding
from schemas.narrative_report import ReportFigure


class Params(RuleParams):
    relations: list[dict[str, Any]]  # {whole, parts: [line, …], unless: [line, …] (optional)}


@rule("RPT008", "report_parts_differ_from_total", severity="error", params=Params)
def report_parts_differ_from_total(ctx: RuleContext) -> Iterator[Finding]:
    """The report's own amounts of one measure and period do not add up (基本支出 = 人员经费 +
    公用经费, 合计 = 基本支出 + 项目支出, …) beyond the rounding of the printed figures."""
    p: Params = ctx.args
    relations = p.relations
    for report in reports(ctx):
        first: dict[tuple[str, str, int], ReportFigure] = {}
        for fig in budget_figures(report):
            if fig.measure in ("全年预算", "年初预算", "执行数"):
                first.setdefault((fig.line, fig.measure, fig.period_months), fig)
        measures = sorted({(m, p) for _, m, p in first}, key=lambda mp: (mp[1], mp[0]))
        for measure, period in measures:
            done: set[str] = set()
            stated = {line for line, m, p in first if (m, p) == (measure, period)}
            for relation in relations:
                whole, parts = relation["whole"], relation["parts"]
                if whole in done or stated & set(relation.get("unless", [])):
                    continue
                total = first.get((whole, measure, period))
                figs = [first.get((ln, measure, period)) for ln in parts]
                if total is None or any(f is None for f in figs):
                    continue
                mismatch = sum_mismatch(total.value, [f.value for f in figs if f is not None])
                if mismatch is None:
                    continue
                done.add(whole)
                computed, difference, _tolerance = mismatch
                decimals = max(amount_decimals(f.value) for f in [total, *figs] if f is not None)
                mu = message_unit([f.value for f in [total, *figs] if f is not None], [computed])
                evidence = [ev(total)] + [ev(f) for f in figs if f is not None]
                column = COLUMNS[measure]
                yield ctx.finding(
                    subject(report, whole, column, period), evidence,
                    {"total": amount_text(total.value), "computed": format_amount(computed, decimals),
                     "parts": list(parts)},
                    **fmt(report, period), line=whole, column=column, total=mu.amount(total.value),
                    parts="、".join(f"“{p}”" for p in parts), computed=mu.value(computed),
                    difference=mu.value(abs(difference)), amount_unit=mu.unit)
