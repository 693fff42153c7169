"""FIN011 empty_table_unexplained: a table printed without figures and without a 空表说明.

Finds: each table of a publication whose status is empty (printed, no figure) and that carries no
empty statement (“本部门无…，故本表无数据”) under or near it.
Why it matters: an empty table is allowed only with a statement of why there is no data; without
one the reader cannot tell a unit without such spending from a table left unfilled.
Example: 《国有资本经营预算财政拨款支出决算表》 printed with its headers only, and no sentence
saying the unit has no such spending.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import pub_fmt, publications, subject
from checks.common.params import NoParams
from schemas.findings import Evidence, Finding


@rule("FIN011", "empty_table_unexplained", severity="warning", params=NoParams)
def empty_table_unexplained(ctx: RuleContext) -> Iterator[Finding]:
    """A table is printed without figures and without a 空表说明."""
    for pub in publications(ctx):
        for table in pub.tables:
            if table.status != "empty" or table.empty_statement is not None:
                continue
            ev = [Evidence(role="表格标题", raw=table.title, value=None, ref=table.title_ref.with_label())]
            yield ctx.finding(
                subject(pub, table.key, ""), ev, {"pages": table.pages},
                **pub_fmt(pub), table=table.title,
            )
