"""LNK001–LNK002 together on nanjie-2024's approved targets and its monitoring periods."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import load_config
from tests.rules.links.builders import *  # noqa: F403 (the monitoring builders and the target tables)


def test_nanjie_monitoring_matches_the_approved_targets():
    records = [nanjie_table(2024), nanjie_table(2025),
               build_monitoring(NANJIE_2024_INDICATORS, months=6), build_monitoring(NANJIE_2024_INDICATORS, months=9)]
    assert links(records) == []


def test_nanjie_changed_target_is_found_in_each_period():
    changed = replaced("项目支出预算执行率", ("部门管理", "资金投入", "项目支出预算执行率", "≥85%"))
    records = [nanjie_table(2024), nanjie_table(2025), build_monitoring(changed, months=6),
               build_monitoring(changed, months=9)]
    found = links(records)
    assert {(f.rule_id, f.subject.period, f.subject.line) for f in found} == {
        ("LNK002", "1-6月", "项目支出预算执行率"), ("LNK002", "1-9月", "项目支出预算执行率")}
    f = next(x for x in found if x.subject.period == "1-6月")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出预算执行率", column="年度指标值")
    assert (f.details["monitored"], f.details["approved"]) == ("≥85%", "≥90%")
    assert f.text == (
        "南街街道办事处2024年1-6月部门整体绩效运行监控表中，指标“项目支出预算执行率”的年度指标值填报为“≥85%”，"
        "与批复的2024年度部门整体支出绩效目标表中的指标值“≥90%”不一致，请核实是否经批准调整。"
        f"（来源：{monitoring_file(6, UNIT, 2024)} 监控表!D22；{F2024} 第1页 表1 第14行第4列）"
    )
    assert [e.ref.label for e in f.evidence] == ["监控表!D22", pdf_cell(14, 4)]
    assert [e.raw for e in f.evidence] == ["≥85%", "≥90%"]
    assert [e.role for e in f.evidence] == ["年度指标值（项目支出预算执行率）", "批复指标值（项目支出预算执行率）"]


# ---------------------------------------------------------------- LNK001

