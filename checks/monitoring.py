"""Cross-checks over 绩效运行监控表 records (MON001–MON008).

Every rule reads its message templates, severity and keyword lists from `rules.yaml`; the
period warning thresholds and table titles come from the shared `settings`. Rates used by the
progress rules (MON005–MON007) are always computed from the amounts, never the reported 执行率,
which may itself be wrong (MON001).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.evidence import (
    amount_decimals,
    amount_text,
    exact_text,
    format_amount,
    indicator_evidence,
    indicator_names,
    message_unit,
    number_evidence,
    plain,
    rate_text,
    text_evidence,
)
from checks.tolerance import (
    computed_rate,
    definitely_different,
    definitely_less,
    falls_short,
    rate_interval,
    rate_matches,
    round_half_up,
    sum_mismatch,
    threshold_for,
    time_progress,
)
from textnorm.text import fold
from schemas.findings import Evidence, Finding, Subject
from schemas.monitoring import COLUMN_NAMES, MonitoringLine, MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.records import TextValue

AMOUNT_COLUMNS = ("initial_budget", "annual_budget", "executed")
_CJK = re.compile(r"[\u3400-\u9fff]")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")


# ---------------------------------------------------------------- formatting and evidence


def _title(ctx: RuleContext, report: MonitoringReport) -> str:
    titles = ctx.settings.get("monitoring_titles", {}) or {}
    template = titles.get(report.kind, "绩效运行监控表")
    return template.format(project=report.project_name)


def report_fmt(ctx: RuleContext, report: MonitoringReport) -> dict[str, Any]:
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


def _column_label(report: MonitoringReport, column: str) -> str:
    """How a column is named in roles and messages: 执行数 carries its period (1-6月执行数)."""
    name = COLUMN_NAMES[column]
    return f"{report.period}{name}" if column == "executed" else name


def _role(report: MonitoringReport, column: str, line: str) -> str:
    return f"{_column_label(report, column)}（{line}）"


# ---------------------------------------------------------------- shared predicates


def _rate_inputs(line: MonitoringLine) -> tuple[PrintedNumber, PrintedNumber] | None:
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
            number_evidence(_role(report, "executed", line), self.executed),
            number_evidence(_role(report, "annual_budget", line), self.budget),
        ]


def below_threshold(
    report: MonitoringReport, line: MonitoringLine, settings: dict[str, Any]
) -> BelowThreshold | None:
    """The line's computed rate when even its upper bound lies below the period threshold."""
    inputs = _rate_inputs(line)
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


def _squeeze(text: str, fillers: Iterable[str]) -> str:
    """Matching form of a text: NFKC, punctuation and spaces gone, filler words removed."""
    t = _NOT_WORD.sub("", fold(text))
    for word in sorted({_NOT_WORD.sub("", fold(w)) for w in fillers}, key=len, reverse=True):
        if word:
            t = t.replace(word, "")
    return t


@dataclass(frozen=True)
class TextAnalysis:
    text: str
    residue: str  # what is left once filler words and boilerplate phrases are removed
    matched: tuple[str, ...]  # the configured boilerplate phrases found
    substantive_chars: int

    @property
    def empty(self) -> bool:
        return not _NOT_WORD.sub("", fold(self.text))


def analyse_text(
    text: str | None, phrases: Iterable[str], fillers: Iterable[str]
) -> TextAnalysis:
    """Strip filler words, then boilerplate phrases, and count the Chinese characters left."""
    text = text or ""
    fillers = list(fillers)
    residue = _squeeze(text, fillers)
    matched = []
    for phrase in sorted(phrases, key=lambda p: len(_squeeze(p, fillers)), reverse=True):
        key = _squeeze(phrase, fillers)
        if key and key in residue:
            matched.append(phrase)
            residue = residue.replace(key, "")
    return TextAnalysis(text, residue, tuple(matched), len(_CJK.findall(residue)))


def is_boilerplate(analysis: TextAnalysis, min_chars: int) -> bool:
    """Empty, or nothing substantive (fewer than `min_chars` Chinese characters) beyond stock phrases."""
    return analysis.substantive_chars < min_chars


def _reports(ctx: RuleContext) -> list[MonitoringReport]:
    return ctx.records_of(MonitoringReport)


def _period_pairs(
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


# ---------------------------------------------------------------- MON001


def _rate_candidates(
    report: MonitoringReport, line: MonitoringLine
) -> Iterator[tuple[str, str, str, PrintedNumber, PrintedNumber, PrintedNumber]]:
    """Other numerator/denominator pairs a filer may have used, most likely first.

    Yields (kind, other line, other column, numerator, denominator, the substituted figure).
    """
    executed, budget = line.executed, line.annual_budget
    assert executed is not None and budget is not None
    initial = line.initial_budget
    if initial is not None and initial.value > 0 and definitely_different(initial, budget):
        yield "denominator", line.name, "initial_budget", executed, initial, initial
    for other in report.lines:
        ob = other.annual_budget
        if other is line or ob is None or ob.value <= 0 or not definitely_different(ob, budget):
            continue
        yield "denominator", other.name, "annual_budget", executed, ob, ob
    for other in report.lines:
        oe = other.executed
        if other is line or oe is None or not definitely_different(oe, executed):
            continue
        yield "numerator", other.name, "executed", oe, budget, oe


@rule("MON001", "execution_rate_mismatch", severity="error")
def execution_rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Reported 执行率 differs from 执行数 ÷ 全年预算数 beyond print precision."""
    units = Decimal(str(ctx.params.get("rounding_units", 1)))
    for report in _reports(ctx):
        for line in report.lines:
            inputs = _rate_inputs(line)
            reported = line.reported_rate
            if inputs is None or reported is None:
                continue
            executed, budget = inputs
            if rate_matches(reported, executed, budget, units):
                continue
            rate = computed_rate(executed, budget)
            interval = rate_interval(executed, budget)
            assert rate is not None and interval is not None
            evidence = [
                number_evidence(_role(report, "reported_rate", line.name), reported),
                number_evidence(_role(report, "executed", line.name), executed),
                number_evidence(_role(report, "annual_budget", line.name), budget),
            ]
            computed = format(round_half_up(rate, reported.decimals), "f")
            details = {
                "reported": rate_text(reported),
                "computed": computed,
                "computed_exact": exact_text(rate),
                "computed_low": exact_text(interval[0]),
                "computed_high": exact_text(interval[1]),
                "tolerance": format(reported.resolution * units, "f"),
                "executed": amount_text(executed),
                "annual_budget": amount_text(budget),
            }
            mu = message_unit([executed, budget])
            fmt = {
                **report_fmt(ctx, report),
                "line": line.name,
                "reported": rate_text(reported),
                "executed": mu.amount(executed),
                "budget": mu.amount(budget),
                "amount_unit": mu.unit,
                "computed": computed,
            }
            template = "message"
            match = next(
                (c for c in _rate_candidates(report, line) if rate_matches(reported, c[3], c[4], units)),
                None,
            )
            if match is not None:
                kind, other, column, numerator, denominator, figure = match
                alt_rate = computed_rate(numerator, denominator)
                assert alt_rate is not None
                alt_computed = format(round_half_up(alt_rate, reported.decimals), "f")
                evidence.append(number_evidence(_role(report, column, other), figure))
                details.update(
                    {
                        f"matched_{kind}": f"{_column_label(report, column)}（{other}）",
                        "matched_line": other,
                        "matched_column": COLUMN_NAMES[column],
                        "matched_value": amount_text(figure),
                        "matched_rate": alt_computed,
                    }
                )
                mu = message_unit([executed, budget, figure])
                fmt.update(
                    executed=mu.amount(executed),
                    budget=mu.amount(budget),
                    amount_unit=mu.unit,
                    alt_line=other,
                    alt_column=_column_label(report, column),
                    alt_amount=mu.amount(figure),
                    alt_computed=alt_computed,
                )
                template = f"message_{kind}"
            yield ctx.finding(
                report_subject(report, line.name, COLUMN_NAMES["reported_rate"]),
                evidence,
                details,
                template=template,
                **fmt,
            )


# ---------------------------------------------------------------- MON002


def _present_parts(report: MonitoringReport, spec: list[str]) -> tuple[list[str], list | None]:
    """The part lines of a relation that the report has. A name ending in `?` is optional
    (e.g. 上年结转 in 资金总额 = 财政拨款 + 上年结转 + 其他资金); a missing required part → None."""
    names, lines = [], []
    for entry in spec:
        name = entry.rstrip("?")
        line = report.line(name)
        if line is None:
            if entry.endswith("?"):
                continue
            return names, None
        names.append(name)
        lines.append(line)
    return names, lines


@rule("MON002", "line_sum_mismatch", severity="error")
def line_sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A total line differs from the sum of its part lines beyond rounding, in any amount column."""
    relations: dict[str, list[str]] = ctx.params.get("relations", {}) or {}
    scale = Decimal(str(ctx.params.get("tolerance_scale", 1)))
    part_template = ctx.params.get("part_template", "“{line}”{amount}{amount_unit}")
    joiner = ctx.params.get("part_joiner", "＋")
    for report in _reports(ctx):
        for total_name, spec in relations.items():
            total_line = report.line(total_name)
            part_names, part_lines = _present_parts(report, spec)
            if total_line is None or part_lines is None:
                continue
            for column in AMOUNT_COLUMNS:
                total = getattr(total_line, column)
                parts = [getattr(p, column) for p in part_lines]
                if total is None or any(p is None for p in parts):
                    continue
                mismatch = sum_mismatch(total, parts, scale)
                if mismatch is None:
                    continue
                computed, difference, tolerance = mismatch
                decimals = max(amount_decimals(x) for x in [total, *parts])
                mu = message_unit([total, *parts], [computed])
                evidence = [number_evidence(_role(report, column, total_name), total)] + [
                    number_evidence(_role(report, column, name), p) for name, p in zip(part_names, parts)
                ]
                details = {
                    "reported": amount_text(total),
                    "computed": format_amount(computed, decimals),
                    "difference": format_amount(difference, decimals),
                    "tolerance": format(tolerance, "f"),
                    "parts": "、".join(part_names),
                }
                yield ctx.finding(
                    report_subject(report, total_name, COLUMN_NAMES[column]),
                    evidence,
                    details,
                    **report_fmt(ctx, report),
                    line=total_name,
                    column=_column_label(report, column),
                    total=mu.amount(total),
                    parts=joiner.join(
                        part_template.format(line=name, amount=mu.amount(p), amount_unit=mu.unit)
                        for name, p in zip(part_names, parts)
                    ),
                    computed=mu.value(computed),
                    difference=mu.value(difference),
                    tolerance=mu.tolerance(tolerance),
                    amount_unit=mu.unit,
                )


# ---------------------------------------------------------------- MON003, MON004


@rule("MON003", "cumulative_decrease", severity="error")
def cumulative_decrease(ctx: RuleContext) -> Iterator[Finding]:
    """A later period's cumulative 执行数 is below an earlier period's for the same line."""
    for earlier, later in _period_pairs(_reports(ctx)):
        for line in later.lines:
            before = earlier.line(line.name)
            if before is None or before.executed is None or line.executed is None:
                continue
            if not definitely_less(line.executed, before.executed):
                continue
            evidence = [
                number_evidence(_role(earlier, "executed", line.name), before.executed),
                number_evidence(_role(later, "executed", line.name), line.executed),
            ]
            decimals = max(amount_decimals(before.executed), amount_decimals(line.executed))
            decrease = before.executed.value - line.executed.value
            mu = message_unit([before.executed, line.executed])
            details = {
                "earlier_period": earlier.period,
                "earlier": amount_text(before.executed),
                "later_period": later.period,
                "later": amount_text(line.executed),
                "decrease": format_amount(decrease, decimals),
            }
            yield ctx.finding(
                report_subject(later, line.name, COLUMN_NAMES["executed"]),
                evidence,
                details,
                **report_fmt(ctx, later),
                line=line.name,
                earlier_period=earlier.period,
                earlier=mu.amount(before.executed),
                later_period=later.period,
                later=mu.amount(line.executed),
                decrease=mu.value(decrease),
                amount_unit=mu.unit,
            )


@rule("MON004", "annual_budget_changed", severity="warning")
def annual_budget_changed(ctx: RuleContext) -> Iterator[Finding]:
    """全年预算数 changed between periods and the later table does not explain an adjustment."""
    keywords = [fold(k) for k in ctx.params.get("adjustment_keywords", []) or []]
    for earlier, later in _period_pairs(_reports(ctx)):
        for line in later.lines:
            before = earlier.line(line.name)
            if before is None or before.annual_budget is None or line.annual_budget is None:
                continue
            if not definitely_different(before.annual_budget, line.annual_budget):
                continue
            texts = [t for t in (line.deviation_reason, line.measure) if t is not None]
            if any(k and k in fold(t.text) for t in texts for k in keywords):
                continue
            # Both figures are 全年预算数; the role names the period table each comes from.
            budget_name = COLUMN_NAMES["annual_budget"]
            evidence = [
                number_evidence(f"{earlier.period}表{budget_name}（{line.name}）", before.annual_budget),
                number_evidence(f"{later.period}表{budget_name}（{line.name}）", line.annual_budget),
            ]
            evidence += [text_evidence(f"{later.period}说明（{line.name}）", t) for t in texts if t.text]
            decimals = max(amount_decimals(before.annual_budget), amount_decimals(line.annual_budget))
            change = line.annual_budget.value - before.annual_budget.value
            change_text = ("+" if change > 0 else "") + format_amount(change, decimals)
            mu = message_unit([before.annual_budget, line.annual_budget])
            details = {
                "earlier_period": earlier.period,
                "earlier": amount_text(before.annual_budget),
                "later_period": later.period,
                "later": amount_text(line.annual_budget),
                "change": change_text,
            }
            yield ctx.finding(
                report_subject(later, line.name, COLUMN_NAMES["annual_budget"]),
                evidence,
                details,
                **report_fmt(ctx, later),
                line=line.name,
                earlier_period=earlier.period,
                earlier=mu.amount(before.annual_budget),
                later_period=later.period,
                later=mu.amount(line.annual_budget),
                change=("+" if change > 0 else "") + mu.value(change),
                amount_unit=mu.unit,
            )


# ---------------------------------------------------------------- MON005–MON007


@rule("MON005", "execution_below_threshold", severity="warning")
def execution_below_threshold(ctx: RuleContext) -> Iterator[Finding]:
    """Computed execution rate below the period's warning threshold."""
    for report in _reports(ctx):
        for line in report.lines:
            below = below_threshold(report, line, ctx.settings)
            if below is None:
                continue
            evidence = below.evidence(report, line.name)
            yield ctx.finding(
                report_subject(report, line.name, COLUMN_NAMES["reported_rate"]),
                evidence,
                below.details(report),
                **report_fmt(ctx, report),
                **below.fmt(report),
                line=line.name,
            )


@rule("MON009", "negative_amount", severity="error")
def negative_amount(ctx: RuleContext) -> Iterator[Finding]:
    """A budget or execution figure below zero: MON001 cannot compute a rate from it, so without
    this rule a typo such as `-958.63` passes in silence. Example: 年初预算数 −958.63 万元."""
    for report in _reports(ctx):
        for line in report.lines:
            for column in ("initial_budget", "annual_budget", "executed"):
                pn: PrintedNumber | None = getattr(line, column)
                if pn is None or pn.value >= 0:
                    continue
                mu = message_unit([pn])
                evidence = [number_evidence(_role(report, column, line.name), pn)]
                yield ctx.finding(
                    report_subject(report, line.name, COLUMN_NAMES[column]),
                    evidence,
                    {"column": column, "value": str(pn.value)},
                    **report_fmt(ctx, report),
                    line=line.name,
                    column=_column_label(report, column),
                    value=mu.amount(pn),
                    amount_unit=mu.unit,
                )


def _deviation_text_rule(
    ctx: RuleContext, attr: str, column: str, role: str
) -> Iterator[Finding]:
    """Shared body of MON006/MON007: a below-threshold line whose `attr` text says nothing."""
    phrases = ctx.params.get("boilerplate", []) or []
    fillers = ctx.params.get("filler_words", []) or []
    min_chars = int(ctx.params.get("min_substantive_chars", 6))
    for report in _reports(ctx):
        for line in report.lines:
            below = below_threshold(report, line, ctx.settings)
            if below is None:
                continue
            value: TextValue | None = getattr(line, attr)
            analysis = analyse_text(value.text if value else "", phrases, fillers)
            if not is_boilerplate(analysis, min_chars):
                continue
            evidence = below.evidence(report, line.name)
            if value is not None:
                evidence.append(text_evidence(f"{role}（{line.name}）", value))
            details = {
                **below.details(report),
                "text": analysis.text,
                "matched_boilerplate": "、".join(analysis.matched),
                "substantive_chars": str(analysis.substantive_chars),
                "min_substantive_chars": str(min_chars),
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


@rule("MON006", "deviation_without_reason", severity="warning")
def deviation_without_reason(ctx: RuleContext) -> Iterator[Finding]:
    """A line below the threshold whose 偏差原因 is empty or only boilerplate."""
    yield from _deviation_text_rule(ctx, "deviation_reason", "偏差原因", "偏差原因")


@rule("MON007", "deviation_without_measure", severity="warning")
def deviation_without_measure(ctx: RuleContext) -> Iterator[Finding]:
    """A line below the threshold whose 改进措施 is empty or only boilerplate."""
    yield from _deviation_text_rule(ctx, "measure", "改进措施", "改进措施")


# ---------------------------------------------------------------- MON008


def says_certain(text: str, phrases: Iterable[str], negations: Iterable[str]) -> bool:
    """The likelihood text states certainty (确定能), and not as part of a negation (不确定能否)."""
    t = fold(text)
    negations = [fold(n) for n in negations if n]
    for phrase in (fold(p) for p in phrases):
        start = t.find(phrase) if phrase else -1
        while start != -1:
            if not any(t[:start].endswith(n) for n in negations):
                return True
            start = t.find(phrase, start + 1)
    return False


@rule("MON008", "forecast_below_target_but_certain", severity="warning")
def forecast_below_target_but_certain(ctx: RuleContext) -> Iterator[Finding]:
    """全年预计完成值 falls short of 年度指标值 while 完成目标可能性 says 确定能."""
    phrases = ctx.params.get("certain_phrases", ["确定能"]) or []
    negations = ctx.params.get("negations", ["不"]) or []
    for report in _reports(ctx):
        for name, ind in zip(indicator_names(report.indicators), report.indicators):
            if ind.likelihood is None or not says_certain(ind.likelihood.text, phrases, negations):
                continue
            if not falls_short(ind.target, ind.forecast):
                continue
            assert ind.target is not None and ind.forecast is not None
            evidence = [
                indicator_evidence(f"年度指标值（{name}）", ind.target, ind.ref),
                indicator_evidence(f"全年预计完成值（{name}）", ind.forecast, ind.ref),
                text_evidence(f"完成目标可能性（{name}）", ind.likelihood),
            ]
            details = {
                "target": ind.target.raw,
                "target_operator": ind.target.operator or "",
                "target_number": format(ind.target.number, "f"),
                "forecast": ind.forecast.raw,
                "forecast_number": format(ind.forecast.number, "f"),
                "likelihood": ind.likelihood.text,
            }
            yield ctx.finding(
                report_subject(report, name, "全年预计完成值"),
                evidence,
                details,
                **report_fmt(ctx, report),
                indicator=name,
                target=ind.target.raw,
                forecast=ind.forecast.raw,
                likelihood=ind.likelihood.text,
            )
