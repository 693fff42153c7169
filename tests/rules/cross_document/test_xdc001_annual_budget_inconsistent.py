"""XDC001 annual_budget_inconsistent: the unit's budget of the year differs between its documents."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)


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
