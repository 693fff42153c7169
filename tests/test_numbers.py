"""Numbers as printed: separators, full-width, units, blanks, precision."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textnorm.numbers import NumberError, amount, decimals_of_format, parse_decimal, rate
from schemas.provenance import SourceRef, human_label

REF = SourceRef(file_sha256="0" * 64, file_name="t.xlsx", sheet="Sheet1", row=5, column=3)


@pytest.mark.parametrize(
    "raw, value, decimals, unit",
    [
        ("1,164.62", Decimal("1164.62"), 2, None),
        ("１，１６４．６２", Decimal("1164.62"), 2, None),
        ("５９．２９％", Decimal("59.29"), 2, "%"),
        ("59.29%", Decimal("59.29"), 2, "%"),
        ("72.3", Decimal("72.3"), 1, None),
        ("100", Decimal("100"), 0, None),
        ("(12.50)", Decimal("-12.50"), 2, None),
        ("（12.50）", Decimal("-12.50"), 2, None),
        ("-3.5", Decimal("-3.5"), 1, None),
        (" 11,646,200.00 元", Decimal("11646200.00"), 2, "元"),
        ("0", Decimal("0"), 0, None),
    ],
)
def test_parse_decimal(raw, value, decimals, unit):
    assert parse_decimal(raw) == (value, decimals, unit)


@pytest.mark.parametrize("raw", ["", " ", "-", "—", "——", "－", "\u3000"])
def test_zero_marks_are_blank(raw):
    assert parse_decimal(raw) is None
    a = amount(raw, REF, "万元")
    assert a.value == 0 and a.blank
    assert rate(raw, REF) is None


@pytest.mark.parametrize("raw", ["约五十万", "12..5", "1 2a", "N/A"])
def test_not_a_number_says_so_in_chinese(raw):
    with pytest.raises(NumberError, match="无法识别为数字"):
        parse_decimal(raw)


def test_amount_in_yuan_is_normalised_to_wan_with_finer_resolution():
    a = amount("11,646,200.00", REF, "元")
    assert a.value == Decimal("1164.62")
    assert a.printed == Decimal("11646200.00")
    assert a.printed_unit == "元" and a.unit == "万元"
    assert a.resolution == Decimal("0.000001")
    assert amount("1164.62", REF, "万元").resolution == Decimal("0.01")


def test_unit_in_cell_overrides_header_unit():
    assert amount("5000元", REF, "万元").value == Decimal("0.5")


def test_rate_keeps_printed_precision():
    r = rate("72.3", REF)
    assert r.value == Decimal("72.3") and r.decimals == 1 and r.resolution == Decimal("0.1")


@pytest.mark.parametrize(
    "fmt, decimals",
    [("0.00%", 2), ("0%", 0), ("#,##0.00", 2), ("0.0", 1), ("General", None), (None, None),
     ('#,##0.00_);[Red](#,##0.00)', 2), ('0.000"万元"', 3)],
)
def test_decimals_of_excel_format(fmt, decimals):
    assert decimals_of_format(fmt) == decimals


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_thousands_separated_amounts_roundtrip(d):
    text = f"{d:,.2f}"
    assert parse_decimal(text) == (d, 2, None)


def test_labels():
    assert human_label(REF) == "Sheet1!C5"
    pdf = SourceRef(file_sha256="0", file_name="a.pdf", page=3, table=2, row=5, column=4)
    assert human_label(pdf) == "第3页 表2 第5行第4列"
    assert pdf.with_label().label == "第3页 表2 第5行第4列"
    wide = SourceRef(file_sha256="0", file_name="a.xlsx", sheet="监控表", row=1, column=28)
    assert human_label(wide) == "监控表!AB1"
