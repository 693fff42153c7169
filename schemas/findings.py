"""Findings: what a rule found, with the evidence (source of every number it used)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, computed_field

from schemas.provenance import SourceRef, column_letter


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "notice": "提示"}[self.value]


class Evidence(BaseModel):
    """One value a rule used: what it is (in Chinese), its raw text, its value and its source."""

    role: str  # e.g. "1-6月执行数（基本支出）"
    raw: str
    value: Decimal | None = None
    ref: SourceRef
    corrected: str | None = None  # Chinese, when the value was corrected by hand (HandCorrection.note)


class Subject(BaseModel):
    """What a finding is about; the stable part of its identity."""

    unit: str = ""
    year: int | None = None
    period: str = ""  # e.g. "1-6月"
    project: str = ""
    line: str = ""  # canonical line name or indicator name
    column: str = ""  # canonical column name


REVIEW_LABELS = {"pending": "待复核", "confirmed": "确认", "dismissed": "排除"}


class Review(BaseModel):
    """A reviewer's decision on a finding, as it stands for this run (runs/review.py)."""

    status: str  # pending / confirmed / dismissed
    note: str = ""
    reviewer: str = ""
    decided_at: str = ""  # ISO 8601
    reopened: bool = False  # decided on other figures: the finding is back to 待复核

    @property
    def label(self) -> str:
        return REVIEW_LABELS.get(self.status, self.status)


def _place(ref: SourceRef) -> tuple:
    return (ref.file_name, ref.page, ref.sheet, ref.table, ref.column)


def _cells(ref: SourceRef, first_row: int | None, last_row: int | None) -> str:
    if first_row == last_row or ref.row is None or ref.column is None:
        return ref.with_label().label
    if ref.sheet is not None:
        col = column_letter(ref.column)
        return f"{ref.sheet}!{col}{first_row}:{col}{last_row}"
    parts = [f"第{ref.page}页"] if ref.page is not None else []
    if ref.table is not None:
        parts.append(f"表{ref.table}")
    parts.append(f"第{first_row}-{last_row}行第{ref.column}列")
    return " ".join(parts)


def source_text(evidence: Sequence[Evidence]) -> str:
    """The cells of the evidence, per file, in evidence order (`a.xlsx Sheet1!E7、Sheet1!C7；b.pdf
    第2页 表1 第6行第5列`); runs of consecutive rows of one column collapse (`第1页 表1 第12-28行第4列`,
    `Sheet1!D12:D28`) so a finding that used a whole column of values stays readable. The one
    formatter of a finding's source: every output renders it through `Finding.text`."""
    runs: list[list] = []  # [ref, first_row, last_row]
    for ev in evidence:
        ref = ev.ref
        last = runs[-1] if runs else None
        if (last is not None and ref.row is not None and last[0].row is not None
                and _place(last[0]) == _place(ref) and ref.row == last[2] + 1):
            last[2] = ref.row
        else:
            runs.append([ref, ref.row, ref.row])
    by_file: dict[str, list[str]] = {}
    for ref, first, last in runs:
        labels = by_file.setdefault(ref.file_name, [])
        label = _cells(ref, first, last)
        if label not in labels and label != ref.file_name:
            labels.append(label)
    return "；".join(f"{name} {'、'.join(labels)}".strip() for name, labels in by_file.items())


class Finding(BaseModel):
    """What a rule found. `message` is the rule's sentence; the source (the files and cells of the
    evidence) is rendered from `evidence` at output time: `text` is the message as every output
    shows it, `message（来源：…）`, then `（同一问题亦见于：…）` for each file that repeats it."""

    rule_id: str
    rule_name: str
    rule_title: str = ""  # Chinese, from the rule configuration
    severity: Severity
    message: str  # Chinese, the rule's sentence without its source (see `text`)
    subject: Subject
    evidence: list[Evidence] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)  # reported/computed values etc.
    review: Review | None = None  # the reviewer's decision, None when never reviewed
    # The source names the first `cited` evidence items (None: all of them); the others are context
    # (the parts of a stated total). `source_file` is named when no evidence points into the file
    # (a table missing from a publication); a finding with neither (a rule that failed) has no source.
    cited: int | None = None
    source_file: str = ""

    @property
    def source(self) -> str:
        """The files and cells the message is about, as the source of the message names them."""
        also = set(self.details.get("also_in") or ())  # evidence merged from a repeated file
        own = [e for e in self.evidence if e.ref.file_name not in also]
        cited = own if self.cited is None else own[: self.cited]
        return source_text(cited) if cited else self.source_file

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The message as every output shows it: with its source and the files that repeat it."""
        source = self.source
        out = f"{self.message}（来源：{source}）" if source else self.message
        return out + "".join(f"（同一问题亦见于：{name}）" for name in self.details.get("also_in") or ())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fingerprint(self) -> str:
        """Stable across corrected files: rule + unit + year + period + project + line + column."""
        s = self.subject
        key = "|".join(
            [self.rule_id, s.unit, str(s.year or ""), s.period, s.project, s.line, s.column]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
