"""Builders of records for the DOC rule tests: a 绩效目标表 whose unit, year and unreadable cells
are given by the test, so expected values come from the inputs."""

from __future__ import annotations

from checks import load_config, run_checks
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute, UnreadCell, unknown_attribute
from schemas.targets import TargetTable

FILE = "目标表.xlsx"
SHEET = "目标表"
UNIT = "南街街道办事处"
PROJECT = "社区服务"


def ref(row: int, column: int) -> SourceRef:
    return SourceRef(file_sha256="d" * 64, file_name=FILE, sheet=SHEET, row=row, column=column)


def table(*, unit: str = UNIT, year: int | None = 2024, project: str | None = PROJECT,
          unread: list[tuple[str, str, str, SourceRef]] = ()) -> TargetTable:
    """A project 绩效目标表: project name in B3, unit in B4; `unread` are (what, raw, problem, ref)."""
    return TargetTable(
        kind="project" if project else "unit",
        unit=Attribute(value=unit, raw=unit, ref=ref(4, 2)) if unit else unknown_attribute(),
        year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年") if year else unknown_attribute(),
        project=Attribute(value=project, raw=project, ref=ref(3, 2)) if project else None,
        amount_unit="万元",
        unread_cells=[UnreadCell(what=w, raw=raw, problem=problem, ref=r) for w, raw, problem, r in unread],
        file_name=FILE,
        file_sha256="d" * 64,
    )


def run(records, rule_id: str) -> list[Finding]:
    return run_checks(records, config=load_config(), only=[rule_id])
