"""Build the ScoreCards of a submission: the rubric's automatic rules over its records and
findings, the evaluator's form for the rest, then the 存在问题 and 对策建议 drawn from the
findings through the catalogues scoring/problems.yaml and scoring/suggestions.yaml."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Sequence


from schemas.config_errors import safe_load

from checks.common.tolerance import percent
from schemas.findings import Evidence, Finding, Severity
from schemas.scoring import Deduction, DimensionScore, Problem, ScoreCard, SubIndicatorScore, Suggestion
from scoring.evaluator import EvaluatorInputs
from scoring.methods import METHODS, Context, PartResult, findings_for, plain, render, rule_matches
from scoring.rubric import Rubric, SubIndicator

HERE = Path(__file__).parent
PROBLEMS = HERE / "problems.yaml"
SUGGESTIONS = HERE / "suggestions.yaml"
TWO = Decimal("0.01")
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def _unit(record: Any) -> str:
    unit = getattr(record, "unit", None)
    return getattr(unit, "value", unit) or ""


def card_subjects(records: Sequence[Any], rubric: Rubric) -> list[tuple[str, int | None]]:
    """The (unit, year) pairs to score: every pair with a record of `rubric.card_record_types`;
    a unit with none of those (only target tables) gets its earliest year."""
    pairs: set[tuple[str, int | None]] = set()
    years_by_unit: dict[str, set[int]] = {}
    for r in records:
        unit, year = _unit(r), getattr(r, "year", None)
        if not unit:
            continue
        years_by_unit.setdefault(unit, set()).add(year)
        if getattr(r, "record_type", "") in rubric.card_record_types:
            pairs.add((unit, year))
    for unit, years in years_by_unit.items():
        if not any(u == unit for u, _ in pairs):
            pairs.add((unit, min(y for y in years if y is not None) if any(years) else None))
    return sorted(pairs, key=lambda p: (p[0], p[1] or 0))


def _has_records(records: Sequence[Any], unit: str, year: int | None, types: Sequence[str]) -> bool:
    return all(
        any(getattr(r, "record_type", "") == t and _unit(r) == unit and getattr(r, "year", None) == year
            for r in records)
        for t in types
    )


def _rate(score: Decimal, points: Decimal) -> Decimal:
    return percent(score, points) or Decimal(0)


def score_automatic(sub: SubIndicator, ctx: Context) -> SubIndicatorScore | None:
    """The sub-indicator scored by its rule, or None when the documents give no evidence for it."""
    assert sub.rule is not None
    if not _has_records(ctx.records, ctx.unit, ctx.year, sub.rule.requires):
        return None
    results: list[PartResult] = []
    for part in sub.rule.parts:
        result = METHODS[part.kind](part, ctx)
        if result is None:
            return None
        results.append(result)
    deducted = sum((r.deduct for r in results), Decimal(0))
    score = max(Decimal(0), sub.points - deducted).quantize(TWO, ROUND_HALF_UP)
    deductions = [r.deduction for r in results if r.deduction is not None]
    lines = [d.reason for d in deductions] + [r.note for r in results if r.deduction is None and r.note]
    head = f"满分{plain(sub.points)}分，" + (f"合计扣{plain(sub.points - score)}分" if deductions else "未扣分")
    evidence: list[Evidence] = [ev for d in deductions for ev in d.evidence]
    evidence += [ev for r in results if r.deduction is None for ev in r.evidence]
    return SubIndicatorScore(
        code=sub.code, name=sub.name, dimension="", points=sub.points, method=sub.method, source="rule",
        score=score, explanation=head + "：" + "；".join(lines) + "。", deductions=deductions, evidence=evidence,
    )


def score_card(
    rubric: Rubric,
    unit: str,
    year: int | None,
    records: Sequence[Any],
    findings: Sequence[Finding],
    inputs: Sequence[EvaluatorInputs] = (),
) -> ScoreCard:
    ctx = Context(unit, year, findings, [r for r in records if _unit(r) == unit])
    form = next((i for i in inputs if i.applies_to(unit, year)), None)
    subs: list[SubIndicatorScore] = []
    dims: list[DimensionScore] = []
    missing: list[str] = []
    for dim in rubric.dimensions:
        dim_subs = []
        for sub in dim.sub_indicators:
            scored = score_automatic(sub, ctx) if sub.method == "automatic" else None
            entry = form.entry(sub.code) if form else None
            if scored is not None and entry is not None:
                # the form also scores an item the documents scored: say whether the two agree
                given = plain(entry.score)
                scored.explanation += (f"（评分录入表中评估人评分亦为{given}分）" if entry.score == scored.score else
                                       f"（评分录入表中评估人评分为{given}分，与按材料自动计算的得分不一致，"
                                       f"以自动评分为准，请复核）")
            if scored is None and entry is not None:
                deductions = []
                if entry.score < sub.points:
                    deductions = [Deduction(points=sub.points - entry.score, reason=entry.reasoning)]
                note = "" if sub.method == "manual" else "（材料中无自动评分所需的依据，采用评估人评分）"
                scored = SubIndicatorScore(
                    code=sub.code, name=sub.name, dimension="", points=sub.points, method=sub.method,
                    source="evaluator", score=entry.score.quantize(TWO, ROUND_HALF_UP), evaluator=entry.evaluator, deductions=deductions,
                    explanation=f"评估人评分{note}：{entry.reasoning or '未扣分'}",
                )
            if scored is None:
                why = "待评估人评分" if sub.method == "manual" else "材料中无自动评分所需的依据，待评估人评分"
                scored = SubIndicatorScore(code=sub.code, name=sub.name, dimension="", points=sub.points,
                                           method=sub.method, source="missing", explanation=why)
                missing.append(sub.code)
            scored.dimension = dim.code
            dim_subs.append(scored)
        subs += dim_subs
        if any(s.score is None for s in dim_subs):
            dims.append(DimensionScore(code=dim.code, name=dim.name, points=dim.points))
        else:
            score = sum((s.score for s in dim_subs if s.score is not None), Decimal(0)).quantize(TWO)
            dims.append(DimensionScore(code=dim.code, name=dim.name, points=dim.points, score=score,
                                       rate=_rate(score, dim.points)))
    total = None if missing else sum((d.score for d in dims if d.score is not None), Decimal(0)).quantize(TWO)
    problems = build_problems(ctx)
    return ScoreCard(
        rubric_id=rubric.id, rubric_name=rubric.name, unit=unit, year=year, sub_indicators=subs,
        dimensions=dims, total=total, points=rubric.points,
        grade=rubric.grade(total) if total is not None else None, missing=missing,
        problems=problems, suggestions=build_suggestions(problems),
        evaluator_inputs=form.path if form else None,
    )


def score_submission(
    records: Sequence[Any],
    findings: Sequence[Finding],
    rubric: Rubric,
    inputs: Sequence[EvaluatorInputs] = (),
) -> list[ScoreCard]:
    """One card per unit and year of the submission (see `card_subjects`)."""
    return [score_card(rubric, unit, year, records, findings, inputs) for unit, year in card_subjects(records, rubric)]


# ------------------------------------------------------------------ 存在问题 / 对策建议


def _load(path: Path, key: str) -> list[dict[str, Any]]:
    return list(safe_load(path.read_text(encoding="utf-8")).get(key, []))


def _fields(found: Sequence[Finding]) -> dict[str, Any]:
    """Placeholders of a problem template: for every rule id R among the findings, {R_count},
    {R_lines} (the distinct lines/indicators, quoted), {R_periods}, {R_years} and {R_<key>} for
    every scalar of its first finding's details; {count} over all."""
    fields: dict[str, Any] = {"count": len(found)}
    by_rule: dict[str, list[Finding]] = {}
    for f in found:
        by_rule.setdefault(f.rule_id, []).append(f)
    for rule_id, group in by_rule.items():
        fields[f"{rule_id}_count"] = len(group)
        lines = list(dict.fromkeys(f.subject.line for f in group if f.subject.line))
        fields[f"{rule_id}_lines"] = "、".join(f"“{x}”" for x in lines)
        periods = list(dict.fromkeys(f.subject.period for f in group if f.subject.period))
        fields[f"{rule_id}_periods"] = "、".join(periods)
        years = list(dict.fromkeys(str(f.subject.year) for f in group if f.subject.year))
        fields[f"{rule_id}_years"] = "、".join(years)
        for key, value in group[0].details.items():
            if isinstance(value, (str, int, float, Decimal)):
                fields[f"{rule_id}_{key}"] = value
    return fields


def _text_for(entry: dict[str, Any], fields: dict[str, Any], found: Sequence[Finding]) -> str:
    """The first variant of the entry whose placeholders the findings all fill."""
    for variant in entry.get("texts", []):
        needs = variant.get("needs", [])
        if all(n in fields for n in needs):
            return render(variant["text"], **fields)
    return render(entry.get("text", ""), **fields)


def build_problems(ctx: Context, catalogue: Path = PROBLEMS) -> list[Problem]:
    problems = []
    for entry in _load(catalogue, "problems"):
        found = findings_for(ctx, entry.get("rules", []), entry.get("year_offsets", [0]))
        if not found:
            continue
        found.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        problems.append(Problem(
            title=entry["title"],
            text=_text_for(entry, _fields(found), found),
            rule_ids=sorted({f.rule_id for f in found}),
            fingerprints=[f.fingerprint for f in found],
            severity=found[0].severity,
            evidence=[ev for f in found for ev in f.evidence],
        ))
    return problems


def build_suggestions(problems: Sequence[Problem], catalogue: Path = SUGGESTIONS) -> list[Suggestion]:
    rule_ids = {r for p in problems for r in p.rule_ids}
    out = []
    for entry in _load(catalogue, "suggestions"):
        hit = sorted(r for r in rule_ids if rule_matches(r, entry.get("rules", [])))
        if hit:
            out.append(Suggestion(title=entry["title"], text=entry["text"], rule_ids=hit))
    return out
