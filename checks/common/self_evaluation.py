"""Helpers shared by the 绩效自评表 rule modules (checks/self_evaluation/, SLF001–SLF012): the
records, the form's name in a message, finding subjects, indicator names and evidence, whether an
indicator reached its target, the budget line's name, and whether an actual is written as a target
expression (SLF011's configuration, also read by SLF010). No rules are registered here."""

from __future__ import annotations

import unicodedata
from typing import Any

from checks.catalogue import RuleContext
from checks.common.evidence import indicator_evidence
from checks.common.targets import name_key
from checks.common.tolerance import falls_short
from textnorm.text import fold
from schemas.findings import Evidence, Subject
from schemas.numbers import PrintedNumber
from schemas.records import IndicatorValue
from schemas.self_evaluation import SelfEvalIndicator, SelfEvaluation

TOTAL_LINE = "资金总额"


def self_evaluations(ctx: RuleContext) -> list[SelfEvaluation]:
    return ctx.records_of(SelfEvaluation)


def form_title(ctx: RuleContext, rec: SelfEvaluation) -> str:
    titles = ctx.settings.get("self_evaluation_titles", {}) or {}
    default = "部门整体支出绩效自评表" if rec.kind == "unit" else "“{project}”项目支出绩效自评表"
    return (titles.get(rec.kind) or default).format(project=rec.project_name)


def form_fields(ctx: RuleContext, rec: SelfEvaluation) -> dict[str, Any]:
    """`{unit}`, `{year}`, `{title}` of the SLF001–SLF009 templates."""
    return {"unit": rec.unit.value, "year": rec.year, "title": form_title(ctx, rec)}


def form_label(ctx: RuleContext, rec: SelfEvaluation) -> str:
    """The form as a message names it, reading well when the unit or the year is unknown:
    `南街街道办事处2024年度部门整体支出绩效自评表`, `2024年度…`, `南街街道办事处…`, or the title alone
    (a project form without a project name is `项目支出绩效自评表`)."""
    title = form_title(ctx, rec) if rec.kind == "unit" or rec.project_name else "项目支出绩效自评表"
    year = f"{rec.year}年度" if rec.year is not None else ""
    return f"{rec.unit.value or ''}{year}{title}"


def subject(rec: SelfEvaluation, line: str, column: str) -> Subject:
    return Subject(unit=rec.unit.value, year=rec.year, period="", project=rec.project_name,
                   line=line, column=column)


def points_text(pn: PrintedNumber) -> str:
    return format(pn.value, "f")


def indicator_names(rec: SelfEvaluation) -> list[str]:
    """Indicator names for subjects; a name used twice is qualified by its 二级指标."""
    counts: dict[str, int] = {}
    for ind in rec.indicators:
        counts[ind.level3] = counts.get(ind.level3, 0) + 1
    return [f"{i.level2}-{i.level3}" if counts[i.level3] > 1 and i.level2 else i.level3 for i in rec.indicators]


def indicator_ev(ind: SelfEvalIndicator, name: str) -> list[Evidence]:
    """The 三级 cell, the 年度指标值 and the 实际完成值 of an indicator."""
    out = [Evidence(role=f"三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label())]
    if ind.target is not None:
        out.append(indicator_evidence(f"年度指标值（{name}）", ind.target, ind.ref))
    if ind.actual is not None:
        out.append(indicator_evidence(f"实际完成值（{name}）", ind.actual, ind.ref))
    return out


def target_reached(ind: SelfEvalIndicator) -> bool | None:
    """Did the actual reach the target? Numbers compare by the target's operator
    (checks.common.tolerance.falls_short); values that cannot be compared as numbers are reached when they
    read the same (“满意” for “满意”). None when this cannot be told (a blank actual, units that
    differ, words that differ)."""
    short = falls_short(ind.target, ind.actual)
    if short is not None:
        return not short
    if ind.target is not None and ind.actual is not None and name_key(ind.target.raw) == name_key(ind.actual.raw):
        return True
    return None


def target_expression(actual: IndicatorValue, params: dict[str, Any]) -> str | None:
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
