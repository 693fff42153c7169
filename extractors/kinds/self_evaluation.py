"""绩效自评表 (self-evaluation table): detector and parser.

A self-evaluation table (部门整体支出绩效自评表 or 项目支出绩效自评表) has a header area (unit or
project, 主管部门, 实施单位), a budget block (年度资金总额 / 财政拨款 / 上年结转 / 其他资金 with
年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), the 年度总体目标 (预期目标 against
实际完成情况), the indicator block (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分,
偏差原因分析及改进措施) and a 总分 row. Wording is data (`self_evaluation.yaml`); budget-line names,
header-area lookups and indicator values reuse the monitoring kind's machinery.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Callable

from extractors.indicator_values import parse_indicator_value
from extractors.dates import date_labels, labelled_dates_per_record
from extractors.kinds import DocumentKind, ParseError, register
from extractors.forms import (
    ColumnRules,
    HeaderText,
    cell_ref,
    covered_from_above,
    group_label,
    has_numbers,
    header_columns,
    header_texts,
    is_number,
    labelled,
    operator_text,
    origin_cell,
    same_origin,
    starts_with_any,
)
from extractors.freetext import find_amount_unit, find_year, strip_org_code, unit_from_title
from extractors import wording
from extractors.kinds import monitoring
from extractors.wording import SelfEvaluationWording
from textnorm.numbers import EXCEL_ERRORS, NumberError, amount, parse_decimal, rate
from textnorm.text import clean, fold
from schemas.document import Cell, Document, Table
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue, UnreadCell, unknown_attribute
from schemas.self_evaluation import SelfEvalIndicator, SelfEvalLine, SelfEvaluation


AMOUNT_ROLES = ("initial_budget", "annual_budget", "executed")
POINT_ROLES = ("max_score", "score")
NUMBER_ROLES = AMOUNT_ROLES + ("reported_rate",) + POINT_ROLES
_BLANK = {"", "-", "--", "/", "—", "——"}
COLUMN_NAMES = {
    "initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数",
    "reported_rate": "执行率", "max_score": "分值", "score": "得分",
}


@dataclass(frozen=True)
class _Config:
    raw: dict
    wording: SelfEvaluationWording
    budget_columns: ColumnRules
    indicator_columns: ColumnRules
    extra_lines: dict[str, str]
    points_in_label: re.Pattern[str]
    header_label_keys: set[str]  # folded labels of the header block (never a value)


def config() -> _Config:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> _Config:
    w = wording.load("self_evaluation", SelfEvaluationWording)
    extra = {fold(word): canonical for canonical, words in w.budget.lines.items() for word in [canonical, *words]}
    h = w.header
    keys = {fold(x) for x in [*h.unit_labels, *h.project_labels, *h.department_labels, *h.implementing_labels,
                              *h.other_labels]}
    return _Config(w.model_dump(), w, ColumnRules.of(w.budget.columns), ColumnRules.of(w.indicators.columns),
                   extra, re.compile(w.indicators.points_in_label), keys)


def canonical_line(label: str) -> str | None:
    """The budget line a label names: the monitoring kind's synonyms, then this kind's own."""
    name = monitoring.canonical_line(label)
    if name:
        return name
    return config().extra_lines.get(monitoring.strip_line_label(label))


# ---------------------------------------------------------------------------------------------
# Headers


@dataclass
class _Header:
    top: int
    bottom: int
    columns: dict[str, int]
    units: dict[int, str]


def _budget_header(table: Table) -> _Header | None:
    rules = config().budget_columns
    for r in range(table.n_rows):
        row = table.rows[r]
        if has_numbers(row):
            continue
        roles = rules.row_roles(row)
        bottom = r
        if not ("executed" in roles and roles & {"annual_budget", "initial_budget"}) and roles and r + 1 < table.n_rows:
            # a two-row header: “全年执行情况” over “执行数 | 执行率”, the budget columns merged down
            below = table.rows[r + 1]
            if not has_numbers(below) and not any(canonical_line(c.text) for c in below if c.text):
                roles |= rules.row_roles(below)
                bottom = r + 1
        if "executed" in roles and roles & {"annual_budget", "initial_budget"}:
            columns, units = header_columns(table, r, bottom, rules, find_amount_unit)
            return _Header(r, bottom, columns, units)
    return None


def _is_indicator_anchor(table: Table, r: int) -> bool:
    row = table.rows[r]
    roles = config().indicator_columns.row_roles(row)
    need = set(config().raw["indicators"]["required_with_level3"])
    return "level3" in roles and bool(roles & need) and not has_numbers(row)


def _indicator_header(table: Table, start: int) -> _Header | None:
    rules = config().indicator_columns
    for r in range(start, table.n_rows):
        if not _is_indicator_anchor(table, r):
            continue
        bottom = r
        while bottom + 1 < table.n_rows:
            nxt = [c for c in table.rows[bottom + 1] if c.text and not covered_from_above(c)]
            if not nxt or has_numbers(table.rows[bottom + 1]) or not all(rules.classify(c.text) for c in nxt):
                break
            bottom += 1
        columns, units = header_columns(table, r, bottom, rules, find_amount_unit)
        if "level3" in columns:
            return _Header(r, bottom, columns, units)
    return None


# ---------------------------------------------------------------------------------------------
# Values


def _points(cell: Cell) -> PrintedNumber | None:
    """A score cell (分值, 得分): a number of points; None when blank."""
    try:
        parsed = parse_decimal(cell.text)
    except NumberError:
        return None
    if parsed is None:
        return None
    printed, decimals, _unit = parsed
    return PrintedNumber(raw=cell.text, value=printed, printed=printed, decimals=decimals,
                         printed_unit="分", unit="分", ref=cell_ref(cell))


def _unread(cell: Cell, line: str, role: str, exc: NumberError) -> UnreadCell:
    return UnreadCell(what=f"第{cell.ref.row}行“{line}”的“{COLUMN_NAMES[role]}”", raw=cell.text,
                      problem=exc.problem, ref=cell_ref(cell))


_LABEL_POINTS = re.compile(r"\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")


def split_points(text: str, ref: SourceRef | None) -> tuple[str, PrintedNumber | None]:
    """`产出指标(50分)` → (`产出指标`, 50 points); a label without points is returned as is."""
    t = unicodedata.normalize("NFKC", clean(text))
    m = _LABEL_POINTS.search(t)
    if not m or ref is None:
        return clean(text), None
    value = m.group(1)
    parsed = parse_decimal(value)
    assert parsed is not None
    pn = PrintedNumber(raw=text, value=parsed[0], printed=parsed[0], decimals=parsed[1],
                       printed_unit="分", unit="分", ref=ref)
    return t[: m.start()].strip(), pn


def split_deviation(text: str, ref: SourceRef) -> tuple[TextValue | None, TextValue | None]:
    """偏差原因分析及改进措施 → (reason, measure). The measure starts at the first marker
    (`改进措施：`, `下一步` …); a text without a marker is all reason."""
    cfg = config().raw["deviation"]
    t = clean(text)
    if fold(t) in _BLANK:
        return None, None
    norm = unicodedata.normalize("NFKC", t)
    same_length = len(norm) == len(t)  # then the parts are cut from the text as printed
    hits = [(norm.find(unicodedata.normalize("NFKC", m)), m) for m in cfg["measure_markers"]]
    hits = [(i, m) for i, m in hits if i >= 0]
    reason_text, measure_text = (t if same_length else norm), ""
    if hits:
        i, marker = min(hits)
        reason_text, measure_text = (t[:i], t[i:]) if same_length else (norm[:i], norm[i:])
        for label in ("改进措施:", "整改措施:", "措施:"):
            if unicodedata.normalize("NFKC", measure_text).startswith(label):
                measure_text = measure_text[len(label):]
    for label in cfg["reason_labels"]:
        label = unicodedata.normalize("NFKC", label)
        if unicodedata.normalize("NFKC", reason_text).startswith(label):
            reason_text = reason_text[len(label):]
    reason_text = re.sub(r"^[\d一二三四五六七八九十]+[、.]", "", reason_text.strip()).strip(" ;；。,，")
    measure_text = measure_text.strip(" ;；,，")
    return (TextValue(text=reason_text, ref=ref) if reason_text else None,
            TextValue(text=measure_text, ref=ref) if measure_text else None)


def _operator_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    words = config().raw["indicators"]["operator_words"]
    t = fold(cell.text)
    if t in {fold(k) for k in words}:
        return next(v for k, v in words.items() if fold(k) == t)
    return operator_text(cell)


def _target_value(value: Cell | None, operator: Cell | None, unit: Cell | None):
    """年度指标值, joined with its 指标方向 (operator) and 度量单位 columns when split."""
    if value is None or fold(value.text) in _BLANK:
        return None
    op = _operator_text(operator)
    u = unit.text.strip() if unit is not None and unit.text and not same_origin(unit, value) else ""
    if fold(u) in _BLANK:
        u = ""
    v = value.text.strip()
    if not op and not u:
        return parse_indicator_value(v, cell_ref(value))
    if op and fold(v).startswith(fold(op)):
        op = ""
    return parse_indicator_value(f"{op}{v}{'' if u and v.endswith(u) else u}", cell_ref(value))


def _actual_value(cell: Cell | None, unit: Cell | None):
    if cell is None or fold(cell.text) in _BLANK:
        return None
    v = cell.text.strip()
    u = unit.text.strip() if unit is not None and unit.text and not same_origin(unit, cell) else ""
    # an actual that already prints its unit (“100%” under 度量单位 “%”) keeps it once
    if u and fold(u) not in _BLANK and is_number(v) and not fold(v).endswith(fold(u)):
        v = v + u
    return parse_indicator_value(v, cell_ref(cell))


# ---------------------------------------------------------------------------------------------
# Blocks


def _label_cell(table: Table, r: int, first_value_col: int) -> Cell | None:
    """The line label left of the figures; a group label merged down beside the lines is skipped."""
    row = table.rows[r]
    for c in range(min(first_value_col, len(row)) - 1, -1, -1):
        if row[c].text:
            origin = origin_cell(table, row[c])
            if canonical_line(origin.text) or not group_label(table, r, origin):
                return origin
    return None


def _parse_budget(doc: Document, table: Table, hdr: _Header, unit: str | None,
                  unread: list[UnreadCell]) -> tuple[list[SelfEvalLine], int]:
    """Lines of the budget block and the last row it used; a figure that cannot be read is left
    out of its line and added to `unread` (rule DOC002), the rest of the form is still read."""
    stops = config().raw["budget"]["stop_words"]
    lines: list[SelfEvalLine] = []
    last = hdr.bottom
    value_cols = [c for r, c in hdr.columns.items() if r in NUMBER_ROLES]
    first_col = min(value_cols)
    for r in range(hdr.bottom + 1, table.n_rows):
        row = table.rows[r]
        if not any(c.text for c in row):
            continue
        first = next(c.text for c in row if c.text)
        if starts_with_any(first, stops) or _is_indicator_anchor(table, r):
            break
        label = _label_cell(table, r, first_col)
        name = canonical_line(label.text) if label is not None else None
        if label is None or name is None:
            if any(is_number(row[c].text) for c in value_cols if c < len(row)):
                if label is None:
                    raise ParseError(doc.file_name, f"第{row[first_col].ref.row}行有金额但没有资金名称"
                                                    f"（位置：{cell_ref(row[first_col]).label}）",
                                     code="parse.amount_without_name", ref=cell_ref(row[first_col]))
                name = monitoring.strip_line_label(label.text) or clean(label.text)
            else:
                break
        line = SelfEvalLine(name=name, raw_name=label.text, ref=cell_ref(label))
        for role, col in hdr.columns.items():
            if col >= len(row) or role not in NUMBER_ROLES:
                continue
            cell = row[col]
            if role in AMOUNT_ROLES:
                try:
                    setattr(line, role, amount(cell.text, cell_ref(cell), hdr.units.get(col, unit)))
                except NumberError as exc:
                    unread.append(_unread(cell, name, role, exc))
            elif role == "reported_rate":
                if fold(cell.text).upper() in EXCEL_ERRORS:
                    continue
                try:
                    line.reported_rate = rate(cell.text, cell_ref(cell))
                except NumberError as exc:
                    unread.append(_unread(cell, name, role, exc))
            else:
                if cell.text and not is_number(cell.text) and fold(cell.text) not in _BLANK:
                    unread.append(_unread(cell, name, role, NumberError(cell.text)))
                    continue
                setattr(line, role, _points(cell))
        lines.append(line)
        last = r
    return lines, last


def _goal(table: Table, start: int, end: int) -> tuple[TextValue | None, TextValue | None]:
    g = config().raw["goal"]
    labels = {fold(x) for x in g["labels"]}
    exp_words = [fold(x) for x in g["expected"]]
    act_words = [fold(x) for x in g["actual"]]
    for r in range(start, end):
        row = table.rows[r]
        origins = []
        for c in row:
            o = origin_cell(table, c)
            if o.text and all(o is not x for x in origins):
                origins.append(o)
        if not origins or fold(origins[0].text).rstrip(":") not in labels:
            continue
        rest = origins[1:]
        keys = [fold(o.text).rstrip(":") for o in rest]
        if rest and all(k in exp_words or k in act_words for k in keys) and r + 1 < end:
            # a header row “预期目标 | 实际完成情况” over the texts of the next row
            below = table.rows[r + 1]
            out: dict[str, TextValue] = {}
            for o, k in zip(rest, keys):
                col = (o.ref.column or 1) - (table.rows[r][0].ref.column or 1)
                cell = origin_cell(table, below[col])
                if cell.text and fold(cell.text) not in labels:
                    out["expected" if k in exp_words else "actual"] = TextValue(text=clean(cell.text), ref=cell_ref(cell))
            return out.get("expected"), out.get("actual")
        expected = actual = None
        for o in rest:
            t = clean(o.text)
            m = re.match(r"^(\S{1,8}?)\s*[:：]\s*(.*)$", t, re.S)
            key = fold(m.group(1)) if m else ""
            body = m.group(2).strip() if m else t
            if key in act_words or (not key and expected is not None):
                actual = actual or TextValue(text=body, ref=cell_ref(o))
            elif key in exp_words or expected is None:
                expected = TextValue(text=body, ref=cell_ref(o))
        return expected, actual
    return None, None


def _level1_row_points(cell: Callable[[str], Cell | None]) -> PrintedNumber | None:
    """The 分值 of a 一级 row of its own (the 一级 label, no 二级/三级 of its own, no values, a
    number in the 分值 column); None for any other row."""
    l1, points = cell("level1"), cell("max_score")
    if l1 is None or not l1.text or points is None or same_origin(points, l1):
        return None
    for role in ("level2", "level3", "target", "actual"):
        c = cell(role)
        if c is not None and c.text and not same_origin(c, l1):
            return None
    return _points(points)


def _parse_indicators(table: Table, hdr: _Header) -> tuple[list[SelfEvalIndicator], PrintedNumber | None,
                                                            PrintedNumber | None]:
    ind = config().raw["indicators"]
    totals = {fold(x) for x in ind["total_labels"]}
    stops = ind["stop_words"]
    cols = hdr.columns
    out: list[SelfEvalIndicator] = []
    total = total_max = None
    carry: tuple[str, PrintedNumber | None] | None = None  # the 一级 (and its points) of the row above
    for r in range(hdr.bottom + 1, table.n_rows):
        row = table.rows[r]
        if not any(c.text for c in row):
            continue

        def cell(role: str) -> Cell | None:
            c = cols.get(role)
            return row[c] if c is not None and c < len(row) else None

        first = next(c.text for c in row if c.text)
        if fold(first).rstrip(":") in totals or any(fold(c.text).rstrip(":") in totals for c in row[:cols["level3"] + 1]):
            if cell("score") is not None:
                total = _points(cell("score"))
            if cell("max_score") is not None:
                total_max = _points(cell("max_score"))
            break
        if starts_with_any(first, stops) or _is_indicator_anchor(table, r):
            break
        l3 = cell("level3")
        row_points = _level1_row_points(cell)
        if row_points is not None:  # a 一级 row of its own: `产出指标 | | | 50`
            head = cell("level1")
            assert head is not None
            carry = (split_points(head.text, cell_ref(origin_cell(table, head)))[0], row_points)
            continue
        if l3 is None or not l3.text:
            continue
        if any(same_origin(l3, cell(role)) for role in ("level1", "target", "actual")):
            break  # a note across the columns ends the block
        l1, l2 = cell("level1"), cell("level2")
        l1o = origin_cell(table, l1) if l1 is not None else None
        l2o = origin_cell(table, l2) if l2 is not None else None
        level1, p1 = split_points(l1.text, cell_ref(l1o)) if l1 is not None and l1o is not None else ("", None)
        level2, p2 = split_points(l2.text, cell_ref(l2o)) if l2 is not None and l2o is not None else ("", None)
        # a blank parent cell continues the row above (a merge split by a page break)
        if carry is not None and l1 is not None and not level1:
            level1, p1 = carry
        elif carry is not None and p1 is None and level1 == carry[0]:
            p1 = carry[1]  # the points of the 一级 row above
        carry = (level1, p1)
        if out and l2 is not None and not level2 and level1 == out[-1].level1:
            level2, p2 = out[-1].level2, out[-1].level2_points
        level3, _ = split_points(l3.text, cell_ref(l3))
        item = SelfEvalIndicator(
            level1=level1, level2=level2, level3=level3, ref=cell_ref(l3),
            level1_points=p1, level2_points=p2,
            target=_target_value(cell("target"), cell("operator"), cell("value_unit")),
            actual=_actual_value(cell("actual"), cell("value_unit")),
            max_score=_points(cell("max_score")) if cell("max_score") is not None else None,
            score=_points(cell("score")) if cell("score") is not None else None,
        )
        dev = cell("deviation")
        if dev is not None:
            item.deviation = TextValue(text=clean(dev.text), ref=cell_ref(dev))
            item.reason, item.measure = split_deviation(dev.text, cell_ref(dev))
        meas = cell("measure")
        if meas is not None and fold(meas.text) not in _BLANK:
            item.measure = TextValue(text=clean(meas.text), ref=cell_ref(meas))
        out.append(item)
    return out, total, total_max


# ---------------------------------------------------------------------------------------------
# Header area


def _is_title(text: str) -> bool:
    t = fold(text)
    return any(w in t for w in config().raw["detect"]["title_words"])


def _sources(doc: Document, table: Table, upto: int) -> list[HeaderText]:
    cells = list(reversed(header_texts(table, range(0, upto))))
    blocks = [HeaderText(b.text, b.ref.with_label()) for b in reversed(doc.blocks) if b.order < table.order]
    return cells + blocks


def _file_attr(doc: Document, value: str) -> Attribute:
    ref = SourceRef(file_sha256=doc.file_sha256, file_name=doc.file_name).with_label()
    return Attribute(value=value, raw=doc.file_name, ref=ref, source="filename")


def _labelled(sources: list[HeaderText], labels: list[str]) -> Attribute | None:
    found = labelled(sources, labels, label_keys=config().header_label_keys,
                     value_stops=config().wording.header.value_stops, below=True)
    if found is not None:
        found.value = strip_org_code(found.value)
    return found


def _unit(sources: list[HeaderText], h: dict, is_project: bool) -> Attribute | None:
    labels = (h["implementing_labels"] + h["unit_labels"]) if is_project else h["unit_labels"]
    found = _labelled(sources, labels)
    if found:
        return found
    for src in sources:
        if _is_title(src.text):
            name = unit_from_title(src.text, h["title_unit_stops"], h["org_suffixes"])
            if name:
                return Attribute(value=name, raw=src.text, ref=src.ref)
    return None


def _year(sources: list[HeaderText]) -> Attribute | None:
    for src in sources:
        if _is_title(src.text) or re.fullmatch(r"[(（]?\s*20\d{2}\s*年度?\s*[)）]?", clean(src.text)):
            y = find_year(src.text)
            if y:
                return Attribute(value=str(y), raw=src.text, ref=src.ref)
    for src in sources:
        y = find_year(src.text)
        if y:
            return Attribute(value=str(y), raw=src.text, ref=src.ref)
    return None


# ---------------------------------------------------------------------------------------------
# Detection and parsing


def _continue_record(rec: SelfEvaluation, table: Table, ih: _Header) -> None:
    """Add a table holding only the goal and indicator blocks to the record of the table above."""
    if rec.goal_expected is None and rec.goal_actual is None:
        rec.goal_expected, rec.goal_actual = _goal(table, 0, ih.top)
    rec.indicators, total, total_max = _parse_indicators(table, ih)
    rec.total_score = rec.total_score or total
    rec.total_max = rec.total_max or total_max


def detect(doc: Document) -> float:
    """How sure we are that `doc` holds a 绩效自评表 (0–1): title words and scored columns."""
    text = fold(doc.all_text())
    titled = any(w in text for w in config().raw["detect"]["title_words"])
    scored_budget = scored_indicators = False
    for table in doc.tables:
        b = _budget_header(table)
        if b is not None and set(b.columns) & set(POINT_ROLES):
            scored_budget = True
        i = _indicator_header(table, 0)
        if i is not None and "score" in i.columns:
            scored_indicators = True
    score = (0.35 if titled else 0.0) + (0.3 if scored_budget else 0.0) + (0.3 if scored_indicators else 0.0)
    if not (scored_budget or scored_indicators):
        score = min(score, 0.3)
    return min(score, 1.0)


def parse(doc: Document) -> list[SelfEvaluation]:
    """One `SelfEvaluation` per table holding a scored budget or indicator block."""
    out: list[SelfEvaluation] = []
    h = config().raw["header"]
    tables = sorted(doc.tables, key=lambda t: t.order)
    headers = []
    for table in tables:
        bh = _budget_header(table)
        headers.append((bh, _indicator_header(table, bh.bottom + 1 if bh else 0)))
    for ti, table in enumerate(tables):
        bh, ih = headers[ti]
        if bh is None and ih is None:
            continue
        if ih is None and not set(bh.columns) & set(POINT_ROLES):  # type: ignore[union-attr]
            # an unscored budget block counts only when the next table holds the indicators
            following = headers[ti + 1] if ti + 1 < len(tables) else (None, None)
            if not (following[0] is None and following[1] is not None):
                continue
        if bh is None and out and not out[-1].indicators:
            # the indicator block printed as a table of its own (Word, or a page break in a PDF)
            # belongs to the table above
            _continue_record(out[-1], table, ih)  # type: ignore[arg-type]
            continue
        top = bh.top if bh is not None else ih.top  # type: ignore[union-attr]
        sources = _sources(doc, table, top)
        unit_text = next((u for u in (find_amount_unit(s.text) for s in sources) if u), None)
        if unit_text is None and bh is not None:
            unit_text = next((u for u in (find_amount_unit(c.text) for c in table.rows[bh.top]) if u), None)
        if unit_text is None and bh is not None and bh.bottom + 1 < table.n_rows:
            side = table.rows[bh.bottom + 1][: min(c for r, c in bh.columns.items() if r in NUMBER_ROLES)]
            unit_text = next((u for u in (find_amount_unit(c.text) for c in side) if u), None)
        lines: list[SelfEvalLine] = []
        unread: list[UnreadCell] = []
        last = top
        if bh is not None:
            lines, last = _parse_budget(doc, table, bh, unit_text, unread)
        goal_end = ih.top if ih is not None else table.n_rows
        expected, actual = _goal(table, last + 1, goal_end)
        indicators, total, total_max = _parse_indicators(table, ih) if ih is not None else ([], None, None)

        all_text = fold(" ".join(s.text for s in sources))
        project = _labelled(sources, h["project_labels"])
        is_project = project is not None or "项目支出绩效自评" in all_text or "项目绩效自评" in all_text
        unit = _unit(sources, h, is_project) or _unit(sources, h, not is_project)
        if unit is None:
            name = unit_from_title(PurePath(doc.file_name).stem, h["title_unit_stops"], h["org_suffixes"])
            unit = _file_attr(doc, name) if name else None
        if unit is None:  # kept unknown: the submission (manifest, folder) may name it
            unit = unknown_attribute()
        year = _year(sources)
        if year is None:
            y = find_year(PurePath(doc.file_name).stem, allow_dates=True)
            year = _file_attr(doc, str(y)) if y else None
        if year is None:
            year = unknown_attribute()
        out.append(SelfEvaluation(
            kind="project" if is_project else "unit",
            unit=unit, year=int(year.value) if year.known else None, year_attr=year, project=project,
            department=_labelled(sources, h["department_labels"]),
            implementing_unit=_labelled(sources, h["implementing_labels"]),
            amount_unit=unit_text or "万元",
            lines=lines, goal_expected=expected, goal_actual=actual,
            indicators=indicators, total_score=total, total_max=total_max,
            file_name=doc.file_name, file_sha256=doc.file_sha256, unread_cells=unread,
        ))
    if not out:
        raise ParseError(doc.file_name, "未找到自评表的预算执行表头（应有“全年执行数”及“全年预算数”等列）或"
                                        "带“得分”列的绩效指标表头，无法按绩效自评表读取", code="parse.no_header")
    refs = [{x.ref.table for x in [*r.lines, *r.indicators] if x.ref.table} for r in out]
    for record, value in zip(out, labelled_dates_per_record(doc, date_labels("self_evaluation"), refs)):
        record.filled_date = value
    return out


KIND = register(DocumentKind(name="self_evaluation", label="绩效自评表", detect=detect, parse=parse))

__all__ = ["KIND", "detect", "parse", "config", "canonical_line", "split_points", "split_deviation"]
