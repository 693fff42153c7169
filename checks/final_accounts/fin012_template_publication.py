"""FIN012 template_publication: a blank template (XX placeholders, no figures).

Finds: each publication the parser marked as a template (`Publication.template`: placeholders
instead of a unit's figures); it gets this one notice, and the other FIN rules skip it.
Why it matters: a template submitted in place of the unit's publication holds nothing to check;
the evaluator must be told that no figure was checked rather than see a clean result.
Example: “附件2：部门决算模板.pdf”, with XX部门 and empty tables: 文件“附件2：部门决算模板.pdf”为
2024年度部门决算模板，未含实际数据.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import pub_fmt, subject
from checks.common.params import NoParams
from schemas.final_accounts import Publication
from schemas.findings import Evidence, Finding


@rule("FIN012", "template_publication", severity="notice", params=NoParams)
def template_publication(ctx: RuleContext) -> Iterator[Finding]:
    """A blank template (XX placeholders, no figures): nothing to check."""
    for pub in ctx.records_of(Publication):
        if not pub.template:
            continue
        ev = []
        if pub.unit.ref is not None:
            ev.append(Evidence(role="单位名称", raw=pub.unit.raw, value=None, ref=pub.unit.ref.with_label()))
        yield ctx.finding(
            subject(pub, "模板", ""), ev, {"file": pub.file_name},
            **pub_fmt(pub), file=pub.file_name, source_file=pub.file_name,
        )
