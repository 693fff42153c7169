"""绩效运行监控表 (performance monitoring table): detector and parser.

A monitoring table has a budget-execution block (lines such as 合计 / 基本支出 / 项目支出 with
年初预算数, 全年预算数, 1–N月执行数, 执行率, 偏差原因, 改进措施) and usually an indicator block
(一级/二级/三级指标, 年度指标值, 1–N月实际完成值, 全年预计完成值, 偏差原因分析, 完成目标可能性).
Wording, column order and header layout vary between regions and years, so headers are found by
the patterns in `monitoring.yaml`, per column, over all rows of a (possibly multi-row) header.

Unit, year and period are read from the content (title, 填报单位 lines, cells above the table);
the file name is only a fallback and is marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from extractors.indicator_values import parse_indicator_value
from extractors.dates import date_labels, labelled_dates_per_record
from extractors.kinds import DocumentKind, ParseError, register
from extractors.forms import (
    ColumnRules,
    HeaderText,
    cell_ref,
    column_header_texts,
    covered_from_above,
    cut_value,
    group_column,
    group_label,
    operator_text,
    has_numbers,
    header_columns,
    header_texts,
    inline_labelled,
    is_figure,
    is_number,
    labelled,
    origin_cell,
    same_origin,
    starts_with_any,
)
from extractors.freetext import find_amount_unit, find_period, find_year  # noqa: F401  (part of this module's API)
from extractors.freetext import unit_from_title as title_unit_name
from extractors import wording
from extractors.wording import MonitoringWording
from textnorm.numbers import EXCEL_ERRORS, NumberError, amount, rate
from textnorm.text import clean, fold
from schemas.document import Cell, Document, Table
from schemas.monitoring import (
    COLUMN_NAMES,
    IndicatorProgress,
    MonitoringLine,
    MonitoringReport,
)
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue, UnreadCell, unknown_attribute

AMOUNT_ROLES = ("initial_budget", "annual_budget", "executed")
NUMBER_ROLES = AMOUNT_ROLES + ("reported_rate",)
TEXT_ROLES = ("deviation_reason", "measure")


# ---------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class _Config:
    raw: dict
    wording: MonitoringWording
    budget_columns: ColumnRules
    indicator_columns: ColumnRules
    line_synonyms: dict[str, str]  # folded synonym → canonical name
    label_prefixes: tuple[re.Pattern[str], ...]
    header_label_keys: set[str]  # folded labels of the header block (never a value)


def config() -> _Config:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> _Config:
    w = wording.load("monitoring", MonitoringWording)
    synonyms: dict[str, str] = {}
    for canonical, words in w.budget.lines.items():
        for word in [canonical, *words]:
            synonyms[fold(word)] = canonical
    h = w.header
    return _Config(
        raw=w.model_dump(),
        wording=w,
        budget_columns=ColumnRules.of(w.budget.columns),
        indicator_columns=ColumnRules.of(w.indicators.columns),
        line_synonyms=synonyms,
        label_prefixes=tuple(re.compile(p) for p in w.budget.label_prefixes),
        header_label_keys={fold(x) for x in [*h.unit_labels, *h.project_labels, *h.year_labels, *h.period_labels]},
    )


# ---------------------------------------------------------------------------------------------
# Small helpers over the neutral model


def strip_line_label(label: str) -> str:
    """`其中：人员经费` → `人员经费`, `一、基本支出` → `基本支出`, `合 计` → `合计` (folded)."""
    t = fold(label)
    t = re.sub(r"[(\[][^()\[\]]*(元|%|[A-Z]|=|\+|/)[^()\[\]]*[)\]]$", "", t)  # “(A)”, “(万元)”
    changed = True
    while changed:
        changed = False
        for p in config().label_prefixes:
            new = p.sub("", t, count=1)
            if new != t:
                t, changed = new, True
    return t.strip(":：")


def canonical_line(label: str) -> str | None:
    """The canonical budget-line name of a label, or None when it is not a known line."""
    t = strip_line_label(label)
    syn = config().line_synonyms
    if t in syn:
        return syn[t]
    best = max((k for k in syn if t.startswith(k)), key=len, default=None)
    return syn[best] if best else None


# ---------------------------------------------------------------------------------------------
# Periods, years, units and names in free text


def _is_title(text: str) -> bool:
    t = fold(text)
    return any(w in t for w in config().raw["detect"]["title_words"]) or "监控" in t


def unit_from_title(text: str) -> str | None:
    """`南街街道办事处2024年1—9月绩效运行监控表` → `南街街道办事处`."""
    h = config().raw["header"]
    return title_unit_name(text, h["title_unit_stops"], h["org_suffixes"])


def _cut_value(value: str) -> str:
    return cut_value(value, config().raw["header"]["value_stops"])


def _inline_labelled(text: str, labels: list[str]) -> str | None:
    """`填报单位（盖章）：南街街道办事处 单位：万元` → `南街街道办事处` for label 填报单位."""
    return inline_labelled(text, labels, config().raw["header"]["value_stops"])


# ---------------------------------------------------------------------------------------------
# Sources of header information


def _labelled(sources: list[HeaderText], labels: list[str]) -> Attribute | None:
    """The first value given under one of `labels` (in label priority order)."""
    return labelled(sources, labels, label_keys=config().header_label_keys,
                    value_stops=config().wording.header.value_stops, below=True)


@dataclass
class _Context:
    """Where to look for unit/year/period, nearest first."""

    local: list[HeaderText] = field(default_factory=list)
    header_cells: list[HeaderText] = field(default_factory=list)  # budget-block header cells
    footer: list[HeaderText] = field(default_factory=list)
    sheet: HeaderText | None = None


def _find_unit(ctx: _Context) -> Attribute | None:
    h = config().raw["header"]
    found = _labelled(ctx.local, h["unit_labels"])
    if found:
        return found
    for src in ctx.local:
        if _is_title(src.text):
            name = unit_from_title(src.text)
            if name:
                return Attribute(value=name, raw=src.text, ref=src.ref)
    return None


def _find_project(ctx: _Context) -> Attribute | None:
    return _labelled(ctx.local, config().raw["header"]["project_labels"])


def _find_year(sources: list[HeaderText]) -> Attribute | None:
    h = config().raw["header"]
    # A title or period line first, then a 年度 label, then any other text.
    for src in sources:
        if _is_title(src.text) or find_period(src.text):
            y = find_year(src.text)
            if y:
                return Attribute(value=str(y), raw=src.text, ref=src.ref)
    found = _labelled(sources, h["year_labels"])
    if found:
        m = re.search(r"20\d{2}", fold(found.value))
        if m:
            return Attribute(value=m.group(0), raw=found.raw, ref=found.ref)
    for src in sources:
        y = find_year(src.text)
        if y:
            return Attribute(value=str(y), raw=src.text, ref=src.ref)
    return None


def _find_period(sources: list[HeaderText]) -> Attribute | None:
    found = _labelled(sources, config().raw["header"]["period_labels"])
    candidates = ([HeaderText(found.raw, found.ref)] if found and found.ref else []) + sources
    titled = [s for s in candidates if _is_title(s.text)]
    for src in titled + candidates:
        n = find_period(src.text)
        if n:
            return Attribute(value=str(n), raw=src.text, ref=src.ref)
    return None


def _file_attr(doc: Document, value: str) -> Attribute:
    ref = SourceRef(file_sha256=doc.file_sha256, file_name=doc.file_name).with_label()
    return Attribute(value=value, raw=doc.file_name, ref=ref, source="filename")


# ---------------------------------------------------------------------------------------------
# Budget block


@dataclass
class _BudgetHeader:
    top: int  # 0-based rows of the table
    bottom: int
    columns: dict[str, int]  # role → 0-based column
    column_units: dict[int, str]

    @property
    def first_value_col(self) -> int:
        return min(c for r, c in self.columns.items() if r in NUMBER_ROLES)


def _is_budget_anchor(roles: set[str]) -> bool:
    return "executed" in roles and bool(roles & {"annual_budget", "initial_budget"})


def _line_row(row: list[Cell]) -> bool:
    return any(canonical_line(c.text) for c in row if c.text)


def _find_budget_headers(table: Table) -> list[_BudgetHeader]:
    rules = config().budget_columns
    headers: list[_BudgetHeader] = []
    r = 0
    n = table.n_rows
    while r < n:
        row = table.rows[r]
        if has_numbers(row):  # a header holds no figures
            r += 1
            continue
        roles = rules.row_roles(row)
        bottom = None
        if _is_budget_anchor(roles):
            bottom = r
        elif r + 1 < n and not has_numbers(table.rows[r + 1]) and not _line_row(table.rows[r + 1]):
            if roles and _is_budget_anchor(roles | rules.row_roles(table.rows[r + 1])):
                bottom = r + 1
        if bottom is None:
            r += 1
            continue
        # Further sub-header rows: no numbers, no line labels, a header word of their own.
        while bottom + 1 < n:
            nxt = table.rows[bottom + 1]
            own = [c for c in nxt if c.text and not covered_from_above(c)]
            if (has_numbers(nxt) or _line_row(nxt) or not own
                    or not any(rules.classify(c.text) for c in own)):
                break
            bottom += 1
        # Header cells merged down from rows above belong to the header (a group header).
        top = r
        for rr in range(r, bottom + 1):
            for c in table.rows[rr]:
                if covered_from_above(c):
                    origin_index = rr - ((c.ref.row or 0) - c.merged_from[0])  # type: ignore[index]
                    top = max(min(top, origin_index), r - 2, 0)
        columns, units = header_columns(table, top, bottom, rules, find_amount_unit)
        headers.append(_BudgetHeader(top, bottom, columns, units))
        r = bottom + 1
    return headers


def _label_cell(table: Table, row: list[Cell], first_value_col: int) -> Cell | None:
    for c in range(min(first_value_col, len(row)) - 1, -1, -1):
        if row[c].text:
            return origin_cell(table, row[c])
    return None


def _column_numbering(label: Cell | None, values: dict[str, Cell]) -> bool:
    """A row that numbers the columns (“栏次 | 1 | 2 | 3”, “(1) | (2) | (3)=(2)/(1)”)."""
    if label is not None and fold(label.text) in {fold(x) for x in config().raw["budget"]["index_labels"]}:
        return True
    if label is not None:
        return False
    texts = [fold(values[k].text) for k in NUMBER_ROLES if k in values and values[k].text]
    return bool(texts) and all(re.fullmatch(r"\(?\d{1,2}\)?(=.*)?|[A-Z](=.*)?", t) for t in texts)


def _unread(cell: Cell, line: str, role: str, exc: NumberError) -> UnreadCell:
    return UnreadCell(what=f"第{cell.ref.row}行“{line}”的“{COLUMN_NAMES[role]}”", raw=cell.text,
                      problem=exc.problem, ref=cell_ref(cell))


def _parse_budget_rows(doc: Document, table: Table, hdr: _BudgetHeader, table_unit: str | None,
                       stop_row: int, unread: list[UnreadCell]) -> tuple[list[MonitoringLine], int]:
    """Lines of the budget block and the last row it used (0-based). A figure that cannot be
    read is left out of its line and added to `unread`: the rest of the table is still read."""
    b = config().raw["budget"]
    lines: list[MonitoringLine] = []
    last = hdr.bottom
    first_col = hdr.first_value_col
    for r in range(hdr.bottom + 1, stop_row):
        row = table.rows[r]
        if not any(c.text for c in row):
            continue
        first_text = next((c.text for c in row if c.text), "")
        if starts_with_any(first_text, b["stop_words"]) or _is_indicator_anchor(table, r):
            break
        label_cell = _label_cell(table, row, first_col)
        if label_cell is not None and canonical_line(label_cell.text) is None and group_label(table, r, label_cell):
            label_cell = None  # a group label merged down beside the lines, not a line of its own
        values = {role: row[col] for role, col in hdr.columns.items() if col < len(row)}
        has_numbers = any(values[k].text and is_number(values[k].text)
                          for k in NUMBER_ROLES if k in values)
        if _column_numbering(label_cell, values):
            continue
        if label_cell is None:
            if has_numbers:
                raise ParseError(doc.file_name, f"第{row[first_col].ref.row}行有金额但没有预算项目名称"
                                                f"（位置：{cell_ref(row[first_col]).label}）",
                                 code="parse.amount_without_name", ref=cell_ref(row[first_col]))
            continue
        name = canonical_line(label_cell.text)
        if name is None and not any(is_figure(values[k].text) for k in NUMBER_ROLES if k in values):
            # An unknown label with no figure is no budget line: a note beside the lines is
            # skipped, anything else (“截止日期 | 2024-06-30”, a new section) ends the block.
            number_texts = any(values[k].text for k in NUMBER_ROLES if k in values)
            if not number_texts and any(c.text for c in row[first_col:]):
                continue
            break
        if name is None:
            name = strip_line_label(label_cell.text) or clean(label_cell.text)
        line = MonitoringLine(name=name, raw_name=label_cell.text, ref=cell_ref(label_cell))
        for role in AMOUNT_ROLES:
            if role in values:
                cell = values[role]
                unit = hdr.column_units.get(hdr.columns[role], table_unit)
                try:
                    setattr(line, role, amount(cell.text, cell_ref(cell), unit))
                except NumberError as exc:
                    unread.append(_unread(cell, name, role, exc))
        if "reported_rate" in values:
            cell = values["reported_rate"]
            if fold(cell.text).upper() not in EXCEL_ERRORS:
                try:
                    line.reported_rate = rate(cell.text, cell_ref(cell))
                except NumberError as exc:
                    unread.append(_unread(cell, name, "reported_rate", exc))
        for role in TEXT_ROLES:
            if role in values:
                line_text = _text_value(values[role])
                setattr(line, role, line_text)
        lines.append(line)
        last = r
    return lines, last


_BLANK_TEXT = {"", "-", "--", "/"}


def _text_value(cell: Cell) -> TextValue:
    """The text of a cell of a text column, also when blank: a blank 偏差原因 is a fact about
    the table (and its cell is evidence); None is kept for a column the table does not have."""
    return TextValue(text=cell.text, ref=cell_ref(cell))


# ---------------------------------------------------------------------------------------------
# Indicator block


@dataclass
class _IndicatorHeader:
    top: int
    bottom: int
    columns: dict[str, int]
    deviation_ticks: list[tuple[int, str]]  # (column, category)
    likelihood_ticks: list[tuple[int, str]]


def _indicator_roles(row: list[Cell]) -> set[str]:
    return config().indicator_columns.row_roles(row)


def _is_indicator_anchor(table: Table, r: int) -> bool:
    roles = _indicator_roles(table.rows[r])
    need = set(config().raw["indicators"]["required_with_level3"])
    if "level3" in roles and roles & need:
        return not has_numbers(table.rows[r])
    return False


def _category(text: str, names: list[str]) -> str | None:
    t = fold(text)
    for n in names:
        if t == fold(n):
            return n
    return None


def _find_indicator_headers(table: Table) -> list[_IndicatorHeader]:
    ind = config().raw["indicators"]
    rules = config().indicator_columns
    dev_cats, lik_cats = ind["deviation_categories"], ind["likelihood_categories"]
    headers = []
    n = table.n_rows
    r = 0
    while r < n:
        if not _is_indicator_anchor(table, r):
            r += 1
            continue
        top, bottom = r, r
        while bottom + 1 < n:
            nxt = [c for c in table.rows[bottom + 1] if c.text and not covered_from_above(c)]
            if not nxt or not all(
                _category(c.text, dev_cats + lik_cats) or rules.classify(c.text) for c in nxt
            ):
                break
            bottom += 1
        columns: dict[str, int] = {}
        dev_ticks: list[tuple[int, str]] = []
        lik_ticks: list[tuple[int, str]] = []
        for col in range(table.n_cols):
            texts = column_header_texts(table, top, bottom, col)
            if not texts or group_column(table, bottom, col):
                continue
            group = " ".join(fold(t) for t in texts[1:])
            dev = _category(texts[0], dev_cats)
            lik = _category(texts[0], lik_cats)
            if lik and ("可能" in group or not dev):
                lik_ticks.append((col, lik))
                continue
            # “其他” alone is a tick column only under 偏差原因 or next to other tick columns.
            if dev and ("偏差" in group or "原因" in group or dev != "其他"
                        or (dev_ticks and dev_ticks[-1][0] == col - 1)):
                dev_ticks.append((col, dev))
                continue
            role = next((x for x in (rules.classify(t) for t in texts) if x), None)
            if role and role not in columns:
                columns[role] = col
        if "level3" in columns:
            _spanned_levels(table, bottom, columns)
            headers.append(_IndicatorHeader(top, bottom, columns, dev_ticks, lik_ticks))
        r = bottom + 1
    return headers


def _spanned_levels(table: Table, bottom: int, columns: dict[str, int]) -> None:
    """One label (“绩效指标”) merged across the level columns, with no 一级/二级/三级 row under
    it: the columns it spans are, from the right, 三级, 二级 and 一级 (in place)."""
    if "level1" in columns or "level2" in columns:
        return
    head = table.rows[bottom][columns["level3"]]
    span = [c for c in range(table.n_cols) if c == columns["level3"] or same_origin(head, table.rows[bottom][c])]
    if len(span) < 2 or len(span) > 3 or any(c in columns.values() for c in span if c != columns["level3"]):
        return
    for role, col in zip(("level3", "level2", "level1"), reversed(span)):
        columns[role] = col


def _is_tick(text: str) -> bool | None:
    """True for a tick mark, False for an explicit "not ticked", None for other text."""
    ind = config().raw["indicators"]
    t = fold(text)
    if t in {fold(m) for m in ind["tick_marks"]}:
        return True
    if t in {fold(m) for m in ind["untick_marks"]}:
        return False
    return None


def _ticked(table: Table, row: list[Cell], ticks: list[tuple[int, str]]) -> TextValue | None:
    parts: list[str] = []
    first_ref: SourceRef | None = None
    for col, category in ticks:
        if col >= len(row) or not row[col].text:
            continue
        mark = _is_tick(row[col].text)
        if mark is False:
            continue
        parts.append(category if mark else row[col].text)
        first_ref = first_ref or cell_ref(row[col])
    if not parts:
        # nothing ticked: blank, located at the first tick column
        return TextValue(text="", ref=cell_ref(row[ticks[0][0]])) if ticks else None
    return TextValue(text="；".join(parts), ref=first_ref)  # type: ignore[arg-type]




def _target_value(value: Cell | None, operator: Cell | None, unit: Cell | None):
    """年度指标值, joined with its 指标性质 (operator) and 度量单位 columns when split."""
    if value is None or fold(value.text) in _BLANK_TEXT:
        return None
    op = operator_text(operator)
    u = unit.text.strip() if unit is not None and unit.text and not same_origin(unit, value) else ""
    if not op and not u:
        return parse_indicator_value(value.text, cell_ref(value))
    raw = f"{op}{value.text.strip()}{'' if u and value.text.strip().endswith(u) else u}"
    return parse_indicator_value(raw, cell_ref(value))


def _indicator_value(cell: Cell | None):
    if cell is None or fold(cell.text) in _BLANK_TEXT:
        return None
    return parse_indicator_value(cell.text, cell_ref(cell))


def _parse_indicator_rows(table: Table, hdr: _IndicatorHeader, stop_row: int
                          ) -> tuple[list[IndicatorProgress], int]:
    stops = config().raw["indicators"]["stop_words"] + config().raw["header"]["unit_labels"]
    out: list[IndicatorProgress] = []
    last = hdr.bottom
    cols = hdr.columns
    for r in range(hdr.bottom + 1, stop_row):
        row = table.rows[r]
        if not any(c.text for c in row):
            continue
        first_text = next((c.text for c in row if c.text), "")
        if starts_with_any(first_text, stops) or (
            _is_title(first_text) and "表" in first_text) or _is_indicator_anchor(table, r):
            break

        def cell(role: str) -> Cell | None:
            c = cols.get(role)
            return row[c] if c is not None and c < len(row) else None

        l3 = cell("level3")
        if l3 is None or not l3.text:
            continue
        if any(same_origin(l3, cell(role)) for role in ("level1", "target", "actual", "forecast")):
            # a label across the level columns or a note across the value columns
            # (“偏差原因分析 | …”, “相关建议或举措 | …”) ends the block
            break
        l1, l2 = cell("level1"), cell("level2")
        level1, level2 = (l1.text if l1 else ""), (l2.text if l2 else "")
        # A 三级 indicator always sits under a 一级/二级 one: a blank parent cell continues the
        # row above (a merged cell split by a page break loses its text on the new page).
        if out and l1 is not None and not level1:
            level1 = out[-1].level1
        if out and l2 is not None and not level2 and level1 == out[-1].level1:
            level2 = out[-1].level2
        item = IndicatorProgress(
            level1=level1,
            level2=level2,
            level3=l3.text,
            ref=cell_ref(l3),
            target=_target_value(cell("target"), cell("operator"), cell("value_unit")),
            actual=_indicator_value(cell("actual")),
            forecast=_indicator_value(cell("forecast")),
        )
        dev = cell("deviation_reason")
        item.deviation_reason = (_text_value(dev) if dev is not None
                                 else _ticked(table, row, hdr.deviation_ticks))
        lik = cell("likelihood")
        item.likelihood = (_text_value(lik) if lik is not None
                           else _ticked(table, row, hdr.likelihood_ticks))
        rem = cell("remark")
        item.remark = _text_value(rem) if rem is not None else None
        out.append(item)
        last = r
    return out, last


# ---------------------------------------------------------------------------------------------
# Detection


def detect(doc: Document) -> float:
    """How sure we are that `doc` holds a 绩效运行监控表 (0–1)."""
    text = fold(doc.all_text())
    det = config().raw["detect"]
    titled = any(w in text for w in det["title_words"])
    budget = rate_col = progress = False
    for table in doc.tables:
        for hdr in _find_budget_headers(table):
            budget = True
            rate_col = rate_col or "reported_rate" in hdr.columns
        for ih in _find_indicator_headers(table):
            if {"actual", "forecast", "likelihood"} & set(ih.columns) or ih.likelihood_ticks:
                progress = True
    # Title words alone (a cover letter about monitoring) do not make a table; neither do
    # budget columns alone (a budget or project list has them too).
    score = 0.0
    if titled:
        score += 0.35
    if budget:
        score += 0.3 + (0.1 if rate_col else 0.0)
    if progress:
        score += 0.15
    if "完成目标可能性" in text:
        score += 0.1
    if not titled and any(w in text for w in det["other_kind_words"]):
        score = min(score, 0.3)
    return min(score, 1.0)


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass
class _Pending:
    table: Table
    header: _BudgetHeader
    ctx: _Context
    lines: list[MonitoringLine]
    amount_unit: str
    printed_unit: str | None  # the unit printed for the whole table, if any
    indicators: list[IndicatorProgress] | None = None
    unread_cells: list[UnreadCell] = field(default_factory=list)


def _events(table: Table) -> list[tuple[int, str, object]]:
    ev: list[tuple[int, str, object]] = []
    ev += [(h.top, "budget", h) for h in _find_budget_headers(table)]
    ev += [(h.top, "indicators", h) for h in _find_indicator_headers(table)]
    return sorted(ev, key=lambda e: e[0])


def _block_sources(doc: Document, after: float, before: float) -> list[HeaderText]:
    """Text blocks between two reading-order positions, nearest to `before` first."""
    blocks = [b for b in doc.blocks if after < b.order < before]
    return [HeaderText(b.text, b.ref.with_label()) for b in reversed(blocks)]


def _table_unit(sources: list[HeaderText]) -> str | None:
    for src in sources:
        u = find_amount_unit(src.text)
        if u:
            return u
    return None


def parse(doc: Document) -> list[MonitoringReport]:
    """One `MonitoringReport` per monitoring table found in `doc`."""
    pending: list[_Pending] = []
    tables = sorted(doc.tables, key=lambda t: t.order)
    last_order: float = float("-inf")
    info_sources: list[HeaderText] = []  # cells of tables without a budget/indicator block
    for ti, table in enumerate(tables):
        events = _events(table)
        if not events:
            info_sources = header_texts(table, range(table.n_rows)) + info_sources
            continue
        cursor = 0
        touched = False  # whether this table added to the newest report
        for i, (_, kind, hdr) in enumerate(events):
            next_top = events[i + 1][0] if i + 1 < len(events) else table.n_rows
            if kind == "budget":
                assert isinstance(hdr, _BudgetHeader)
                area = list(reversed(header_texts(table, range(cursor, hdr.top))))
                if cursor == 0:
                    area += _block_sources(doc, last_order, table.order) + info_sources
                    info_sources = []
                header_cells = header_texts(table, range(hdr.top, hdr.bottom + 1))
                # a group label column (“预算执行情况（万元）”) merged down beside the lines
                if hdr.bottom + 1 < table.n_rows:
                    side = table.rows[hdr.bottom + 1][: hdr.first_value_col]
                    header_cells += [HeaderText(c.text, cell_ref(c)) for c in side if c.text]
                # A later table of the same document that does not repeat “单位：…” keeps the
                # unit printed for the one before.
                unit = (_table_unit(area) or _table_unit(header_cells)
                        or (pending[-1].printed_unit if pending else None))
                unread: list[UnreadCell] = []
                lines, last = _parse_budget_rows(doc, table, hdr, unit, next_top, unread)
                col_units = [hdr.column_units.get(hdr.columns[r]) for r in AMOUNT_ROLES
                             if r in hdr.columns]
                amount_unit = unit or next((u for u in col_units if u), None) or "万元"
                ctx = _Context(local=area, header_cells=header_cells,
                               sheet=HeaderText(table.sheet, SourceRef(
                                   file_sha256=doc.file_sha256, file_name=doc.file_name,
                                   sheet=table.sheet, table=table.index,
                                   label=f"工作表“{table.sheet}”")) if table.sheet else None)
                pending.append(_Pending(table, hdr, ctx, lines, amount_unit, unit, unread_cells=unread))
                cursor, touched = last + 1, True
            else:
                assert isinstance(hdr, _IndicatorHeader)
                items, last = _parse_indicator_rows(table, hdr, next_top)
                if pending and pending[-1].indicators is None:
                    pending[-1].indicators = items
                    touched = True
                cursor = max(cursor, last + 1)
        if touched:
            following = tables[ti + 1].order if ti + 1 < len(tables) else float("inf")
            pending[-1].ctx.footer = (header_texts(table, range(cursor, table.n_rows))
                                      + list(reversed(_block_sources(doc, table.order, following))))
        last_order = table.order

    if not pending:
        raise ParseError(
            doc.file_name,
            "未找到预算执行情况表头（应有“执行数”及“全年预算数”或“年初预算数”等列），无法按绩效运行监控表读取",
            code="parse.no_header",
        )
    reports = []
    previous: MonitoringReport | None = None
    for p in pending:
        report = _build_report(doc, p, previous)
        reports.append(report)
        previous = report
    refs = [{x.ref.table for x in [*r.lines, *r.indicators] if x.ref.table} for r in reports]
    for report, value in zip(reports, labelled_dates_per_record(doc, date_labels("monitoring_report"), refs)):
        report.filled_date = value
    return reports


def _filename_stem(doc: Document) -> str:
    return PurePath(doc.file_name).stem


def _build_report(doc: Document, p: _Pending, previous: MonitoringReport | None) -> MonitoringReport:
    ctx = p.ctx
    stem = _filename_stem(doc)
    sheet = [ctx.sheet] if ctx.sheet else []

    unit = (_find_unit(ctx) or (previous.unit if previous else None)
            or _find_unit(_Context(local=ctx.footer)))
    if unit is None:
        name = unit_from_title(stem)
        unit = _file_attr(doc, name) if name else None
    if unit is None:  # kept unknown: the submission (manifest, folder) may name it
        unit = unknown_attribute()

    year = (_find_year(ctx.local) or _find_year(ctx.header_cells)
            or (previous.year_attr if previous else None) or _find_year(ctx.footer + sheet))
    if year is None:
        y = find_year(stem, allow_dates=True)
        year = _file_attr(doc, str(y)) if y else None
    if year is None:
        year = unknown_attribute()

    exec_header = [s for s in ctx.header_cells
                   if s.col is not None and s.col == p.header.columns.get("executed")]
    period = (_find_period(ctx.local) or _find_period(exec_header) or _find_period(ctx.header_cells)
              or (previous.period_attr if previous else None) or _find_period(sheet + ctx.footer))
    if period is None:
        n = find_period(stem)
        period = _file_attr(doc, str(n)) if n else None
    if period is None:
        raise ParseError(doc.file_name, "未找到监控期间：标题、表头（如“1-6月执行数”）和文件名中都没有“1-N月”“上半年”“前三季度”等字样",
                         code="parse.no_period")

    project = _find_project(ctx)
    names = {ln.name for ln in p.lines}
    is_project = project is not None or "资金总额" in names or (
        "财政拨款" in names and not names & {"基本支出", "项目支出"})
    if is_project and "资金总额" not in names:
        # a project's total (“总额”, “合计”) is its 资金总额 = 财政拨款 + 其他资金
        for ln in p.lines:
            if ln.name == "合计":
                ln.name = "资金总额"
                break
    return MonitoringReport(
        kind="project" if is_project else "unit",
        unit=unit,
        year=int(year.value) if year.known else None,
        year_attr=year,
        period_months=int(period.value),
        period_attr=period,
        project=project,
        amount_unit=p.amount_unit,
        file_name=doc.file_name,
        file_sha256=doc.file_sha256,
        lines=p.lines,
        indicators=p.indicators or [],
        unread_cells=p.unread_cells,
    )


KIND = register(DocumentKind(name="monitoring", label="绩效运行监控表", detect=detect, parse=parse))

__all__ = [
    "KIND", "detect", "parse", "canonical_line", "strip_line_label", "find_period", "find_year",
    "find_amount_unit", "unit_from_title", "config",
]
