"""绩效目标表 (performance-target table): detector and parser.

A target table (部门整体支出 for a whole unit, 项目支出 for one project) has a header block
(部门（单位）名称 / 项目名称, 主管部门, 实施单位, 年度), a budget block (资金总额, 其中：财政拨款, 其他资金 —
as label/value cells in rows, or as a header row over a value row), for unit tables a 年度主要任务
block (任务名称 | 主要内容 | 预算金额, then 金额合计), the 年度总体目标 / 年度绩效目标 text, and the
indicator block (一级/二级/三级指标 | 指标值, the value sometimes split into 指标方向/指标性质 |
指标值 | 度量单位). One document may hold several tables (a portal page with one table per project).

The document is read as one stream of text blocks and table rows in reading order, so a block
that sits in its own Word table (the indicators, split off to repeat their header on every page)
or on its own PDF page is found all the same. Wording lives in `targets.yaml`.
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
    cell_ref,
    column_header_texts,
    covered_from_above,
    group_column,
    has_numbers,
    inline_labelled,
    is_figure,
    is_number,
    label_key,
    merge_key,
    operator_text,
    origin_cell,
    same_origin,
    starts_with_any,
)
from extractors.freetext import find_amount_unit, find_year, strip_org_code, unit_from_title
from extractors import wording
from extractors.wording import TargetsWording
from textnorm.numbers import NumberError, amount
from textnorm.text import clean, fold
from schemas.document import Cell, Document, Table, TextBlock
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, IndicatorValue, TextValue, UnreadCell, unknown_attribute
from schemas.targets import TargetIndicator, TargetTable, TargetTask

META_ROLES = ("unit", "department", "implementing", "project", "project_code", "year")
BUDGET_ROLES = ("total", "fiscal", "other", "multi_year")
_BLANK_VALUE = {"", "-", "--", "/", "—", "——"}
_HEADER_TEXT_MAX = 40  # folded characters: longer texts are prose, not a header line
_EXPLICIT_UNIT = re.compile(r"单位:?\(?(万元|元)")


# ---------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class _Config:
    raw: dict
    wording: TargetsWording
    labels: dict[str, tuple[str, str]]  # folded label → (group, role); groups: meta, budget, goal
    label_rank: dict[str, int]  # folded meta label → its priority within its role (0 first)
    label_prefixes: tuple[re.Pattern[str], ...]
    indicator_rules: ColumnRules
    task_rules: ColumnRules
    annual: tuple[re.Pattern[str], ...]  # a 年度 header cell (年度资金总额, 年度目标)
    multi_year: tuple[re.Pattern[str], ...]  # a 中期 / 实施期 header cell beside it
    sum_labels: frozenset[str]  # folded 合计 labels of a budget block
    amount_total_subheads: frozenset[str]  # folded 总额 sub-headers under a task 预算金额


def config() -> _Config:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> _Config:
    loaded = wording.load("targets", TargetsWording)
    raw = loaded.model_dump()
    labels: dict[str, tuple[str, str]] = {}
    h = raw["header"]
    rank: dict[str, int] = {}
    for role, key in (("unit", "unit_labels"), ("department", "department_labels"),
                      ("implementing", "implementing_labels"), ("project", "project_labels"),
                      ("project_code", "project_code_labels"), ("year", "year_labels")):
        for i, w in enumerate(h[key]):
            labels.setdefault(fold(w), ("meta", role))
            rank.setdefault(fold(w), i)
    for role in BUDGET_ROLES:
        for w in raw["budget"][role]:
            labels.setdefault(fold(w), ("budget", role))
    for w in raw["goal"]["labels"]:
        labels.setdefault(fold(w), ("goal", "goal"))
    for w in raw["basis"]["labels"]:
        labels.setdefault(fold(w), ("basis", "basis"))
    return _Config(
        raw=raw,
        wording=loaded,
        labels=labels,
        label_rank=rank,
        label_prefixes=tuple(re.compile(p) for p in raw["budget"]["label_prefixes"]),
        indicator_rules=ColumnRules.of(loaded.indicators.columns),
        task_rules=ColumnRules.of(loaded.tasks.columns),
        annual=tuple(re.compile(p) for p in raw["periods"]["annual"]),
        multi_year=tuple(re.compile(p) for p in raw["periods"]["multi_year"]),
        sum_labels=frozenset(fold(w) for w in raw["budget"]["sum_labels"]),
        amount_total_subheads=frozenset(fold(w) for w in raw["tasks"]["amount_total_subheads"]),
    )


def normalise_label(text: str) -> str:
    """`其中：财政拨款` → `财政拨款`, `年度预算（万元）：` → `年度预算`, `部门（单位）名称` → `部门(单位)名称`."""
    t = label_key(text)
    t = re.sub(r"[,;、](万元|元)\)$", ")", t)  # 项目总金额（中期规划，万元） → 项目总金额(中期规划)
    t = re.sub(r"\((万元|元)\)$", "", t)
    for p in config().label_prefixes:
        t = p.sub("", t, count=1)
    return t.strip(":")


def classify_label(text: str) -> tuple[str, str] | None:
    """(group, role) of a label cell, or None when the text is not a label we know."""
    t = normalise_label(text)
    return config().labels.get(t) if t else None


def _meta_value(role: str, text: str) -> str:
    """The value of a header attribute; an organisation loses a printed code (`[153]…`)."""
    value = clean(text)
    return strip_org_code(value) if role in ("unit", "department", "implementing") else value


def _is_goal_header(text: str) -> bool:
    """`年度目标`, also with a bracketed note (`年度目标（2024年）`)."""
    for t in (text, re.sub(r"\([^()]*\)$", "", label_key(text))):
        lab = classify_label(t)
        if lab is not None and lab[0] == "goal":
            return True
    return False


def _is_placeholder(text: str) -> bool:
    return fold(text) in {fold(w) for w in config().raw["indicators"]["placeholders"]}


def _labels_of(group: str, role: str) -> list[str]:
    return [k for k, v in config().labels.items() if v == (group, role)]


def is_title(text: str) -> bool:
    """A title of a target table (short, with a title word; a goal text mentioning one is not)."""
    t = fold(text)
    return len(t) <= 60 and any(w in t for w in config().raw["detect"]["title_words"])


# ---------------------------------------------------------------------------------------------
# Rows of the neutral model


def _distinct(row: list[Cell]) -> list[tuple[int, Cell]]:
    """(first column, cell) of each merged range in `row`, left to right."""
    seen: set = set()
    out = []
    for c, cell in enumerate(row):
        k = merge_key(cell)
        if k not in seen:
            seen.add(k)
            out.append((c, cell))
    return out


def _texts(row: list[Cell]) -> list[str]:
    return [cell.text for _, cell in _distinct(row) if cell.text]


# ---------------------------------------------------------------------------------------------
# 中期 | 年度 columns


def is_multi_year(text: str) -> bool:
    t = fold(text)
    return bool(t) and any(p.search(t) for p in config().multi_year)


def is_annual(text: str) -> bool:
    t = fold(text)
    return bool(t) and not is_multi_year(t) and any(p.search(t) for p in config().annual)


def _without_period(text: str) -> str:
    """`年度资金总额` → `资金总额`, `当年财政拨款` → `财政拨款`."""
    t = fold(text)
    for p in config().annual:
        t = p.sub("", t, count=1)
    return t


def period_columns(row: list[Cell]) -> set[int] | None:
    """The columns of the 年度 side when `row` is a header with a 中期 (multi-year) cell and a 年度
    cell side by side (`中期资金总额 | 年度资金总额`, `中期目标（2024—2026年）| 年度目标`); else None.
    A header-block label (`年度：2024`) is no period column."""
    if has_numbers(row):
        return None
    annual, multi = [], False
    for _, cell in _distinct(row):
        if not cell.text or covered_from_above(cell):
            continue
        lab = classify_label(cell.text)
        if lab is not None and lab[0] == "meta":
            continue
        if is_multi_year(cell.text):
            multi = True
        elif is_annual(cell.text):
            annual.append(merge_key(cell))
    if not (annual and multi):
        return None
    return {c for c, cell in enumerate(row) if merge_key(cell) in annual}


# ---------------------------------------------------------------------------------------------
# Indicator block


@dataclass
class _IndicatorHeader:
    top: int
    bottom: int
    columns: dict[str, int]
    execution: bool  # has columns of a monitoring / self-evaluation table
    n_cols: int
    # header-block columns repeated on every row (a list of indicators of several projects:
    # 单位名称 | 项目名称 | 年度目标 | 一级 …): role → (column, header label)
    record: dict[str, tuple[int, str]] = field(default_factory=dict)


_NAME_ROLES = ("level1", "level2", "level3")


def _indicator_roles(row: list[Cell]) -> set[str]:
    rules = config().indicator_rules
    return {r for r in (rules.classify(c.text) for c in row) if r}


def _is_indicator_anchor(row: list[Cell]) -> bool:
    roles = _indicator_roles(row)
    return "level3" in roles and "target" in roles and not has_numbers(row)


def _indicator_header(table: Table, r: int, annual: set[int] | None = None) -> _IndicatorHeader:
    """The column roles of the indicator header at row `r` (with the header rows under it).

    A block printed twice side by side (中期 二级/三级/指标值 | 年度 二级/三级/指标值) shows as a
    second run of name columns: each run is a group, and the year's group is read — the one under
    the 年度 columns (`annual`, from a 中期 | 年度 header above), else the last one (the forms
    print 中期 first). A column headed 中期… is never read."""
    rules = config().indicator_rules
    bottom = r
    while bottom + 1 < table.n_rows:
        own = [c for c in table.rows[bottom + 1] if c.text and not covered_from_above(c)]
        if not own or has_numbers(table.rows[bottom + 1]) or not all(rules.classify(c.text) for c in own):
            break
        bottom += 1
    groups: list[dict[str, int]] = [{}]
    record: dict[str, tuple[int, str]] = {}
    execution = False
    previous: tuple | None = None
    for col in range(table.n_cols):
        texts = column_header_texts(table, r, bottom, col)
        here = (tuple(merge_key(table.rows[x][col]) for x in range(r, bottom + 1)), tuple(texts))
        # one header cell merged (or split by a PDF) over several columns is one column
        if previous is not None and (here[0] == previous[0] or here[1] == previous[1]):
            continue
        previous = here
        if not texts or group_column(table, bottom, col) or any(is_multi_year(t) for t in texts):
            continue
        role = next((x for x in (rules.classify(t) for t in texts) if x), None)
        if role == "execution":
            execution = True
        elif role is None:
            lab = classify_label(texts[0])
            if lab is not None and lab[0] in ("meta", "goal") and lab[1] not in record:
                record[lab[1]] = (col, texts[0])
        elif role not in ("ignore", "remark"):
            if role in _NAME_ROLES and role in groups[-1]:
                groups.append({})
            groups[-1].setdefault(role, col)
    full = [g for g in groups if "level3" in g and "target" in g]
    if len(full) < 2:
        columns: dict[str, int] = {}
        for g in groups:
            for role, col in g.items():
                columns.setdefault(role, col)
    else:
        chosen = full[-1]
        if annual:
            chosen = next((g for g in full if g["level3"] in annual or g["target"] in annual), chosen)
        # 一级/二级 printed once, left of both groups, belong to each
        columns = dict(chosen)
        for role in _NAME_ROLES:
            if role not in columns and role in groups[0] and groups[0][role] < chosen["level3"]:
                columns[role] = groups[0][role]
    return _IndicatorHeader(r, bottom, columns, execution, table.n_cols, record)


def indicator_headers(table: Table) -> list[_IndicatorHeader]:
    out = []
    r = 0
    while r < table.n_rows:
        if _is_indicator_anchor(table.rows[r]):
            h = _indicator_header(table, r)
            if "level3" in h.columns:
                out.append(h)
            r = h.bottom + 1
        else:
            r += 1
    return out


def _joined_value(value: Cell | None, operator: Cell | None, unit: Cell | None
                  ) -> tuple[IndicatorValue | None, list[SourceRef]]:
    """指标值, joined with its 指标方向 (an operator) and 度量单位 cells when they are separate
    columns: `≥` `90` `%` → `≥90%`. A 指标性质 cell (定量/定性) is not part of the value."""
    cells = [c for c in (operator, value, unit) if c is not None]
    refs = [cell_ref(c) for c in cells]
    if value is None or fold(value.text) in _BLANK_VALUE:
        return None, refs
    v = value.text.strip()
    op = operator_text(operator)
    u = unit.text.strip() if unit is not None and unit.text and not same_origin(unit, value) else ""
    if fold(u) in _BLANK_VALUE:
        u = ""
    if op and fold(v).startswith(fold(op)):
        op = ""  # the operator was written into the value cell as well
    if u and fold(v).endswith(fold(u)):
        u = ""
    joined = parse_indicator_value(f"{op}{v}{u}", cell_ref(value))
    if u and joined.number is None:
        # A number in a cell of its own, its unit in the next column, is a number in that unit:
        # 指标值 “12” | 度量单位 “月” is 12 月, not the date “12月”.
        alone = parse_indicator_value(f"{op}{v}", cell_ref(value))
        if alone.number is not None and alone.unit is None:
            return alone.model_copy(update={"raw": joined.raw, "unit": u}), refs
    return joined, refs


# ---------------------------------------------------------------------------------------------
# Task block


@dataclass
class _TaskHeader:
    columns: dict[str, int]
    group_cols: set[int]
    unit: str | None  # a unit printed in the amount header (“预算金额（万元）”)
    bottom: int  # the last header row (a 预算金额 header may have 总额 | 财政拨款 | 其他资金 under it)


def _is_amount_subhead(text: str) -> bool:
    t = normalise_label(text)
    lab = config().labels.get(t)
    return t in config().amount_total_subheads or (lab is not None and lab[0] == "budget")


def _task_sub_header(table: Table, r: int) -> int:
    """`r + 1` when the row under the task header splits a column into amount sub-columns
    (预算金额 over 总额 | 财政拨款 | 其他资金), else `r`."""
    if r + 1 >= table.n_rows or has_numbers(table.rows[r + 1]):
        return r
    own = [c for c in table.rows[r + 1] if c.text and not covered_from_above(c)]
    if len(own) >= 2 and all(_is_amount_subhead(c.text) for c in own):
        return r + 1
    return r


def _amount_column(table: Table, r: int, bottom: int, col: int) -> int:
    """The column of a task's amount under the 预算金额 header at (`r`, `col`): the 总额/合计
    sub-column when the header spans sub-columns, else the first column of the header."""
    if bottom == r:
        return col
    key = merge_key(table.rows[r][col])
    span = [c for c in range(table.n_cols) if merge_key(table.rows[r][c]) == key]
    for c in span:
        if normalise_label(table.rows[bottom][c].text) in config().amount_total_subheads or \
                classify_label(table.rows[bottom][c].text) == ("budget", "total"):
            return c
    return span[0]


def _task_header(table: Table, r: int) -> _TaskHeader | None:
    row = table.rows[r]
    if has_numbers(row):
        return None
    bottom = _task_sub_header(table, r)
    rules = config().task_rules
    columns: dict[str, int] = {}
    groups: set[int] = set()
    unit = None
    for col, cell in _distinct(row):
        if not cell.text:
            continue
        if group_column(table, bottom, col) or covered_from_above(cell):
            groups.add(col)
            continue
        role = rules.classify(cell.text)
        if role and role not in columns:
            columns[role] = _amount_column(table, r, bottom, col) if role == "amount" else col
            if role == "amount":
                unit = find_amount_unit(cell.text)
    if "name" in columns and "amount" in columns:
        return _TaskHeader(columns, groups, unit, bottom)
    return None


# ---------------------------------------------------------------------------------------------
# One table being read


@dataclass
class _Src:
    """A text of the header area (a block or a cell) that may name the unit or the year."""

    text: str
    ref: SourceRef


@dataclass
class _Amount:
    cell: Cell
    ref: SourceRef
    label: str
    unit: str | None  # a unit printed next to it (label, group label, column header)


@dataclass
class _Draft:
    titles: list[_Src] = field(default_factory=list)
    sources: list[_Src] = field(default_factory=list)  # other header texts, in reading order
    # role → (label priority, Attribute) of the best label found so far (部门（单位）名称 before 填报单位)
    found: dict[str, tuple[int, Attribute]] = field(default_factory=dict)
    unit_hints: list[str] = field(default_factory=list)  # texts that may print the amount unit
    budget: dict[str, _Amount] = field(default_factory=dict)
    tasks: list[tuple[Cell, Cell | None, _Amount | None]] = field(default_factory=list)
    tasks_total: _Amount | None = None
    goal: TextValue | None = None
    basis: TextValue | None = None
    indicators: list[TargetIndicator] = field(default_factory=list)
    indicator_block: bool = False  # an indicator header was read (its rows may all be unused)

    def offer(self, role: str, label: str, attr: Attribute) -> None:
        rank = config().label_rank.get(fold(label), 99)
        if role not in self.found or rank < self.found[role][0]:
            self.found[role] = (rank, attr)

    @property
    def meta(self) -> dict[str, Attribute]:
        return {role: attr for role, (_, attr) in self.found.items()}

    @property
    def has_content(self) -> bool:
        return bool(self.budget or self.tasks or self.goal or self.indicators or self.tasks_total
                    or self.indicator_block)


class _Reader:
    """Walks text blocks and table rows in reading order and fills one `_Draft` per table."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.drafts: list[_Draft] = [_Draft()]
        self.mode: str | None = None  # None, "tasks" or "indicators"
        self.ind_header: _IndicatorHeader | None = None
        self.task_header: _TaskHeader | None = None
        # (table index, columns) of the 年度 side of a 中期 | 年度 table
        self.annual: tuple[int, frozenset[int]] | None = None
        # (table index, column) of budget labels read as label | value (a 合计 under them is the total)
        self.budget_cols: set[tuple[int, int]] = set()

    @property
    def d(self) -> _Draft:
        return self.drafts[-1]

    def new_draft(self) -> None:
        self.drafts.append(_Draft())
        self.mode = None

    def annual_cols(self, table: Table) -> frozenset[int] | None:
        return self.annual[1] if self.annual is not None and self.annual[0] == table.index else None

    # -- stream ------------------------------------------------------------------------------

    def run(self) -> list[_Draft]:
        items: list[tuple[int, int, object]] = [(b.order, 0, b) for b in self.doc.blocks]
        items += [(t.order, 1, t) for t in self.doc.tables]
        for _, _, item in sorted(items, key=lambda x: (x[0], x[1])):
            if isinstance(item, TextBlock):
                self.block(item)
            else:
                self.table(item)  # type: ignore[arg-type]
        return [d for d in self.drafts if d.has_content]

    def block(self, b: TextBlock) -> None:
        text = b.text
        if not clean(text):
            return
        ref = b.ref.with_label()
        if is_title(text):
            self.title(text, ref)
            return
        if self.mode == "indicators" and starts_with_any(text, config().raw["indicators"]["stop_words"]):
            self.mode = None
        self.inline(text, ref)

    def title(self, text: str, ref: SourceRef) -> None:
        # A title after a table's indicators starts the next table; one before them (a page
        # title, “…绩效目标表（续）” over the indicator part) belongs to the table being read.
        if self.d.indicators:
            self.new_draft()
        self.mode = None
        self.d.titles.append(_Src(text, ref))
        self.d.unit_hints.append(text)

    def inline(self, text: str, ref: SourceRef) -> None:
        """A free text (block or cell) of the header area: `填报单位：…`, `单位：万元`, `年度总体目标：…`."""
        self.d.sources.append(_Src(text, ref))
        self.d.unit_hints.append(text)
        stops = config().raw["header"]["value_stops"]
        for role in META_ROLES:
            for label in _labels_of("meta", role):
                value = inline_labelled(text, [label], stops, word_start=True)
                if value:
                    self.d.offer(role, label, Attribute(value=_meta_value(role, value), raw=text, ref=ref))
                    break
        if self.d.goal is None:
            t = clean(text)
            for label in config().raw["goal"]["labels"]:
                m = re.match(rf"^{re.escape(label)}\s*[:：]\s*(.+)$", t)
                if m:
                    self.d.goal = TextValue(text=m.group(1).strip(), ref=ref)
                    break

    def table(self, table: Table) -> None:
        keep = (self.mode == "indicators" and self.ind_header is not None
                and table.n_cols == self.ind_header.n_cols and table.n_rows
                and not _is_indicator_anchor(table.rows[0]))
        if not keep:  # an indicator block may continue in the next table (a PDF page, a Word split)
            self.mode = None
        skip: set[int] = set()
        for r in range(table.n_rows):
            if r not in skip:
                skip |= self.row(table, r)

    # -- rows --------------------------------------------------------------------------------

    def row(self, table: Table, r: int) -> set[int]:
        """Read row `r`; return the rows (below it) it consumed."""
        row = table.rows[r]
        texts = _texts(row)
        if not texts:
            return set()
        if len(texts) == 1 and is_title(texts[0]):
            cell = next(c for c in row if c.text)
            self.title(cell.text, cell_ref(origin_cell(table, cell)))
            return set()
        first = texts[0]
        if _is_indicator_anchor(row):
            self.ind_header = _indicator_header(table, r, self.annual_cols(table))
            self.mode = "indicators"
            self.d.indicator_block = True
            return set(range(r + 1, self.ind_header.bottom + 1))
        if self.mode == "indicators":
            if starts_with_any(first, config().raw["indicators"]["stop_words"]):
                self.mode = None
                self.inline(" ".join(texts), cell_ref(row[0]))
                return set()
            if self.indicator_row(table, row):
                return set()
            self.mode = None
        if self.mode == "tasks":
            if self.task_row(table, row):
                return set()
            self.mode = None
        header = _task_header(table, r)
        if header is not None:
            self.task_header = header
            self.mode = "tasks"
            self.d.unit_hints.extend(texts)
            return set(range(r + 1, header.bottom + 1))
        annual = period_columns(row)
        if annual is not None:
            return self.period_row(table, r, annual)
        return self.labelled_row(table, r)

    def period_row(self, table: Table, r: int, annual: set[int]) -> set[int]:
        """A 中期 | 年度 header: remember the 年度 columns (the amounts under them are the year's);
        a 年度目标 cell gives the goal text beside or under it."""
        self.annual = (table.index, frozenset(annual))
        row = table.rows[r]
        self.d.unit_hints.extend(_texts(row))
        cells = _distinct(row)
        below = table.rows[r + 1] if r + 1 < table.n_rows else None
        for i, (col, cell) in enumerate(cells):
            if col not in annual:
                continue
            if _is_goal_header(cell.text) and self.d.goal is None:
                nxt = cells[i + 1][1] if i + 1 < len(cells) else None
                if nxt is not None and nxt.text and classify_label(nxt.text) is None and not is_multi_year(nxt.text):
                    self.d.goal = TextValue(text=nxt.text, ref=cell_ref(origin_cell(table, nxt)))
                elif below is not None and below[col].text and classify_label(below[col].text) is None:
                    under = origin_cell(table, below[col])
                    self.d.goal = TextValue(text=under.text, ref=cell_ref(under))
                    return {r + 1}
            lab = classify_label(cell.text) or classify_label(_without_period(normalise_label(cell.text)))
            if lab is not None and lab[0] == "budget" and lab[1] not in self.d.budget and below is not None:
                # 中期资金总额 | 年度资金总额 over a row of figures without labels of its own
                own_labels = [c for c in below if c.text and classify_label(c.text)]
                if not own_labels and is_figure(below[col].text):
                    value = origin_cell(table, below[col])
                    unit = find_amount_unit(cell.text) or next(
                        (u for u in map(find_amount_unit, _texts(row)) if u), None)
                    self.d.budget[lab[1]] = _Amount(value, cell_ref(value), cell.text, unit)
        return set()

    def indicator_row(self, table: Table, row: list[Cell]) -> bool:
        """Add the row's indicator; False when the row is no indicator (the block ended)."""
        hdr = self.ind_header
        assert hdr is not None

        def cell(role: str) -> Cell | None:
            c = hdr.columns.get(role)
            return row[c] if c is not None and c < len(row) else None

        own = [c for _, c in _distinct(row) if c.text and not covered_from_above(c)]
        if any(classify_label(c.text) and classify_label(c.text)[0] == "meta" for c in own):
            return False  # the header block of the next table
        l3 = cell("level3")
        if l3 is None:
            return False
        if not l3.text or _is_placeholder(l3.text):
            return True  # a blank row inside the block, or an unused line filled with 不适用
        if any(same_origin(l3, cell(role)) for role in ("level1", "level2", "target")):
            return False  # a note or caption across the columns
        if hdr.record:
            self.record_cells(table, row, hdr)
        l1, l2 = cell("level1"), cell("level2")
        level1, level2 = (l1.text if l1 else ""), (l2.text if l2 else "")
        prev = self.d.indicators[-1] if self.d.indicators else None
        # A 三级 indicator always sits under a 一级/二级 one: a blank parent cell continues the row
        # above (a merged cell split by a page break loses its text on the new page).
        if prev is not None and l1 is not None and not level1:
            level1 = prev.level1
        if prev is not None and l2 is not None and not level2 and level1 == prev.level1:
            level2 = prev.level2
        value, refs = _joined_value(cell("target"), cell("operator"), cell("value_unit"))
        self.d.indicators.append(TargetIndicator(
            level1=level1, level2=level2, level3=l3.text, ref=cell_ref(origin_cell(table, l3)),
            value=value, value_cells=refs))
        return True

    def record_cells(self, table: Table, row: list[Cell], hdr: _IndicatorHeader) -> None:
        """Header-block columns of a one-row-per-indicator list: a new 项目名称 starts the next
        table; 单位名称 / 年度目标 … of the row fill the table's header."""
        found: dict[str, tuple[Cell, str]] = {}
        for role, (col, label) in hdr.record.items():
            if col < len(row) and clean(row[col].text):
                found[role] = (origin_cell(table, row[col]), label)
        project = found.get("project")
        current = self.d.meta.get("project")
        if (project is not None and current is not None and self.d.indicators
                and fold(current.value) != fold(project[0].text)):
            self.new_draft()
            self.mode = "indicators"
        for role, (cell, label) in found.items():
            if role == "goal":
                if self.d.goal is None:
                    self.d.goal = TextValue(text=cell.text, ref=cell_ref(cell))
            elif role not in self.d.found:
                self.d.offer(role, normalise_label(label), Attribute(
                    value=_meta_value(role, cell.text), raw=cell.text, ref=cell_ref(cell)))

    def task_row(self, table: Table, row: list[Cell]) -> bool:
        hdr = self.task_header
        assert hdr is not None
        own = [c for col, c in _distinct(row) if c.text and col not in hdr.group_cols]
        if not own:
            return True
        name = row[hdr.columns["name"]]
        first = own[0].text
        total_row = starts_with_any(name.text, config().raw["tasks"]["total_words"])
        if not total_row and (classify_label(first) or is_title(first)
                              or starts_with_any(first, config().raw["indicators"]["stop_words"])):
            return False
        amount_cell = row[hdr.columns["amount"]]
        content_cell = row[hdr.columns["content"]] if "content" in hdr.columns else None
        if same_origin(name, amount_cell) or (content_cell is not None and same_origin(content_cell, amount_cell)):
            return False  # a caption across the block
        # the unit printed in the amount header, else in the group label beside the block
        # (never in a task's own text: “补助标准500元/人” says nothing about the column)
        group_texts = [c.text for col, c in _distinct(row) if c.text and col in hdr.group_cols]
        hint = hdr.unit or next((u for u in map(find_amount_unit, group_texts) if u), None)
        if total_row:
            self.d.tasks_total = _Amount(amount_cell, cell_ref(amount_cell), name.text, hint)
            self.mode = None
            return True
        if not name.text or covered_from_above(name):
            return True
        amt = (None if not amount_cell.text
               else _Amount(amount_cell, cell_ref(amount_cell), name.text, hint))
        content = content_cell if content_cell is not None and not same_origin(content_cell, name) else None
        self.d.tasks.append((origin_cell(table, name), content, amt))
        return True

    def labelled_row(self, table: Table, r: int) -> set[int]:
        """Label/value pairs of the header, budget and goal areas."""
        row = table.rows[r]
        cells = _distinct(row)
        row_texts = [c.text for _, c in cells if c.text]
        row_unit = next((u for u in (find_amount_unit(t) for t in row_texts) if u), None)
        labels = [(i, col, c, classify_label(c.text) or self.sum_label(table, col, c.text))
                  for i, (col, c) in enumerate(cells) if c.text and not covered_from_above(c)]
        labels = [x for x in labels if x[3] is not None]
        meta_rows = [x for x in labels if x[3][0] == "meta" and x[3][1] in ("project", "unit")]
        if meta_rows and self.d.indicators:
            self.new_draft()  # the next table's header block, without a title between
        consumed: set[int] = set()
        if not labels:
            # “单位：万元” or “填报单位：…” in a row of its own, a caption, a note
            for _, c in cells:
                if c.text and not covered_from_above(c):
                    self.inline(c.text, cell_ref(c))
            return consumed
        # labels may print the amount unit (“年度预算（万元）”, “资金总额（元）”); values may not
        self.d.unit_hints.extend(c.text for _, c in cells if c.text and not is_number(c.text)
                                 and (classify_label(c.text) or covered_from_above(c)))

        def right_of(i: int) -> Cell | None:
            return cells[i + 1][1] if i + 1 < len(cells) else None

        below = table.rows[r + 1] if r + 1 < table.n_rows else None
        annual = self.annual_cols(table)
        budget = [x for x in labels if x[3][0] == "budget"]
        # A header row over a value row: no label has a figure beside it, and a number stands
        # under at least one of them (a blank beside a label is no value then).
        header_layout = bool(budget) and below is not None and not any(
            right_of(i) is not None and is_figure(right_of(i).text) for i, *_ in budget
        ) and any(is_number(below[col].text) and classify_label(below[col].text) is None
                  for _, col, _, _ in budget)
        for i, col, label, (group, role) in labels:
            nxt = right_of(i)
            if group == "budget":
                if role in self.d.budget:
                    continue
                in_year = [origin_cell(table, row[c]) for c in sorted(annual or ()) if c > col]
                if header_layout:
                    value = origin_cell(table, below[col])  # type: ignore[index]
                    consumed.add(r + 1)
                elif in_year and classify_label(in_year[0].text) is None:
                    value = in_year[0]  # 中期 | 年度 columns: the year's figure
                    self.budget_cols.add((table.index, col))
                elif nxt is not None and classify_label(nxt.text) is None:
                    value = origin_cell(table, nxt)
                    self.budget_cols.add((table.index, col))
                else:
                    continue
                unit = find_amount_unit(label.text) or row_unit
                self.d.budget[role] = _Amount(value, cell_ref(value), label.text, unit)
            elif group == "basis":
                if self.d.basis is None and nxt is not None and classify_label(nxt.text) is None and nxt.text:
                    self.d.basis = TextValue(text=nxt.text, ref=cell_ref(origin_cell(table, nxt)))
            elif group == "goal":
                # a one-column table is a list (a portal page's menu: 绩效目标 | 绩效评价), not a form
                if self.d.goal is not None or table.n_cols < 2:
                    continue
                if nxt is not None:
                    if classify_label(nxt.text) is None:
                        self.d.goal = TextValue(text=nxt.text, ref=cell_ref(origin_cell(table, nxt)))
                elif below is not None:
                    texts_below = _texts(below)
                    if (len(texts_below) == 1 and classify_label(texts_below[0]) is None
                            and not _is_indicator_anchor(below) and not is_title(texts_below[0])):
                        cell = next(c for c in below if c.text)
                        self.d.goal = TextValue(text=cell.text, ref=cell_ref(origin_cell(table, cell)))
                        consumed.add(r + 1)
            else:  # meta
                j = i + 1
                while j < len(cells) and not cells[j][1].text:
                    j += 1
                if j < len(cells) and classify_label(cells[j][1].text) is None:
                    value = origin_cell(table, cells[j][1])
                    self.d.offer(role, normalise_label(label.text), Attribute(
                        value=_meta_value(role, value.text), raw=value.text, ref=cell_ref(value)))
        return consumed

    def sum_label(self, table: Table, col: int, text: str) -> tuple[str, str] | None:
        """A 合计 cell in the column of the 财政拨款 / 其他资金 labels read before it is the
        资金总额 label (收入构成 | 金额 rows ending in 合计)."""
        if ("total" not in self.d.budget and (table.index, col) in self.budget_cols
                and normalise_label(text) in config().sum_labels):
            return ("budget", "total")
        return None


# ---------------------------------------------------------------------------------------------
# Detection


def detect(doc: Document) -> float:
    """How sure we are that `doc` holds a 绩效目标表 (0–1)."""
    text = fold(doc.all_text())
    det = config().raw["detect"]
    titled = any(w in text for w in det["title_words"])
    target_block = execution_block = False
    for table in doc.tables:
        for h in indicator_headers(table):
            if h.execution:
                execution_block = True
            else:
                target_block = True
    sections = sum(1 for w in det["section_words"] if w in text)
    score = 0.0
    if titled:
        score += 0.4
    if target_block:
        score += 0.35
    score += 0.1 * min(sections, 2)
    if any(w in text for w in det["budget_words"]):
        score += 0.05
    # Without an indicator block of targets there is no target table: a title word alone (a
    # budget publication mentioning 绩效目标表) or a monitoring / self-evaluation table whose
    # indicator block also has execution columns scores low.
    if not target_block:
        score = min(score, 0.3 if execution_block else 0.35)
    if not titled and any(w in text for w in det["other_kind_words"]):
        score = min(score, 0.3)
    return min(score, 1.0)


# ---------------------------------------------------------------------------------------------
# Building records


def _file_attr(doc: Document, value: str) -> Attribute:
    ref = SourceRef(file_sha256=doc.file_sha256, file_name=doc.file_name).with_label()
    return Attribute(value=value, raw=doc.file_name, ref=ref, source="filename")


def _unit_from_title(text: str) -> str | None:
    h = config().raw["header"]
    return unit_from_title(text, h["title_unit_stops"], h["org_suffixes"])


def _amount_unit(d: _Draft, previous: TargetTable | None) -> str:
    """“单位：元” first, then a unit in a label (“年度预算（万元）”); a later table of the same
    document that prints none keeps the one before; 万元 when nothing says otherwise."""
    explicit = [m.group(1) for m in (_EXPLICIT_UNIT.search(fold(t)) for t in d.unit_hints) if m]
    if explicit:
        return explicit[0]
    found = [u for u in (find_amount_unit(t) for t in d.unit_hints) if u]
    if found:
        return found[0]
    return previous.amount_unit if previous is not None else "万元"


def _kind(d: _Draft) -> str:
    k = config().raw["kind"]
    if "project" in d.meta:
        return "project"
    for src in d.titles:
        t = fold(src.text)
        if any(w in t for w in k["project_title_words"]):
            return "project"
        if any(w in t for w in k["unit_title_words"]):
            return "unit"
    names = [fold(i.level1) for i in d.indicators]
    project = sum(any(w in n for w in k["project_level1"]) for n in names)
    unit = sum(any(w in n for w in k["unit_level1"]) for n in names)
    return "project" if project > unit else "unit"


def _number(a: _Amount | None, unit: str, what: str, unread: list[UnreadCell]) -> PrintedNumber | None:
    """The amount of `a`; one that cannot be read is left out and added to `unread` (DOC002)."""
    if a is None:
        return None
    try:
        return amount(a.cell.text, a.ref, a.unit or unit)
    except NumberError as exc:
        unread.append(UnreadCell(what=f"“{clean(a.label)}”的{what}", raw=a.cell.text, problem=exc.problem, ref=a.ref))
        return None


def _build(doc: Document, d: _Draft, previous: TargetTable | None) -> TargetTable:
    stem = PurePath(doc.file_name).stem
    meta = d.meta

    unit = meta.get("unit") or meta.get("department")
    if unit is None:
        for src in d.titles:
            name = _unit_from_title(src.text)
            if name:
                unit = Attribute(value=name, raw=src.text, ref=src.ref)
                break
    unit = unit or (previous.unit if previous else None) or meta.get("implementing")
    if unit is None:
        name = _unit_from_title(stem)
        unit = _file_attr(doc, name) if name else None
    if unit is None:  # kept unknown: the submission (manifest, folder) may name it
        unit = unknown_attribute()

    year: Attribute | None = None
    for src in d.titles:
        y = find_year(src.text)
        if y:
            year = Attribute(value=str(y), raw=src.text, ref=src.ref)
            break
    if year is None and "year" in meta:
        m = re.search(r"20\d{2}", fold(meta["year"].value))
        if m:
            year = Attribute(value=m.group(0), raw=meta["year"].raw, ref=meta["year"].ref)
    if year is None:
        # a header text, not prose: a policy basis citing “2013年，…通过招标” names no budget year
        for src in (s for s in d.sources if len(fold(s.text)) <= _HEADER_TEXT_MAX):
            y = find_year(src.text)
            if y:
                year = Attribute(value=str(y), raw=src.text, ref=src.ref)
                break
    if year is None and previous is not None:
        year = previous.year_attr
    if year is None:
        y = find_year(stem, allow_dates=True)
        year = _file_attr(doc, str(y)) if y else None
    if year is None:
        year = unknown_attribute()

    amount_unit = _amount_unit(d, previous)
    unread: list[UnreadCell] = []
    tasks = []
    for name, content, amt in d.tasks:
        tasks.append(TargetTask(
            name=name.text, ref=cell_ref(name),
            content=TextValue(text=content.text, ref=cell_ref(content)) if content is not None else None,
            amount=_number(amt, amount_unit, "预算金额", unread)))
    return TargetTable(
        kind=_kind(d),  # type: ignore[arg-type]
        unit=unit,
        year=int(year.value) if year.known else None,
        year_attr=year,
        project=meta.get("project"),
        department=meta.get("department"),
        implementing_unit=meta.get("implementing"),
        amount_unit=amount_unit,
        budget_total=_number(d.budget.get("total"), amount_unit, "金额", unread),
        budget_fiscal=_number(d.budget.get("fiscal"), amount_unit, "金额", unread),
        budget_other=_number(d.budget.get("other"), amount_unit, "金额", unread),
        budget_multi_year=_number(d.budget.get("multi_year"), amount_unit, "金额", unread),
        basis_text=d.basis,
        project_code=meta.get("project_code"),
        tasks=tasks,
        tasks_total=_number(d.tasks_total, amount_unit, "金额", unread),
        goal_text=d.goal,
        indicators=d.indicators,
        file_name=doc.file_name,
        file_sha256=doc.file_sha256,
        unread_cells=unread,
    )


def parse(doc: Document) -> list[TargetTable]:
    """One `TargetTable` per target table found in `doc`."""
    # a form whose indicator block is printed but left unused (every row 不适用) is still a form
    drafts = [d for d in _Reader(doc).run() if d.indicators or (d.indicator_block and d.found)]
    if not drafts:
        raise ParseError(doc.file_name, "未找到绩效指标表头（应有“三级指标”和“指标值”等列），无法按绩效目标表读取",
                         code="parse.no_header")
    tables: list[TargetTable] = []
    for d in drafts:
        tables.append(_build(doc, d, tables[-1] if tables else None))
    refs = [{i.ref.table for i in t.indicators} | {k.ref.table for k in t.tasks} for t in tables]
    filled = labelled_dates_per_record(doc, date_labels("target_table"), [{i for i in r if i} for r in refs])
    for t, value in zip(tables, filled):
        t.filled_date = value
    return tables


KIND = register(DocumentKind(name="targets", label="绩效目标表", detect=detect, parse=parse))

__all__ = ["KIND", "detect", "parse", "config", "classify_label", "normalise_label", "is_title",
           "indicator_headers"]
