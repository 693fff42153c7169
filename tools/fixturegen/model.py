"""The data a fixture is made of: budget lines, indicators, one report's table, one document."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
AMOUNT_KEYS = ("initial", "annual", "executed")

# Which lines a total line adds up (schemas.monitoring: 合计 = 基本 + 项目, 基本 = 人员 + 公用, …).
PARTS = {
    "合计": ("基本支出", "项目支出"),
    "基本支出": ("人员经费", "公用经费"),
    "资金总额": ("财政拨款", "其他资金"),
}

_ROUNDING = {"half_up": ROUND_HALF_UP, "half_down": ROUND_HALF_DOWN, "truncate": ROUND_DOWN}


@dataclass
class Line:
    """One budget line as printed. Amounts are in the table's printed unit (元 or 万元)."""

    name: str  # canonical (schemas.monitoring.LINE_NAMES)
    label: str  # as printed
    initial: Decimal | None
    annual: Decimal | None
    executed: Decimal | None
    rate: str | None = None  # printed rate (percent points) when it is NOT executed ÷ annual
    rate_mode: str = "half_up"  # how the filer rounded a computed rate: half_up, half_down, truncate
    rate_decimals: int = 2
    reason: str = ""
    measure: str = ""
    zero: str = ""  # how this line prints a zero amount: "", "0", "-", "—"
    rate_blank: str = ""  # text of a rate cell left empty ("", "-", "—")
    show: dict[str, str] = field(default_factory=dict)  # printed text per key (full-width …)
    formula: bool = False  # xlsx: amounts written as formulas over the parts' cells

    def amount(self, key: str) -> Decimal | None:
        return getattr(self, key)

    def exact_rate(self) -> Decimal | None:
        if self.annual is None or self.executed is None or self.annual == 0:
            return None
        return self.executed / self.annual * HUNDRED

    def printed_rate(self) -> str | None:
        """The rate as printed, in percent points; None for an empty rate cell."""
        if self.rate is not None:
            return self.rate
        exact = self.exact_rate()
        if exact is None:
            return None
        step = Decimal(1).scaleb(-self.rate_decimals)
        return str(exact.quantize(step, rounding=_ROUNDING[self.rate_mode]))


@dataclass
class Indicator:
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    forecast: str
    likelihood: str = "确定能"
    reason: str = ""
    remark: str = ""


@dataclass
class Style:
    """How one report's table is laid out and printed."""

    title: str
    before: list[tuple[str, str]] = field(default_factory=list)  # (left, right) lines under the title
    after: list[tuple[str, str]] = field(default_factory=list)  # lines under the table
    meta_rows: list[list[str]] = field(default_factory=list)  # label, value, label, value … in the table
    title_in_table: bool = False  # title as the table's first (merged) row
    split: bool = False  # budget and indicator blocks as two tables
    section_col: bool = False  # a left column "年度预算执行情况" / "年度绩效指标完成情况"
    budget_section: str = ""  # its text for the budget block
    budget_cols: tuple[str, ...] = ("label", "initial", "annual", "executed", "rate", "reason", "measure")
    headers: dict[str, str] = field(default_factory=dict)  # budget header per key
    ind_cols: tuple[str, ...] = (
        "level1", "level2", "level3", "target", "actual", "forecast", "reason", "likelihood", "remark",
    )
    ind_headers: dict[str, str] = field(default_factory=dict)
    ticks: bool = False  # 偏差原因分析 split into 经费保障/制度保障/人员保障/硬件条件保障/其他
    goal: tuple[str, str] | None = None  # 年度总体目标: (年初设定目标, 1–N月执行情况)
    rate_style: str = "pct"  # pct: "59.29%"; plain: "59.29" under 执行率(%); fraction: Excel 0.5929 as 0.00%
    rate_formula: bool = False  # xlsx: rates as =executed/annual
    thousands: bool = False  # 1,164.62
    repeat_header: bool = False  # docx: indicator header rows repeat on every page
    landscape: bool = True


@dataclass
class Report:
    kind: str  # "unit" (部门整体) or "project"
    unit: str
    year: int
    months: int
    amount_unit: str  # "万元" or "元"
    lines: list[Line]
    indicators: list[Indicator]
    style: Style
    project: str | None = None

    def line(self, name: str) -> Line:
        return next(ln for ln in self.lines if ln.name == name)

    def has_column(self, key: str) -> bool:
        return key in self.style.budget_cols


# The column a finding of each rule is about, where the rule always names the same one
# (MON001–MON004 name the amount or rate column they compared, given per Expect).
RULE_COLUMNS = {"MON005": "执行率", "MON006": "偏差原因", "MON007": "改进措施", "MON008": "全年预计完成值"}


@dataclass
class Expect:
    """A finding this document is meant to produce (rule, line, column) for one of its reports."""

    rule_id: str
    line: str
    column: str = ""
    report: int = 0  # index into Doc.reports

    def __post_init__(self) -> None:
        if not self.column:
            self.column = RULE_COLUMNS.get(self.rule_id, "")


@dataclass
class Doc:
    submission: str  # folder under fixtures/
    file_name: str
    format: str  # what the file is: xlsx, docx, html, pdf
    reports: list[Report]
    source: str = ""  # for a PDF: "docx" or "xlsx", the format it is converted from
    encoding: str = "utf-8"  # html only
    portal: bool = False  # html only: page chrome around the table
    sheet: str = "Sheet1"
    expect: list[Expect] = field(default_factory=list)
    note: str = ""  # what the document is for


def format_amount(value: Decimal, thousands: bool) -> str:
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def nfkc_number(text: str) -> Decimal:
    """The value a printed override denotes (full-width digits, separators, % stripped)."""
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace("%", "").strip()
    return Decimal(t)


def amount_text(line: Line, key: str, style: Style) -> str:
    if key in line.show:
        return line.show[key]
    value = line.amount(key)
    if value is None or value == 0:
        return line.zero
    return format_amount(value, style.thousands)


def rate_text(line: Line, style: Style) -> str:
    if "rate" in line.show:
        return line.show["rate"]
    printed = line.printed_rate()
    if printed is None:
        return line.rate_blank
    return printed + "%" if style.rate_style in ("pct", "fraction") else printed
