"""Records of a 绩效自评表 (self-evaluation table): 部门整体支出绩效自评表 (unit-wide) or
项目支出绩效自评表 (one per project), filled in after the year ends."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue, IndicatorValue, TextValue, UnreadCell


class SelfEvalLine(BaseModel):
    """A line of the budget block: 年度资金总额 / 财政拨款 / 上年结转 / 其他资金 (unit tables may
    also list 基本支出 / 项目支出). Canonical names as the monitoring kind's LINE_NAMES."""

    name: str
    raw_name: str
    ref: SourceRef  # the label cell
    initial_budget: PrintedNumber | None = None  # 年初预算数
    annual_budget: PrintedNumber | None = None  # 全年预算数 / 调整后预算数
    executed: PrintedNumber | None = None  # 全年执行数
    max_score: PrintedNumber | None = None  # 分值 (points, unit '分')
    reported_rate: PrintedNumber | None = None  # 执行率, in percent
    score: PrintedNumber | None = None  # 得分


class SelfEvalIndicator(BaseModel):
    level1: str = ""  # carried down through merges; a score in the label (`产出指标(50分)`) is cut
    level2: str = ""
    level3: str
    ref: SourceRef  # the 三级 cell
    level1_points: PrintedNumber | None = None  # the 一级 points: printed in its label, else on a 一级 row of its own
    level2_points: PrintedNumber | None = None
    target: IndicatorValue | None = None  # 年度指标值 (joined from 指标方向/指标值/度量单位 when split)
    actual: IndicatorValue | None = None  # 实际完成值; None when the cell is blank
    max_score: PrintedNumber | None = None  # 分值
    score: PrintedNumber | None = None  # 得分
    deviation: TextValue | None = None  # 偏差原因分析及改进措施, as printed
    reason: TextValue | None = None  # the reason part of `deviation`
    measure: TextValue | None = None  # the measure part of `deviation`, when the text has one


class SelfEvaluation(BaseModel):
    record_type: Literal["self_evaluation"] = "self_evaluation"
    kind: Literal["unit", "project"]  # 部门整体 or 项目支出
    unit: Attribute
    year: int | None  # None when neither the content nor the submission names it (year_attr.source "unknown")
    year_attr: Attribute
    project: Attribute | None = None
    department: Attribute | None = None  # 主管部门
    implementing_unit: Attribute | None = None  # 实施单位
    amount_unit: str  # printed unit of the budget block: '元' or '万元'
    lines: list[SelfEvalLine] = Field(default_factory=list)
    goal_expected: TextValue | None = None  # 年度总体目标: 预期目标
    goal_actual: TextValue | None = None  # 年度总体目标: 实际完成情况
    indicators: list[SelfEvalIndicator] = Field(default_factory=list)
    total_score: PrintedNumber | None = None  # 总分
    total_max: PrintedNumber | None = None  # 总分 row's 分值 (usually 100)
    filled_date: DateValue | None = None  # 填报日期
    unread_cells: list[UnreadCell] = Field(default_factory=list)  # figures that could not be read
    file_name: str
    file_sha256: str

    @property
    def project_name(self) -> str:
        return self.project.value if self.project else ""

    def line(self, name: str) -> SelfEvalLine | None:
        return next((ln for ln in self.lines if ln.name == name), None)
