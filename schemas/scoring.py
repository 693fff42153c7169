"""The scoring stage's results: a rubric applied to one submission (one unit and year).

This is the contract between `scoring/` (which fills it) and the report and summary renderers
(which read it). Scores are exact decimals; rates are percents with two decimals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from schemas.findings import Evidence, Severity

Method = Literal["automatic", "manual"]
# Where a sub-indicator's score came from: a scoring rule over records and findings, the
# evaluator's input file, or nowhere yet (a manual sub-indicator without input).
ScoreSource = Literal["rule", "evaluator", "missing"]


class Deduction(BaseModel):
    """One 扣分理由: why points were taken off, and what shows it."""

    points: Decimal  # points deducted (positive)
    reason: str  # Chinese, ready for the report's score table
    rule_ids: list[str] = Field(default_factory=list)  # findings' rule ids behind it, if any
    fingerprints: list[str] = Field(default_factory=list)  # the findings behind it
    evidence: list[Evidence] = Field(default_factory=list)


class SubIndicatorScore(BaseModel):
    code: str  # "A2"
    name: str  # "目标科学性"
    dimension: str  # "A"
    points: Decimal  # full points of the sub-indicator
    method: Method
    source: ScoreSource
    score: Decimal | None = None  # None only when source == "missing"
    explanation: str = ""  # Chinese: how the score was reached
    deductions: list[Deduction] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    evaluator: str = ""  # who scored it, for manual input


class DimensionScore(BaseModel):
    code: str  # "A"
    name: str  # "目标设定质量"
    points: Decimal
    score: Decimal | None = None  # None while any of its sub-indicators is missing
    rate: Decimal | None = None  # 得分率 in percent, two decimals


class Problem(BaseModel):
    """One heading of the report's 存在问题, with the findings it groups."""

    title: str  # Chinese heading, e.g. "绩效目标量化程度不足"
    text: str  # Chinese paragraph, figures filled in
    rule_ids: list[str] = Field(default_factory=list)
    fingerprints: list[str] = Field(default_factory=list)
    severity: Severity = Severity.WARNING
    evidence: list[Evidence] = Field(default_factory=list)


class Suggestion(BaseModel):
    """One 对策建议, drawn from the catalogue by the rule ids of the problems it answers."""

    title: str
    text: str
    rule_ids: list[str] = Field(default_factory=list)


class ScoreCard(BaseModel):
    record_type: Literal["score_card"] = "score_card"
    rubric_id: str  # e.g. "zhangye-2024" — the rubric file's own id
    rubric_name: str
    unit: str
    year: int | None = None
    sub_indicators: list[SubIndicatorScore]
    dimensions: list[DimensionScore]
    total: Decimal | None = None  # None while anything is missing
    points: Decimal  # the rubric's full points (100 in the seed)
    grade: str | None = None  # 优/良/中/差 from the rubric's bands; None while incomplete
    missing: list[str] = Field(default_factory=list)  # codes of manual sub-indicators without input
    problems: list[Problem] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    evaluator_inputs: str | None = None  # path of the evaluator-input file used, if any
    # Chinese: why an evaluator form found in the submission folder could not be used (optional).
    evaluator_errors: list[str] = Field(default_factory=list)
