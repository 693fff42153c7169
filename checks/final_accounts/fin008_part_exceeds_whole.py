"""FIN008 part_exceeds_whole: a 一般公共预算财政拨款 figure above the all-funds figure.

Finds: for each pair of `pairs` (a part table, a whole table, and `columns`: [part column, whole
column] pairs, alternatives allowed), every subject code printed in both tables: the part figure
against the whole figure of the same code; flagged when the part exceeds the whole by more than
the two figures' half-units × `tolerance_scale`. Only this order is checked: the all-funds table
may include other sources of funds.
Why it matters: 一般公共预算财政拨款 spending is one source of a subject's spending; a part larger
than the whole means one of the two tables is wrong.
Example: 《一般公共预算财政拨款支出决算表》“2010301 行政运行” 合计 300.00 万元, but 《支出决算表》
the same code's 本年支出合计 280.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit, number_evidence
from checks.common.final_accounts import (
    Figure,
    SumParams,
    find_column,
    find_table,
    listed,
    pub_fmt,
    publications,
    subject,
)
from schemas.findings import Finding


class Params(SumParams):
    pairs: list[dict[str, Any]]  # {part: {table}, whole: {table}, columns: [[part col, whole col], …]}


@rule("FIN008", "part_exceeds_whole", severity="error", params=Params)
def part_exceeds_whole(ctx: RuleContext) -> Iterator[Finding]:
    """A 一般公共预算财政拨款 figure exceeds the all-funds figure of the same code and column."""
    p: Params = ctx.args
    scale = p.tolerance_scale
    for pub in publications(ctx):
        for spec in p.pairs:
            part_table = find_table(pub, listed(spec["part"].get("table")))
            whole_table = find_table(pub, listed(spec["whole"].get("table")))
            if part_table is None or whole_table is None:
                continue
            for part_cols, whole_cols in spec.get("columns", []):
                part_col = find_column(part_table, listed(part_cols))
                whole_col = find_column(whole_table, listed(whole_cols))
                if part_col is None or whole_col is None:
                    continue
                wholes = {(ln.side, ln.code): ln for ln in whole_table.lines if ln.code}
                for ln in part_table.lines:
                    other = wholes.get((ln.side, ln.code)) if ln.code else None
                    if other is None or part_col not in ln.values or whole_col not in other.values:
                        continue
                    part = Figure(part_table, ln, part_col, ln.values[part_col])
                    whole = Figure(whole_table, other, whole_col, other.values[whole_col])
                    tolerance = (part.value.half_unit + whole.value.half_unit) * scale
                    excess = part.value.value - whole.value.value
                    if excess <= tolerance:
                        continue
                    decimals = max(amount_decimals(part.value), amount_decimals(whole.value))
                    mu = message_unit([part.value, whole.value])
                    evidence = [number_evidence(part.role, part.value), number_evidence(whole.role, whole.value)]
                    yield ctx.finding(
                        subject(pub, f"{part.table.key} {part.label}｜{whole.table.key}", part.column),
                        evidence,
                        {"part": amount_text(part.value), "whole": amount_text(whole.value),
                         "excess": format_amount(excess, decimals), "tolerance": format(tolerance, "f")},
                        **pub_fmt(pub),
                        part_table=part.table.key, whole_table=whole.table.key, line=part.label,
                        part_column=part.column, whole_column=whole.column,
                        part=mu.amount(part.value), whole=mu.amount(whole.value),
                        excess=mu.value(excess), amount_unit=mu.unit,
                    )
