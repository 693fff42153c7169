"""Case c of the second blind test: 绩效目标表 as finance-portal pages (GB2312 / GBK).

梅川市园林绿化服务中心's 项目支出绩效目标表 (城区公园绿地提升改造项目): two vague values (TGT002,
notices) and task amounts adding up to 800.00 while 金额合计 and the budget say 850.00 (TGT006).
梅川市教育体育局's 部门整体支出绩效目标表 (部门管理 / 部门履职 / 部门效果): clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

from .blind2_render import html_table, portal_page

YEAR = 2024


@dataclass
class TInd:
    level1: str
    level2: str
    level3: str
    value: str
    vague: bool = False


@dataclass
class Target:
    kind: str
    unit: str
    project: str | None
    department: str
    budget_total: D
    budget_fiscal: D
    budget_other: D
    tasks: list[tuple[str, str, D]]
    tasks_total: D
    goal: str
    indicators: list[TInd]
    findings: list[dict] = field(default_factory=list)


def park_project() -> Target:
    t = Target("project", "梅川市园林绿化服务中心", "城区公园绿地提升改造项目", "梅川市城市管理局",
               D("850.00"), D("850.00"), D("0.00"), [
                   ("公园绿地改造", "完成人民公园、滨河公园等4处公园绿地提升改造", D("420.00")),
                   ("行道树补植", "补植城区主次干道行道树1500株", D("180.00")),
                   ("养护设施更新", "更新绿地灌溉、照明及休闲座椅等设施", D("200.00")),
               ], D("850.00"),
               "2024年计划投入资金850万元，完成城区4处公园绿地提升改造，新增改造绿地面积12万平方米，"
               "补植行道树1500株，提升城市绿化品质。", [
                   TInd("产出指标", "数量指标", "改造公园绿地面积", "≥12万平方米"),
                   TInd("产出指标", "数量指标", "补植行道树数量", "≥1500株"),
                   TInd("产出指标", "质量指标", "苗木成活率", "≥95%"),
                   TInd("产出指标", "质量指标", "工程验收合格率", "100%"),
                   TInd("产出指标", "时效指标", "工程按期完工率", "100%"),
                   TInd("产出指标", "成本指标", "绿地改造单位成本", "≤60元/平方米"),
                   TInd("效益指标", "社会效益指标", "市民休闲游憩环境", "有效提升", vague=True),
                   TInd("效益指标", "生态效益指标", "建成区绿化覆盖率提高", "≥1.5%"),
                   TInd("效益指标", "可持续影响指标", "绿地长效管护机制", "健全", vague=True),
                   TInd("满意度指标", "服务对象满意度指标", "周边居民满意度", "≥90%"),
                   TInd("满意度指标", "服务对象满意度指标", "游园群众满意度", "≥90%"),
               ])
    t.findings = [
        {"rule_id": "TGT006", "severity": "error", "line": "金额合计", "column": "任务预算金额",
         "total": "850.00", "computed": "800.00"},
        {"rule_id": "TGT002", "severity": "notice", "line": "市民休闲游憩环境", "value": "有效提升"},
        {"rule_id": "TGT002", "severity": "notice", "line": "绿地长效管护机制", "value": "健全"},
    ]
    return t


def education_unit() -> Target:
    return Target("unit", "梅川市教育体育局", None, "梅川市教育体育局",
                  D("3250.00"), D("3100.00"), D("150.00"), [
                      ("保障机关及学校正常运转", "人员工资、社会保障缴费及日常公用经费", D("2400.00")),
                      ("中小学校舍维修改造", "完成12所中小学校舍及运动场维修改造", D("500.00")),
                      ("教师培训", "组织中小学教师全员培训及骨干教师研修", D("200.00")),
                      ("全民健身赛事活动", "举办市级全民健身赛事及青少年体育比赛", D("150.00")),
                  ], D("3250.00"),
                  "2024年部门预算安排3250.00万元，保障全市教育体育事业正常运转，完成12所中小学校舍维修改造，"
                  "开展教师全员培训1200人次，举办全民健身赛事6次，义务教育巩固率保持在99%以上。", [
                      TInd("部门管理", "资金投入", "基本支出预算执行率", "≥95%"),
                      TInd("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
                      TInd("部门管理", "财务管理", "资金使用违规问题发生数", "0个"),
                      TInd("部门管理", "资产管理", "固定资产账实相符率", "100%"),
                      TInd("部门履职", "重点工作", "校舍维修改造学校数", "≥12所"),
                      TInd("部门履职", "重点工作", "教师培训人次", "≥1200人次"),
                      TInd("部门履职", "重点工作", "全民健身赛事举办次数", "≥6次"),
                      TInd("部门效果", "社会效益", "义务教育巩固率", "≥99%"),
                      TInd("部门效果", "社会效益", "学生体质健康测试达标率", "≥92%"),
                      TInd("部门效果", "服务对象满意度", "学生家长满意度", "≥90%"),
                      TInd("部门效果", "服务对象满意度", "教师满意度", "≥90%"),
                  ])


def _indicator_rows(t: Target, lead: list) -> list[list]:
    """Indicator rows with 一级/二级 merged downwards by rowspan."""
    rows = []
    inds = t.indicators
    for k, i in enumerate(inds):
        row = list(lead) if k == 0 else []
        if k == 0 or inds[k - 1].level1 != i.level1:
            n = sum(1 for _ in _run(inds, k, lambda x: x.level1))
            row.append((i.level1, 1, n))
        if k == 0 or (inds[k - 1].level1, inds[k - 1].level2) != (i.level1, i.level2):
            n = sum(1 for _ in _run(inds, k, lambda x: (x.level1, x.level2)))
            row.append((i.level2, 1, n))
        row += [i.level3, i.value]
        rows.append(row)
    return rows


def _run(items, start, key):
    first = key(items[start])
    for item in items[start:]:
        if key(item) != first:
            return
        yield item


def project_html(t: Target, path: Path) -> None:
    ncols = 5
    rows = [
        [("项目名称", 1), (t.project, 4)],
        ["主管部门", t.department, "实施单位", (t.unit, 2)],
        [("项目资金（万元）", 1, 3), ("年度资金总额", 2), (f"{t.budget_total:.2f}", 2)],
        [("其中：财政拨款", 2), (f"{t.budget_fiscal:.2f}", 2)],
        [("其他资金", 2), (f"{t.budget_other:.2f}", 2)],
        [("年度主要任务", 1, len(t.tasks) + 2), "任务名称", ("主要内容", 2), "预算金额（万元）"],
    ]
    for name, content, amount in t.tasks:
        rows.append([name, (content, 2), f"{amount:.2f}"])
    rows.append([("金额合计", 3), f"{t.tasks_total:.2f}"])
    rows.append(["年度总体目标", (t.goal, 4)])
    rows.append([("绩效指标", 1, len(t.indicators) + 1), "一级指标", "二级指标", "三级指标", "指标值"])
    rows += _indicator_rows(t, [])
    body = (f'<p align="center"><b>{YEAR}年度项目支出绩效目标表</b></p>\n'
            f'<p>填报单位（盖章）：{t.unit}　　　　　　　　　　　填报日期：2024年2月20日</p>\n'
            + html_table(rows, ncols)
            + "\n<p>附件：<a href=\"/jxgl/mb/2024/fj1.xls\">城区公园绿地提升改造项目绩效目标表.xls</a></p>")
    portal_page(path, f"梅川市园林绿化服务中心{YEAR}年度城区公园绿地提升改造项目绩效目标公开", "梅川市财政局",
                body, "2024-02-28 10:15", "gb2312")


def unit_html(t: Target, path: Path) -> None:
    ncols = 6
    rows = [
        ["部门名称", (t.unit, 5)],
        [("年度预算（万元）", 1, 2), "资金总额", ("财政拨款", 2), ("其他资金", 2)],
        [f"{t.budget_total:.2f}", (f"{t.budget_fiscal:.2f}", 2), (f"{t.budget_other:.2f}", 2)],
        [("年度主要任务", 1, len(t.tasks) + 2), ("任务名称", 2), ("主要内容", 2), "预算金额（万元）"],
    ]
    for name, content, amount in t.tasks:
        rows.append([(name, 2), (content, 2), f"{amount:.2f}"])
    rows.append([("金额合计", 4), f"{t.tasks_total:.2f}"])
    rows.append(["年度总体目标", (t.goal, 5)])
    rows.append([("绩效指标", 1, len(t.indicators) + 1), "一级指标", "二级指标", "三级指标", ("指标值", 2)])
    for row in _indicator_rows(t, []):
        row[-1] = (row[-1], 2)
        rows.append(row)
    body = (f'<div style="text-align:center;font-size:18px"><strong>{t.unit}{YEAR}年度部门整体支出绩效目标表</strong></div>\n'
            '<p style="text-align:right">单位：万元</p>\n'
            + html_table(rows, ncols)
            + "\n<p>注：本表经梅川市财政局审核批复后公开。</p>")
    portal_page(path, f"梅川市教育体育局{YEAR}年度部门整体支出绩效目标公开", "梅川市人民政府门户网站",
                body, "2024-03-05 16:40", "gbk")


def figures(t: Target) -> dict:
    return {"budget_total": f"{t.budget_total:.2f}", "budget_fiscal": f"{t.budget_fiscal:.2f}",
            "budget_other": f"{t.budget_other:.2f}", "tasks_total": f"{t.tasks_total:.2f}",
            "goal_text": t.goal,
            "tasks": [{"name": n, "amount": f"{a:.2f}"} for n, _, a in t.tasks],
            "indicators": [{"level1": i.level1, "level2": i.level2, "level3": i.level3, "value": i.value,
                            "quantitative": not i.vague} for i in t.indicators]}
