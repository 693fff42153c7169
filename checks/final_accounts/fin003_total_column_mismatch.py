"""FIN003 total_column_mismatch: a 合计 / 小计 column that is not the sum of its part columns.

Finds: the column headers of a table nest by their `/` segments (grouped by the measure of their
last segment, `measures`: 预算数 columns add up to the 预算数 total only); within one group of
siblings a leaf named in `total_columns` (合计, 小计 …) is the total of the others, a sibling group
counting through its own 小计 when it has one. On every line printing them all, the total column
against the sum of the part columns, beyond rounding (× `tolerance_scale`).
Why it matters: 合计 = 基本支出 + 项目支出 and the 三公 合计 are the figures evaluators quote; a
合计 column its parts do not make is a typing error in one of the cells.
Example: 《支出决算表》“合计”行 本年支出合计 1000.00 万元, but 基本支出 700.00 + 项目支出 280.00 =
980.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import (
    PartsParams,
    header_path,
    key,
    line_label,
    line_subject,
    parts_text,
    publications,
    role,
    sum_finding,
)
from schemas.final_accounts import PublicationTable
from schemas.findings import Finding


class Params(PartsParams):
    total_columns: list[str]  # the last header segment of a total column; its siblings are its parts
    measures: list[str]  # last header segments naming what a column measures (预算数, 决算数 …)


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    header: str | None = None  # set on a leaf: the column header


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
        measure, path = header_path(col.header, measures)
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


@rule("FIN003", "total_column_mismatch", severity="error", params=Params)
def total_column_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 合计 / 小计 column differs from the sum of its part columns on a line (合计 = 基本支出 +
    项目支出, 三公 合计 = Σ parts, 公务用车 小计 = 购置费 + 运行费 …)."""
    p: Params = ctx.args
    total_words = {key(w) for w in p.total_columns}
    measures = {key(w) for w in p.measures}
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
                         "parts": parts_text(parts, ctx)},
                    )
                    if finding is not None:
                        yield finding
