"""Helpers shared by the document-kind parsers: years, periods and amount units in free text,
label/value pairs, and small questions about cells of the neutral model (merges, numbers).

Nothing here knows a kind's wording; word lists are passed in by the caller (from its YAML).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from extractors.indicator_values import cn_to_int
from extractors.numbers import ZERO_MARKS, NumberError, parse_decimal
from extractors.text import clean, fold
from schemas.document import Cell, Table
from schemas.provenance import SourceRef

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


# ---------------------------------------------------------------------------------------------
# Labels and inline “label：value” texts


def label_key(text: str) -> str:
    """A label cell as a matching key: folded, without “（盖章）” and a trailing colon."""
    t = fold(text)
    t = re.sub(r"\((盖章|公章|章|签章)\)", "", t)
    return t.rstrip(":")


def prefix_by_folded_len(text: str, n: int) -> str:
    """The prefix of `text` whose folded form is `n` characters long."""
    out, count = "", 0
    for ch in text:
        if count >= n:
            break
        out += ch
        count += len(fold(ch))
    return out


def cut_value(value: str, stops: Iterable[str]) -> str:
    """An inline value up to the next “label：” or the first stop word (“单位：”, “填报日期” …)."""
    v = clean(value)
    # “南街街道办事处 联系人：张三”: the next “label:” ends the value; a space alone does not
    m = re.search(r"\s+\S{1,8}?[:：]", v)
    if m:
        v = v[: m.start()]
    folded = fold(v)
    hits = [i for i in (folded.find(fold(stop)) for stop in stops) if i >= 0]
    if hits:
        v = clean(prefix_by_folded_len(v, min(hits)))
    return v.strip(":： ")


def inline_labelled(text: str, labels: Iterable[str], stops: Iterable[str],
                    word_start: bool = False) -> str | None:
    """`填报单位（盖章）：南街街道办事处 单位：万元` → `南街街道办事处` for label 填报单位.

    With `word_start`, the label must not continue a longer word (`主管部门名称：` is not
    `部门名称：`)."""
    t = unicodedata.normalize("NFKC", text)
    stops = list(stops)
    for label in labels:
        pat = re.escape(label).replace(r"\(", r"\s*\(\s*").replace(r"\)", r"\s*\)\s*")
        lead = r"(?<![\u3400-\u9fffA-Za-z])" if word_start else ""
        m = re.search(lead + pat + r"\s*(?:\((?:盖章|公章|章|签章)\))?\s*:\s*(.+)", t)
        if m:
            value = cut_value(m.group(1), stops)
            if value:
                return value
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


# ---------------------------------------------------------------------------------------------
# Cells of the neutral model


def is_number(text: str) -> bool:
    try:
        return parse_decimal(text) is not None
    except NumberError:
        return False


def is_figure(text: str) -> bool:
    """A number, or a zero written as `-`/`—`."""
    return bool(text) and (is_number(text) or fold(text) in ZERO_MARKS)


def has_numbers(row: list[Cell]) -> bool:
    return any(is_number(c.text) and fold(c.text) not in ("-", "--", "/") for c in row if c.text)


def cell_ref(cell: Cell) -> SourceRef:
    return cell.ref.with_label()


def merge_key(cell: Cell) -> tuple[int | None, int | None]:
    """The (row, column) of the merge origin of `cell` (itself when not merged)."""
    return cell.merged_from or (cell.ref.row, cell.ref.column)


def origin_cell(table: Table, cell: Cell) -> Cell:
    """The top-left cell of the merged range `cell` belongs to."""
    if cell.merged_from and cell.merged_from != (cell.ref.row, cell.ref.column):
        r, c = cell.merged_from
        for row in table.rows:
            for other in row:
                if other.ref.row == r and other.ref.column == c:
                    return other
    return cell


def covered_from_above(cell: Cell) -> bool:
    return bool(cell.merged_from) and cell.merged_from[0] < (cell.ref.row or 0)


def same_origin(a: Cell, b: Cell | None) -> bool:
    """Whether two different cells belong to one merged range."""
    if b is None or a is b:
        return False
    return merge_key(a) == merge_key(b)


def column_header_texts(table: Table, top: int, bottom: int, col: int) -> list[str]:
    """Texts of one column over the header rows (0-based, inclusive), bottom first, no repeats."""
    out: list[str] = []
    for r in range(bottom, top - 1, -1):
        row = table.rows[r]
        if col < len(row) and row[col].text and row[col].text not in out:
            out.append(row[col].text)
    return out


def group_column(table: Table, bottom: int, col: int) -> bool:
    """A label merged down from the header into the data rows (“预算执行情况（万元）”,
    “年度绩效指标” beside the block) names the block, not a column."""
    if bottom + 1 >= table.n_rows:
        return False
    below, here = table.rows[bottom + 1][col], table.rows[bottom][col]
    return bool(here.text) and below.merged_from == merge_key(here)


def starts_with_any(text: str, words: Iterable[str]) -> bool:
    t = fold(text)
    return any(t.startswith(fold(w)) for w in words)


__all__ = [
    "find_period", "find_year", "find_amount_unit", "unit_from_title", "label_key",
    "prefix_by_folded_len", "cut_value", "inline_labelled", "strip_org_code", "is_number", "is_figure", "has_numbers",
    "cell_ref", "merge_key", "origin_cell", "covered_from_above", "same_origin",
    "column_header_texts", "group_column", "starts_with_any",
]
