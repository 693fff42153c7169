"""Numbers as they were printed: exact decimals with their printed precision and unit."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from schemas.provenance import SourceRef


class HandCorrection(BaseModel):
    """A value a reviewer corrected by hand (the reading was wrong): what was read, and why."""

    original_raw: str  # the text as it was read
    reason: str
    reviewer: str
    decided_at: str  # ISO 8601

    @property
    def note(self) -> str:
        return f"人工更正：原读为“{self.original_raw}”，{self.reviewer}，理由：{self.reason}"


class PrintedNumber(BaseModel):
    """A number read from a cell.

    `value` is normalised: amounts in 万元, rates in percent points. `printed` is the number as it
    was written, in `printed_unit`; `decimals` is how many decimals were written (for an Excel
    cell: how many its number format shows). `blank` marks a zero written as blank, `-` or `—`.
    """

    raw: str
    value: Decimal
    printed: Decimal
    decimals: int
    printed_unit: str | None = None  # '元', '万元', '%', or None when the header gave no unit
    unit: str  # normalised unit: '万元' or '%'
    blank: bool = False
    ref: SourceRef
    correction: HandCorrection | None = None  # set when a reviewer corrected the reading by hand

    @property
    def resolution(self) -> Decimal:
        """One unit of the last printed digit, expressed in the normalised unit."""
        step = Decimal(1).scaleb(-self.decimals)
        if self.unit == "万元" and self.printed_unit == "元":
            step = step / Decimal(10000)
        return step

    @property
    def half_unit(self) -> Decimal:
        return self.resolution / 2
