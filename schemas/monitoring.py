"""Records of a 绩效运行监控表 (performance monitoring table) for one period 1–N月."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue, IndicatorValue, TextValue, UnreadCell

# Canonical budget-line names. Unit-wide: 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费.
# Per project: 资金总额 = 财政拨款 + 其他资金, plus the sources some templates list separately
# (上年结转; Sichuan's 财政专户管理资金 and 单位资金).
LINE_NAMES = ("合计", "基本支出", "人员经费", "公用经费", "项目支出",
              "资金总额", "财政拨款", "上年结转", "财政专户管理资金", "单位资金", "其他资金")

# Canonical column names, as findings and messages name them.
COLUMN_NAMES = {
    "initial_budget": "年初预算数",
    "annual_budget": "全年预算数",
    "executed": "执行数",
    "reported_rate": "执行率",
}


class MonitoringLine(BaseModel):
    name: str  # canonical: one of LINE_NAMES
    raw_name: str
    ref: SourceRef  # the label cell
    initial_budget: PrintedNumber | None = None  # 年初预算数
    annual_budget: PrintedNumber | None = None  # 全年预算数 / 调整后预算数
    executed: PrintedNumber | None = None  # 1–N月执行数
    reported_rate: PrintedNumber | None = None  # 执行率, in percent
    deviation_reason: TextValue | None = None  # 偏差原因
    measure: TextValue | None = None  # 改进措施


class IndicatorProgress(BaseModel):
    level1: str = ""
    level2: str = ""
    level3: str  # the indicator itself
    ref: SourceRef  # the 三级 cell
    target: IndicatorValue | None = None  # 年度指标值
    actual: IndicatorValue | None = None  # 1–N月实际完成值
    forecast: IndicatorValue | None = None  # 全年预计完成值
    deviation_reason: TextValue | None = None  # 偏差原因分析
    likelihood: TextValue | None = None  # 完成目标可能性: 确定能 / 有可能 / 完全不可能
    remark: TextValue | None = None


class MonitoringReport(BaseModel):
    record_type: Literal["monitoring_report"] = "monitoring_report"
    kind: Literal["unit", "project"]  # 部门整体 or 项目支出
    unit: Attribute  # 填报单位 / 部门名称
    year: int | None  # None when neither the content nor the submission names it (year_attr.source "unknown")
    year_attr: Attribute
    period_months: int  # N of 1–N月
    period_attr: Attribute
    project: Attribute | None = None  # 项目名称, for project tables
    amount_unit: str  # printed unit of the budget block: '元' or '万元'
    filled_date: DateValue | None = None  # 填报日期
    file_name: str
    file_sha256: str
    lines: list[MonitoringLine] = Field(default_factory=list)
    indicators: list[IndicatorProgress] = Field(default_factory=list)
    unread_cells: list[UnreadCell] = Field(default_factory=list)  # figures that could not be read

    @property
    def period(self) -> str:
        return f"1-{self.period_months}月"

    @property
    def project_name(self) -> str:
        return self.project.value if self.project else ""

    def line(self, name: str) -> MonitoringLine | None:
        return next((ln for ln in self.lines if ln.name == name), None)
