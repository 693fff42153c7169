"""Case b of the second blind test: 绩效自评表 as PDF (Word → LibreOffice).

桐溪县水利局's 项目支出绩效自评表 (农村饮水安全巩固提升工程): one indicator scored 12 of its 10 points
(SLF003) and a 总分 that is not the sum of the scores (SLF004). 桐溪县市场监督管理局's
部门整体支出绩效自评表, landscape, with a 指标方向 / 指标值 / 度量单位 split: clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

from .blind2_monitoring import q2, rate
from .blind2_render import docx_file

YEAR = 2024


@dataclass
class SLine:
    name: str
    printed: str
    initial: D
    annual: D
    executed: D
    max_score: D | None = None

    def rate(self) -> D | None:
        return None if self.annual == 0 else rate(self.executed, self.annual)

    def score(self) -> D | None:
        if self.max_score is None:
            return None
        return q2(min(self.max_score, self.max_score * self.executed / self.annual))


@dataclass
class SInd:
    level1: str
    level2: str
    level3: str
    direction: str
    value: str
    unit: str
    actual: str
    max_score: D
    score: D
    deviation: str = ""

    @property
    def target(self) -> str:
        return f"{self.direction}{self.value}{self.unit}"


@dataclass
class SelfEval:
    kind: str
    unit: str
    project: str | None
    department: str
    lines: list[SLine]
    goal: str
    achieved: str
    indicators: list[SInd]
    total_override: D | None = None
    findings: list[dict] = field(default_factory=list)

    def computed_total(self) -> D:
        return sum((l.score() for l in self.lines if l.score() is not None), D(0)) + \
            sum((i.score for i in self.indicators), D(0))

    def printed_total(self) -> D:
        return self.total_override if self.total_override is not None else self.computed_total()

    def total_max(self) -> D:
        return sum((l.max_score for l in self.lines if l.max_score is not None), D(0)) + \
            sum((i.max_score for i in self.indicators), D(0))


def water_project() -> SelfEval:
    s = SelfEval("project", "桐溪县水利局", "农村饮水安全巩固提升工程", "桐溪县水利局", [
        SLine("资金总额", "年度资金总额", D("500.00"), D("520.00"), D("499.20"), D("10")),
        SLine("财政拨款", "其中：当年财政拨款", D("500.00"), D("520.00"), D("499.20")),
        SLine("上年结转", "上年结转资金", D("0.00"), D("0.00"), D("0.00")),
        SLine("其他资金", "其他资金", D("0.00"), D("0.00"), D("0.00")),
    ], "新建及改造农村供水管网35公里，改造乡镇水厂2座，巩固提升2.5万农村人口饮水安全保障水平。",
        "新建及改造供水管网36公里，完成2座乡镇水厂改造，受益人口2.6万人，工程全部通过竣工验收。", [
        SInd("产出指标", "数量指标", "新建及改造供水管网长度", "≥", "35", "公里", "36公里", D(10), D(10)),
        SInd("产出指标", "数量指标", "改造乡镇水厂数量", "=", "2", "座", "2座", D(10), D(10)),
        SInd("产出指标", "质量指标", "工程验收合格率", "=", "100", "%", "100%", D(10), D(12)),
        SInd("产出指标", "时效指标", "工程按期完工率", "≥", "95", "%", "98%", D(10), D(10)),
        SInd("产出指标", "成本指标", "管网每公里建设成本", "≤", "14", "万元", "13.8万元", D(10), D(10)),
        SInd("效益指标", "社会效益指标", "受益农村人口", "≥", "2.5", "万人", "2.6万人", D(15), D(15)),
        SInd("效益指标", "可持续影响指标", "工程设计使用年限", "≥", "20", "年", "20年", D(15), D(15)),
        SInd("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "95%", D(10), D(10)),
    ], total_override=D("99.60"))
    s.findings = [
        {"rule_id": "SLF003", "severity": "error", "line": "工程验收合格率", "indicator": "工程验收合格率",
         "score": "12", "max_score": "10"},
        {"rule_id": "SLF004", "severity": "error", "line": "总分", "total": "99.60",
         "computed": f"{s.computed_total():.2f}"},
    ]
    return s


def market_unit() -> SelfEval:
    return SelfEval("unit", "桐溪县市场监督管理局", None, "桐溪县市场监督管理局", [
        SLine("资金总额", "年度资金总额", D("2100.00"), D("2180.00"), D("2136.40"), D("10")),
        SLine("基本支出", "其中：基本支出", D("1500.00"), D("1500.00"), D("1500.00")),
        SLine("项目支出", "项目支出", D("600.00"), D("680.00"), D("636.40")),
    ], "全面履行市场监管职责，完成食品安全抽检2400批次，特种设备定期检验率100%，维护公平竞争的市场秩序。",
        "完成食品安全抽检2460批次，特种设备定期检验率100%，查办各类违法案件312件，全县未发生重大食品安全事故。", [
        SInd("产出指标", "数量指标", "食品安全监督抽检批次", "≥", "2400", "批次", "2460批次", D(15), D(15)),
        SInd("产出指标", "数量指标", "市场主体“双随机”抽查户数", "≥", "600", "户", "642户", D(10), D(10)),
        SInd("产出指标", "质量指标", "特种设备定期检验率", "=", "100", "%", "100%", D(10), D(10)),
        SInd("产出指标", "时效指标", "投诉举报按时办结率", "≥", "98", "%", "99.2%", D(10), D(10)),
        SInd("效益指标", "社会效益指标", "重大食品安全事故发生数", "=", "0", "起", "0起", D(15), D(15)),
        SInd("效益指标", "经济效益指标", "新登记市场主体增长率", "≥", "5", "%", "6.3%", D(10), D(10)),
        SInd("满意度指标", "服务对象满意度指标", "消费者满意度", "≥", "90", "%", "93%", D(10), D(10)),
        SInd("满意度指标", "服务对象满意度指标", "市场主体满意度", "≥", "90", "%", "92%", D(10), D(10)),
    ])


def _amount(x: D) -> str:
    return f"{x:,.2f}"


def _budget_rows(s: SelfEval, ncols: int, label_span: int) -> list[list]:
    rows = [[("年度预算执行情况（万元）", label_span, len(s.lines) + 1), "", "年初预算数", "全年预算数",
             "全年执行数", "分值", "执行率", "得分"]]
    for line in s.lines:
        r = line.rate()
        rows.append([line.printed, _amount(line.initial), _amount(line.annual), _amount(line.executed),
                     "" if line.max_score is None else f"{line.max_score}",
                     "—" if r is None else f"{r:.2f}%",
                     "" if line.score() is None else f"{line.score():.2f}"])
    return rows


def project_docx(s: SelfEval, path: Path) -> None:
    """Portrait, 8 columns; indicators with 指标方向/指标值/度量单位 joined in one 年度指标值 column."""
    ncols = 8
    rows = [
        ["项目名称", (s.project, 7)],
        ["主管部门", (s.department, 3), "实施单位", (s.unit, 3)],
    ]
    rows += _budget_rows(s, ncols, 1)
    rows.append([("年度总体目标", 1, 2), ("预期目标", 4), ("实际完成情况", 3)])
    rows.append([(s.goal, 4), (s.achieved, 3)])
    rows.append([("绩效指标", 1, len(s.indicators) + 1), "一级指标", "二级指标", "三级指标", "年度指标值",
                 "实际完成值", "分值", "得分"])
    for i in s.indicators:
        rows.append([i.level1, i.level2, i.level3, i.target, i.actual, f"{i.max_score}", f"{i.score}"])
    rows.append([("总分", 6), f"{s.total_max()}", f"{s.printed_total():.2f}"])
    docx_file(path, [
        ("p", f"{YEAR}年度项目支出绩效自评表", 16, True, True),
        ("p", f"填报单位（盖章）：{s.unit}　　　　　　填报日期：2025年3月6日"),
        ("t", rows, ncols),
        ("p", "注：1.得分一档最高不能超过该指标分值上限；2.预算执行得分=分值×执行率，最高不超过分值。", 9),
        ("p", "单位负责人：周建国　　　　财务负责人：吴丽　　　　填表人：郑晓东", 9),
    ])


def unit_docx(s: SelfEval, path: Path) -> None:
    """Landscape, 11 columns; indicators with separate 指标方向 / 指标值 / 度量单位 and 偏差原因 columns."""
    ncols = 11
    rows = [["部门（单位）名称", (s.unit, 4), "主管部门", (s.department, 5)]]
    budget = _budget_rows(s, ncols, 1)
    # widen the budget block to 11 columns: the line name takes 4 columns
    budget[0] = [("年度预算执行情况（万元）", 1, len(s.lines) + 1), ("", 4), "年初预算数", "全年预算数",
                 "全年执行数", "分值", "执行率", "得分"][:2] + budget[0][2:]
    for k in range(1, len(budget)):
        budget[k] = [(budget[k][0], 4)] + budget[k][1:]
    rows += budget
    rows.append([("年度总体目标", 1, 2), ("预期目标", 5), ("实际完成情况", 5)])
    rows.append([(s.goal, 5), (s.achieved, 5)])
    rows.append(["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值",
                 "得分", "偏差原因分析", "改进措施"])
    for i in s.indicators:
        rows.append([i.level1, i.level2, i.level3, i.direction, i.value, i.unit, i.actual, f"{i.max_score}",
                     f"{i.score}", "", ""])
    rows.append([("总分", 7), f"{s.total_max()}", f"{s.printed_total():.2f}", ("", 2)])
    docx_file(path, [
        ("p", f"{YEAR}年度部门整体支出绩效自评表", 16, True, True),
        ("p", "填报日期：2025年3月10日　　　　　　　　　　　　　　　　　　　　金额单位：万元"),
        ("t", rows, ncols),
        ("p", "说明：执行率=全年执行数÷全年预算数；偏差原因分析和改进措施仅对未完成指标填写。", 9),
    ], landscape=True)


def budget_figures(s: SelfEval) -> list[dict]:
    out = []
    for line in s.lines:
        r = line.rate()
        out.append({"line": line.name, "raw_name": line.printed, "initial_budget": f"{line.initial:.2f}",
                    "annual_budget": f"{line.annual:.2f}", "executed": f"{line.executed:.2f}",
                    "reported_rate": None if r is None else f"{r:.2f}",
                    "max_score": None if line.max_score is None else f"{line.max_score}",
                    "score": None if line.score() is None else f"{line.score():.2f}"})
    return out


def indicator_figures(s: SelfEval) -> list[dict]:
    return [{"level1": i.level1, "level2": i.level2, "level3": i.level3, "target": i.target,
             "actual": i.actual, "max_score": f"{i.max_score}", "score": f"{i.score}"} for i in s.indicators]
