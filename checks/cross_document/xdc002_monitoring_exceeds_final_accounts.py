"""XDC002 monitoring_exceeds_final_accounts: a monitoring period executed more than the year's 决算.

Finds: for each unit and year with a 部门决算 in the submission, a line of a unit-wide monitoring
table (any period) whose cumulative 执行数 is greater than the year's actual of the same line,
beyond rounding. The actual comes from the 支出决算表's 合计 row, in the first of the columns
`final_columns` maps the line to (合计 → 本年支出合计 / 支出合计 / 合计, 基本支出, 项目支出), or for
人员经费 / 公用经费 from the 基本支出决算表's 人员经费合计 / 公用经费合计.
Why it matters: what was spent by September cannot exceed what was spent in the whole year; one of
the two figures is wrong, and the execution rate the monitoring reports (or the 决算 the scores use)
overstates the spending.
Example: 1-9月监控表“合计”执行数 1170.00 万元, the 2024年度部门决算 本年支出合计 1164.62 万元 (5.38 万元 more).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.cross_document import computed_text, period_label, unit_records, unit_years
from checks.common.evidence import message_unit, number_evidence
from checks.common.params import RuleParams
from checks.common.targets import name_key
from checks.common.tolerance import definitely_different
from schemas.final_accounts import Publication, PublicationLine
from schemas.findings import Finding, Subject
from schemas.monitoring import MonitoringReport
from schemas.numbers import PrintedNumber


class Params(RuleParams):
    final_columns: dict[str, list[str]]  # monitoring line → the 支出决算表 合计-row columns of its actual


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


@rule("XDC002", "monitoring_exceeds_final_accounts", severity="error", params=Params)
def monitoring_exceeds_final_accounts(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring period's cumulative executed amount exceeds the year's actual of the line."""
    params: Params = ctx.args
    columns = params.final_columns
    for unit, year in unit_years(ctx):
        pubs = unit_records(ctx, Publication, unit, year)
        pubs = [p for p in pubs if p.kind == "决算"]
        if not pubs:
            continue
        actuals = final_actuals(pubs[0], columns)
        for report in sorted(unit_records(ctx, MonitoringReport, unit, year), key=lambda r: r.period_months):
            if report.kind != "unit":
                continue
            for line in report.lines:
                actual = actuals.get(line.name)
                if actual is None or line.executed is None or line.executed.blank:
                    continue
                if not (line.executed.value > actual.value and definitely_different(line.executed, actual)):
                    continue
                evidence = [number_evidence(f"{period_label(report)}执行数（{line.name}）", line.executed),
                            number_evidence(f"{year}年决算数（{line.name}）", actual)]
                mu = message_unit([line.executed, actual])
                yield ctx.finding(
                    Subject(unit=unit, year=year, period=period_label(report), line=line.name, column="执行数"),
                    evidence,
                    {"executed": format(line.executed.value, "f"), "actual": format(actual.value, "f"),
                     "excess": format(line.executed.value - actual.value, "f"),
                     "final_file": pubs[0].file_name, "monitoring_file": report.file_name},
                    unit=unit, year=year, period=period_label(report), line=line.name,
                    executed=mu.amount(line.executed), actual=mu.amount(actual),
                    excess=computed_text(mu, line.executed.value - actual.value), amount_unit=mu.unit,
                )
