"""Narrative reports (监控报告 / 自评报告) as data: headings, sentences built from stated figures,
tables inside a report. The expected record of a report is written from the same pieces: every
`Fig` a sentence is built from is one figure the parser must read, with its line, measure, period
and value as the generator put it there (never from the parser's output).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

D = Decimal
HUNDRED = D(100)


def pct(executed: Decimal, budget: Decimal, decimals: int = 2) -> str:
    """executed ÷ budget in percent, rounded half-up as a filer prints it."""
    step = D(1).scaleb(-decimals)
    return str((executed / budget * HUNDRED).quantize(step, rounding=ROUND_HALF_UP))


def change(current: Decimal, previous: Decimal, decimals: int = 2) -> str:
    """|current ÷ previous − 1| in percent, rounded half-up."""
    step = D(1).scaleb(-decimals)
    return str(abs(current / previous * HUNDRED - HUNDRED).quantize(step, rounding=ROUND_HALF_UP))


@dataclass
class Fig:
    """A printed number and what it states. `text` is printed as is ("509.47万元", "43.75%",
    "12,345,678.00元"); `value` is in 万元 for amounts, percent points for rates, the number for
    counts and scores (derived from the text unless given)."""

    text: str
    line: str
    measure: str
    period: int | None = None  # None: the report's period
    indicator: bool = False
    value: str | None = None

    def expected_value(self) -> str:
        if self.value is not None:
            return self.value
        m = re.match(r"([\d,，.]+)", self.text)
        assert m, self.text
        number = D(m.group(1).replace(",", "").replace("，", ""))
        if self.text.endswith("元") and not self.text.endswith("万元"):
            number = number / D(10000)
        return str(number)


@dataclass
class Sentence:
    parts: tuple  # str | Fig
    role: str = "other"  # reason / measure / other, as an evaluator reads it

    @property
    def text(self) -> str:
        return "".join(p.text if isinstance(p, Fig) else p for p in self.parts)

    @property
    def figures(self) -> list[Fig]:
        return [p for p in self.parts if isinstance(p, Fig)]


def S(*parts, role: str = "other") -> Sentence:
    return Sentence(tuple(parts), role)


@dataclass
class Heading:
    text: str
    level: int


@dataclass
class Paragraph:
    sentences: list[Sentence]


@dataclass
class TableBlock:
    """A table inside the report: rows of cells, str or Fig."""

    rows: list[list]
    caption: str = ""  # a paragraph printed above it (“单位：元”), not part of the prose

    @property
    def figures(self) -> list[Fig]:
        return [c for row in self.rows for c in row if isinstance(c, Fig)]


@dataclass
class Expect:
    """A finding the report is built to produce."""

    rule_id: str
    line: str
    column: str
    period: int | None = None


@dataclass
class ReportDoc:
    file_name: str
    format: str  # docx, or pdf (converted from the generated docx)
    report_type: str  # monitoring / self_evaluation
    title: list[str]  # one line, or two (a title broken over two lines)
    unit: str
    year: int
    months: int  # 12 for a self-evaluation
    blocks: list = field(default_factory=list)  # Heading | Paragraph | TableBlock
    expect: list[Expect] = field(default_factory=list)
    note: str = ""
    blind: bool = False  # written in a layout the parser was not tuned on
    first_try: str = ""  # blind layouts: what the parser got wrong on the first run

    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks if isinstance(b, Paragraph) for s in b.sentences]

    def figures(self) -> list[Fig]:
        out = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                out += [f for s in b.sentences for f in s.figures]
            elif isinstance(b, TableBlock):
                out += b.figures
        return out


def wan(value: Decimal | str) -> str:
    return f"{value}万元"


def rate(value: str) -> str:
    return f"{value}%"
