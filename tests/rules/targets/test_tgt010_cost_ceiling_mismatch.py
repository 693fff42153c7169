"""TGT010 cost_ceiling_mismatch: a 成本指标 ceiling against the project's amount."""

from __future__ import annotations

from tests.rules.targets.form_builders import *  # noqa: F403 (the 深圳 form builders)


def test_tgt010_ceiling_below_the_amount() -> None:
    t = form("75.00", project="社区活动经费", costs=[("总成本", "不超过15万")])
    findings = run([t])
    assert by_rule(findings) == {"TGT010": 1}
    f = findings[0]
    assert f.text == (
        f"{UNIT}“社区活动经费”项目支出绩效目标表中，成本指标“总成本”的指标值为“不超过15万”，"
        "上限15万元比年度资金总额75.00万元低60.00万元（仅为其20%），成本指标与项目金额不符。"
        f"（来源：{FILE} {SHEET}!D13、{SHEET}!E6）"
    )
    assert f.subject.line == "总成本" and f.details["relation"] == "below" and f.details["difference"] == "60.00"


def test_tgt010_ceiling_above_the_amount_read_in_yuan_is_the_multi_year_total() -> None:
    # (11) sheet 7: 本年度项目金额 200,000.00 (元), 中期规划 600,000.00, 经费总成本不超过600000元 = 60万元
    t = form("200,000.00", project="风景林工程经费", multi="600,000.00",
             costs=[("经费总成本", "经费总成本不超过600000元")])
    findings = run([t])
    assert by_rule(findings) == {"TGT010": 1}
    f = findings[0]
    assert ("上限60.00万元比本年度项目金额（填报200,000.00万元，疑以元填入，折合20.00万元）高40.00万元"
            "（与项目总金额（中期规划）60.00万元相当，疑将中期总额作为年度上限），成本上限超出项目金额") in f.message
    assert f.details["read_in_yuan"] is True and f.details["multi_year"] is True
    assert [e.role for e in f.evidence] == ["指标值（经费总成本）", "本年度项目金额", "项目总金额（中期规划）"]


def test_tgt010_silent_for_parts_and_for_what_tgt009_explains() -> None:
    # two ceilings on parts of an 88.77万元 project (安保 36万, 厨工 35万): a part may cost less
    t = form("88.77", costs=[("安保成本", "不超过36万一年"), ("厨师厨工成本", "不超过35万一年")])
    assert run([t], "TGT010") == []
    # one ceiling on a part (no total in its name) below the amount
    assert run([form("110.8285", costs=[("系统等级保护安全测评成本", "小于或等于5.1万元")])], "TGT010") == []
    # a ceiling that fits the amount read in 元: TGT009's finding only
    t = form("150,000.00", costs=[("总成本", "不超过15万")])
    assert by_rule(run([t])) == {"TGT009": 1}
    # a unit price is not the project's cost
    assert run([form("20.00", costs=[("传承人补助标准", "不超过5000元/人")])], "TGT010") == []


def test_tgt010_compares_other_ceilings_with_the_amount_read_in_yuan() -> None:
    # 基本 sheet 9: 894,350.00 = 83.32万 + 1.1万 + 5.015万 (TGT009); 总成本不超83.32万 lies below 89.435万
    t = form("894,350.00", multi="2,683,050.00", basis="食堂生鲜83.32万，车险1.1万，维修费5.015万",
             costs=[("总成本", "总成本不超83.32万")])
    findings = run([t])
    assert by_rule(findings) == {"TGT009": 1, "TGT010": 1}
    f = next(f for f in findings if f.rule_id == "TGT010")
    assert ("上限83.32万元比本年度项目金额（填报894,350.00万元，疑以元填入，折合89.435万元）低6.115万元（仅为其93.16%）"
            in f.message)
