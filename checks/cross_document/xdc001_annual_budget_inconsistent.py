"""XDC001 annual_budget_inconsistent: the unit's budget of the year differs between its documents.

Finds: for each unit and year, the 年初预算数 (target table 预算总额, each monitoring period's
“合计” 年初预算数, the final accounts' 年初预算 of the first of `final_subjects` it states) and the
全年预算数 (the latest monitoring period's “合计” 全年预算数, the final accounts' 全年预算) compared
across document kinds only; a figure that differs from the first beyond rounding (half a unit of
the last printed digit of each) is reported. A 全年预算数 that changes between monitoring periods
is MON004's, not this rule's.
Why it matters: the budget is the denominator of every execution rate and score; documents of one
unit and year that state different budgets cannot all be right, and the evaluator must know which
figure the rates rest on.
Example: 部门整体支出绩效目标表预算总额 1286.43 万元, while the 1-6月监控表“合计”年初预算数 and the 部门决算
“一般公共预算财政拨款支出”年初预算数 are 1164.62 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.cross_document import (
    annual_execution,
    monitoring_line,
    period_label,
    unit_records,
    unit_years,
)
from checks.common.evidence import message_unit, number_evidence
from checks.common.params import RuleParams
from checks.common.targets import table_title
from checks.common.tolerance import definitely_different
from schemas.final_accounts import Publication
from schemas.findings import Finding, Subject
from schemas.monitoring import MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.targets import TargetTable


class Params(RuleParams):
    final_subjects: list[str]  # final accounts: the lines whose budget is the annual budget, first found wins


def _budget_figures(ctx: RuleContext, unit: str, year: int) -> dict[str, list[tuple[str, str, PrintedNumber]]]:
    """The unit's budget of the year in each document, by what it is: 年初预算数 (the approved
    budget: target table, monitoring 年初预算数, final accounts' 年初预算) and 全年预算数 (the adjusted
    budget: the latest monitoring period, final accounts' 全年预算 / 预算). Each entry is
    (document kind, what, figure). Monitoring periods are not compared with each other here: a
    全年预算数 that changes between periods is MON004's."""
    out: dict[str, list[tuple[str, str, PrintedNumber]]] = {"年初预算数": [], "全年预算数": []}
    for t in unit_records(ctx, TargetTable, unit, year):
        if t.kind == "unit" and t.budget_total is not None and not t.budget_total.blank:
            out["年初预算数"].append(("targets", f"{table_title(ctx.settings, t)}预算总额", t.budget_total))
    reports = sorted((r for r in unit_records(ctx, MonitoringReport, unit, year) if r.kind == "unit"),
                     key=lambda r: r.period_months)
    initial = [(r, ln) for r in reports if (ln := monitoring_line(r, "合计")) is not None
               and ln.initial_budget is not None and not ln.initial_budget.blank]
    for r, ln in initial:
        out["年初预算数"].append(("monitoring", f"{period_label(r)}监控表“合计”年初预算数", ln.initial_budget))
    annual = [(r, ln) for r in reports if (ln := monitoring_line(r, "合计")) is not None
              and ln.annual_budget is not None and not ln.annual_budget.blank]
    if annual:
        r, ln = annual[-1]
        out["全年预算数"].append(("monitoring", f"{period_label(r)}监控表“合计”全年预算数", ln.annual_budget))
        if not initial:  # no 年初预算数 column: the first period's 全年预算数 is the nearest to the approval
            r0, ln0 = annual[0]
            out["年初预算数"].append(("monitoring", f"{period_label(r0)}监控表“合计”全年预算数", ln0.annual_budget))
    p: Params = ctx.args
    subjects = p.final_subjects
    found = annual_execution(unit_records(ctx, Publication, unit, year), unit, year, subjects, fallback=False)
    if found is not None and found.budget_number is not None:
        key = "年初预算数" if found.budget_kind == "年初预算" else "全年预算数"
        out[key].append(("final_accounts", f"部门决算“{found.subject}”{found.budget_kind}数", found.budget_number))
    return out


@rule("XDC001", "annual_budget_inconsistent", severity="error", params=Params)
def annual_budget_inconsistent(ctx: RuleContext) -> Iterator[Finding]:
    """The unit's budget of the year differs between documents of different kinds (target table,
    monitoring, final accounts) beyond rounding, comparing 年初预算数 with 年初预算数 and 全年预算数
    with 全年预算数."""
    for unit, year in unit_years(ctx):
        for column, figures in _budget_figures(ctx, unit, year).items():
            if len({kind for kind, _, _ in figures}) < 2:
                continue
            base_kind, base_what, base = figures[0]
            differing = [(w, pn) for kind, w, pn in figures[1:] if kind != base_kind and definitely_different(base, pn)]
            if not differing:
                continue
            evidence = [number_evidence(what, pn) for _, what, pn in figures]
            mu = message_unit([pn for _, _, pn in figures])
            listed = "、".join(f"{what}{mu.amount(pn)}{mu.unit}（{pn.ref.file_name}）" for _, what, pn in figures)
            yield ctx.finding(
                Subject(unit=unit, year=year, line="年度预算", column=column),
                evidence,
                {"figures": {what: format(pn.value, "f") for _, what, pn in figures},
                 "files": sorted({pn.ref.file_name for _, _, pn in figures})},
                unit=unit, year=year, figures=listed, base=base_what,
                differing="、".join(w for w, _ in differing),
            )
