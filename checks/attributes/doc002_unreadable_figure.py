"""DOC002 unreadable_figure: a figure a parser could not read, kept out of its line.

Finds: each cell a parser listed in a record's `unread_cells`: a cell that should hold a figure
but holds text that is not one (`约五十万`, `1e30`, a misprint or an OCR misread with digits). The
error names the file, the record, the cell, what it holds and why it cannot be read.
Why it matters: the record is kept without that figure, so the checks that need it (rates,
totals) skip the line silently; without this error a wrong or missing figure would go unnoticed.
Example: 年初预算数 “约五十万” — 不是数字.
"""

from __future__ import annotations

from typing import Iterable

from checks.catalogue import RuleContext, rule
from checks.common.attributes import record_project, record_what
from checks.common.params import NoParams
from schemas.findings import Evidence, Finding, Subject


@rule("DOC002", "unreadable_figure", "error", params=NoParams)
def unreadable_figure(ctx: RuleContext) -> Iterable[Finding]:
    """A cell that should hold a figure but cannot be read as one. The record is kept without it
    (the checks that need that figure skip the line); this error names the cell, what it holds
    and why it cannot be read. Example: 年初预算数 “约五十万” — 不是数字."""
    for rec in ctx.records:
        for cell in getattr(rec, "unread_cells", None) or []:
            evidence = [Evidence(role=cell.what, raw=cell.raw, ref=cell.ref)]
            unit = getattr(rec, "unit", None)
            yield ctx.finding(
                Subject(unit=getattr(unit, "value", "") or "", year=getattr(rec, "year", None), project=record_project(rec),
                        line=cell.what),
                evidence,
                details={"raw": cell.raw, "problem": cell.problem, "file": rec.file_name},
                file=rec.file_name, what=record_what(rec), cell=cell.what, raw=cell.raw, problem=cell.problem,
            )
