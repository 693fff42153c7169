"""FIN009 required_table_missing: a table the publication lists, or the standard set requires,
that is not there.

Finds: in a publication holding tables, each expected table (`Publication.expected`: listed in its
目录, or in the standard set of its kind) with status missing that no other file of the same
publication (same year, kind and unit) holds either. A file without any table is FIN010's.
Why it matters: the standard tables must all be published, with a 空表说明 when one has no data;
a missing table is a disclosure gap the evaluator must report.
Example: the 目录 lists 《政府性基金预算财政拨款收入支出决算表》, but neither this file nor another
file of the unit's 2024年度部门决算 prints it.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import pub_fmt, publications, subject, unmet
from checks.common.params import NoParams
from schemas.findings import Evidence, Finding


@rule("FIN009", "required_table_missing", severity="error", params=NoParams)
def required_table_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A table the publication lists (目录) or the standard set requires is not there."""
    pubs = publications(ctx)
    for pub in pubs:
        if not pub.tables:  # a text-only file: FIN010
            continue
        for e in unmet(pub, pubs):
            source = "目录" if e.source == "目录" else "标准公开表格"
            ev = [Evidence(role=f"{source}所列表格", raw=e.title, value=None, ref=e.ref.with_label())] \
                if e.ref is not None else []
            yield ctx.finding(
                subject(pub, e.key, ""), ev, {"source": e.source, "title": e.title},
                **pub_fmt(pub), table=e.title, listed=source,
                source_file=pub.file_name,
            )
