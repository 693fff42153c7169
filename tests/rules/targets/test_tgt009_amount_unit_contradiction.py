"""TGT009 amount_unit_contradiction: the amount entered in 元 under the 万元 label."""

from __future__ import annotations

from tests.rules.targets.form_builders import *  # noqa: F403 (the 深圳 form builders)


def test_tgt009_amount_entered_in_yuan_under_the_wan_label() -> None:
    # (3) sheet 1: 本年度项目金额 17,840.00, 测算依据 “其他城市维护经费1.784万元…”, 总成本 不超过1.784万元
    t = form("17,840.00", project="政府购买服务（城市维护类+其他城市维护经费）", multi="53,520.00",
             basis="其他城市维护经费1.784万元松岗街道LED路灯节能改造第三方节能评估服务项目。",
             costs=[("总成本", "不超过1.784万元")])
    findings = run([t])
    assert by_rule(findings) == {"TGT009": 1}
    f = findings[0]
    assert f.text == (
        "深圳市宝安区松岗街道办事处（本级）“政府购买服务（城市维护类+其他城市维护经费）”项目支出绩效目标表中，"
        "本年度项目金额填报为17,840.00万元，而测算依据所列金额为1.784万元、成本指标“总成本”上限为1.784万元，"
        "金额疑为以元填入万元栏（应为1.784万元）。"
        f"（来源：{FILE} {SHEET}!E6、{SHEET}!B8、{SHEET}!D13）"
    )
    assert f.severity.value == "warning" and f.subject.line == "本年度项目金额" and f.subject.year is None
    assert f.details["corrected"] == "1.784" and f.details["budget_total"] == "17840.00"
    assert [e.role for e in f.evidence] == ["本年度项目金额", "测算依据", "指标值（总成本）"]


def test_tgt009_names_the_year_when_known_and_reads_without_unit() -> None:
    # (12) sheet 19: 2,074,680.00 against “…两项补贴共计207.4680万” and ≤207.4680万元
    t = form("2,074,680.00", year=2023, unit="", multi="8,287,872.00",
             basis="2023年护理补贴预算：[368人+（1人*12月）]*452元*12月=206.1120万；2023年生活补贴预算：5人*226元*12月=1.356万；"
                   "合计2023年残疾人两项补贴共计207.4680万，380人安排。",
             costs=[("经费总成本", "≤207.4680万元")])
    [f] = run([t])
    assert f.rule_id == "TGT009"
    assert f.message.startswith("2023年度“测试项目”项目支出绩效目标表中，本年度项目金额填报为2,074,680.00万元，"
                                "而测算依据合计为207.468万元、成本指标“经费总成本”上限为207.468万元，")
    assert "（应为207.468万元）" in f.message and "None" not in f.message


def test_tgt009_sum_of_the_ceilings_and_rounded_up_ceiling() -> None:
    # (8) sheet 1: 886,000.00 with ceilings 安保保洁 60.6万 + 厨师厨工 28万 = 88.6万
    t = form("886,000.00", costs=[("安保保洁成本", "不超过60.6万一年"), ("厨师厨工成本", "成本不超过28万元")])
    [f] = run([t])
    assert f.rule_id == "TGT009" and "各成本指标上限之和为88.6万元" in f.message
    # (4) sheet 10: 422,180.00 under 总支出 不超过43万元 (1.85 % above 42.218): within the headroom
    [f] = run([form("422,180.00", costs=[("总支出", "不超过43万元")])], "TGT009")
    assert "（应为42.218万元）" in f.message


def test_tgt009_silent_when_the_figures_agree_as_printed() -> None:
    # the same form filled in 万元: nothing to report from any of the three rules
    t = form("1.784", basis="其他城市维护经费1.784万元松岗街道LED路灯节能改造第三方节能评估服务项目。",
             costs=[("总成本", "不超过1.784万元")])
    assert run([t]) == []
    # a table printed in 元 cannot hold 元 under a 万元 label
    t = form("17840.00", printed_unit="元", basis="其他城市维护经费1.784万元", costs=[("总成本", "不超过1.784万元")])
    assert run([t]) == []
    # an amount of 0 (an unused form) and a form without figures are not judged
    assert run([form("0.00", basis="经费1.784万元", costs=[("总成本", "不超过1.784万元")])]) == []
    assert run([form("160,000.00")]) == []
