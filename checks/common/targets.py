"""What the rules over 绩效目标表 records share: indicator name keys, 一级 sections, the table's
title and subjects, the evidence of an indicator's name and value. Used by the TGT rules
(checks/targets/) and by the rules that match target indicators elsewhere (links,
cross_document, self_evaluation)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from checks.catalogue import RuleContext
from textnorm.text import fold
from schemas.findings import Evidence, Subject
from schemas.provenance import SourceRef
from schemas.targets import TargetIndicator, TargetTable

_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")
_SECTION_SUFFIX = re.compile(r"(指标|目标)$")
_SECTION_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(（][一二三四五六七八九十\d]+[)）])")


# ---------------------------------------------------------------- names and sections


def name_key(text: str | None) -> str:
    """Matching key of an indicator name: NFKC, no spaces, no punctuation or quotes."""
    return _NOT_WORD.sub("", fold(text))


def section_core(name: str) -> str:
    """`产出指标` → `产出`, `一、部门履职目标` → `部门履职`: the part that identifies a 一级 section."""
    key = _SECTION_NUMBERING.sub("", fold(name))
    return _SECTION_SUFFIX.sub("", name_key(key)) or name_key(key)


def section_of(level1: str, sections: Iterable[str]) -> str | None:
    """The configured section a printed 一级 name belongs to (its core appears in it), else None."""
    printed = name_key(_SECTION_NUMBERING.sub("", fold(level1)))
    if not printed:
        return None
    for section in sections:
        core = section_core(section)
        if core and core in printed:
            return section
    return None



def by_section(table: TargetTable, sections: Sequence[str]) -> dict[str, list[TargetIndicator]]:
    """The table's indicators grouped by the configured 一级 section they belong to."""
    groups: dict[str, list[TargetIndicator]] = defaultdict(list)
    for ind in table.indicators:
        section = section_of(ind.level1, sections)
        if section is not None:
            groups[section].append(ind)
    return groups



def table_title(settings: dict[str, Any], table: TargetTable) -> str:
    titles = settings.get("target_titles", {}) or {}
    default = "部门整体支出绩效目标表" if table.kind == "unit" else "“{project}”项目支出绩效目标表"
    return (titles.get(table.kind) or default).format(project=table.project_name)


def base_fmt(ctx: RuleContext, table: TargetTable) -> dict[str, Any]:
    return {"unit": table.unit.value, "year": table.year, "title": table_title(ctx.settings, table)}


def subject(table: TargetTable, line: str, column: str, period: str = "") -> Subject:
    return Subject(unit=table.unit.value, year=table.year, period=period,
                   project=table.project_name, line=line, column=column)



# ---------------------------------------------------------------- evidence and sources


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


def quoted(names: Iterable[str]) -> str:
    return "、".join(f"“{n}”" for n in names)



def tables(ctx: RuleContext) -> list[TargetTable]:
    """The 绩效目标表 records the rule sees."""
    return ctx.records_of(TargetTable)
