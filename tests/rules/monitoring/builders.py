"""Builders of 绩效运行监控表 records for the MON rule tests: tables built cell by cell with
the printed figures, so expected values come from the inputs, never from a parser."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from textnorm.numbers import amount, rate
from schemas.findings import Finding, Severity, Subject
from schemas.monitoring import IndicatorProgress, MonitoringLine, MonitoringReport
from schemas.provenance import SourceRef
from schemas.records import Attribute, IndicatorValue, TextValue

UNIT = "南街街道办事处"
SHEET = "监控表"
FIRST_LINE_ROW = 6
# Column layout of the constructed tables: A label, B 年初预算数, C 全年预算数, D 执行数,
# E 执行率, F 偏差原因, G 改进措施.
COLS = {"initial": 2, "annual": 3, "executed": 4, "rate": 5, "reason": 6, "measure": 7}
# Indicator block: A 一级, B 二级, C 三级, D 年度指标值, E 实际, F 预计, G 偏差原因, H 可能性.
IND_COLS = {"target": 4, "actual": 5, "forecast": 6, "reason": 7, "likelihood": 8}
IND_FIRST_ROW = 20


# ---------------------------------------------------------------- builders


def file_name(months: int, project: str | None = None, unit: str = UNIT, year: int = 2024) -> str:
    return f"{unit}{year}年1-{months}月{project or '部门整体'}绩效运行监控表.xlsx"


def ref(fname: str, row: int, column: int) -> SourceRef:
    return SourceRef(file_sha256="f" * 64, file_name=fname, sheet=SHEET, row=row, column=column)


def L(name: str, initial=None, annual=None, executed=None, rate_=None, reason=None, measure=None) -> dict:
    """A line spec; amounts and rates as printed (strings), None for a missing column."""
    return dict(name=name, initial=initial, annual=annual, executed=executed, rate=rate_,
                reason=reason, measure=measure)


def parse_indicator(raw: str, r: SourceRef) -> IndicatorValue:
    m = re.fullmatch(r"(≥|≤|>|<|=)?(\d+(?:\.\d+)?)(%|次|天|个)?", raw)
    if not m:
        return IndicatorValue(raw=raw, ref=r)
    return IndicatorValue(raw=raw, operator=m.group(1), number=Decimal(m.group(2)), unit=m.group(3),
                          quantitative=True, ref=r)


def I(level1, level2, level3, target, actual, forecast, likelihood="确定能", reason="") -> dict:
    return dict(level1=level1, level2=level2, level3=level3, target=target, actual=actual,
                forecast=forecast, likelihood=likelihood, reason=reason)


def build_report(months: int, lines: list[dict], indicators: list[dict] = (), *, kind="unit",
                 project: str | None = None, unit: str = UNIT, year: int = 2024,
                 printed_unit: str = "万元") -> MonitoringReport:
    fname = file_name(months, project, unit, year)
    built = []
    for i, spec in enumerate(lines):
        row = FIRST_LINE_ROW + i

        def num(key):
            raw = spec[key]
            return None if raw is None else amount(raw, ref(fname, row, COLS[key]), printed_unit)

        def text(key):
            raw = spec[key]
            return None if raw is None else TextValue(text=raw, ref=ref(fname, row, COLS[key]))

        built.append(MonitoringLine(
            name=spec["name"], raw_name=spec["name"], ref=ref(fname, row, 1),
            initial_budget=num("initial"), annual_budget=num("annual"), executed=num("executed"),
            reported_rate=None if spec["rate"] is None else rate(spec["rate"], ref(fname, row, COLS["rate"])),
            deviation_reason=text("reason"), measure=text("measure"),
        ))
    inds = []
    for j, spec in enumerate(indicators):
        row = IND_FIRST_ROW + j
        inds.append(IndicatorProgress(
            level1=spec["level1"], level2=spec["level2"], level3=spec["level3"], ref=ref(fname, row, 3),
            target=parse_indicator(spec["target"], ref(fname, row, IND_COLS["target"])),
            actual=parse_indicator(spec["actual"], ref(fname, row, IND_COLS["actual"])),
            forecast=parse_indicator(spec["forecast"], ref(fname, row, IND_COLS["forecast"])),
            deviation_reason=TextValue(text=spec["reason"], ref=ref(fname, row, IND_COLS["reason"])),
            likelihood=TextValue(text=spec["likelihood"], ref=ref(fname, row, IND_COLS["likelihood"])),
        ))
    return MonitoringReport(
        kind=kind,
        unit=Attribute(value=unit, raw=unit),
        year=year, year_attr=Attribute(value=str(year), raw=f"{year}年"),
        period_months=months, period_attr=Attribute(value=f"1-{months}月", raw=f"1-{months}月"),
        project=Attribute(value=project, raw=project) if project else None,
        amount_unit=printed_unit, file_name=fname, file_sha256="f" * 64,
        lines=built, indicators=inds,
    )


def run(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=[rule_id])


def labels(finding: Finding) -> list[str]:
    return [e.ref.label for e in finding.evidence]


def cell(row: int, col: str) -> str:
    """Sheet label of a line's cell, e.g. cell(7, "rate") → 监控表!E7."""
    return f"{SHEET}!{'ABCDEFGH'[COLS[col] - 1]}{row}"


# ---------------------------------------------------------------- nanjie-2024

NANJIE = {
    # line: (全年预算数, 1-6 执行数, 1-6 reported, 1-9 执行数, 1-9 reported)
    "合计": ("1164.62", "531.93", "45.67", "831.13", "71.36"),
    "基本支出": ("1030.25", "509.47", "43.75", "769.28", "66.05"),
    "人员经费": ("958.63", "479.32", "50.00", "718.97", "75.00"),
    "公用经费": ("71.62", "30.15", "42.10", "50.31", "70.25"),
    "项目支出": ("134.37", "22.46", "1.93", "61.85", "5.31"),
}
NANJIE_REASON = {6: "部分项目不具备付款条件", 9: "项目尚不具备付款条件"}
NANJIE_RATES = {6: ("49.45%", "16.72%"), 9: ("74.67%", "46.03%")}


def nanjie_indicators(months: int) -> list[dict]:
    basic, project = NANJIE_RATES[months]
    rows = [
        ("部门管理", "资金投入", "预算编制完整性", "完整", "完整"),
        ("部门管理", "资金投入", "基本支出预算执行率", "100%", basic),
        ("部门管理", "资金投入", "项目支出预算执行率", "≥90%", project),
        ("部门管理", "资金投入", "“三公经费”控制率", "≤100%", "100%"),
        ("部门管理", "财务管理", "财务管理制度健全性", "健全", "健全"),
        ("部门管理", "财务管理", "资金使用合规性", "规范", "规范"),
        ("部门管理", "采购管理", "政府采购规范性", "规范", "规范"),
        ("部门管理", "资产管理", "资产管理规范性", "规范", "规范"),
        ("部门管理", "资产管理", "固定资产利用率", "≥95%", "96%"),
        ("部门管理", "人员管理", "在职人员控制率", "≤100%", "98%"),
        ("部门管理", "人员管理", "人员管理制度健全性", "健全", "健全"),
        ("部门管理", "制度管理", "内控制度健全性", "健全", "健全"),
        ("部门管理", "制度管理", "公用经费控制率", "≤100%", "98%"),
        ("部门履职", "重点履职", "部门履职情况提升性", "有效提升", "有效提升"),
        ("部门效果", "社会效益", "部门效果达标率", "达标", "达标"),
        ("部门效果", "服务对象满意度", "服务对象满意度", "满意", "满意"),
        ("部门效果", "社会影响满意度", "社会影响满意度", "较好", "较好"),
    ]
    return [
        I(l1, l2, l3, target, actual, target,
          reason=NANJIE_REASON[9] if l3 == "项目支出预算执行率" else "")
        for l1, l2, l3, target, actual in rows
    ]


def nanjie_report(months: int) -> MonitoringReport:
    col = 1 if months == 6 else 3
    lines = []
    for name, figures in NANJIE.items():
        budget = figures[0]
        lines.append(L(name, budget, budget, figures[col], figures[col + 1],
                       reason=NANJIE_REASON[months] if name == "项目支出" else "",
                       measure=""))
    return build_report(months, lines, nanjie_indicators(months))


@pytest.fixture
def nanjie() -> list[MonitoringReport]:
    return [nanjie_report(6), nanjie_report(9)]


def keys(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.subject.period, f.subject.line) for f in findings}


CONCRETE_REASON = "办公楼维修工程6月底才完成招标，施工合同约定竣工验收后支付工程款"
CONCRETE_MEASURE = "与施工单位约定8月底前完成竣工验收，9月中旬支付工程尾款62万元"


def low_line(reason, measure) -> MonitoringReport:
    return build_report(6, [L("项目支出", None, "134.37", "22.46", "16.72", reason=reason, measure=measure)])


def indicator_report(*rows: dict) -> MonitoringReport:
    return build_report(6, [], list(rows))
