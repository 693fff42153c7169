"""Property tests for indicator values (指标值): generated spellings parse back to what was generated.

The spellings and their meanings below are written out here, independently of the parser's
tables, so a wrong table entry fails a test instead of agreeing with itself.
"""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.indicator_values import (join_indicator_parts, parse_indicator_parts,
                                         parse_indicator_value)

# word or sign written before the number → the operator it means
PREFIXES = {
    "≥": "≥", ">=": "≥", "≧": "≥", "不低于": "≥", "不少于": "≥", "不小于": "≥", "大于等于": "≥",
    "大于或等于": "≥", "至少": "≥", "达到": "≥",
    "≤": "≤", "<=": "≤", "≦": "≤", "不超过": "≤", "不高于": "≤", "不大于": "≤", "不多于": "≤",
    "小于等于": "≤", "小于或等于": "≤", "控制在": "≤",
    ">": ">", "大于": ">", "高于": ">", "超过": ">",
    "<": "<", "小于": "<", "低于": "<", "少于": "<",
    "=": "=", "等于": "=",
}
# word written after the number and unit → the operator it means
SUFFIXES = {"以上": "≥", "及以上": "≥", "以下": "≤", "及以下": "≤", "以内": "≤", "内": "≤"}
# units as printed → as parsed. Dates (年/月/日/季度 after a number) are deliberately absent:
# `2024年` reads as a date, not as an amount of years.
UNITS = {
    "": None, "%": "%", "％": "%", "万元": "万元", "元": "元", "亿元": "亿元", "次": "次", "人": "人",
    "个": "个", "人次": "人次", "户": "户", "家": "家", "项": "项", "天": "天", "个工作日": "个工作日",
    "个月": "个月", "分": "分", "度": "度", "公里": "公里", "平方米": "平方米", "亩": "亩", "场": "场",
    "起": "起", "万人": "万人", "小时": "小时", "次/年": "次/年", "元/平方米": "元/平方米",
    "万元/人·年": "万元/人·年", "万元/人・年": "万元/人·年", "元/人": "元/人", "台(套)": "台(套)",
    "台（套）": "台(套)",
}
SPACES = ["", "", " ", "\u3000", "\u00a0"]
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.%<>=,/"}


def _grouped(digits: str) -> str:
    """`1234567` → `1,234,567`."""
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def numbers(draw) -> tuple[str, Decimal]:
    """A number as printed (0–2 decimals, maybe with thousands separators) and its value."""
    whole = draw(st.integers(min_value=0, max_value=9_999_999))
    places = draw(st.integers(min_value=0, max_value=2))
    frac = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=places, max_size=places)))
    digits = str(whole)
    printed = _grouped(digits) if whole >= 1000 and draw(st.booleans()) else digits
    exact = digits + ("." + frac if frac else "")
    return printed + ("." + frac if frac else ""), Decimal(exact)


@st.composite
def full_width(draw, text: str) -> str:
    """`text` with some of its digits and signs written full-width."""
    return "".join(FULL_WIDTH[c] if c in FULL_WIDTH and draw(st.booleans()) else c for c in text)


@st.composite
def quantitative_values(draw):
    printed, value = draw(numbers())
    unit = draw(st.sampled_from(sorted(UNITS)))
    where = draw(st.sampled_from(["prefix", "suffix", "none"]))
    prefix = draw(st.sampled_from(sorted(PREFIXES))) if where == "prefix" else ""
    suffix = draw(st.sampled_from(sorted(SUFFIXES))) if where == "suffix" else ""
    op = PREFIXES.get(prefix) or SUFFIXES.get(suffix)
    pieces = [draw(full_width(prefix)), draw(full_width(printed)), draw(full_width(unit)), suffix]
    text = draw(st.sampled_from(SPACES)).join(p for p in pieces if p) if draw(st.booleans()) else (
        "".join(p + draw(st.sampled_from(SPACES)) for p in pieces if p))
    return text, op, value, UNITS[unit]


@settings(max_examples=400, deadline=None)
@given(quantitative_values())
def test_generated_quantitative_values_parse_back(case):
    text, op, value, unit = case
    v = parse_indicator_value(text)
    assert v.raw == text
    assert v.quantitative is True
    assert v.operator == op
    assert v.number == value
    assert v.upper is None
    assert v.unit == unit


@settings(max_examples=200, deadline=None)
@given(numbers(), numbers(), st.sampled_from(["-", "~", "～", "—", "至", "到"]),
       st.sampled_from(["次", "个", "%", "万元", "人", ""]), st.booleans())
def test_generated_ranges_parse_to_bounds(low, high, sep, unit, unit_twice):
    (p1, v1), (p2, v2) = sorted([low, high], key=lambda n: n[1])
    text = f"{p1}{unit if unit_twice else ''}{sep}{p2}{unit}"
    v = parse_indicator_value(text)
    assert (v.operator, v.number, v.upper, v.unit, v.quantitative) == (None, v1, v2, unit or None, True)


# Words with no digits, no Chinese numerals and no 零: whatever their order, no number is stated.
QUALITATIVE_WORDS = [
    "健全", "规范", "完整", "有效", "提升", "明显", "改善", "按时", "完成", "及时", "拨付", "满意",
    "较好", "良好", "达标", "持续", "稳步", "逐步", "按月", "按季度", "发放", "正常", "运转", "全覆盖",
    "合规", "到位", "落实", "显著", "增强", "保障", "有序", "推进", "群众", "认可", "安全", "稳定",
    "及时率", "可控", "满意度", "较高", "基本", "全面", "年底前", "无重大事故", "杜绝",
]
LEAD_WORDS = ["", "", "达到", "不低于", "保持", "实现", "确保"]
_NUMERAL_CHARS = set("0123456789零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万")
assert not any(set(w) & _NUMERAL_CHARS for w in QUALITATIVE_WORDS + LEAD_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LEAD_WORDS), st.lists(st.sampled_from(QUALITATIVE_WORDS), min_size=1, max_size=4),
       st.sampled_from(SPACES))
def test_generated_qualitative_phrases_state_no_number(lead, words, space):
    text = lead + space.join(words)
    v = parse_indicator_value(text)
    assert v.raw == text
    assert v.quantitative is False
    assert (v.number, v.upper, v.operator, v.unit) == (None, None, None, None)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_keeps_raw(text):
    v = parse_indicator_value(text)
    assert v.raw == text
    assert v.quantitative or (v.number is None and v.unit is None)
    assert v.upper is None or (v.number is not None and v.upper >= v.number)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("≥≤<>=%.,-~至到以上下内次个人万元/·(（）)0123456789一二三十零"
                                              "健全规范年月日前底季度不低于超过"))))
def test_never_raises_on_indicator_like_text(text):
    assert parse_indicator_value(text).raw == text


# 指标方向 / 指标性质 column → the operator it means (None: a hint that adds no operator)
DIRECTIONS = {
    "≥": "≥", "大于等于": "≥", ">=": "≥", "＞＝": "≥", "正向": "≥", "≤": "≤", "小于等于": "≤",
    "反向": "≤", ">": ">", "<": "<", "=": "=", "定量": None, "定性": None, "": None,
}
UNIT_COLUMNS = {"%": "%", "（%）": "%", "(%)": "%", "百分比": "%", "次": "次", "万元": "万元",
                "（万元）": "万元", "人": "人", "个": "个", "次/年": "次/年", "": None}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(DIRECTIONS)), numbers(), st.sampled_from(sorted(UNIT_COLUMNS)))
def test_numeric_parts_join_and_parse(direction, number, unit_column):
    printed, value = number
    joined = join_indicator_parts(direction, printed, unit_column)
    op = DIRECTIONS[direction]
    unit = UNIT_COLUMNS[unit_column]
    assert joined == f"{op or ''}{printed}{unit or ''}"
    v = parse_indicator_parts(direction, printed, unit_column)
    assert (v.raw, v.operator, v.number, v.unit, v.quantitative) == (joined, op, value, unit, True)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(DIRECTIONS)),
       st.one_of(numbers().map(lambda n: n[0]), st.sampled_from(QUALITATIVE_WORDS),
                 st.sampled_from(["≥90%", "90%以上", "十二", "1-2", "12月底前", "健全", ""]), st.text()),
       st.sampled_from(sorted(UNIT_COLUMNS)))
def test_joining_parts_then_parsing_equals_parsing_parts(direction, value, unit_column):
    joined = join_indicator_parts(direction, value, unit_column)
    assert parse_indicator_value(joined) == parse_indicator_parts(direction, value, unit_column)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(DIRECTIONS)), st.sampled_from(QUALITATIVE_WORDS),
       st.sampled_from(sorted(UNIT_COLUMNS)))
def test_qualitative_parts_stay_qualitative_and_printed(direction, words, unit_column):
    assert join_indicator_parts(direction, words, unit_column) == words
    assert parse_indicator_parts(direction, words, unit_column).quantitative is False
