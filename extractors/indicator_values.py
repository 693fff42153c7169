"""Parse an indicator value (指标值) such as `≥90%`, `不低于50%`, `12次`, `健全` into its parts.

An indicator is quantitative when its value states a number the result can be measured against,
with or without an operator or unit (`100%`, `≥90%`, `12次`, `不低于50%`, `可控性100%`,
`90.00(度)`); it is qualitative when it states no number (`按月发放`, `健全`, `及时率`).

Everything that varies by wording is a table below; the function only walks the tables.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from schemas.provenance import SourceRef
from schemas.records import IndicatorValue, Operator

# Operators written before the number, longest first so `>=` wins over `>` and `不低于` is not
# read as `低于`.
PREFIX_OPERATORS: tuple[tuple[str, Operator], ...] = tuple(
    sorted(
        [
            ("≥", "≥"), (">=", "≥"), ("≧", "≥"), ("⩾", "≥"),
            ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("不得低于", "≥"), ("不得少于", "≥"),
            ("大于等于", "≥"), ("大于或等于", "≥"), ("高于或等于", "≥"), ("至少", "≥"), ("达到", "≥"),
            ("≤", "≤"), ("<=", "≤"), ("≦", "≤"), ("⩽", "≤"),
            ("不超过", "≤"), ("不高于", "≤"), ("不大于", "≤"), ("不多于", "≤"), ("不得超过", "≤"),
            ("不得高于", "≤"), ("小于等于", "≤"), ("小于或等于", "≤"), ("低于或等于", "≤"), ("控制在", "≤"),
            (">", ">"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
            ("<", "<"), ("小于", "<"), ("低于", "<"), ("少于", "<"),
            ("=", "="), ("等于", "="),
        ],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)

# Operators written after the number (and its unit): `95%以上`, `5万元以内`.
SUFFIX_OPERATORS: tuple[tuple[str, Operator], ...] = tuple(
    sorted(
        [
            ("及以上", "≥"), ("以上", "≥"), ("或以上", "≥"),
            ("及以下", "≤"), ("以下", "≤"), ("或以下", "≤"), ("以内", "≤"), ("之内", "≤"), ("内", "≤"),
        ],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)

# Units we know, longest first; anything else short and digit-free after the number also counts.
KNOWN_UNITS: tuple[str, ...] = tuple(
    sorted(
        [
            "%", "‰", "万元/人·年", "万元/人/年", "元/人·年", "元/人/年", "万元/人", "元/人", "元/平方米",
            "万元/公里", "亿元", "万元", "千元", "元", "人次", "户次", "次", "万人", "人", "个", "项",
            "家", "户", "个工作日", "工作日", "天", "日", "个月", "月", "年", "小时", "分钟", "公里", "千米", "平方米",
            "平方公里", "㎡", "m²", "亩", "吨", "件", "份", "场", "期", "所", "座", "辆", "台", "套",
            "张", "篇", "批", "名", "支", "处", "条", "册", "本", "班", "课时", "学时", "度", "分",
            "盏", "棵", "株", "只", "头", "间", "栋", "km", "m", "kg",
        ],
        key=len,
        reverse=True,
    )
)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
              "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
              "捌": 8, "九": 9, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_CN_NUMBER = re.compile(r"[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]+")
_PERCENT_WORD = re.compile(r"百分之([零〇一二两三四五六七八九十百点\d.]+)")
# A deadline: `2024年12月31日前`, `12月底前`, `6月30日之前完成`.
_DEADLINE = re.compile(
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|份)?(?P<before>之前|以前|前)?"
)
_BRACKETS = str.maketrans("", "", "()[]{}（）【】")
_BLANK = {"", "-", "--", "—", "——", "/", "／", "无"}


def _normalise(raw: str) -> str:
    t = unicodedata.normalize("NFKC", raw or "")
    return re.sub(r"\s+", "", t)


def cn_to_int(text: str) -> int | None:
    """`十二` → 12, `一百二十` → 120, `三` → 3; None when `text` is not a plain Chinese numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit:  # `一二`: digits without a place word are not a numeral we read
                return None
            digit = _CN_DIGITS[ch]
        else:
            mult = _CN_UNITS[ch]
            if mult == 10000:
                total += (section + (digit or 0)) * mult
                section = 0
            else:
                section += (1 if digit is None else digit) * mult
            digit = None
    return total + section + (digit or 0)


def _unit_of(after: str) -> tuple[str | None, str]:
    """The unit at the start of `after` and what follows it."""
    body = after.translate(_BRACKETS)
    for unit in KNOWN_UNITS:
        if body.startswith(unit):
            return unit, body[len(unit):]
    # An unknown unit: a short run of characters with no digit, up to the next separator.
    m = re.match(r"[^\d,，;；、。\s]{1,6}", body)
    if m and not any(body.startswith(s) for s, _ in SUFFIX_OPERATORS):
        return m.group(0), body[m.end():]
    return None, body


def _suffix_operator(rest: str) -> Operator | None:
    for word, op in SUFFIX_OPERATORS:
        if rest.startswith(word):
            return op
    return None


def _prefix_operator(before: str) -> Operator | None:
    for word, op in PREFIX_OPERATORS:
        if before.endswith(word):
            return op
    return None


def _strip_suffix_operator(unit: str | None) -> tuple[str | None, Operator | None]:
    """`%以上` may be read as one unknown unit; split the operator off again."""
    if not unit:
        return unit, None
    for word, op in SUFFIX_OPERATORS:
        if unit.endswith(word) and len(unit) > len(word):
            return unit[: -len(word)], op
    return unit, None


def parse_indicator_value(raw: str, ref: SourceRef | None = None) -> IndicatorValue:
    """Split an indicator value into operator, number and unit, and say if it is quantitative."""
    t = _normalise(raw)
    if t in _BLANK:
        return IndicatorValue(raw=raw, ref=ref)

    pw = _PERCENT_WORD.search(t)
    if pw:  # 百分之九十五 → 95%
        inner = pw.group(1)
        number = Decimal(inner) if re.fullmatch(r"\d+(\.\d+)?", inner) else None
        if number is None and cn_to_int(inner) is not None:
            number = Decimal(cn_to_int(inner))
        if number is not None:
            op = _prefix_operator(t[: pw.start()]) or _suffix_operator(t[pw.end():])
            return IndicatorValue(raw=raw, operator=op, number=number, unit="%",
                                  quantitative=True, ref=ref)

    m = _NUMBER.search(t)
    if m:
        before, after = t[: m.start()], t[m.end():]
        dl = _DEADLINE.match(t, m.start())
        if dl and ("月" in dl.group(0)) and (dl.group(0).startswith(m.group(0) + "年")
                                            or dl.group(0).startswith(m.group(0) + "月")):
            # A deadline names a date, not an amount: measurable, but no single number.
            return IndicatorValue(raw=raw, operator="≤" if dl.group("before") else None,
                                  unit="日期", quantitative=True, ref=ref)
        number = Decimal(m.group(0).replace(",", ""))
        unit, rest = _unit_of(after)
        unit, unit_op = _strip_suffix_operator(unit)
        op = _prefix_operator(before) or unit_op or _suffix_operator(rest)
        return IndicatorValue(raw=raw, operator=op, number=number, unit=unit,
                              quantitative=True, ref=ref)

    # Chinese numerals count only as `[operator] numeral unit [suffix]`, e.g. `不少于三次`;
    # elsewhere they are words (`一次性`, `统一`, `三级`).
    for cm in _CN_NUMBER.finditer(t):
        value = cn_to_int(cm.group(0))
        if value is None:
            continue
        before, after = t[: cm.start()], t[cm.end():]
        unit, rest = _unit_of(after)
        if unit not in KNOWN_UNITS or unit == "%":
            continue
        op = _prefix_operator(before)
        suffix = _suffix_operator(rest)
        if (before and op is None) or (rest and suffix is None):
            continue
        return IndicatorValue(raw=raw, operator=op or suffix, number=Decimal(value), unit=unit,
                              quantitative=True, ref=ref)

    return IndicatorValue(raw=raw, ref=ref)


__all__ = ["parse_indicator_value", "cn_to_int", "PREFIX_OPERATORS", "SUFFIX_OPERATORS", "KNOWN_UNITS"]
