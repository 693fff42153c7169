"""RPT002 report_amount_mismatch: stated amounts against the monitoring table, the target table and the final accounts."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt002_stated_amount_against_the_monitoring_table():
    found = ids([clean_report(), table(basic_exec="476.99", rate_basic="46.30")], "RPT002")
    assert [(f.subject.line, f.subject.column, f.details["stated"], f.details["table_value"]) for f in found] == [
        ("基本支出", "执行数", "486.99", "476.99")]
    assert "相差10.00万元" in found[0].message
    assert ids([clean_report(), table()], "RPT002") == []
    # another period's table is not compared
    assert ids([clean_report(), table(months=9, basic_exec="476.99")], "RPT002") == []


def test_rpt002_initial_budget_against_the_target_table_in_any_period():
    stated = clean_report(CLEAN_BUDGET.replace("2024年全年预算", "2024年年初预算1164.62万元，全年预算"))
    assert ids([stated, target_table("1164.62")], "RPT002") == []
    found = ids([stated, target_table("1286.43")], "RPT002")
    assert [(f.subject.line, f.subject.column, f.details["table_value"]) for f in found] == [
        ("合计", "年初预算数", "1286.43")]
    assert "2024年度部门整体支出绩效目标表中为1286.43万元" in found[0].message
    # a project's target table is not the unit's budget
    assert ids([stated, target_table("1286.43", kind="project")], "RPT002") == []


def test_rpt002_the_years_execution_against_the_final_accounts():
    stated = report("一、预算执行情况", YEAR_BUDGET, "二、绩效目标完成情况", "年度各项绩效指标均已完成，部门履职和社会效益达到预期目标。",
                    title=SELF_EVALUATION)
    assert ids([stated, final_accounts("1164.62", "1030.25", "134.37")], "RPT002") == []
    found = ids([stated, final_accounts("1164.62", "1030.25", "130.37")], "RPT002")
    assert [(f.subject.period, f.subject.line, f.subject.column) for f in found] == [("全年", "项目支出", "执行数")]
    assert "2024年度部门决算支出决算表中为130.37万元" in found[0].message
    # a monitoring report's 1-6月 execution is not the year's
    assert ids([clean_report(), final_accounts("1164.62", "1030.25", "130.37")], "RPT002") == []


def test_rpt002_a_table_naming_the_unit_with_its_district_is_the_same_unit():
    full = build_report(6, [L("合计", "1164.62", "1164.62", "509.47", "43.75"),
                            L("基本支出", "1030.25", "1030.25", "476.99", "46.30")], unit="甘州区" + UNIT)
    assert [f.subject.line for f in ids([clean_report(), full], "RPT002")] == ["基本支出"]
    other = build_report(6, [L("基本支出", "1030.25", "1030.25", "476.99", "46.30")], unit="北街街道办事处")
    assert ids([clean_report(), other], "RPT002") == []
