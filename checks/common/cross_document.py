"""Helpers shared by the cross-document rules (XDC001–XDC004, checks/cross_document/) and the
year's execution rate of a unit.

Documents are matched to a unit and a year by their records' fields (unit name, year), never by
file name; unit names match by `same_unit` (checks/common/links.py).

`annual_execution(records, unit, year)` is the year's execution rate for the scoring stage
(rubric E1): 决算 ÷ 预算 from the final accounts' executions, falling back, with a note, to the
latest monitoring period's 合计. Moved from checks/cross_document.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext
from checks.common.evidence import MessageUnit, number_evidence
from checks.common.links import same_unit
from checks.common.tolerance import percent
from schemas.final_accounts import Publication
from schemas.findings import Evidence
from schemas.monitoring import MonitoringLine, MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.targets import TargetTable

# The lines whose 决算 ÷ 预算 is the year's execution rate, first found wins (as the rubric's E1).
DEFAULT_SUBJECTS = ("支出合计", "本年支出合计", "支出总计", "一般公共预算财政拨款支出", "财政拨款支出")


# ---------------------------------------------------------------- the year's execution rate


@dataclass
class AnnualExecution:
    """The year's execution of a unit: actual ÷ budget, with the evidence of both figures."""

    unit: str
    year: int
    subject: str  # the line as named (一般公共预算财政拨款支出, 合计 …)
    budget: Decimal
    actual: Decimal
    rate: Decimal  # percent, 2 decimals, ROUND_HALF_UP
    evidence: list[Evidence] = field(default_factory=list)
    source: str = "final_accounts"  # final_accounts | monitoring
    budget_kind: str = ""  # 年初预算 / 全年预算 / 预算 / 全年预算数
    period_months: int | None = None  # the monitoring period, for the fallback
    note: str = ""  # Chinese; says when the figure is not the year's 决算
    budget_number: PrintedNumber | None = None  # the printed figures (raw text, precision, source)
    actual_number: PrintedNumber | None = None


def _is_unit_year(record: Any, unit: str, year: int) -> bool:
    return getattr(record, "year", None) == year and same_unit(record.unit.value, unit)


def annual_execution(records: Sequence[Any], unit: str, year: int,
                     subjects: Sequence[str] = DEFAULT_SUBJECTS,
                     fallback: bool = True) -> AnnualExecution | None:
    """The year's execution rate of `unit`: from a 部门决算 of that year (the first of `subjects`
    whose budget and 决算 it states), else — when `fallback` — from the latest monitoring period's
    合计 (1–N月执行数 ÷ 全年预算数, with a note that it is not the whole year). None when neither."""
    pubs = [r for r in records if isinstance(r, Publication) and r.kind == "决算" and _is_unit_year(r, unit, year)]
    for name in subjects:
        for pub in pubs:
            for ex in pub.executions:
                if ex.subject != name or not ex.budget.value:
                    continue
                evidence = [
                    Evidence(role=f"{ex.budget_kind}数（{ex.subject}）", raw=ex.budget.raw, value=ex.budget.value,
                             ref=ex.budget.ref.with_label()),
                    Evidence(role=f"决算数（{ex.subject}）", raw=ex.actual.raw, value=ex.actual.value,
                             ref=ex.actual.ref.with_label()),
                ]
                return AnnualExecution(pub.unit.value, year, ex.subject, ex.budget.value, ex.actual.value,
                                       percent(ex.actual.value, ex.budget.value), evidence, "final_accounts",
                                       ex.budget_kind, budget_number=ex.budget, actual_number=ex.actual)
    if not fallback:
        return None
    reports = [r for r in records if isinstance(r, MonitoringReport) and r.kind == "unit"
               and _is_unit_year(r, unit, year)]
    for report in sorted(reports, key=lambda r: -r.period_months):
        line = next((ln for ln in report.lines if ln.name == "合计"), None)
        if line is None or line.executed is None or line.annual_budget is None or not line.annual_budget.value:
            continue
        period = f"1-{report.period_months}月"
        evidence = [number_evidence(f"全年预算数（合计，{period}）", line.annual_budget),
                    number_evidence(f"{period}执行数（合计）", line.executed)]
        note = f"材料中无{year}年度部门决算，按{period}监控表“合计”执行数计算，非全年决算数"
        return AnnualExecution(report.unit.value, year, "合计", line.annual_budget.value, line.executed.value,
                               percent(line.executed.value, line.annual_budget.value), evidence, "monitoring",
                               "全年预算数", report.period_months, note, line.annual_budget, line.executed)
    return None


# ---------------------------------------------------------------- shared helpers


def period_label(report: MonitoringReport) -> str:
    return f"1-{report.period_months}月"


def monitoring_line(report: MonitoringReport, name: str) -> MonitoringLine | None:
    return next((ln for ln in report.lines if ln.name == name), None)


def unit_years(ctx: RuleContext) -> list[tuple[str, int]]:
    """(unit, year) of every unit-wide document, one entry per unit as first named."""
    out: list[tuple[str, int]] = []
    for r in ctx.records:
        if isinstance(r, (TargetTable, MonitoringReport)) and r.kind != "unit":
            continue
        if not isinstance(r, (TargetTable, MonitoringReport, Publication)):
            continue
        if isinstance(r, Publication) and r.kind != "决算":
            continue
        if not any(y == r.year and same_unit(u, r.unit.value) for u, y in out):
            out.append((r.unit.value, r.year))
    return out



def unit_records(ctx: RuleContext, kind: type, unit: str, year: int) -> list:
    return [r for r in ctx.records_of(kind) if _is_unit_year(r, unit, year)]


def computed_text(mu: MessageUnit, value: Decimal) -> str:
    """A sum or difference for an XDC message: in 元 (or readable 万元) when the figures were printed
    so, else the exact 万元 decimal as these messages have always shown it."""
    return mu.value(value) if mu.unit == "元" or mu.mixed else format(value, "f")
