"""XDC003 project_budgets_mismatch_unit: the unit's projects, summed, exceed its 项目支出."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)


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
