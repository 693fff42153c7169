"""Cross-checks between approved targets and monitoring (LNK001–LNK002).

A monitoring table should report on the indicators approved in the unit's (or project's) target
table for the same year, with the approved 指标值. These rules run only where the submission holds
the target table the monitoring table belongs to: (unit, year, project) match, unit names when their
folded forms are equal or one ends with the other (甘州区南街街道办事处 / 南街街道办事处), indicator
names by folded key, then by difflib similarity at or above `settings.indicator_name_similarity`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from checks.catalogue import RuleContext, rule
from checks.tolerance import round_half_up
from checks.evidence import indicator_evidence, indicator_names
from checks.monitoring import report_fmt, report_subject
from checks.targets import name_key, source_text, table_title, value_ev
from extractors.text import fold
from schemas.findings import Evidence, Finding
from schemas.monitoring import IndicatorProgress, MonitoringReport
from schemas.records import IndicatorValue
from schemas.targets import TargetIndicator, TargetTable


def same_unit(a: str, b: str) -> bool:
    """Folded names equal, or one ends with the other (a district prefix left out)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    return fa == fb or fa.endswith(fb) or fb.endswith(fa)


def approved_tables(report: MonitoringReport, tables: Sequence[TargetTable]) -> list[TargetTable]:
    """The target tables of the monitoring report's unit, year, kind and project."""
    return [
        t for t in tables
        if t.year == report.year and t.kind == report.kind
        and name_key(t.project_name) == name_key(report.project_name)
        and same_unit(t.unit.value, report.unit.value)
    ]


def similarity(a: str, b: str) -> Decimal:
    """difflib ratio of two indicator names' matching keys, as an exact decimal."""
    ka, kb = name_key(a), name_key(b)
    if not ka and not kb:
        return Decimal(1)
    # difflib's ratio 2·M/T, computed exactly rather than as a float
    matched = sum(block.size for block in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks())
    return Decimal(2 * matched) / Decimal(len(ka) + len(kb))


@dataclass(frozen=True)
class Match:
    indicator: TargetIndicator
    table: TargetTable
    ratio: Decimal


def best_match(ind: IndicatorProgress, approved: Sequence[tuple[TargetIndicator, TargetTable]]
               ) -> Match | None:
    """The approved indicator closest to a monitoring indicator: an equal key first (the same
    二级 preferred when a name repeats), else the highest similarity. None when nothing is approved."""
    key = name_key(ind.level3)
    equal = [(a, t) for a, t in approved if name_key(a.level3) == key]
    if equal:
        same_level2 = [(a, t) for a, t in equal if name_key(a.level2) == name_key(ind.level2)]
        a, t = (same_level2 or equal)[0]
        return Match(a, t, Decimal(1))
    scored = [Match(a, t, similarity(ind.level3, a.level3)) for a, t in approved]
    return max(scored, key=lambda m: m.ratio, default=None)


def _threshold(ctx: RuleContext) -> Decimal:
    return Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))


def _linked(ctx: RuleContext) -> Iterator[tuple[MonitoringReport, str, IndicatorProgress, Match | None]]:
    """Every monitoring indicator of a report whose target table is in the submission, with its
    closest approved indicator."""
    tables = ctx.records_of(TargetTable)
    if not tables:
        return
    for report in ctx.records_of(MonitoringReport):
        matching = approved_tables(report, tables)
        approved = [(a, t) for t in matching for a in t.indicators]
        if not approved:
            continue
        for name, ind in zip(indicator_names(report.indicators), report.indicators):
            yield report, name, ind, best_match(ind, approved)


def _percent(ratio: Decimal) -> str:
    return format(round_half_up(ratio * 100, 2), "f")


@rule("LNK001", "monitoring_indicator_not_approved", severity="warning")
def monitoring_indicator_not_approved(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring indicator that matches no indicator of the approved target table."""
    threshold = _threshold(ctx)
    for report, name, ind, match in _linked(ctx):
        if match is None or match.ratio >= threshold:
            continue
        evidence = [
            Evidence(role=f"监控三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label()),
            Evidence(role="最接近的批复指标", raw=match.indicator.level3, value=match.ratio,
                     ref=match.indicator.ref.with_label()),
        ]
        details = {"indicator": ind.level3, "closest": match.indicator.level3,
                   "similarity": _percent(match.ratio), "threshold": _percent(threshold),
                   "target_file": match.table.file_name}
        yield ctx.finding(
            report_subject(report, name, "三级指标"),
            evidence,
            details,
            **report_fmt(ctx, report),
            indicator=ind.level3,
            target_title=table_title(ctx.settings, match.table),
            closest=match.indicator.level3,
            similarity=_percent(match.ratio),
            source=source_text(evidence),
        )


def same_value(a: IndicatorValue, b: IndicatorValue) -> bool:
    """Two 指标值 state the same target: operator, number and unit when both are quantitative
    (a missing operator reads as `=`, a unit is compared only when both state one), the folded
    text otherwise."""
    if a.quantitative and b.quantitative:
        if (a.operator or "=") != (b.operator or "="):
            return False
        if a.unit and b.unit and fold(a.unit) != fold(b.unit):
            return False
        return a.number == b.number
    if a.quantitative != b.quantitative:
        return False
    return name_key(a.raw) == name_key(b.raw)


@rule("LNK002", "monitoring_target_changed", severity="warning")
def monitoring_target_changed(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring indicator's 年度指标值 differs from the approved 指标值."""
    threshold = _threshold(ctx)
    for report, name, ind, match in _linked(ctx):
        if match is None or match.ratio < threshold:
            continue
        monitored, approved = ind.target, match.indicator.value
        if monitored is None or approved is None or not name_key(monitored.raw) or not name_key(approved.raw):
            continue
        if same_value(monitored, approved):
            continue
        evidence = [
            indicator_evidence(f"年度指标值（{name}）", monitored, ind.ref),
            value_ev(match.indicator),
        ]
        evidence[1] = evidence[1].model_copy(update={"role": f"批复指标值（{match.indicator.level3}）"})
        details = {"indicator": ind.level3, "approved_indicator": match.indicator.level3,
                   "monitored": monitored.raw, "approved": approved.raw,
                   "similarity": _percent(match.ratio), "target_file": match.table.file_name}
        yield ctx.finding(
            report_subject(report, name, "年度指标值"),
            evidence,
            details,
            **report_fmt(ctx, report),
            indicator=ind.level3,
            monitored=monitored.raw,
            target_title=table_title(ctx.settings, match.table),
            approved=approved.raw,
            source=source_text(evidence),
        )
