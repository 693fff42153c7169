"""A narrative report: the 绩效运行监控报告 of a period or the 部门整体支出绩效自评报告 of a year.

Such a report repeats the tables' figures in sentences (“全年预算1164.62万元，1-6月执行509.47万元，
执行率43.75%”), explains deviations and proposes measures. The record keeps its sections, every
sentence, and every stated figure with what it describes, so rules can check the figures against
each other and against the tables of the same submission.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue

ReportType = Literal["monitoring", "self_evaluation"]

# What a figure states about its line:
#   年初预算 / 全年预算 — the budget (全年预算 also for 预算数 / 调整后预算);
#   执行数 — executed in the period (1–N月; the whole year for a self-evaluation);
#   执行率 — the execution rate (%); 上年执行数 — the same line's figure of the previous year;
#   变动额 / 变动率 — the change against the previous year (万元 / %);
#   完成率 / 完成值 — an indicator's completion (rate, or value with its unit); 得分 — a score.
FigureMeasure = Literal["年初预算", "全年预算", "执行数", "执行率", "上年执行数", "变动额", "变动率",
                        "完成率", "完成值", "得分"]


class ReportSection(BaseModel):
    """A heading of the report (一、… （一）… 1. …) and its nesting level (1, 2, 3)."""

    heading: str
    level: int
    ref: SourceRef


class ReportSentence(BaseModel):
    """One sentence (up to 。 or ；at paragraph level), with the heading it stands under."""

    text: str
    section: str = ""  # the nearest heading (“三、偏差原因分析”), “” before the first one
    role: Literal["reason", "measure", "other"] = "other"  # deviation reason / corrective measure
    # the canonical budget lines (合计, 基本支出, 人员经费, 公用经费, 项目支出) the sentence names, in
    # the parser's wording (“人员经费支出” names 人员经费); rules read a reason's scope from it
    lines: list[str] = Field(default_factory=list)
    ref: SourceRef  # docx: 第N段 (or the table cell); PDF: page and bbox of its first line


class ReportFigure(BaseModel):
    """A number the report states, the budget line (or indicator) it is about and what it measures.

    `line` is a canonical monitoring line name (合计, 基本支出, 人员经费, 公用经费, 项目支出) or, for
    indicator statements, the indicator's name as quoted (`indicator` is then true). `period_months`
    is the N of 1–N月 the figure belongs to (12 for the year of a self-evaluation); budgets carry
    the report's period too, so a figure is keyed by (unit, year, period, line, measure).
    """

    text: str  # the sentence (or the table row) it stands in
    fragment: str  # the clause the number stands in, up to and including its unit
    value: PrintedNumber  # amounts in 万元, rates in percent points
    measure: FigureMeasure
    line: str
    label: str = ""  # the line as worded (“人员经费支出”)
    indicator: bool = False
    period_months: int
    compared_to: str | None = None  # 变动额/变动率/上年执行数: the year compared with (上年, 2023年)
    comparison: str | None = None  # 增长/增加/下降/减少, as worded
    section: str = ""
    ref: SourceRef


class NarrativeReport(BaseModel):
    record_type: Literal["narrative_report"] = "narrative_report"
    report_type: ReportType  # 监控报告 or 自评报告
    title: str
    unit: Attribute
    year: int | None  # None when neither the content nor the submission names it (year_attr.source "unknown")
    year_attr: Attribute
    period_months: int  # N of 1–N月; 12 for a self-evaluation report
    period_attr: Attribute
    signed_date: DateValue | None = None  # the date under the signature (落款)
    file_name: str
    file_sha256: str
    sections: list[ReportSection] = Field(default_factory=list)
    sentences: list[ReportSentence] = Field(default_factory=list)
    figures: list[ReportFigure] = Field(default_factory=list)

    @property
    def period(self) -> str:
        return f"1-{self.period_months}月" if self.period_months < 12 else "全年"

    def reasons(self) -> list[ReportSentence]:
        return [s for s in self.sentences if s.role == "reason"]

    def measures(self) -> list[ReportSentence]:
        return [s for s in self.sentences if s.role == "measure"]
