"""TGT011 basis_amount_mismatch: the 测算依据's amounts against the project's amount."""

from __future__ import annotations

import pytest

from tests.rules.targets.form_builders import *  # noqa: F403 (the 深圳 form builders)


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
