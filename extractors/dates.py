"""Calendar dates printed in the documents: 填报日期 / 报送日期 / 发布时间 labels, and the dated
signature line (落款) at the end of a report or a 情况说明.

`parse_date` reads one date (`2024年1月15日`, `2024-01-15`, `2024.1.15`, `2024/01/15`, full-width
digits, `二〇二四年一月十五日`); `find_dates` finds every date in a text. A year alone, or a year and a
month, is not a date; an impossible day (2024年2月30日) is not one either.
`labelled_date` and `signature_date` look for a date in a neutral `Document` and keep where it was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Sequence

from extractors import wording
from extractors.indicator_values import cn_to_int
from textnorm.text import clean
from schemas.document import Cell, Document, Table, TextBlock
from schemas.records import DateValue

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○一二三四五六七八九"
_SP = r"[ \t]*"

# Arabic digits (after NFKC): 2024年1月15日 (spaces allowed around the parts), 2024-01-15, 2024.1.15, 2024/01/15.
_ARABIC = re.compile(
    r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})" + _SP
    + r"(?:年" + _SP + r"(?P<m1>[0-9]{1,2})" + _SP + r"月" + _SP + r"(?P<d1>[0-9]{1,2})" + _SP + r"[日号]"
    + r"|(?P<sep>[-/.])(?P<m2>[0-9]{1,2})(?P=sep)(?P<d2>[0-9]{1,2})(?![0-9]|\.[0-9]))"
)
# Chinese numerals: 二〇二四年一月十五日, 二零二四年十二月三十一日.
_CHINESE = re.compile(
    r"(?P<y>[" + _CN + r"]{4})" + _SP + r"年" + _SP + r"(?P<m>十[一二]?|[一二三四五六七八九])" + _SP + r"月" + _SP
    + r"(?P<d>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])" + _SP + r"[日号]"
)


def _normalise(text: str) -> str:
    """NFKC (full-width digits and punctuation → ASCII) without touching the Chinese numerals."""
    return unicodedata.normalize("NFKC", text or "").replace("\u3000", " ")


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int  # span in the NFKC-normalised text (same length as the original for these characters)
    end: int
    raw: str


def find_dates(text: str) -> list[FoundDate]:
    """Every valid full date (year, month and day) in `text`, in order."""
    t = _normalise(text)
    found: list[FoundDate] = []
    for m in _ARABIC.finditer(t):
        month, day = (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
        value = _make(int(m.group("y")), int(month), int(day))
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end(), m.group(0)))
    for m in _CHINESE.finditer(t):
        year = int("".join(str(_CN_DIGIT[ch]) for ch in m.group("y")))
        # the pattern admits only month and day numerals (一 … 三十一), which cn_to_int reads
        month, day = cn_to_int(m.group("m")) or 0, cn_to_int(m.group("d")) or 0
        value = _make(year, month, day) if year >= 1900 else None
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> date | None:
    """The date when `text` is one date and nothing else (surrounding spaces allowed)."""
    t = _normalise(text).strip()
    found = find_dates(t)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(t):
        return found[0].value
    return None


# ------------------------------------------------------------------ in a document

_LABEL_TAIL = re.compile(r"^[ \t]*[:：]?[ \t]*")
# What may follow a date in a labelled field: a time (发布时间：2025-01-20 10:30), then anything but
# the rest of a range (2024年1月1日至…) or more digits.
_AFTER_DATE = re.compile(r"^(?:[ \t]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?![ \t]*(?:[0-9]|至|到|~|-|—))")


@lru_cache(maxsize=256)
def _spaced(label: str) -> re.Pattern[str]:
    """`label` also when printed with spaces between its characters (填 报 日 期), compiled once."""
    return re.compile(r"[ \t]*".join(map(re.escape, label)))


def _after_label(text: str, labels: Sequence[str]) -> tuple[str, str] | None:
    """(label, the text after it and its colon) for the first label that `text` contains."""
    t = _normalise(text)
    for label in labels:
        m = _spaced(label).search(t)
        if m:
            rest = t[m.end():]
            return label, rest[_LABEL_TAIL.match(rest).end():]  # type: ignore[union-attr]
    return None


def _date_at_start(rest: str) -> FoundDate | None:
    found = find_dates(rest)
    if found and found[0].start == 0 and _AFTER_DATE.match(rest[found[0].end:]):
        return found[0]
    return None


def _value(found: FoundDate, raw: str, label: str, ref) -> DateValue:
    return DateValue(value=found.value, raw=clean(raw), label=label, ref=ref.with_label() if ref else None)


def _distinct_right(row: list[Cell], col: int) -> Cell | None:
    """The first cell right of column `col` (0-based) that is not part of the same merged cell."""
    here = row[col].merged_from or (row[col].ref.row, row[col].ref.column)
    for cell in row[col + 1:]:
        if (cell.merged_from or (cell.ref.row, cell.ref.column)) != here:
            return cell
    return None


def _in_table(table: Table, labels: Sequence[str]) -> DateValue | None:
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            hit = _after_label(cell.text, labels) if cell.text else None
            if hit is None:
                continue
            label, rest = hit
            if clean(rest):
                found = _date_at_start(rest)
                if found:
                    return _value(found, cell.text, label, cell.ref)
                continue
            # the label alone: the date is in the next cell to the right, or the cell below
            right = _distinct_right(row, c)
            below = table.rows[r + 1][c] if r + 1 < len(table.rows) else None
            for other in (right, below):
                if other is not None and other.text:
                    value = parse_date(other.text)
                    if value is None:
                        found = _date_at_start(_normalise(other.text).strip())
                        value = found.value if found else None
                    if value is not None:
                        return DateValue(value=value, raw=clean(other.text), label=label,
                                         ref=other.ref.with_label())
    return None


def _in_block(block: TextBlock, labels: Sequence[str]) -> DateValue | None:
    for line in (block.text or "").splitlines() or [block.text]:
        hit = _after_label(line, labels)
        if hit is None:
            continue
        label, rest = hit
        found = _date_at_start(rest)
        if found:
            return _value(found, line, label, block.ref)
    return None


def _stream(doc: Document) -> list[TextBlock | Table]:
    items: list[tuple[int, int, TextBlock | Table]] = [(b.order, 0, b) for b in doc.blocks]
    items += [(t.order, 1, t) for t in doc.tables]
    return [item for _, _, item in sorted(items, key=lambda x: (x[0], x[1]))]


def labelled_date(doc: Document, labels: Sequence[str], items: Iterable[TextBlock | Table] | None = None
                  ) -> DateValue | None:
    """The first date printed after one of `labels` (填报日期：2024年1月15日), in a text line or a
    cell (or the next cell right of / below a cell that holds the label alone), in reading order."""
    for item in (items if items is not None else _stream(doc)):
        found = _in_block(item, labels) if isinstance(item, TextBlock) else _in_table(item, labels)
        if found is not None:
            return found
    return None


def labelled_dates_per_record(doc: Document, labels: Sequence[str], record_tables: Sequence[set[int]]
                              ) -> list[DateValue | None]:
    """The labelled date of each of several records read from one document, `record_tables` giving
    the table indexes each record was read from (in document order). A record's date is looked for
    in its own tables, then between its last table and the next record's first (a 填报日期 line
    under the table), then between the previous record's last table and its first (a line above
    it) unless the previous record took that date. A record with none of its own takes the
    document's first date (a date printed once for all the tables)."""
    whole = labelled_date(doc, labels)
    if len(record_tables) < 2:
        return [whole] * len(record_tables)
    order = {t.index: t.order for t in doc.tables}
    spans = [(min((order[i] for i in ts if i in order), default=None),
              max((order[i] for i in ts if i in order), default=None)) for ts in record_tables]
    stream = _stream(doc)
    out: list[DateValue | None] = []
    for k, (first, last) in enumerate(spans):
        if first is None or last is None:
            out.append(whole)
            continue
        prev_last = next((spans[j][1] for j in range(k - 1, -1, -1) if spans[j][1] is not None), float("-inf"))
        next_first = next((spans[j][0] for j in range(k + 1, len(spans)) if spans[j][0] is not None),
                          float("inf"))
        own = [i for i in stream if first <= i.order <= last]
        below = [i for i in stream if last < i.order < next_first]
        above = [i for i in stream if prev_last < i.order < first]
        found = labelled_date(doc, labels, own) or labelled_date(doc, labels, below)
        if found is None:
            found = labelled_date(doc, labels, above)
            if found is not None and out and out[-1] == found:
                found = None
        out.append(found or whole)
    return out


# A signature line: the date alone, or a unit's name (or 盖章) then the date, and nothing after it.
_ORG_END = re.compile(r"(?:办事处|街道|局|委员会|委|政府|中心|院|所|部|处|室|站|队|会|办|公司|单位|厅|署|馆|校|"
                      r"[（(](?:盖章|公章|章)[)）]|盖章|签章)$")
_SIGN_PREFIX_MAX = 40


def _signature_in(text: str) -> FoundDate | None:
    t = _normalise(text).strip()
    found = find_dates(t)
    if not found:
        return None
    last = found[-1]
    if t[last.end:].strip():
        return None
    prefix = t[:last.start].strip()
    if not prefix:
        return last
    if len(prefix) > _SIGN_PREFIX_MAX or re.search(r"[，。；：:,;0-9]", prefix):
        return None
    return last if _ORG_END.search(prefix) else None


def signature_date(doc: Document, blocks: Sequence[TextBlock] | None = None) -> DateValue | None:
    """The date of the last signature line (落款) among `blocks` (default: every text block):
    a line that is a date alone or a unit's name followed by a date."""
    chosen: DateValue | None = None
    for block in (blocks if blocks is not None else sorted(doc.blocks, key=lambda b: b.order)):
        for line in (block.text or "").splitlines() or [block.text]:
            found = _signature_in(line)
            if found:
                chosen = _value(found, line, "落款日期", block.ref)
    return chosen


def date_labels(record_type: str) -> tuple[str, ...]:
    """The labels of extractors/kinds/dates.yaml for `record_type` (with a run's overrides)."""
    return tuple(wording.load("dates", wording.DatesWording).labels.get(record_type, ()))


__all__ = ["date_labels", "labelled_dates_per_record", "FoundDate", "find_dates", "parse_date", "labelled_date", "signature_date"]
