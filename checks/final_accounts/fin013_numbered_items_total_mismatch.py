"""FIN013 numbered_items_total_mismatch: a list table's 合计 row that is not the sum of its
numbered rows.

Finds: in a table laid out as a list (one label column, no subject codes, not a two-sided 总表:
the “三公” 经费 one row per kind, 机关运行经费 by item), each side's one row matching `total_row`
against the sum of its top-level numbered rows (`numbered_item`: 1. 2. 3.; rows under them such as
“其中：（1）…” are details, not parts), at least two of them, column by column, beyond rounding
(× `tolerance_scale`).
Why it matters: the 三公 total is a figure the narrative repeats and evaluators watch; a total its
items do not make means one of the figures is mistyped.
Example: 《财政拨款“三公”经费支出决算表》“合计” 预算数 57.00 万元, but “1.因公出国（境）费” 6.00 +
“2.公务用车购置及运行费” 40.00 + “3.公务接待费” 10.00 = 56.00 万元.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import PartsParams, key, publications, total_row_findings
from schemas.findings import Finding


class Params(PartsParams):
    total_row: str  # regex: the total row's name (whitespace removed)
    numbered_item: str  # regex: a part row's name (1. 2. 3.)


@rule("FIN013", "numbered_items_total_mismatch", severity="error", params=Params)
def numbered_items_total_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """In a table without subject codes laid out as a list (“三公” 经费 one row per kind, 机关运行经费
    by item), the 合计 row differs from the sum of its top-level numbered rows (1. 2. 3.; rows
    under them such as “其中：（1）…” are details, not parts)."""
    p: Params = ctx.args
    total_pattern = re.compile(p.total_row)
    item_pattern = re.compile(p.numbered_item)
    for pub in publications(ctx):
        for table in pub.tables:
            if sum(1 for c in table.columns if c.role != "amount") != 1:
                continue  # a list has one label column (no codes; not a two-sided 收支总表)
            for side in sorted({ln.side for ln in table.lines}):
                lines = [ln for ln in table.lines if ln.side == side]
                if any(ln.code for ln in lines):
                    continue  # coded tables add up by 类 (FIN001, FIN002)
                totals = [ln for ln in lines if total_pattern.match(key(ln.name))]
                items = [ln for ln in lines if item_pattern.match(key(ln.name))]
                if len(totals) != 1 or len(items) < 2:
                    continue
                yield from total_row_findings(ctx, pub, table, totals[0], items)
