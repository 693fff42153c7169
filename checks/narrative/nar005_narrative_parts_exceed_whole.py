"""NAR005 narrative_parts_exceed_whole: parts the narrative states that do not fit in its whole.

Finds: for each relation of `relations` (a whole, its parts, `relation` equal or at_most, and the
`labels` messages use), when the narrative states the whole and at least two parts (the last
figure of each subject): with equal, the parts' sum against the whole beyond rounding (`message`);
with at_most, only a sum above the whole beyond rounding (`message_exceeds`: not every purchase is
listed).
Why it matters: the 政府采购 breakdown and the 中小企业 shares are disclosed for oversight; parts that
do not add up to (or exceed) their total are a reporting error.
Example: 政府采购金额 100.00 万元, but 货物采购 50.00 + 工程采购 30.00 + 服务采购 25.00 = 105.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit
from checks.common.narrative import fmt, publications, sentence_evidence
from checks.common.params import RuleParams
from checks.common.tolerance import sum_mismatch
from schemas.findings import Finding, Subject


class Params(RuleParams):
    relations: list[dict[str, Any]]  # {whole, parts, relation: equal | at_most, labels}


@rule("NAR005", "narrative_parts_exceed_whole", severity="error", params=Params)
def narrative_parts_exceed_whole(ctx: RuleContext) -> Iterator[Finding]:
    """Parts the narrative states (货物/工程/服务采购; 中小企业中标 in reserved and other projects)
    that do not fit in the whole it states."""
    p: Params = ctx.args
    relations: list[dict[str, Any]] = p.relations
    for pub in publications(ctx):
        latest = {f.subject: f for f in pub.narrative if f.kind == "amount"}
        for spec in relations:
            whole = latest.get(spec["whole"])
            parts = [latest[p] for p in spec.get("parts", []) if p in latest]
            if whole is None or len(parts) < 2:
                continue
            exact = spec.get("relation", "equal") == "equal"
            mismatch = sum_mismatch(whole.value, [p.value for p in parts])
            if mismatch is None:
                continue
            computed, difference, tolerance = mismatch
            if not exact and difference >= 0:
                continue  # parts below the whole are allowed: not every purchase is listed
            labels = spec.get("labels", {}) or {}
            mu = message_unit([whole.value, *(p.value for p in parts)], [computed])
            evidence = [sentence_evidence(whole, f"情况说明：{whole.label or whole.subject}")]
            evidence += [sentence_evidence(p, f"情况说明：{labels.get(p.subject, p.subject)}") for p in parts]
            yield ctx.finding(
                Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{spec['whole']}",
                        column="＋".join(p.subject for p in parts)),
                evidence, details={"whole": str(whole.value.value), "sum": str(computed),
                                   "difference": str(difference), "tolerance": str(tolerance)},
                template="message" if exact else "message_exceeds",
                **fmt(pub), whole=labels.get(whole.subject, whole.subject), whole_value=mu.amount(whole.value),
                parts="＋".join(f"{labels.get(p.subject, p.subject)}{mu.amount(p.value)}{mu.unit}" for p in parts),
                computed=mu.value(computed), amount_unit=mu.unit)
