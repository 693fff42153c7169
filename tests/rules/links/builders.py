"""Builders of 绩效运行监控表 indicator blocks for the LNK rule tests (moved from
tests/test_rules_links.py): monitoring indicators built cell by cell, set against the approved
target tables of tests/rules/targets/builders.py, so expected values come from the inputs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import all_rules, load_config, run_checks
from extractors.indicator_values import parse_indicator_value
from schemas.findings import Finding, Severity, Subject
from schemas.monitoring import IndicatorProgress, MonitoringReport
from schemas.provenance import SourceRef
from schemas.records import Attribute
from tests.rules.targets.builders import (
    F2024,
    NANJIE_2024_INDICATORS,
    UNIT,
    build_table,
    nanjie_table,
    pdf_cell,
)

SHEET = "监控表"
IND_FIRST_ROW = 20  # monitoring indicator block: A 一级, B 二级, C 三级, D 年度指标值


def monitoring_file(months: int, unit: str, year: int) -> str:
    return f"{unit}{year}年1-{months}月部门整体绩效运行监控表.xlsx"


def build_monitoring(indicators: list[tuple[str, str, str, str]], *, months: int = 6, unit: str = UNIT,
                     year: int = 2024, kind: str = "unit", project: str | None = None) -> MonitoringReport:
    fname = monitoring_file(months, unit, year)

    def r(row: int, col: int) -> SourceRef:
        return SourceRef(file_sha256="d" * 64, file_name=fname, sheet=SHEET, row=row, column=col)

    inds = [
        IndicatorProgress(level1=l1, level2=l2, level3=l3, ref=r(IND_FIRST_ROW + i, 3),
                          target=parse_indicator_value(target, r(IND_FIRST_ROW + i, 4)))
        for i, (l1, l2, l3, target) in enumerate(indicators)
    ]
    return MonitoringReport(
        kind=kind, unit=Attribute(value=unit, raw=unit), year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年"), period_months=months,
        period_attr=Attribute(value=f"1-{months}月", raw=f"1-{months}月"),
        project=Attribute(value=project, raw=project) if project else None,
        amount_unit="万元", file_name=fname, file_sha256="d" * 64, indicators=inds,
    )


def run(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=[rule_id])


def links(records, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=["LNK001", "LNK002"])


def replaced(name: str, new: tuple[str, str, str, str]) -> list[tuple[str, str, str, str]]:
    """nanjie's 17 indicators with one row replaced."""
    return [new if row[2] == name else row for row in NANJIE_2024_INDICATORS]


SMALL_TARGETS = [("部门管理", "资产管理", "固定资产利用率", "≥95%"),
                 ("部门管理", "人员管理", "在职人员控制率", "≤100%")]


# ---------------------------------------------------------------- nanjie-2024

