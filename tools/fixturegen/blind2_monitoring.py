"""Case a of the second blind test: 1–9月 monitoring tables of a unit and of its projects.

凤岗街道办事处 (Guangdong-style forms): a unit-wide table in Word with a 年度预算调整数 column and a
two-row header, two project tables (Word, Excel) whose 资金总额 add up to more than the unit's
项目支出 (XDC003), and the unit's 项目支出 rate computed on 年初预算数 (MON001).
青石镇人民政府 (Henan-style, amounts in 元): a clean unit-wide table and one project table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

from .blind2_render import docx_file, xlsx_file

YEAR = 2024
MONTHS = 9


def q2(x: D) -> D:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def rate(executed: D, budget: D) -> D:
    return q2(executed / budget * 100)


def money(x: D, thousands: bool = False) -> str:
    return f"{x:,.2f}" if thousands else f"{x:.2f}"


@dataclass
class Line:
    name: str          # canonical name (合计, 基本支出 …)
    printed: str       # as printed in the first column
    initial: D
    annual: D
    executed: D
    adjust: D = D(0)
    rate_override: D | None = None   # a planted wrong rate

    def printed_rate(self) -> D | None:
        if self.annual == 0:
            return None
        return self.rate_override if self.rate_override is not None else rate(self.executed, self.annual)


@dataclass
class Indicator:
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    forecast: str
    likelihood: str = "确定能"


@dataclass
class MonTable:
    kind: str                     # unit | project
    unit: str
    project: str | None
    lines: list[Line]
    indicators: list[Indicator]
    department: str = ""
    money_unit: str = "万元"
    findings: list[dict] = field(default_factory=list)

    def scale(self) -> D:
        return D(10000) if self.money_unit == "元" else D(1)

    def amount(self, x: D) -> str:
        return money(x * self.scale(), thousands=self.money_unit == "元")


# ----------------------------------------------------------------------------- data

def fenggang_unit() -> MonTable:
    lines = [
        Line("合计", "合计", D("1440.00"), D("1500.00"), D("1125.00"), adjust=D("60.00")),
        Line("基本支出", "一、基本支出", D("960.00"), D("960.00"), D("720.00")),
        Line("人员经费", "其中：人员经费", D("820.00"), D("820.00"), D("615.00")),
        Line("公用经费", "公用经费", D("140.00"), D("140.00"), D("105.00")),
        # planted: 405.00 ÷ 年初预算 480.00 = 84.38% printed instead of ÷ 540.00 = 75.00%
        Line("项目支出", "二、项目支出", D("480.00"), D("540.00"), D("405.00"), adjust=D("60.00"),
             rate_override=D("84.38")),
    ]
    indicators = [
        Indicator("产出指标", "数量指标", "网格巡查次数", "≥1200次", "930次", "1240次"),
        Indicator("产出指标", "数量指标", "城市道路保洁面积", "≥45万平方米", "45万平方米", "45万平方米"),
        Indicator("产出指标", "质量指标", "矛盾纠纷调处成功率", "≥95%", "96%", "96%"),
        Indicator("产出指标", "时效指标", "民生实事按期完成率", "100%", "75%", "100%"),
        Indicator("效益指标", "社会效益指标", "辖区治安案件同比下降率", "≥5%", "4%", "6%"),
        Indicator("满意度指标", "服务对象满意度指标", "辖区居民满意度", "≥90%", "92%", "92%"),
    ]
    t = MonTable("unit", "凤岗街道办事处", None, lines, indicators)
    t.findings = [{"rule_id": "MON001", "severity": "error", "line": "项目支出", "column": "执行率",
                   "reported": "84.38", "computed": "75.00"}]
    return t


def fenggang_projects() -> list[MonTable]:
    p1 = MonTable("project", "凤岗街道办事处", "老旧小区微改造项目", [
        Line("资金总额", "年度资金总额", D("380.00"), D("380.00"), D("290.00")),
        Line("财政拨款", "其中：财政拨款", D("380.00"), D("380.00"), D("290.00")),
        Line("其他资金", "其他资金", D("0.00"), D("0.00"), D("0.00")),
    ], [
        Indicator("产出指标", "数量指标", "改造小区数量", "≥6个", "5个", "6个"),
        Indicator("产出指标", "质量指标", "工程验收合格率", "100%", "100%", "100%"),
        Indicator("效益指标", "社会效益指标", "受益居民户数", "≥1800户", "1500户", "1850户"),
        Indicator("满意度指标", "服务对象满意度指标", "小区居民满意度", "≥90%", "91%", "92%"),
    ], department="凤岗街道办事处")
    p2 = MonTable("project", "凤岗街道办事处", "社区养老服务站运营项目", [
        Line("资金总额", "年度资金总额", D("260.00"), D("260.00"), D("198.00")),
        Line("财政拨款", "其中：财政拨款", D("200.00"), D("200.00"), D("153.00")),
        Line("其他资金", "其他资金", D("60.00"), D("60.00"), D("45.00")),
    ], [
        Indicator("产出指标", "数量指标", "服务老年人人次", "≥24000人次", "18500人次", "24500人次"),
        Indicator("产出指标", "时效指标", "助餐服务按时供餐率", "≥98%", "99%", "99%"),
        Indicator("效益指标", "社会效益指标", "居家养老服务覆盖率", "≥60%", "58%", "61%"),
        Indicator("满意度指标", "服务对象满意度指标", "服务老年人满意度", "≥92%", "95%", "95%"),
    ], department="凤岗街道办事处")
    return [p1, p2]


def xdc003_finding(unit: MonTable, projects: list[MonTable]) -> dict:
    total = sum(p.lines[0].annual for p in projects)
    whole = next(l.annual for l in unit.lines if l.name == "项目支出")
    return {"rule_id": "XDC003", "severity": "warning", "line": "项目支出", "column": "",
            "total": money(total), "whole": money(whole), "difference": money(total - whole)}


def qingshi_unit() -> MonTable:
    lines = [
        Line("合计", "合计", D("850.00"), D("865.00"), D("652.00")),
        Line("基本支出", "基本支出", D("540.00"), D("540.00"), D("405.00")),
        Line("人员经费", "人员经费", D("460.00"), D("460.00"), D("345.00")),
        Line("公用经费", "公用经费", D("80.00"), D("80.00"), D("60.00")),
        Line("项目支出", "项目支出", D("310.00"), D("325.00"), D("247.00")),
    ]
    indicators = [
        Indicator("产出指标", "数量指标", "农村道路日常养护里程", "≥120公里", "95公里", "125公里"),
        Indicator("产出指标", "数量指标", "村级公益岗位人数", "≥85人", "86人", "86人"),
        Indicator("产出指标", "质量指标", "农村人居环境整治达标村比例", "≥90%", "88%", "92%"),
        Indicator("效益指标", "社会效益指标", "群众来访按期办结率", "≥95%", "97%", "97%"),
        Indicator("满意度指标", "服务对象满意度指标", "辖区村民满意度", "≥90%", "93%", "93%"),
    ]
    return MonTable("unit", "青石镇人民政府", None, lines, indicators, money_unit="元")


def qingshi_project() -> MonTable:
    return MonTable("project", "青石镇人民政府", "乡村道路养护项目", [
        Line("资金总额", "资金总额", D("180.00"), D("180.00"), D("136.80")),
        Line("财政拨款", "财政拨款", D("180.00"), D("180.00"), D("136.80")),
        Line("其他资金", "其他资金", D("0.00"), D("0.00"), D("0.00")),
    ], [
        Indicator("产出指标", "数量指标", "养护道路里程", "≥120公里", "95公里", "125公里"),
        Indicator("产出指标", "成本指标", "每公里养护成本", "≤1.5万元", "1.44万元", "1.45万元"),
        Indicator("效益指标", "社会效益指标", "道路优良路率", "≥85%", "86%", "87%"),
        Indicator("满意度指标", "服务对象满意度指标", "沿线村民满意度", "≥90%", "92%", "92%"),
    ], department="青石镇人民政府", money_unit="元")


# ----------------------------------------------------------------------------- renderers

def _rate_text(line: Line) -> str:
    r = line.printed_rate()
    return "—" if r is None else f"{r:.2f}"


def unit_docx_guangdong(t: MonTable, path: Path) -> None:
    """Landscape Word: budget block with 年度预算调整数 and a two-row header, 备注, a notes row."""
    period = f"1-{MONTHS}月"
    rows = [
        [("项目", 1, 2), ("年初预算数", 1, 2), ("年度预算调整数", 1, 2), ("全年预算数", 1, 2),
         (f"{period}执行情况", 2), ("偏差原因", 1, 2), ("备注", 1, 2)],
        ["执行数", "执行率(%)"],
    ]
    for line in t.lines:
        rows.append([line.printed, t.amount(line.initial), t.amount(line.adjust), t.amount(line.annual),
                     t.amount(line.executed), _rate_text(line), "", ""])
    rows.append([("注：执行率=1-9月执行数÷全年预算数×100%；年度预算调整数为年中追加（减少）预算。", 8)])
    ind = [["一级指标", "二级指标", "三级指标", "年度指标值", f"{period}实际完成值", "全年预计完成值",
            "偏差原因分析", "完成目标可能性", "备注"]]
    for i in t.indicators:
        ind.append([i.level1, i.level2, i.level3, i.target, i.actual, i.forecast, "", i.likelihood, ""])
    docx_file(path, [
        ("p", f"{t.unit}{YEAR}年{period}部门整体支出绩效运行监控表", 16, True, True),
        ("p", f"填报单位（盖章）：{t.unit}　　　　填报日期：2024年10月12日　　　　单位：万元"),
        ("p", "一、预算执行情况", 11, True),
        ("t", rows, 8),
        ("p", "二、绩效指标运行情况", 11, True),
        ("t", ind, 9),
        ("p", "填报人：陈晓敏　　联系电话：0769-87701234　　单位负责人：黄志强"),
    ], landscape=True)


def project_docx_zhejiang(t: MonTable, path: Path) -> None:
    """Portrait Word: a project form (项目名称 / 主管部门 / 实施单位 rows) and a separate indicator table."""
    period = f"1-{MONTHS}月"
    rows = [
        ["项目名称", (t.project, 5)],
        ["主管部门", (t.department, 2), "实施单位", (t.unit, 2)],
        ["资金情况（万元）", "年初预算数", "全年预算数", f"{period}执行数", "执行率(%)", "偏差原因"],
    ]
    for line in t.lines:
        rows.append([line.printed, t.amount(line.initial), t.amount(line.annual), t.amount(line.executed),
                     _rate_text(line), ""])
    rows.append(["年度绩效目标", ("完成辖区6个老旧小区的雨污分流、道路修补和公共照明改造，改善居民居住环境。", 5)])
    ind = [["一级指标", "二级指标", "三级指标", "年度指标值", f"{period}完成值", "全年预计完成值",
            "完成目标可能性", "备注"]]
    for i in t.indicators:
        ind.append([i.level1, i.level2, i.level3, i.target, i.actual, i.forecast, i.likelihood, ""])
    docx_file(path, [
        ("p", f"{YEAR}年{period}项目支出绩效运行监控表", 16, True, True),
        ("p", f"填报单位：{t.unit}　　　　　　　　填报日期：2024年10月12日"),
        ("t", rows, 6),
        ("p", "绩效指标完成情况", 11, True),
        ("t", ind, 8),
    ])


def project_xlsx(t: MonTable, path: Path, fraction_rates: bool = True) -> None:
    """One sheet: title, a unit line, the project's form and its indicators; rates as % fractions."""
    period = f"1-{MONTHS}月"
    yuan = t.money_unit == "元"
    fmt = "#,##0.00"

    def num(x: D):
        return [float(x * t.scale()), fmt]

    rows = [
        ["项目名称", (t.project, 3), "主管部门", t.department],
        ["实施单位", (t.unit, 3), "项目负责人", "李文华"],
        [("资金来源", 1, 2), ("预算安排", 2), (f"{period}累计执行", 2), ("备注", 1, 2)],
        ["年初预算数", "全年预算数", "执行数", "执行率"],
    ]
    for line in t.lines:
        r = line.printed_rate()
        rate_cell = "—" if r is None else ([float(r / 100), "0.00%"] if fraction_rates else f"{r:.2f}%")
        rows.append([line.printed, num(line.initial), num(line.annual), num(line.executed), rate_cell, ""])
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", f"{period}实际完成值", "全年预计完成值"])
    for i in t.indicators:
        rows.append([i.level1, i.level2, i.level3, i.target, i.actual, i.forecast])
    xlsx_file(path, [("项目监控表", [
        ("line", f"{YEAR}年{period}项目支出绩效运行监控表", 6),
        ("line", f"金额单位：{'元' if yuan else '万元'}　　　　填报时间：2024年10月10日", 6),
        ("t", rows, 6),
        ("line", "说明：执行率=累计执行数÷全年预算数。", 6),
    ])])


def unit_docx_henan(t: MonTable, path: Path) -> None:
    """Portrait Word in 元: 截至9月底支出数, 偏差原因 and 改进措施 columns, indicators in one table."""
    rows = [["支出项目", "年初预算数", "全年预算数", "截至9月底支出数", "执行率(%)", "偏差原因", "改进措施"]]
    for line in t.lines:
        rows.append([line.printed, t.amount(line.initial), t.amount(line.annual), t.amount(line.executed),
                     _rate_text(line), "", ""])
    ind = [[("绩效指标", 3), "年度指标值", "1-9月完成值", "全年预计完成值", "完成目标可能性"],
           ]
    for i in t.indicators:
        ind.append([i.level1, i.level2, i.level3, i.target, i.actual, i.forecast, i.likelihood])
    docx_file(path, [
        ("p", f"{YEAR}年1-9月部门整体支出绩效运行监控表", 16, True, True),
        ("p", f"部门（单位）名称：{t.unit}"),
        ("p", "金额单位：元"),
        ("t", rows, 7),
        ("p", "注：执行率=截至9月底支出数÷全年预算数。", 9),
        ("t", ind, 7),
    ])


def line_figures(t: MonTable) -> list[dict]:
    out = []
    for line in t.lines:
        r = line.printed_rate()
        out.append({"line": line.name, "raw_name": line.printed,
                    "initial_budget": money(line.initial), "annual_budget": money(line.annual),
                    "executed": money(line.executed), "reported_rate": None if r is None else f"{r:.2f}"})
    return out


def indicator_figures(t: MonTable) -> list[dict]:
    return [{"level1": i.level1, "level2": i.level2, "level3": i.level3, "target": i.target,
             "actual": i.actual, "forecast": i.forecast} for i in t.indicators]
