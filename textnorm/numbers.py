"""Parse numbers as people print them in budget tables.

Handles thousands separators, full-width digits and signs, percent signs, parentheses for
negatives, units written into the cell, and zero written as blank, `0`, `-` or `—`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from schemas.errors import JixiaoError
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef

# Excel error values in a rate cell mean "no rate could be computed", not a typo.
EXCEL_ERRORS = frozenset({"#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NUM!", "#NAME?", "#NULL!"})
ZERO_MARKS = {"", "-", "--", "—", "——", "－", "–", "/", "无"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_UNIT_SUFFIX = re.compile(r"(万元|元|%|％)$")


class NumberError(JixiaoError, ValueError):
    """Text that should be a number but is not; the message is Chinese, for the user.
    `problem` says what is wrong with it, to finish a sentence about the cell. Still a
    ValueError: callers that read a value catch it as one."""

    code = "number.invalid"
    category = "parse"

    def __init__(self, message: str, problem: str = "不是数字"):
        super().__init__(message)
        self.problem = problem


def _normalise(raw: str) -> str:
    t = unicodedata.normalize("NFKC", raw)
    t = re.sub(r"[\s\u00a0\u3000]", "", t)
    return t.replace(",", "").replace("，", "")


# No figure of a budget document reaches this (10^15 万元); beyond it a cell holds a typo or an
# attack (`1e30`), and Excel itself keeps only 15 significant digits.
ABSURD = Decimal(10) ** 15


def parse_decimal(raw: str) -> tuple[Decimal, int, str | None] | None:
    """`raw` → (value as printed, printed decimals, unit written in the cell) or None if blank.

    Raises NumberError when the text is not a number.
    """
    t = _normalise(raw)
    if t in ZERO_MARKS:
        return None
    unit = None
    m = _UNIT_SUFFIX.search(t)
    if m:
        unit = "%" if m.group(1) in ("%", "％") else m.group(1)
        t = t[: m.start()]
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    if not _NUMBER.match(t):
        raise NumberError(f"无法识别为数字：“{raw}”")
    try:
        value = Decimal(t)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise NumberError(f"无法识别为数字：“{raw}”") from exc
    if abs(value) >= ABSURD:
        raise NumberError(f"数值“{raw}”超出合理范围（绝对值应小于 1e15），疑为录入错误",
                          problem="超出合理范围（绝对值应小于 1e15），疑为录入错误")
    decimals = len(t.split(".", 1)[1]) if "." in t else 0
    return (-value if negative else value), decimals, unit


def decimals_of_format(number_format: str | None) -> int | None:
    """Decimals an Excel number format shows (`0.00%` → 2, `#,##0.0` → 1, General → None)."""
    if not number_format or number_format.lower() == "general":
        return None
    fmt = number_format.split(";", 1)[0]
    fmt = re.sub(r'"[^"]*"|\[[^\]]*\]', "", fmt)
    if "." not in fmt:
        return 0
    return len(re.match(r"[0#?]*", fmt.split(".", 1)[1]).group(0))


def amount(raw: str, ref: SourceRef, printed_unit: str | None) -> PrintedNumber:
    """An amount normalised to 万元. `printed_unit` comes from the header (元/万元)."""
    parsed = parse_decimal(raw)
    if parsed is None:
        return PrintedNumber(raw=raw, value=Decimal(0), printed=Decimal(0), decimals=2,
                             printed_unit=printed_unit, unit="万元", blank=True, ref=ref)
    printed, decimals, cell_unit = parsed
    unit = cell_unit if cell_unit in ("元", "万元") else printed_unit
    value = printed / Decimal(10000) if unit == "元" else printed
    return PrintedNumber(raw=raw, value=value, printed=printed, decimals=decimals,
                         printed_unit=unit, unit="万元", ref=ref)


def rate(raw: str, ref: SourceRef) -> PrintedNumber | None:
    """A rate in percent points: `59.29%`, `59.29` under a `(%)` header, `５９．２９％`.

    Excel cells holding 0.5929 formatted as a percent arrive as their formatted text (`59.29%`).
    Returns None for a blank cell: a rate left empty is "not reported", not zero.
    """
    parsed = parse_decimal(raw)
    if parsed is None:
        return None
    printed, decimals, _unit = parsed
    return PrintedNumber(raw=raw, value=printed, printed=printed, decimals=decimals,
                         printed_unit="%", unit="%", ref=ref)
