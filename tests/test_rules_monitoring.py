"""Monitoring cross-checks MON001–MON008, on MonitoringReport records built by hand.

Figures of the nanjie-2024 sample come from the submission's description (fixed figures every
part of the project uses); the other cases are small constructed tables.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from checks.monitoring import analyse_text, is_boilerplate, says_certain
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


def test_nanjie_expected_findings_and_nothing_else(nanjie):
    findings = run_checks(nanjie, config=load_config())
    expected = {
        (rule_id, period, line)
        for period in ("1-6月", "1-9月")
        for rule_id, line in [("MON001", "基本支出"), ("MON001", "项目支出"), ("MON005", "项目支出"),
                              ("MON006", "项目支出"), ("MON007", "项目支出")]
    }
    assert keys(findings) == expected
    assert len(findings) == len(expected)  # no duplicates
    assert all(f.subject.unit == UNIT and f.subject.year == 2024 and f.subject.project == ""
               for f in findings)


def test_nanjie_rate_findings_name_the_denominator(nanjie):
    found = {(f.subject.period, f.subject.line): f for f in run(nanjie, "MON001")}
    expected = {
        ("1-6月", "基本支出"): ("43.75", "49.45", "509.47", "1030.25"),
        ("1-6月", "项目支出"): ("1.93", "16.72", "22.46", "134.37"),
        ("1-9月", "基本支出"): ("66.05", "74.67", "769.28", "1030.25"),
        ("1-9月", "项目支出"): ("5.31", "46.03", "61.85", "134.37"),
    }
    assert set(found) == set(expected)
    for key, (reported, computed, executed, budget) in expected.items():
        f = found[key]
        assert f.severity is Severity.ERROR
        assert f.subject.column == "执行率"
        assert f.details["reported"] == reported
        assert f.details["computed"] == computed
        assert f.details["matched_denominator"] == "全年预算数（合计）"
        assert f.details["matched_value"] == "1164.62"
        assert f.details["matched_rate"] == reported
        assert f"执行率填报为{reported}%" in f.message
        assert f"执行数{executed}万元÷全年预算数{budget}万元计算应为{computed}%" in f.message
        assert "“合计”全年预算数1164.62万元" in f.message and "疑为分母取错" in f.message
    first = found[("1-6月", "基本支出")]
    assert first.message.startswith(
        "南街街道办事处2024年1-6月部门整体绩效运行监控表中，“基本支出”执行率填报为43.75%，"
        "按1-6月执行数509.47万元÷全年预算数1030.25万元计算应为49.45%；"
        "填报值与按“合计”全年预算数1164.62万元计算的结果（43.75%）一致，疑为分母取错。"
    )
    # evidence: the rate, executed and budget of 基本支出 (row 7) and 合计's budget (row 6)
    assert labels(first) == [cell(7, "rate"), cell(7, "executed"), cell(7, "annual"), cell(6, "annual")]
    assert [e.raw for e in first.evidence] == ["43.75", "509.47", "1030.25", "1164.62"]
    assert first.evidence[1].role == "1-6月执行数（基本支出）"
    assert first.text.endswith(
        f"（来源：{file_name(6)} {cell(7, 'rate')}、{cell(7, 'executed')}、{cell(7, 'annual')}、{cell(6, 'annual')}）"
    )


def test_nanjie_progress_findings(nanjie):
    findings = run_checks(nanjie, config=load_config(), only=["MON005", "MON006", "MON007"])
    by_key = {(f.rule_id, f.subject.period): f for f in findings}
    low6, low9 = by_key[("MON005", "1-6月")], by_key[("MON005", "1-9月")]
    assert (low6.details["computed"], low6.details["threshold"], low6.details["time_progress"]) == ("16.72", "40", "50")
    assert (low9.details["computed"], low9.details["threshold"], low9.details["time_progress"]) == ("46.03", "70", "75")
    assert "执行率为16.72%" in low6.message and "低于1-6月预警值40%" in low6.message
    assert "低于1-9月预警值70%（序时进度75%）" in low9.message
    assert labels(low6) == [cell(10, "executed"), cell(10, "annual")]
    reason6 = by_key[("MON006", "1-6月")]
    assert reason6.subject.column == "偏差原因"
    assert "偏差原因仅填写“部分项目不具备付款条件”" in reason6.message
    assert reason6.details["matched_boilerplate"] == "不具备付款条件"
    assert labels(reason6)[-1] == cell(10, "reason")
    assert "偏差原因仅填写“项目尚不具备付款条件”" in by_key[("MON006", "1-9月")].message
    measure9 = by_key[("MON007", "1-9月")]
    assert measure9.subject.column == "改进措施"
    assert "但未填写改进措施" in measure9.message
    assert labels(measure9) == [cell(10, "executed"), cell(10, "annual"), cell(10, "measure")]


# ---------------------------------------------------------------- MON001


def test_mon001_matches_own_initial_budget():
    r = build_report(6, [L("合计", "800.00", "1000.00", "400.00", "50.00")])
    (f,) = run([r], "MON001")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="合计", column="执行率")
    assert (f.details["reported"], f.details["computed"]) == ("50.00", "40.00")
    assert f.details["matched_denominator"] == "年初预算数（合计）"
    assert "填报值与按“合计”年初预算数800.00万元计算的结果（50.00%）一致" in f.message
    assert labels(f) == [cell(6, "rate"), cell(6, "executed"), cell(6, "annual"), cell(6, "initial")]


def test_mon001_matches_another_lines_executed():
    r = build_report(6, [
        L("基本支出", None, "1000.00", "400.00", "45.00"),
        L("人员经费", None, "900.00", "450.00", "50.00"),
    ])
    (f,) = run([r], "MON001")
    assert f.subject.line == "基本支出"
    assert f.details["matched_numerator"] == "1-6月执行数（人员经费）"
    assert "填报值与按“人员经费”1-6月执行数450.00万元计算的结果（45.00%）一致，疑为分子取错" in f.message
    assert labels(f)[-1] == cell(7, "executed")


def test_mon001_without_an_explanation():
    r = build_report(6, [L("合计", None, "1000.00", "394.10", "10.74")])
    (f,) = run([r], "MON001")
    assert (f.details["reported"], f.details["computed"], f.details["tolerance"]) == ("10.74", "39.41", "0.01")
    assert not any(k.startswith("matched") for k in f.details)
    assert "计算应为39.41%，填报值有误" in f.message
    assert len(f.evidence) == 3


def test_mon001_computed_rate_rounds_half_up_to_reported_decimals():
    # 49.445 % shown with one decimal as the report printed it
    r = build_report(6, [L("合计", None, "2000.00", "988.90", "40.0")])
    (f,) = run([r], "MON001")
    assert f.details["computed"] == "49.4"
    assert f.details["computed_exact"] == "49.445000"


@pytest.mark.parametrize(
    "executed, budget, reported",
    [("592.85", "1000.00", "59.28"), ("592.85", "1000.00", "59.29"),
     ("5369.78", "10000.00", "53.69"), ("722.60", "1000.00", "72.3")],
)
def test_mon001_rounding_conventions_are_not_findings(executed, budget, reported):
    r = build_report(6, [L("合计", None, budget, executed, reported)])
    assert run([r], "MON001") == []


@pytest.mark.parametrize("budget", ["0", "0.00", "-", None])
def test_mon001_no_rate_rules_without_a_budget(budget):
    r = build_report(6, [L("项目支出", None, budget, "10.00", "12.00")])
    assert run([r], "MON001") == []
    assert run([r], "MON005") == []


# ---------------------------------------------------------------- MON002


def test_mon002_total_differs_from_parts_in_executed():
    r = build_report(6, [
        L("合计", None, "1164.62", "531.95"),
        L("基本支出", None, "1030.25", "509.47"),
        L("项目支出", None, "134.37", "22.46"),
    ])
    (f,) = run([r], "MON002")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="合计", column="执行数")
    assert f.details == {"reported": "531.95", "computed": "531.93", "difference": "0.02",
                         "tolerance": "0.015", "parts": "基本支出、项目支出"}
    assert labels(f) == [cell(6, "executed"), cell(7, "executed"), cell(8, "executed")]
    assert ("“合计”1-6月执行数填报为531.95万元，与“基本支出”509.47万元＋“项目支出”22.46万元之和531.93万元不一致，"
            "相差0.02万元，超出四舍五入误差（0.015万元）") in f.message


def test_mon002_basic_expenditure_in_initial_budget():
    r = build_report(6, [
        L("基本支出", "1030.30", "1030.25", "509.47"),
        L("人员经费", "958.63", "958.63", "479.32"),
        L("公用经费", "71.62", "71.62", "30.15"),
    ])
    (f,) = run([r], "MON002")
    assert (f.subject.line, f.subject.column) == ("基本支出", "年初预算数")
    assert f.details["difference"] == "0.05"
    assert labels(f) == [cell(6, "initial"), cell(7, "initial"), cell(8, "initial")]


def test_mon002_project_total_with_blank_other_funds():
    r = build_report(6, [
        L("资金总额", None, "50.02", "10.00"),
        L("财政拨款", None, "50.00", "10.00"),
        L("其他资金", None, "-", "-"),
    ], kind="project", project="老旧小区改造项目")
    (f,) = run([r], "MON002")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", project="老旧小区改造项目",
                                line="资金总额", column="全年预算数")
    assert f.details["tolerance"] == "0.010"
    assert f.message.startswith(f"{UNIT}2024年1-6月“老旧小区改造项目”项目支出绩效运行监控表中")


def test_mon002_one_cent_with_two_parts_is_rounding():
    r = build_report(6, [
        L("合计", "1164.63", "1164.61", "531.94"),
        L("基本支出", "1030.25", "1030.25", "509.47"),
        L("项目支出", "134.37", "134.37", "22.46"),
    ])
    assert run([r], "MON002") == []


def test_mon002_needs_every_part():
    r = build_report(6, [L("合计", None, "1164.62", "600.00"), L("基本支出", None, "1030.25", "509.47")])
    assert run([r], "MON002") == []


# ---------------------------------------------------------------- MON003


def test_mon003_cumulative_executed_decreases():
    r6 = build_report(6, [L("合计", None, "1164.62", "531.93"), L("项目支出", None, "134.37", "22.46")])
    r9 = build_report(9, [L("合计", None, "1164.62", "831.13"), L("项目支出", None, "134.37", "20.00")])
    (f,) = run([r9, r6], "MON003")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-9月", line="项目支出", column="执行数")
    assert (f.details["earlier"], f.details["later"], f.details["decrease"]) == ("22.46", "20.00", "2.46")
    assert [e.ref.file_name for e in f.evidence] == [file_name(6), file_name(9)]
    assert labels(f) == [cell(7, "executed"), cell(7, "executed")]
    assert "“项目支出”1-9月累计执行数20.00万元小于1-6月累计执行数22.46万元（减少2.46万元）" in f.message


def test_mon003_compares_consecutive_periods_of_the_same_table_only():
    reports = [
        build_report(3, [L("项目支出", None, "134.37", "30.00")]),
        build_report(6, [L("项目支出", None, "134.37", "22.46")]),
        build_report(9, [L("项目支出", None, "134.37", "61.85")]),
        # another project's table and another unit: never compared with the unit-wide table
        build_report(9, [L("项目支出", None, "134.37", "5.00")], kind="project", project="环卫项目"),
        build_report(9, [L("项目支出", None, "134.37", "1.00")], unit="东街街道办事处"),
    ]
    findings = run(reports, "MON003")
    assert [(f.subject.unit, f.subject.period, f.subject.project) for f in findings] == [(UNIT, "1-6月", "")]


def test_mon003_equal_or_growing_is_fine():
    r6 = build_report(6, [L("合计", None, "1164.62", "531.93")])
    r9 = build_report(9, [L("合计", None, "1164.62", "531.93")])
    assert run([r6, r9], "MON003") == []


# ---------------------------------------------------------------- MON004


def test_mon004_budget_changed_without_explanation():
    r6 = build_report(6, [L("基本支出", "1030.25", "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", "1030.25", "1050.25", "769.28", reason="", measure="加快支付进度")])
    (f,) = run([r6, r9], "MON004")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-9月", line="基本支出", column="全年预算数")
    assert (f.details["earlier"], f.details["later"], f.details["change"]) == ("1030.25", "1050.25", "+20.00")
    assert labels(f) == [cell(6, "annual"), cell(6, "annual"), cell(6, "measure")]
    assert [e.role for e in f.evidence[:2]] == ["1-6月表全年预算数（基本支出）", "1-9月表全年预算数（基本支出）"]
    assert "全年预算数由1-6月的1030.25万元变为1-9月的1050.25万元（+20.00万元）" in f.message


def test_mon004_budget_change_with_an_explanation():
    r6 = build_report(6, [L("基本支出", "1030.25", "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", "1030.25", "1050.25", "769.28",
                            reason="8月追加人员经费20万元，全年预算数相应调增")])
    assert run([r6, r9], "MON004") == []


def test_mon004_same_budget_printed_in_yuan_is_no_change():
    r6 = build_report(6, [L("基本支出", None, "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", None, "10,302,500.00", "7,692,800.00")], printed_unit="元")
    assert run([r6, r9], "MON004") == []


def test_mon004_keywords_are_configurable(tmp_path: Path):
    r6 = build_report(6, [L("基本支出", None, "1030.25", "509.47")])
    r9 = build_report(9, [L("基本支出", None, "1000.25", "769.28", reason="上级收回部分资金")])
    assert run([r6, r9], "MON004") == []  # 收回 is a default keyword
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON004:\n    params:\n      adjustment_keywords: [调整]\n", encoding="utf-8")
    (f,) = run([r6, r9], "MON004", config=load_config(user))
    assert f.details["change"] == "-30.00"


# ---------------------------------------------------------------- MON005


def test_mon005_boundary_uses_the_printed_amounts():
    # 40.00 % may be exactly the threshold: not certainly below. 39.99 % is.
    at = build_report(6, [L("项目支出", None, "100.00", "40.00", "40.00")])
    below = build_report(6, [L("项目支出", None, "100.00", "39.99", "39.99")])
    assert run([at], "MON005") == []
    (f,) = run([below], "MON005")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出", column="执行率")
    assert (f.details["computed"], f.details["threshold"]) == ("39.99", "40")


def test_mon005_uses_the_computed_rate_not_the_reported_one():
    # reported 45.00 % looks fine; the amounts say 16.72 %
    r = build_report(6, [L("项目支出", None, "134.37", "22.46", "45.00")])
    (f,) = run([r], "MON005")
    assert f.details["computed"] == "16.72"


def test_mon005_interpolates_unlisted_periods():
    r9 = build_report(9, [L("合计", None, "100.00", "69.00"), L("人员经费", None, "100.00", "71.36")])
    (f,) = run([r9], "MON005")
    assert (f.subject.line, f.details["threshold"]) == ("合计", "70")
    r5 = build_report(5, [L("合计", None, "100.00", "32.00")])
    (f5,) = run([r5], "MON005")
    assert f5.details["threshold"] == "32.5"
    assert "（序时进度41.67%）" in f5.message


# ---------------------------------------------------------------- MON006 / MON007

CONCRETE_REASON = "办公楼维修工程6月底才完成招标，施工合同约定竣工验收后支付工程款"
CONCRETE_MEASURE = "与施工单位约定8月底前完成竣工验收，9月中旬支付工程尾款62万元"


def low_line(reason, measure) -> MonitoringReport:
    return build_report(6, [L("项目支出", None, "134.37", "22.46", "16.72", reason=reason, measure=measure)])


def test_mon006_empty_reason():
    (f,) = run([low_line("", CONCRETE_MEASURE)], "MON006")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出", column="偏差原因")
    assert "但未填写偏差原因" in f.message
    (g,) = run([low_line(None, CONCRETE_MEASURE)], "MON006")  # no reason column at all
    assert labels(g) == [cell(6, "executed"), cell(6, "annual")]


@pytest.mark.parametrize("reason", ["尚未支付", "部分项目暂不具备付款条件", "项目正在推进，按进度支付", "无"])
def test_mon006_boilerplate_reasons(reason):
    (f,) = run([low_line(reason, CONCRETE_MEASURE)], "MON006")
    assert f.details["text"] == reason
    assert f"偏差原因仅填写“{reason}”" in f.message


def test_mon006_concrete_reason_is_fine():
    assert run([low_line(CONCRETE_REASON, CONCRETE_MEASURE)], "MON006") == []
    # a stock phrase followed by the concrete circumstances is fine too
    assert run([low_line("不具备付款条件：" + CONCRETE_REASON, "")], "MON006") == []


def test_mon006_only_below_the_threshold():
    r = build_report(6, [L("合计", None, "1164.62", "531.93", "45.67", reason="不具备付款条件", measure="")])
    assert run([r], "MON006") == []
    assert run([r], "MON007") == []


@pytest.mark.parametrize("measure", ["加快项目进度，加强管理", "进一步加快预算执行进度", "加强学习，细化措施"])
def test_mon007_boilerplate_measures(measure):
    (f,) = run([low_line(CONCRETE_REASON, measure)], "MON007")
    assert f.subject.column == "改进措施"
    assert f"改进措施仅填写“{measure}”" in f.message
    assert labels(f)[-1] == cell(6, "measure")


def test_mon007_concrete_measure_is_fine():
    assert run([low_line(CONCRETE_REASON, CONCRETE_MEASURE)], "MON007") == []


def test_boilerplate_analysis():
    cfg = load_config()["rules"]["MON006"]["params"]
    a = analyse_text("部分项目不具备付款条件", cfg["boilerplate"], cfg["filler_words"])
    assert (a.residue, a.matched, a.substantive_chars) == ("", ("不具备付款条件",), 0)
    b = analyse_text(CONCRETE_REASON, cfg["boilerplate"], cfg["filler_words"])
    assert not is_boilerplate(b, 6) and b.substantive_chars >= 20
    c = analyse_text("工程未验收", cfg["boilerplate"], cfg["filler_words"])
    assert c.substantive_chars == 2 and is_boilerplate(c, 6)


# ---------------------------------------------------------------- MON008


def indicator_report(*rows: dict) -> MonitoringReport:
    return build_report(6, [], list(rows))


def test_mon008_forecast_below_target_but_certain():
    r = indicator_report(I("部门管理", "资金投入", "项目支出预算执行率", "≥90%", "16.72%", "85%"))
    (f,) = run([r], "MON008")
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出预算执行率",
                                column="全年预计完成值")
    assert (f.details["target_number"], f.details["forecast_number"]) == ("90", "85")
    assert labels(f) == [f"{SHEET}!D20", f"{SHEET}!F20", f"{SHEET}!H20"]
    assert "年度指标值为≥90%，全年预计完成值为85%" in f.message and "填报为“确定能”" in f.message


def test_mon008_upper_bound_target():
    r = indicator_report(I("部门管理", "资金投入", "“三公经费”控制率", "≤100%", "60%", "105%"))
    (f,) = run([r], "MON008")
    assert f.details["target_operator"] == "≤"


@pytest.mark.parametrize(
    "target, forecast, likelihood",
    [("≥90%", "85%", "有可能"),  # not certain: no contradiction
     ("≥90%", "85%", "不确定能否完成"),
     ("≤100%", "95%", "确定能"),  # below an upper bound is good
     ("≥90%", "90%", "确定能"),
     ("完整", "基本完整", "确定能")],  # qualitative: not compared
)
def test_mon008_no_contradiction(target, forecast, likelihood):
    r = indicator_report(I("部门管理", "资金投入", "某指标", target, forecast, forecast, likelihood))
    assert run([r], "MON008") == []


def test_mon008_duplicate_indicator_names_are_qualified():
    r = indicator_report(
        I("部门效果", "服务对象满意度", "满意度", "≥90%", "85%", "85%"),
        I("部门效果", "社会影响满意度", "满意度", "≥90%", "85%", "85%"),
    )
    lines = sorted(f.subject.line for f in run([r], "MON008"))
    assert lines == ["服务对象满意度-满意度", "社会影响满意度-满意度"]


def test_says_certain():
    assert says_certain("确定能", ["确定能"], ["不"])
    assert says_certain(" 确定能 ", ["确定能"], ["不"])
    assert not says_certain("有可能", ["确定能"], ["不"])
    assert not says_certain("不确定能否", ["确定能"], ["不"])


# ---------------------------------------------------------------- configuration is data


def test_user_threshold_changes_the_result(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("settings:\n  execution_thresholds:\n    6: 15\n", encoding="utf-8")
    findings = run_checks(nanjie, config=load_config(user), only=["MON005", "MON006", "MON007"])
    # 16.72 % is above 15 %; 1-9月 is now interpolated between 6:15 and 12:100 → 57.5 %
    assert keys(findings) == {("MON005", "1-9月", "项目支出"), ("MON006", "1-9月", "项目支出"),
                              ("MON007", "1-9月", "项目支出")}
    assert {f.details["threshold"] for f in findings} == {"57.5"}


def test_user_severity_and_enabled_change_the_result(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON001:\n    severity: warning\n  MON007:\n    enabled: false\n",
                    encoding="utf-8")
    config = load_config(user)
    findings = run_checks(nanjie, config=config)
    mon001 = [f for f in findings if f.rule_id == "MON001"]
    assert len(mon001) == 4 and {f.severity for f in mon001} == {Severity.WARNING}
    assert all("疑为分母取错" in f.message for f in mon001)  # default message kept
    assert not any(f.rule_id == "MON007" for f in findings)
    assert len(findings) == 8


def test_user_message_template_is_used(tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON005:\n    message: \"{line}执行率{computed}%，预警值{threshold}%\"\n",
                    encoding="utf-8")
    r = build_report(6, [L("项目支出", None, "134.37", "22.46")])
    (f,) = run([r], "MON005", config=load_config(user))
    assert f.message == "项目支出执行率16.72%，预警值40%"


# ---------------------------------------------------------------- catalogue


EXPECTED_RULES = {
    "MON001": ("execution_rate_mismatch", "error"),
    "MON002": ("line_sum_mismatch", "error"),
    "MON003": ("cumulative_decrease", "error"),
    "MON004": ("annual_budget_changed", "warning"),
    "MON005": ("execution_below_threshold", "warning"),
    "MON006": ("deviation_without_reason", "warning"),
    "MON007": ("deviation_without_measure", "warning"),
    "MON008": ("forecast_below_target_but_certain", "warning"),
    "MON009": ("negative_amount", "error"),
}


def test_catalogue_entries():
    rules = all_rules()
    config = load_config()["rules"]
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert len({r.name for r in rules}) == len(rules)
    for r in rules:
        entry = config[r.id]
        assert entry["severity"] in {s.value for s in Severity}
        assert isinstance(entry["message"], str) and entry["message"].strip()
        assert "enabled" in entry
    monitoring = {r.id: r for r in rules if r.func.__module__ == "checks.monitoring"}
    assert all(re.fullmatch(r"MON\d{3}", rid) for rid in monitoring)
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in monitoring.items()} == EXPECTED_RULES


# ---------------------------------------------------------------- MON009


def test_mon009_names_a_negative_budget_or_execution_figure():
    r = build_report(6, [L("合计", "1000.00", "1000.00", "500.00", "50.00"),
                         L("人员经费", "-958.63", "958.63", "-12.50", None)])
    found = run([r], "MON009")
    assert [(f.subject.line, f.subject.column) for f in found] == [("人员经费", "年初预算数"), ("人员经费", "执行数")]
    first, second = found
    assert first.severity is Severity.ERROR
    assert "“人员经费”的年初预算数为负数（-958.63万元）" in first.message
    assert labels(first) == [cell(7, "initial")] and labels(second) == [cell(7, "executed")]
    assert "1-6月执行数为负数（-12.50万元）" in second.message


def test_mon009_is_silent_on_zero_and_positive_figures():
    r = build_report(9, [L("合计", "0.00", "1000.00", "0", "0.00"), L("公用经费", "10.00", "12.00", "3.00", "25.00")])
    assert run([r], "MON009") == []
