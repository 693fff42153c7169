"""Comparisons at print precision.

Printed numbers are rounded (or truncated) to their last printed digit, so a check may only call
two numbers different when no rounding convention explains the difference (domain.md, "Numbers as
they are written"):

- a reported rate printed to d decimals agrees with a computed rate when it lies less than one unit
  of its last digit (10^-d) away from it; the computed rate is itself an interval, because the
  amounts it comes from were printed rounded;
- a total and its parts agree when they differ by no more than the sum of their half-units;
- two printings of the same quantity at the same precision are monotone in the true value, so an
  order between them is exact; at different precisions the half-units widen the comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from schemas.numbers import PrintedNumber
from schemas.records import IndicatorValue

HUNDRED = Decimal(100)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """`value` rounded half-up to `decimals` places (49.445 → 49.45), for display."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part ÷ whole in percent at two decimals, half up (1164.62 ÷ 1164.62 → 100.00); None when
    whole is zero. The one rounding every rate, share and 得分率 is shown with."""
    if not whole:
        return None
    return round_half_up(part / whole * HUNDRED, 2)


def computed_rate(executed: PrintedNumber, budget: PrintedNumber) -> Decimal | None:
    """执行数 ÷ 全年预算数 in percent points, unrounded; None when the budget is not positive."""
    if budget.value <= 0:
        return None
    return executed.value / budget.value * HUNDRED


def rate_interval(executed: PrintedNumber, budget: PrintedNumber) -> tuple[Decimal, Decimal] | None:
    """The range of rates the printed amounts allow: (执行数 ∓ ½) ÷ (预算数 ± ½), in percent.

    None when the budget, less its half-unit, is not positive (the rate is then unbounded).
    """
    low_budget = budget.value - budget.half_unit
    if low_budget <= 0:
        return None
    high_budget = budget.value + budget.half_unit
    low_exec = max(executed.value - executed.half_unit, Decimal(0))
    high_exec = executed.value + executed.half_unit
    return low_exec / high_budget * HUNDRED, high_exec / low_budget * HUNDRED


def distance_to_interval(value: Decimal, interval: tuple[Decimal, Decimal]) -> Decimal:
    low, high = interval
    if value < low:
        return low - value
    if value > high:
        return value - high
    return Decimal(0)


def rate_matches(
    reported: PrintedNumber,
    executed: PrintedNumber,
    budget: PrintedNumber,
    units: Decimal | int = 1,
) -> bool:
    """Does the reported rate agree with executed ÷ budget at the reported print precision?

    Agreement: the reported value lies less than `units` × one unit of its last printed digit
    away from the interval the printed amounts allow. A non-positive budget never matches.
    """
    interval = rate_interval(executed, budget)
    if interval is None:
        return False
    return distance_to_interval(reported.value, interval) < reported.resolution * Decimal(units)


def sum_tolerance(total: PrintedNumber, parts: Iterable[PrintedNumber]) -> Decimal:
    """How far a total may lie from the sum of its parts by rounding alone.

    Each printed figure contributes its half-unit; a blank (zero written as blank or a dash) is an
    exact zero and contributes nothing.
    """
    figures = [total, *parts]
    return sum((p.half_unit for p in figures if not p.blank), Decimal(0))


def sum_mismatch(
    total: PrintedNumber, parts: Iterable[PrintedNumber], scale: Decimal | int = 1
) -> tuple[Decimal, Decimal, Decimal] | None:
    """(sum of parts, difference total − sum, tolerance) when they disagree beyond rounding, else None."""
    parts = list(parts)
    computed = sum((p.value for p in parts), Decimal(0))
    difference = total.value - computed
    tolerance = sum_tolerance(total, parts) * Decimal(scale)
    if abs(difference) > tolerance:
        return computed, difference, tolerance
    return None


def _order_tolerance(a: PrintedNumber, b: PrintedNumber) -> Decimal:
    # Rounding (or truncating) at one precision preserves order, so equal resolutions compare
    # exactly; different resolutions may each have moved by their half-unit.
    if a.resolution == b.resolution:
        return Decimal(0)
    return a.half_unit + b.half_unit


def definitely_less(a: PrintedNumber, b: PrintedNumber) -> bool:
    """True when a's true value must be below b's, given how both were printed."""
    return b.value - a.value > _order_tolerance(a, b)


def definitely_different(a: PrintedNumber, b: PrintedNumber) -> bool:
    """True when a and b cannot be two printings of the same value."""
    return abs(a.value - b.value) > _order_tolerance(a, b)


def threshold_for(months: int, thresholds: Mapping[Any, Any]) -> Decimal | None:
    """The warning threshold (percent) for period 1–`months`月.

    Listed periods use their value; others are interpolated linearly between the nearest listed
    neighbours, with (0, 0) and (12, 100) as anchors unless listed. None outside 1–12.
    """
    if not 1 <= months <= 12:
        return None
    points: dict[int, Decimal] = {0: Decimal(0), 12: HUNDRED}
    for key, value in (thresholds or {}).items():
        points[int(key)] = Decimal(str(value))
    if months in points:
        return points[months]
    below = max(m for m in points if m < months)
    above = min(m for m in points if m > months)
    low, high = points[below], points[above]
    return low + (high - low) * Decimal(months - below) / Decimal(above - below)


def time_progress(months: int) -> Decimal:
    """序时进度 of period 1–N月 in percent: N ÷ 12."""
    return Decimal(months) / Decimal(12) * HUNDRED


HIGHER_IS_WORSE = {"≤", "<"}


def falls_short(target: IndicatorValue | None, value: IndicatorValue | None) -> bool | None:
    """Is `value` worse than `target`, respecting the target's operator?

    For ≥ / > / = targets (and a bare number) lower is worse; for ≤ / < targets higher is worse.
    None when the two cannot be compared: a missing number, or different stated units.
    """
    if target is None or value is None or target.number is None or value.number is None:
        return None
    if target.unit and value.unit and target.unit != value.unit:
        return None
    if target.operator in HIGHER_IS_WORSE:
        return value.number > target.number
    return value.number < target.number
