"""FIN006 overview_composition_mismatch: a 总表 side that does not add up.

Finds: on each side of a two-sided 总表, the first total row (`subtotal_row` 本年收入合计, or the
grand total `grand_row` / `grand_row_fallback`) against the numbered items above it (一、二、…),
column by column (template `message`); and when that first total is a 本年合计, the grand total
(总计) against 本年合计 + the unnumbered rows between them (年初结转和结余, 结余分配 …; template
`message_total`). Beyond rounding, × `tolerance_scale`.
Why it matters: the 总表 is the summary every other table is checked against; a side whose items
do not make its 合计, or whose 总计 is not 本年合计 plus the carry-overs, is misprinted.
Example: 《收入支出决算总表》“本年收入合计”（收入/决算数）1000.00 万元, but “一、一般公共预算财政拨款
收入” 900.00 + “八、其他收入” 80.00 = 980.00 万元.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import (
    NUMBERED,
    OverviewParams,
    PartsParams,
    line_subject,
    overview_patterns,
    parts_text,
    publications,
    role,
    side_groups,
    side_label,
    sum_finding,
)
from schemas.final_accounts import Publication, PublicationLine, PublicationTable
from schemas.findings import Finding


class Params(OverviewParams, PartsParams):
    subtotal_row: str  # regex: a side's 本年收入(支出)合计 row, whitespace removed


@rule("FIN006", "overview_composition_mismatch", severity="error", params=Params)
def overview_composition_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 总表 side does not add up: 本年收入(支出)合计 ≠ Σ of the numbered items above it, or
    总计 ≠ 本年合计 + 年初(年末)结转和结余 + 结余分配 (+ 使用非财政拨款结余)."""
    p: Params = ctx.args
    patterns = {**overview_patterns(p), "subtotal": re.compile(p.subtotal_row)}
    for pub in publications(ctx):
        for table in pub.tables:
            for group in side_groups(table):
                labelled = [(ln, side_label(ln, group, patterns["any_total"])) for ln in table.lines]
                labelled = [(ln, lb) for ln, lb in labelled if lb]
                stop = next((i for i, (_, lb) in enumerate(labelled)
                             if patterns["subtotal"].match(lb) or patterns["grand"].match(lb)
                             or patterns["grand_fallback"].match(lb)), None)
                if stop is None:
                    continue
                items = [(ln, lb) for ln, lb in labelled[:stop] if NUMBERED.match(lb)]
                first_total, first_label = labelled[stop]
                grand_at = None
                if patterns["subtotal"].match(first_label):
                    grand_at = next((i for i in range(stop + 1, len(labelled))
                                     if patterns["grand"].match(labelled[i][1])
                                     or patterns["grand_fallback"].match(labelled[i][1])), None)
                for column in group.columns:
                    yield from _composition(ctx, pub, table, column, first_total, first_label, items,
                                            "message")
                    if grand_at is None:
                        continue
                    grand, grand_label = labelled[grand_at]
                    # 年初结转和结余 is broken down by numbered rows below it: only unnumbered rows count.
                    between = [(ln, lb) for ln, lb in labelled[stop + 1:grand_at]
                               if not NUMBERED.match(lb) and not re.match(r"^\d", lb)]
                    yield from _composition(ctx, pub, table, column, grand, grand_label,
                                            [(first_total, first_label), *between], "message_total")


def _composition(ctx: RuleContext, pub: Publication, table: PublicationTable, column: str,
                 total_line: PublicationLine, total_label: str,
                 items: Sequence[tuple[PublicationLine, str]], template: str) -> Iterator[Finding]:
    total = total_line.values.get(column)
    if total is None or not items or any(column not in ln.values for ln, _ in items):
        return
    parts = [(lb, ln.values[column]) for ln, lb in items]
    finding = sum_finding(
        ctx, pub, line_subject(pub, table, total_label, column),
        (role(table, total_label, column), total),
        [(role(table, lb, column), pn) for lb, pn in parts],
        {"table": table.key, "line": total_label, "column": column, "parts": parts_text(parts, ctx)},
        template=template,
    )
    if finding is not None:
        yield finding
