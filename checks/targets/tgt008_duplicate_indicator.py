"""TGT008 duplicate_indicator: the same 三级 indicator twice in one table.

Finds: 三级 indicator names of one table that are equal once folded (NFKC, no spaces, no
punctuation or quotes: “三公经费”控制率 = 三公经费控制率); the message names the 一级-二级 of
each occurrence.
Why it matters: a duplicated indicator counts the same work twice in the indicator system and
in the self-evaluation's scores; usually one of the two was meant to be something else.
Example: “三公经费”控制率 under 部门管理-资金投入 and 三公经费控制率 under 部门管理-制度管理.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.params import NoParams
from checks.common.targets import base_fmt, name_key, subject, tables
from schemas.findings import Evidence, Finding
from schemas.targets import TargetIndicator


@rule("TGT008", "duplicate_indicator", severity="warning", params=NoParams)
def duplicate_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """The same 三级 indicator name (folded, punctuation ignored) appears twice in one table."""
    for table in tables(ctx):
        seen: dict[str, list[TargetIndicator]] = defaultdict(list)
        for ind in table.indicators:
            if name_key(ind.level3):
                seen[name_key(ind.level3)].append(ind)
        for same in seen.values():
            if len(same) < 2:
                continue
            first = same[0].level3
            evidence = [Evidence(role=f"三级指标（{'-'.join(p for p in (i.level1, i.level2) if p) or first}）",
                                 raw=i.level3, ref=i.ref.with_label()) for i in same]
            places = "、".join("-".join(p for p in (i.level1, i.level2) if p) or "未注明" for i in same)
            yield ctx.finding(
                subject(table, first, "三级指标"),
                evidence,
                {"indicator": first, "count": len(same), "places": places},
                **base_fmt(ctx, table),
                indicator=first,
                count=len(same),
                places=places,
            )
