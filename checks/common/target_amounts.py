"""What the rules over a 绩效目标表's amounts (TGT009–TGT011, checks/targets/) share.

A project form prints its amount (本年度项目金额 / 年度资金总额, under a 万元 label) and, in the same
form, says how it was worked out (测算依据: `清扫保洁经费11940.368万元…`) and caps it with a 成本指标
(`总成本不超过11940.368万元`). This module reads those figures and the two readings of the amount:

- the 测算依据's standalone amounts (`basis_amounts`), read conservatively: `<名称><金额>万元`,
  `合计<金额>万元` only, never unit prices (`单价500元/人`, `每月支付…`, `9.3万元/人`), figures inside
  arithmetic (`9.3*13=120.9万元`) or thresholds (`200万元以下`);
- the 成本指标 stating an amount (`cost_values`);
- the figures TGT009 compares the amount with (`figures_of`) and its agreement (`Fit`), read from
  TGT009's params whichever rule runs (`Shared`): a figure that fits the amount read in 元 is never
  reported again by TGT010/TGT011;
- the reading a TGT010/TGT011 difference is reported against (`report_reading`, `budget_phrase`):
  the amount read in 元 where TGT009 flags the form or the figure lies within `yuan_ratio` of it,
  else the amount as printed; the message names both readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext
from checks.common.evidence import YUAN_PER_WAN, amount_decimals, format_amount, grouped
from checks.common.params import RuleParams
from checks.common.targets import name_key, table_title
from textnorm.numbers import amount as parse_amount
from schemas.findings import Evidence
from schemas.numbers import PrintedNumber
from schemas.records import TextValue
from schemas.targets import TargetIndicator, TargetTable

HUNDRED = Decimal(100)
ONE = Decimal(1)


class AmountLabelParams(RuleParams):
    """How a message names the amount (TGT009–TGT011)."""

    amount_label: str  # 年度资金总额
    amount_label_with_multi_year: str | None  # on a form that also prints a 中期规划 total


class ReadingParams(AmountLabelParams):
    """TGT010 and TGT011: which reading of the amount a difference is reported against."""

    yuan_ratio: Decimal  # a figure within this ratio of the amount read in 元 is compared with it
    budget_phrase: str  # {label} {budget}: the amount as printed
    budget_phrase_yuan: str  # {label} {budget} {converted}: the amount read in 元


def _dec(value: Any, default: str) -> Decimal:
    return Decimal(str(value if value is not None else default))


def word_list(value: Any) -> list[str]:
    return [_normalise(str(w)) for w in value or [] if str(w)]


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")



# ---------------------------------------------------------------- 测算依据 amounts

# An amount with its unit; a thousands separator only before exactly three digits.
_AMOUNT = re.compile(r"(?<![0-9.])(\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)\s*(万元|万|元)")
# A decimal figure with no unit (`保洁购买服务18.51`); not a date (2022.7.23, 2021.10) nor a count
# after a list number (`5.5台电瓶车`: the lookahead of `bare_decimal_not_before`).
_BARE_DECIMAL = re.compile(r"(?<![0-9.])(?!(?:19|20)\d\d\.)\d+\.\d+(?![0-9.])(?!\s*(?:万|元|%|‰))")
_CLAUSE_END = "，,。；;\n！!？?、"
_SENTENCE_END = "。；;\n！!？?"


@dataclass(frozen=True)
class BasisItem:
    """One standalone amount of a 测算依据 text."""

    written: str  # as written: `1.784万元`
    number: PrintedNumber  # in 万元, with its printed precision and unit
    offset: int
    clause_lead: str  # the clause before it


@dataclass
class BasisAmounts:
    """The amounts of a 测算依据 text and the figures it may mean as the project's amount."""

    items: list[BasisItem] = field(default_factory=list)  # standalone amounts, not totals, in text order
    totals: list[BasisItem] = field(default_factory=list)  # amounts stated as 合计/共计 (none below an item)
    subtotals: list[BasisItem] = field(default_factory=list)  # items equal to the sum of the items next to them
    rates: int = 0  # amounts left out as unit prices or periodic payments
    arithmetic: int = 0  # amounts left out as operands or results of a calculation
    thresholds: int = 0  # amounts left out as thresholds (200万元以下)
    unitless: int = 0  # decimal figures written without a unit

    @property
    def stated(self) -> bool:
        return bool(self.items or self.totals)

    @property
    def total(self) -> BasisItem | None:
        """The amount the text gives as its total: its largest 合计/共计, else an item equal to the
        sum of all the other items (`经费436.54万元，用于果蔬垃圾238.8万元，…`)."""
        if self.totals:
            return max(self.totals, key=lambda i: i.number.value)
        if len(self.items) > 2:
            for sub in self.subtotals:
                if _agree(sub.number, [i for i in self.items if i is not sub]):
                    return sub
        return None

    @property
    def parts(self) -> list[BasisItem]:
        """The items a sum is taken over, subtotals left out."""
        return [i for i in self.items if not any(i is s for s in self.subtotals)]

    def largest(self) -> BasisItem | None:
        every = self.items + self.totals
        return max(every, key=lambda i: i.number.value) if every else None

    def readings(self) -> list[tuple[Decimal, Decimal]]:
        """(figure, its rounding) for every figure the text may mean as the project's amount: each
        single amount (a text may give the total, then its parts), the sum of the items with and
        without subtotals, and with the 合计 that do not total the amounts before them
        (`每年需支付共计6.48万元，16.6942万元为该项目支出差额`)."""
        out: list[tuple[Decimal, Decimal]] = []
        for item in self.items + self.totals:
            out.append((item.number.value, item.number.half_unit))
        # a 合计 of the amounts before it is not added to them again
        extra = [t for t in self.totals if not _agree(t.number, [i for i in self.items if i.offset < t.offset])]
        for group in (self.parts, self.items, self.items + extra):
            if len(group) > 1:
                out.append((items_sum(group), sum((i.number.half_unit for i in group), Decimal(0))))
        return out


def items_sum(items: Sequence[BasisItem]) -> Decimal:
    return sum((i.number.value for i in items), Decimal(0))


def _agree(total: PrintedNumber, parts: Sequence[BasisItem]) -> bool:
    """The parts add up to the total at the precision of the most rounded figure: strict, so that
    whole 万 amounts do not pair by chance (20 and 20 + 1 are not a subtotal)."""
    tolerance = max([total.half_unit, *(i.number.half_unit for i in parts)])
    return abs(total.value - items_sum(parts)) <= tolerance


def _subtotals(items: Sequence[BasisItem]) -> list[BasisItem]:
    """Items equal to the sum of a run of at least two items right after (`经费436.54万元，用于果蔬
    垃圾238.8万元，…`) or right before (`0.96万元，0.096万元，…共1.06万元`) them."""
    out: list[BasisItem] = []
    for i, item in enumerate(items):
        runs = [items[i + 1:k] for k in range(i + 3, len(items) + 1)]
        runs += [items[k:i] for k in range(0, i - 1)]
        if any(_agree(item.number, run) for run in runs):
            out.append(item)
    return out


def _lead(text: str, start: int, ends: str) -> str:
    cut = max((text.rfind(c, 0, start) for c in ends), default=-1) + 1
    return text[cut:start]


def _prev_char(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return text[i] if i >= 0 else ""


def _patterns(value: Any) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in word_list(value)]


def basis_amounts(basis: TextValue, params: dict[str, Any]) -> BasisAmounts:
    """The standalone amounts of a 测算依据 text (万元, 万 and 元 amounts, in 万元), read as TGT009's
    `basis` params say."""
    text = _normalise(basis.text)
    operators = str(params.get("operator_chars", ""))
    keep_after = word_list(params.get("keep_after"))
    rate_after = word_list(params.get("rate_after"))
    rate_clause = _patterns(params.get("rate_before_clause"))
    rate_sentence = _patterns(params.get("rate_before_sentence"))
    threshold_after = word_list(params.get("threshold_after"))
    threshold_before = word_list(params.get("threshold_before"))
    threshold_window = int(params.get("threshold_window", 6))
    not_money = str(params.get("not_money_after_wan", ""))
    total_words = word_list(params.get("total_words"))
    total_window = int(params.get("total_window", 8))
    found = BasisAmounts()
    counted = tuple(word_list(params.get("not_unitless_before")))
    found.unitless = sum(1 for m in _BARE_DECIMAL.finditer(text)
                         if not (counted and text[m.end():].lstrip(" ").startswith(counted)))
    totals: list[BasisItem] = []
    for m in _AMOUNT.finditer(text):
        number, unit = m.group(1), m.group(2)
        tail = text[m.end():].lstrip(" ")
        if unit == "万" and tail[:1] and tail[0] in not_money:
            continue  # 10万人, 2万平方米: not money
        prev = _prev_char(text, m.start())
        if (prev and prev in operators) or (
                tail[:1] and tail[0] in operators and not any(tail.startswith(k) for k in keep_after)):
            found.arithmetic += 1  # 9.3*13=120.9万元, 500元*12月, 9.3万元/人 (`…万元/年` is kept)
            continue
        clause = _lead(text, m.start(), _CLAUSE_END)
        sentence = _lead(text, m.start(), _SENTENCE_END)
        if (any(tail.startswith(w) for w in threshold_after)
                or any(w in clause[-threshold_window:] for w in threshold_before)):
            found.thresholds += 1  # 200万元以下, 最高不超过20万元
            continue
        if (any(tail.startswith(w) for w in rate_after) or any(p.search(clause) for p in rate_clause)
                or any(p.search(sentence) for p in rate_sentence)):
            found.rates += 1  # 0.5万元（单价）, 每人每月600元, 每月支付54.6126万元
            continue
        pn = parse_amount(number.replace(",", "") + ("元" if unit == "元" else "万元"), basis.ref, None)
        if pn.blank or pn.value <= 0:
            continue
        item = BasisItem(written=m.group(0).strip(), number=pn, offset=m.start(), clause_lead=clause)
        if any(w in _lead(text, m.start(), _SENTENCE_END)[-total_window:] for w in total_words):
            totals.append(item)
        else:
            found.items.append(item)
    # a 合计 below an amount written before it totals a part only (`全年63万元，安保服务合计36万元`)
    for item in totals:
        before = [i.number.value for i in found.items if i.offset < item.offset]
        (found.totals if item.number.value >= max(before, default=Decimal(0)) else found.items).append(item)
    found.items.sort(key=lambda i: i.offset)
    found.subtotals = _subtotals(found.items)
    return found



# ---------------------------------------------------------------- 成本指标 amounts


@dataclass(frozen=True)
class CostValue:
    indicator: TargetIndicator
    number: PrintedNumber  # the value, in 万元
    ceiling: bool  # ≤ / < / 不超过 …; else a plain amount (`全年项目预算数 160000元`)


def cost_values(table: TargetTable, params: dict[str, Any]) -> list[CostValue]:
    """The table's 成本指标 stating an amount (万元/万/元, not a unit price), as TGT009's `cost`
    params say."""
    cost_words = word_list(params.get("cost_words"))
    per_unit = [name_key(w) for w in word_list(params.get("per_unit_words"))]
    ceiling_words = word_list(params.get("ceiling_words"))
    units = {_normalise(str(k)).replace(" ", ""): str(v) for k, v in (params.get("money_units") or {}).items()}
    out: list[CostValue] = []
    for ind in table.indicators:
        if not any(w in _normalise(ind.level2) or w in _normalise(ind.level1) for w in cost_words):
            continue
        value = ind.value
        if value is None or value.number is None or value.number <= 0 or value.upper is not None:
            continue
        if value.operator in ("≥", ">"):
            continue
        unit = units.get(_normalise(value.unit or "").replace(" ", ""))
        if unit is None:
            continue
        if any(w in name_key(ind.level3) for w in per_unit):
            continue  # 单馆运营成本, 传承人补助标准: a unit price, not the project's cost
        raw = _normalise(value.raw)
        ceiling = value.operator in ("≤", "<") or any(w in raw for w in ceiling_words)
        pn = parse_amount(format(value.number, "f") + unit, value.ref or ind.ref, None)
        out.append(CostValue(ind, pn, ceiling))
    return out



# ---------------------------------------------------------------- the form's amount, read two ways


def _budget(table: TargetTable) -> PrintedNumber | None:
    b = table.budget_total
    if b is None or b.blank or b.value <= 0:
        return None
    return b


def _under_wan_label(table: TargetTable, budget: PrintedNumber) -> bool:
    if budget.printed_unit is None:
        return table.amount_unit == "万元"
    return budget.printed_unit == "万元"


def amount_label(table: TargetTable, params: AmountLabelParams) -> str:
    if table.budget_multi_year is not None and params.amount_label_with_multi_year:
        return str(params.amount_label_with_multi_year)
    return str(params.amount_label)


def fmt_base(ctx: RuleContext, table: TargetTable) -> dict[str, Any]:
    """{unit} {year_text} {title}: the unit and the year words are left out when unknown."""
    return {"unit": table.unit.value or "", "year_text": f"{table.year}年度" if table.year else "",
            "title": table_title(ctx.settings, table)}


def budget_text(pn: PrintedNumber) -> str:
    """The amount in 万元 as the form printed it (17,840.00); one printed in 元 in 万元."""
    if pn.printed_unit == "元":
        return format_amount(pn.value, amount_decimals(pn))
    return grouped(pn.value, pn.decimals)


def yuan_text(pn: PrintedNumber) -> str:
    """The amount read in 元, in 万元: 17,840.00 → 1.784."""
    return format_amount(pn.value / YUAN_PER_WAN, pn.decimals + 4)


def figure_text(value: Decimal, numbers: Sequence[PrintedNumber]) -> str:
    """A figure (in 万元) made of printed numbers, at their finest precision."""
    return format_amount(value, max((amount_decimals(pn) for pn in numbers), default=2))


@dataclass
class Figure:
    """A figure of the form TGT009 compares the amount with."""

    key: str  # basis_total / basis_sum / basis_single / basis_largest / ceiling / cost / ceilings_sum
    value: Decimal  # 万元
    numbers: list[PrintedNumber]
    ceiling: bool = False
    cost: CostValue | None = None

    @property
    def half(self) -> Decimal:
        return sum((n.half_unit for n in self.numbers), Decimal(0))


def figures_of(basis: BasisAmounts | None, costs: Sequence[CostValue]) -> list[Figure]:
    """The 测算依据's total (its 合计, else the sum of its amounts, with and without subtotals), its
    largest amount, each 成本指标 amount, the sum of the ceilings."""
    out: list[Figure] = []
    if basis is not None and basis.stated:
        total = basis.total
        if total is not None:
            out.append(Figure("basis_total", total.number.value, [total.number]))
        elif len(basis.parts) == 1:
            out.append(Figure("basis_single", basis.parts[0].number.value, [basis.parts[0].number]))
        elif basis.parts:
            out.append(Figure("basis_sum", items_sum(basis.parts), [i.number for i in basis.parts]))
        if len(basis.items) > 1 and len(basis.items) != len(basis.parts):
            out.append(Figure("basis_sum", items_sum(basis.items), [i.number for i in basis.items]))
        largest = basis.largest()
        if largest is not None and all(largest.number.value != f.value for f in out):
            out.append(Figure("basis_largest", largest.number.value, [largest.number]))
    for cv in costs:
        out.append(Figure("ceiling" if cv.ceiling else "cost", cv.number.value, [cv.number], cv.ceiling, cv))
    ceilings = [cv for cv in costs if cv.ceiling]
    if len(ceilings) > 1:
        out.append(Figure("ceilings_sum", sum((c.number.value for c in ceilings), Decimal(0)),
                          [c.number for c in ceilings], ceiling=True))
    return out


@dataclass(frozen=True)
class Fit:
    """TGT009's agreement: a figure within `tolerance` (a share) of the amount, a ceiling up to
    `headroom` above it, beyond rounding (half a unit of every printed figure)."""

    tolerance: Decimal
    headroom: Decimal

    def __call__(self, amount: Decimal, amount_half: Decimal, value: Decimal, half: Decimal,
                 ceiling: bool) -> bool:
        rounding = amount_half + half
        low = amount * (ONE - self.tolerance) - rounding
        high = amount * (ONE + (self.headroom if ceiling else self.tolerance)) + rounding
        return low <= value <= high


@dataclass
class Shared:
    """What the three rules share: TGT009's params (reading the 测算依据 and the 成本指标, its
    tolerances). They apply whether TGT009 runs or not: a figure that fits the amount read in 元
    is never reported as a TGT010/TGT011 difference."""

    basis: dict[str, Any]
    cost: dict[str, Any]
    fit: Fit

    @classmethod
    def of(cls, ctx: RuleContext) -> "Shared":
        entry = ctx.config if ctx.rule.id == "TGT009" else (ctx.rules_config.get("TGT009") or {})
        p = entry.get("params", {}) or {}
        fit = Fit(_dec(p.get("relative_tolerance"), "0.01"), _dec(p.get("ceiling_headroom"), "0.1"))
        return cls(p.get("basis", {}) or {}, p.get("cost", {}) or {}, fit)


@dataclass
class Amounts:
    """One table's amount and the figures it is compared with."""

    table: TargetTable
    budget: PrintedNumber
    basis: BasisAmounts | None
    costs: list[CostValue]
    figures: list[Figure]
    wan_label: bool  # printed under a 万元 label: the 元 reading is possible
    matched: list[Figure]  # figures that fit the amount read in 元 (TGT009's evidence)

    @property
    def yuan(self) -> Decimal:
        return self.budget.value / YUAN_PER_WAN

    @property
    def yuan_half(self) -> Decimal:
        return self.budget.half_unit / YUAN_PER_WAN

    @property
    def unit_case(self) -> bool:
        """TGT009 flags the form: a figure fits the 元 reading and none the amount as printed."""
        return bool(self.matched)


def amounts_of(table: TargetTable, shared: Shared) -> Amounts | None:
    budget = _budget(table)
    if budget is None:
        return None
    basis = basis_amounts(table.basis_text, shared.basis) if table.basis_text is not None else None
    costs = cost_values(table, shared.cost)
    figures = figures_of(basis, costs)
    wan = _under_wan_label(table, budget)
    matched: list[Figure] = []
    if wan and figures and not any(shared.fit(budget.value, budget.half_unit, f.value, f.half, f.ceiling)
                                   for f in figures):
        matched = [f for f in figures
                   if shared.fit(budget.value / YUAN_PER_WAN, budget.half_unit / YUAN_PER_WAN, f.value, f.half,
                                 f.ceiling)]
    return Amounts(table, budget, basis, costs, figures, wan, matched)


def basis_evidence(table: TargetTable, value: Decimal | None) -> Evidence:
    assert table.basis_text is not None
    return Evidence(role="测算依据", raw=table.basis_text.text, value=value, ref=table.basis_text.ref.with_label())



# ---------------------------------------------------------------- TGT010 and TGT011: which reading


@dataclass
class Reading:
    """The amount a figure is reported against: as printed, or read in 元."""

    value: Decimal  # 万元
    half: Decimal
    yuan: bool


def report_reading(a: Amounts, figure: Decimal, ratio: Decimal) -> Reading:
    """The 元 reading where TGT009 flags the form or the figure lies within `ratio` times of it,
    else the amount as printed."""
    if a.wan_label and (a.unit_case or (a.yuan > 0 and ONE / ratio <= figure / a.yuan <= ratio)):
        return Reading(a.yuan, a.yuan_half, True)
    return Reading(a.budget.value, a.budget.half_unit, False)


def budget_phrase(params: ReadingParams, a: Amounts, reading: Reading) -> str:
    label = amount_label(a.table, params)
    key = "budget_phrase_yuan" if reading.yuan else "budget_phrase"
    template = str(getattr(params, key) or "{label}{budget}万元")
    return template.format(label=label, budget=budget_text(a.budget), converted=yuan_text(a.budget))


def reading_decimals(a: Amounts, reading: Reading) -> int:
    return amount_decimals(a.budget) + (4 if reading.yuan else 0)
