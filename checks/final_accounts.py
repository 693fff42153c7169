"""Cross-checks over 部门预算 / 部门决算 publications (FIN001–FIN012).

What an auditor recomputes in the standard tables (domain.md, "Cross-checks → Final accounts"):
类 = Σ款 = Σ项, the 合计 rows, the 合计 columns (基本 + 项目, the 三公 parts), 人员经费 + 公用经费 =
基本支出, the two sides of a 总表 and how their 总计 is made up, the same figure printed in two
tables, and whether every listed table is there. Every sum is compared with the rounding tolerance
of domain.md (half a unit of the last digit per printed figure, `checks.common.tolerance.sum_mismatch`):
the published tables are rounded item by item, so 0.01–0.02 gaps between a total and many parts
are normal and never flagged. Which tables and columns hold like figures is configuration
(`rules.yaml`), because only like with like may be compared (the same source of funds).

A blank template (`Publication.template`) gets one notice (FIN012) and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from checks.catalogue import RuleContext, rule
from checks.common.evidence import (
    amount_decimals,
    amount_text,
    MessageUnit,
    format_amount,
    message_unit,
    number_evidence,
)
from checks.common.tolerance import sum_mismatch
from textnorm.text import fold
from schemas.final_accounts import Publication, PublicationLine, PublicationTable
from schemas.findings import Evidence, Finding, Subject
from schemas.numbers import PrintedNumber

_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
_QUOTES = re.compile(r"[“”\"'‘’]")


def key(text: str | None) -> str:
    """Matching form of a label or header: folded, without quote marks."""
    return _QUOTES.sub("", fold(text))


# ---------------------------------------------------------------- publications and labels


def publications(ctx: RuleContext) -> list[Publication]:
    """The publications the table rules look at: templates carry no figures (FIN012 only)."""
    return [p for p in ctx.records_of(Publication) if not p.template]


def pub_fmt(pub: Publication) -> dict[str, Any]:
    return {"unit": pub.unit.value, "year": pub.year, "doc": f"{pub.year}年度部门{pub.kind}"}


def subject(pub: Publication, line: str, column: str) -> Subject:
    return Subject(unit=pub.unit.value, year=pub.year, period="", project="", line=line, column=column)


def line_label(table: PublicationTable, ln: PublicationLine, column: str | None = None) -> str:
    """How a line is named: `201 一般公共服务支出`, `合计`, or its row. A 总表 row is named by the
    label on the side of `column` (八、社会保障和就业支出, not the 收入 label of the same row)."""
    side_label = ln.texts.get(_label_header(table, column) or "") if column and ln.texts else None
    name = side_label or ln.name or next(iter(ln.texts.values()), "")
    if ln.code:
        return f"{ln.code} {name}".strip()
    if name:
        return name
    return f"第{ln.ref.row}行" if ln.ref.row is not None else "数据行"


def line_subject(pub: Publication, table: PublicationTable, label: str, column: str) -> Subject:
    return subject(pub, f"{table.key} {label}", column)


def role(table: PublicationTable, label: str, column: str) -> str:
    return f"{table.key}“{label}”{column}"


def _parts_text(parts: Sequence[tuple[str, PrintedNumber]], ctx: RuleContext) -> Callable[[MessageUnit], str]:
    """The parts of a sum for a message, once `sum_finding` knows the message's unit."""
    return lambda mu: _parts_in(parts, ctx, mu)


def _parts_in(parts: Sequence[tuple[str, PrintedNumber]], ctx: RuleContext, mu: MessageUnit) -> str:
    template = ctx.params.get("part_template", "“{line}”{amount}{amount_unit}")
    joiner = ctx.params.get("part_joiner", "＋")
    shown = [(label, pn) for label, pn in parts if not (pn.blank or pn.value == 0)]
    if not shown:
        return "（均为零或空白）"
    return joiner.join(template.format(line=label, amount=mu.amount(pn), amount_unit=mu.unit)
                       for label, pn in shown)


def sum_finding(
    ctx: RuleContext,
    pub: Publication,
    subj: Subject,
    total: tuple[str, PrintedNumber],
    parts: Sequence[tuple[str, PrintedNumber]],
    fmt: dict[str, Any],
    template: str = "message",
) -> Finding | None:
    """A finding when `total` differs from the sum of `parts` beyond rounding, else None.

    `total` and `parts` are (role, figure); the role names the table, line and column. A value
    of `fmt` may be a function of the message's unit (amounts the template shows besides these).
    """
    scale = ctx.params.get("tolerance_scale", 1)
    mismatch = sum_mismatch(total[1], [p for _, p in parts], scale)
    if mismatch is None:
        return None
    computed, difference, tolerance = mismatch
    decimals = max(amount_decimals(x) for x in [total[1], *(p for _, p in parts)])
    mu = message_unit([total[1], *(p for _, p in parts)], [computed])
    evidence = [number_evidence(total[0], total[1])] + [number_evidence(r, p) for r, p in parts]
    details = {
        "reported": amount_text(total[1]),
        "computed": format_amount(computed, decimals),
        "difference": format_amount(difference, decimals),
        "tolerance": format(tolerance, "f"),
        "parts": len(parts),
    }
    return ctx.finding(
        subj,
        evidence,
        details,
        template=template,
        **pub_fmt(pub),
        **{name: value(mu) if callable(value) else value for name, value in fmt.items()},
        total=mu.amount(total[1]),
        computed=mu.value(computed),
        difference=mu.value(difference),
        tolerance=mu.tolerance(tolerance),
        amount_unit=mu.unit,
    )


def _total_row_findings(
    ctx: RuleContext, pub: Publication, table: PublicationTable, total_line: PublicationLine,
    parts_lines: Sequence[PublicationLine],
) -> Iterator[Finding]:
    """Each column of a total row against the sum of the same column over `parts_lines`
    (a column some part lacks is left alone)."""
    label = line_label(table, total_line)
    for column, total in total_line.values.items():
        if any(column not in ln.values for ln in parts_lines):
            continue
        parts = [(line_label(table, ln), ln.values[column]) for ln in parts_lines]
        finding = sum_finding(
            ctx, pub, line_subject(pub, table, label, column),
            (role(table, label, column), total),
            [(role(table, lbl, column), pn) for lbl, pn in parts],
            {"table": table.key, "line": label, "column": column, "count": len(parts_lines),
             "parts": _parts_text(parts, ctx)},
        )
        if finding is not None:
            yield finding


# ---------------------------------------------------------------- FIN001 类 = Σ款, 款 = Σ项

_CHILD_LEVEL = {"类": "款", "款": "项"}


@rule("FIN001", "code_nesting_mismatch", severity="error")
def code_nesting_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 类 (款) amount differs from the sum of its 款 (项) in the same table and column."""
    for pub in publications(ctx):
        for table in pub.tables:
            for parent in table.lines:
                if parent.code is None or parent.level not in _CHILD_LEVEL:
                    continue
                children = [c for c in table.lines
                            if c.side == parent.side and c.parent == parent.code and c is not parent]
                if not children:
                    continue
                for column, total in parent.values.items():
                    if any(column not in c.values for c in children):
                        continue
                    label = line_label(table, parent)
                    parts = [(line_label(table, c), c.values[column]) for c in children]
                    finding = sum_finding(
                        ctx, pub, line_subject(pub, table, label, column),
                        (role(table, label, column), total),
                        [(role(table, lbl, column), pn) for lbl, pn in parts],
                        {"table": table.key, "line": label, "column": column, "level": parent.level,
                         "child_level": _CHILD_LEVEL[parent.level], "count": len(children),
                         "parts": _parts_text(parts, ctx)},
                    )
                    if finding is not None:
                        yield finding


# ---------------------------------------------------------------- FIN002 合计 row = Σ类


def _is_total_row(ln: PublicationLine, pattern: re.Pattern[str]) -> bool:
    return ln.code is None and bool(pattern.match(key(ln.name)))


@rule("FIN002", "total_row_mismatch", severity="error")
def total_row_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A table's 合计 row (人员经费合计, 公用经费合计 …) differs from the sum of its 类 rows."""
    pattern = re.compile(ctx.params.get("total_row", r"^(.*经费)?(合计|总计)$"))
    for pub in publications(ctx):
        for table in pub.tables:
            for side in sorted({ln.side for ln in table.lines}):
                lines = [ln for ln in table.lines if ln.side == side]
                totals = [ln for ln in lines if _is_total_row(ln, pattern)]
                classes = [ln for ln in lines if ln.level == "类"]
                if len(totals) != 1 or not classes:  # several totals: which one sums what is unclear
                    continue
                yield from _total_row_findings(ctx, pub, table, totals[0], classes)


# ---------------------------------------------------------------- FIN003 合计 column = Σ parts


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    header: str | None = None  # set on a leaf: the column header


def _header_path(header: str, measures: set[str]) -> tuple[str, list[str]]:
    """(measure, path): `财政拨款“三公”经费/合计/决算数` → (决算数, [财政拨款三公经费, 合计])."""
    segments = [key(s) for s in header.split("/")]
    if len(segments) > 1 and segments[-1] in measures:
        return segments[-1], segments[:-1]
    return "", segments


def column_relations(
    table: PublicationTable, total_words: set[str], measures: set[str]
) -> list[tuple[str, list[str]]]:
    """(total header, part headers) for every header group holding a 合计 / 小计 column.

    Headers nest by their `/` segments; within one group of siblings, a 合计 (小计) leaf is the
    total of the others. A sibling that is itself a group counts through its own 小计 when it
    has one (公务用车购置及运行费/小计), else through its parts.
    """
    trees: dict[tuple[int, str], _Node] = {}
    for col in table.columns:
        if col.role != "amount":
            continue
        measure, path = _header_path(col.header, measures)
        node = trees.setdefault((col.side, measure), _Node())
        for seg in path:
            node = node.children.setdefault(seg, _Node())
        node.header = col.header

    def total_leaf(node: _Node) -> str | None:
        return next((c.header for name, c in node.children.items()
                     if name in total_words and c.header is not None and not c.children), None)

    def representatives(node: _Node) -> list[str]:
        if node.header is not None and not node.children:
            return [node.header]
        own = total_leaf(node)
        if own is not None:
            return [own]
        return [h for c in node.children.values() for h in representatives(c)]

    relations: list[tuple[str, list[str]]] = []

    def walk(node: _Node) -> None:
        total = total_leaf(node)
        if total is not None:
            parts = [h for name, c in node.children.items() if c.header != total
                     for h in representatives(c)]
            if parts:
                relations.append((total, parts))
        for c in node.children.values():
            walk(c)

    for tree in trees.values():
        walk(tree)
    return relations


@rule("FIN003", "total_column_mismatch", severity="error")
def total_column_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 合计 / 小计 column differs from the sum of its part columns on a line (合计 = 基本支出 +
    项目支出, 三公 合计 = Σ parts, 公务用车 小计 = 购置费 + 运行费 …)."""
    total_words = {key(w) for w in ctx.params.get("total_columns", ["合计", "小计", "本年收入合计", "本年支出合计"])}
    measures = {key(w) for w in ctx.params.get("measures", [])}
    for pub in publications(ctx):
        for table in pub.tables:
            for total_header, part_headers in column_relations(table, total_words, measures):
                for ln in table.lines:
                    total = ln.values.get(total_header)
                    if total is None or any(h not in ln.values for h in part_headers):
                        continue
                    label = line_label(table, ln, total_header)
                    parts = [(h, ln.values[h]) for h in part_headers]
                    finding = sum_finding(
                        ctx, pub, line_subject(pub, table, label, total_header),
                        (role(table, label, total_header), total),
                        [(role(table, label, h), pn) for h, pn in parts],
                        {"table": table.key, "line": label, "column": total_header,
                         "parts": _parts_text(parts, ctx)},
                    )
                    if finding is not None:
                        yield finding


# ---------------------------------------------------------------- selecting figures by configuration


@dataclass(frozen=True)
class Figure:
    table: PublicationTable
    line: PublicationLine
    column: str
    value: PrintedNumber

    @property
    def label(self) -> str:
        return line_label(self.table, self.line, self.column)

    @property
    def role(self) -> str:
        return role(self.table, self.label, self.column)


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _find_table(pub: Publication, keys: Iterable[str]) -> PublicationTable | None:
    for k in keys:
        t = pub.table(k)
        if t is not None and t.status == "present":
            return t
    return None


def _column(table: PublicationTable, headers: Iterable[str]) -> str | None:
    wanted = [key(h) for h in headers]
    present = {key(c.header): c.header for c in table.columns if c.role == "amount"}
    return next((present[w] for w in wanted if w in present), None)


def _row_labels(ln: PublicationLine) -> set[str]:
    return {key(ln.name), *(key(t) for t in ln.texts.values())}


def select(pub: Publication, spec: dict[str, Any]) -> Figure | None:
    """The figure a spec names: `table` (keys, first found), `row` (labels: the first uncoded line
    whose name or label matches; a table of one unnamed row is that row), `column` (headers,
    first found)."""
    table = _find_table(pub, _listed(spec.get("table")))
    if table is None:
        return None
    column = _column(table, _listed(spec.get("column")))
    if column is None:
        return None
    rows = [key(r) for r in _listed(spec.get("row"))]
    line = next((ln for r in rows for ln in table.lines if ln.code is None and r in _row_labels(ln)), None)
    if line is None and len(table.lines) == 1 and not table.lines[0].name:
        line = table.lines[0]  # a one-row table (合计 | 基本支出 | 项目支出 …) is its own total
    if line is None or column not in line.values:
        return None
    return Figure(table, line, column, line.values[column])


def _label_header(table: PublicationTable, column: str) -> str | None:
    """The name column a 总表 amount column belongs to: the nearest one to its left."""
    label = None
    for col in table.columns:
        if col.role == "name":
            label = col.header
        if col.header == column and col.role == "amount":
            return label
    return None


def class_figures(table: PublicationTable, column: str) -> dict[str, Figure]:
    """Function-class (类) figures of a column keyed by class name: the 类 lines of a coded
    table, or the numbered expenditure rows (八、社会保障和就业支出) of a 总表."""
    found: dict[str, Figure] = {}
    coded = any(ln.code for ln in table.lines)
    label_header = None if coded else _label_header(table, column)
    for ln in table.lines:
        if column not in ln.values:
            continue
        if coded:
            if ln.level != "类":
                continue
            name = key(ln.name)
        else:
            text = key(ln.texts.get(label_header or "", ""))
            if not _NUMBERED.match(text) or not text.endswith("支出"):
                continue
            name = _NUMBERED.sub("", text)
        found.setdefault(name, Figure(table, ln, column, ln.values[column]))
    return found


# ---------------------------------------------------------------- FIN004 人员经费 + 公用经费 = 基本支出


@rule("FIN004", "basic_expenditure_mismatch", severity="error")
def basic_expenditure_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """人员经费 + 公用经费 (基本支出 table) differs from 基本支出 (支出 table)."""
    for pub in publications(ctx):
        for relation in ctx.params.get("relations", []) or []:
            total = select(pub, relation["total"])
            parts = [select(pub, spec) for spec in relation["parts"]]
            if total is None or any(p is None for p in parts):
                continue
            part_figures = [p for p in parts if p is not None]
            finding = sum_finding(
                ctx, pub,
                subject(pub, f"{total.table.key} {total.label}", total.column),
                (total.role, total.value),
                [(p.role, p.value) for p in part_figures],
                {"total_table": total.table.key, "total_line": total.label, "column": total.column,
                 "parts": lambda mu: "＋".join(f"《{p.table.key}》“{p.label}”{mu.amount(p.value)}{mu.unit}"
                                               for p in part_figures)},
            )
            if finding is not None:
                yield finding


# ---------------------------------------------------------------- 总表: sides and composition


@dataclass
class _Group:
    label_header: str
    columns: list[str]
    direction: str  # 收入 / 支出


def side_groups(table: PublicationTable) -> list[_Group]:
    """The label+amount column groups of a two-sided 总表 (收入 | 支出 [| 支出]); [] otherwise."""
    groups: list[_Group] = []
    current: _Group | None = None
    for col in table.columns:
        if col.role == "name":
            head = key(col.header.split("/")[0])
            direction = "收入" if "收入" in head else "支出" if "支出" in head else ""
            current = _Group(col.header, [], direction)
            groups.append(current)
        elif col.role == "amount" and current is not None:
            current.columns.append(col.header)
        elif col.role == "code":
            return []
    groups = [g for g in groups if g.columns]
    directions = {g.direction for g in groups}
    return groups if {"收入", "支出"} <= directions else []


def _side_label(ln: PublicationLine, group: _Group, fallback: re.Pattern[str]) -> str:
    """The row's label on a side; a merged subtotal label printed in a neighbouring label column
    of the same direction (当年支出小计 over two 支出 groups) counts too."""
    own = key(ln.texts.get(group.label_header, ""))
    if own:
        return own
    head = key(group.label_header.split("/")[0])
    for header, text in ln.texts.items():
        if key(header.split("/")[0]) == head and fallback.match(key(text)):
            return key(text)
    return ""


def _grand_row(table: PublicationTable, group: _Group, patterns: dict[str, re.Pattern[str]]
               ) -> PublicationLine | None:
    labels = [(ln, _side_label(ln, group, patterns["any_total"])) for ln in table.lines]
    return next((ln for ln, lb in labels if patterns["grand"].match(lb)), None) or \
        next((ln for ln, lb in labels if patterns["grand_fallback"].match(lb)), None)


def _patterns(ctx: RuleContext) -> dict[str, re.Pattern[str]]:
    p = ctx.params
    return {
        "grand": re.compile(p.get("grand_row", r"^(收入|支出)?总计$")),
        "grand_fallback": re.compile(p.get("grand_row_fallback", r"^(收入|支出)合计$")),
        "subtotal": re.compile(p.get("subtotal_row", r"^(本年|当年)(收入|支出)(合计|小计)$")),
        "any_total": re.compile(p.get("any_total_row", r"^(本年|当年)?(收入|支出)?(总计|合计|小计)$")),
    }


def _group_total_columns(group: _Group, measures: set[str]) -> list[str]:
    """The columns that carry a side's total: its 合计 column if it has one, else all of them."""
    totals = [h for h in group.columns if _header_path(h, measures)[1][-1:] == ["合计"]]
    return totals or group.columns


@rule("FIN005", "overview_sides_unequal", severity="error")
def overview_sides_unequal(ctx: RuleContext) -> Iterator[Finding]:
    """The 收入 总计 and the 支出 总计 of a 总表 differ."""
    patterns = _patterns(ctx)
    measures = {key(w) for w in ctx.params.get("measures", [])}
    for pub in publications(ctx):
        for table in pub.tables:
            groups = side_groups(table)
            sides: dict[str, list[Figure]] = {"收入": [], "支出": []}
            for group in groups:
                row = _grand_row(table, group, patterns)
                if row is None:
                    continue
                for column in _group_total_columns(group, measures):
                    if column in row.values:
                        sides[group.direction].append(Figure(table, row, column, row.values[column]))
            for income in sides["收入"][:1]:
                for spending in sides["支出"]:
                    finding = sum_finding(
                        ctx, pub, subject(pub, f"{table.key} 总计", spending.column),
                        (income.role, income.value), [(spending.role, spending.value)],
                        {"table": table.key, "income_column": income.column,
                         "spending_column": spending.column,
                         "income": lambda mu, pn=income.value: mu.amount(pn),
                         "spending": lambda mu, pn=spending.value: mu.amount(pn)},
                    )
                    if finding is not None:
                        yield finding


@rule("FIN006", "overview_composition_mismatch", severity="error")
def overview_composition_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 总表 side does not add up: 本年收入(支出)合计 ≠ Σ of the numbered items above it, or
    总计 ≠ 本年合计 + 年初(年末)结转和结余 + 结余分配 (+ 使用非财政拨款结余)."""
    patterns = _patterns(ctx)
    for pub in publications(ctx):
        for table in pub.tables:
            for group in side_groups(table):
                labelled = [(ln, _side_label(ln, group, patterns["any_total"])) for ln in table.lines]
                labelled = [(ln, lb) for ln, lb in labelled if lb]
                stop = next((i for i, (_, lb) in enumerate(labelled)
                             if patterns["subtotal"].match(lb) or patterns["grand"].match(lb)
                             or patterns["grand_fallback"].match(lb)), None)
                if stop is None:
                    continue
                items = [(ln, lb) for ln, lb in labelled[:stop] if _NUMBERED.match(lb)]
                first_total, first_label = labelled[stop]
                grand_at = None
                if patterns["subtotal"].match(first_label):
                    grand_at = next((i for i in range(stop + 1, len(labelled))
                                     if patterns["grand"].match(labelled[i][1])
                                     or patterns["grand_fallback"].match(labelled[i][1])), None)
                for column in group.columns:
                    yield from _composition(ctx, pub, table, column, first_total, first_label, items,
                                            "message")
                    if grand_at is None:
                        continue
                    grand, grand_label = labelled[grand_at]
                    # 年初结转和结余 is broken down by numbered rows below it: only unnumbered rows count.
                    between = [(ln, lb) for ln, lb in labelled[stop + 1:grand_at]
                               if not _NUMBERED.match(lb) and not re.match(r"^\d", lb)]
                    yield from _composition(ctx, pub, table, column, grand, grand_label,
                                            [(first_total, first_label), *between], "message_total")


def _composition(ctx: RuleContext, pub: Publication, table: PublicationTable, column: str,
                 total_line: PublicationLine, total_label: str,
                 items: Sequence[tuple[PublicationLine, str]], template: str) -> Iterator[Finding]:
    total = total_line.values.get(column)
    if total is None or not items or any(column not in ln.values for ln, _ in items):
        return
    parts = [(lb, ln.values[column]) for ln, lb in items]
    finding = sum_finding(
        ctx, pub, line_subject(pub, table, total_label, column),
        (role(table, total_label, column), total),
        [(role(table, lb, column), pn) for lb, pn in parts],
        {"table": table.key, "line": total_label, "column": column, "parts": _parts_text(parts, ctx)},
        template=template,
    )
    if finding is not None:
        yield finding


# ---------------------------------------------------------------- FIN007, FIN008 between tables


def _pairs(pub: Publication, spec: dict[str, Any]) -> Iterator[tuple[Figure, Figure]]:
    a_spec, b_spec = spec["a"], spec["b"]
    if spec.get("classes"):
        a_table = _find_table(pub, _listed(a_spec.get("table")))
        b_table = _find_table(pub, _listed(b_spec.get("table")))
        if a_table is None or b_table is None:
            return
        a_col = _column(a_table, _listed(a_spec.get("column")))
        b_col = _column(b_table, _listed(b_spec.get("column")))
        if a_col is None or b_col is None:
            return
        b_classes = class_figures(b_table, b_col)
        for name, a in class_figures(a_table, a_col).items():
            if name in b_classes:
                yield a, b_classes[name]
        return
    a, b = select(pub, a_spec), select(pub, b_spec)
    if a is not None and b is not None:
        yield a, b


@rule("FIN007", "cross_table_mismatch", severity="error")
def cross_table_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The same figure (same line, same source of funds) differs between two tables."""
    for pub in publications(ctx):
        for spec in ctx.params.get("pairs", []) or []:
            for a, b in _pairs(pub, spec):
                finding = sum_finding(
                    ctx, pub,
                    subject(pub, f"{a.table.key} {a.label}｜{b.table.key} {b.label}", a.column),
                    (a.role, a.value), [(b.role, b.value)],
                    {"a_table": a.table.key, "a_line": a.label, "a_column": a.column,
                     "b_table": b.table.key, "b_line": b.label, "b_column": b.column,
                     "a": lambda mu, pn=a.value: mu.amount(pn), "b": lambda mu, pn=b.value: mu.amount(pn)},
                )
                if finding is not None:
                    yield finding


@rule("FIN008", "part_exceeds_whole", severity="error")
def part_exceeds_whole(ctx: RuleContext) -> Iterator[Finding]:
    """A 一般公共预算财政拨款 figure exceeds the all-funds figure of the same code and column."""
    scale = Decimal(str(ctx.params.get("tolerance_scale", 1)))
    for pub in publications(ctx):
        for spec in ctx.params.get("pairs", []) or []:
            part_table = _find_table(pub, _listed(spec["part"].get("table")))
            whole_table = _find_table(pub, _listed(spec["whole"].get("table")))
            if part_table is None or whole_table is None:
                continue
            for part_cols, whole_cols in spec.get("columns", []):
                part_col = _column(part_table, _listed(part_cols))
                whole_col = _column(whole_table, _listed(whole_cols))
                if part_col is None or whole_col is None:
                    continue
                wholes = {(ln.side, ln.code): ln for ln in whole_table.lines if ln.code}
                for ln in part_table.lines:
                    other = wholes.get((ln.side, ln.code)) if ln.code else None
                    if other is None or part_col not in ln.values or whole_col not in other.values:
                        continue
                    part = Figure(part_table, ln, part_col, ln.values[part_col])
                    whole = Figure(whole_table, other, whole_col, other.values[whole_col])
                    tolerance = (part.value.half_unit + whole.value.half_unit) * scale
                    excess = part.value.value - whole.value.value
                    if excess <= tolerance:
                        continue
                    decimals = max(amount_decimals(part.value), amount_decimals(whole.value))
                    mu = message_unit([part.value, whole.value])
                    evidence = [number_evidence(part.role, part.value), number_evidence(whole.role, whole.value)]
                    yield ctx.finding(
                        subject(pub, f"{part.table.key} {part.label}｜{whole.table.key}", part.column),
                        evidence,
                        {"part": amount_text(part.value), "whole": amount_text(whole.value),
                         "excess": format_amount(excess, decimals), "tolerance": format(tolerance, "f")},
                        **pub_fmt(pub),
                        part_table=part.table.key, whole_table=whole.table.key, line=part.label,
                        part_column=part.column, whole_column=whole.column,
                        part=mu.amount(part.value), whole=mu.amount(whole.value),
                        excess=mu.value(excess), amount_unit=mu.unit,
                    )


# ---------------------------------------------------------------- FIN009–FIN011 required tables


def _same_unit(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return bool(ka and kb) and (ka in kb or kb in ka)


def companions(pub: Publication, pubs: Sequence[Publication]) -> list[Publication]:
    """Other files of the same publication (a region may publish the tables and the text apart)."""
    return [p for p in pubs if p is not pub and p.year == pub.year and p.kind == pub.kind
            and _same_unit(p.unit.value, pub.unit.value)]


def _unmet(pub: Publication, pubs: Sequence[Publication]):
    others = companions(pub, pubs)
    return [e for e in pub.expected
            if e.status == "missing" and not any(o.table(e.key) is not None for o in others)]


@rule("FIN009", "required_table_missing", severity="error")
def required_table_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A table the publication lists (目录) or the standard set requires is not there."""
    pubs = publications(ctx)
    for pub in pubs:
        if not pub.tables:  # a text-only file: FIN010
            continue
        for e in _unmet(pub, pubs):
            source = "目录" if e.source == "目录" else "标准公开表格"
            ev = [Evidence(role=f"{source}所列表格", raw=e.title, value=None, ref=e.ref.with_label())] \
                if e.ref is not None else []
            yield ctx.finding(
                subject(pub, e.key, ""), ev, {"source": e.source, "title": e.title},
                **pub_fmt(pub), table=e.title, listed=source,
                source_file=pub.file_name,
            )


@rule("FIN010", "publication_without_tables", severity="warning")
def publication_without_tables(ctx: RuleContext) -> Iterator[Finding]:
    """A file lists tables in its 目录 but holds none, and no other file of the same
    publication was submitted with them."""
    pubs = publications(ctx)
    for pub in pubs:
        if pub.tables:
            continue
        unmet = _unmet(pub, pubs)
        if not unmet:
            continue
        ev = [Evidence(role="目录所列表格", raw=e.title, value=None, ref=e.ref.with_label())
              for e in unmet if e.ref is not None]
        yield ctx.finding(
            subject(pub, "公开表格", ""), ev, {"tables": [e.key for e in unmet]},
            **pub_fmt(pub), file=pub.file_name, count=len(unmet),
            tables="、".join(f"《{e.title}》" for e in unmet),
            source_file=pub.file_name,
        )


@rule("FIN011", "empty_table_unexplained", severity="warning")
def empty_table_unexplained(ctx: RuleContext) -> Iterator[Finding]:
    """A table is printed without figures and without a 空表说明."""
    for pub in publications(ctx):
        for table in pub.tables:
            if table.status != "empty" or table.empty_statement is not None:
                continue
            ev = [Evidence(role="表格标题", raw=table.title, value=None, ref=table.title_ref.with_label())]
            yield ctx.finding(
                subject(pub, table.key, ""), ev, {"pages": table.pages},
                **pub_fmt(pub), table=table.title,
            )


# ---------------------------------------------------------------- FIN012 template


@rule("FIN012", "template_publication", severity="notice")
def template_publication(ctx: RuleContext) -> Iterator[Finding]:
    """A blank template (XX placeholders, no figures): nothing to check."""
    for pub in ctx.records_of(Publication):
        if not pub.template:
            continue
        ev = []
        if pub.unit.ref is not None:
            ev.append(Evidence(role="单位名称", raw=pub.unit.raw, value=None, ref=pub.unit.ref.with_label()))
        yield ctx.finding(
            subject(pub, "模板", ""), ev, {"file": pub.file_name},
            **pub_fmt(pub), file=pub.file_name, source_file=pub.file_name,
        )


# ---------------------------------------------------------------- FIN013 合计 row = Σ numbered items


@rule("FIN013", "numbered_items_total_mismatch", severity="error")
def numbered_items_total_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """In a table without subject codes laid out as a list (“三公” 经费 one row per kind, 机关运行经费
    by item), the 合计 row differs from the sum of its top-level numbered rows (1. 2. 3.; rows
    under them such as “其中：（1）…” are details, not parts)."""
    total_pattern = re.compile(ctx.params.get("total_row", r"^.*(合计|总计)$"))
    item_pattern = re.compile(ctx.params.get("numbered_item", r"^[0-9]+[.．、]"))
    for pub in publications(ctx):
        for table in pub.tables:
            if sum(1 for c in table.columns if c.role != "amount") != 1:
                continue  # a list has one label column (no codes; not a two-sided 收支总表)
            for side in sorted({ln.side for ln in table.lines}):
                lines = [ln for ln in table.lines if ln.side == side]
                if any(ln.code for ln in lines):
                    continue  # coded tables add up by 类 (FIN001, FIN002)
                totals = [ln for ln in lines if total_pattern.match(key(ln.name))]
                items = [ln for ln in lines if item_pattern.match(key(ln.name))]
                if len(totals) != 1 or len(items) < 2:
                    continue
                yield from _total_row_findings(ctx, pub, table, totals[0], items)
