"""Formatting figures for Chinese messages, and turning records' values into evidence.

Shared by every rule module: an amount is shown in the unit its table printed it in (元 or 万元)
with its printed precision (`message_unit`), a source as `file Sheet1!E7、Sheet1!C7`. Only messages
change unit: a finding's `details` keep 万元 (`amount_text`, `format_amount`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from checks.common.tolerance import round_half_up
from schemas.findings import Evidence
from schemas.monitoring import IndicatorProgress
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import IndicatorValue, TextValue


def plain(value: Decimal, places: int = 2) -> str:
    """A configured figure (threshold, progress) without trailing zeros: 40, 32.5, 41.67."""
    text = format(round_half_up(value, places), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount_decimals(pn: PrintedNumber) -> int:
    # An amount printed in 元 keeps its precision when shown in 万元.
    return pn.decimals + (4 if pn.printed_unit == "元" and pn.unit == "万元" else 0)


def format_amount(value: Decimal, decimals: int) -> str:
    text = format(round_half_up(value, decimals), "f")
    if decimals > 2:  # 元 figures shown in 万元: drop zeros the conversion added, keep two
        head, _, tail = text.partition(".")
        tail = tail.rstrip("0").ljust(2, "0")
        text = f"{head}.{tail}"
    return text


def amount_text(pn: PrintedNumber) -> str:
    return format_amount(pn.value, amount_decimals(pn))


YUAN_PER_WAN = Decimal(10000)
MAX_DECIMALS = 6  # how far a tiny non-zero figure may push a message's precision


def grouped(value: Decimal, decimals: int) -> str:
    """A figure with thousands separators at `decimals` places: 4,713,505.86."""
    return f"{round_half_up(value, decimals):,.{decimals}f}"


def _nonzero_decimals(value: Decimal, decimals: int, limit: int) -> int:
    """`decimals`, raised until a non-zero `value` no longer rounds to zero (at most `limit`)."""
    while value != 0 and round_half_up(value, decimals) == 0 and decimals < limit:
        decimals += 1
    return decimals


@dataclass(frozen=True)
class MessageUnit:
    """How one message shows its amounts: the unit (`unit`, for the `{amount_unit}` placeholder
    of the templates) and the precision of figures it computes (sums, differences).

    - 元: every amount the message compares was printed in 元 — shown as printed, in 元 with
      thousands separators; computed figures at the finest printed precision;
    - 万元, not mixed: as printed (a 万元 table, or no unit printed) — the text of `amount_text`;
    - 万元, mixed (a 元 table against 万元 prose): 元 figures rounded to the 万元 precision the
      message prints, raised until figures that differ no longer look equal.
    """

    unit: str
    decimals: int
    mixed: bool = False

    def amount(self, pn: PrintedNumber) -> str:
        """A printed amount in the message's unit."""
        if self.unit == "元":
            return grouped(pn.value * YUAN_PER_WAN, pn.decimals)
        if self.mixed and pn.printed_unit == "元":
            return format_amount(pn.value, self.decimals)
        return amount_text(pn)

    def value(self, value: Decimal) -> str:
        """A figure the rule computed (a sum, a difference; in 万元) in the message's unit; a
        non-zero figure never shows as zero."""
        if self.unit == "元":
            yuan = value * YUAN_PER_WAN
            return grouped(yuan, _nonzero_decimals(yuan, self.decimals, MAX_DECIMALS))
        return format_amount(value, _nonzero_decimals(value, self.decimals, self.decimals + 4))

    def tolerance(self, value: Decimal) -> str:
        """A rounding tolerance (in 万元) in the message's unit: 0.03 (元), 0.000003 (万元)."""
        if self.unit == "元":
            yuan = value * YUAN_PER_WAN
            return plain(yuan, _nonzero_decimals(yuan, self.decimals, MAX_DECIMALS))
        return plain(value, 6)


def message_unit(numbers: Iterable[PrintedNumber], values: Iterable[Decimal] = ()) -> MessageUnit:
    """The unit and precision of a message comparing `numbers` (and showing computed `values`).

    元 when every amount was printed in 元; else 万元 — at the printed precision when no amount was
    printed in 元, and at a readable one (the 万元 figures' precision, at least 2 decimals, raised
    until the figures that differ, `values` among them, stay apart) when units are mixed.
    """
    numbers = list(numbers)
    if numbers and all(pn.printed_unit == "元" and pn.unit == "万元" for pn in numbers):
        return MessageUnit("元", max(pn.decimals for pn in numbers))
    if not any(pn.printed_unit == "元" for pn in numbers):
        return MessageUnit("万元", max((amount_decimals(pn) for pn in numbers), default=2))
    decimals = max([2, *(pn.decimals for pn in numbers if pn.printed_unit != "元")])
    figures = {pn.value for pn in numbers} | {v for v in values if v != 0}
    limit = max(amount_decimals(pn) for pn in numbers)
    while decimals < limit and len({round_half_up(v, decimals) for v in figures}) < len(figures):
        decimals += 1
    return MessageUnit("万元", decimals, mixed=True)


def rate_text(pn: PrintedNumber) -> str:
    return format(round_half_up(pn.value, pn.decimals), "f")


def exact_text(value: Decimal) -> str:
    return format(round_half_up(value, 6), "f")


def number_evidence(role: str, pn: PrintedNumber) -> Evidence:
    return Evidence(role=role, raw=pn.raw, value=pn.value, ref=pn.ref.with_label(),
                    corrected=pn.correction.note if pn.correction else None)


def text_evidence(role: str, tv: TextValue) -> Evidence:
    return Evidence(role=role, raw=tv.text, value=None, ref=tv.ref.with_label())


def indicator_evidence(role: str, iv: IndicatorValue, fallback: SourceRef) -> Evidence:
    return Evidence(role=role, raw=iv.raw, value=iv.number, ref=(iv.ref or fallback).with_label())


def indicator_names(indicators: Sequence[IndicatorProgress]) -> list[str]:
    """Indicator names for subjects; a name used twice in a table is qualified by its 二级指标."""
    counts: dict[str, int] = defaultdict(int)
    for ind in indicators:
        counts[ind.level3] += 1
    return [
        f"{ind.level2}-{ind.level3}" if counts[ind.level3] > 1 and ind.level2 else ind.level3
        for ind in indicators
    ]
