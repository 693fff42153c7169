"""FIN001 code_nesting_mismatch: a 类 (款) amount that is not the sum of its 款 (项).

Finds: in every table of a publication (not a template), each line whose subject code is a 类 or
a 款 with child lines of the same side (款 under a 类, 项 under a 款): in every amount column all
children print, the parent's figure against the sum of the children's, beyond rounding (half a
unit of the last printed digit per figure, × `tolerance_scale`).
Why it matters: the 类 and 款 figures are what the narrative and the other tables quote; a parent
its children do not make means one of the figures is mistyped, and every comparison built on it
inherits the error.
Example: 《一般公共预算财政拨款支出决算表》“201 一般公共服务支出” 合计 500.00 万元, but its 款
“20101 人大事务” 200.00 + “20103 政府办公厅（室）及相关机构事务” 290.00 = 490.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.final_accounts import (
    PartsParams,
    line_label,
    line_subject,
    parts_text,
    publications,
    role,
    sum_finding,
)
from schemas.findings import Finding


class Params(PartsParams):
    """tolerance_scale, part_template, part_joiner (see PartsParams)."""


_CHILD_LEVEL = {"类": "款", "款": "项"}


@rule("FIN001", "code_nesting_mismatch", severity="error", params=Params)
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
                         "parts": parts_text(parts, ctx)},
                    )
                    if finding is not None:
                        yield finding
