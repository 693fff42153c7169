"""What the rules over 绩效运行监控表 records share: how messages name a table, subjects, evidence
roles, the lines whose rate can be computed, the rate below the period threshold, and pairs of
consecutive periods. Used by the MON rules (checks/monitoring/) and by rules that quote a
monitoring table (links, narrative reports)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext
from checks.common.evidence import exact_text, message_unit, number_evidence, plain, text_evidence
from checks.common.params import RuleParams
from checks.common.text import analyse_text, is_boilerplate
from checks.common.tolerance import computed_rate, rate_interval, round_half_up, threshold_for, time_progress
from schemas.findings import Evidence, Finding, Subject
from schemas.monitoring import COLUMN_NAMES, MonitoringLine, MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.records import TextValue

AMOUNT_COLUMNS = ("initial_budget", "annual_budget", "executed")


def _title(ctx: RuleContext, report: MonitoringReport) -> str:
    titles = ctx.settings.get("monitoring_titles", {}) or {}
    template = titles.get(report.kind, "绩效运行监控表")
    return template.format(project=report.project_name)


def report_fmt(ctx: RuleContext, report: MonitoringReport) -> dict[str, Any]:
    """The placeholders every monitoring rule fills: {unit} {year} {period} {title}."""
    return {
        "unit": report.unit.value,
        "year": report.year,
        "period": report.period,
        "title": _title(ctx, report),
    }


def report_subject(report: MonitoringReport, line: str, column: str, period: str | None = None) -> Subject:
    return Subject(
        unit=report.unit.value,
        year=report.year,
        period=period if period is not None else report.period,
        project=report.project_name,
        line=line,
        column=column,
    )


def column_label(report: MonitoringReport, column: str) -> str:
    """How a column is named in roles and messages: 执行数 carries its period (1-6月执行数)."""
    name = COLUMN_NAMES[column]
    return f"{report.period}{name}" if column == "executed" else name


def role(report: MonitoringReport, column: str, line: str) -> str:
    """An evidence role: `1-6月执行数（基本支出）`."""
    return f"{column_label(report, column)}（{line}）"


def reports(ctx: RuleContext) -> list[MonitoringReport]:
    return ctx.records_of(MonitoringReport)


def rate_inputs(line: MonitoringLine) -> tuple[PrintedNumber, PrintedNumber] | None:
    """(执行数, 全年预算数) when a rate can be computed: a positive budget and an executed figure."""
    budget, executed = line.annual_budget, line.executed
    if budget is None or executed is None or budget.blank or budget.value <= 0:
        return None
    return executed, budget


@dataclass(frozen=True)
class BelowThreshold:
    """A line whose computed execution rate is certainly below the period's warning threshold."""

    executed: PrintedNumber
    budget: PrintedNumber
    rate: Decimal  # unrounded
    high: Decimal  # the highest rate the printed amounts allow
    threshold: Decimal
    decimals: int  # display decimals: the reported rate's, else 2

    def fmt(self, report: MonitoringReport) -> dict[str, Any]:
        mu = message_unit([self.executed, self.budget])
        return {
            "line_executed": mu.amount(self.executed),
            "line_budget": mu.amount(self.budget),
            "amount_unit": mu.unit,
            "computed": format(round_half_up(self.rate, self.decimals), "f"),
            "threshold": plain(self.threshold),
            "progress": plain(time_progress(report.period_months)),
        }

    def details(self, report: MonitoringReport) -> dict[str, str]:
        return {
            "computed": format(round_half_up(self.rate, self.decimals), "f"),
            "computed_exact": exact_text(self.rate),
            "computed_high": exact_text(self.high),
            "threshold": plain(self.threshold),
            "time_progress": plain(time_progress(report.period_months)),
            "period_months": str(report.period_months),
        }

    def evidence(self, report: MonitoringReport, line: str) -> list[Evidence]:
        return [
            number_evidence(role(report, "executed", line), self.executed),
            number_evidence(role(report, "annual_budget", line), self.budget),
        ]


def below_threshold(
    report: MonitoringReport, line: MonitoringLine, settings: dict[str, Any]
) -> BelowThreshold | None:
    """The line's computed rate when even its upper bound lies below the period threshold."""
    inputs = rate_inputs(line)
    if inputs is None:
        return None
    executed, budget = inputs
    threshold = threshold_for(report.period_months, settings.get("execution_thresholds", {}))
    interval = rate_interval(executed, budget)
    rate = computed_rate(executed, budget)
    if threshold is None or interval is None or rate is None or interval[1] >= threshold:
        return None
    decimals = line.reported_rate.decimals if line.reported_rate is not None else 2
    return BelowThreshold(executed, budget, rate, interval[1], threshold, decimals)


def period_pairs(
    reports: Sequence[MonitoringReport],
) -> Iterator[tuple[MonitoringReport, MonitoringReport]]:
    """(earlier, later) reports of consecutive periods of the same unit, year, kind and project."""
    groups: dict[tuple, dict[int, list[MonitoringReport]]] = defaultdict(lambda: defaultdict(list))
    for r in reports:
        key = (r.unit.value, r.year, r.kind, r.project_name)
        groups[key][r.period_months].append(r)
    for by_period in groups.values():
        months = sorted(by_period)
        for before, after in zip(months, months[1:]):
            for earlier in by_period[before]:
                for later in by_period[after]:
                    yield earlier, later


class DeviationTextParams(RuleParams):
    """The parameters of a rule on a below-threshold line's free text (MON006, MON007)."""

    boilerplate: list[str]  # stock phrases that say nothing
    filler_words: list[str]  # words removed before matching and counting
    min_substantive_chars: int  # fewer Chinese characters left: boilerplate


def deviation_text_findings(
    ctx: RuleContext, p: DeviationTextParams, attr: str, column: str, what: str
) -> Iterator[Finding]:
    """Shared body of MON006/MON007: a below-threshold line whose `attr` text says nothing."""
    for report in reports(ctx):
        for line in report.lines:
            below = below_threshold(report, line, ctx.settings)
            if below is None:
                continue
            value: TextValue | None = getattr(line, attr)
            analysis = analyse_text(value.text if value else "", p.boilerplate, p.filler_words)
            if not is_boilerplate(analysis, p.min_substantive_chars):
                continue
            evidence = below.evidence(report, line.name)
            if value is not None:
                evidence.append(text_evidence(f"{what}（{line.name}）", value))
            details = {
                **below.details(report),
                "text": analysis.text,
                "matched_boilerplate": "、".join(analysis.matched),
                "substantive_chars": str(analysis.substantive_chars),
                "min_substantive_chars": str(p.min_substantive_chars),
            }
            yield ctx.finding(
                report_subject(report, line.name, column),
                evidence,
                details,
                template="message_empty" if analysis.empty else "message",
                **report_fmt(ctx, report),
                **below.fmt(report),
                line=line.name,
                text=analysis.text,
            )
