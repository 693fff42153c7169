"""Cross-checks of the scoring of 绩效自评表 records (SLF010–SLF012).

SLF010 an indicator that reached its target but lost points without a stated reason; SLF011 an
实际完成值 written as a target expression (`≥266米`, `不低于95%`) instead of a measured figure;
SLF012 the points printed for a 一级指标 (in its label, `产出指标（50分）`, or on a 一级 row of its
own) against the 分值 of its indicators, and the 一级 points with the budget-execution points
against the form's total. Messages, word lists and tolerances are in rules.yaml.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence, text_evidence
from checks.self_evaluation_common import (
    form_label,
    indicator_ev,
    indicator_names,
    points_text,
    self_evaluations,
    subject,
    target_reached,
)
from checks.common.targets import name_key
from checks.common.tolerance import definitely_less
from textnorm.text import fold
from schemas.findings import Finding
from schemas.numbers import PrintedNumber
from schemas.records import IndicatorValue
from schemas.self_evaluation import SelfEvalIndicator, SelfEvalLine, SelfEvaluation

TOTAL_LINES = ("资金总额", "合计")  # the line whose 分值 is the budget-execution points


def _decimal(value: object, default: str = "0") -> Decimal:
    return Decimal(str(value if value is not None else default))


# ---------------------------------------------------------------- SLF010


def _reached_exactly(ind: SelfEvalIndicator, expression_params: dict[str, Any]) -> bool:
    """The actual reaches the target (and stays inside a range target `1-2次`); an actual written
    as a target expression (SLF011's configuration) or with no content is not taken as reached."""
    if ind.target is None or ind.actual is None or not name_key(ind.actual.raw):
        return False
    if _target_expression(ind.actual, expression_params) is not None:
        return False
    if target_reached(ind) is not True:
        return False
    upper, number = ind.target.upper, ind.actual.number
    return upper is None or number is None or number <= upper


@rule("SLF010", "met_indicator_marked_down_without_reason", severity="warning")
def met_indicator_marked_down_without_reason(ctx: RuleContext) -> Iterator[Finding]:
    """The actual reaches the target, yet the indicator scores below its 分值 and no deviation
    reason says why."""
    min_lost = _decimal(ctx.params.get("min_points_lost"))
    expression_params = (ctx.rules_config.get("SLF011") or {}).get("params") or {}
    for rec in self_evaluations(ctx):
        for name, ind in zip(indicator_names(rec), rec.indicators):
            if ind.score is None or ind.max_score is None or not definitely_less(ind.score, ind.max_score):
                continue
            if ind.max_score.value - ind.score.value <= min_lost:
                continue
            if ind.reason is not None or not _reached_exactly(ind, expression_params):
                continue
            assert ind.target is not None and ind.actual is not None
            evidence = indicator_ev(ind, name) + [number_evidence(f"得分（{name}）", ind.score),
                                                  number_evidence(f"分值（{name}）", ind.max_score)]
            template = "message"
            if ind.measure is not None:  # a measure but no reason
                evidence.append(text_evidence(f"改进措施（{name}）", ind.measure))
                template = "message_measure_only"
            lost = ind.max_score.value - ind.score.value
            details = {"indicator": ind.level3, "target": ind.target.raw, "actual": ind.actual.raw,
                       "score": points_text(ind.score), "max_score": points_text(ind.max_score),
                       "lost": format(lost, "f"), "measure": ind.measure.text if ind.measure else ""}
            yield ctx.finding(subject(rec, name, "得分"), evidence, details, template, doc=form_label(ctx, rec),
                              indicator=name, target=ind.target.raw, actual=ind.actual.raw,
                              score=points_text(ind.score), max_score=points_text(ind.max_score),
                              lost=format(lost, "f"), measure=details["measure"])


# ---------------------------------------------------------------- SLF011


def _target_expression(actual: IndicatorValue, params: dict[str, Any]) -> str | None:
    """The operator spelling that makes an actual a target expression (`≥266米` → `≥`): the actual
    was read with an operator, is no skipped kind (a deadline), and contains one of the configured
    spellings (compared NFKC-folded). None for a measured figure."""
    if actual.operator is None or (actual.unit or "") in set(params.get("skip_units") or []):
        return None
    text = fold(unicodedata.normalize("NFKC", actual.raw))
    for word in sorted((str(w) for w in params.get("operator_words") or []), key=len, reverse=True):
        if fold(unicodedata.normalize("NFKC", word)) in text:
            return word
    return None


@rule("SLF011", "actual_copies_target_expression", severity="warning")
def actual_copies_target_expression(ctx: RuleContext) -> Iterator[Finding]:
    """The 实际完成值 carries a comparison (`≥266米`, `不低于95%`): a target expression, not the
    measured figure."""
    for rec in self_evaluations(ctx):
        for name, ind in zip(indicator_names(rec), rec.indicators):
            actual = ind.actual
            word = _target_expression(actual, ctx.params) if actual is not None else None
            if actual is None or word is None:
                continue
            target = ind.target.raw if ind.target is not None else ""
            same = ind.target is not None and name_key(target) == name_key(actual.raw)
            evidence = indicator_ev(ind, name)
            template = "message" if ind.target is not None else "message_no_target"
            details = {"indicator": ind.level3, "target": target, "actual": actual.raw, "operator": word,
                       "same_as_target": same}
            yield ctx.finding(subject(rec, name, "实际完成值"), evidence, details, template,
                              doc=form_label(ctx, rec), indicator=name, target=target, actual=actual.raw)


# ---------------------------------------------------------------- SLF012


def _groups(rec: SelfEvaluation) -> list[tuple[str, PrintedNumber | None, list[SelfEvalIndicator]]]:
    """The 一级 groups in order: name, stated points (the first an indicator carries), indicators."""
    out: dict[str, tuple[list[PrintedNumber], list[SelfEvalIndicator]]] = {}
    for ind in rec.indicators:
        points, members = out.setdefault(ind.level1, ([], []))
        members.append(ind)
        if ind.level1_points is not None:
            points.append(ind.level1_points)
    return [(name, points[0] if points else None, members) for name, (points, members) in out.items()]


def _allowed(stated: PrintedNumber, parts: list[PrintedNumber], tolerance: Decimal) -> Decimal:
    """Points are given, not measured: parts are exact as printed; a stated figure printed with fewer
    decimals than its parts may be their sum rounded to its last printed digit."""
    finer = any(p.decimals > stated.decimals for p in parts)
    return tolerance + (stated.half_unit if finer else Decimal(0))


def _budget_points(rec: SelfEvaluation) -> SelfEvalLine | None:
    """The budget-execution line that carries the points: the total line, else the only scored line."""
    line = next((ln for ln in rec.lines if ln.name in TOTAL_LINES and ln.max_score is not None), None)
    if line is not None:
        return line
    scored = [ln for ln in rec.lines if ln.max_score is not None]
    return scored[0] if len(scored) == 1 else None


@rule("SLF012", "level1_points_mismatch", severity="error")
def level1_points_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 一级指标's stated points ≠ the sum of its indicators' 分值; or the stated 一级 points plus
    the budget-execution points ≠ the form's total points."""
    tolerance = _decimal(ctx.params.get("tolerance"))
    joiner = str(ctx.params.get("part_joiner", "＋"))
    for rec in self_evaluations(ctx):
        groups = [g for g in _groups(rec) if g[0]]
        doc = form_label(ctx, rec)
        names = {id(ind): name for name, ind in zip(indicator_names(rec), rec.indicators)}
        for level1, stated, members in groups:
            parts = [ind.max_score for ind in members if ind.max_score is not None]
            if stated is None or len(parts) != len(members):
                continue
            computed = sum((p.value for p in parts), Decimal(0))
            difference = stated.value - computed
            if abs(difference) <= _allowed(stated, parts, tolerance):
                continue
            evidence = [number_evidence(f"一级指标分值（{level1}）", stated)]
            evidence += [number_evidence(f"分值（{names[id(ind)]}）", part) for ind, part in zip(members, parts)]
            details = {"level1": level1, "stated": points_text(stated), "computed": format(computed, "f"),
                       "difference": format(difference, "f"), "count": len(parts)}
            yield ctx.finding(subject(rec, level1, "分值"), evidence, details, doc=doc, level1=level1,
                              stated=points_text(stated), computed=format(computed, "f"), count=len(parts),
                              difference=format(abs(difference), "f"), cited=1)
        # the form's total: every 一级 states its points, and the budget execution its own
        if not groups or any(stated is None for _, stated, _ in groups):
            continue
        budget = _budget_points(rec)
        if budget is None or budget.max_score is None:
            continue
        default_total = ctx.params.get("form_total")
        if rec.total_max is None and default_total is None:
            continue
        total_value = rec.total_max.value if rec.total_max is not None else _decimal(default_total)
        stated_parts = [s for _, s, _ in groups if s is not None]
        computed = sum((s.value for s in stated_parts), budget.max_score.value)
        difference = total_value - computed
        allowed = (_allowed(rec.total_max, [*stated_parts, budget.max_score], tolerance)
                   if rec.total_max is not None else tolerance)
        if abs(difference) <= allowed:
            continue
        parts_text = joiner.join(f"“{name}”{points_text(s)}分" for name, s, _ in groups if s is not None)
        evidence = [number_evidence(f"一级指标分值（{name}）", s) for name, s, _ in groups if s is not None]
        budget_line = budget.raw_name or budget.name
        evidence.append(number_evidence(f"分值（{budget_line}）", budget.max_score))
        if rec.total_max is not None:
            evidence.append(number_evidence("总分分值", rec.total_max))
        template = "message_total" if rec.total_max is not None else "message_total_default"
        details = {"level1_sum": format(computed - budget.max_score.value, "f"),
                   "budget_points": points_text(budget.max_score), "computed": format(computed, "f"),
                   "total": format(total_value, "f"), "total_printed": rec.total_max is not None,
                   "difference": format(difference, "f")}
        yield ctx.finding(subject(rec, "总分", "分值"), evidence, details, template, doc=doc, parts=parts_text,
                          level1_sum=details["level1_sum"], budget_line=budget_line,
                          budget=points_text(budget.max_score), computed=format(computed, "f"),
                          total=details["total"], difference=format(abs(difference), "f"))
