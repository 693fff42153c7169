"""What an evaluation report draft says, gathered from a run's outputs.

A run folder holds documents.json (typed records), findings.json and, once the scoring stage has
run, scores.json (a list of ScoreCard). `load_run` reads them; `build_reports` makes one
`ReportData` per unit and year. Every figure here comes from a record, a finding or a card.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from checks.common.cross_document import AnnualExecution, annual_execution
from checks.common.links import same_unit
from checks.common.tolerance import percent
from schemas.errors import JixiaoError
from schemas.final_accounts import Publication
from schemas.findings import Evidence, Finding
from schemas.monitoring import MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.run import DocumentResult
from schemas.scoring import ScoreCard
from schemas.targets import TargetTable

CONFIG_FILE = Path(__file__).with_name("report.yaml")
CENT = Decimal("0.01")
TO_FILL = "（待填写）"


class ReportError(JixiaoError):
    """A run folder that cannot be reported on; the message is Chinese and names the path."""

    code = "report.failed"
    category = "input"


def load_config(path: Path | None = None) -> dict[str, Any]:
    with open(path or CONFIG_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def fmt_amount(n: Decimal | None) -> str:
    return "" if n is None else f"{n.quantize(CENT, rounding=ROUND_HALF_UP)}"


def fmt_rate(n: Decimal | None) -> str:
    return "" if n is None else f"{n.quantize(CENT, rounding=ROUND_HALF_UP)}%"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def evidence_label(ev: Evidence, shown: int | None = None) -> str:
    """“role：raw（file cell）”, the raw text cut to `shown` characters."""
    ref = ev.ref.with_label()
    where = f"{ref.file_name} {ref.label}" if ref.label and ref.label != ref.file_name else ref.file_name
    raw = ev.raw if shown is None or len(ev.raw) <= shown else ev.raw[:shown] + "…"
    return f"{ev.role}：{raw}（{where}）"


@dataclass
class RunData:
    run_id: str
    folder: Path
    documents: list[DocumentResult]
    findings: list[Finding]
    cards: list[ScoreCard] | None  # None: no scores.json (scoring not done)


def load_run(folder: Path) -> RunData:
    def read(name: str) -> Any:
        try:
            return json.loads((folder / name).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ReportError(f"运行结果文件“{folder / name}”无法读取（{exc}）") from exc

    documents = [DocumentResult.model_validate(d) for d in read("documents.json")]
    findings = [Finding.model_validate(f) for f in read("findings.json")] if (folder / "findings.json").exists() else []
    cards = None
    if (folder / "scores.json").exists():
        cards = [ScoreCard.model_validate(c) for c in read("scores.json")]
    return RunData(run_id=folder.name, folder=folder, documents=documents, findings=findings, cards=cards)


@dataclass
class LineRate:
    name: str
    annual_budget: PrintedNumber | None
    executed: PrintedNumber | None
    rate: Decimal | None  # executed ÷ annual budget, computed
    reported: PrintedNumber | None  # the rate as the table prints it


@dataclass
class PeriodExecution:
    label: str  # 1-6月, 1-9月, 全年
    months: int
    time_progress: Decimal  # percent
    source: str  # 绩效运行监控表 / 部门决算
    file_name: str
    budget: Decimal | None
    executed: Decimal | None
    rate: Decimal | None
    lines: list[LineRate] = field(default_factory=list)


@dataclass
class LevelCount:
    level1: str
    total: int
    quantitative: int


@dataclass
class ReportData:
    unit: str
    year: int
    title: str
    client: str
    evaluator: str
    lead_evaluator: str
    date: str
    run_id: str
    config: dict[str, Any]
    target: TargetTable | None
    budget: PrintedNumber | None  # the year's budget: target table 预算总额, else monitoring 全年预算数
    budget_source: str
    periods: list[PeriodExecution]
    year_execution: AnnualExecution | None  # from the final accounts, as the scoring stage's E1 takes it
    year_execution_source: str  # 《the final accounts' file stem》
    levels: list[LevelCount]
    indicator_total: int
    quantitative: int
    quantitative_share: Decimal | None
    documents: list[DocumentResult]
    findings: list[Finding]
    card: ScoreCard | None
    scored: bool  # a scores.json exists in the run

    @property
    def actual_spent(self) -> Decimal | None:
        return self.year_execution.actual if self.year_execution is not None else None

    def findings_by_rule(self) -> list[tuple[str, str, list[Finding]]]:
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            groups.setdefault(f.rule_id, []).append(f)
        return [(rid, fs[0].rule_title or fs[0].rule_name, fs) for rid, fs in groups.items()]


def _unit_of(rec: Any) -> str:
    """The unit a record is about ('' for a record type without one)."""
    unit = getattr(rec, "unit", None)
    return getattr(unit, "value", "") or ""


def _records(documents: list[DocumentResult]) -> list[tuple[DocumentResult, Any]]:
    """Records of the documents read, each with a unit and a year."""
    return [(d, r) for d in documents if d.read for r in d.records
            if _unit_of(r) and isinstance(getattr(r, "year", None), int)]


def subjects(run: RunData) -> list[tuple[str, int]]:
    """The (unit, year) pairs to report on: each score card's; else each unit's years with
    monitoring tables or final accounts; a unit with target tables only: its earliest year."""
    if run.cards:
        return [(c.unit, c.year) for c in run.cards if c.year is not None]
    units: dict[str, dict[str, set[int]]] = {}
    for _, rec in _records(run.documents):
        name = _unit_of(rec)
        key = next((u for u in units if same_unit(u, name)), name)
        kinds = units.setdefault(key, {"exec": set(), "target": set()})
        if isinstance(rec, MonitoringReport) or (isinstance(rec, Publication) and rec.kind == "决算"):
            kinds["exec"].add(rec.year)
        elif isinstance(rec, TargetTable):
            kinds["target"].add(rec.year)
    out = []
    for unit, kinds in units.items():
        years = sorted(kinds["exec"]) or sorted(kinds["target"])[:1]
        out.extend((unit, y) for y in years)
    return out


def _execution_lines(report: MonitoringReport) -> list[LineRate]:
    lines = []
    for ln in report.lines:
        rate = None
        if ln.executed is not None and ln.annual_budget is not None:
            rate = percent(ln.executed.value, ln.annual_budget.value)
        lines.append(LineRate(ln.name, ln.annual_budget, ln.executed, rate, ln.reported_rate))
    return lines


def build_report(run: RunData, unit: str, year: int, config: dict[str, Any], *,
                 evaluator: str | None = None, client: str | None = None, when: date | None = None) -> ReportData:
    recs = [(d, r) for d, r in _records(run.documents) if same_unit(_unit_of(r), unit)]
    targets = [r for _, r in recs if isinstance(r, TargetTable) and r.year == year]
    target = next((t for t in targets if t.kind == "unit"), targets[0] if targets else None)
    monitoring = sorted(
        (r for _, r in recs if isinstance(r, MonitoringReport) and r.year == year and r.kind == "unit"),
        key=lambda r: r.period_months,
    )
    months = Decimal(config.get("months_in_year", 12))

    periods = []
    for m in monitoring:
        total = m.line("合计") or (m.lines[0] if m.lines else None)
        budget = total.annual_budget.value if total and total.annual_budget else None
        executed = total.executed.value if total and total.executed else None
        periods.append(PeriodExecution(
            label=m.period, months=m.period_months, time_progress=percent(Decimal(m.period_months), months),
            source="绩效运行监控表", file_name=m.file_name, budget=budget, executed=executed,
            rate=percent(executed, budget) if executed is not None and budget else None,
            lines=_execution_lines(m),
        ))
    year_execution = annual_execution([r for _, r in recs], unit, year, fallback=False)
    year_execution_source = ""
    if year_execution is not None:
        file_name = year_execution.evidence[0].ref.file_name
        year_execution_source = f"《{Path(file_name).stem}》"
        periods.append(PeriodExecution(
            label="全年", months=12, time_progress=Decimal("100.00"), source="部门决算", file_name=file_name,
            budget=year_execution.budget, executed=year_execution.actual, rate=year_execution.rate,
        ))

    budget, budget_source = None, ""
    if target is not None and target.budget_total is not None:
        budget, budget_source = target.budget_total, f"《{Path(target.file_name).stem}》"
    elif monitoring and monitoring[-1].line("合计") and monitoring[-1].line("合计").annual_budget:
        budget, budget_source = monitoring[-1].line("合计").annual_budget, f"《{Path(monitoring[-1].file_name).stem}》"

    levels: dict[str, LevelCount] = {}
    indicators = target.indicators if target else []
    for ind in indicators:
        lc = levels.setdefault(ind.level1 or "（未分级）", LevelCount(ind.level1 or "（未分级）", 0, 0))
        lc.total += 1
        lc.quantitative += bool(ind.value and ind.value.quantitative)
    quantitative = sum(lc.quantitative for lc in levels.values())

    card = None
    if run.cards:
        card = next((c for c in run.cards if c.year == year and same_unit(c.unit, unit)), None)
    unit_name = target.unit.value if target else unit
    documents = [d for d in run.documents
                 if not d.records or any(same_unit(_unit_of(r), unit) for r in d.records)]
    findings = [f for f in run.findings
                if (not f.subject.unit or same_unit(f.subject.unit, unit)) and f.subject.year in (year, None)]
    return ReportData(
        unit=unit_name, year=year, title=config["title"].format(unit=unit_name, year=year),
        client=client if client is not None else (config.get("client") or ""),
        evaluator=evaluator if evaluator is not None else (config.get("evaluator") or ""),
        lead_evaluator=config.get("lead_evaluator") or "",
        date=cn_date(when or date.today()), run_id=run.run_id, config=config,
        target=target, budget=budget, budget_source=budget_source, periods=periods,
        year_execution=year_execution, year_execution_source=year_execution_source, levels=list(levels.values()), indicator_total=len(indicators),
        quantitative=quantitative, quantitative_share=percent(Decimal(quantitative), Decimal(len(indicators))),
        documents=documents, findings=findings, card=card, scored=run.cards is not None,
    )


def build_reports(run: RunData, config: dict[str, Any] | None = None, **kwargs: Any) -> list[ReportData]:
    config = config or load_config()
    return [build_report(run, unit, year, config, **kwargs) for unit, year in subjects(run)]
