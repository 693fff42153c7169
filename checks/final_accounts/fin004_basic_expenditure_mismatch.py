"""FIN004 basic_expenditure_mismatch: 人员经费 + 公用经费 that do not make 基本支出.

Finds: for each relation of `relations` (a total figure and its part figures, each a {table, row,
column} spec whose alternatives are tried in order), when all are printed: the total (基本支出 of
the 支出 table) against the sum of the parts (人员经费合计 and 公用经费合计 of the 基本支出 table),
beyond rounding (× `tolerance_scale`).
Why it matters: 基本支出 is split into 人员经费 and 公用经费 in a separate table; if the two tables
disagree, one of them misstates how the unit's running costs were spent.
Example: 《一般公共预算财政拨款支出决算表》“合计” 基本支出 700.00 万元, but 《一般公共预算财政拨款
基本支出决算表》“人员经费合计” 600.00 + “公用经费合计” 90.00 = 690.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import SumParams, publications, select, subject, sum_finding
from schemas.findings import Finding


class Params(SumParams):
    relations: list[dict[str, Any]]  # {total: figure spec, parts: [figure spec, …]}


@rule("FIN004", "basic_expenditure_mismatch", severity="error", params=Params)
def basic_expenditure_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """人员经费 + 公用经费 (基本支出 table) differs from 基本支出 (支出 table)."""
    p: Params = ctx.args
    for pub in publications(ctx):
        for relation in p.relations:
            total = select(pub, relation["total"])
            parts = [select(pub, spec) for spec in relation["parts"]]
            if total is None or any(p is None for p in parts):
                continue
            part_figures = [p for p in parts if p is not None]
            finding = sum_finding(
                ctx, pub,
                subject(pub, f"{total.table.key} {total.label}", total.column),
                (total.role, total.value),
                [(p.role, p.value) for p in part_figures],
                {"total_table": total.table.key, "total_line": total.label, "column": total.column,
                 "parts": lambda mu: "＋".join(f"《{p.table.key}》“{p.label}”{mu.amount(p.value)}{mu.unit}"
                                               for p in part_figures)},
            )
            if finding is not None:
                yield finding
