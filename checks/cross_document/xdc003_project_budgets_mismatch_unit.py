"""XDC003 project_budgets_mismatch_unit: the unit's projects, summed, exceed its 项目支出.

Finds: for each unit and year, one budget per project (its latest project monitoring table's
资金总额 / 合计 全年预算数, else its project target table's 预算总额) summed and compared with the
latest unit-wide monitoring table's “项目支出” 全年预算数; reported when the sum exceeds it by more
than rounding (half a unit of the last printed digit of every figure). A shortfall is reported
only when `flag_shortfall` is set: a submission may hold only some of the unit's projects.
Why it matters: the projects are part of the unit's 项目支出; projects that together cost more than
the unit's whole project budget mean a project budget or the unit's line is wrong.
Example: “社区宣传项目”100.00 万元 + “办公保障项目”50.00 万元 = 150.00 万元, above the 1-9月部门整体监控表
“项目支出”全年预算数 134.37 万元 by 15.63 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.cross_document import computed_text, monitoring_line, period_label, unit_records, unit_years
from checks.common.evidence import message_unit, number_evidence
from checks.common.params import RuleParams
from checks.common.targets import name_key
from schemas.findings import Finding, Subject
from schemas.monitoring import MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.targets import TargetTable


class Params(RuleParams):
    flag_shortfall: bool  # also report projects that fall short of the unit's 项目支出


def _project_budgets(ctx: RuleContext, unit: str, year: int) -> list[tuple[str, PrintedNumber]]:
    """One budget per project of the unit: its latest monitoring table's 资金总额 (or 合计) 全年预算数,
    else its target table's 预算总额."""
    found: dict[str, tuple[str, PrintedNumber]] = {}
    for r in sorted(unit_records(ctx, MonitoringReport, unit, year), key=lambda r: -r.period_months):
        if r.kind != "project" or name_key(r.project_name) in found:
            continue
        line = monitoring_line(r, "资金总额") or monitoring_line(r, "合计")
        if line is not None and line.annual_budget is not None and not line.annual_budget.blank:
            found[name_key(r.project_name)] = (r.project_name, line.annual_budget)
    for t in unit_records(ctx, TargetTable, unit, year):
        if t.kind != "project" or name_key(t.project_name) in found:
            continue
        if t.budget_total is not None and not t.budget_total.blank:
            found[name_key(t.project_name)] = (t.project_name, t.budget_total)
    return list(found.values())


def _unit_project_line(ctx: RuleContext, unit: str, year: int) -> tuple[str, PrintedNumber] | None:
    """The unit-wide 项目支出 budget: the latest unit monitoring table's 全年预算数."""
    for r in sorted(unit_records(ctx, MonitoringReport, unit, year), key=lambda r: -r.period_months):
        line = monitoring_line(r, "项目支出") if r.kind == "unit" else None
        if line is not None and line.annual_budget is not None and not line.annual_budget.blank:
            return f"{period_label(r)}部门整体监控表“项目支出”全年预算数", line.annual_budget
    return None


@rule("XDC003", "project_budgets_mismatch_unit", severity="warning", params=Params)
def project_budgets_mismatch_unit(ctx: RuleContext) -> Iterator[Finding]:
    """The unit's project tables, summed, exceed its unit-wide 项目支出 (fall short of it only when
    `flag_shortfall` is set: a submission may hold only some of the projects)."""
    p: Params = ctx.args
    flag_shortfall = p.flag_shortfall
    for unit, year in unit_years(ctx):
        projects = _project_budgets(ctx, unit, year)
        reference = _unit_project_line(ctx, unit, year)
        if not projects or reference is None:
            continue
        what, whole = reference
        total = sum((pn.value for _, pn in projects), Decimal(0))
        tolerance = whole.half_unit + sum((pn.half_unit for _, pn in projects), Decimal(0))
        diff = total - whole.value
        if abs(diff) <= tolerance or (diff < 0 and not flag_shortfall):
            continue
        evidence = [number_evidence(what, whole)] + [number_evidence(f"项目预算（{name}）", pn) for name, pn in projects]
        mu = message_unit([whole, *(pn for _, pn in projects)], [total])
        yield ctx.finding(
            Subject(unit=unit, year=year, line="项目支出", column="全年预算数"),
            evidence,
            {"projects": {name: format(pn.value, "f") for name, pn in projects}, "sum": format(total, "f"),
             "unit_line": format(whole.value, "f"), "difference": format(diff, "f")},
            template="message" if diff > 0 else "message_shortfall",
            unit=unit, year=year, count=len(projects),
            projects="、".join(f"“{name}”{mu.amount(pn)}{mu.unit}" for name, pn in projects),
            total=computed_text(mu, total), what=what, whole=mu.amount(whole),
            difference=computed_text(mu, abs(diff)), amount_unit=mu.unit,
        )
