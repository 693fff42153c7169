"""Typed records common to every document kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from schemas.provenance import SourceRef


class TextValue(BaseModel):
    """A piece of text read from a cell or block, with where it came from."""

    text: str
    ref: SourceRef


AttributeSource = Literal["content", "manifest", "folder", "filename", "unknown"]
ATTRIBUTE_SOURCE_LABELS: dict[str, str] = {
    "content": "文件内容", "manifest": "submission.yaml", "folder": "文件夹名", "filename": "文件名", "unknown": "未知",
}


def unknown_attribute() -> "Attribute":
    """An attribute nothing in the submission states."""
    return Attribute(value="", raw="", source="unknown")


class Attribute(BaseModel):
    """A document-level fact (unit, year, period …) and how it was found."""

    value: str
    raw: str
    ref: SourceRef | None = None
    # Where the value came from, in the order it is looked for: the document's content, the
    # submission's manifest (submission.yaml), the folder name, the file name; `unknown` when
    # nothing said (value is then "").
    source: AttributeSource = "content"

    @property
    def known(self) -> bool:
        return self.source != "unknown" and bool(self.value)


Operator = Literal["≥", "≤", ">", "<", "="]


class IndicatorValue(BaseModel):
    """An indicator value such as `≥90%`, `12次`, `健全`: operator, number and unit when stated.

    Quantitative when it states a number the result can be measured against (domain.md).
    A range such as `1-2次` has `number` = 1, `upper` = 2 and no operator.
    """

    raw: str
    operator: Operator | None = None
    number: Decimal | None = None  # the value; for a range (`1-2次`) its lower bound
    upper: Decimal | None = None  # upper bound of a range (`1-2次` → 2); None for a single value
    unit: str | None = None
    quantitative: bool = False
    ref: SourceRef | None = None


class DateValue(BaseModel):
    """A calendar date printed in a document (填报日期, 发布时间, the date of a signature line)."""

    value: date
    raw: str  # the line or cell it was read from
    label: str = ""  # the label it followed (填报日期 …) or 落款日期 for a signature line
    ref: SourceRef | None = None


class UnreadCell(BaseModel):
    """A cell that should hold a figure but cannot be read as one (`约五十万`, `1e30`): the record
    is kept without that figure, and the cell is reported (rule DOC002) instead of the document
    being thrown away."""

    what: str  # Chinese: which figure, e.g. 第6行“人员经费”的“年初预算数”
    raw: str  # the cell's text as printed
    problem: str  # Chinese: 不是数字 / 超出合理范围…
    ref: SourceRef

