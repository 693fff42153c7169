"""What the rules over 部门预算 / 部门决算 publications (FIN001–FIN013, checks/final_accounts/)
share: the matching form of labels, the publications with figures, how messages and subjects name
a table, line and column, the one sum-against-parts finding, figures selected by configuration
({table, row, column}), the label+amount groups of a two-sided 总表 and their total rows, and the
other files of the same publication (a region may publish the tables and the text apart)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from checks.catalogue import RuleContext
from checks.common.evidence import (
    amount_decimals,
    amount_text,
    MessageUnit,
    format_amount,
    message_unit,
    number_evidence,
)
from checks.common.params import RuleParams
from checks.common.tolerance import sum_mismatch
from textnorm.text import fold
from schemas.final_accounts import Publication, PublicationLine, PublicationTable
from schemas.findings import Finding, Subject
from schemas.numbers import PrintedNumber

NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
_QUOTES = re.compile(r"[“”\"'‘’]")


def key(text: str | None) -> str:
    """Matching form of a label or header: folded, without quote marks."""
    return _QUOTES.sub("", fold(text))


# ---------------------------------------------------------------- parameters


class SumParams(RuleParams):
    """The parameters `sum_finding` reads: a rule comparing a total with its parts."""

    tolerance_scale: Decimal  # × the rounding allowance (half a unit per printed figure)


class PartsParams(SumParams):
    """A sum rule whose message lists the parts one by one (`parts_text`)."""

    part_template: str  # how the message lists one part: {line} {amount} {amount_unit}
    part_joiner: str  # between the parts in the message


class OverviewParams(SumParams):
    """A rule over the two sides of a 总表 (FIN005, FIN006): the labels of its total rows."""

    grand_row: str  # regex: a side's grand total (总计), whitespace removed
    grand_row_fallback: str  # regex: the grand total when no row matches grand_row (收入合计)
    any_total_row: str  # regex: any total row, also read from a neighbouring label column


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
    side_label = ln.texts.get(label_header(table, column) or "") if column and ln.texts else None
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


def label_header(table: PublicationTable, column: str) -> str | None:
    """The name column a 总表 amount column belongs to: the nearest one to its left."""
    label = None
    for col in table.columns:
        if col.role == "name":
            label = col.header
        if col.header == column and col.role == "amount":
            return label
    return None


# ---------------------------------------------------------------- a total against its parts


def parts_text(parts: Sequence[tuple[str, PrintedNumber]], ctx: RuleContext) -> Callable[[MessageUnit], str]:
    """The parts of a sum for a message, once `sum_finding` knows the message's unit."""
    return lambda mu: _parts_in(parts, ctx, mu)


def _parts_in(parts: Sequence[tuple[str, PrintedNumber]], ctx: RuleContext, mu: MessageUnit) -> str:
    p: PartsParams = ctx.args
    template = p.part_template
    joiner = p.part_joiner
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
    scale = ctx.args.tolerance_scale
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


def total_row_findings(
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
             "parts": parts_text(parts, ctx)},
        )
        if finding is not None:
            yield finding


def header_path(header: str, measures: set[str]) -> tuple[str, list[str]]:
    """(measure, path): `财政拨款“三公”经费/合计/决算数` → (决算数, [财政拨款三公经费, 合计])."""
    segments = [key(s) for s in header.split("/")]
    if len(segments) > 1 and segments[-1] in measures:
        return segments[-1], segments[:-1]
    return "", segments


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


def listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def find_table(pub: Publication, keys: Iterable[str]) -> PublicationTable | None:
    for k in keys:
        t = pub.table(k)
        if t is not None and t.status == "present":
            return t
    return None


def find_column(table: PublicationTable, headers: Iterable[str]) -> str | None:
    wanted = [key(h) for h in headers]
    present = {key(c.header): c.header for c in table.columns if c.role == "amount"}
    return next((present[w] for w in wanted if w in present), None)


def _row_labels(ln: PublicationLine) -> set[str]:
    return {key(ln.name), *(key(t) for t in ln.texts.values())}


def select(pub: Publication, spec: dict[str, Any]) -> Figure | None:
    """The figure a spec names: `table` (keys, first found), `row` (labels: the first uncoded line
    whose name or label matches; a table of one unnamed row is that row), `column` (headers,
    first found)."""
    table = find_table(pub, listed(spec.get("table")))
    if table is None:
        return None
    column = find_column(table, listed(spec.get("column")))
    if column is None:
        return None
    rows = [key(r) for r in listed(spec.get("row"))]
    line = next((ln for r in rows for ln in table.lines if ln.code is None and r in _row_labels(ln)), None)
    if line is None and len(table.lines) == 1 and not table.lines[0].name:
        line = table.lines[0]  # a one-row table (合计 | 基本支出 | 项目支出 …) is its own total
    if line is None or column not in line.values:
        return None
    return Figure(table, line, column, line.values[column])


# ---------------------------------------------------------------- 总表: sides and composition


@dataclass
class Group:
    label_header: str
    columns: list[str]
    direction: str  # 收入 / 支出


def side_groups(table: PublicationTable) -> list[Group]:
    """The label+amount column groups of a two-sided 总表 (收入 | 支出 [| 支出]); [] otherwise."""
    groups: list[Group] = []
    current: Group | None = None
    for col in table.columns:
        if col.role == "name":
            head = key(col.header.split("/")[0])
            direction = "收入" if "收入" in head else "支出" if "支出" in head else ""
            current = Group(col.header, [], direction)
            groups.append(current)
        elif col.role == "amount" and current is not None:
            current.columns.append(col.header)
        elif col.role == "code":
            return []
    groups = [g for g in groups if g.columns]
    directions = {g.direction for g in groups}
    return groups if {"收入", "支出"} <= directions else []


def side_label(ln: PublicationLine, group: Group, fallback: re.Pattern[str]) -> str:
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


def grand_row(table: PublicationTable, group: Group, patterns: dict[str, re.Pattern[str]]
              ) -> PublicationLine | None:
    labels = [(ln, side_label(ln, group, patterns["any_total"])) for ln in table.lines]
    return next((ln for ln, lb in labels if patterns["grand"].match(lb)), None) or \
        next((ln for ln, lb in labels if patterns["grand_fallback"].match(lb)), None)


def overview_patterns(p: OverviewParams) -> dict[str, re.Pattern[str]]:
    """The total-row patterns of a 总表 side: grand, grand_fallback, any_total."""
    return {
        "grand": re.compile(p.grand_row),
        "grand_fallback": re.compile(p.grand_row_fallback),
        "any_total": re.compile(p.any_total_row),
    }


# ---------------------------------------------------------------- FIN009, FIN010: listed tables


def _same_unit(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return bool(ka and kb) and (ka in kb or kb in ka)


def companions(pub: Publication, pubs: Sequence[Publication]) -> list[Publication]:
    """Other files of the same publication (a region may publish the tables and the text apart)."""
    return [p for p in pubs if p is not pub and p.year == pub.year and p.kind == pub.kind
            and _same_unit(p.unit.value, pub.unit.value)]


def unmet(pub: Publication, pubs: Sequence[Publication]):
    """The tables the publication lists that are missing and no companion file holds."""
    others = companions(pub, pubs)
    return [e for e in pub.expected
            if e.status == "missing" and not any(o.table(e.key) is not None for o in others)]
