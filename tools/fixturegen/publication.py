"""A 部门决算 publication as data: the tables and the 情况说明 a unit publishes, built from one set
of inputs (line items, budgets, last year's figures) so every figure agrees with every other.

`publication_shanghai.shanghai(inputs)` lays the inputs out as the nine standard Shanghai tables
plus the narrative; `Pub` is the laid-out publication (cover, 目录, tables as header + rows of
printed texts, narrative paragraphs) that `publication_render` writes as Word/PDF or as a GBK
portal page.
Variants mutate a `Pub` and say which findings they planted.

Amounts are kept as integer cents of 万元 (or of 元 for tables printed in 元), never floats.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass
class Item:
    """A 项 of the functional classification with its amounts (cents of 万元)."""

    code: str  # 7 digits
    name: str
    basic: int = 0  # 一般公共预算财政拨款 基本支出
    project: int = 0  # 一般公共预算财政拨款 项目支出
    other_project: int = 0  # 项目支出 paid from 其他收入
    budget: int = 0  # 年初预算数 of the 一般公共预算财政拨款 支出
    use: str = ""  # 主要用于


@dataclass
class Econ:
    code: str  # 3 (类) or 5 (款) digits
    name: str
    amount: int = 0  # only for 款


@dataclass
class Inputs:
    unit: str
    year: int
    class_names: dict[str, str]  # 201 → 一般公共服务支出
    kuan_names: dict[str, str]  # 20126 → 档案事务
    items: list[Item]
    people: list[Econ]  # 301 … / 303 … (人员经费)
    public: list[Econ]  # 302 … / 310 … (公用经费)
    carry_in: int  # 年初(财政拨款)结转和结余 = 年末
    sangong_budget: dict[str, int]  # 因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费
    sangong_actual: dict[str, int]
    prior: dict[str, int]  # last year's 收入支出总计, 财政拨款收入支出总计, 一般公共预算财政拨款支出, 机关运行经费
    fiscal_budget: int  # 一般公共预算财政拨款支出 年初预算
    reason_under: str = "部分项目按实际进度结算，相应调减支出"
    reason_change: str = "档案数字化项目按进度增加支付"


def cents(text: str) -> int:
    return int((Decimal(text) * 100).to_integral_value())


def money(v: int, sep: bool = True, blank_zero: bool = True) -> str:
    """Cents → printed amount with two decimals (thousands separators in tables)."""
    if v == 0 and blank_zero:
        return ""
    d = Decimal(v) / 100
    return f"{d:,.2f}" if sep else f"{d:.2f}"


def pct(part: int, whole: int) -> str:
    """part ÷ whole in percent, two decimals, half up."""
    return str((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------------------------------------
# Laid-out publication


@dataclass
class HCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Tab:
    """One printed table: title, unit, header rows (HTML-like spans), data rows, a 空表说明.

    `rows` are full-width lists of printed texts; `spans` maps (row, col) of a data cell to its
    colspan (a 合计 label across the code and name columns). `kinds` says, per column, what it
    holds: code / name / amount."""

    key: str
    title: list[str]  # printed lines (a title may be split)
    header: list[list[HCell]]
    kinds: list[str]
    rows: list[list[str]]
    spans: dict[tuple[int, int], int] = field(default_factory=dict)
    unit: str = "万元"
    statement: str | None = None
    repeat_header: bool = False
    sides: list[int] | None = None  # side of each column (two code lists side by side)
    row_height_cm: float | None = None  # taller data rows (a table that runs over two pages)

    label: str = ""  # a table number printed above the title (表1), not part of it

    @property
    def n_cols(self) -> int:
        return len(self.kinds)

    def covered(self, row: int, col: int) -> bool:
        """Is this data cell covered by a label spanning from a cell to its left?"""
        return any(self.spans.get((row, c), 1) > col - c for c in range(col))

    def headers(self) -> list[str]:
        """Each column's header as the parser keys it: header rows joined top-down with “/”."""
        grid: list[list[str]] = [["" for _ in range(self.n_cols)] for _ in self.header]
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.header):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                        grid[r + dr][c + dc] = cell.text
                c += cell.colspan
        out = []
        for c in range(self.n_cols):
            parts: list[str] = []
            for r in range(len(grid)):
                t = grid[r][c].replace(" ", "")
                if t and t not in parts:
                    parts.append(t)
            out.append("/".join(parts))
        return out

    def find_row(self, col: int, text: str) -> int:
        return next(i for i, r in enumerate(self.rows) if r[col] == text)


@dataclass
class Section:
    heading: str
    paragraphs: list[str]
    level: int = 1  # 1: 一、…; 2: （一）…


@dataclass
class Pub:
    name: str  # file stem
    unit: str
    year: int
    cover: list[str]
    toc: list[str]
    intro: list[str]  # 第一部分 text
    tables: list[Tab]
    narrative_title: str
    narrative: list[Section]
    glossary: list[str]
    parts: tuple[str, str, str] = ("", "", "")  # headings of 第二、三、四部分
    planted: list[dict] = field(default_factory=list)
    note: str = ""  # what the variant changed
    landscape: bool = False  # A4 landscape pages
    site: str = "上海市普陀区人民政府"  # the portal publishing the HTML page

    def table(self, key: str) -> Tab:
        return next(t for t in self.tables if t.key == key)

    def replace_text(self, old: str, new: str, count: int = 1) -> None:
        """Replace `old` in the narrative (exactly `count` occurrences must exist)."""
        found = sum(p.count(old) for s in self.narrative for p in s.paragraphs)
        if found != count:
            raise ValueError(f"{old!r} occurs {found} times in the narrative, expected {count}")
        for s in self.narrative:
            s.paragraphs = [p.replace(old, new) for p in s.paragraphs]

    def variant(self, suffix: str, note: str) -> "Pub":
        v = copy.deepcopy(self)
        v.name = f"{self.name}-{suffix}"
        v.note = note
        v.planted = []
        return v

    def plant(self, rule_id: str, line_has: list[str], column: str | None = None) -> None:
        entry = {"rule_id": rule_id, "unit": self.unit, "year": self.year, "line_has": line_has}
        if column is not None:
            entry["column"] = column
        self.planted.append(entry)


# ---------------------------------------------------------------------------------------------
# The invented unit


def archive_inputs() -> Inputs:
    """上海市普陀区档案馆, 2024: the clean publication's inputs."""
    c = cents
    items = [
        Item("2012601", "行政运行", basic=c("512.36"), budget=c("530.00"), use="本馆人员经费及公用经费等基本支出"),
        Item("2012604", "档案馆", project=c("186.40"), other_project=c("12.50"), budget=c("195.00"),
             use="馆藏档案数字化和档案编研项目"),
        Item("2080505", "机关事业单位基本养老保险缴费支出", basic=c("58.12"), budget=c("59.30"),
             use="在职人员的基本养老保险支出"),
        Item("2080506", "机关事业单位职业年金缴费支出", basic=c("29.06"), budget=c("29.06"), use="在职人员的职业年金缴费支出"),
        Item("2101101", "行政单位医疗", basic=c("22.47"), budget=c("23.10"), use="在职人员基本医疗保险费"),
        Item("2210201", "住房公积金", basic=c("40.15"), budget=c("40.80"), use="缴纳在职人员住房公积金"),
        Item("2210203", "购房补贴", basic=c("31.80"), budget=c("31.80"), use="缴纳在职人员住房购房补贴"),
    ]
    people = [Econ("301", "工资福利支出"), Econ("30101", "基本工资", c("156.20")), Econ("30102", "津贴补贴", c("214.35")),
              Econ("30103", "奖金", c("12.96")), Econ("30107", "绩效工资", c("68.40")),
              Econ("30108", "机关事业单位基本养老保险缴费", c("58.12")), Econ("30109", "职业年金缴费", c("29.06")),
              Econ("30110", "职工基本医疗保险缴费", c("22.47")), Econ("30113", "住房公积金", c("40.15")),
              Econ("30199", "其他工资福利支出", c("10.00")),
              Econ("303", "对个人和家庭的补助"), Econ("30302", "退休费", c("3.20")),
              Econ("30399", "其他对个人和家庭的补助", c("31.80"))]
    public = [Econ("302", "商品和服务支出"), Econ("30201", "办公费", c("8.60")), Econ("30205", "水费", c("1.20")),
              Econ("30206", "电费", c("6.45")), Econ("30207", "邮电费", c("2.30")), Econ("30211", "差旅费", c("1.85")),
              Econ("30213", "维修（护）费", c("5.40")), Econ("30217", "公务接待费", c("0.62")),
              Econ("30228", "工会经费", c("6.10")), Econ("30229", "福利费", c("4.20")),
              Econ("30231", "公务用车运行维护费", c("2.85")), Econ("30299", "其他商品和服务支出", c("3.00")),
              Econ("310", "资本性支出"), Econ("31002", "办公设备购置", c("4.68"))]
    return Inputs(
        unit="上海市普陀区档案馆", year=2024,
        class_names={"201": "一般公共服务支出", "208": "社会保障和就业支出", "210": "卫生健康支出", "221": "住房保障支出"},
        kuan_names={"20126": "档案事务", "20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "22102": "住房改革支出"},
        items=items, people=people, public=public, carry_in=c("15.20"),
        sangong_budget={"因公出国（境）费": 0, "公务用车购置费": 0, "公务用车运行费": c("3.20"), "公务接待费": c("1.60")},
        sangong_actual={"因公出国（境）费": 0, "公务用车购置费": 0, "公务用车运行费": c("2.85"), "公务接待费": c("0.62")},
        prior={"收入支出总计": c("871.54"), "财政拨款收入支出总计": c("858.36"), "一般公共预算财政拨款支出": c("843.16"),
               "机关运行经费": c("48.30")},
        fiscal_budget=c("908.06"),
    )


# ---------------------------------------------------------------------------------------------
# Expected records


def _wan(text: str, unit: str) -> str:
    """A printed amount as a plain number in 万元 (tables printed in 元 divided by 10,000)."""
    v = Decimal(text.replace(",", ""))
    return format(v / 10000 if unit == "元" else v, "f")


def expected(pub: Pub, fmt: str) -> dict:
    """What the generator wrote: tables with their line items (`cells`: the texts printed, keyed by
    column header; `values`: the amounts in 万元), and the planted findings."""
    tables = []
    for tb in pub.tables:
        heads = tb.headers()
        lines = []
        sides = tb.sides or [1] * tb.n_cols
        for side in sorted(set(sides)):
            cols = [c for c in range(tb.n_cols) if sides[c] == side]
            for i, row in enumerate(tb.rows):
                cells = {}
                code = None
                names = []
                for c in cols:
                    text = row[c]
                    if tb.covered(i, c):
                        continue  # covered by a label spanning code + name
                    if not text:
                        continue
                    if tb.kinds[c] == "code" and text.isdigit():
                        code = (code or "") + text  # split 类 | 款 | 项 columns join up
                        continue
                    cells[heads[c]] = text
                    if tb.kinds[c] in ("name", "code"):
                        names.append(text)
                if not cells and code is None:
                    continue
                if not any(tb.kinds[c] == "amount" and row[c] for c in cols) and code is None and all(
                        n in ("合计", "总计") for n in names) and tb.statement:
                    continue  # an empty table's 合计 row states nothing
                values = {heads[c]: _wan(row[c], tb.unit) for c in cols
                          if tb.kinds[c] == "amount" and row[c] and not tb.covered(i, c)}
                lines.append({"code": code, "name": names[0] if names else "", "side": side, "cells": cells,
                              "values": values})
        tables.append({"key": tb.key, "title": "".join(tb.title), "amount_unit": tb.unit,
                       "status": "present" if any(tb.kinds[c] == "amount" and r[c] and Decimal(r[c].replace(",", "")) != 0
                                                  for r in tb.rows for c in range(tb.n_cols)) else "empty",
                       "empty_statement": tb.statement.removeprefix("注：") if tb.statement else None,
                       "columns": heads, "lines": lines})
    return {"kind": "final_accounts", "format": fmt, "unit": pub.unit, "year": pub.year, "note": pub.note,
            "planted": pub.planted, "tables": tables}
