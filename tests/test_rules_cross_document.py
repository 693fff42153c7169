"""Cross-document checks XDC001–XDC004 and annual_execution: the documents of one unit and year
(targets, monitoring periods, final accounts, next year's targets) against each other."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

from conftest import FIXTURES, need_file

from checks import load_config, run_checks
from checks.cross_document import annual_execution
from extractors import extract
from extractors.kinds.final_accounts import parse
from schemas.final_accounts import Publication
from tests.rules.monitoring.builders import L, build_report, nanjie_report
from tests.rules.targets.builders import F2024, F2025, NANJIE_2024_INDICATORS, NANJIE_2025_INDICATORS, UNIT, build_table, nanjie_table

D = Decimal
FINAL = "南街街道办事处2024年度部门决算.pdf"
XDC = ["XDC001", "XDC002", "XDC003", "XDC004"]


@cache
def final_accounts() -> Publication:
    return parse(extract(str(need_file(FIXTURES / "nanjie-2024" / FINAL))))[0]


def run(records, *rule_ids: str):
    return run_checks(records, config=load_config(), only=list(rule_ids or XDC))


def nanjie_all() -> list:
    return [nanjie_table(2024), nanjie_table(2025), nanjie_report(6), nanjie_report(9), final_accounts()]


# ---------------------------------------------------------------- the nanjie submission


def test_nanjie_budgets_agree_and_monitoring_stays_below_the_actual() -> None:
    found = run(nanjie_all(), "XDC001", "XDC002", "XDC003")
    assert found == []


def _expected_xdc004() -> list[tuple]:
    """From the generator's expected files, not from the parser: the 2025 indicators whose name
    and value repeat a 2024 indicator that the planted TGT002/TGT004/TGT005 findings criticise."""
    folder = FIXTURES / "expected" / "nanjie-2024"
    planted = json.loads((folder / "findings.json").read_text("utf-8"))
    criticised = {f["line"] for f in planted if f.get("year") == 2024 and f["rule_id"] in ("TGT002", "TGT005")
                  and f["column"] == "指标值"}
    tables = {}
    for p in folder.glob("*绩效目标表*.json"):
        rec = json.loads(p.read_text("utf-8"))
        t = rec["tables"][0]
        tables[t["year"]] = {i["level3"]: i["value"] for i in t["indicators"]}
    return sorted((UNIT, 2025, name, "指标值") for name in criticised
                  if name in tables[2025] and tables[2025][name] == tables[2024][name])


def test_nanjie_2025_targets_carry_the_criticised_indicators() -> None:
    found = run(nanjie_all(), "XDC004")
    keys = sorted((f.subject.unit, f.subject.year, f.subject.line, f.subject.column) for f in found)
    assert keys == _expected_xdc004()
    assert len(keys) == 10 and "部门履职情况提升性" not in {k[2] for k in keys}  # replaced in 2025
    planted = json.loads((FIXTURES / "expected" / "nanjie-2024" / "findings-xdoc.json").read_text("utf-8"))
    assert sorted((e["unit"], e["year"], e["line"], e["column"]) for e in planted) == keys
    satisfaction = next(f for f in found if f.subject.line == "服务对象满意度")
    assert satisfaction.details["criticised_by"] == ["TGT002", "TGT005"]
    assert "2025年部门整体支出绩效目标表仍沿用“服务对象满意度”（指标值“满意”）" in satisfaction.message
    assert [e.ref.file_name for e in satisfaction.evidence] == [F2025, F2025, F2024, F2024]


def test_nanjie_annual_execution_is_the_seeds_100_percent() -> None:
    found = annual_execution(nanjie_all(), UNIT, 2024)
    assert found is not None
    assert (found.subject, found.budget, found.actual, found.rate, found.source, found.note) == (
        "一般公共预算财政拨款支出", D("1164.62"), D("1164.62"), D("100.00"), "final_accounts", "")
    assert [e.ref.file_name for e in found.evidence] == [FINAL, FINAL]
    # the district prefix is no obstacle, another unit or year is
    assert annual_execution(nanjie_all(), "甘州区南街街道办事处", 2024) is not None
    assert annual_execution(nanjie_all(), "东街街道办事处", 2024) is None
    assert annual_execution(nanjie_all(), UNIT, 2025) is None


def test_annual_execution_falls_back_to_the_latest_monitoring_period() -> None:
    found = annual_execution([nanjie_table(2024), nanjie_report(6), nanjie_report(9)], UNIT, 2024)
    assert found is not None
    # 1-9月 合计: 831.13 ÷ 1164.62 = 71.36%
    assert (found.source, found.period_months, found.budget, found.actual, found.rate) == (
        "monitoring", 9, D("1164.62"), D("831.13"), D("71.36"))
    assert "1-9月" in found.note and "非全年决算数" in found.note
    assert annual_execution([nanjie_report(9)], UNIT, 2024, fallback=False) is None


# ---------------------------------------------------------------- XDC001


def test_xdc001_target_budget_differs_from_monitoring_and_final_accounts() -> None:
    target = build_table(NANJIE_2024_INDICATORS, budget=("1286.43", "1286.43", "—"))
    found = run([target, nanjie_report(6), final_accounts()], "XDC001")
    assert len(found) == 1
    f = found[0]
    assert (f.subject.unit, f.subject.year, f.subject.line, f.subject.column) == (UNIT, 2024, "年度预算", "年初预算数")
    assert f.details["figures"] == {"部门整体支出绩效目标表预算总额": "1286.43",
                                    "1-6月监控表“合计”年初预算数": "1164.62",
                                    "部门决算“一般公共预算财政拨款支出”年初预算数": "1164.62"}
    assert "1286.43万元" in f.message and FINAL in f.message


def test_xdc001_rounding_is_not_a_difference() -> None:
    # one decimal against two: 1164.6 may be 1164.62 printed to one decimal
    target = build_table(NANJIE_2024_INDICATORS, budget=("1164.6", "1164.6", "—"))
    assert run([target, nanjie_report(6)], "XDC001") == []
    other_unit = build_table(NANJIE_2024_INDICATORS, unit="东街街道办事处", budget=("1286.43", "1286.43", "—"))
    assert run([other_unit, nanjie_report(6)], "XDC001") == []  # another unit: nothing to compare


def test_xdc001_leaves_a_budget_adjusted_between_periods_to_mon004() -> None:
    adjusted = build_report(9, [L("合计", "1164.62", "1200.00", "831.13")])
    assert run([nanjie_table(2024), nanjie_report(6), adjusted], "XDC001") == []
    # but an approved budget the monitoring table misquotes is an inconsistency
    misquoted = build_report(9, [L("合计", "1146.62", "1164.62", "831.13")])
    found = run([nanjie_table(2024), misquoted], "XDC001")
    assert [(f.subject.column, f.details["figures"]["1-9月监控表“合计”年初预算数"]) for f in found] == [
        ("年初预算数", "1146.62")]


# ---------------------------------------------------------------- XDC002


def test_xdc002_monitoring_executed_above_the_years_actual() -> None:
    report = build_report(9, [L("合计", "1164.62", "1164.62", "1170.00"), L("基本支出", "1030.25", "1030.25", "900.00"),
                              L("项目支出", "134.37", "134.37", "140.00")])
    found = run([report, final_accounts()], "XDC002")
    assert sorted((f.subject.period, f.subject.line) for f in found) == [("1-9月", "合计"), ("1-9月", "项目支出")]
    # 人员经费 against the 基本支出决算表's 人员经费合计 (958.63)
    personnel = build_report(9, [L("人员经费", "958.63", "958.63", "960.00")])
    assert [f.details["actual"] for f in run([personnel, final_accounts()], "XDC002")] == ["958.63"]
    total = next(f for f in found if f.subject.line == "合计")
    assert total.details["excess"] == "5.38" and "1170.00万元" in total.message and "1164.62万元" in total.message


def test_xdc002_not_without_final_accounts_nor_below_the_actual() -> None:
    report = build_report(9, [L("合计", "1164.62", "1164.62", "1164.62"), L("人员经费", "958.63", "958.63", "958.63")])
    assert run([report, final_accounts()], "XDC002") == []
    over = build_report(9, [L("合计", "1164.62", "1164.62", "1200.00")])
    assert run([over], "XDC002") == []


# ---------------------------------------------------------------- XDC003


def _project(name: str, budget: str):
    return build_report(9, [L("资金总额", budget, budget, "10.00")], kind="project", project=name)


def test_xdc003_project_tables_exceed_the_unit_project_line() -> None:
    found = run([nanjie_report(9), _project("社区宣传项目", "100.00"), _project("办公保障项目", "50.00")], "XDC003")
    assert len(found) == 1
    f = found[0]
    assert f.details["sum"] == "150.00" and f.details["unit_line"] == "134.37" and f.details["difference"] == "15.63"
    assert "“社区宣传项目”100.00万元" in f.message and "1-9月部门整体监控表“项目支出”全年预算数134.37万元" in f.message


def test_xdc003_a_subset_of_projects_or_an_exact_sum_raises_nothing() -> None:
    assert run([nanjie_report(9), _project("社区宣传项目", "100.00"), _project("办公保障项目", "34.37")], "XDC003") == []
    assert run([nanjie_report(9), _project("社区宣传项目", "100.00")], "XDC003") == []
    config = load_config()
    config["rules"]["XDC003"]["params"]["flag_shortfall"] = True
    found = run_checks([nanjie_report(9), _project("社区宣传项目", "100.00")], config=config, only=["XDC003"])
    assert [f.details["difference"] for f in found] == ["-34.37"]


# ---------------------------------------------------------------- XDC004


def test_xdc004_not_when_next_year_fixed_the_indicators() -> None:
    fixed = [(l1, l2, l3, "≥95%" if value in ("完整", "健全", "规范", "达标", "满意", "较好") else value)
             for l1, l2, l3, value in NANJIE_2025_INDICATORS]
    assert run([nanjie_table(2024), build_table(fixed, year=2025, fmt="docx")], "XDC004") == []
    # no next year's table, or next year's table of another unit: nothing to compare
    assert run([nanjie_table(2024)], "XDC004") == []
    other = build_table(NANJIE_2025_INDICATORS, year=2025, fmt="docx", unit="东街街道办事处")
    assert run([nanjie_table(2024), other], "XDC004") == []


def test_xdc004_respects_the_criticising_rules_configuration() -> None:
    config = load_config()
    config["rules"]["TGT002"]["enabled"] = False
    found = run_checks([nanjie_table(2024), nanjie_table(2025)], config=config, only=["XDC004"])
    assert sorted(f.subject.line for f in found) == ["服务对象满意度", "社会影响满意度", "部门效果达标率"]


# ---------------------------------------------------------------- the rubric's use of XDC004


def test_e3_takes_half_a_point_per_carried_indicator_at_most_one() -> None:
    from scoring import load_rubric
    from scoring.methods import Context, deduct_per_finding

    e3 = load_rubric().sub_indicator("E3")
    part = next(p for p in e3.rule.parts if "XDC004" in (p.model_extra or {}).get("rules", []))
    found = run(nanjie_all(), "XDC004")  # findings of the 2025 table, scored on the 2024 card
    one = deduct_per_finding(part, Context(UNIT, 2024, found[:1], []))
    assert one.deduct == D("0.5")
    result = deduct_per_finding(part, Context(UNIT, 2024, found, []))
    assert result.deduct == D("1") and len(result.deduction.fingerprints) == 10
    assert deduct_per_finding(part, Context(UNIT, 2024, [], [])).deduct == 0


def test_xdc001_adjusted_budget_of_the_final_accounts_against_the_latest_period() -> None:
    pub = final_accounts()
    ex = next(e for e in pub.executions if e.subject == "一般公共预算财政拨款支出")
    adjusted = ex.model_copy(update={"budget_kind": "全年预算",
                                     "budget": ex.budget.model_copy(update={"value": D("1200.00"), "raw": "1200.00万元"})})
    changed = pub.model_copy(update={"executions": [adjusted]})
    found = run([nanjie_report(6), nanjie_report(9), changed], "XDC001")
    assert [(f.subject.column, f.details["figures"]) for f in found] == [
        ("全年预算数", {"1-9月监控表“合计”全年预算数": "1164.62", "部门决算“一般公共预算财政拨款支出”全年预算数": "1200.00"})]
    same = pub.model_copy(update={"executions": [ex.model_copy(update={"budget_kind": "全年预算"})]})
    assert run([nanjie_report(6), nanjie_report(9), same], "XDC001") == []
