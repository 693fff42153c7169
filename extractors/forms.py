"""The shared form reader: what every form-like kind (target, monitoring and self-evaluation
tables, final-accounts statements) needs to read a table of the neutral model.

- cells: merges, numbers, origins (`merge_key`, `origin_cell`, `has_numbers` …);
- labels: `label：value` in one cell, or a label cell with its value to the right or below
  (`HeaderText`, `header_texts`, `labelled`, `value_below`);
- header rows: one or several lines, merged, a header cell over a column of row labels
  (`column_header_texts`, `group_column`, `header_columns`);
- column roles: `ColumnRules`, built from a kind's wording (`wording.ColumnRule`).

Nothing here knows a kind's wording; word lists and rules are passed in by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from extractors.indicator_values import PREFIX_OPERATORS
from textnorm.numbers import ZERO_MARKS, NumberError, parse_decimal
from textnorm.text import clean, fold
from schemas.document import Cell, Table
from schemas.provenance import SourceRef
from schemas.records import Attribute

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


_OPERATOR_WORDS = frozenset(fold(word) for word, _ in PREFIX_OPERATORS)


def operator_text(cell: Cell | None) -> str:
    """The text of a 指标性质/方向 cell when it is an operator word (≥, 不低于 …), else ``""``."""
    return cell.text.strip() if cell is not None and fold(cell.text) in _OPERATOR_WORDS else ""


def group_label(table: Table, r: int, origin: Cell) -> bool:
    """Whether `origin` is a cell merged over several rows, covering row `r` (a row-group label
    such as 项目支出 beside its lines, not a line of its own)."""
    key = merge_key(origin)
    for rr in (r - 1, r + 1):
        if 0 <= rr < table.n_rows:
            for c in table.rows[rr]:
                if c.merged_from == key and c.ref.row != origin.ref.row:
                    return True
    return False


# ---------------------------------------------------------------------------------------------
# Column roles


_MEMO_SIZE = 50_000


@dataclass(frozen=True)
class ColumnRules:
    """Header text → column role, first matching rule wins (a kind's `columns:` wording).

    The role `ignore` claims a header (序号, 分值 …) so that no later rule does, and is never
    reported as a role of its own."""

    rules: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    # Header text → role, remembered: detection asks every kind about every cell of a file, and
    # again about each page of it. Pure in the text; cleared when it grows large.
    _roles: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False,
                                          hash=False)

    @classmethod
    def of(cls, entries: Iterable) -> "ColumnRules":
        """From wording entries: objects with `role` and `patterns` (strings or compiled)."""
        return cls(tuple((e.role, tuple(re.compile(p) if isinstance(p, str) else p for p in e.patterns))
                         for e in entries))

    def classify(self, text: str) -> str | None:
        try:
            return self._roles[text]
        except KeyError:
            pass
        role = self._classify(text)
        if len(self._roles) >= _MEMO_SIZE:
            self._roles.clear()
        self._roles[text] = role
        return role

    def _classify(self, text: str) -> str | None:
        t = fold(text)
        if not t:
            return None
        for role, patterns in self.rules:
            if any(p.search(t) for p in patterns):
                return role
        return None

    def row_roles(self, row: Sequence[Cell]) -> set[str]:
        """The roles named in a row (`ignore` left out)."""
        return {r for r in (self.classify(c.text) for c in row) if r and r != "ignore"}


def header_columns(table: Table, top: int, bottom: int, rules: ColumnRules,
                   amount_unit=None) -> tuple[dict[str, int], dict[int, str]]:
    """Role → first column of a header of one or several rows (`top`..`bottom`, 0-based), and the
    amount unit printed in a column's header (`预算数（万元）`) when `amount_unit` (a function of
    a text) is given. A column's lowest header text that has a role decides; a label merged down
    into the data rows names the block, not a column."""
    columns: dict[str, int] = {}
    units: dict[int, str] = {}
    for col in range(table.n_cols):
        texts = column_header_texts(table, top, bottom, col)
        if amount_unit is not None:
            for t in texts:
                u = amount_unit(t)
                if u:
                    units[col] = u
                    break
        if not texts or group_column(table, bottom, col):
            continue
        role = next((x for x in (rules.classify(t) for t in texts) if x), None)
        if role and role != "ignore" and role not in columns:
            columns[role] = col
    return columns, units


# ---------------------------------------------------------------------------------------------
# Label → value pairs of a header area


@dataclass
class HeaderText:
    """A text of a form's header area: a text block, or a cell (with its row and column, for a
    label whose value sits in the next cell to the right or below)."""

    text: str
    ref: SourceRef
    row: list[Cell] | None = None
    table: Table | None = None
    col: int | None = None  # 0-based column of the cell in `row`


def header_texts(table: Table, rows: Iterable[int]) -> list[HeaderText]:
    """The texts of the given rows of a table, one per merged range, left to right."""
    out = []
    for r in rows:
        row = table.rows[r]
        for c, cell in enumerate(row):
            if cell.text and cell.is_merge_origin:
                out.append(HeaderText(cell.text, cell_ref(cell), row, table, c))
    return out


def value_right_of(src: HeaderText, label_keys: set[str]) -> tuple[str, SourceRef] | None:
    """The first text right of a label cell, unless it is itself a label (`label_keys`, folded)."""
    if src.row is None or src.col is None:
        return None
    this = merge_key(src.row[src.col])
    for cell in src.row[src.col + 1:]:
        if merge_key(cell) == this or not cell.text:
            continue
        if label_key(cell.text) in label_keys:
            return None
        o = origin_cell(src.table, cell) if src.table else cell
        return cell.text, cell_ref(o)
    return None


def value_below(src: HeaderText, label_keys: set[str]) -> tuple[str, SourceRef] | None:
    """The text under a label cell (a header row of labels over a row of values, or a label that
    fills its row with its text on the next), unless that text is itself a label."""
    if src.row is None or src.col is None or src.table is None:
        return None
    table = src.table
    index = next((i for i, row in enumerate(table.rows) if row is src.row), None)
    if index is None or index + 1 >= table.n_rows or src.col >= len(table.rows[index + 1]):
        return None
    cell = table.rows[index + 1][src.col]
    if not cell.text or merge_key(cell) == merge_key(src.row[src.col]) or label_key(cell.text) in label_keys:
        return None
    return cell.text, cell_ref(origin_cell(table, cell))


def labelled(sources: Sequence[HeaderText], labels: Iterable[str], *, label_keys: set[str],
             value_stops: Iterable[str], below: bool = False) -> Attribute | None:
    """The first value given under one of `labels` (in label priority order): a label cell with
    its value to the right (or below, with `below`), or `label：value` in one text.
    `label_keys` are the folded labels of the form (a label is never another label's value)."""
    stops = list(value_stops)
    for label in labels:
        key = fold(label)
        for src in sources:
            if label_key(src.text) == key:
                found = value_right_of(src, label_keys) or (value_below(src, label_keys) if below else None)
                if found and clean(found[0]):
                    return Attribute(value=clean(found[0]), raw=found[0], ref=found[1])
            value = inline_labelled(src.text, [label], stops)
            if value:
                return Attribute(value=value, raw=src.text, ref=src.ref)
    return None
