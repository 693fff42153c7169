"""The scoring methods of an automatic sub-indicator. Each takes one `part` of a sub-indicator's
rule (its `kind` names the method, its parameters come from the rubric file) and the scoring
context, and returns how many points it deducts, with the reason and evidence. Adding a method:
a function here and its name in `METHODS` (and in rubric.RulePart.kind)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Callable, Sequence

from checks.common.cross_document import AnnualExecution
from checks.common.cross_document import annual_execution as cross_document_execution
from schemas.findings import Evidence, Finding
from schemas.scoring import Deduction
from scoring.rubric import RulePart


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


def annual_execution(ctx: Context, subjects: Sequence[str]) -> AnnualExecution | None:
    """The year's execution of the first line in `subjects` found in a 决算 of the unit and year
    (checks.common.cross_document.annual_execution; no monitoring fallback: E1 scores the whole year)."""
    if ctx.year is None:
        return None
    return cross_document_execution(ctx.records, ctx.unit, ctx.year, subjects, fallback=False)


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


RECORD_LABELS = {"target_table": "绩效目标表", "monitoring_report": "绩效运行监控表", "self_evaluation": "绩效自评表",
                 "budget_publication": "预算/决算公开文件", "narrative_report": "监控/自评报告"}


@dataclass
class DatedRecord:
    record: Any
    field: str
    value: Any  # schemas.records.DateValue


def _as_date(value: Any) -> date | None:
    """A deadline from the rubric: a YAML date (2024-01-31) or its text."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _matches(record: Any, where: dict[str, Any]) -> bool:
    return all(str(getattr(record, k, None)) == str(v) for k, v in where.items())


def dated_records(ctx: Context, record_type: str, fields: Sequence[str], year: int,
                  where: dict[str, Any] | None = None) -> list[DatedRecord]:
    """The records of `record_type` of the unit and `year` with a date in the first of `fields`
    they carry."""
    out = []
    for r in ctx.records:
        if getattr(r, "record_type", "") != record_type or getattr(r, "year", None) != year:
            continue
        if not _matches(r, where or {}):
            continue
        for name in fields:
            value = getattr(r, name, None)
            if value is not None:
                out.append(DatedRecord(r, name, value))
                break
    return out


def _date_evidence(role: str, dated: Sequence[DatedRecord]) -> list[Evidence]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for d in dated:
        v = d.value
        key = (v.ref.file_name, v.ref.file_sha256, v.ref.label) if v.ref is not None else None
        if key is None or key in seen:
            continue
        seen.add(key)
        out.append(Evidence(role=f"{role}（{v.label or '日期'}）", raw=v.raw, ref=v.ref.with_label()))
    return out


def _cn_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def date_deadline(part: RulePart, ctx: Context) -> PartResult | None:
    """The latest date in `fields` of the unit's `record_type` records of the year (card year +
    `year_offset`) against a deadline: `deadlines[year]` (an absolute date per year) or, with
    `relative_to: {record_type, fields, days}`, that record's date plus `days`. The first band
    whose `min_days` the days late reach gives the deduction. No date or no deadline: None."""
    params = part.model_extra or {}
    if ctx.year is None:
        return None
    year = ctx.year + int(params.get("year_offset", 0))
    record_type = str(params.get("record_type", ""))
    role = str(params.get("label") or RECORD_LABELS.get(record_type, record_type))
    fields = list(params.get("fields") or [params.get("field", "")])
    dated = dated_records(ctx, record_type, fields, year, params.get("where"))
    if not dated:
        return None  # the documents carry no date: the evaluator scores it
    latest = max(dated, key=lambda d: d.value.value)
    deadline: date | None = None
    basis_evidence: list[Evidence] = []
    basis = ""
    relative = params.get("relative_to")
    if relative:
        base = dated_records(ctx, str(relative.get("record_type", record_type)),
                             list(relative.get("fields") or [relative.get("field", "")]), year,
                             relative.get("where"))
        if base:
            first = min(base, key=lambda d: d.value.value)
            days = int(relative.get("days", 0))
            deadline = first.value.value + timedelta(days=days)
            basis = f"{relative.get('label', '基准日期')}{_cn_date(first.value.value)}后{days}日内"
            basis_evidence = _date_evidence(str(relative.get("label", "基准日期")), [first])
    if deadline is None:
        deadlines = {int(k): v for k, v in (params.get("deadlines") or {}).items()}
        if year in deadlines:
            deadline = _as_date(deadlines[year])
            basis = f"规定时限{_cn_date(deadline)}" if deadline else ""
    if deadline is None:
        return None  # no deadline configured for the year
    late = (latest.value.value - deadline).days
    deduct = Decimal(0)
    for band in sorted(params.get("bands", []), key=lambda b: -int(b["min_days"])):
        if late >= int(band["min_days"]):
            deduct = Decimal(str(band["deduct"]))
            break
    evidence = _date_evidence(role, dated) + basis_evidence
    fields_ = {"date": _cn_date(latest.value.value), "deadline": _cn_date(deadline), "basis": basis,
               "days": max(late, 0), "early": max(-late, 0), "record": role, "deduct": plain(deduct)}
    if late <= 0:
        note = render(params.get("on_time") or "{record}日期{date}，在{basis}之内，按时", **fields_)
        return PartResult(Decimal(0), note=note, evidence=evidence)
    reason = render(part.reason or "{record}日期{date}，晚于{basis}{days}天，扣{deduct}分", **fields_)
    if not deduct:
        return PartResult(Decimal(0), note=reason, evidence=evidence)
    return PartResult(deduct, Deduction(points=deduct, reason=reason, evidence=evidence))


METHODS: dict[str, Callable[[RulePart, Context], PartResult | None]] = {
    "deduct_per_finding": deduct_per_finding,
    "finding_metric_bands": finding_metric_bands,
    "execution_rate_bands": execution_rate_bands,
    "date_deadline": date_deadline,
}
