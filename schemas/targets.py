"""Records of a 绩效目标表 (performance-target table): 部门整体支出绩效目标表 (unit-wide) or
项目支出绩效目标表 (one per project), as approved for a year."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue, IndicatorValue, TextValue, UnreadCell


class TargetIndicator(BaseModel):
    """One 三级 indicator with its 指标值. Merged 一级/二级 cells are carried to every row."""

    level1: str = ""  # 一级指标, e.g. 产出指标 / 部门管理
    level2: str = ""  # 二级指标, e.g. 数量指标 / 资金投入
    level3: str  # 三级指标: the indicator itself
    ref: SourceRef  # the 三级 cell
    value: IndicatorValue | None = None  # 指标值; joined when 指标方向/指标值/度量单位 are separate columns
    value_cells: list[SourceRef] = Field(default_factory=list)  # every cell the value was read from


class TargetTask(BaseModel):
    """A 年度主要任务 row with its amount."""

    name: str  # 任务名称
    ref: SourceRef
    content: TextValue | None = None  # 主要内容 / 任务内容
    amount: PrintedNumber | None = None  # 预算金额 / 对应金额 (万元)


class TargetTable(BaseModel):
    record_type: Literal["target_table"] = "target_table"
    kind: Literal["unit", "project"]  # 部门整体 or 项目支出
    unit: Attribute  # 部门（单位）名称
    year: int | None  # None when neither the content nor the submission names it (year_attr.source "unknown")
    year_attr: Attribute
    project: Attribute | None = None  # 项目名称, for project tables
    project_code: Attribute | None = None  # 项目编码
    department: Attribute | None = None  # 主管部门
    implementing_unit: Attribute | None = None  # 实施单位
    amount_unit: str  # printed unit of the amounts: '元' or '万元'
    budget_total: PrintedNumber | None = None  # 年度资金总额 / 预算总额 / 金额合计 of the budget block
    budget_fiscal: PrintedNumber | None = None  # 其中：财政拨款
    budget_other: PrintedNumber | None = None  # 其他资金
    budget_multi_year: PrintedNumber | None = None  # 项目总金额（中期规划）/ 中期资金总额, beside the year's
    basis_text: TextValue | None = None  # 测算依据: how the amount was calculated (items with amounts)
    tasks: list[TargetTask] = Field(default_factory=list)  # 年度主要任务
    tasks_total: PrintedNumber | None = None  # 金额合计 of the task block, when printed
    goal_text: TextValue | None = None  # 年度总体目标 / 年度绩效目标
    indicators: list[TargetIndicator] = Field(default_factory=list)
    # A line saying the indicators are published elsewhere (“详见单位的项目绩效目标表”): the
    # table carries none here, and rules that need indicators leave it alone.
    indicators_note: TextValue | None = None
    filled_date: DateValue | None = None  # 填报日期 / 报送日期 / 编报日期
    unread_cells: list[UnreadCell] = Field(default_factory=list)  # amounts that could not be read
    file_name: str
    file_sha256: str

    @property
    def project_name(self) -> str:
        return self.project.value if self.project else ""
