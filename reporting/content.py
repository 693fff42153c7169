"""The report draft as a list of sections of plain blocks (headings, paragraphs, tables, a chart).

Both renderers (docx and HTML) draw the same blocks, so the two formats cannot drift apart.
Every figure is filled from `ReportData` (records, findings, score card); only wording is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar
from decimal import Decimal
from pathlib import Path

from reporting.data import TO_FILL, ReportData, evidence_label, fmt_amount, fmt_rate, percent
from schemas.findings import Evidence
from schemas.scoring import Deduction, SubIndicatorScore

CN_NUM = "一二三四五六七八九十"


@dataclass
class Para:
    kind: ClassVar[str] = "para"
    text: str
    bold: bool = False
    note: bool = False  # a remark of the draft (scoring not done …), shown set off


@dataclass
class Sub:
    kind: ClassVar[str] = "sub"
    text: str  # a level-2 heading: （一）…


@dataclass
class Grid:
    kind: ClassVar[str] = "grid"
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    caption: str = ""
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    merge_down: set[int] = field(default_factory=set)  # columns whose empty cells continue the cell above

    def spans(self) -> list[list[int]]:
        """Per cell, how many rows it covers: 1 usually, n for a cell a merge_down column continues
        over n − 1 empty cells below it, 0 for a continued (covered) cell."""
        out = [[1] * len(row) for row in self.rows]
        for c in self.merge_down:
            top = None
            for i, row in enumerate(self.rows):
                if row[c] == "" and top is not None:
                    out[top][c] += 1
                    out[i][c] = 0
                else:
                    top = i
        return out


@dataclass
class Image:
    kind: ClassVar[str] = "image"
    path: Path
    caption: str


Block = Para | Sub | Grid | Image


@dataclass
class Section:
    title: str
    blocks: list[Block]


def section_titles() -> list[str]:
    return ["一、基本情况", "二、绩效目标", "三、评估基本情况", "四、评估结论和绩效分析",
            "五、存在问题", "六、对策建议", "七、其他需要说明的事项", "八、评估指标体系"]


def _or_fill(text: str) -> str:
    return text or TO_FILL


def basic(r: ReportData) -> Section:
    cfg = r.config
    blocks: list[Block] = [
        Grid(["项目", "内容", "项目", "内容"], [
            ["部门名称", r.unit, "评估年度", f"{r.year}年度"],
            ["委托评估单位", _or_fill(r.client), "评估类型", cfg.get("evaluation_type", "")],
            ["评估机构名称", _or_fill(r.evaluator), "评估对象名称", f"{r.unit}绩效目标管理评估"],
        ], [2.2, 3.2, 2.2, 3.2], caption="表1 部门基本情况"),
        Sub("（一）实施目的"),
        Para(cfg["purpose"].format(unit=r.unit)),
        Sub("（二）资金情况"),
    ]
    money = []
    if r.budget is not None:
        money.append(f"据{r.budget_source}，{r.year}年预算安排资金{fmt_amount(r.budget.value)}万元")
        t = r.target
        if t is not None and t.budget_fiscal is not None:
            money.append(f"其中财政拨款{fmt_amount(t.budget_fiscal.value)}万元")
        if t is not None and t.budget_other is not None and t.budget_other.value:
            money.append(f"其他资金{fmt_amount(t.budget_other.value)}万元")
    else:
        money.append(f"所审阅资料中未见{r.year}年度绩效目标表或监控表列示的预算安排资金")
    if r.year_execution is not None:
        e = r.year_execution
        money.append(f"据{r.year_execution_source}，“{e.subject}”{e.budget_kind}数{fmt_amount(e.budget)}万元，"
                     f"实际支出资金{fmt_amount(e.actual)}万元，预算执行率{fmt_rate(e.rate)}")
    else:
        last = next((p for p in reversed(r.periods) if p.rate is not None), None)
        if last is not None:
            money.append(f"所审阅资料中无部门决算；截至{last.label[2:]}底执行{fmt_amount(last.executed)}万元，"
                         f"执行率{fmt_rate(last.rate)}")
    blocks.append(Para("，".join(money) + "。"))
    if r.periods:
        rows = []
        for p in r.periods:
            rows.append([p.label, p.source, fmt_amount(p.budget), fmt_amount(p.executed), fmt_rate(p.rate),
                         fmt_rate(p.time_progress),
                         fmt_amount(p.rate - p.time_progress) if p.rate is not None else ""])
        blocks.append(Grid(["期间", "资料", "全年预算数（万元）", "累计执行数（万元）", "执行率", "序时进度", "差额（百分点）"],
                           rows, [1.0, 1.9, 1.9, 1.9, 1.6, 1.6, 1.6], caption="表2 预算执行与序时进度",
                           numeric={2, 3, 4, 5, 6}))
        detail = []
        for p in r.periods:
            for ln in p.lines:
                detail.append([p.label, ln.name,
                               fmt_amount(ln.annual_budget.value) if ln.annual_budget else "",
                               fmt_amount(ln.executed.value) if ln.executed else "",
                               ln.reported.raw if ln.reported else "", fmt_rate(ln.rate)])
        if detail:
            blocks.append(Grid(["期间", "支出项目", "全年预算数（万元）", "执行数（万元）", "填报执行率", "核算执行率"],
                               detail, [1.3, 2.0, 2.2, 2.0, 1.8, 1.8], caption="表3 绩效运行监控表预算执行明细",
                               numeric={2, 3, 4, 5}))
            blocks.append(Para("注：核算执行率 = 累计执行数 ÷ 全年预算数；与填报执行率不一致之处见“五、存在问题”。", note=True))
    return Section("一、基本情况", blocks)


def targets(r: ReportData) -> Section:
    t = r.target
    if t is None:
        return Section("二、绩效目标", [Para(f"所审阅资料中未见{r.unit}{r.year}年度绩效目标表。", note=True)])
    blocks: list[Block] = [Sub("（一）年度总体目标")]
    blocks.append(Para(t.goal_text.text if t.goal_text else "绩效目标表未填写年度总体目标。"))
    blocks.append(Sub("（二）绩效指标"))
    rows = [[lc.level1, str(lc.total), str(lc.quantitative), fmt_rate(percent(Decimal(lc.quantitative), Decimal(lc.total)))]
            for lc in r.levels]
    rows.append(["合计", str(r.indicator_total), str(r.quantitative), fmt_rate(r.quantitative_share)])
    blocks.append(Grid(["一级指标", "三级指标数", "其中定量指标", "定量占比"], rows, [3, 2, 2, 2],
                       caption="表4 绩效指标构成", numeric={1, 2, 3}))
    bench = r.config.get("quantitative_benchmark")
    text = (f"{r.year}年度绩效目标表共设三级指标{r.indicator_total}项，其中可量化指标{r.quantitative}项，"
            f"占比{fmt_rate(r.quantitative_share)}")
    if bench is not None and r.quantitative_share is not None:
        cmp = "低于" if r.quantitative_share < Decimal(bench) else "达到"
        text += f"，{cmp}{bench}%的优良标准"
    blocks.append(Para(text + "。"))
    return Section("二、绩效目标", blocks)


def scope(r: ReportData) -> Section:
    cfg = r.config
    money = f"；资金范围：{fmt_amount(r.budget.value)}万元" if r.budget is not None else ""
    blocks: list[Block] = [
        Sub("（一）评估范围"),
        Para(f"时间范围：{r.year}年1月-{r.year}年12月；对象范围：{r.unit}绩效目标管理评估{money}。"),
        Sub("（二）评估依据"),
    ]
    blocks += [Para(f"{i}. {b}") for i, b in enumerate(cfg.get("basis", []), start=1)]
    blocks.append(Sub("（三）评估办法"))
    blocks.append(Para(f"本次评估采用多维度的评估方法：{cfg.get('methods', '')}"))
    blocks.append(Sub("（四）审阅资料"))
    rows = []
    for i, d in enumerate(r.documents, start=1):
        years = sorted({y for y in (getattr(rec, "year", None) for rec in d.records) if isinstance(y, int)})
        rows.append([str(i), d.path, d.kind_label or "—", "、".join(f"{y}年" for y in years), d.status_label])
    blocks.append(Grid(["序号", "文件", "资料类型", "年度", "读取结果"], rows, [0.8, 5.2, 2.2, 1.4, 1.4],
                       caption=f"表5 审阅资料（共{len(r.documents)}份）"))
    for d in r.documents:  # why a file could not be read, below the table (the cell is too narrow)
        if not d.read:
            blocks.append(Para(f"{d.path}：{d.error or d.status_label}", note=True))
    return Section("三、评估基本情况", blocks)


def evidence_note(evidence: list[Evidence], shown: int) -> str:
    """“依据：” and the first `shown` pieces of evidence (distinct), with how many more there are."""
    labels = list(dict.fromkeys(evidence_label(e, RAW_SHOWN) for e in evidence))
    text = "依据：" + "；".join(labels[:shown])
    if len(labels) > shown:
        text += f"；等共{len(labels)}处（全部来源见运行结果 findings.xlsx）"
    return text + "。"


RAW_SHOWN = 40  # characters of an evidence's raw text quoted (a narrative sentence can be long)
POINTS_STATED = re.compile(r"扣\s*[0-9.]+\s*分[。；]?$")


def deduction_text(d: Deduction) -> str:
    """A 扣分理由: the reason, preceded by the points unless the reason already ends with them."""
    reason = d.reason.strip()
    if POINTS_STATED.search(reason):
        return reason
    return f"扣{fmt_points(d.points)}分：{reason}"


def conclusion(r: ReportData) -> Section:
    c = r.card
    if c is None:
        note = r.config["no_scores"] if not r.scored else f"评分结果中没有{r.unit}{r.year}年度的评分卡。"
        return Section("四、评估结论和绩效分析", [Para(note, note=True)])
    total = fmt_amount(c.total) if c.total is not None else "—"
    grade = c.grade or "—"
    if c.total is not None:
        blocks: list[Block] = [
            Para(f"经综合评估，{r.unit}{r.year}年度绩效目标管理评估得分{total}分，评估等级为“{grade}”。", bold=True)]
    else:
        blocks = [Para(f"评分尚未完成：尚缺评估人员评分的指标{'、'.join(c.missing)}，总分与等级待评估人员评分后确定"
                       f"（用 jixiao evaluator-template 生成评分录入表，填写后重新运行）。以下仅列已得出的分项得分。", note=True)]
    rows = [[f"{d.code}.{d.name}", fmt_amount(d.points), fmt_amount(d.score) if d.score is not None else "—",
             fmt_rate(d.rate) if d.rate is not None else "—"] for d in c.dimensions]
    rows.append(["合计", fmt_amount(c.points), total, fmt_rate(percent(c.total, c.points)) if c.total is not None else "—"])
    rows.append(["评估等级", "", grade, ""])
    blocks.append(Grid(["一级指标", "分值", "得分", "得分率"], rows, [4, 1.5, 1.5, 1.5], caption="表6 评估得分",
                       numeric={1, 2, 3}))
    blocks.append(Sub("（一）分项得分与扣分理由"))
    srows = []
    for s in c.sub_indicators:
        reasons = "；".join(deduction_text(d) for d in s.deductions)
        if s.source == "missing":
            reasons = "待评估人员评分"
        srows.append([f"{s.code} {s.name}", fmt_amount(s.points), fmt_amount(s.score) if s.score is not None else "—",
                      reasons or s.explanation or "不扣分"])
    blocks.append(Grid(["二级指标", "分值", "得分", "扣分理由"], srows, [3, 1.1, 1.1, 5.6], caption="表7 分项得分",
                       numeric={1, 2}))
    return Section("四、评估结论和绩效分析", blocks)


def chart_block(r: ReportData, chart: Path | None) -> list[Block]:
    if chart is None:
        return []
    return [Image(chart, "图1 预算执行率与序时进度")]


def problems(r: ReportData) -> Section:
    c = r.card
    blocks: list[Block] = []
    if c is not None:
        if not c.problems:
            blocks.append(Para("评分未归纳出存在问题。", note=True))
        for i, p in enumerate(c.problems):
            blocks.append(Sub(f"（{CN_NUM[i] if i < 10 else i + 1}）{p.title}"))
            blocks.append(Para(p.text))
            if p.evidence:
                blocks.append(Para(evidence_note(p.evidence, r.config.get("evidence_shown", 5)), note=True))
        return Section("五、存在问题", blocks)
    blocks.append(Para("评分尚未完成，存在问题尚未归纳；以下为自动核查发现的问题，按规则汇总，供评估人员归纳。", note=True))
    if not r.findings:
        blocks.append(Para("自动核查未发现问题。"))
        return Section("五、存在问题", blocks)
    for i, (rule_id, title, fs) in enumerate(r.findings_by_rule()):
        blocks.append(Sub(f"（{CN_NUM[i] if i < 10 else i + 1}）{title}（{rule_id}，{len(fs)}条）"))
        for f in fs[:3]:
            blocks.append(Para(f.text))
        if len(fs) > 3:
            blocks.append(Para(f"另有{len(fs) - 3}条，见运行结果 findings.xlsx。", note=True))
    return Section("五、存在问题", blocks)


def suggestions(r: ReportData) -> Section:
    c = r.card
    if c is None:
        return Section("六、对策建议", [Para("评分尚未完成，对策建议待评分完成后生成。", note=True)])
    blocks: list[Block] = []
    if not c.suggestions:
        blocks.append(Para("评分结果未给出对策建议。", note=True))
    for i, s in enumerate(c.suggestions):
        blocks.append(Sub(f"（{CN_NUM[i] if i < 10 else i + 1}）{s.title}"))
        blocks.append(Para(s.text))
    return Section("六、对策建议", blocks)


def other(r: ReportData) -> Section:
    n = len(r.findings)
    severities = {}
    for f in r.findings:
        severities[f.severity.label] = severities.get(f.severity.label, 0) + 1
    counts = "，".join(f"{k}{v}条" for k, v in severities.items())
    blocks: list[Block] = [
        Para(f"本报告为草稿，由运行{r.run_id}的抽取与核对结果生成：审阅资料{len(r.documents)}份，"
             f"自动核查发现问题{n}条" + (f"（{counts}）" if counts else "") + "；每项数据的来源文件与单元格见运行结果。"),
        Grid(["主评人", "评估机构", "报告日期"], [[_or_fill(r.lead_evaluator), _or_fill(r.evaluator), r.date]],
             [2, 4, 2.5]),
    ]
    return Section("七、其他需要说明的事项", blocks)


def rubric(r: ReportData) -> Section:
    c = r.card
    if c is None:
        return Section("八、评估指标体系", [Para("评分尚未完成，评估指标体系随评分结果给出。", note=True)])
    rows = []
    for d in c.dimensions:
        subs = [s for s in c.sub_indicators if s.dimension == d.code]
        for j, s in enumerate(subs):
            rows.append([f"{d.code}.{d.name}（{fmt_points(d.points)}分）" if j == 0 else "",
                         f"{s.code} {s.name}（{fmt_points(s.points)}分）", scoring_method(s)])
    return Section("八、评估指标体系", [Grid(["一级指标", "二级指标", "评分方式"], rows, [3.5, 4.5, 1.5], merge_down={0},
                                            caption=f"表8 评估指标体系（{c.rubric_name}，满分{fmt_points(c.points)}分）")])


def scoring_method(s: SubIndicatorScore) -> str:
    if s.method == "manual":
        return "人工"
    return "自动" if s.source == "rule" else "自动（缺少依据，评估人评分）" if s.source == "evaluator" else "自动（缺少依据）"


def fmt_points(n: Decimal) -> str:
    return f"{n.normalize():f}"


def build_sections(r: ReportData, chart: Path | None) -> list[Section]:
    first = basic(r)
    first.blocks += chart_block(r, chart)
    return [first, targets(r), scope(r), conclusion(r), problems(r), suggestions(r), other(r), rubric(r)]
