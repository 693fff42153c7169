"""Parse an indicator value (指标值) such as `≥90%`, `不低于50%`, `12次`, `健全` into its parts.

An indicator is quantitative when its value states a number the result can be measured against,
with or without an operator or unit (`100%`, `≥90%`, `12次`, `不低于50%`, `可控性100%`,
`90.00(度)`); it is qualitative when it states no number (`按月发放`, `健全`, `及时率`).

Conventions (decided here, relied on by checks and the target parser):
- A deadline (`12月底前`, `2024年12月31日前`, `2024-06-30前`, `第3季度末`) is quantitative with
  unit "日期", no number, and operator "≤" when it says 前/之前/以前/内 (or 不晚于 …).
  `年底前` names no number and stays qualitative.
- A range (`1-2次`, `3~5个`, `90%-95%`, `一至两次`) gives `number` = lower bound, `upper` = upper
  bound and no operator (a prefix such as 控制在 would contradict the lower bound).
- "零" is a number: `零事故`, `安全事故零发生`, `零投诉` → 0 (no unit), `0起`/`零起` → 0 起.
  `无重大事故` / `无…` states an absence without a number: qualitative (unless a digit follows).
- Chinese numerals count only as `[operator | lead-in] numeral unit [suffix]` (`不少于三次`,
  `十二次`, `每年两次`); elsewhere they are words (`一次性`, `统一`, `三级`, `两个确保`).
- Units are returned NFKC-normalised (`％` → `%`); `㎡`/`m²` become 平方米, `m³` 立方米.
- 指标性质 "定性"/"定量" and 指标方向 columns are hints only: the domain rule (a number is
  stated) decides `quantitative`; 正向 reads as ≥ and 反向 as ≤.

Everything that varies by wording is a table below; the functions only walk the tables.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from textnorm.text import clean
from schemas.provenance import SourceRef
from schemas.records import IndicatorValue, Operator


def _longest_first(pairs):
    """Longest spelling first, so `不低于` is tried before `低于` and `个工作日` before `个`."""
    return tuple(sorted(pairs, key=lambda p: len(p[0] if isinstance(p, tuple) else p), reverse=True))


# Operators written before the number, longest first so `>=` wins over `>` and `不低于` is not
# read as `低于`. Matched after NFKC, so `＞＝` arrives as `>=`.
PREFIX_OPERATORS: tuple[tuple[str, Operator], ...] = _longest_first([
    ("≥", "≥"), (">=", "≥"), ("=>", "≥"), ("≧", "≥"), ("⩾", "≥"), ("≮", "≥"),
    ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("不得低于", "≥"), ("不得少于", "≥"),
    ("不应低于", "≥"), ("不应少于", "≥"), ("大于等于", "≥"), ("大于或等于", "≥"), ("高于等于", "≥"),
    ("高于或等于", "≥"), ("多于或等于", "≥"), ("至少", "≥"), ("达到", "≥"), ("不下于", "≥"),
    ("≤", "≤"), ("<=", "≤"), ("=<", "≤"), ("≦", "≤"), ("⩽", "≤"), ("≯", "≤"),
    ("不超过", "≤"), ("不高于", "≤"), ("不大于", "≤"), ("不多于", "≤"), ("不得超过", "≤"),
    ("不得高于", "≤"), ("不应超过", "≤"), ("不应高于", "≤"), ("小于等于", "≤"), ("小于或等于", "≤"),
    ("低于等于", "≤"), ("低于或等于", "≤"), ("少于或等于", "≤"), ("控制在", "≤"), ("至多", "≤"),
    ("最多", "≤"), ("不晚于", "≤"), ("不迟于", "≤"),
    (">", ">"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
    ("<", "<"), ("小于", "<"), ("低于", "<"), ("少于", "<"), ("不足", "<"),
    ("=", "="), ("等于", "="),
])

# Operators written after the number (and its unit): `95%以上`, `5万元以内`, `3个工作日内`.
SUFFIX_OPERATORS: tuple[tuple[str, Operator], ...] = _longest_first([
    ("及以上", "≥"), ("以上", "≥"), ("或以上", "≥"), ("(含)以上", "≥"), ("含以上", "≥"),
    ("及以下", "≤"), ("以下", "≤"), ("或以下", "≤"), ("(含)以下", "≤"), ("含以下", "≤"),
    ("以内", "≤"), ("之内", "≤"), ("内", "≤"),
])

# 指标方向 / 指标性质 column words that are not operators themselves.
DIRECTION_WORDS: dict[str, Operator | None] = {
    "正向": "≥", "正向指标": "≥", "越大越好": "≥", "反向": "≤", "反向指标": "≤", "越小越好": "≤",
    "定量": None, "定性": None, "中性": None, "定量指标": None, "定性指标": None,
}

# Words after the number that neither are a unit nor change the meaning.
TAIL_WORDS: tuple[str, ...] = ("左右", "上下", "前后", "及时", "之间")

# Lead-ins after which a Chinese numeral is still a count (`每年两次`, `累计十二次`).
CN_LEAD_INS: tuple[str, ...] = _longest_first([
    "每年", "全年", "年均", "每季度", "每季", "每月", "每半年", "每周", "每学期", "累计", "共计",
    "合计", "共", "开展", "召开", "举办", "组织", "完成", "达",
])

# Nouns after "零" that make it a count of zero (`零事故`, `零投诉`, `安全事故零发生`).
ZERO_NOUNS: tuple[str, ...] = _longest_first([
    "发生", "事故", "安全事故", "投诉", "有效投诉", "差错", "失误", "伤亡", "死亡", "违规", "违纪",
    "案件", "上访", "信访", "越级上访", "拖欠", "欠薪", "漏报", "误报", "迟报", "瞒报", "逾期",
    "延误", "缺陷", "事件", "故障", "返工", "通报", "问责", "处罚", "扣分", "退件", "积压",
])

# Units we know, longest first. Compounds with `/` and `·` are also built from pieces
# (`次/年`, `万元/人·年`), so only units that read as one word need listing.
KNOWN_UNITS: tuple[str, ...] = _longest_first([
    "%", "‰", "万元/人·年", "万元/人/年", "元/人·年", "元/人/年", "万元/人", "元/人", "元/平方米",
    "万元/公里", "亿元", "万元", "千元", "元", "人次", "户次", "家次", "车次", "架次", "班次", "场次",
    "台次", "件次", "批次", "课次", "万人次", "次", "万人", "人", "个", "项", "家", "户", "万户",
    "个工作日", "工作日", "个小时", "个钟头", "天", "日", "周", "个月", "月", "季度", "年", "小时", "分钟", "秒",
    "公里", "千米", "米", "厘米", "平方米", "万平方米", "平方公里", "立方米", "万立方米", "公顷",
    "亩", "万亩", "吨", "万吨", "千克", "公斤", "克", "微克", "毫克", "升", "毫升", "千瓦", "千瓦时",
    "万千瓦时", "度", "件", "份", "场", "期", "所", "座", "辆", "台", "套", "张", "篇", "批",
    "名", "支", "处", "条", "册", "本", "班", "课时", "学时", "分", "盏", "棵", "株", "只", "头",
    "间", "栋", "幢", "起", "宗", "例", "床", "张床", "所次", "块", "根", "段", "组", "队", "号",
    "页", "部", "类", "种", "门", "位", "人/天", "人/年",
    "km", "m", "cm", "mm", "kg", "g", "mg", "ml", "kW", "kWh", "°C",
])

# Units spoken with a measure word, written as the plain unit: `3个小时内` is ≤ 3 小时.
SPOKEN_UNITS: dict[str, str] = {"个小时": "小时", "个钟头": "小时"}

_BLANK = {"", "-", "--", "—", "——", "/", "无"}

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
              "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
              "捌": 8, "九": 9, "玖": 9}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}

# Before NFKC: list markers (①, ⑴, ⒈) would otherwise become digits; area/volume symbols
# would become `m2`.
_PRE_NFKC = {**{chr(c): " " for c in range(0x2460, 0x249C)},
             "㎢": "平方公里", "km²": "平方公里", "㎡": "平方米", "m²": "平方米", "㎥": "立方米",
             "m³": "立方米"}  # `km²` before `m²`
# After NFKC: one spelling per sign.
_SIGNS = str.maketrans({"⩾": "≥", "≧": "≥", "⩽": "≤", "≦": "≤", "−": "-", "〜": "~",
                        "・": "·", "•": "·", "∙": "·", "⋅": "·", "‧": "·", "【": "(", "】": ")",
                        "〔": "(", "〕": ")", "[": "(", "]": ")"})
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

_NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_CN_NUMBER = re.compile(r"[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]+")
_PERCENT_WORD = re.compile(r"百分之([零〇一二两三四五六七八九十百点.0-9]+)")
_RANGE_SEP = re.compile(r"-|~|—{1,2}|–|至|到")
# Longer alternatives first: a date must not stop after the `3` of `31`.
_M, _D = r"(?:1[0-2]|0?[1-9])", r"(?:3[01]|[12][0-9]|0?[1-9])"
_IN_MONTH = r"(?:" + _D + r"[日号]|底|末|份|初|上旬|中旬|下旬)"
# A date or deadline starting at a number: `2024年12月31日前`, `12月底前`, `2024-06-30`,
# `3季度末`, `1-6月` (a period). Checked at each number before reading it as an amount. A numeric
# date keeps one separator (`2024-06-30`, `2024.6.30`): `1900.1-1,901次` is a range, not 1900-1-1.
_DATE = re.compile(
    r"(?:(?:19|20)[0-9]{2}(?P<sep>[-/.])" + _M + r"(?P=sep)" + _D + r"日?"
    r"|(?:19|20)[0-9]{2}年度?(?:" + _M + r"月" + _IN_MONTH + r"?|年?底|年?末|上半年|下半年)?"
    r"|" + _M + r"月" + _IN_MONTH + r"?"
    r"|" + _M + r"(?:-|~|—{1,2}|至|到)" + _M + r"月"
    r"|[1-4]季度(?:末|底)?)"
    r"(?P<before>之前|以前|前|以内|内|止)?"
)
_CN_M = r"(?:十[一二]?|[一二三四五六七八九])"
# The same with Chinese numerals, only as the whole value: `十二月底前完成`, `第四季度末前`.
_CN_DATE = re.compile(
    r"(?:于|在|第)?(?:" + _CN_M + r"月(?:底|末|份|初|上旬|中旬|下旬|[一二三]?十[一二三四五六七八九]?日"
    r"|[一二三四五六七八九]日)?|[一二三四]季度(?:末|底)?)"
    r"(?P<before>之前|以前|前|以内|内)?(?:完成|完工|建成|拨付|到位|发放|开展|实施)?"
)
_DEADLINE_OPERATOR: Operator = "≤"


def _normalise(raw: str) -> str:
    t = raw or ""
    for old, new in _PRE_NFKC.items():
        if old in t:
            t = t.replace(old, new)
    t = unicodedata.normalize("NFKC", t).translate(_SIGNS)
    return _SPACES.sub("", t)


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
                head = section + (digit or 0)
                total += (head or 1) * mult  # a bare `万` is one 万
                section = 0
            else:
                section += (1 if digit is None else digit) * mult
            digit = None
    return total + section + (digit or 0)


def _prefix_operator(before: str) -> Operator | None:
    before = before.rstrip("(:：")
    for word, op in PREFIX_OPERATORS:
        if before.endswith(word):
            return op
    return None


def _strip_prefix_operator(t: str) -> str:
    """`t` without an operator it starts with (`不晚于十二月底` → `十二月底`)."""
    for word, _op in PREFIX_OPERATORS:
        if t.startswith(word):
            return t[len(word):]
    return t


def _suffix_operator(rest: str) -> tuple[Operator | None, str]:
    """The operator at the start of `rest` (`以上…`) and what follows it."""
    for word, op in SUFFIX_OPERATORS:
        if rest.startswith(word):
            return op, rest[len(word):]
    return None, rest


def _is_stop(s: str) -> bool:
    """Where an unknown unit must end: an operator word, a tail word, a separator."""
    return (not s or _suffix_operator(s)[0] is not None or s.startswith(TAIL_WORDS)
            or s.startswith(("前", "后", "的", "及", "或", "和", "并", "且", "以", "(", "/"))
            or _RANGE_SEP.match(s) is not None)


def _atom(s: str, fallback: bool = True) -> tuple[str | None, str]:
    """One unit word at the start of `s`: a known unit, else a short run of letters."""
    for unit in KNOWN_UNITS:
        if s.startswith(unit):
            return SPOKEN_UNITS.get(unit, unit), s[len(unit):]
    if not fallback:
        return None, s
    i = 0
    while i < 4 and i < len(s) and not _is_stop(s[i:]) and (
            s[i].isalpha() and not _CN_NUMBER.match(s[i])):
        i += 1
    return (s[:i], s[i:]) if i else (None, s)


def _unit_of(after: str, fallback: bool = True) -> tuple[str | None, str]:
    """The unit at the start of `after` and what follows it.

    Handles `(度)` in brackets, `台(套)`, and compounds such as `次/年`, `万元/人·年`, `/10万`.
    """
    s = after
    m = re.match(r"\(([^()]{1,6})\)", s)
    if m:
        inner, tail = _atom(m.group(1), fallback=False)
        if inner and not tail:  # `90.00(度)`; not `95(满意度)`
            return inner, s[m.end():]
    unit, s = _atom(s, fallback)
    if unit:
        m = re.match(r"\(([^()]{1,3})\)", s)  # `台(套)`
        if m and m.group(1) in KNOWN_UNITS:
            unit, s = f"{unit}({m.group(1)})", s[m.end():]
    unit = unit or ""
    while s[:1] == "/" or (s[:1] == "·" and unit):
        m = re.match(r"[/·]([0-9]*)", s)
        assert m is not None
        atom, tail = _atom(s[m.end():], fallback)
        if not atom or (not unit and not m.group(1) and atom not in KNOWN_UNITS):
            break
        unit, s = unit + m.group(0) + atom, tail
    return unit or None, s


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _skip_tail(rest: str) -> str:
    for word in TAIL_WORDS:
        if rest.startswith(word):
            return rest[len(word):]
    return rest


def _range_upper(rest: str, unit: str | None, fallback: bool = True
                 ) -> tuple[Decimal, str | None, str] | None:
    """`-2次…` after a number: the upper bound, the unit and what follows; None if no range."""
    sep = _RANGE_SEP.match(rest)
    if not sep:
        return None
    m = _NUMBER.match(rest, sep.end())
    if not m:
        return None
    unit2, tail = _unit_of(rest[m.end():], fallback)
    if unit and unit2 and unit != unit2:
        return None
    return _decimal(m.group(0)), unit or unit2, tail


def _amount(raw: str, t: str, m: re.Match, ref: SourceRef | None) -> IndicatorValue:
    """The value whose number is `m` in the normalised text `t`."""
    before, after = t[: m.start()], t[m.end():]
    number = _decimal(m.group(0))
    if before.endswith(("-", "负")) and (len(before) == 1 or _prefix_operator(before[:-1])):
        number, before = -number, before[:-1]  # `≥-5%`
    unit, rest = _unit_of(after)
    upper = None
    rng = _range_upper(rest, unit)  # `1-2次`, `1次-2次`, `90%-95%`
    if rng and rng[0] >= number:
        upper, unit, rest = rng
    rest = re.sub(r"^\([^()]{0,4}\)(?=以|及|或)", "", rest)  # `95%(含)以上` also written `(含)`
    suffix, _ = _suffix_operator(_skip_tail(rest))
    op = None if upper is not None else (_prefix_operator(before) or suffix)
    return IndicatorValue(raw=raw, operator=op, number=number, upper=upper, unit=unit,
                          quantitative=True, ref=ref)


def _deadline(raw: str, before: str, d: re.Match, ref: SourceRef | None) -> IndicatorValue:
    """A date: `before` is the text ahead of it (`不晚于`)."""
    says_before = d.group("before") or _prefix_operator(before) == _DEADLINE_OPERATOR
    return IndicatorValue(raw=raw, operator=_DEADLINE_OPERATOR if says_before else None,
                          unit="日期", quantitative=True, ref=ref)


def _from_digits(raw: str, t: str, ref: SourceRef | None) -> IndicatorValue | None:
    """The first number that is not part of a date; else the first date as a deadline."""
    first_date = None
    pos = 0
    while (m := _NUMBER.search(t, pos)) is not None:
        d = _DATE.match(t, m.start())
        if d and d.end() >= m.end() and not t[d.end():d.end() + 1].isdigit():
            first_date = first_date or d
            pos = d.end()
            continue
        return _amount(raw, t, m, ref)
    return _deadline(raw, t[: first_date.start()], first_date, ref) if first_date else None


def _percent_number(inner: str) -> Decimal | None:
    """`95`, `九十五`, `九十点五` → the number; None when it is not one."""
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", inner):
        return Decimal(inner)
    whole, _, frac = inner.partition("点")
    n = cn_to_int(whole)
    if n is None or any(ch not in _CN_DIGITS for ch in frac):
        return None
    return Decimal(f"{n}.{''.join(str(_CN_DIGITS[ch]) for ch in frac)}" if frac else n)


def _from_percent_word(raw: str, t: str, ref: SourceRef | None) -> IndicatorValue | None:
    pw = _PERCENT_WORD.search(t)
    if not pw:
        return None
    number = _percent_number(pw.group(1))
    if number is None:
        return None
    op = _prefix_operator(t[: pw.start()]) or _suffix_operator(t[pw.end():])[0]
    return IndicatorValue(raw=raw, operator=op, number=number, unit="%", quantitative=True, ref=ref)


def _from_cn_numerals(raw: str, t: str, ref: SourceRef | None) -> IndicatorValue | None:
    """`不少于三次`, `十二个`, `每年两次`, `一至两次`; not `一次性`, `两个确保`, `三级`."""
    bare = _strip_prefix_operator(t)
    d = _CN_DATE.fullmatch(bare)
    if d:
        return _deadline(raw, t[: len(t) - len(bare)], d, ref)
    for cm in _CN_NUMBER.finditer(t):
        value = cn_to_int(cm.group(0))
        if value is None:
            continue
        before, after = t[: cm.start()], t[cm.end():]
        upper = None
        sep = _RANGE_SEP.match(after)
        if sep and (cm2 := _CN_NUMBER.match(after, sep.end())):
            high = cn_to_int(cm2.group(0))
            if high is not None and high >= value:
                upper, after = Decimal(high), after[cm2.end():]
        unit, rest = _unit_of(after, fallback=False)
        if unit is None or unit == "%":
            continue
        op = _prefix_operator(before)
        if before and op is None and not before.endswith(CN_LEAD_INS):
            continue
        suffix, tail = _suffix_operator(_skip_tail(rest))
        if _skip_tail(tail):
            continue
        return IndicatorValue(raw=raw, operator=None if upper is not None else (op or suffix),
                              number=Decimal(value), upper=upper, unit=unit, quantitative=True,
                              ref=ref)
    return None


_ZERO = re.compile(r"(?<![零〇一二两三四五六七八九十百千万])零(?=" + "|".join(ZERO_NOUNS) + ")")


def _from_zero_word(raw: str, t: str, ref: SourceRef | None) -> IndicatorValue | None:
    if _ZERO.search(t):
        return IndicatorValue(raw=raw, number=Decimal(0), quantitative=True, ref=ref)
    return None


def parse_indicator_value(raw: str, ref: SourceRef | None = None) -> IndicatorValue:
    """Split an indicator value into operator, number (and range upper bound) and unit, and say
    whether it is quantitative. Never raises; `raw` is kept as given."""
    t = _normalise(raw)
    if t in _BLANK:
        return IndicatorValue(raw=raw, ref=ref)
    for reader in (_from_percent_word, _from_digits, _from_cn_numerals, _from_zero_word):
        value = reader(raw, t, ref)
        if value is not None:
            return value
    return IndicatorValue(raw=raw, ref=ref)


# --- separate columns: 指标方向/指标性质 | 指标值 | 度量单位 ---------------------------------

_DIRECTION_SIGNS: dict[str, Operator | None] = {
    **{word: op for word, op in PREFIX_OPERATORS},
    **{word: op for word, op in SUFFIX_OPERATORS},
    **DIRECTION_WORDS,
}
# Unit columns sometimes spell the unit out.
UNIT_ALIASES: dict[str, str] = {"百分比": "%", "百分率": "%", "百分数": "%"}


def _direction_sign(direction: str) -> Operator | None:
    return _DIRECTION_SIGNS.get(_normalise(direction))


def _unit_column(unit: str) -> str:
    u = clean(unit)
    m = re.fullmatch(r"[(（\[【](.*)[)）\]】]", u)
    if m:  # `（%）`, `(万元)`
        u = m.group(1).strip()
    return UNIT_ALIASES.get(u, u)


def join_indicator_parts(direction: str, value: str, unit: str) -> str:
    """The text a reader would write for a value split over columns.

    `("≥","90","%")` → `≥90%`, `("大于等于","95","%")` → `≥95%`, `("定量","12","次")` → `12次`,
    `("定性","健全","")` → `健全`, `("反向","5","%")` → `≤5%`. An operator or unit the value
    cell already prints is not repeated; a value without a number is returned as printed.
    """
    v = clean(value)
    if not v:
        return ""
    sign = _direction_sign(direction or "")
    u = _unit_column(unit or "")
    alone = parse_indicator_value(v)
    text = v
    if sign and alone.operator is None and alone.upper is None and alone.unit != "日期":
        text = sign + text
    if u and alone.unit is None and not _normalise(v).endswith(_normalise(u)):
        text = text + u
    return text if parse_indicator_value(text).quantitative else v


def parse_indicator_parts(direction: str, value: str, unit: str,
                          ref: SourceRef | None = None) -> IndicatorValue:
    """Parse a value split over 指标方向/指标性质, 指标值 and 度量单位 columns.

    `raw` is the joined text (`join_indicator_parts`). 定性/定量 are hints only: the value is
    quantitative iff it states a number (domain.md), whatever the 指标性质 column says.
    """
    return parse_indicator_value(join_indicator_parts(direction, value, unit), ref)


__all__ = [
    "parse_indicator_value", "parse_indicator_parts", "join_indicator_parts", "cn_to_int",
    "PREFIX_OPERATORS", "SUFFIX_OPERATORS", "KNOWN_UNITS", "DIRECTION_WORDS", "UNIT_ALIASES",
    "TAIL_WORDS", "CN_LEAD_INS", "ZERO_NOUNS",
]
