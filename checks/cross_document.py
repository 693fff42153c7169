"""Cross-document checks (XDC001–XDC004) and the year's execution rate of a unit.

A submission holds several documents of one unit: the year's target tables (部门整体 and per
project), the monitoring tables of each period, the final accounts (部门决算), next year's target
table. These rules compare them. Documents are matched to a unit and a year by their records'
fields (unit name, year), never by file name; unit names match when their folded forms are equal
or one ends with the other (甘州区南街街道办事处 / 南街街道办事处), as in checks/links.py.

- XDC001: the unit's annual budget differs between its target table, its monitoring periods and
  its final accounts beyond rounding;
- XDC002: a monitoring period's executed amount exceeds the year's actual (决算) of the same line;
- XDC003: the unit's project tables, summed, exceed (or, if configured, fall short of) its
  unit-wide 项目支出;
- XDC004: next year's target table still carries an indicator this year's table was criticised
  for (vague value TGT002, catch-all TGT004, undifferentiated satisfaction TGT005), with the same
  name and value.

`annual_execution(records, unit, year)` is the year's execution rate for the scoring stage
(rubric E1): 决算 ÷ 预算 from the final accounts' executions, falling back, with a note, to the
latest monitoring period's 合计.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, all_rules, load_config, rule
from checks.common.evidence import MessageUnit, message_unit, number_evidence
from checks.common.links import same_unit, same_value
from checks.targets import name_ev, name_key, table_title, value_ev, value_text
from checks.common.tolerance import definitely_different, percent
from schemas.final_accounts import Publication, PublicationLine
from schemas.findings import Evidence, Finding, Subject
from schemas.monitoring import MonitoringLine, MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.targets import TargetIndicator, TargetTable

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


def _period(report: MonitoringReport) -> str:
    return f"1-{report.period_months}月"


def _line(report: MonitoringReport, name: str) -> MonitoringLine | None:
    return next((ln for ln in report.lines if ln.name == name), None)


def _units(ctx: RuleContext) -> list[tuple[str, int]]:
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


def _of(ctx: RuleContext, kind: type, unit: str, year: int) -> list:
    return [r for r in ctx.records_of(kind) if _is_unit_year(r, unit, year)]


def _expense_total(pub: Publication) -> PublicationLine | None:
    """The 合计 line of the 支出决算表 (本年支出合计 / 基本支出 / 项目支出)."""
    table = pub.table("支出决算表")
    if table is None:
        return None
    return next((ln for ln in table.lines if ln.code is None and name_key(ln.name) in ("合计", "总计")), None)


def _basic_totals(pub: Publication) -> dict[str, PrintedNumber]:
    """人员经费合计 / 公用经费合计 of the 基本支出决算表, keyed 人员经费 / 公用经费."""
    table = pub.table("一般公共预算财政拨款基本支出决算表")
    out: dict[str, PrintedNumber] = {}
    if table is None:
        return out
    for ln in table.lines:
        for key in ("人员经费", "公用经费"):
            if ln.code is None and name_key(ln.name).startswith(key):
                value = next((v for h, v in ln.values.items() if h.endswith("决算数") or h == "合计"), None)
                if value is not None:
                    out[key] = value
    return out


def final_actuals(pub: Publication, columns: dict[str, list[str]]) -> dict[str, PrintedNumber]:
    """The year's actual (决算) per monitoring line name, read from the final accounts' tables."""
    out: dict[str, PrintedNumber] = {}
    total = _expense_total(pub)
    if total is not None:
        for line, headers in columns.items():
            value = next((total.values[h] for h in headers if h in total.values), None)
            if value is not None and not value.blank:
                out[line] = value
    out.update({k: v for k, v in _basic_totals(pub).items() if k not in out and not v.blank})
    return out


# ---------------------------------------------------------------- XDC001


def _budget_figures(ctx: RuleContext, unit: str, year: int) -> dict[str, list[tuple[str, str, PrintedNumber]]]:
    """The unit's budget of the year in each document, by what it is: 年初预算数 (the approved
    budget: target table, monitoring 年初预算数, final accounts' 年初预算) and 全年预算数 (the adjusted
    budget: the latest monitoring period, final accounts' 全年预算 / 预算). Each entry is
    (document kind, what, figure). Monitoring periods are not compared with each other here: a
    全年预算数 that changes between periods is MON004's."""
    out: dict[str, list[tuple[str, str, PrintedNumber]]] = {"年初预算数": [], "全年预算数": []}
    for t in _of(ctx, TargetTable, unit, year):
        if t.kind == "unit" and t.budget_total is not None and not t.budget_total.blank:
            out["年初预算数"].append(("targets", f"{table_title(ctx.settings, t)}预算总额", t.budget_total))
    reports = sorted((r for r in _of(ctx, MonitoringReport, unit, year) if r.kind == "unit"),
                     key=lambda r: r.period_months)
    initial = [(r, ln) for r in reports if (ln := _line(r, "合计")) is not None
               and ln.initial_budget is not None and not ln.initial_budget.blank]
    for r, ln in initial:
        out["年初预算数"].append(("monitoring", f"{_period(r)}监控表“合计”年初预算数", ln.initial_budget))
    annual = [(r, ln) for r in reports if (ln := _line(r, "合计")) is not None
              and ln.annual_budget is not None and not ln.annual_budget.blank]
    if annual:
        r, ln = annual[-1]
        out["全年预算数"].append(("monitoring", f"{_period(r)}监控表“合计”全年预算数", ln.annual_budget))
        if not initial:  # no 年初预算数 column: the first period's 全年预算数 is the nearest to the approval
            r0, ln0 = annual[0]
            out["年初预算数"].append(("monitoring", f"{_period(r0)}监控表“合计”全年预算数", ln0.annual_budget))
    subjects = ctx.params.get("final_subjects", list(DEFAULT_SUBJECTS))
    found = annual_execution(_of(ctx, Publication, unit, year), unit, year, subjects, fallback=False)
    if found is not None and found.budget_number is not None:
        key = "年初预算数" if found.budget_kind == "年初预算" else "全年预算数"
        out[key].append(("final_accounts", f"部门决算“{found.subject}”{found.budget_kind}数", found.budget_number))
    return out


def _computed(mu: MessageUnit, value: Decimal) -> str:
    """A sum or difference for an XDC message: in 元 (or readable 万元) when the figures were printed
    so, else the exact 万元 decimal as these messages have always shown it."""
    return mu.value(value) if mu.unit == "元" or mu.mixed else format(value, "f")


@rule("XDC001", "annual_budget_inconsistent", severity="error")
def annual_budget_inconsistent(ctx: RuleContext) -> Iterator[Finding]:
    """The unit's budget of the year differs between documents of different kinds (target table,
    monitoring, final accounts) beyond rounding, comparing 年初预算数 with 年初预算数 and 全年预算数
    with 全年预算数."""
    for unit, year in _units(ctx):
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


# ---------------------------------------------------------------- XDC002


@rule("XDC002", "monitoring_exceeds_final_accounts", severity="error")
def monitoring_exceeds_final_accounts(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring period's cumulative executed amount exceeds the year's actual of the line."""
    columns = ctx.params.get("final_columns", {}) or {}
    for unit, year in _units(ctx):
        pubs = _of(ctx, Publication, unit, year)
        pubs = [p for p in pubs if p.kind == "决算"]
        if not pubs:
            continue
        actuals = final_actuals(pubs[0], columns)
        for report in sorted(_of(ctx, MonitoringReport, unit, year), key=lambda r: r.period_months):
            if report.kind != "unit":
                continue
            for line in report.lines:
                actual = actuals.get(line.name)
                if actual is None or line.executed is None or line.executed.blank:
                    continue
                if not (line.executed.value > actual.value and definitely_different(line.executed, actual)):
                    continue
                evidence = [number_evidence(f"{_period(report)}执行数（{line.name}）", line.executed),
                            number_evidence(f"{year}年决算数（{line.name}）", actual)]
                mu = message_unit([line.executed, actual])
                yield ctx.finding(
                    Subject(unit=unit, year=year, period=_period(report), line=line.name, column="执行数"),
                    evidence,
                    {"executed": format(line.executed.value, "f"), "actual": format(actual.value, "f"),
                     "excess": format(line.executed.value - actual.value, "f"),
                     "final_file": pubs[0].file_name, "monitoring_file": report.file_name},
                    unit=unit, year=year, period=_period(report), line=line.name,
                    executed=mu.amount(line.executed), actual=mu.amount(actual),
                    excess=_computed(mu, line.executed.value - actual.value), amount_unit=mu.unit,
                )


# ---------------------------------------------------------------- XDC003


def _project_budgets(ctx: RuleContext, unit: str, year: int) -> list[tuple[str, PrintedNumber]]:
    """One budget per project of the unit: its latest monitoring table's 资金总额 (or 合计) 全年预算数,
    else its target table's 预算总额."""
    found: dict[str, tuple[str, PrintedNumber]] = {}
    for r in sorted(_of(ctx, MonitoringReport, unit, year), key=lambda r: -r.period_months):
        if r.kind != "project" or name_key(r.project_name) in found:
            continue
        line = _line(r, "资金总额") or _line(r, "合计")
        if line is not None and line.annual_budget is not None and not line.annual_budget.blank:
            found[name_key(r.project_name)] = (r.project_name, line.annual_budget)
    for t in _of(ctx, TargetTable, unit, year):
        if t.kind != "project" or name_key(t.project_name) in found:
            continue
        if t.budget_total is not None and not t.budget_total.blank:
            found[name_key(t.project_name)] = (t.project_name, t.budget_total)
    return list(found.values())


def _unit_project_line(ctx: RuleContext, unit: str, year: int) -> tuple[str, PrintedNumber] | None:
    """The unit-wide 项目支出 budget: the latest unit monitoring table's 全年预算数."""
    for r in sorted(_of(ctx, MonitoringReport, unit, year), key=lambda r: -r.period_months):
        line = _line(r, "项目支出") if r.kind == "unit" else None
        if line is not None and line.annual_budget is not None and not line.annual_budget.blank:
            return f"{_period(r)}部门整体监控表“项目支出”全年预算数", line.annual_budget
    return None


@rule("XDC003", "project_budgets_mismatch_unit", severity="warning")
def project_budgets_mismatch_unit(ctx: RuleContext) -> Iterator[Finding]:
    """The unit's project tables, summed, exceed its unit-wide 项目支出 (fall short of it only when
    `flag_shortfall` is set: a submission may hold only some of the projects)."""
    flag_shortfall = bool(ctx.params.get("flag_shortfall", False))
    for unit, year in _units(ctx):
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
            total=_computed(mu, total), what=what, whole=mu.amount(whole),
            difference=_computed(mu, abs(diff)), amount_unit=mu.unit,
        )


# ---------------------------------------------------------------- XDC004


def _criticised(ctx: RuleContext, table: TargetTable) -> list[tuple[Finding, list[str]]]:
    """The findings of the configured target rules on `table`, each with the indicator names it
    criticises (its `indicator`, or its `indicators` list)."""
    rules_cfg = ctx.rules_config or load_config().get("rules", {})
    wanted = list(ctx.params.get("criticised_by", ["TGT002", "TGT004", "TGT005"]))
    out = []
    for r in all_rules():
        cfg = rules_cfg.get(r.id)
        if r.id not in wanted or cfg is None or not cfg.get("enabled", True):
            continue
        sub = RuleContext(r, [table], cfg, ctx.settings, rules_cfg)
        for f in r.func(sub):
            names = [f.details["indicator"]] if f.details.get("indicator") else list(f.details.get("indicators", []))
            if names:
                out.append((f, names))
    return out


def _next_tables(ctx: RuleContext, table: TargetTable) -> list[TargetTable]:
    return [t for t in ctx.records_of(TargetTable)
            if t.year == table.year + 1 and t.kind == table.kind
            and name_key(t.project_name) == name_key(table.project_name)
            and same_unit(t.unit.value, table.unit.value)]


def _by_name(table: TargetTable) -> dict[str, TargetIndicator]:
    out: dict[str, TargetIndicator] = {}
    for ind in table.indicators:
        out.setdefault(name_key(ind.level3), ind)
    return out


def _carried(old: TargetIndicator, new: TargetIndicator) -> bool:
    """The same indicator with the same 指标值 (both blank counts as the same)."""
    if old.value is None or new.value is None:
        return old.value is None and new.value is None
    return same_value(old.value, new.value)


@rule("XDC004", "criticised_indicator_carried_over", severity="warning")
def criticised_indicator_carried_over(ctx: RuleContext) -> Iterator[Finding]:
    """Next year's target table still carries an indicator, with the same name and value, that
    this year's table was criticised for."""
    labels = ctx.params.get("problem_labels", {}) or {}
    for table in ctx.records_of(TargetTable):
        following = _next_tables(ctx, table)
        if not following:
            continue
        old_by_name = _by_name(table)
        problems: dict[str, list[tuple[Finding, TargetIndicator]]] = {}
        for f, names in _criticised(ctx, table):
            for n in names:
                old = old_by_name.get(name_key(n))
                if old is not None:
                    problems.setdefault(name_key(n), []).append((f, old))
        for nxt in following:
            new_by_name = _by_name(nxt)
            for key, found in problems.items():
                old = found[0][1]
                new = new_by_name.get(key)
                if new is None or not _carried(old, new):
                    continue
                rule_ids = sorted({f.rule_id for f, _ in found})
                why = "、".join(dict.fromkeys(labels.get(rid, rid) for rid in rule_ids))
                evidence = [name_ev(new), value_ev(new), name_ev(old), value_ev(old)]
                evidence[2] = evidence[2].model_copy(update={"role": f"{table.year}年三级指标（{old.level3}）"})
                evidence[3] = evidence[3].model_copy(update={"role": f"{table.year}年指标值（{old.level3}）"})
                yield ctx.finding(
                    Subject(unit=nxt.unit.value, year=nxt.year, project=nxt.project_name,
                            line=new.level3, column="指标值"),
                    evidence,
                    {"indicator": new.level3, "value": value_text(new), "previous_year": table.year,
                     "criticised_by": rule_ids, "fingerprints": [f.fingerprint for f, _ in found],
                     "previous_file": table.file_name, "file": nxt.file_name},
                    unit=nxt.unit.value, year=nxt.year, previous_year=table.year,
                    title=table_title(ctx.settings, nxt), indicator=new.level3,
                    value=value_text(new) or "（空）", problems=why,
                )
