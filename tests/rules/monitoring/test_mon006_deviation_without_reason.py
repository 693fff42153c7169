"""MON006 deviation_without_reason: a slow line whose 偏差原因 says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


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
