"""Indicator values (指标值): operator, number, unit and the quantitative flag (domain.md)."""

from decimal import Decimal

import pytest

from extractors.indicator_values import cn_to_int, parse_indicator_value
from schemas.provenance import SourceRef

# raw, operator, number, unit, quantitative — values read off the text by eye.
CASES = [
    # quantitative, from domain.md
    ("100%", None, "100", "%", True),
    ("≥90%", "≥", "90", "%", True),
    ("≤100%", "≤", "100", "%", True),
    ("12次", None, "12", "次", True),
    ("不低于50%", "≥", "50", "%", True),
    ("可控性100%", None, "100", "%", True),
    ("90.00(度)", None, "90.00", "度", True),
    ("≤1164.62万元", "≤", "1164.62", "万元", True),
    ("＞95", ">", "95", None, True),
    ("120人", None, "120", "人", True),
    ("≤5万元/人·年", "≤", "5", "万元/人·年", True),
    # operator spellings
    (">=95%", "≥", "95", "%", True),
    ("＜＝3天", "≤", "3", "天", True),
    ("不少于3次", "≥", "3", "次", True),
    ("大于等于85%", "≥", "85", "%", True),
    ("不超过 50 万元", "≤", "50", "万元", True),
    ("不高于5%", "≤", "5", "%", True),
    ("低于2%", "<", "2", "%", True),
    ("小于10人", "<", "10", "人", True),
    ("=100%", "=", "100", "%", True),
    ("95%以上", "≥", "95", "%", True),
    ("5万元以内", "≤", "5", "万元", True),
    ("3个工作日内", "≤", "3", "个工作日", True),
    # full-width digits and separators
    ("≥９０％", "≥", "90", "%", True),
    ("1,164.62万元", None, "1164.62", "万元", True),
    ("满意度≥90%", "≥", "90", "%", True),
    # Chinese numerals only when they stand as a count
    ("不少于三次", "≥", "3", "次", True),
    ("十二个", None, "12", "个", True),
    ("百分之九十五", None, "95", "%", True),
    ("一次性发放", None, None, None, False),
    ("统一规范", None, None, None, False),
    # qualitative, from domain.md
    ("按月发放", None, None, None, False),
    ("健全", None, None, None, False),
    ("及时率", None, None, None, False),
    ("有效提升", None, None, None, False),
    ("完整", None, None, None, False),
    ("规范", None, None, None, False),
    ("满意", None, None, None, False),
    ("较好", None, None, None, False),
]


@pytest.mark.parametrize("raw, op, number, unit, quantitative", CASES)
def test_parse_indicator_value(raw, op, number, unit, quantitative):
    v = parse_indicator_value(raw)
    assert v.raw == raw
    assert v.operator == op
    assert v.number == (Decimal(number) if number is not None else None)
    if number is not None:
        assert str(v.number) == number  # printed precision kept (90.00 stays 90.00)
    assert v.unit == unit
    assert v.quantitative is quantitative


def test_nanjie_targets_six_of_seventeen_quantitative():
    """The seed report counts 6 quantitative indicators among nanjie's 17 (35.29%)."""
    targets = ["完整", "100%", "≥90%", "≤100%", "健全", "规范", "规范", "规范", "≥95%", "≤100%",
               "健全", "健全", "≤100%", "有效提升", "达标", "满意", "较好"]
    assert sum(parse_indicator_value(t).quantitative for t in targets) == 6


@pytest.mark.parametrize("raw, op", [("2024年12月31日前", "≤"), ("12月底前完成", "≤"), ("6月30日", None)])
def test_deadline_is_a_date_not_an_amount(raw, op):
    v = parse_indicator_value(raw)
    assert v.quantitative is True
    assert v.unit == "日期"
    assert v.number is None
    assert v.operator == op


@pytest.mark.parametrize("raw", ["", "  ", "-", "—", "/"])
def test_blank_values_are_qualitative_and_empty(raw):
    v = parse_indicator_value(raw)
    assert (v.operator, v.number, v.unit, v.quantitative) == (None, None, None, False)


def test_ref_is_kept():
    ref = SourceRef(file_sha256="0" * 64, file_name="a.xlsx", sheet="S", row=3, column=4)
    assert parse_indicator_value("≥90%", ref).ref == ref


@pytest.mark.parametrize("text, value", [("三", 3), ("十", 10), ("十二", 12), ("二十", 20),
                                         ("一百二十", 120), ("两万", 20000), ("一二", None)])
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value
