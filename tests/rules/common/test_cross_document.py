"""checks/common/cross_document.py: the year's execution rate of a unit (rubric E1)."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)


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
