"""Formatting figures for Chinese messages, and turning records' values into evidence.

Shared by every rule module: an amount is shown in 万元 with its printed precision, a source as
`file Sheet1!E7、Sheet1!C7`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from checks.tolerance import round_half_up
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


def rate_text(pn: PrintedNumber) -> str:
    return format(round_half_up(pn.value, pn.decimals), "f")


def exact_text(value: Decimal) -> str:
    return format(round_half_up(value, 6), "f")


def number_evidence(role: str, pn: PrintedNumber) -> Evidence:
    return Evidence(role=role, raw=pn.raw, value=pn.value, ref=pn.ref.with_label())


def text_evidence(role: str, tv: TextValue) -> Evidence:
    return Evidence(role=role, raw=tv.text, value=None, ref=tv.ref.with_label())


def indicator_evidence(role: str, iv: IndicatorValue, fallback: SourceRef) -> Evidence:
    return Evidence(role=role, raw=iv.raw, value=iv.number, ref=(iv.ref or fallback).with_label())


def source_labels(evidence: Sequence[Evidence]) -> str:
    """`file.xlsx Sheet1!E7、Sheet1!C7；other.pdf 第2页 表1 第6行第5列`, in evidence order."""
    by_file: dict[str, list[str]] = {}
    for ev in evidence:
        labels = by_file.setdefault(ev.ref.file_name, [])
        label = ev.ref.with_label().label
        if label not in labels and label != ev.ref.file_name:
            labels.append(label)
    return "；".join(f"{name} {'、'.join(labels)}".strip() for name, labels in by_file.items())


def indicator_names(indicators: Sequence[IndicatorProgress]) -> list[str]:
    """Indicator names for subjects; a name used twice in a table is qualified by its 二级指标."""
    counts: dict[str, int] = defaultdict(int)
    for ind in indicators:
        counts[ind.level3] += 1
    return [
        f"{ind.level2}-{ind.level3}" if counts[ind.level3] > 1 and ind.level2 else ind.level3
        for ind in indicators
    ]
