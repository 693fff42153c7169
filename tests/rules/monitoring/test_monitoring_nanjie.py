"""The MON rules together on the nanjie-2024 monitoring tables (1-6月 and 1-9月), and their
configuration as data (thresholds, severities, templates from a user's rules file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


def test_nanjie_expected_findings_and_nothing_else(nanjie):
    findings = run_checks(nanjie, config=load_config())
    expected = {
        (rule_id, period, line)
        for period in ("1-6月", "1-9月")
        for rule_id, line in [("MON001", "基本支出"), ("MON001", "项目支出"), ("MON005", "项目支出"),
                              ("MON006", "项目支出"), ("MON007", "项目支出")]
    }
    assert keys(findings) == expected
    assert len(findings) == len(expected)  # no duplicates
    assert all(f.subject.unit == UNIT and f.subject.year == 2024 and f.subject.project == ""
               for f in findings)


def test_nanjie_rate_findings_name_the_denominator(nanjie):
    found = {(f.subject.period, f.subject.line): f for f in run(nanjie, "MON001")}
    expected = {
        ("1-6月", "基本支出"): ("43.75", "49.45", "509.47", "1030.25"),
        ("1-6月", "项目支出"): ("1.93", "16.72", "22.46", "134.37"),
        ("1-9月", "基本支出"): ("66.05", "74.67", "769.28", "1030.25"),
        ("1-9月", "项目支出"): ("5.31", "46.03", "61.85", "134.37"),
    }
    assert set(found) == set(expected)
    for key, (reported, computed, executed, budget) in expected.items():
        f = found[key]
        assert f.severity is Severity.ERROR
        assert f.subject.column == "执行率"
        assert f.details["reported"] == reported
        assert f.details["computed"] == computed
        assert f.details["matched_denominator"] == "全年预算数（合计）"
        assert f.details["matched_value"] == "1164.62"
        assert f.details["matched_rate"] == reported
        assert f"执行率填报为{reported}%" in f.message
        assert f"执行数{executed}万元÷全年预算数{budget}万元计算应为{computed}%" in f.message
        assert "“合计”全年预算数1164.62万元" in f.message and "疑为分母取错" in f.message
    first = found[("1-6月", "基本支出")]
    assert first.message.startswith(
        "南街街道办事处2024年1-6月部门整体绩效运行监控表中，“基本支出”执行率填报为43.75%，"
        "按1-6月执行数509.47万元÷全年预算数1030.25万元计算应为49.45%；"
        "填报值与按“合计”全年预算数1164.62万元计算的结果（43.75%）一致，疑为分母取错。"
    )
    # evidence: the rate, executed and budget of 基本支出 (row 7) and 合计's budget (row 6)
    assert labels(first) == [cell(7, "rate"), cell(7, "executed"), cell(7, "annual"), cell(6, "annual")]
    assert [e.raw for e in first.evidence] == ["43.75", "509.47", "1030.25", "1164.62"]
    assert first.evidence[1].role == "1-6月执行数（基本支出）"
    assert first.text.endswith(
        f"（来源：{file_name(6)} {cell(7, 'rate')}、{cell(7, 'executed')}、{cell(7, 'annual')}、{cell(6, 'annual')}）"
    )


def test_nanjie_progress_findings(nanjie):
    findings = run_checks(nanjie, config=load_config(), only=["MON005", "MON006", "MON007"])
    by_key = {(f.rule_id, f.subject.period): f for f in findings}
    low6, low9 = by_key[("MON005", "1-6月")], by_key[("MON005", "1-9月")]
    assert (low6.details["computed"], low6.details["threshold"], low6.details["time_progress"]) == ("16.72", "40", "50")
    assert (low9.details["computed"], low9.details["threshold"], low9.details["time_progress"]) == ("46.03", "70", "75")
    assert "执行率为16.72%" in low6.message and "低于1-6月预警值40%" in low6.message
    assert "低于1-9月预警值70%（序时进度75%）" in low9.message
    assert labels(low6) == [cell(10, "executed"), cell(10, "annual")]
    reason6 = by_key[("MON006", "1-6月")]
    assert reason6.subject.column == "偏差原因"
    assert "偏差原因仅填写“部分项目不具备付款条件”" in reason6.message
    assert reason6.details["matched_boilerplate"] == "不具备付款条件"
    assert labels(reason6)[-1] == cell(10, "reason")
    assert "偏差原因仅填写“项目尚不具备付款条件”" in by_key[("MON006", "1-9月")].message
    measure9 = by_key[("MON007", "1-9月")]
    assert measure9.subject.column == "改进措施"
    assert "但未填写改进措施" in measure9.message
    assert labels(measure9) == [cell(10, "executed"), cell(10, "annual"), cell(10, "measure")]


# ---------------------------------------------------------------- configuration is data


def test_user_threshold_changes_the_result(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("settings:\n  execution_thresholds:\n    6: 15\n", encoding="utf-8")
    findings = run_checks(nanjie, config=load_config(user), only=["MON005", "MON006", "MON007"])
    # 16.72 % is above 15 %; 1-9月 is now interpolated between 6:15 and 12:100 → 57.5 %
    assert keys(findings) == {("MON005", "1-9月", "项目支出"), ("MON006", "1-9月", "项目支出"),
                              ("MON007", "1-9月", "项目支出")}
    assert {f.details["threshold"] for f in findings} == {"57.5"}


def test_user_severity_and_enabled_change_the_result(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON001:\n    severity: warning\n  MON007:\n    enabled: false\n",
                    encoding="utf-8")
    config = load_config(user)
    findings = run_checks(nanjie, config=config)
    mon001 = [f for f in findings if f.rule_id == "MON001"]
    assert len(mon001) == 4 and {f.severity for f in mon001} == {Severity.WARNING}
    assert all("疑为分母取错" in f.message for f in mon001)  # default message kept
    assert not any(f.rule_id == "MON007" for f in findings)
    assert len(findings) == 8


def test_user_message_template_is_used(tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  MON005:\n    message: \"{line}执行率{computed}%，预警值{threshold}%\"\n",
                    encoding="utf-8")
    r = build_report(6, [L("项目支出", None, "134.37", "22.46")])
    (f,) = run([r], "MON005", config=load_config(user))
    assert f.message == "项目支出执行率16.72%，预警值40%"
