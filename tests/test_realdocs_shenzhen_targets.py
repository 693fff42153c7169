"""二级项目支出绩效目标申报表 on the seven real 深圳市宝安区 workbooks in ../shared/realdocs/shenzhen-targets.

Every sheet is one project form of fixed layout: label cells (`项目编码：`, `项目名称：`, `申请单位：`,
`本年度项目金额（万元）：`, `项目总金额（中期规划，万元）：`, `测算依据：` …) with the value in the next cell
to the right, then the indicator block 一级指标 | 二级指标 | 三级指标 | 目标值 | 指标解释 with 一级 (and
sometimes 二级) merged downward and unused rows filled with `不适用`.

The expected values are read here with openpyxl, by locating the labels, independently of the
parser (nothing from extractors/kinds is imported). The pipeline's records are then compared field
by field; a workbook passes when every sheet has its record and ≥ 98 % of the fields agree. The
wrong fields (the first 20) are printed in the assertion message.

Oddities of these workbooks, checked by eye (openpyxl dump of every sheet):
- 140 sheets, 20 per workbook, all visible, all with the same layout (labels in A/D of rows 2–10,
  indicator header in row 11, a `备注：…` row under the block); sheet titles are `N.项目名称`, cut at
  31 characters, one ending in two spaces (`(8)` sheet 20); several project names repeat within a
  workbook (`政府购买服务（专业技术服务类）`), so records are matched to sheets by `ref.sheet`.
- `二级项目支出绩效目标申报表.xlsx` sheet 1: 项目编码 is a number (4.4030623139149998E+20, General
  format), the trailing digits of the 21-digit code are lost; expected here as the integer the
  cell holds, `440306231391500000000`.
  (Sheets 2, 3, 4 … hold 440306231391500000193, …192, …191 as text, so it was most likely …194.)
- `(8)` sheet 11 is an empty form: amounts 0, 测算依据/年度目标 blank, every indicator cell ''.
- 10 sheets have no indicator at all (every 三级 cell '' or 不适用): `二级项目支出绩效目标申报表.xlsx`
  sheets 1–3, `(8)` sheets 11–14, 16, 17, 20. They still are forms of their own: one record each.
- 17 sheets have an empty 测算依据; several sheets have 本年度项目金额 0.
- Unused indicator rows hold `不适用` (sometimes with trailing tab/newline) or ''; `(3)` sheet 8
  row 17 has the typo `不适应` as 三级指标 with 目标值 `不适用` — counted as a placeholder here;
  `(8)` sheet 18 row 15 has 三级 `不适用` but 目标值 `按方案执行` — skipped (三级 decides).
- The amounts are exported in 元 under the 万元 label (see the second section).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import need

SHENZHEN = Path(__file__).resolve().parents[2] / "shared" / "realdocs" / "shenzhen-targets"
WORKBOOKS = [
    "二级项目支出绩效目标申报表.xlsx",
    "二级项目支出绩效目标申报表 (3).xlsx",
    "二级项目支出绩效目标申报表 (4).xlsx",
    "二级项目支出绩效目标申报表 (6).xlsx",
    "二级项目支出绩效目标申报表 (8).xlsx",
    "二级项目支出绩效目标申报表 (11).xlsx",
    "二级项目支出绩效目标申报表 (12).xlsx",
]
MIN_RATIO = 0.98
# Text of an unused indicator row. `不适应` is a typo for 不适用 on one sheet ((3) sheet 8 row 17).
PLACEHOLDERS = {"", "不适用", "不适应", "无", "/", "／", "—", "——", "-", "－"}


def workbook(name: str) -> Path:
    """The workbook's path; skips locally, fails with CI=true, when ../shared is missing."""
    need(SHENZHEN.is_dir(), f"{SHENZHEN} (../shared beside the clone)")
    path = SHENZHEN / name
    need(path.is_file(), str(path))
    return path


# ---------------------------------------------------------------------------------------------
# Expected values, read with openpyxl only
# ---------------------------------------------------------------------------------------------

def _label(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    return re.sub(r"[\s：:]", "", text)


def _is_label(text: Any) -> bool:
    return isinstance(text, str) and text.strip().endswith(("：", ":"))


def _text(value: Any) -> str:
    """A cell as a person reads it; a number is written without exponent or spurious `.0`."""
    if value is None:
        return ""
    if isinstance(value, float):
        d = Decimal(repr(value))
        return format(d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize(), "f")
    return str(value).strip()


def _amount(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return Decimal(value.replace(",", "").strip())


@dataclass
class ExpectedSheet:
    sheet: str
    code: str
    project: str
    unit: str
    budget_total: Decimal | None
    budget_multi_year: Decimal | None
    basis: str
    indicators: list[tuple[str, str, str, str]] = field(default_factory=list)
    placeholder_rows: int = 0


def _merged_value(ws, row: int, column: int) -> Any:
    value = ws.cell(row, column).value
    if value is not None:
        return value
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= column <= rng.max_col:
            return ws.cell(rng.min_row, rng.min_col).value
    return None


def _value_right_of(ws, label: str) -> Any:
    """The next non-empty cell right of the cell whose text (without `：: ` and spaces) is `label`."""
    for row in ws.iter_rows():
        for cell in row:
            if _label(cell.value) == label:
                for col in range(cell.column + 1, ws.max_column + 1):
                    value = ws.cell(cell.row, col).value
                    if value is None or (isinstance(value, str) and not value.strip()):
                        continue
                    return None if _is_label(value) else value
                return None
    raise AssertionError(f"{ws.title}: no label {label}")


def _indicators(ws) -> tuple[list[tuple[str, str, str, str]], int]:
    header = None
    for row in ws.iter_rows():
        names = {_label(c.value): c.column for c in row}
        if {"一级指标", "二级指标", "三级指标", "目标值"} <= names.keys():
            header = row[0].row, names
            break
    assert header is not None, f"{ws.title}: no indicator header"
    header_row, cols = header
    c1, c2, c3, cv = cols["一级指标"], cols["二级指标"], cols["三级指标"], cols["目标值"]
    found: list[tuple[str, str, str, str]] = []
    placeholders = 0
    level1 = level2 = ""
    for r in range(header_row + 1, ws.max_row + 1):
        first = ws.cell(r, c1).value
        if isinstance(first, str) and first.strip().startswith("备注"):
            break
        cells = [ws.cell(r, c).value for c in (c1, c2, c3, cv)]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells) \
                and _merged_value(ws, r, c1) is None:
            break
        level1 = _text(_merged_value(ws, r, c1)) or level1
        level2 = _text(_merged_value(ws, r, c2)) or level2
        level3 = _text(ws.cell(r, c3).value)
        target = _text(ws.cell(r, cv).value)
        if level3 in PLACEHOLDERS:
            placeholders += 1
            continue
        found.append((level1, level2, level3, target))
    return found, placeholders


def read_sheet(ws) -> ExpectedSheet:
    indicators, placeholders = _indicators(ws)
    return ExpectedSheet(
        sheet=ws.title,
        code=_text(_value_right_of(ws, "项目编码")),
        project=_text(_value_right_of(ws, "项目名称")),
        unit=_text(_value_right_of(ws, "申请单位")),
        budget_total=_amount(_value_right_of(ws, "本年度项目金额（万元）")),
        budget_multi_year=_amount(_value_right_of(ws, "项目总金额（中期规划，万元）")),
        basis=_text(_value_right_of(ws, "测算依据")),
        indicators=indicators,
        placeholder_rows=placeholders,
    )


@cache
def expected(path: str) -> tuple[ExpectedSheet, ...]:
    wb = openpyxl.load_workbook(path)  # not read_only: merged ranges are needed
    return tuple(read_sheet(ws) for ws in wb.worksheets)


# ---------------------------------------------------------------------------------------------
# The pipeline's records, matched to sheets
# ---------------------------------------------------------------------------------------------

@cache
def processed(path: str):
    from runs.process import process_document

    p = Path(path)
    return process_document(p, p.parent)


def _record_sheet(record) -> str | None:
    for attr in ("project", "project_code", "unit", "budget_total"):
        obj = getattr(record, attr, None)
        ref = getattr(obj, "ref", None)
        if ref is not None and ref.sheet is not None:
            return ref.sheet
    for ind in getattr(record, "indicators", []):
        if ind.ref.sheet is not None:
            return ind.ref.sheet
    return None


def _records_by_sheet(result) -> tuple[dict[str, list], list]:
    by_sheet: dict[str, list] = {}
    unplaced = []
    for rec in result.records:
        if getattr(rec, "record_type", None) != "target_table":
            continue
        sheet = _record_sheet(rec)
        if sheet is None:
            unplaced.append(rec)
        else:
            by_sheet.setdefault(sheet.strip(), []).append(rec)
    return by_sheet, unplaced


def _printed(number) -> Decimal | None:
    return None if number is None else number.printed


def _attr(a) -> str:
    return "" if a is None else (a.value or "").strip()


def _ind_tuple(ind) -> tuple[str, str, str, str]:
    value = "" if ind.value is None else ind.value.raw.strip()
    return (ind.level1.strip(), ind.level2.strip(), ind.level3.strip(), value)


@dataclass
class Score:
    checked: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missing_sheets: list[str] = field(default_factory=list)
    duplicate_sheets: list[str] = field(default_factory=list)

    def check(self, where: str, name: str, want: Any, got: Any) -> None:
        self.checked += 1
        if want == got:
            self.right += 1
        else:
            self.wrong.append(f"{where} {name}: expected {want!r}, got {got!r}")

    @property
    def ratio(self) -> float:
        return self.right / self.checked if self.checked else 0.0

    def message(self) -> str:
        lines = [f"{self.right}/{self.checked} fields right ({self.ratio:.1%})"]
        if self.missing_sheets:
            lines.append(f"sheets without a target_table record: {self.missing_sheets}")
        if self.duplicate_sheets:
            lines.append(f"sheets with more than one record: {self.duplicate_sheets}")
        lines += [f"  {w}" for w in self.wrong[:20]]
        if len(self.wrong) > 20:
            lines.append(f"  … and {len(self.wrong) - 20} more")
        return "\n".join(lines)


def _fields(sheet: ExpectedSheet) -> int:
    return 5 + len(sheet.indicators)


def score_workbook(path: Path) -> Score:
    score = Score()
    result = processed(str(path))
    if result.status != "ok":
        for sheet in expected(str(path)):
            score.checked += _fields(sheet)
        score.wrong.append(f"{path.name}: status {result.status!r} ({result.error})")
        score.missing_sheets = [s.sheet for s in expected(str(path))]
        return score
    by_sheet, unplaced = _records_by_sheet(result)
    if unplaced:
        score.wrong.append(f"{len(unplaced)} target_table records without a sheet in their refs")
    for sheet in expected(str(path)):
        where = f"[{sheet.sheet}]"
        recs = by_sheet.get(sheet.sheet.strip(), [])
        if not recs:
            score.missing_sheets.append(sheet.sheet)
            score.checked += _fields(sheet)
            score.wrong.append(f"{where} no record")
            continue
        if len(recs) > 1:
            score.duplicate_sheets.append(sheet.sheet)
        rec = recs[0]
        score.check(where, "project_code", sheet.code, _attr(rec.project_code))
        score.check(where, "project", sheet.project, _attr(rec.project))
        score.check(where, "unit", sheet.unit, _attr(rec.unit))
        score.check(where, "budget_total", sheet.budget_total, _printed(rec.budget_total))
        score.check(where, "budget_multi_year", sheet.budget_multi_year, _printed(rec.budget_multi_year))
        # Indicators: one field per expected indicator (found with the same four texts), one wrong
        # field per indicator the record has beyond those.
        got = [_ind_tuple(i) for i in rec.indicators]
        left = Counter(got)
        for want in sheet.indicators:
            score.checked += 1
            if left[want] > 0:
                left[want] -= 1
                score.right += 1
            else:
                score.wrong.append(f"{where} indicator missing or different: {want!r}")
        refs = {_ind_tuple(i): i.ref.with_label().label for i in rec.indicators}
        for extra, n in left.items():
            for _ in range(n):
                score.checked += 1
                score.wrong.append(f"{where} indicator not on the form: {extra!r} (read from {refs[extra]})")
        if sorted(got) == sorted(sheet.indicators) and got != sheet.indicators:
            score.wrong.append(f"{where} indicators in a different order than the form (not counted)")
    return score


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_sheet_is_read_with_its_fields(name: str) -> None:
    path = workbook(name)
    result = processed(str(path))
    score = score_workbook(path)
    print(f"\n{name}: {score.message()}")
    assert result.status == "ok", f"{name}: {result.status} {result.error}"
    assert not score.missing_sheets and not score.duplicate_sheets, score.message()
    assert score.ratio >= MIN_RATIO, score.message()


@pytest.mark.parametrize("name", WORKBOOKS)
def test_no_indicator_is_a_placeholder_row(name: str) -> None:
    path = workbook(name)
    result = processed(str(path))
    assert result.status == "ok", f"{name}: {result.status} {result.error}"
    bad = []
    for rec in result.records:
        if getattr(rec, "record_type", None) != "target_table":
            continue
        for ind in rec.indicators:
            value = "" if ind.value is None else ind.value.raw.strip()
            if ind.level3.strip() in PLACEHOLDERS or (ind.value is not None and value in PLACEHOLDERS):
                bad.append(f"{ind.ref.with_label().label}: {ind.level3!r} = {value!r}")
    assert not bad, f"{len(bad)} placeholder indicators, e.g.:\n  " + "\n  ".join(bad[:20])


def test_all_workbooks_together_reach_the_ratio() -> None:
    total = Score()
    for name in WORKBOOKS:
        s = score_workbook(workbook(name))
        total.checked += s.checked
        total.right += s.right
        total.wrong += [f"{name} {w}" for w in s.wrong]
        total.missing_sheets += [f"{name}: {m}" for m in s.missing_sheets]
        total.duplicate_sheets += [f"{name}: {m}" for m in s.duplicate_sheets]
    print(f"\nall seven workbooks: {total.message()}")
    assert not total.missing_sheets, total.message()
    assert total.ratio >= MIN_RATIO, total.message()


def test_expected_reader_sees_the_forms_as_a_person_does() -> None:
    """Spot checks of the openpyxl reader above against cells read by eye."""
    sheets = expected(str(workbook("二级项目支出绩效目标申报表 (11).xlsx")))
    assert len(sheets) == 20
    s = sheets[3]  # 4.群众体育活动经费（体彩）
    assert (s.code, s.project, s.unit) == (
        "440306221390300900061", "群众体育活动经费（体彩）", "深圳市宝安区松岗街道党建服务中心")
    assert (s.budget_total, s.budget_multi_year) == (Decimal("825000"), Decimal("3915000"))
    assert s.indicators[3:5] == [
        ("产出", "成本", "场地建设总成本", "≦63万"), ("产出", "成本", "体育赛事总成本", "≦20万")]
    assert s.indicators[-1] == ("满意度", "服务对象满意度", "市民群众满意度", "基本满意")
    assert len(s.indicators) == 7 and s.placeholder_rows == 4  # rows 12–22, 不适用 in 17, 19, 20, 22
    first = expected(str(workbook("二级项目支出绩效目标申报表.xlsx")))[0]
    assert first.code == "440306231391500000000"  # stored as the number 4.4030623139149998E+20
    empty = expected(str(workbook("二级项目支出绩效目标申报表 (8).xlsx")))[10]
    assert empty.indicators == [] and empty.budget_total == 0 and empty.basis == ""


# ---------------------------------------------------------------------------------------------
# Second section: 本年度项目金额 exported in 元 under the 万元 label
# ---------------------------------------------------------------------------------------------

# The brief's `([\d.]+)\s*万元`, widened to bare `万` (`购买保安服务35.88万`) and thousands commas; not
# `万人`, `万册` … (counts of things).
WAN_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*万(?!人|户|册|份|次|个|平)")
# Whole-元 figures of the text (`合同价246740.64元`, `全年4480800元`), not the `万元` ones.
YUAN_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?<!万)元")


def wan_figures(text: str) -> list[Decimal]:
    return [Decimal(m.replace(",", "")) for m in WAN_FIGURE.findall(text or "")]


def yuan_figures(text: str) -> list[Decimal]:
    return [Decimal(m.replace(",", "")) for m in YUAN_FIGURE.findall(text or "")]


def _near(a: Decimal, b: Decimal) -> bool:
    return b != 0 and abs(a - b) <= abs(b) * Decimal("0.01")


def classify_amount(sheet: ExpectedSheet) -> tuple[str, str]:
    """(class, reason) of one sheet's 本年度项目金额 against its 测算依据.

    The candidates are the 万 figures of 测算依据 one by one, their sum, their sum less one of them
    (a text that states a subtotal first: `追加62.5万 … 20万 … 36万 …`) and the sums of two of them
    (`1757.46万元 … 616.46万元` for two contracts). `元-under-万元` when a candidate × 10000 is within
    1 % of the amount, or when the text states the amount itself in 元 (`合同价246740.64元` for a
    cell of 246,800.00); `consistent` when a 万 candidate itself is within 1 %; otherwise
    `undecidable`, with the reason: the amount is 0 or blank, the text has no figure, or none
    matches (per-unit prices times counts, `每人每月200元` …, are not multiplied out).
    """
    amount = sheet.budget_total
    if not amount:
        return "undecidable", "amount 0/blank"
    figures = wan_figures(sheet.basis)
    yuan = yuan_figures(sheet.basis)
    total = sum(figures, Decimal(0))
    candidates = set(figures) | {total} | {total - f for f in figures} \
        | {a + b for i, a in enumerate(figures) for b in figures[i + 1:]}
    candidates.discard(Decimal(0))
    if any(_near(c * 10000, amount) for c in candidates) or any(_near(y, amount) for y in yuan):
        return "元-under-万元", ""
    if any(_near(c, amount) for c in candidates):
        return "consistent", ""
    return "undecidable", "no figure in 测算依据" if not figures and not yuan else "no figure matches"


KINDS = ["元-under-万元", "consistent", "undecidable"]
REASONS = ["amount 0/blank", "no figure in 测算依据", "no figure matches"]


def amount_table() -> dict[str, Counter]:
    table = {}
    for name in WORKBOOKS:
        counts: Counter = Counter()
        for sheet in expected(str(workbook(name))):
            kind, reason = classify_amount(sheet)
            counts[kind] += 1
            if reason:
                counts[reason] += 1
        table[name] = counts
    return table


def test_each_workbook_has_sheets_whose_amount_is_yuan_under_the_wan_label() -> None:
    table = amount_table()
    columns = KINDS + REASONS
    lines = ["workbook | sheets | " + " | ".join(columns) + "   (the last three split undecidable)"]
    for name, counts in table.items():
        sheets = sum(counts[k] for k in KINDS)
        lines.append(f"{name} | {sheets} | " + " | ".join(str(counts[c]) for c in columns))
    print("\n" + "\n".join(lines))
    assert all(counts["元-under-万元"] >= 1 for counts in table.values()), "\n".join(lines)
