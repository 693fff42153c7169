"""Indicator values (指标值): operator, number, unit and the quantitative flag (domain.md)."""

from decimal import Decimal

import pytest

from extractors.indicator_values import (cn_to_int, join_indicator_parts, parse_indicator_parts,
                                         parse_indicator_value)
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


def test_nanjie_2025_targets_seven_of_seventeen_quantitative():
    """targets.md: 2025 adds 电费缴纳次数 12次 under 部门履职 — 7 of 17 (41.18%)."""
    targets = ["完整", "100%", "≥90%", "≤100%", "健全", "规范", "规范", "规范", "≥95%", "≤100%",
               "健全", "健全", "≤100%", "12次", "达标", "满意", "较好"]
    assert sum(parse_indicator_value(t).quantitative for t in targets) == 7


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


# The ways people write a value (issue text), read by eye: raw, operator, number, unit, quantitative.
WRITTEN = [
    ("≥ 90 %", "≥", "90", "%", True),
    ("＞９５", ">", "95", None, True),
    ("≧90%", "≥", "90", "%", True),
    ("≦5%", "≤", "5", "%", True),
    ("不低于90%", "≥", "90", "%", True),
    ("不少于12次", "≥", "12", "次", True),
    ("不超过1164.62万元", "≤", "1164.62", "万元", True),
    ("小于等于5%", "≤", "5", "%", True),
    ("高于80%", ">", "80", "%", True),
    ("10%以下", "≤", "10", "%", True),
    ("≥95分", "≥", "95", "分", True),
    ("95%（含）以上", "≥", "95", "%", True),
    ("95%左右", None, "95", "%", True),
    ("≥-5%", "≥", "-5", "%", True),
    ("①≥90%", "≥", "90", "%", True),  # a list marker is not a digit
    ("满意度≥90%（问卷）", "≥", "90", "%", True),
    ("100%覆盖", None, "100", "%", True),
    ("全覆盖", None, None, None, False),
    # units with slashes, brackets and compounds
    ("12次/年", None, "12", "次/年", True),
    ("≥2次/年", "≥", "2", "次/年", True),
    ("≤35元/平方米", "≤", "35", "元/平方米", True),
    ("≤５万元／人・年", "≤", "5", "万元/人·年", True),
    ("≤12/10万", "≤", "12", "/10万", True),
    ("18台（套）", None, "18", "台(套)", True),
    ("30.5微克/立方米", None, "30.5", "微克/立方米", True),
    ("42万平方米", None, "42", "万平方米", True),
    ("≥100㎡", "≥", "100", "平方米", True),
    ("≥2km²", "≥", "2", "平方公里", True),
    ("95(满意度)", None, "95", None, True),  # a bracketed word that is no unit
    ("536家次", None, "536", "家次", True),
    ("平均12个工作日", None, "12", "个工作日", True),
    ("3个月内", "≤", "3", "个月", True),
    # Chinese numerals as counts, and as words
    ("三次", None, "3", "次", True),
    ("两个", None, "2", "个", True),
    ("十二次", None, "12", "次", True),
    ("每年两次", None, "2", "次", True),
    ("三次以上", "≥", "3", "次", True),
    ("百分之九十点五", None, "90.5", "%", True),
    ("不低于百分之八十", "≥", "80", "%", True),
    ("两个确保", None, None, None, False),
    ("三级医院", None, None, None, False),
    ("十四五规划", None, None, None, False),
    ("第三方评价", None, None, None, False),
    ("开展三次培训", None, None, None, False),
    ("调查将于四季度开展", None, None, None, False),
    # zero is a number; an absence without a number is not
    ("0起", None, "0", "起", True),
    ("零起", None, "0", "起", True),
    ("零事故", None, "0", None, True),
    ("零投诉", None, "0", None, True),
    ("安全事故零发生", None, "0", None, True),
    ("无重大事故", None, None, None, False),
    ("零星维修", None, None, None, False),
    # a date names no amount, but a number after it does
    ("1-6月完成50%", None, "50", "%", True),
    ("2024年完成率≥90%", "≥", "90", "%", True),
]


@pytest.mark.parametrize("raw, op, number, unit, quantitative", WRITTEN)
def test_written_forms(raw, op, number, unit, quantitative):
    v = parse_indicator_value(raw)
    assert v.raw == raw
    assert (v.operator, v.unit, v.quantitative, v.upper) == (op, unit, quantitative, None)
    assert v.number == (Decimal(number) if number is not None else None)


# raw, lower, upper, unit: a range has no operator.
RANGES = [
    ("1-2次", "1", "2", "次"),
    ("3~5个", "3", "5", "个"),
    ("3～5个", "3", "5", "个"),
    ("1—2次", "1", "2", "次"),
    ("1次-2次", "1", "2", "次"),
    ("90%-95%", "90", "95", "%"),
    ("1至2万元", "1", "2", "万元"),
    ("一至两次", "1", "2", "次"),
    ("三到五个", "3", "5", "个"),
    ("控制在1-2次", "1", "2", "次"),
]


@pytest.mark.parametrize("raw, lower, upper, unit", RANGES)
def test_ranges(raw, lower, upper, unit):
    v = parse_indicator_value(raw)
    assert (v.operator, v.number, v.upper, v.unit, v.quantitative) == (
        None, Decimal(lower), Decimal(upper), unit, True)


def test_descending_pair_is_not_a_range():
    v = parse_indicator_value("5-3次")
    assert (v.number, v.upper) == (Decimal(5), None)


@pytest.mark.parametrize("raw, op", [
    ("12月底前", "≤"), ("2024年10月底前", "≤"), ("2024-06-30前", "≤"), ("2024.12.31前", "≤"),
    ("2024年底前", "≤"), ("不晚于2024年6月30日", "≤"), ("十二月底前完成", "≤"), ("9月底前完工", "≤"),
    ("11月中旬建成", None), ("第四季度", None), ("3季度末", None),
])
def test_more_deadlines(raw, op):
    v = parse_indicator_value(raw)
    assert (v.operator, v.number, v.unit, v.quantitative) == (op, None, "日期", True)


def test_deadline_without_a_number_is_qualitative():
    assert parse_indicator_value("年底前完成").quantitative is False


def test_unit_is_not_read_from_following_words():
    assert parse_indicator_value("12左右").unit is None
    assert parse_indicator_value("12个社区").unit == "个"


@pytest.mark.parametrize("parts, joined", [
    (("≥", "90", "%"), "≥90%"),
    (("定性", "健全", ""), "健全"),
    (("定量", "12", "次"), "12次"),
    (("大于等于", "95", "%"), "≥95%"),
    (("＞＝", "85", "百分比"), "≥85%"),
    (("以上", "90", "%"), "≥90%"),
    (("=", "100", "%"), "=100%"),
    (("正向", "100", "（%）"), "≥100%"),
    (("反向", "5", "%"), "≤5%"),
    (("≥", "90%", "%"), "≥90%"),  # unit already printed in the value cell
    (("", "≥90", "%"), "≥90%"),  # operator already printed in the value cell
    (("≤", "1-2", "次"), "1-2次"),  # a range carries its own bounds
    (("≥", "健全", ""), "健全"),  # an operator over words measures nothing
    (("定量", "十二", "次"), "十二次"),
    (("≥", "", "%"), ""),
    (("≥", "2024年6月30日前", ""), "2024年6月30日前"),
])
def test_join_indicator_parts(parts, joined):
    assert join_indicator_parts(*parts) == joined


@pytest.mark.parametrize("parts, op, number, unit, quantitative", [
    (("≥", "90", "%"), "≥", "90", "%", True),
    (("反向", "5", "%"), "≤", "5", "%", True),
    (("定性", "100%", ""), None, "100", "%", True),  # 指标性质 is a hint; the number decides
    (("定量", "按时完成", ""), None, None, None, False),
    (("定量", "十二", "次"), None, "12", "次", True),
])
def test_parse_indicator_parts(parts, op, number, unit, quantitative):
    ref = SourceRef(file_sha256="0" * 64, file_name="t.docx", table=1, row=5, column=5)
    v = parse_indicator_parts(*parts, ref=ref)
    assert (v.operator, v.unit, v.quantitative, v.ref) == (op, unit, quantitative, ref)
    assert v.number == (Decimal(number) if number is not None else None)
    assert v.raw == join_indicator_parts(*parts)


@pytest.mark.parametrize("text, value", [("百", 100), ("万", 10000), ("一百零五", 105),
                                         ("两千零二十四", 2024), ("二〇二四", None), ("十万", 100000)])
def test_cn_to_int_more(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("raw, low, high, unit", [
    ("1900.1-1,901次", "1900.1", "1901", "次"),  # found by the property test: not the date 1900-1-1
    ("2020.5-2,024.5万元", "2020.5", "2024.5", "万元"),
])
def test_a_numeric_date_keeps_one_separator(raw, low, high, unit):
    v = parse_indicator_value(raw)
    assert (v.operator, v.number, v.upper, v.unit) == (None, Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize("raw", ["2024-06-30前", "2024.6.30前", "2024/6/30前"])
def test_numeric_dates_with_one_separator_are_deadlines(raw):
    v = parse_indicator_value(raw)
    assert (v.operator, v.number, v.unit) == ("≤", None, "日期")
