"""What the narrative-report rules (监控报告 / 自评报告, RPT001–RPT008, checks/narrative_report/) share.

Tables are read through *fact sources*: a small function turning a table record into
(unit, year, period, line, column) → figure facts. Monitoring tables (every line and column of
their period), unit-wide target tables (年度资金总额 as 合计 年初预算, any period) and final-accounts
publications (the year's 执行数 of 合计/基本支出/项目支出) are sources; another table kind (a
self-evaluation table) plugs in with `register_facts(RecordType, function)`. RPT002/RPT003 look a
stated figure up among them (`table_facts`, `lookup`).

Also here: the reports of a run, their placeholders and subjects, the evidence of a stated figure,
the budget-line figures a report states, the lines it shows below the period threshold (RPT004,
RPT005), and the parameters the rate rules share (`RoundingParams`: RPT001, RPT003, RPT006).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from checks.catalogue import RuleContext
from checks.common.evidence import number_evidence
from checks.common.links import same_unit
from checks.common.monitoring import report_fmt
from checks.common.narrative import total_row
from checks.common.params import RuleParams
from checks.common.tolerance import computed_rate, rate_interval, threshold_for
from schemas.final_accounts import Publication
from schemas.findings import Evidence, Subject
from schemas.monitoring import MonitoringReport
from schemas.narrative_report import NarrativeReport, ReportFigure
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.targets import TargetTable
from textnorm.text import fold


class RoundingParams(RuleParams):
    """The parameter of the rules comparing a stated rate with one computed from amounts."""

    rounding_units: Decimal  # how many units of the rate's last printed digit it may be off


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


def reports(ctx: RuleContext) -> list[NarrativeReport]:
    return ctx.records_of(NarrativeReport)


def _doc(report: NarrativeReport) -> str:
    if report.report_type == "self_evaluation":
        return f"{report.year}年度绩效自评报告"
    return f"{report.year}年{report.period}绩效运行监控报告"


def fmt(report: NarrativeReport, period: int | None = None) -> dict[str, Any]:
    months = period or report.period_months
    return {"unit": report.unit.value, "doc": _doc(report), "year": report.year,
            "period": f"1-{months}月" if months < 12 else "全年"}


def subject(report: NarrativeReport, line: str, column: str, period: int | None = None) -> Subject:
    months = period or report.period_months
    return Subject(unit=report.unit.value, year=report.year,
                   period=f"1-{months}月" if months < 12 else "全年",
                   project="", line=line, column=column)


def _role(fig: ReportFigure) -> str:
    return f"报告所述{COLUMNS.get(fig.measure, fig.measure)}（{fig.line}）"


def ev(fig: ReportFigure) -> Evidence:
    return number_evidence(_role(fig), fig.value)


def budget_figures(report: NarrativeReport) -> list[ReportFigure]:
    return [f for f in report.figures if not f.indicator and f.line in BUDGET_LINES]


@dataclass(frozen=True)
class Low:
    """A line the report shows below the period threshold, with the evidence of its rate."""

    line: str
    rate: Decimal  # unrounded (or as stated)
    decimals: int
    threshold: Decimal
    evidence: list[Evidence]


def below_threshold(report: NarrativeReport, settings: dict[str, Any]) -> list[Low]:
    """Lines whose execution, as the report states it, is certainly below the period threshold:
    computed from the stated amounts when both are stated, else the stated rate."""
    threshold = threshold_for(report.period_months, settings.get("execution_thresholds", {}))
    if threshold is None:
        return []
    figs = [f for f in budget_figures(report) if f.period_months == report.period_months]
    out: list[Low] = []
    for line in BUDGET_LINES:
        executed = next((f for f in figs if f.line == line and f.measure == "执行数"), None)
        budget = next((f for f in figs if f.line == line and f.measure == "全年预算"), None)
        stated = next((f for f in figs if f.line == line and f.measure == "执行率"), None)
        if executed is not None and budget is not None and budget.value.value > 0:
            interval = rate_interval(executed.value, budget.value)
            rate = computed_rate(executed.value, budget.value)
            if interval is not None and rate is not None and interval[1] < threshold:
                out.append(Low(line, rate, stated.value.decimals if stated else 2, threshold,
                               [ev(executed), ev(budget)]))
        elif stated is not None and stated.value.value + stated.value.resolution < threshold:
            out.append(Low(line, stated.value.value, stated.value.decimals, threshold, [ev(stated)]))
    return out


def sentence_evidence(role: str, text: str, ref: SourceRef) -> Evidence:
    return Evidence(role=role, raw=text, value=None, ref=ref.with_label())


def lookup(ctx: RuleContext, report: NarrativeReport, fig: ReportFigure,
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
