"""LNK002 monitoring_target_changed: a monitoring 年度指标值 that differs from the approved 指标值."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import load_config
from tests.rules.links.builders import *  # noqa: F403 (the monitoring builders and the target tables)


def test_lnk002_qualitative_value_changed():
    changed = replaced("资产管理规范性", ("部门管理", "资产管理", "资产管理规范性", "基本规范"))
    (f,) = run([nanjie_table(2024), build_monitoring(changed)], "LNK002")
    assert f.subject.line == "资产管理规范性"
    assert "年度指标值填报为“基本规范”，与批复的2024年度部门整体支出绩效目标表中的指标值“规范”不一致" in f.message


def test_lnk002_same_target_written_differently_is_fine():
    changed = replaced("项目支出预算执行率", ("部门管理", "资金投入", "项目支出预算执行率", "≥90.0%"))
    changed = [("部门管理", "资金投入", "基本支出预算执行率", "=100%") if r[2] == "基本支出预算执行率" else r
               for r in changed]
    changed = [("部门管理", "制度管理", "内控制度健全性", "健 全") if r[2] == "内控制度健全性" else r for r in changed]
    assert links([nanjie_table(2024), build_monitoring(changed)]) == []
    # a monitoring table that leaves 年度指标值 blank reports nothing to compare
    blank = replaced("固定资产利用率", ("部门管理", "资产管理", "固定资产利用率", ""))
    assert links([nanjie_table(2024), build_monitoring(blank)]) == []

