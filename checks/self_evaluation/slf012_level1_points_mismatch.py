"""SLF012 level1_points_mismatch: 一级 points that do not add up.

Finds: a 一级指标 whose stated points (in its label, 产出指标（50分）, or on a 一级 row of its own)
differ from the sum of its indicators' 分值; and, when every 一级 states its points and the
budget-execution line (资金总额 / 合计, else the only scored line) its 分值, their sum against the
form's total points (the 总分 row's 分值, else `form_total`; `message_total` /
`message_total_default`). Points are given, not measured: they must agree within `tolerance`, plus
half a unit of a stated figure printed with fewer decimals than its parts.
Why it matters: the weights of the form are part of the approved rubric; 一级 points that their
indicators do not make (or that with the budget points do not make 100) mean a weight was changed or
mistyped, and every score on the form is weighed wrongly.
Example: 产出指标（50分）, but its two indicators' 分值 are 30 + 15 = 45 分 (5 分 short).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import number_evidence
from checks.common.params import RuleParams
from checks.common.self_evaluation import form_label, indicator_names, points_text, self_evaluations, subject
from schemas.findings import Finding
from schemas.numbers import PrintedNumber
from schemas.self_evaluation import SelfEvalIndicator, SelfEvalLine, SelfEvaluation

TOTAL_LINES = ("资金总额", "合计")  # the line whose 分值 is the budget-execution points


class Params(RuleParams):
    tolerance: Decimal  # points the sums may differ by
    form_total: Decimal | None  # the form's total points when no 总分 分值 is printed; null: only a printed one
    part_joiner: str  # between the 一级 parts in the message


def _decimal(value: object, default: str = "0") -> Decimal:
    return Decimal(str(value if value is not None else default))


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


@rule("SLF012", "level1_points_mismatch", severity="error", params=Params)
def level1_points_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 一级指标's stated points ≠ the sum of its indicators' 分值; or the stated 一级 points plus
    the budget-execution points ≠ the form's total points."""
    params: Params = ctx.args
    tolerance = params.tolerance
    joiner = params.part_joiner
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
        default_total = params.form_total
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
