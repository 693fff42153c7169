"""FIN005 overview_sides_unequal: a 总表 whose 收入 总计 and 支出 总计 differ.

Finds: in a two-sided 总表 (label + amount column groups for 收入 and 支出), each side's grand
total row (`grand_row`, else `grand_row_fallback`; a label printed in a neighbouring label column
of the same side counts when it matches `any_total_row`) in its 合计 column (columns grouped by
`measures`), else in every column: the first 收入 figure against each 支出 figure, beyond rounding
(× `tolerance_scale`).
Why it matters: a 收支总表 balances by construction (收入总计 = 支出总计, carry-overs included); two
totals that differ mean a figure of the overview is wrong or a row was left out.
Example: 《收入支出决算总表》收入总计 1200.00 万元, 支出总计 1180.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import (
    Figure,
    Group,
    OverviewParams,
    grand_row,
    header_path,
    key,
    overview_patterns,
    publications,
    side_groups,
    subject,
    sum_finding,
)
from schemas.findings import Finding


class Params(OverviewParams):
    measures: list[str]  # last header segments naming what a column measures (预算数, 决算数 …)


def _group_total_columns(group: Group, measures: set[str]) -> list[str]:
    """The columns that carry a side's total: its 合计 column if it has one, else all of them."""
    totals = [h for h in group.columns if header_path(h, measures)[1][-1:] == ["合计"]]
    return totals or group.columns


@rule("FIN005", "overview_sides_unequal", severity="error", params=Params)
def overview_sides_unequal(ctx: RuleContext) -> Iterator[Finding]:
    """The 收入 总计 and the 支出 总计 of a 总表 differ."""
    p: Params = ctx.args
    patterns = overview_patterns(p)
    measures = {key(w) for w in p.measures}
    for pub in publications(ctx):
        for table in pub.tables:
            groups = side_groups(table)
            sides: dict[str, list[Figure]] = {"收入": [], "支出": []}
            for group in groups:
                row = grand_row(table, group, patterns)
                if row is None:
                    continue
                for column in _group_total_columns(group, measures):
                    if column in row.values:
                        sides[group.direction].append(Figure(table, row, column, row.values[column]))
            for income in sides["收入"][:1]:
                for spending in sides["支出"]:
                    finding = sum_finding(
                        ctx, pub, subject(pub, f"{table.key} 总计", spending.column),
                        (income.role, income.value), [(spending.role, spending.value)],
                        {"table": table.key, "income_column": income.column,
                         "spending_column": spending.column,
                         "income": lambda mu, pn=income.value: mu.amount(pn),
                         "spending": lambda mu, pn=spending.value: mu.amount(pn)},
                    )
                    if finding is not None:
                        yield finding
