"""FIN010 publication_without_tables: a file whose 目录 lists tables but that holds none.

Finds: a publication file without any table whose expected tables are missing and not held by
another file of the same publication (same year, kind and unit) submitted with it: one finding
naming the file and every unmet table.
Why it matters: a region may publish the text and the tables apart; the evaluator must know that
the tables were not submitted, or nothing of them can be checked.
Example: “江苏省委办公厅2019年度部门预算公开文件.pdf” lists 8 tables in its 目录, but holds none,
and the 公开表格 file was not submitted.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import pub_fmt, publications, subject, unmet
from checks.common.params import NoParams
from schemas.findings import Evidence, Finding


@rule("FIN010", "publication_without_tables", severity="warning", params=NoParams)
def publication_without_tables(ctx: RuleContext) -> Iterator[Finding]:
    """A file lists tables in its 目录 but holds none, and no other file of the same
    publication was submitted with them."""
    pubs = publications(ctx)
    for pub in pubs:
        if pub.tables:
            continue
        missing = unmet(pub, pubs)
        if not missing:
            continue
        ev = [Evidence(role="目录所列表格", raw=e.title, value=None, ref=e.ref.with_label())
              for e in missing if e.ref is not None]
        yield ctx.finding(
            subject(pub, "公开表格", ""), ev, {"tables": [e.key for e in missing]},
            **pub_fmt(pub), file=pub.file_name, count=len(missing),
            tables="、".join(f"《{e.title}》" for e in missing),
            source_file=pub.file_name,
        )
