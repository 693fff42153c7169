"""FIN007 cross_table_mismatch: the same figure printed differently in two tables.

Finds: for each pair of `pairs`, either two figures ({table, row, column} specs, alternatives
tried in order) or, with `classes: true`, every function class (类) printed in both tables'
columns (coded 类 rows, or a 总表's numbered 支出 rows, matched by name): figure a against
figure b, beyond rounding (× `tolerance_scale`). Only like with like is paired (the same line, the
same source of funds).
Why it matters: the tables of a publication repeat each other's figures; when two disagree, at
least one table misstates what the unit received or spent.
Example: 《收入支出决算总表》“本年收入合计”（收入/决算数）1000.00 万元, 《收入决算表》“合计”
本年收入合计 990.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import (
    NUMBERED,
    Figure,
    SumParams,
    find_column,
    find_table,
    key,
    label_header,
    listed,
    publications,
    select,
    subject,
    sum_finding,
)
from schemas.final_accounts import Publication, PublicationTable
from schemas.findings import Finding


class Params(SumParams):
    pairs: list[dict[str, Any]]  # {a: spec, b: spec} or {classes: true, a: {table, column}, b: …}


def class_figures(table: PublicationTable, column: str) -> dict[str, Figure]:
    """Function-class (类) figures of a column keyed by class name: the 类 lines of a coded
    table, or the numbered expenditure rows (八、社会保障和就业支出) of a 总表."""
    found: dict[str, Figure] = {}
    coded = any(ln.code for ln in table.lines)
    header = None if coded else label_header(table, column)
    for ln in table.lines:
        if column not in ln.values:
            continue
        if coded:
            if ln.level != "类":
                continue
            name = key(ln.name)
        else:
            text = key(ln.texts.get(header or "", ""))
            if not NUMBERED.match(text) or not text.endswith("支出"):
                continue
            name = NUMBERED.sub("", text)
        found.setdefault(name, Figure(table, ln, column, ln.values[column]))
    return found


def _pairs(pub: Publication, spec: dict[str, Any]) -> Iterator[tuple[Figure, Figure]]:
    a_spec, b_spec = spec["a"], spec["b"]
    if spec.get("classes"):
        a_table = find_table(pub, listed(a_spec.get("table")))
        b_table = find_table(pub, listed(b_spec.get("table")))
        if a_table is None or b_table is None:
            return
        a_col = find_column(a_table, listed(a_spec.get("column")))
        b_col = find_column(b_table, listed(b_spec.get("column")))
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


@rule("FIN007", "cross_table_mismatch", severity="error", params=Params)
def cross_table_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The same figure (same line, same source of funds) differs between two tables."""
    p: Params = ctx.args
    for pub in publications(ctx):
        for spec in p.pairs:
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
