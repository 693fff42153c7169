"""FIN002 total_row_mismatch: a table's 合计 row that is not the sum of its 类 rows.

Finds: in each side of a coded table, the one uncoded row whose name matches `total_row`
(合计, 总计, 人员经费合计 …; several such rows: left alone, which one sums what is unclear) against
the sum of the side's 类 rows, column by column, beyond rounding (× `tolerance_scale`).
Why it matters: the 合计 row is the figure the 总表 and the narrative repeat; if its 类 rows do
not make it, either the total or a 类 figure is wrong, and the auditor must find which.
Example: 《支出决算表》“合计” 本年支出合计 1000.00 万元, but “201 一般公共服务支出” 600.00 +
“208 社会保障和就业支出” 380.00 = 980.00 万元.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import PartsParams, key, publications, total_row_findings
from schemas.final_accounts import PublicationLine
from schemas.findings import Finding


class Params(PartsParams):
    total_row: str  # regex: a total row's name (whitespace removed); the row has no code


def _is_total_row(ln: PublicationLine, pattern: re.Pattern[str]) -> bool:
    return ln.code is None and bool(pattern.match(key(ln.name)))


@rule("FIN002", "total_row_mismatch", severity="error", params=Params)
def total_row_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A table's 合计 row (人员经费合计, 公用经费合计 …) differs from the sum of its 类 rows."""
    p: Params = ctx.args
    pattern = re.compile(p.total_row)
    for pub in publications(ctx):
        for table in pub.tables:
            for side in sorted({ln.side for ln in table.lines}):
                lines = [ln for ln in table.lines if ln.side == side]
                totals = [ln for ln in lines if _is_total_row(ln, pattern)]
                classes = [ln for ln in lines if ln.level == "类"]
                if len(totals) != 1 or not classes:  # several totals: which one sums what is unclear
                    continue
                yield from total_row_findings(ctx, pub, table, totals[0], classes)
