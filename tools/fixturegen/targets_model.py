"""The data a 绩效目标表 fixture is made of: indicator values, tasks, one table, one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# How the 指标值 is printed: one cell, or three columns (指标方向 | 指标值 | 度量单位, or
# 指标性质 | 指标值 | 度量单位). A 指标方向 cell holds the operator and is part of the value a reader
# sees (`≥` `90` `%` reads `≥90%`); a 指标性质 cell says 定量/定性 and is not part of it.
VALUE_LAYOUTS = ("single", "direction", "nature")
VALUE_HEADERS = {"direction": "指标方向", "nature": "指标性质"}

# The subject column of each target rule's findings, where it is always the same one. TGT005
# (per indicator: 指标值; the table-wide "not split" finding: 三级指标) and TGT006 (the total
# compared) are given per Expect.
TARGET_RULE_COLUMNS = {
    "TGT001": "指标值",
    "TGT002": "指标值",
    "TGT003": "一级指标",
    "TGT004": "三级指标",
    "TGT007": "资金总额",
    "TGT008": "三级指标",
}


@dataclass(frozen=True)
class Value:
    """An indicator value as a reader sees it, and what it states (domain.md, "Performance
    indicators"): the operator (≥ ≤ > < =), the number as printed, the unit; a deadline states a
    date (unit "日期", no number) and counts as quantitative."""

    text: str
    operator: str | None = None
    number: str | None = None
    unit: str | None = None
    quantitative: bool = False
    cells: tuple[str, str, str] | None = None  # the three printed cells of a separate-column layout


@dataclass
class TIndicator:
    level1: str
    level2: str
    level3: str
    value: Value


@dataclass
class Task:
    """A 年度主要任务 row; `amount` in the table's printed unit."""

    name: str
    content: str
    amount: Decimal


@dataclass
class TStyle:
    """How one target table is laid out and printed."""

    title: str
    before: list[tuple[str, str]] = field(default_factory=list)  # (left, right) lines under the title
    after: list[tuple[str, str]] = field(default_factory=list)
    meta: list[list[tuple[str, str]]] = field(default_factory=list)  # rows of (label, value) pairs
    budget: str = "rows"  # rows: one label/value row per amount; header: a header row over a value row
    budget_section: str = "年度预算"  # label cell spanning the rows of a "rows" budget block
    budget_labels: tuple[str, str, str] = ("资金总额", "其中：财政拨款", "其他资金")
    goal_label: str = "年度总体目标"
    values: str = "single"  # VALUE_LAYOUTS
    split: bool = False  # indicators as their own table, header repeated on every page (Word)
    caption: str = "年度绩效指标"  # full-width row above the indicator header when not split
    row_height_cm: float | None = None  # Word: minimum height of indicator rows
    thousands: bool = False
    zero: str = ""  # how a zero budget amount prints: "", "0", "0.00", "-", "—"
    landscape: bool = False


@dataclass
class TTable:
    kind: str  # "unit" (部门整体) or "project" (项目支出)
    unit: str  # 部门（单位）名称; for a project table its 主管部门
    year: int
    amount_unit: str  # "万元" or "元"
    budget_total: Decimal | None
    budget_fiscal: Decimal | None
    budget_other: Decimal | None  # Decimal(0) prints the style's zero text; None: no such row
    goal: str
    indicators: list[TIndicator]
    style: TStyle
    tasks: list[Task] = field(default_factory=list)
    tasks_total: Decimal | None = None  # 金额合计 as printed
    project: str | None = None
    department: str | None = None  # 主管部门, when printed
    implementing_unit: str | None = None  # 实施单位, when printed


@dataclass
class TExpect:
    """A finding a target document is built to produce (beyond TGT001/TGT002, which follow from
    the indicator values and are computed)."""

    rule_id: str
    line: str
    column: str = ""
    table: int = 0  # index into TDoc.tables

    def __post_init__(self) -> None:
        if not self.column:
            self.column = TARGET_RULE_COLUMNS.get(self.rule_id, "")


@dataclass
class TDoc:
    submission: str
    file_name: str
    format: str  # xlsx, docx, html, pdf
    tables: list[TTable]
    source: str = ""  # for a PDF: "docx" or "xlsx"
    encoding: str = "utf-8"  # html only
    portal: bool = False  # html only
    sheet: str = "Sheet1"
    expect: list[TExpect] = field(default_factory=list)
    note: str = ""
