"""TGT004 catch_all_indicator: a key section carried by one vague indicator.

Finds: in each of `key_sections` (部门履职/部门效果 for a unit-wide table, 产出/效益指标 for a
project), a section with a single 三级 indicator, or with indicators whose name restates the
section name (its core of at least `restate_min_chars` characters: 部门履职情况提升性 under
部门履职). Three messages: single and restating, single only, restating only.
Why it matters: the key sections describe the unit's actual work; one catch-all indicator
cannot show what was done, so the evaluator asks for indicators per task.
Example: 南街 2024 “部门履职” 板块仅设置三级指标“部门履职情况提升性”1项.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_names
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, by_section, name_ev, name_key, quoted, section_core, subject, tables
from schemas.findings import Finding


class Params(RuleParams):
    key_sections: dict[str, list[str]] | list[str]  # per table kind (unit, project), or for every kind
    restate_min_chars: int  # a section core this long in an indicator name restates the section


def _per_kind(value: Any, kind: str) -> list[str]:
    """A configured list that may be given per table kind ({unit: [...], project: [...]})."""
    if isinstance(value, dict):
        value = value.get(kind, [])
    return [str(v) for v in value or []]


def _restates_section(name: str, section: str, min_chars: int) -> bool:
    """The indicator name repeats its own 一级 section name (部门履职情况提升性 under 部门履职)."""
    core = section_core(section)
    return len(core) >= min_chars and core in name_key(name)


@rule("TGT004", "catch_all_indicator", severity="warning", params=Params)
def catch_all_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """A key 一级 section carries a single indicator, or indicators that restate the section name."""
    p: Params = ctx.args
    min_chars = p.restate_min_chars
    for table in tables(ctx):
        key_sections = _per_kind(p.key_sections, table.kind)
        groups = by_section(table, key_sections)
        names = dict(zip(map(id, table.indicators), indicator_names(table.indicators)))
        for section in key_sections:
            members = groups.get(section, [])
            if not members:
                continue
            single = len(members) == 1
            restating = [i for i in members if _restates_section(i.level3, section, min_chars)]
            if not single and not restating:
                continue
            listed = members if single else restating
            template = "message" if single and restating else ("message_single" if single else "message_restates")
            evidence = [name_ev(i, names[id(i)]) for i in listed]
            details = {
                "section": section,
                "indicator_count": len(members),
                "single": single,
                "restating": [i.level3 for i in restating],
                "indicators": [i.level3 for i in listed],
            }
            yield ctx.finding(
                subject(table, section, "三级指标"),
                evidence,
                details,
                template=template,
                **base_fmt(ctx, table),
                section=members[0].level1,
                indicators=quoted(i.level3 for i in listed),
                count=len(members),
            )
