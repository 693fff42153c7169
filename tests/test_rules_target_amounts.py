"""TGT009–TGT011: a 绩效目标表's amount against its 测算依据 and its 成本指标.

The constructed records imitate the 深圳 project form (本年度项目金额 under a 万元 label, a
项目总金额（中期规划）, 测算依据 text, no year printed); figures come from the real sheets quoted in
the comments. The last section runs the three rules on the seven real workbooks in
../shared/realdocs/shenzhen-targets (skipped locally without ../shared, failing with CI=true), where
the amounts were exported in 元 under the 万元 label; the sheets named there were read by eye.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import REALDOCS, need

from checks import all_rules, load_config, run_checks
from checks.target_amounts import basis_amounts
from extractors.indicator_values import parse_indicator_value
from textnorm.numbers import amount
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue, unknown_attribute
from schemas.targets import TargetIndicator, TargetTable

UNIT = "深圳市宝安区松岗街道办事处（本级）"
FILE = "二级项目支出绩效目标申报表.xlsx"
SHEET = "1.测试项目"
RULES = ["TGT009", "TGT010", "TGT011"]


def ref(row: int, column: int, sheet: str = SHEET) -> SourceRef:
    return SourceRef(file_sha256="f" * 64, file_name=FILE, sheet=sheet, row=row, column=column)


def form(
    total: str,
    *,
    project: str = "测试项目",
    basis: str | None = None,
    costs: list[tuple[str, str]] = (),
    multi: str | None = None,
    year: int | None = None,
    unit: str = UNIT,
    printed_unit: str = "万元",
    sheet: str = SHEET,
) -> TargetTable:
    """A 深圳-style project form: 本年度项目金额 in E6, 项目总金额 in E7, 测算依据 in B8, the
    indicators from row 12 (三级 in C, 目标值 in D); `costs` are (三级指标, 目标值) under 成本指标/成本."""
    indicators = [
        TargetIndicator(level1="产出指标", level2="数量指标", level3="服务次数", ref=ref(12, 3, sheet),
                        value=parse_indicator_value("≥12次", ref(12, 4, sheet)), value_cells=[ref(12, 4, sheet)]),
    ]
    for i, (name, value) in enumerate(costs):
        row = 13 + i
        indicators.append(TargetIndicator(level1="成本指标", level2="成本", level3=name, ref=ref(row, 3, sheet),
                                          value=parse_indicator_value(value, ref(row, 4, sheet)),
                                          value_cells=[ref(row, 4, sheet)]))
    return TargetTable(
        kind="project",
        unit=Attribute(value=unit, raw=unit, ref=ref(4, 2, sheet)) if unit else unknown_attribute(),
        year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年") if year else unknown_attribute(),
        project=Attribute(value=project, raw=project, ref=ref(3, 2, sheet)),
        amount_unit=printed_unit,
        budget_total=amount(total, ref(6, 5, sheet), printed_unit),
        budget_multi_year=None if multi is None else amount(multi, ref(7, 5, sheet), printed_unit),
        basis_text=None if basis is None else TextValue(text=basis, ref=ref(8, 2, sheet)),
        indicators=indicators,
        file_name=FILE,
        file_sha256="f" * 64,
    )


def run(records, *rule_ids: str) -> list[Finding]:
    return run_checks(records, config=load_config(), only=list(rule_ids or RULES))


def by_rule(findings: list[Finding]) -> Counter:
    return Counter(f.rule_id for f in findings)


# ---------------------------------------------------------------- the catalogue


def test_catalogue_entries() -> None:
    config = load_config()["rules"]
    ours = {r.id: r for r in all_rules() if r.func.__module__ == "checks.target_amounts"}
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in ours.items()} == {
        "TGT009": ("amount_unit_contradiction", "warning"),
        "TGT010": ("cost_ceiling_mismatch", "warning"),
        "TGT011": ("basis_amount_mismatch", "warning"),
    }
    for rid in ours:
        entry = config[rid]
        assert entry["enabled"] is True and entry["title"] and entry["params"]
        assert "{source}" not in entry["message"]  # outputs render the source


# ---------------------------------------------------------------- reading the 测算依据


def amounts(text: str):
    params = load_config()["rules"]["TGT009"]["params"]["basis"]
    return basis_amounts(TextValue(text=text, ref=ref(8, 2)), params)


def test_basis_reads_standalone_amounts_and_leaves_out_unit_prices_and_arithmetic() -> None:
    # (4) sheet 6: five items, the third given as 0.96 + 0.096 and then “共1.06万元”
    b = amounts("1.使用第三方财务系统，一次性支付20万元；2.使用用友软件，一次性支付1.6万元；3.金税三期税务系统服务费，"
                "街道本级0.96万元，行政事务服务中心0.096万元，一次性支付共1.06万元；4.政府采购专业咨询服务，"
                "半年支付一次共13万元。5.往来款清理审计报告6.04万元")
    assert [i.written for i in b.items] == ["20万元", "1.6万元", "0.96万元", "0.096万元", "1.06万元", "13万元", "6.04万元"]
    assert [i.written for i in b.subtotals] == ["1.06万元"]
    assert sum(i.number.value for i in b.parts) == Decimal("41.696")
    # unit prices, a periodic payment, arithmetic, a threshold: no standalone amount
    b = amounts("经费标准参考内部标准测算，以0.5万元（单价），13个社区（数量）安排。每月支付54.6126万元；"
                "9.3*13=120.9万元；审核200万元以下的项目")
    assert b.items == [] and b.totals == []
    assert (b.rates, b.arithmetic, b.thresholds) == (2, 1, 1)
    # a 合计 is the text's total; amounts in 元 are read in 万元
    b = amounts("1.市场调查：3000元 2.站点推介：3000元 3.站点服务费：158000元 4.公益活动费20000元 5.项目管理服务费：16000元合计：20万")
    assert [i.written for i in b.totals] == ["20万"] and b.total.number.value == Decimal(20)
    assert sum(i.number.value for i in b.items) == Decimal(20)
    # a total followed by its parts: the first amount is the total
    b = amounts("垃圾减量分类工作经费436.54万元，用于果蔬垃圾238.8万元，垃圾分类宣传推广费124.74万元，"
                "垃圾分类考核工作经费26万元，物联感知设备运营费47万元。")
    assert b.total is not None and b.total.written == "436.54万元"
    # 10万人 is not money; a figure without a unit is counted
    b = amounts("服务10万人，厨房厨工购买服务34.46万；保洁购买服务18.51")
    assert [i.written for i in b.items] == ["34.46万"] and b.unitless == 1


# ---------------------------------------------------------------- TGT009


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


# ---------------------------------------------------------------- TGT010


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


# ---------------------------------------------------------------- TGT011


def test_tgt011_items_do_not_make_the_amount() -> None:
    t = form("100.00", project="培训宣传经费", basis="2023年度申报预算包括2个支出事项。一是培训费30万元；二是宣传费20万元。")
    findings = run([t])
    assert by_rule(findings) == {"TGT011": 1}
    f = findings[0]
    assert f.text == (
        f"{UNIT}“培训宣传经费”项目支出绩效目标表中，测算依据所列2项金额（30万元、20万元）合计为50万元，"
        "与年度资金总额100.00万元不符，相差50.00万元。"
        f"（来源：{FILE} {SHEET}!B8、{SHEET}!E6）"
    )
    assert f.subject.line == "测算依据" and f.details["basis_total"] == "50" and f.details["stated_total"] is False
    # a stated 合计 is used instead of the sum
    [f] = run([form("100.00", basis="培训费30万元，宣传费20万元，合计50万元。")])
    assert "测算依据所述合计为50万元，与年度资金总额100.00万元不符，相差50.00万元" in f.message


def test_tgt011_against_the_amount_read_in_yuan() -> None:
    # (4) sheet 19: 3,780,000.00 (TGT009 by 总金额 不超过378万元) while 测算依据 asks 73万元
    t = form("3,780,000.00", multi="11,340,000.00", costs=[("总金额", "不超过378万元")],
             basis="2023年申请预算73万元“前期管家”服务经费，用于审核街道各部门以及社区工作站200万元以下（不包含200万元）政府投资项目的预算。")
    findings = run([t])
    assert by_rule(findings) == {"TGT009": 1, "TGT011": 1}
    f = next(f for f in findings if f.rule_id == "TGT011")
    assert ("测算依据所列金额为73万元，与本年度项目金额（填报3,780,000.00万元，疑以元填入，折合378.00万元）不符，相差305.00万元"
            in f.message)


@pytest.mark.parametrize("basis, total", [
    # the total, then its parts (the text mentions the amount twice)
    ("垃圾减量分类工作经费436.54万元，用于果蔬垃圾238.8万元，垃圾分类宣传推广费124.74万元，垃圾分类考核工作经费26万元，"
     "物联感知设备运营费47万元。", "436.54"),
    # priced by unit: 0.5万元（单价）× 13个社区
    ("经费标准参考内部标准测算，以0.5万元（单价），13个社区（数量）安排。", "6.5"),
    # a quarterly payment: 20 + 4 × 4.9 + 2.618 = 42.218
    ("1.广告牌制作费20万元；2.无线WIFI服务，每季度结束后次月15日内支付4.9万元；3.职康中心WIFI服务，一次性支付2.618万元", "42.218"),
    # a calculation
    ("政府购买社工服务经费资助标准为9.3万元/人，9.3*13=120.9万元", "227.73"),
    # one amount, not given as the project's
    ("合同共9个，根据合同约定，余9.68万元未支付。", "31.1806"),
    # a figure without a unit
    ("厨房厨工购买服务34.46万；保安购买服务35.8万；保洁购买服务18.51", "88.77"),
    # several totals (合计 of a part below another amount)
    ("根据招标文件购买厨师厨工服务全年63万元，安保服务合计36万元", "99"),
])
def test_tgt011_silent(basis: str, total: str) -> None:
    assert run([form(total, basis=basis)], "TGT011") == []


def test_tgt011_silent_where_tgt009_explains_the_basis() -> None:
    # (3) sheet 16: 1,050,000.00 against “…共计105万元。第二、三年合同费用为140万元。”
    t = form("1,050,000.00", basis="第二、三、四季度费用分别在2023年1月、4月、10月支付35万元，共计105万元。第二、三年合同费用为140万元。")
    findings = run([t])
    assert by_rule(findings) == {"TGT009": 1}
    assert "测算依据合计为105万元" in findings[0].message


# ---------------------------------------------------------------- the seven real workbooks

SHENZHEN = REALDOCS / "shenzhen-targets"
WORKBOOKS = ["二级项目支出绩效目标申报表.xlsx", "二级项目支出绩效目标申报表 (3).xlsx",
             "二级项目支出绩效目标申报表 (4).xlsx", "二级项目支出绩效目标申报表 (6).xlsx",
             "二级项目支出绩效目标申报表 (8).xlsx", "二级项目支出绩效目标申报表 (11).xlsx",
             "二级项目支出绩效目标申报表 (12).xlsx"]


@cache
def _findings(path: str) -> tuple[Finding, ...]:
    from runs.process import process_document

    p = Path(path)
    result = process_document(p, p.parent)
    assert result.status == "ok", result.error
    return tuple(run_checks(result.records, only=RULES))


def flagged(name: str) -> dict[str, set[int]]:
    """Per rule, the numbers of the sheets (`N.项目名称`) it flagged in the workbook."""
    need(SHENZHEN.is_dir(), f"{SHENZHEN} (../shared beside the clone)")
    path = SHENZHEN / name
    need(path.is_file(), str(path))
    out: dict[str, set[int]] = {rid: set() for rid in RULES}
    for f in _findings(str(path)):
        sheet = f.evidence[0].ref.sheet
        out[f.rule_id].add(int(sheet.split(".", 1)[0]))
    return out


@pytest.mark.parametrize("name", WORKBOOKS)
def test_realdocs_every_workbook_has_yuan_under_the_wan_label(name: str) -> None:
    assert flagged(name)["TGT009"], name


# (workbook, rule, sheets flagged, sheets not flagged), read by eye (openpyxl dump of each sheet).
VERIFIED = [
    # (3) 1: 17,840.00 vs 测算依据 1.784万元, 总成本 不超过1.784万元; 2: 119,403,680.00 vs 11940.368万元;
    # 16: 1,050,000.00 vs “共计105万元” and 不超过1050000元. Not: 8 (only a calculation “…=1757.46万元”
    # and a ceiling without unit), 15 (no amount, ceiling “不超过项目金额”).
    ("二级项目支出绩效目标申报表 (3).xlsx", "TGT009", {1, 2, 16}, {8, 15}),
    # (12) 19: 2,074,680.00 vs “共计207.4680万” and ≤207.4680万元; 12: 4,359,000.00 vs 354.9万元 + 81万元.
    # Not: 1 (160,000.00, no 测算依据 and no 成本指标), 10 (1,098,000.00 vs ≤1109.8万元: 109.8万 in 元,
    # a digit too many — TGT010), 5 (amount 0.00).
    ("二级项目支出绩效目标申报表 (12).xlsx", "TGT009", {12, 19}, {1, 5, 10}),
    # (11) 5: 150,000.00 vs “经费共计15万元”, 不超过15万; 4: 825,000.00 vs 20+36+4+2.5+20 = 82.5万 (62.5万 is
    # the subtotal of the first four) and ceilings 63万 + 20万. Not: 7 (200,000.00 vs 不超过600000元,
    # the 中期规划 total — TGT010), 1 (amount 0.00).
    ("二级项目支出绩效目标申报表 (11).xlsx", "TGT009", {4, 5}, {1, 7}),
    # (4) 16: 105,000.00 vs “约合10.5万元” (= 0.9+0.78+0.6+5.46+0.18+2.6); 6: 417,000.00 vs 41.696万 and 不超过42万元.
    ("二级项目支出绩效目标申报表 (4).xlsx", "TGT009", {6, 16}, {5, 14, 18}),
    # (6) 4: 152,300.00 vs “共计15.23万”. Not: 11 (400,000.00, no amount in 测算依据, no 成本指标).
    ("二级项目支出绩效目标申报表 (6).xlsx", "TGT009", {4}, {11}),
    # (8) 3: 818,800.00 vs 27.57万+35.8万+18.51万 and the three ceilings. Not: 2 (887,700.00 vs 34.46万 +
    # 35.8万 + “18.51” without unit, ceilings 36万 and 35万 on parts: nothing fits).
    ("二级项目支出绩效目标申报表 (8).xlsx", "TGT009", {3}, {2}),
    # 基本 15: 653,290.00 vs 0.64+3+46.844+4.746+10.099 = 65.329万 and 不超过65.329万元. Not: 19 (112,978.00 vs
    # 23.455万 in both 测算依据 and 总成本: 11.2978万 in 元 is half of it — TGT010 and TGT011), 7 (373,200.00 vs
    # 运营饭堂总成本 不超过170万 — TGT010).
    ("二级项目支出绩效目标申报表.xlsx", "TGT009", {15}, {7, 19}),
    # TGT010. (11) 7/11/14/15: ceilings of 60/90/30/45万 = the 中期规划 totals, 3 × the year's 20/30/10/15万
    # (in 元). Not: 4 (ceilings add up to 83万 for 82.5万), 20 (≤15.6万元 for 156,000.00: TGT009).
    ("二级项目支出绩效目标申报表 (11).xlsx", "TGT010", {7, 11, 14, 15}, {4, 20}),
    # (12) 10: ≤1109.8万元 vs 1,098,000.00 (109.8万 in 元). Not: 19, 20 (ceilings fit the 元 reading).
    ("二级项目支出绩效目标申报表 (12).xlsx", "TGT010", {10}, {19, 20}),
    # (4) 17: 不超过163.5万元 = 中期规划 1,632,060.00 in 元, the year's 54.402万. Not: 3 (系统等级保护安全测评成本
    # ≤5.1万元, a part of 110.8285万), 16 (案件打印成本 ≤1万元, a part of 10.5万).
    ("二级项目支出绩效目标申报表 (4).xlsx", "TGT010", {17}, {3, 16}),
    # (8): not 1 (安保保洁 60.6万 + 厨工 28万 = 88.6万: TGT009), 2 (安保 36万, 厨工 35万: parts).
    ("二级项目支出绩效目标申报表 (8).xlsx", "TGT010", {9}, {1, 2}),
    # 基本 9: 总成本不超83.32万 vs 894,350.00 = 83.32+1.1+5.015万 in 元; 19: 23.455万 vs 11.2978万.
    # Not: 11 (安保成本 不超过51.71万一年 = 517,100.00 in 元), 18 (宿舍租赁成本 7.2万, a part).
    ("二级项目支出绩效目标申报表.xlsx", "TGT010", {9, 19}, {11, 18}),
    # TGT011. (11) 3: “经费预算支出1827000元” (182.7万) vs 624,000.00 (62.4万 in 元, 总成本 不超过64.2万元).
    # Not: 8 (31.8万+10万+2万元 = 43.8万), 20 (unit prices 0.8万元（单价）), 13 (每月 46.936971万元).
    ("二级项目支出绩效目标申报表 (11).xlsx", "TGT011", {3}, {8, 13, 20}),
    # (4) 19: 73万元 vs 378万 (3,780,000.00 in 元). Not: 7 (每月服务费约21.5462万元), 8 (余9.68万元未支付),
    # 10 (每季度支付4.9万元), 1 (9.3*13=120.9万元).
    ("二级项目支出绩效目标申报表 (4).xlsx", "TGT011", {19}, {1, 7, 8, 10}),
    # (3): not 8 (a calculation), 12 (“20万+13万.合计33万” = 330,000.00 in 元), 17 (14+14+20+20+1+30 = 99万).
    ("二级项目支出绩效目标申报表 (3).xlsx", "TGT011", set(), {8, 12, 17}),
    # 基本 16: 评估费4000元、食堂租金评估费（no figure）元、4000元 = 0.8万 vs 12,000.00 (1.2万 in 元); 19 as above.
    # Not: 18 (每月支付43088.37元), 9 (83.32+1.1+5.015 = 89.435万: TGT009).
    ("二级项目支出绩效目标申报表.xlsx", "TGT011", {16, 19}, {9, 18}),
]


@pytest.mark.parametrize("name, rule_id, hit, miss", VERIFIED)
def test_realdocs_sheets_read_by_eye(name: str, rule_id: str, hit: set[int], miss: set[int]) -> None:
    found = flagged(name)[rule_id]
    assert hit <= found, sorted(hit - found)
    assert not (miss & found), sorted(miss & found)
