"""The unseen 绩效目标表 laid out as grids of cells (`P`: text, place, span), one layout per
published form: central, Gansu, Hubei, Guangdong, Beijing, Sichuan, Henan."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fixturegen.unseen_targets_data import (
    D, T1_MIDTERM, T1_MIDTERM_FUNDS, T1_MIDTERM_GOAL, T2_TASK_FISCAL_TOTAL, T2_TASK_OTHER_TOTAL, T3_SPENDING, Table,
    money)


# ---------------------------------------------------------------------------------- grid layouts
# A layout is a list of placements; the same grid renders to Excel, Word and HTML.


@dataclass
class P:
    r: int  # 1-based
    c: int
    text: str
    rs: int = 1
    cs: int = 1
    num: Decimal | None = None  # Excel: write a number cell with this value
    fmt: str = "#,##0.00"
    bold: bool = False


def grid_size(cells: list[P]) -> tuple[int, int]:
    return max(p.r + p.rs - 1 for p in cells), max(p.c + p.cs - 1 for p in cells)


# --- document 1: 中央部门项目支出绩效目标申报表 (8 columns A–H)


def layout_central(t: Table) -> list[P]:
    mid_total, mid_fiscal, mid_other = T1_MIDTERM_FUNDS
    cells = [
        P(1, 1, "项目名称", ), P(1, 2, t.project, cs=7),
        P(2, 1, "主管部门及代码"), P(2, 2, f"[153]{t.department}", cs=3), P(2, 5, "实施单位"),
        P(2, 6, t.implementing_unit, cs=3),
        P(3, 1, "项目属性"), P(3, 2, "延续项目", cs=3), P(3, 5, "项目期"), P(3, 6, "3年", cs=3),
        P(4, 1, "项目资金\n（万元）", rs=4), P(4, 2, "", cs=3), P(4, 5, "中期资金总额", cs=2),
        P(4, 7, "年度资金总额", cs=2),
        P(5, 2, "资金总额", cs=3), P(5, 5, money(mid_total), cs=2, num=mid_total),
        P(5, 7, money(t.budget_total), cs=2, num=t.budget_total),
        P(6, 2, "其中：财政拨款", cs=3), P(6, 5, money(mid_fiscal), cs=2, num=mid_fiscal),
        P(6, 7, money(t.budget_fiscal), cs=2, num=t.budget_fiscal),
        P(7, 2, "其他资金", cs=3), P(7, 5, money(mid_other), cs=2, num=mid_other),
        P(7, 7, money(t.budget_other), cs=2, num=t.budget_other),
        P(8, 1, "总体目标", rs=2), P(8, 2, "中期目标（2024年—2026年）", cs=4), P(8, 6, "年度目标", cs=3),
        P(9, 2, T1_MIDTERM_GOAL, cs=4), P(9, 6, t.goal_text, cs=3),
    ]
    first = 11
    n = len(t.indicators)
    cells += [P(10, 1, "绩效指标", rs=n + 1), P(10, 2, "一级指标"), P(10, 3, "二级指标"), P(10, 4, "三级指标"),
              P(10, 5, "指标值"), P(10, 6, "二级指标"), P(10, 7, "三级指标"), P(10, 8, "指标值")]
    cells += _merged_runs([i.level1 for i in t.indicators], first, 2)
    cells += _merged_runs([m[0] for m in T1_MIDTERM], first, 3)
    cells += _merged_runs([i.level2 for i in t.indicators], first, 6)
    for k, (ind, mid) in enumerate(zip(t.indicators, T1_MIDTERM)):
        r = first + k
        cells += [P(r, 4, mid[1]), P(r, 5, mid[2]), P(r, 7, ind.level3), P(r, 8, ind.value)]
    return cells


def _merged_runs(values: list[str], first_row: int, col: int) -> list[P]:
    """Vertically merged cells for runs of equal values (一级/二级 columns)."""
    out, k = [], 0
    while k < len(values):
        j = k
        while j + 1 < len(values) and values[j + 1] == values[k]:
            j += 1
        out.append(P(first_row + k, col, values[k], rs=j - k + 1))
        k = j + 1
    return out


# --- document 2: Gansu-style unit-wide table in 元 (6 columns), Word


def layout_gansu(t: Table) -> list[P]:
    cells = [
        P(1, 1, "部门（单位）名称"), P(1, 2, t.unit, cs=5),
        P(2, 1, "年度资金（元）", rs=2), P(2, 2, "资金总额", cs=2), P(2, 4, "财政拨款", cs=2), P(2, 6, "其他资金"),
        P(3, 2, money(t.budget_total), cs=2), P(3, 4, money(t.budget_fiscal), cs=2), P(3, 6, money(t.budget_other)),
    ]
    n = len(t.tasks)
    cells += [P(4, 1, "年度主要任务", rs=n + 3), P(4, 2, "任务名称", rs=2), P(4, 3, "主要内容", rs=2),
              P(4, 4, "预算金额（元）", cs=3), P(5, 4, "总额"), P(5, 5, "财政拨款"), P(5, 6, "其他资金")]
    for k, task in enumerate(t.tasks):
        r = 6 + k
        cells += [P(r, 2, task.name), P(r, 3, task.content), P(r, 4, money(task.amount)),
                  P(r, 5, money(task.fiscal)), P(r, 6, money(task.other) if task.other else "")]
    r = 6 + n
    cells += [P(r, 2, "金额合计", cs=2), P(r, 4, money(t.tasks_total)), P(r, 5, money(T2_TASK_FISCAL_TOTAL)),
              P(r, 6, money(T2_TASK_OTHER_TOTAL))]
    r += 1
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标", cs=2),
              P(r, 6, "指标值")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3, cs=2), P(r + 1 + k, 6, ind.value)]
    return cells


# --- document 3: Hubei-style unit-wide form (6 columns), HTML


def layout_hubei(t: Table) -> list[P]:
    basic, project = T3_SPENDING
    total = t.budget_total
    share = lambda part: f"{(part / total * 100).quantize(D('0.01'))}%"  # noqa: E731
    cells = [
        P(1, 1, "部门（单位）名称"), P(1, 2, t.unit, cs=5),
        P(2, 1, "部门总体资金情况（万元）", rs=4), P(2, 2, "收入构成"), P(2, 3, "金额"), P(2, 4, "支出构成"),
        P(2, 5, "金额"), P(2, 6, "占比"),
        P(3, 2, "财政拨款"), P(3, 3, money(t.budget_fiscal)), P(3, 4, "基本支出"), P(3, 5, money(basic)),
        P(3, 6, share(basic)),
        P(4, 2, "其他资金"), P(4, 3, money(t.budget_other)), P(4, 4, "项目支出"), P(4, 5, money(project)),
        P(4, 6, share(project)),
        P(5, 2, "合计"), P(5, 3, money(t.budget_total)), P(5, 4, "合计"), P(5, 5, money(basic + project)),
        P(5, 6, "100%"),
    ]
    n = len(t.tasks)
    cells += [P(6, 1, "年度主要任务", rs=n + 1), P(6, 2, "任务名称"), P(6, 3, "主要内容", cs=2),
              P(6, 5, "预算金额（万元）", cs=2)]
    for k, task in enumerate(t.tasks):
        cells += [P(7 + k, 2, task.name), P(7 + k, 3, task.content, cs=2), P(7 + k, 5, money(task.amount), cs=2)]
    r = 7 + n
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标"),
              P(r, 5, "指标值"), P(r, 6, "指标值设定依据及数据来源")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3), P(r + 1 + k, 5, ind.value), P(r + 1 + k, 6, ind.note)]
    return cells


# --- document 4: Guangdong-style project table (4 columns), HTML


def layout_guangdong(t: Table) -> list[P]:
    other = "" if t.other_printed_blank else money(t.budget_other)
    cells = [
        P(1, 1, "项目名称"), P(1, 2, t.project, cs=3),
        P(2, 1, "主管部门"), P(2, 2, t.department), P(2, 3, "实施单位"), P(2, 4, t.implementing_unit),
        P(3, 1, "项目资金（万元）", rs=3), P(3, 2, "年度资金总额"), P(3, 3, money(t.budget_total), cs=2),
        P(4, 2, "其中：财政拨款"), P(4, 3, money(t.budget_fiscal), cs=2),
        P(5, 2, "其他资金"), P(5, 3, other, cs=2),
        P(6, 1, "年度绩效目标"), P(6, 2, t.goal_text, cs=3),
        P(7, 1, "一级指标"), P(7, 2, "二级指标"), P(7, 3, "三级指标"), P(7, 4, "指标值"),
    ]
    cells += _merged_runs([i.level1 for i in t.indicators], 8, 1)
    cells += _merged_runs([i.level2 for i in t.indicators], 8, 2)
    for k, ind in enumerate(t.indicators):
        cells += [P(8 + k, 3, ind.level3), P(8 + k, 4, ind.value)]
    return cells


# --- document 5: Beijing-style project form (6 columns), Word


def layout_beijing(t: Table) -> list[P]:
    cells = [
        P(1, 1, "项目名称"), P(1, 2, t.project, cs=5),
        P(2, 1, "主管部门"), P(2, 2, t.department, cs=2), P(2, 4, "实施单位"), P(2, 5, t.implementing_unit, cs=2),
        P(3, 1, "项目属性"), P(3, 2, "延续项目", cs=2), P(3, 4, "项目期"), P(3, 5, "2024年1月—2024年12月", cs=2),
        P(4, 1, "项目资金（万元）", rs=2), P(4, 2, "年度资金总额", cs=2), P(4, 4, "其中：财政拨款", cs=2),
        P(4, 6, "其他资金"),
        P(5, 2, money(t.budget_total, False), cs=2), P(5, 4, money(t.budget_fiscal, False), cs=2), P(5, 6, "—"),
        P(6, 1, "年度目标"), P(6, 2, t.goal_text, cs=5),
    ]
    n = len(t.indicators)
    cells += [P(7, 1, "年度绩效指标", rs=n + 1), P(7, 2, "一级指标"), P(7, 3, "二级指标"), P(7, 4, "三级指标"),
              P(7, 5, "指标值"), P(7, 6, "指标值设定依据及数据来源")]
    cells += _merged_runs([i.level1 for i in t.indicators], 8, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], 8, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(8 + k, 4, ind.level3), P(8 + k, 5, ind.value), P(8 + k, 6, ind.note)]
    return cells


# --- document 6: Sichuan-style list (11 columns), Excel; rows 1–3 are title, unit line, header


def layout_sichuan(tables: list[Table]) -> list[P]:
    heads = ["单位名称", "项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
             "权重（分）", "指标方向性"]
    cells = [P(1, 1, f"{tables[0].unit}{tables[0].year}年部门预算项目绩效目标表", cs=11, bold=True),
             P(2, 10, "单位：万元", cs=2)]
    cells += [P(3, c, h, bold=True) for c, h in enumerate(heads, start=1)]
    r = 4
    units: list[str] = []
    for t in tables:
        n = len(t.indicators)
        units += [t.unit] * n
        cells += [P(r, 2, t.project, rs=n), P(r, 3, t.goal_text, rs=n)]
        cells += _merged_runs([i.level1 for i in t.indicators], r, 4)
        cells += _merged_runs([i.level2 for i in t.indicators], r, 5)
        weights = _weights(n)
        for k, ind in enumerate(t.indicators):
            nature, value, unit = ind.split
            direction = "" if nature == "定性" else ("反向指标" if nature == "≤" else "正向指标")
            cells += [P(r + k, 6, ind.level3), P(r + k, 7, nature), P(r + k, 8, value), P(r + k, 9, unit),
                      P(r + k, 10, str(weights[k])), P(r + k, 11, direction)]
        r += n
    cells += _merged_runs(units, 4, 1)
    return cells


def _weights(n: int) -> list[int]:
    """Weights summing to 90 (the 10 points of 预算执行率 are not listed), as the forms print them."""
    base = 90 // n
    return [base + (1 if k < 90 - base * n else 0) for k in range(n)]


# --- document 7: Henan-style unit-wide workbook (6 columns A–F)


def layout_henan(t: Table) -> list[P]:
    cells = [
        P(1, 1, f"{t.unit}{t.year}年度部门整体支出绩效目标表", cs=6, bold=True),
        P(2, 5, "金额单位：万元", cs=2),
        P(3, 1, "部门名称"), P(3, 2, t.unit, cs=5),
        P(4, 1, "年度预算资金", rs=3), P(4, 2, "预算总额"), P(4, 3, money(t.budget_total), cs=4, num=t.budget_total),
        P(5, 2, "其中：财政拨款"), P(5, 3, money(t.budget_fiscal), cs=4, num=t.budget_fiscal),
        P(6, 2, "其他资金"), P(6, 3, money(t.budget_other), cs=4, num=t.budget_other),
    ]
    n = len(t.tasks)
    cells += [P(7, 1, "年度主要任务", rs=n + 2), P(7, 2, "任务名称"), P(7, 3, "主要内容", cs=3), P(7, 6, "对应金额")]
    for k, task in enumerate(t.tasks):
        cells += [P(8 + k, 2, task.name), P(8 + k, 3, task.content, cs=3),
                  P(8 + k, 6, money(task.amount), num=task.amount)]
    r = 8 + n
    cells += [P(r, 2, "合计", cs=4), P(r, 6, money(t.tasks_total), num=t.tasks_total)]
    r += 1
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标"),
              P(r, 5, "指标值"), P(r, 6, "备注")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3), P(r + 1 + k, 5, ind.value), P(r + 1 + k, 6, ind.note)]
    return cells
