"""Names and 指标值 of 绩效目标表 indicators as other areas use them: the matching key of a name,
the table's title in a message, the evidence of an indicator's name and value.

Moved from checks/targets.py (which imports them from here) so that the split rule modules of
links, cross_document and self_evaluation need not import an area module.
"""

from __future__ import annotations

import re
from typing import Any

from schemas.findings import Evidence
from schemas.provenance import SourceRef
from schemas.targets import TargetIndicator, TargetTable
from textnorm.text import fold

_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")


def name_key(text: str | None) -> str:
    """Matching key of an indicator name: NFKC, no spaces, no punctuation or quotes."""
    return _NOT_WORD.sub("", fold(text))


def table_title(settings: dict[str, Any], table: TargetTable) -> str:
    titles = settings.get("target_titles", {}) or {}
    default = "部门整体支出绩效目标表" if table.kind == "unit" else "“{project}”项目支出绩效目标表"
    return (titles.get(table.kind) or default).format(project=table.project_name)


def value_ref(ind: TargetIndicator) -> SourceRef:
    """Where an indicator's 指标值 was read: its value cell, else the 三级 cell."""
    if ind.value is not None and ind.value.ref is not None:
        return ind.value.ref
    return ind.value_cells[0] if ind.value_cells else ind.ref


def value_text(ind: TargetIndicator) -> str:
    return ind.value.raw if ind.value is not None else ""


def value_ev(ind: TargetIndicator, name: str | None = None) -> Evidence:
    number = ind.value.number if ind.value is not None else None
    return Evidence(role=f"指标值（{name or ind.level3}）", raw=value_text(ind), value=number,
                    ref=value_ref(ind).with_label())


def name_ev(ind: TargetIndicator, name: str | None = None) -> Evidence:
    return Evidence(role=f"三级指标（{name or ind.level3}）", raw=ind.level3, ref=ind.ref.with_label())
