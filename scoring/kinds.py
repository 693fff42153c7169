"""The kinds of automatic scoring rule. Each takes one `part` of a sub-indicator's rule (its
parameters come from the rubric file) and the scoring context, and returns how many points it
deducts, with the reason and evidence. Adding a kind: a function here and its name in
`KINDS` (and in rubric.RulePart.kind)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Sequence

from schemas.findings import Evidence, Finding
from schemas.scoring import Deduction
from scoring.rubric import RulePart

TWO = Decimal("0.01")


@dataclass
class Context:
    unit: str
    year: int | None
    findings: Sequence[Finding]
    records: Sequence[Any]  # the records of this unit (every year)


@dataclass
class PartResult:
    deduct: Decimal
    deduction: Deduction | None = None  # None when nothing is deducted
    note: str = ""  # Chinese, for the explanation when nothing is deducted
    evidence: list[Evidence] = field(default_factory=list)


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros: 1, 0.5, 1.25."""
    text = format(value.normalize(), "f")
    return text


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def render(template: str, **values: Any) -> str:
    return template.format_map(_Fields(values))


def rule_matches(rule_id: str, patterns: Sequence[str]) -> bool:
    return any(rule_id.startswith(p[:-1]) if p.endswith("*") else rule_id == p for p in patterns)


def findings_for(ctx: Context, patterns: Sequence[str], year_offsets: Sequence[int] = (0,)) -> list[Finding]:
    years = {ctx.year + o for o in year_offsets} if ctx.year is not None else {None}
    return [
        f for f in ctx.findings
        if rule_matches(f.rule_id, patterns) and f.subject.unit == ctx.unit and f.subject.year in years
    ]


def _evidence(findings: Sequence[Finding]) -> list[Evidence]:
    return [ev for f in findings for ev in f.evidence]


def _deduction(points: Decimal, reason: str, findings: Sequence[Finding]) -> Deduction:
    return Deduction(
        points=points,
        reason=reason,
        rule_ids=sorted({f.rule_id for f in findings}),
        fingerprints=[f.fingerprint for f in findings],
        evidence=_evidence(findings),
    )


def _scalars(details: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in details.items() if isinstance(v, (str, int, float, Decimal))}


def deduct_per_finding(part: RulePart, ctx: Context) -> PartResult:
    params = part.model_extra or {}
    rules = list(params.get("rules", []))
    found = findings_for(ctx, rules, params.get("year_offsets", [0]))
    if not found:
        return PartResult(Decimal(0), note=f"未发现{'、'.join(rules)}问题")
    each = Decimal(str(params.get("points", 0)))
    deduct = each * len(found)
    if params.get("cap") is not None:
        deduct = min(deduct, Decimal(str(params["cap"])))
    fields = {**_scalars(found[0].details), "count": len(found), "deduct": plain(deduct)}
    reason = render(part.reason or "{count}处问题，扣{deduct}分", **fields)
    return PartResult(deduct, _deduction(deduct, reason, found))


def finding_metric_bands(part: RulePart, ctx: Context) -> PartResult:
    params = part.model_extra or {}
    rule_id = str(params.get("rule_id", ""))
    metric = str(params.get("metric", ""))
    found = findings_for(ctx, [rule_id], params.get("year_offsets", [0]))
    if not found:
        return PartResult(Decimal(0), note=f"未发现{rule_id}问题")
    first = found[0]
    try:
        value = Decimal(str(first.details[metric]))
    except (KeyError, ArithmeticError, ValueError):
        return PartResult(Decimal(0), note=f"{rule_id}问题未载明{metric}，未扣分")
    deduct = Decimal(0)
    for band in params.get("bands", []):
        if value < Decimal(str(band["below"])):
            deduct = Decimal(str(band["deduct"]))
            break
    fields = {**_scalars(first.details), "value": value, "count": len(found), "deduct": plain(deduct)}
    reason = render(part.reason or "{value}，扣{deduct}分", **fields)
    if not deduct:
        return PartResult(Decimal(0), note=reason, evidence=first.evidence)
    return PartResult(deduct, _deduction(deduct, reason, [first]))


@dataclass
class AnnualExecution:
    subject: str
    budget: Decimal
    actual: Decimal
    rate: Decimal
    evidence: list[Evidence]


def annual_execution(ctx: Context, subjects: Sequence[str]) -> AnnualExecution | None:
    """The year's execution of the first line in `subjects` found in a 决算 of the unit and year."""
    if ctx.year is None:
        return None
    pubs = [
        r for r in ctx.records
        if getattr(r, "record_type", "") == "budget_publication" and r.kind == "决算" and r.year == ctx.year
    ]
    for name in subjects:
        for pub in pubs:
            for ex in pub.executions:
                if ex.subject == name and ex.budget.value:
                    rate = (ex.actual.value / ex.budget.value * 100).quantize(TWO, ROUND_HALF_UP)
                    evidence = [
                        Evidence(role=f"{ex.budget_kind}数（{ex.subject}）", raw=ex.budget.raw,
                                 value=ex.budget.value, ref=ex.budget.ref),
                        Evidence(role=f"决算数（{ex.subject}）", raw=ex.actual.raw,
                                 value=ex.actual.value, ref=ex.actual.ref),
                    ]
                    return AnnualExecution(ex.subject, ex.budget.value, ex.actual.value, rate, evidence)
    return None


def execution_rate_bands(part: RulePart, ctx: Context) -> PartResult | None:
    params = part.model_extra or {}
    found = annual_execution(ctx, params.get("subjects", []))
    if found is None:
        return None  # no evidence: the sub-indicator cannot be scored automatically
    deduct = Decimal(0)
    for band in params.get("bands", []):
        if found.rate >= Decimal(str(band["min"])):
            deduct = Decimal(str(band["deduct"]))
            break
    reason = render(part.reason or "执行率{value}%，扣{deduct}分", value=found.rate, subject=found.subject,
                    budget=found.budget, actual=found.actual, deduct=plain(deduct))
    if not deduct:
        return PartResult(Decimal(0), note=reason, evidence=found.evidence)
    return PartResult(deduct, Deduction(points=deduct, reason=reason, evidence=found.evidence))


KINDS: dict[str, Callable[[RulePart, Context], PartResult | None]] = {
    "deduct_per_finding": deduct_per_finding,
    "finding_metric_bands": finding_metric_bands,
    "execution_rate_bands": execution_rate_bands,
}
