"""MON002 line_sum_mismatch: a total line that is not the sum of its part lines.

Finds: for each relation of `relations` (合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费,
资金总额 = 财政拨款 + 上年结转? + 其他资金 …; a part ending in `?` may be absent), an amount column
(年初预算数, 全年预算数, 执行数) whose total differs from the sum of the parts by more than
rounding: half a unit of the last printed digit per printed figure, × `tolerance_scale`.
Why it matters: the total is what rates and scores are computed from; a total that its parts do
not make means one of the figures is mistyped, and every later check inherits the error.
Example: 合计 1-6月执行数 600.00 万元, but 基本支出 509.47 + 项目支出 80.00 = 589.47 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit, number_evidence
from checks.common.monitoring import AMOUNT_COLUMNS, column_label, report_fmt, report_subject, reports, role
from checks.common.params import RuleParams
from checks.common.tolerance import sum_mismatch
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES, MonitoringReport


class Params(RuleParams):
    relations: dict[str, list[str]]  # total line → its part lines (`name?`: optional)
    tolerance_scale: Decimal  # × the rounding allowance
    part_template: str  # how the message lists one part: {line} {amount} {amount_unit}
    part_joiner: str  # between the parts in the message


def _present_parts(report: MonitoringReport, spec: list[str]) -> tuple[list[str], list | None]:
    """The part lines of a relation that the report has. A name ending in `?` is optional
    (e.g. 上年结转 in 资金总额 = 财政拨款 + 上年结转 + 其他资金); a missing required part → None."""
    names, lines = [], []
    for entry in spec:
        name = entry.rstrip("?")
        line = report.line(name)
        if line is None:
            if entry.endswith("?"):
                continue
            return names, None
        names.append(name)
        lines.append(line)
    return names, lines


@rule("MON002", "line_sum_mismatch", severity="error", params=Params)
def line_sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A total line differs from the sum of its part lines beyond rounding, in any amount column."""
    p: Params = ctx.args
    for report in reports(ctx):
        for total_name, spec in p.relations.items():
            total_line = report.line(total_name)
            part_names, part_lines = _present_parts(report, spec)
            if total_line is None or part_lines is None:
                continue
            for column in AMOUNT_COLUMNS:
                total = getattr(total_line, column)
                parts = [getattr(x, column) for x in part_lines]
                if total is None or any(x is None for x in parts):
                    continue
                mismatch = sum_mismatch(total, parts, p.tolerance_scale)
                if mismatch is None:
                    continue
                computed, difference, tolerance = mismatch
                decimals = max(amount_decimals(x) for x in [total, *parts])
                mu = message_unit([total, *parts], [computed])
                evidence = [number_evidence(role(report, column, total_name), total)] + [
                    number_evidence(role(report, column, name), x) for name, x in zip(part_names, parts)
                ]
                details = {
                    "reported": amount_text(total),
                    "computed": format_amount(computed, decimals),
                    "difference": format_amount(difference, decimals),
                    "tolerance": format(tolerance, "f"),
                    "parts": "、".join(part_names),
                }
                yield ctx.finding(
                    report_subject(report, total_name, COLUMN_NAMES[column]),
                    evidence,
                    details,
                    **report_fmt(ctx, report),
                    line=total_name,
                    column=column_label(report, column),
                    total=mu.amount(total),
                    parts=p.part_joiner.join(
                        p.part_template.format(line=name, amount=mu.amount(x), amount_unit=mu.unit)
                        for name, x in zip(part_names, parts)
                    ),
                    computed=mu.value(computed),
                    difference=mu.value(difference),
                    tolerance=mu.tolerance(tolerance),
                    amount_unit=mu.unit,
                )
