"""MON008 forecast_below_target_but_certain: a forecast short of its target, called certain."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)
from checks.monitoring.mon008_forecast_below_target_but_certain import says_certain

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
