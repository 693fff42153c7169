"""Print-precision comparisons: rates, sums, orders, thresholds, indicator targets."""

from decimal import Decimal

import pytest

from checks.common.tolerance import (
    computed_rate,
    definitely_different,
    definitely_less,
    falls_short,
    rate_interval,
    rate_matches,
    round_half_up,
    sum_mismatch,
    sum_tolerance,
    threshold_for,
    time_progress,
)
from textnorm.numbers import amount, rate
from schemas.records import IndicatorValue
from schemas.provenance import SourceRef

REF = SourceRef(file_sha256="0" * 64, file_name="t.xlsx", sheet="Sheet1", row=5, column=3)

D = Decimal


def wan(raw: str):
    return amount(raw, REF, "万元")


def yuan(raw: str):
    return amount(raw, REF, "元")


def pct(raw: str):
    return rate(raw, REF)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [("49.445", 2, "49.45"), ("1.925", 2, "1.93"), ("49.4449", 2, "49.44"), ("72.25", 1, "72.3"), ("0.5", 0, "1")],
)
def test_round_half_up(value, decimals, expected):
    assert round_half_up(D(value), decimals) == D(expected)


@pytest.mark.parametrize(
    "executed, budget, reported",
    [
        ("592.85", "1000.00", "59.29"),  # 59.285 rounded half-up
        ("592.85", "1000.00", "59.28"),  # 59.285 rounded half-even / truncated
        ("5369.78", "10000.00", "53.69"),  # 53.6978 truncated
        ("5369.78", "10000.00", "53.70"),  # 53.6978 rounded
        ("722.60", "1000.00", "72.3"),  # 72.26 printed with one decimal
        ("509.47", "1030.25", "49.45"),  # nanjie 基本支出, correct value
        ("0", "1030.25", "0.00"),  # blank executed: nothing spent
    ],
)
def test_rounding_conventions_match(executed, budget, reported):
    assert rate_matches(pct(reported), wan(executed), wan(budget))


@pytest.mark.parametrize(
    "executed, budget, reported",
    [
        ("394.10", "1000.00", "10.74"),  # 39.41 reported as 10.74
        ("592.85", "1000.00", "59.27"),  # 0.015 away: more than one unit of the last digit
        ("5369.78", "10000.00", "53.68"),
        ("722.60", "1000.00", "72.1"),
        ("509.47", "1030.25", "43.75"),  # nanjie: divided by 合计 1164.62
        ("22.46", "134.37", "1.93"),
    ],
)
def test_real_differences_do_not_match(executed, budget, reported):
    assert not rate_matches(pct(reported), wan(executed), wan(budget))


def test_computed_rate_is_widened_by_the_amounts_rounding():
    # 0.05 / 0.30 = 16.67 %, but the amounts may be 0.045…0.055 and 0.295…0.305.
    low, high = rate_interval(wan("0.05"), wan("0.30"))
    assert low == D("0.045") / D("0.305") * 100
    assert high == D("0.055") / D("0.295") * 100
    assert rate_matches(pct("18.00"), wan("0.05"), wan("0.30"))
    assert not rate_matches(pct("19.00"), wan("0.05"), wan("0.30"))


def test_rounding_units_widen_the_rate_tolerance():
    assert not rate_matches(pct("59.27"), wan("592.85"), wan("1000.00"))
    assert rate_matches(pct("59.27"), wan("592.85"), wan("1000.00"), units=2)


def test_amounts_printed_in_yuan_are_nearly_exact():
    # 5,094,700 元 = 509.47 万元 with a half-unit of 0.00005 万元.
    executed = yuan("5,094,700")
    assert executed.value == D("509.47") and executed.half_unit == D("0.00005")
    assert rate_matches(pct("49.45"), executed, yuan("10,302,500"))


def test_non_positive_budget_has_no_rate():
    assert computed_rate(wan("10.00"), wan("0")) is None
    assert rate_interval(wan("10.00"), wan("0.00")) is None
    # the smallest printable budget leaves a wide but bounded interval
    assert rate_interval(wan("0.01"), wan("0.01")) == (D("0.005") / D("0.015") * 100, D(300))
    assert not rate_matches(pct("0.00"), wan("0.00"), wan("0"))


def test_sum_tolerance_is_the_sum_of_half_units():
    assert sum_tolerance(wan("100.00"), [wan("50.00"), wan("50.00")]) == D("0.015")
    assert sum_tolerance(wan("100.0"), [wan("50.00"), wan("50.00")]) == D("0.06")
    # a blank part is an exact zero
    assert sum_tolerance(wan("50.00"), [wan("50.00"), wan("")]) == D("0.010")


def test_sum_off_by_one_cent_with_two_parts_is_rounding():
    assert sum_mismatch(wan("100.01"), [wan("50.00"), wan("50.00")]) is None
    assert sum_mismatch(wan("99.99"), [wan("50.00"), wan("50.00")]) is None


def test_sum_off_by_two_cents_with_two_parts_is_an_error():
    assert sum_mismatch(wan("100.02"), [wan("50.00"), wan("50.00")]) == (
        D("100.00"),
        D("0.02"),
        D("0.015"),
    )


def test_sum_tolerance_grows_with_parts_and_scale():
    parts = [wan("10.00"), wan("10.00"), wan("10.00")]
    assert sum_mismatch(wan("30.02"), parts) is None  # tolerance 0.02
    assert sum_mismatch(wan("30.03"), parts) is not None
    assert sum_mismatch(wan("100.02"), [wan("50.00"), wan("50.00")], scale=2) is None


def test_sum_with_a_blank_part():
    assert sum_mismatch(wan("50.01"), [wan("50.00"), wan("-")]) is None
    assert sum_mismatch(wan("50.02"), [wan("50.00"), wan("-")]) is not None


def test_order_at_the_same_precision_is_exact():
    assert definitely_less(wan("500.00"), wan("500.01"))
    assert not definitely_less(wan("500.01"), wan("500.01"))
    assert definitely_different(wan("1030.25"), wan("1030.26"))
    assert not definitely_different(wan("1030.25"), wan("1,030.25"))


def test_order_across_precisions_allows_both_half_units():
    # 509.465 万元 printed in 元 may be the same money as 509.46 printed in 万元.
    assert not definitely_less(wan("509.46"), yuan("5094650"))
    assert not definitely_different(wan("509.47"), yuan("5094700"))
    assert definitely_less(wan("509.46"), yuan("5094800"))
    assert definitely_different(wan("1030.3"), yuan("10302000"))


@pytest.mark.parametrize(
    "months, expected",
    [(4, "25"), (6, "40"), (8, "60"), (10, "80"), (9, "70"), (5, "32.5"), (7, "50"), (11, "90"),
     (12, "100"), (2, "12.5"), (1, "6.25")],
)
def test_threshold_interpolation(months, expected):
    thresholds = {4: 25, 6: 40, 8: 60, 10: 80}
    assert threshold_for(months, thresholds) == D(expected)


def test_threshold_accepts_string_keys_and_rejects_impossible_periods():
    assert threshold_for(9, {"6": 45, "12": 90}) == D("67.5")
    assert threshold_for(0, {6: 40}) is None
    assert threshold_for(13, {6: 40}) is None


def test_time_progress():
    assert time_progress(6) == D(50)
    assert time_progress(9) == D(75)


def iv(raw: str, operator=None, number=None, unit=None) -> IndicatorValue:
    return IndicatorValue(raw=raw, operator=operator, number=None if number is None else D(number),
                          unit=unit, quantitative=number is not None)


@pytest.mark.parametrize(
    "target, forecast, expected",
    [
        (iv("≥90%", "≥", "90", "%"), iv("85%", None, "85", "%"), True),
        (iv("≥90%", "≥", "90", "%"), iv("90%", None, "90", "%"), False),
        (iv(">90%", ">", "90", "%"), iv("95%", None, "95", "%"), False),
        (iv("100%", None, "100", "%"), iv("99%", None, "99", "%"), True),
        (iv("=12次", "=", "12", "次"), iv("10次", None, "10", "次"), True),
        (iv("≤100%", "≤", "100", "%"), iv("105%", None, "105", "%"), True),
        (iv("≤100%", "≤", "100", "%"), iv("95%", None, "95", "%"), False),
        (iv("≤100%", "≤", "100", "%"), iv("≤100%", "≤", "100", "%"), False),
        (iv("<5天", "<", "5", "天"), iv("6天", None, "6", "天"), True),
        (iv("完整"), iv("完整"), None),
        (iv("≥90%", "≥", "90", "%"), iv("85天", None, "85", "天"), None),
        (iv("≥90%", "≥", "90", "%"), iv("85", None, "85", None), True),
    ],
)
def test_falls_short_respects_the_operator(target, forecast, expected):
    assert falls_short(target, forecast) is expected


def test_falls_short_without_values():
    assert falls_short(None, iv("85%", None, "85", "%")) is None
    assert falls_short(iv("≥90%", "≥", "90", "%"), None) is None
