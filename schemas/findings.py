"""Findings: what a rule found, with the evidence (source of every number it used)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, computed_field

from schemas.provenance import SourceRef


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


class Finding(BaseModel):
    rule_id: str
    rule_name: str
    rule_title: str = ""  # Chinese, from the rule configuration
    severity: Severity
    message: str  # Chinese, ready to paste into a report
    subject: Subject
    evidence: list[Evidence] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)  # reported/computed values etc.
    review: Review | None = None  # the reviewer's decision, None when never reviewed

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fingerprint(self) -> str:
        """Stable across corrected files: rule + unit + year + period + project + line + column."""
        s = self.subject
        key = "|".join(
            [self.rule_id, s.unit, str(s.year or ""), s.period, s.project, s.line, s.column]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
