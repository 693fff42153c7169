"""Cross-checks of narrative reports (监控报告 / 自评报告), RPT001–RPT006.

A report repeats its tables' figures in sentences. An auditor checks that each stated rate follows
from the stated amounts (RPT001), that stated amounts and rates equal the tables' for the same
unit, year, period and line (RPT002, RPT003), that a below-threshold execution comes with a real
deviation analysis (RPT004) and concrete measures (RPT005), that a stated year-on-year change
follows from the two years' stated amounts (RPT006), that a stated indicator value equals the
table's 实际完成值 (RPT007), and that the stated parts add up to the stated totals (RPT008).

Tables are read through *fact sources*: a small function turning a table record into
(unit, year, period, line, column) → figure facts. Monitoring tables (every line and column of
their period), unit-wide target tables (年度资金总额 as 合计 年初预算, any period) and final-accounts
publications (the year's 执行数 of 合计/基本支出/项目支出) are sources; another table kind (a
self-evaluation table) plugs in with `register_facts(RecordType, function)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from checks.catalogue import RuleContext, rule
from checks.common.evidence import (
    amount_decimals,
    amount_text,
    format_amount,
    message_unit,
    indicator_evidence,
    number_evidence,
    plain,
    rate_text,
)
from checks.common.links import same_unit, similarity
from checks.common.targets import name_key
from checks.common.monitoring import report_fmt
from checks.common.text import analyse_text, is_boilerplate
from checks.common.tolerance import (
    HUNDRED,
    computed_rate,
    definitely_different,
    rate_interval,
    rate_matches,
    round_half_up,
    sum_mismatch,
    threshold_for,
    time_progress,
)
from textnorm.text import fold
from schemas.findings import Evidence, Finding, Subject
from checks.common.narrative import total_row
from schemas.final_accounts import Publication
from schemas.monitoring import MonitoringReport
from schemas.narrative_report import NarrativeReport, ReportFigure
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.targets import TargetTable

BUDGET_LINES = ("合计", "基本支出", "人员经费", "公用经费", "项目支出")
# The lines whose reasons explain a line's deviation: itself and its parts.
LINE_SCOPE = {"合计": BUDGET_LINES, "基本支出": ("基本支出", "人员经费", "公用经费")}
COLUMNS = {"全年预算": "全年预算数", "年初预算": "年初预算数", "执行数": "执行数", "执行率": "执行率"}


# ---------------------------------------------------------------- facts from tables


@dataclass(frozen=True)
class Fact:
    """One figure of a table: what it is, where it is, and how messages name its table."""

    value: PrintedNumber | None  # None for a rate computed from the table's amounts
    table: str  # 2024年1-6月部门整体绩效运行监控表
    computed_from: tuple[PrintedNumber, PrintedNumber] | None = None  # (执行数, 全年预算数) of a rate


FactKey = tuple[str, int, int, str, str]  # folded unit, year, period months, line, column
FactSource = Callable[[BaseModel, RuleContext], Iterator[tuple[FactKey, Fact]]]
FACT_SOURCES: dict[type[BaseModel], FactSource] = {}


def register_facts(record_type: type[BaseModel], source: FactSource) -> FactSource:
    """Plug a table kind into RPT002/RPT003: `source(record, ctx)` yields (key, fact)."""
    FACT_SOURCES[record_type] = source
    return source


def monitoring_facts(record: BaseModel, ctx: RuleContext) -> Iterator[tuple[FactKey, Fact]]:
    """A unit-wide 绩效运行监控表: every budget line's 年初预算数, 全年预算数, 执行数 and 执行率
    (the filled-in rate, else the rate computed from the table's amounts)."""
    assert isinstance(record, MonitoringReport)
    if record.kind != "unit":
        return
    fmt = report_fmt(ctx, record)
    table = f"{record.year}年{record.period}{fmt['title']}"
    unit = fold(record.unit.value)
    for ln in record.lines:
        if ln.name not in BUDGET_LINES:
            continue
        key = (unit, record.year, record.period_months, ln.name)
        for column, value in (("年初预算", ln.initial_budget), ("全年预算", ln.annual_budget),
                              ("执行数", ln.executed)):
            if value is not None and not value.blank:
                yield (*key, column), Fact(value, table)
        if ln.reported_rate is not None:
            yield (*key, "执行率"), Fact(ln.reported_rate, table)
        elif ln.executed is not None and ln.annual_budget is not None and ln.annual_budget.value > 0:
            yield (*key, "执行率"), Fact(None, table,
                                         computed_from=(ln.executed, ln.annual_budget))


register_facts(MonitoringReport, monitoring_facts)

ANY_PERIOD = 0  # a fact that holds for every period of its year (the approved 年初预算)


def target_facts(record: BaseModel, ctx: RuleContext) -> Iterator[tuple[FactKey, Fact]]:
    """A unit-wide 绩效目标表: its 年度资金总额 is the unit's 年初预算 (合计), for every period."""
    assert isinstance(record, TargetTable)
    if record.kind != "unit" or record.budget_total is None or record.budget_total.blank:
        return
    yield ((fold(record.unit.value), record.year, ANY_PERIOD, "合计", "年初预算"),
           Fact(record.budget_total, f"{record.year}年度部门整体支出绩效目标表"))


def publication_facts(record: BaseModel, ctx: RuleContext) -> Iterator[tuple[FactKey, Fact]]:
    """A 部门决算: the year's spending (本年支出合计, 基本支出, 项目支出 of the 支出决算表's total row)
    is what a self-evaluation report states as the year's 执行数."""
    assert isinstance(record, Publication)
    if record.kind != "决算" or record.template:
        return
    unit = fold(record.unit.value)
    for line, column in (("合计", "本年支出合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出")):
        found = total_row(record, "支出决算表", column)
        if found is None:
            continue
        table, row, header = found
        value = row.values[header]
        if not value.blank:
            yield (unit, record.year, 12, line, "执行数"), Fact(value, f"{record.year}年度部门决算{table.title}")


register_facts(TargetTable, target_facts)
register_facts(Publication, publication_facts)


def table_facts(ctx: RuleContext) -> dict[FactKey, list[Fact]]:
    facts: dict[FactKey, list[Fact]] = {}
    for record in ctx.records:
        source = FACT_SOURCES.get(type(record))
        if source is None:
            continue
        for key, fact in source(record, ctx):
            facts.setdefault(key, []).append(fact)
    return facts


# ---------------------------------------------------------------- shared helpers


def _reports(ctx: RuleContext) -> list[NarrativeReport]:
    return ctx.records_of(NarrativeReport)


def _doc(report: NarrativeReport) -> str:
    if report.report_type == "self_evaluation":
        return f"{report.year}年度绩效自评报告"
    return f"{report.year}年{report.period}绩效运行监控报告"


def _fmt(report: NarrativeReport, period: int | None = None) -> dict[str, Any]:
    months = period or report.period_months
    return {"unit": report.unit.value, "doc": _doc(report), "year": report.year,
            "period": f"1-{months}月" if months < 12 else "全年"}


def _subject(report: NarrativeReport, line: str, column: str, period: int | None = None) -> Subject:
    months = period or report.period_months
    return Subject(unit=report.unit.value, year=report.year,
                   period=f"1-{months}月" if months < 12 else "全年",
                   project="", line=line, column=column)


def _role(fig: ReportFigure) -> str:
    return f"报告所述{COLUMNS.get(fig.measure, fig.measure)}（{fig.line}）"


def _ev(fig: ReportFigure) -> Evidence:
    return number_evidence(_role(fig), fig.value)


def _budget_figures(report: NarrativeReport) -> list[ReportFigure]:
    return [f for f in report.figures if not f.indicator and f.line in BUDGET_LINES]


def _partner(figs: list[ReportFigure], rate_fig: ReportFigure, measures: tuple[str, ...]) -> ReportFigure | None:
    """The figure of the same line and period the rate belongs with: from the same sentence if
    it states one, else the first the report states."""
    same = [f for f in figs if f.line == rate_fig.line and f.period_months == rate_fig.period_months
            and f.measure in measures]
    for m in measures:
        for f in same:
            if f.measure == m and f.text == rate_fig.text:
                return f
    for m in measures:
        for f in same:
            if f.measure == m:
                return f
    return None


@dataclass(frozen=True)
class _Low:
    line: str
    rate: Decimal  # unrounded (or as stated)
    decimals: int
    threshold: Decimal
    evidence: list[Evidence]


def _below_threshold(report: NarrativeReport, settings: dict[str, Any]) -> list[_Low]:
    """Lines whose execution, as the report states it, is certainly below the period threshold:
    computed from the stated amounts when both are stated, else the stated rate."""
    threshold = threshold_for(report.period_months, settings.get("execution_thresholds", {}))
    if threshold is None:
        return []
    figs = [f for f in _budget_figures(report) if f.period_months == report.period_months]
    out: list[_Low] = []
    for line in BUDGET_LINES:
        executed = next((f for f in figs if f.line == line and f.measure == "执行数"), None)
        budget = next((f for f in figs if f.line == line and f.measure == "全年预算"), None)
        stated = next((f for f in figs if f.line == line and f.measure == "执行率"), None)
        if executed is not None and budget is not None and budget.value.value > 0:
            interval = rate_interval(executed.value, budget.value)
            rate = computed_rate(executed.value, budget.value)
            if interval is not None and rate is not None and interval[1] < threshold:
                out.append(_Low(line, rate, stated.value.decimals if stated else 2, threshold,
                                [_ev(executed), _ev(budget)]))
        elif stated is not None and stated.value.value + stated.value.resolution < threshold:
            out.append(_Low(line, stated.value.value, stated.value.decimals, threshold, [_ev(stated)]))
    return out


def _sentence_evidence(role: str, text: str, ref: SourceRef) -> Evidence:
    return Evidence(role=role, raw=text, value=None, ref=ref.with_label())


# ---------------------------------------------------------------- RPT001


@rule("RPT001", "report_rate_miscalculated", severity="error")
def report_rate_miscalculated(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 执行率 differs from the stated 执行数 ÷ stated 全年预算数 beyond print precision."""
    units = Decimal(str(ctx.params.get("rounding_units", 1)))
    for report in _reports(ctx):
        figs = _budget_figures(report)
        for fig in figs:
            if fig.measure != "执行率":
                continue
            executed = _partner(figs, fig, ("执行数",))
            budget = _partner(figs, fig, ("全年预算",))
            if executed is None or budget is None or budget.value.value <= 0:
                continue
            if rate_matches(fig.value, executed.value, budget.value, units):
                continue
            computed = computed_rate(executed.value, budget.value)
            assert computed is not None
            evidence = [_ev(fig), _ev(executed), _ev(budget)]
            shown = format(round_half_up(computed, fig.value.decimals or 2), "f")
            mu = message_unit([executed.value, budget.value])
            yield ctx.finding(
                _subject(report, fig.line, "执行率", fig.period_months), evidence,
                {"reported": rate_text(fig.value), "computed": shown, "computed_exact": str(computed)},
                **_fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                reported=rate_text(fig.value), executed=mu.amount(executed.value),
                budget=mu.amount(budget.value), amount_unit=mu.unit, computed=shown)


# ---------------------------------------------------------------- RPT002 / RPT003


def _lookup(ctx: RuleContext, report: NarrativeReport, fig: ReportFigure,
            facts: dict[FactKey, list[Fact]]) -> list[Fact]:
    """The facts of the same unit (equal, or one name ending with the other: a district prefix
    left out), year, period (or any period), line and column."""
    out: list[Fact] = []
    for period in (fig.period_months, ANY_PERIOD):
        for (unit, year, months, line, column), found in facts.items():
            if (year, months, line, column) == (report.year, period, fig.line, fig.measure) \
                    and same_unit(unit, report.unit.value):
                out.extend(found)
    return out


@rule("RPT002", "report_amount_mismatch", severity="error")
def report_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated budget or executed amount differs from the same unit/year/period/line of a table."""
    facts = table_facts(ctx)
    for report in _reports(ctx):
        seen: set[tuple[str, int, str]] = set()
        for fig in _budget_figures(report):
            if fig.measure not in ("全年预算", "年初预算", "执行数"):
                continue
            for fact in _lookup(ctx, report, fig, facts):
                if fact.value is None or not definitely_different(fig.value, fact.value):
                    continue
                key = (fig.line, fig.period_months, fig.measure)
                if key in seen:
                    continue
                seen.add(key)
                column = COLUMNS[fig.measure]
                mu = message_unit([fig.value, fact.value])
                evidence = [_ev(fig), number_evidence(f"{fact.table}{column}（{fig.line}）", fact.value)]
                yield ctx.finding(
                    _subject(report, fig.line, column, fig.period_months), evidence,
                    {"stated": amount_text(fig.value), "table_value": amount_text(fact.value)},
                    **_fmt(report, fig.period_months), line=fig.line, column=column,
                    stated=mu.amount(fig.value), table=fact.table, table_value=mu.amount(fact.value),
                    difference=mu.value(abs(fig.value.value - fact.value.value)), amount_unit=mu.unit)


@rule("RPT003", "report_rate_differs_from_table", severity="error")
def report_rate_differs_from_table(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 执行率 differs from the table's 执行率 (filled in, else computed) for the same line."""
    units = Decimal(str(ctx.params.get("rounding_units", 1)))
    facts = table_facts(ctx)
    for report in _reports(ctx):
        seen: set[tuple[str, int]] = set()
        for fig in _budget_figures(report):
            if fig.measure != "执行率" or (fig.line, fig.period_months) in seen:
                continue
            for fact in _lookup(ctx, report, fig, facts):
                if fact.computed_from is not None:
                    executed, budget = fact.computed_from
                    if rate_matches(fig.value, executed, budget, units):
                        continue
                    rate = computed_rate(executed, budget)
                    assert rate is not None
                    table_value = format(round_half_up(rate, fig.value.decimals or 2), "f")
                    evidence = [_ev(fig), number_evidence(f"{fact.table}执行数（{fig.line}）", executed),
                                number_evidence(f"{fact.table}全年预算数（{fig.line}）", budget)]
                    mu = message_unit([executed, budget])
                    extra = {"template": "message_computed", "executed": mu.amount(executed),
                             "budget": mu.amount(budget), "amount_unit": mu.unit}
                else:
                    assert fact.value is not None
                    if not definitely_different(fig.value, fact.value):
                        continue
                    table_value = rate_text(fact.value)
                    evidence = [_ev(fig), number_evidence(f"{fact.table}执行率（{fig.line}）", fact.value)]
                    extra = {}
                seen.add((fig.line, fig.period_months))
                yield ctx.finding(
                    _subject(report, fig.line, "执行率", fig.period_months), evidence,
                    {"stated": rate_text(fig.value), "table_value": table_value},
                    **_fmt(report, fig.period_months), line=fig.line, stated=rate_text(fig.value),
                    table=fact.table, table_value=table_value, **extra)
                break


# ---------------------------------------------------------------- RPT004 / RPT005


@rule("RPT004", "report_deviation_analysis_missing", severity="warning")
def report_deviation_analysis_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A line the report shows below the period threshold, with no reason or only boilerplate."""
    phrases = ctx.params.get("boilerplate", []) or []
    fillers = [*(ctx.params.get("filler_words", []) or []), *(ctx.params.get("restated_words", []) or [])]
    min_chars = int(ctx.params.get("min_substantive_chars", 6))
    for report in _reports(ctx):
        reasons = report.reasons()
        for low in _below_threshold(report, ctx.settings):
            # a reason about a part explains its whole (项目支出 → 合计, 公用经费 → 基本支出)
            scope = LINE_SCOPE.get(low.line, (low.line,))
            about = [s for s in reasons if any(ln in s.lines for ln in scope)] or \
                [s for s in reasons if not any(ln in s.lines for ln in BUDGET_LINES)]
            text = "".join(s.text for s in about)
            analysis = analyse_text(text, phrases, fillers)
            if not is_boilerplate(analysis, min_chars):
                continue
            evidence = low.evidence + [_sentence_evidence("报告所述偏差原因", s.text, s.ref) for s in about]
            shown = format(round_half_up(low.rate, low.decimals), "f")
            yield ctx.finding(
                _subject(report, low.line, "偏差原因"), evidence,
                {"rate": shown, "threshold": plain(low.threshold), "text": text,
                 "matched_boilerplate": "、".join(analysis.matched),
                 "substantive_chars": str(analysis.substantive_chars)},
                template="message_empty" if not about else "message",
                **_fmt(report), line=low.line, rate=shown, threshold=plain(low.threshold),
                progress=plain(time_progress(report.period_months)), text=text.rstrip("。"))


def _concrete(text: str, params: dict[str, Any]) -> bool:
    t = fold(text)
    if any(re.search(p, t) for p in params.get("date_patterns", []) or []):
        return True
    if any(re.search(p, t) for p in params.get("owner_patterns", []) or []):
        return True
    analysis = analyse_text(text, params.get("boilerplate", []) or [], params.get("filler_words", []) or [])
    return not is_boilerplate(analysis, int(params.get("min_substantive_chars", 10)))


@rule("RPT005", "report_measures_not_concrete", severity="warning")
def report_measures_not_concrete(ctx: RuleContext) -> Iterator[Finding]:
    """A report showing below-threshold execution whose measures name no action, owner or date."""
    for report in _reports(ctx):
        lows = _below_threshold(report, ctx.settings)
        if not lows:
            continue
        measures = report.measures()
        if any(_concrete(s.text, ctx.params) for s in measures):
            continue
        text = "；".join(s.text.rstrip("。；") for s in measures)
        evidence = [e for low in lows for e in low.evidence] + \
            [_sentence_evidence("报告所述改进措施", s.text, s.ref) for s in measures]
        lines = "、".join(f"“{low.line}”" for low in lows)
        yield ctx.finding(
            _subject(report, "", "改进措施"), evidence,
            {"lines": [low.line for low in lows], "text": text},
            template="message" if measures else "message_empty",
            **_fmt(report), lines=lines, line="", text=text)


# ---------------------------------------------------------------- RPT006


@rule("RPT006", "report_change_miscalculated", severity="error")
def report_change_miscalculated(ctx: RuleContext) -> Iterator[Finding]:
    """A stated 较上年增长/下降 N% differs from the stated current and previous-year amounts."""
    units = Decimal(str(ctx.params.get("rounding_units", 1)))
    for report in _reports(ctx):
        figs = _budget_figures(report)
        for fig in figs:
            if fig.measure != "变动率" or fig.comparison is None:
                continue
            previous = next((f for f in figs if f.line == fig.line and f.measure == "上年执行数"
                             and f.period_months == fig.period_months and f.text == fig.text), None) or \
                next((f for f in figs if f.line == fig.line and f.measure == "上年执行数"
                      and f.period_months == fig.period_months), None)
            current = next((f for f in figs if f.line == fig.line and f.measure == "执行数"
                            and f.period_months == fig.period_months and f.text == fig.text), None) or \
                next((f for f in figs if f.line == fig.line and f.measure == "执行数"
                      and f.period_months == fig.period_months), None)
            if previous is None or current is None or previous.value.value <= 0:
                continue
            down = fig.comparison in ("下降", "减少", "降低")
            # current ÷ previous as a rate: 100 + N for a rise, 100 − N for a fall
            shifted_value = HUNDRED - fig.value.value if down else HUNDRED + fig.value.value
            shifted = fig.value.model_copy(update={"value": shifted_value})
            if rate_matches(shifted, current.value, previous.value, units):
                continue
            ratio = computed_rate(current.value, previous.value)
            assert ratio is not None
            change = ratio - HUNDRED
            shown = format(round_half_up(abs(change), fig.value.decimals or 2), "f")
            evidence = [_ev(fig), _ev(current), _ev(previous)]
            mu = message_unit([current.value, previous.value])
            yield ctx.finding(
                _subject(report, fig.line, "变动率", fig.period_months), evidence,
                {"reported": rate_text(fig.value), "computed": format(round_half_up(change, 4), "f")},
                **_fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                compared=fig.compared_to or "上年", word=fig.comparison, reported=rate_text(fig.value),
                current=mu.amount(current.value), previous=mu.amount(previous.value), amount_unit=mu.unit,
                computed_word="增长" if change >= 0 else "下降", computed=shown)


# ---------------------------------------------------------------- RPT007


def _decimals(raw: str) -> int:
    m = re.search(r"\d+(?:[.．](\d+))?", raw)
    return len(m.group(1)) if m and m.group(1) else 0


@rule("RPT007", "report_indicator_differs_from_table", severity="error")
def report_indicator_differs_from_table(ctx: RuleContext) -> Iterator[Finding]:
    """A stated indicator value (“‘开展政策宣传活动’已完成12次”) differs from the 1–N月实际完成值
    of the same indicator in a monitoring table of the same unit, year and period. Only point
    values in the same unit are compared (no 完成率, no ranges or operators)."""
    threshold = Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))
    tables = ctx.records_of(MonitoringReport)
    for report in _reports(ctx):
        for fig in report.figures:
            if not fig.indicator or fig.measure != "完成值":
                continue
            candidates = [(ind, t) for t in tables
                          if t.year == report.year and t.period_months == fig.period_months
                          and same_unit(t.unit.value, report.unit.value) for ind in t.indicators]
            equal = [(ind, t) for ind, t in candidates if name_key(ind.level3) == name_key(fig.line)]
            scored = equal or [(ind, t) for ind, t in candidates if similarity(ind.level3, fig.line) >= threshold]
            if len({name_key(ind.level3) for ind, _ in scored}) != 1:
                continue  # no table states it, or the name is ambiguous
            ind, table = scored[0]
            actual = ind.actual
            if actual is None or actual.number is None or actual.upper is not None or \
                    actual.operator not in (None, "=") or (actual.unit or "") != (fig.value.unit or ""):
                continue
            step = Decimal(1).scaleb(-min(fig.value.decimals, _decimals(actual.raw)))
            if abs(fig.value.value - actual.number) < step:
                continue
            fmt = report_fmt(ctx, table)
            table_name = f"{table.year}年{table.period}{fmt['title']}"
            evidence = [_ev(fig), indicator_evidence(f"{table_name}“{ind.level3}”实际完成值", actual, ind.ref)]
            yield ctx.finding(
                _subject(report, fig.line, "完成值", fig.period_months), evidence,
                {"stated": fig.value.raw, "table_value": actual.raw, "table_indicator": ind.level3},
                **_fmt(report, fig.period_months), line=fig.line, sentence=fig.text.rstrip("。"),
                stated=fig.value.raw, table=table_name, table_value=actual.raw)


# ---------------------------------------------------------------- RPT008


@rule("RPT008", "report_parts_differ_from_total", severity="error")
def report_parts_differ_from_total(ctx: RuleContext) -> Iterator[Finding]:
    """The report's own amounts of one measure and period do not add up (基本支出 = 人员经费 +
    公用经费, 合计 = 基本支出 + 项目支出, …) beyond the rounding of the printed figures."""
    relations = ctx.params.get("relations", []) or []
    for report in _reports(ctx):
        first: dict[tuple[str, str, int], ReportFigure] = {}
        for fig in _budget_figures(report):
            if fig.measure in ("全年预算", "年初预算", "执行数"):
                first.setdefault((fig.line, fig.measure, fig.period_months), fig)
        measures = sorted({(m, p) for _, m, p in first}, key=lambda mp: (mp[1], mp[0]))
        for measure, period in measures:
            done: set[str] = set()
            stated = {line for line, m, p in first if (m, p) == (measure, period)}
            for relation in relations:
                whole, parts = relation["whole"], relation["parts"]
                if whole in done or stated & set(relation.get("unless", [])):
                    continue
                total = first.get((whole, measure, period))
                figs = [first.get((ln, measure, period)) for ln in parts]
                if total is None or any(f is None for f in figs):
                    continue
                mismatch = sum_mismatch(total.value, [f.value for f in figs if f is not None])
                if mismatch is None:
                    continue
                done.add(whole)
                computed, difference, _tolerance = mismatch
                decimals = max(amount_decimals(f.value) for f in [total, *figs] if f is not None)
                mu = message_unit([f.value for f in [total, *figs] if f is not None], [computed])
                evidence = [_ev(total)] + [_ev(f) for f in figs if f is not None]
                column = COLUMNS[measure]
                yield ctx.finding(
                    _subject(report, whole, column, period), evidence,
                    {"total": amount_text(total.value), "computed": format_amount(computed, decimals),
                     "parts": list(parts)},
                    **_fmt(report, period), line=whole, column=column, total=mu.amount(total.value),
                    parts="、".join(f"“{p}”" for p in parts), computed=mu.value(computed),
                    difference=mu.value(abs(difference)), amount_unit=mu.unit)
