"""Cross-checks over 绩效自评表 records (SLF001–SLF009).

SLF001–SLF005 check a table against its own figures (执行率, 预算执行得分, 指标得分, 总分);
SLF006–SLF007 the 偏差原因分析及改进措施 of indicators that were not met; SLF008 the indicators
against the approved 绩效目标表 of the same unit and year (name matching of checks/links.py);
SLF009 the 全年执行数 against the final accounts in the same submission. Messages, word lists and
tolerances are in rules.yaml; the scoring stage (rubric E3) keys on these ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import (
    amount_text,
    exact_text,
    indicator_evidence,
    message_unit,
    number_evidence,
    rate_text,
    text_evidence,
)
from checks.common.links import approved_tables, best_match, same_unit, same_value
from checks.common.text import analyse_text
from checks.self_evaluation_common import (
    form_fields as _fmt,
    indicator_ev as _indicator_ev,
    indicator_names as _names,
    points_text as _points,
    self_evaluations as _records,
    subject as _subject,
    target_reached,
)
from checks.targets import name_key, table_title, value_ev
from checks.common.tolerance import (
    computed_rate,
    definitely_different,
    definitely_less,
    falls_short,
    rate_interval,
    rate_matches,
    round_half_up,
)
from textnorm.text import fold
from schemas.final_accounts import Publication
from schemas.findings import Evidence, Finding
from schemas.numbers import PrintedNumber
from schemas.self_evaluation import SelfEvalIndicator, SelfEvalLine, SelfEvaluation

TOTAL_LINE = "资金总额"


# ---------------------------------------------------------------- shared helpers
# (in checks/self_evaluation_common.py, shared with checks/self_evaluation_scoring.py)


def _unmet(ind: SelfEvalIndicator) -> bool:
    """Not met: the actual falls short of a comparable target, or (when the two cannot be
    compared, e.g. qualitative values) the indicator lost points."""
    reached = target_reached(ind)
    if reached is not None:
        return not reached  # “满意” for “满意” is reached; points lost for other reasons
    return (ind.score is not None and ind.max_score is not None
            and definitely_less(ind.score, ind.max_score))


# ---------------------------------------------------------------- SLF001


@rule("SLF001", "self_evaluation_rate_mismatch", severity="error")
def self_evaluation_rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Reported 执行率 differs from 全年执行数 ÷ 全年预算数 beyond print precision."""
    units = Decimal(str(ctx.params.get("rounding_units", 1)))
    for rec in _records(ctx):
        for line in rec.lines:
            executed, budget, reported = line.executed, line.annual_budget, line.reported_rate
            if executed is None or budget is None or reported is None or budget.blank or budget.value <= 0:
                continue
            if rate_matches(reported, executed, budget, units):
                continue
            rate = computed_rate(executed, budget)
            interval = rate_interval(executed, budget)
            assert rate is not None and interval is not None
            computed = format(round_half_up(rate, reported.decimals), "f")
            evidence = [number_evidence(f"执行率（{line.name}）", reported),
                        number_evidence(f"全年执行数（{line.name}）", executed),
                        number_evidence(f"全年预算数（{line.name}）", budget)]
            details = {"reported": rate_text(reported), "computed": computed, "computed_exact": exact_text(rate),
                       "executed": amount_text(executed), "annual_budget": amount_text(budget)}
            mu = message_unit([executed, budget])
            yield ctx.finding(_subject(rec, line.name, "执行率"), evidence, details, **_fmt(ctx, rec),
                              line=line.name, reported=rate_text(reported), executed=mu.amount(executed),
                              budget=mu.amount(budget), amount_unit=mu.unit, computed=computed)


# ---------------------------------------------------------------- SLF002


def expected_budget_score(max_score: Decimal, rate: Decimal, params: dict[str, Any]) -> Decimal:
    """The 预算执行 score the rule in rules.yaml gives: 分值 × 执行率 (capped at 分值), or full
    marks from `full_at` percent on."""
    full_at = params.get("full_at")
    if full_at is not None and rate >= Decimal(str(full_at)):
        return max_score
    score = max_score * rate / Decimal(100)
    return min(score, max_score) if params.get("cap_at_max", True) else score


@rule("SLF002", "budget_score_mismatch", severity="error")
def budget_score_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """预算执行得分 ≠ the configured score rule applied to the execution rate."""
    places = int(ctx.params.get("score_decimals", 2))
    for rec in _records(ctx):
        for line in rec.lines:
            if line.score is None or line.max_score is None or line.executed is None or line.annual_budget is None:
                continue
            interval = rate_interval(line.executed, line.annual_budget)
            rate = computed_rate(line.executed, line.annual_budget)
            if interval is None or rate is None:
                continue
            low = expected_budget_score(line.max_score.value, interval[0], ctx.params)
            high = expected_budget_score(line.max_score.value, interval[1], ctx.params)
            slack = line.score.resolution  # a score printed to d decimals may be rounded or truncated
            if low - slack < line.score.value < high + slack:
                continue
            expected = round_half_up(expected_budget_score(line.max_score.value, rate, ctx.params), places)
            evidence = [number_evidence(f"得分（{line.name}）", line.score),
                        number_evidence(f"分值（{line.name}）", line.max_score),
                        number_evidence(f"全年执行数（{line.name}）", line.executed),
                        number_evidence(f"全年预算数（{line.name}）", line.annual_budget)]
            computed_rate_text = format(round_half_up(rate, 2), "f")
            details = {"score": _points(line.score), "max_score": _points(line.max_score),
                       "rate": computed_rate_text, "expected": format(expected, "f")}
            yield ctx.finding(_subject(rec, line.name, "得分"), evidence, details, **_fmt(ctx, rec),
                              line=line.name, score=_points(line.score), max_score=_points(line.max_score),
                              rate=computed_rate_text, expected=format(expected, "f"))


# ---------------------------------------------------------------- SLF003


def _scored(rec: SelfEvaluation) -> Iterator[tuple[str, PrintedNumber, PrintedNumber, list[Evidence]]]:
    for line in rec.lines:
        if line.score is not None and line.max_score is not None:
            yield line.name, line.score, line.max_score, []
    for name, ind in zip(_names(rec), rec.indicators):
        if ind.score is not None and ind.max_score is not None:
            yield name, ind.score, ind.max_score, [Evidence(role=f"三级指标（{name}）", raw=ind.level3,
                                                            ref=ind.ref.with_label())]


@rule("SLF003", "score_above_maximum", severity="error")
def score_above_maximum(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator's (or the budget line's) 得分 exceeds its 分值."""
    for rec in _records(ctx):
        for name, score, max_score, extra in _scored(rec):
            if not definitely_less(max_score, score):
                continue
            evidence = [*extra, number_evidence(f"得分（{name}）", score), number_evidence(f"分值（{name}）", max_score)]
            yield ctx.finding(_subject(rec, name, "得分"), evidence,
                              {"score": _points(score), "max_score": _points(max_score)}, **_fmt(ctx, rec),
                              indicator=name, score=_points(score), max_score=_points(max_score))


# ---------------------------------------------------------------- SLF004


@rule("SLF004", "total_score_mismatch", severity="error")
def total_score_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """总分 ≠ the budget-execution score plus the indicators' scores."""
    for rec in _records(ctx):
        if rec.total_score is None:
            continue
        # the budget-execution score is the total line's when it has one (a table that also scores
        # 财政拨款 / 其他资金 scores the same money twice), else every scored line's
        total_line = next((ln for ln in rec.lines if ln.name in (TOTAL_LINE, "合计") and ln.score is not None), None)
        parts = [total_line.score] if total_line is not None else [ln.score for ln in rec.lines if ln.score is not None]
        parts += [ind.score for ind in rec.indicators if ind.score is not None]
        if not parts:
            continue
        # Scores are given, not measured: each part is exact as printed; only the total may be
        # rounded to its last printed digit.
        computed = sum((p.value for p in parts), Decimal(0))
        difference = rec.total_score.value - computed
        if abs(difference) <= rec.total_score.half_unit:
            continue
        evidence = [number_evidence("总分", rec.total_score)] + [number_evidence("分项得分", p) for p in parts]
        details = {"total": _points(rec.total_score), "computed": format(computed, "f"),
                   "difference": format(difference, "f"), "parts": len(parts)}
        yield ctx.finding(_subject(rec, "总分", "得分"), evidence, details, **_fmt(ctx, rec),
                          total=_points(rec.total_score), computed=format(computed, "f"), count=len(parts),
                          difference=format(difference, "f"), cited=1)


# ---------------------------------------------------------------- SLF005


@rule("SLF005", "unmet_indicator_full_score", severity="warning")
def unmet_indicator_full_score(ctx: RuleContext) -> Iterator[Finding]:
    """The actual falls short of the target, yet the indicator gets its full 分值."""
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if ind.score is None or ind.max_score is None or falls_short(ind.target, ind.actual) is not True:
                continue
            if definitely_less(ind.score, ind.max_score):
                continue
            assert ind.target is not None and ind.actual is not None
            evidence = _indicator_ev(ind, name) + [number_evidence(f"得分（{name}）", ind.score),
                                                   number_evidence(f"分值（{name}）", ind.max_score)]
            yield ctx.finding(_subject(rec, name, "得分"), evidence,
                              {"target": ind.target.raw, "actual": ind.actual.raw, "score": _points(ind.score)},
                              **_fmt(ctx, rec), indicator=name, target=ind.target.raw, actual=ind.actual.raw,
                              score=_points(ind.score))


# ---------------------------------------------------------------- SLF006, SLF007


def _has_concrete(text: str, params: dict[str, Any]) -> bool:
    """A date, an owner or another configured sign of a concrete measure."""
    t = fold(text)
    return any(re.search(p, t) for p in params.get("concrete_patterns", []))


def _vague(text: str, params: dict[str, Any]) -> tuple[bool, tuple[str, ...]]:
    analysis = analyse_text(text, params.get("boilerplate", []), params.get("filler_words", []))
    vague = analysis.substantive_chars < int(params.get("min_substantive_chars", 6))
    return vague and not _has_concrete(text, params), analysis.matched


@rule("SLF006", "unmet_indicator_without_measure", severity="warning")
def unmet_indicator_without_measure(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator not met whose 偏差原因分析及改进措施 gives no reason, or a reason but no measure."""
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if not _unmet(ind) or (ind.measure is not None and ind.reason is not None):
                continue
            evidence = _indicator_ev(ind, name)
            cell = ind.deviation or ind.reason or ind.measure
            if cell is not None:
                evidence.append(text_evidence(f"偏差原因分析及改进措施（{name}）", cell))
            if ind.reason is not None and ind.measure is None:
                template = "message"
            elif ind.measure is not None:
                template = "message_no_reason"
            else:
                template = "message_empty"
            target = ind.target.raw if ind.target is not None else ""
            actual = ind.actual.raw if ind.actual is not None else "（未填写）"
            details = {"indicator": ind.level3, "target": target, "actual": actual,
                       "reason": ind.reason.text if ind.reason else "", "measure": ind.measure.text if ind.measure else ""}
            yield ctx.finding(_subject(rec, name, "改进措施"), evidence, details, template, **_fmt(ctx, rec),
                              indicator=name, target=target, actual=actual,
                              reason=ind.reason.text if ind.reason else "",
                              measure=ind.measure.text if ind.measure else "")


@rule("SLF007", "vague_measure", severity="notice")
def vague_measure(ctx: RuleContext) -> Iterator[Finding]:
    """A measure made of stock phrases (加强学习, 细化措施 …) with no action, owner or date."""
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if ind.measure is None:
                continue
            vague, matched = _vague(ind.measure.text, ctx.params)
            if not vague:
                continue
            evidence = [Evidence(role=f"三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label()),
                        text_evidence(f"改进措施（{name}）", ind.measure)]
            yield ctx.finding(_subject(rec, name, "改进措施"), evidence,
                              {"measure": ind.measure.text, "phrases": list(matched)}, **_fmt(ctx, rec),
                              indicator=name, measure=ind.measure.text)


# ---------------------------------------------------------------- SLF008


@rule("SLF008", "self_evaluation_differs_from_targets", severity="warning")
def self_evaluation_differs_from_targets(ctx: RuleContext) -> Iterator[Finding]:
    """Self-evaluation indicators or 指标值 that differ from the approved 绩效目标表."""
    from schemas.targets import TargetTable

    tables = ctx.records_of(TargetTable)
    threshold = Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))
    for rec in _records(ctx):
        matching = approved_tables(rec, tables)  # type: ignore[arg-type]
        approved = [(a, t) for t in matching for a in t.indicators]
        if not approved:
            continue
        used: set[int] = set()
        for name, ind in zip(_names(rec), rec.indicators):
            match = best_match(ind, approved)  # type: ignore[arg-type]
            if match is None or match.ratio < threshold:
                evidence = [Evidence(role=f"自评三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label())]
                yield ctx.finding(_subject(rec, name, "三级指标"), evidence,
                                  {"indicator": ind.level3, "target_file": matching[0].file_name},
                                  "message", **_fmt(ctx, rec), indicator=name,
                                  target_title=table_title(ctx.settings, matching[0]))
                continue
            used.add(id(match.indicator))
            mine, theirs = ind.target, match.indicator.value
            if mine is None or theirs is None or not name_key(mine.raw) or not name_key(theirs.raw):
                continue
            if same_value(mine, theirs):
                continue
            evidence = [indicator_evidence(f"自评年度指标值（{name}）", mine, ind.ref),
                        value_ev(match.indicator).model_copy(update={"role": f"批复指标值（{match.indicator.level3}）"})]
            yield ctx.finding(_subject(rec, name, "年度指标值"), evidence,
                              {"indicator": ind.level3, "self": mine.raw, "approved": theirs.raw,
                               "target_file": match.table.file_name},
                              "message_value", **_fmt(ctx, rec), indicator=name, value=mine.raw,
                              approved=theirs.raw, target_title=table_title(ctx.settings, match.table))
        for a, t in approved:
            if id(a) in used:
                continue
            evidence = [Evidence(role=f"批复三级指标（{a.level3}）", raw=a.level3, ref=a.ref.with_label())]
            yield ctx.finding(_subject(rec, a.level3, "三级指标"), evidence,
                              {"indicator": a.level3, "target_file": t.file_name}, "message_missing",
                              **_fmt(ctx, rec), indicator=a.level3, target_title=table_title(ctx.settings, t))


# ---------------------------------------------------------------- SLF009


def _final_executed(pub: Publication, params: dict[str, Any]) -> tuple[PrintedNumber, str] | None:
    """The year's executed total of a final-accounts publication: the 合计 line of its 支出决算表
    (all funds, not only 财政拨款), in the first configured column (本年支出合计 …)."""
    tables = [fold(t) for t in params.get("final_tables", [])]
    lines = [fold(x) for x in params.get("final_lines", [])]
    columns = [fold(x) for x in params.get("final_columns", [])]
    for key in tables:
        table = next((t for t in pub.tables if fold(t.key) == key), None)
        if table is None:
            continue
        for line in table.lines:
            if line.key not in lines:
                continue
            for col in columns:
                for header, value in line.values.items():
                    if fold(header).split("/")[-1] == col:
                        return value, f"{table.key}“{line.name}”{header}"
    return None


@rule("SLF009", "executed_differs_from_final_accounts", severity="error")
def executed_differs_from_final_accounts(ctx: RuleContext) -> Iterator[Finding]:
    """全年执行数 of a unit-wide self-evaluation ≠ the final accounts' executed total."""
    pubs = [p for p in ctx.records_of(Publication) if p.kind == "决算" and not p.template]
    for rec in _records(ctx):
        line: SelfEvalLine | None = rec.line(TOTAL_LINE) or rec.line("合计")
        if rec.kind != "unit" or line is None or line.executed is None:
            continue
        for pub in pubs:
            if pub.year != rec.year or not same_unit(pub.unit.value, rec.unit.value):
                continue
            found = _final_executed(pub, ctx.params)
            if found is None:
                continue
            final, subject = found
            if not definitely_different(line.executed, final):
                continue
            evidence = [number_evidence(f"全年执行数（{line.name}）", line.executed),
                        number_evidence(f"决算（{subject}）", final)]
            diff = line.executed.value - final.value
            mu = message_unit([line.executed, final])
            yield ctx.finding(_subject(rec, line.name, "全年执行数"), evidence,
                              {"executed": amount_text(line.executed), "final": amount_text(final),
                               "difference": format(diff, "f"), "final_file": pub.file_name},
                              **_fmt(ctx, rec), line=line.name, executed=mu.amount(line.executed),
                              final=mu.amount(final), amount_unit=mu.unit, final_line=subject,
                              final_file=pub.file_name)
