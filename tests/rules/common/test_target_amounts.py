"""Reading the amounts of a 测算依据 text (checks/common/target_amounts.basis_amounts)."""

from __future__ import annotations

from decimal import Decimal

from checks import load_config
from checks.common.target_amounts import basis_amounts
from schemas.records import TextValue
from tests.rules.targets.form_builders import *  # noqa: F403 (the 深圳 form builders)


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
