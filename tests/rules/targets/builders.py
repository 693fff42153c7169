"""Builders of 绩效目标表 records for the TGT001–TGT008 tests, and the nanjie 2024 and 2025 tables.

The nanjie tables are the fixed data of the issue spec (figures and indicator values as the seed
report quotes them); the other cases are small constructed tables. Expected values come from the
inputs, never from a parser.
"""

from __future__ import annotations

import pytest

from checks import load_config, run_checks
from extractors.indicator_values import parse_indicator_value
from textnorm.numbers import amount
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue
from schemas.targets import TargetIndicator, TargetTable, TargetTask

UNIT = "南街街道办事处"
PAGE_BREAK = 20  # PDF tables: rows after this one print on page 2 (one table index throughout)

# ---------------------------------------------------------------- builders
#
# Layout of a constructed table (1-based rows and columns):
#   1 部门（单位）名称 | unit          2 年度资金总额 | total (col 2)
#   3 其中：财政拨款 | fiscal         4 其他资金 | other
#   5 任务名称 | 主要内容 | 预算金额   6.. one row per task (name, content, amount in col 3)
#   then 金额合计 (col 3), 年度总体目标 (text in col 2), the indicator header, and the
#   indicators: 一级 | 二级 | 三级 | 指标值.


def file_name(year: int, fmt: str, unit: str = UNIT, project: str | None = None) -> str:
    return f"{unit}{year}年{project or '部门整体支出'}绩效目标表.{fmt}"

def make_ref(fname: str, fmt: str, row: int, column: int) -> SourceRef:
    if fmt == "xlsx":
        return SourceRef(file_sha256="e" * 64, file_name=fname, sheet="目标表", row=row, column=column)
    page = (1 if row <= PAGE_BREAK else 2) if fmt == "pdf" else None
    return SourceRef(file_sha256="e" * 64, file_name=fname, page=page, table=1, row=row, column=column)

def build_table(
    indicators: list[tuple[str, str, str, str]],
    *,
    year: int = 2024,
    fmt: str = "pdf",
    unit: str = UNIT,
    kind: str = "unit",
    project: str | None = None,
    budget: tuple[str, str, str | None] | None = ("1164.62", "1164.62", "—"),
    tasks: list[tuple[str, str, str]] = (),
    tasks_total: str | None = None,
    goal: str | None = None,
    printed_unit: str = "万元",
) -> TargetTable:
    fname = file_name(year, fmt, unit, project)

    def r(row: int, col: int) -> SourceRef:
        return make_ref(fname, fmt, row, col)

    total = fiscal = other = None
    if budget is not None:
        total = amount(budget[0], r(2, 2), printed_unit)
        fiscal = amount(budget[1], r(3, 2), printed_unit)
        other = None if budget[2] is None else amount(budget[2], r(4, 2), printed_unit)
    built_tasks = []
    row = 6
    for name, content, amt in tasks:
        built_tasks.append(TargetTask(name=name, ref=r(row, 1), content=TextValue(text=content, ref=r(row, 2)),
                                      amount=amount(amt, r(row, 3), printed_unit)))
        row += 1
    total_row, goal_row, first_indicator = row, row + 1, row + 3
    built = []
    for i, (l1, l2, l3, value) in enumerate(indicators):
        ir = first_indicator + i
        built.append(TargetIndicator(level1=l1, level2=l2, level3=l3, ref=r(ir, 3),
                                     value=parse_indicator_value(value, r(ir, 4)), value_cells=[r(ir, 4)]))
    return TargetTable(
        kind=kind,
        unit=Attribute(value=unit, raw=unit, ref=r(1, 2)),
        year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年度"),
        project=Attribute(value=project, raw=project) if project else None,
        amount_unit=printed_unit,
        budget_total=total,
        budget_fiscal=fiscal,
        budget_other=other,
        tasks=built_tasks,
        tasks_total=None if tasks_total is None else amount(tasks_total, r(total_row, 3), printed_unit),
        goal_text=None if goal is None else TextValue(text=goal, ref=r(goal_row, 2)),
        indicators=built,
        file_name=fname,
        file_sha256="e" * 64,
    )

def run(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=[rule_id])

def labels(finding: Finding) -> list[str]:
    return [e.ref.label for e in finding.evidence]


# ---------------------------------------------------------------- nanjie-2024 (fixed data)

MANAGEMENT = [
    ("部门管理", "资金投入", "预算编制完整性", "完整"),
    ("部门管理", "资金投入", "基本支出预算执行率", "100%"),
    ("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
    ("部门管理", "资金投入", "“三公经费”控制率", "≤100%"),
    ("部门管理", "财务管理", "财务管理制度健全性", "健全"),
    ("部门管理", "财务管理", "资金使用合规性", "规范"),
    ("部门管理", "采购管理", "政府采购规范性", "规范"),
    ("部门管理", "资产管理", "资产管理规范性", "规范"),
    ("部门管理", "资产管理", "固定资产利用率", "≥95%"),
    ("部门管理", "人员管理", "在职人员控制率", "≤100%"),
    ("部门管理", "人员管理", "人员管理制度健全性", "健全"),
    ("部门管理", "制度管理", "内控制度健全性", "健全"),
    ("部门管理", "制度管理", "公用经费控制率", "≤100%"),
]
EFFECT = [
    ("部门效果", "社会效益", "部门效果达标率", "达标"),
    ("部门效果", "服务对象满意度", "服务对象满意度", "满意"),
    ("部门效果", "社会影响满意度", "社会影响满意度", "较好"),
]
NANJIE_2024_INDICATORS = MANAGEMENT + [("部门履职", "重点履职", "部门履职情况提升性", "有效提升")] + EFFECT
NANJIE_2025_INDICATORS = MANAGEMENT + [("部门履职", "重点履职", "电费缴纳次数", "12次")] + EFFECT

GOAL_2024 = (
    "2024年通过缴纳街道、社区水费、电费、电话网络费，报销差旅费，购置各类办公用品及印刷各类宣传版面、资料，"
    "足额发放各社区民选副主任及社区工作者工资及社保等工作，支出不超过预算1286.43万元，不断促进街道社区精神文明"
    "和物质文明建设，进一步做到改革、发展、稳定相互协调、相互促进，有效保障基层工作有条不紊的进行，为街道社区各项"
    "事业又好又快发展提供可靠的组织保障，同时调整优化街道工作力量，着力提升队伍带动力，推动社区基层治理和基层党建"
    "工作更好发展。"
)
GOAL_2025 = GOAL_2024.replace("2024年", "2025年").replace("1286.43万元", "1198.40万元")
TASK_CONTENT = {
    "人员经费保障": "足额发放各社区民选副主任及社区工作者工资及社保",
    "日常运转保障": "缴纳街道、社区水费、电费、电话网络费，报销差旅费",
    "宣传及办公保障": "购置各类办公用品及印刷各类宣传版面、资料",
}


def nanjie_table(year: int) -> TargetTable:
    if year == 2024:
        amounts, total, goal, inds, fmt = ("958.63", "71.62", "134.37"), "1164.62", GOAL_2024, NANJIE_2024_INDICATORS, "pdf"
    else:
        amounts, total, goal, inds, fmt = ("985.20", "73.50", "139.70"), "1198.40", GOAL_2025, NANJIE_2025_INDICATORS, "docx"
    tasks = [(name, content, amt) for (name, content), amt in zip(TASK_CONTENT.items(), amounts)]
    return build_table(inds, year=year, fmt=fmt, budget=(total, total, "—"), tasks=tasks,
                       tasks_total=total, goal=goal)

@pytest.fixture
def nanjie() -> list[TargetTable]:
    return [nanjie_table(2024), nanjie_table(2025)]


TARGET_RULES = [f"TGT00{i}" for i in range(1, 9)]
F2024 = file_name(2024, "pdf")
F2025 = file_name(2025, "docx")
# Rows of the nanjie tables: 3 tasks (6–8), 金额合计 9, goal 10, header 11, indicators 12–28.
ROW = {name: 12 + i for i, (_, _, name, _) in enumerate(NANJIE_2024_INDICATORS)}


def pdf_cell(row: int, col: int) -> str:
    return f"第{1 if row <= PAGE_BREAK else 2}页 表1 第{row}行第{col}列"


PROJECT_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥200人次"),
    ("产出指标", "质量指标", "培训合格率", "≥95%"),
    ("效益指标", "社会效益指标", "居民参与率", "≥60%"),
    ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"),
]

TASKS = [("人员经费保障", "工资", "958.63"), ("日常运转保障", "水电", "71.62"), ("宣传及办公保障", "办公", "134.37")]
