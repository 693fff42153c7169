"""XDC002 monitoring_exceeds_final_accounts: a monitoring period executed more than the year's 决算."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)


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
