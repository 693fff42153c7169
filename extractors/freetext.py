"""Years, periods, amount units and organisation names in free text (titles, header lines,
file and folder names). Nothing here knows a kind's wording: word lists come from the caller."""

from __future__ import annotations

import re
from typing import Iterable

from extractors.indicator_values import cn_to_int
from textnorm.text import clean, fold

# ---------------------------------------------------------------------------------------------
# Periods, years and amount units in free text

_CN_MONTH = "一二三四五六七八九十"
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], int | None], ...] = (
    # 1-6月, 1月-6月, 01-06月, 1月1日-6月30日, 1月份-6月份
    (re.compile(r"(?<![\d.])0?1月?份?(?:1日)?(?:-|到)(?:20\d{2}年)?(\d{1,2})月"), None),
    (re.compile(rf"[一壹]月?份?(?:-|到)([{_CN_MONTH}]{{1,3}})月"), None),
    (re.compile(r"前三季度|三季度末|第三季度末|1-3季度|一-三季度|第1-3季度|第一-三季度"), 9),
    (re.compile(r"上半年|前两季度|前二季度|二季度末|第二季度末|1-2季度|一-二季度"), 6),
    (re.compile(r"第一季度|一季度末|^一季度"), 3),
    (re.compile(r"前(\d{1,2})个月"), None),
    (re.compile(rf"前([{_CN_MONTH}]{{1,3}})个月"), None),
    # 截至6月底 (fold turns 至 into "-"), 截止6月30日, 截止到6月
    (re.compile(r"截(?:止|-)(?:到|-)?(?:20\d{2}年)?(\d{1,2})月"), None),
    (re.compile(rf"截(?:止|-)(?:到|-)?(?:20\d{{2}}年)?([{_CN_MONTH}]{{1,3}})月"), None),
    (re.compile(r"(?<![\d-])(\d{1,2})月(?:底|末)"), None),
    # a quarter alone: monitoring is cumulative, so it runs to the end of that quarter
    (re.compile(r"(?:第)?[三3]季度"), 9),
    (re.compile(r"(?:第)?[二2]季度"), 6),
    (re.compile(r"(?:第)?[一1]季度"), 3),
)
_YEAR = re.compile(r"(?<!\d)(20\d{2})年(度)?")
_DATE_AFTER = re.compile(r"\d{1,2}月\d{1,2}日")
_UNIT_IN_TEXT = (
    re.compile(r"单位[:]?\(?(万元|元)"),
    re.compile(r"\((万元|元)\)"),
    re.compile(r"金额[:]?(万元|元)$"),
)


def find_period(text: str) -> int | None:
    """The N of 1–N月 a text names, or None."""
    t = fold(text)
    for pattern, fixed in _PERIOD_PATTERNS:
        m = pattern.search(t)
        if not m:
            continue
        if fixed is not None:
            return fixed
        g = m.group(1)
        n = int(g) if g.isdigit() else cn_to_int(g)
        if n is not None and 1 <= n <= 12:
            return n
    return None


_CITED_TITLE = re.compile(r"《[^《》]*》")


def find_year(text: str, allow_dates: bool = False) -> int | None:
    """The budget year a text names; a filing date (`2024年7月10日`) does not count unless the
    text also names a period."""
    # A year inside a cited title (《宝安区2022年度…工作要点》) is that document's, not this one's.
    t = _CITED_TITLE.sub("", fold(text))
    has_period = find_period(t) is not None
    if not allow_dates and not has_period and re.search(r"日期|时间|打印|制表", t):
        return None
    for m in _YEAR.finditer(t):
        if not has_period and not allow_dates and _DATE_AFTER.match(t, m.end()):
            continue
        return int(m.group(1))
    return None


def find_amount_unit(text: str) -> str | None:
    """`单位：万元`, `金额单位：元`, `预算金额（万元）` → the amount unit printed, else None."""
    t = fold(text)
    for p in _UNIT_IN_TEXT:
        m = p.search(t)
        if m:
            return m.group(1)
    return None


def unit_from_title(text: str, stops: Iterable[str], org_suffixes: Iterable[str]) -> str | None:
    """The unit name a title starts with: `南街街道办事处2024年1—9月绩效运行监控表` → `南街街道办事处`.

    The name runs up to the year, a bracket or the first of `stops` (`部门整体`, `项目支出` …)
    and must end like an organisation (`办事处`, `局` … in `org_suffixes`)."""
    t = fold(text)
    t = re.sub(r"^(附件|附表|表)[\d一二三四五六七八九十]*[:.、-]?", "", t)
    # “2024年度南街街道办事处…”: the year (and period) may come first
    t = re.sub(r"^[(]?20\d{2}年度?(1-\d{1,2}月|上半年|前三季度)?[)]?", "", t)
    cut = len(t)
    m = re.search(r"20\d{2}年|\(", t)
    if m:
        cut = m.start()
    for stop in stops:
        i = t.find(stop)
        if 0 <= i < cut:
            cut = i
    name = t[:cut]
    if len(name) >= 2 and any(name.endswith(s) for s in org_suffixes):
        return name
    return None


_ORG_CODE = re.compile(r"^\s*[\[【〔(（]\s*[0-9A-Za-z][0-9A-Za-z.\-]*\s*[\]】〕)）]\s*"
                       r"|\s*[\[【〔(（]\s*\d[0-9A-Za-z.\-]*\s*[\]】〕)）]\s*$")


def strip_org_code(text: str) -> str:
    """An organisation name without the bracketed code a budget system prints with it
    (`[153]国家水文监测局` under 主管部门及代码 → `国家水文监测局`, `南街街道办事处（102001）` →
    `南街街道办事处`). Only a bracketed code goes: an organisation name never starts with one."""
    t = clean(text)
    stripped = _ORG_CODE.sub("", t).strip()
    return stripped or t
