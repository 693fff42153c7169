"""TGT003 required_section_missing: a required 一级 section has no indicator.

Finds: per table kind, `required_sections` lists alternative sets of 一级 sections (a unit-wide
table by 部门管理/部门履职/部门效果, or by 产出/效益/满意度指标; a project table by 产出/效益/满意度指标).
The table is measured against the set it follows most closely (most sections present, the first
on a tie), and each section of that set without any indicator is reported. A printed name
matches when it contains the section name without its numbering and trailing 指标/目标. A table
of which no indicator was read is not judged (a parse problem, not a missing section).
Why it matters: the indicator system must cover output, effect and satisfaction; a missing
section leaves a whole dimension of the spending unmeasured.
Example: “居民技能培训”项目支出绩效目标表 with 产出指标 and 效益指标 only → 未设置一级指标“满意度指标”.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, by_section, quoted, subject, tables
from schemas.findings import Evidence, Finding
from schemas.targets import TargetIndicator, TargetTable


class Params(RuleParams):
    # table kind → alternative sets of required sections (a flat list is one set); or one
    # list / list of sets for every kind
    required_sections: dict[str, list[list[str]] | list[str]] | list[list[str]] | list[str]


def _section_alternatives(value: Any, kind: str) -> list[list[str]]:
    """The configured sets of required sections of a table kind. Each set is one legitimate form
    (a unit-wide table by 部门管理/部门履职/部门效果, or by 产出/效益/满意度指标); a flat list is a
    single set."""
    if isinstance(value, dict):
        value = value.get(kind, [])
    value = list(value or [])
    if value and all(isinstance(v, (list, tuple)) for v in value):
        return [[str(s) for s in alt] for alt in value if alt]
    return [[str(v) for v in value]] if value else []


def _best_alternative(table: TargetTable, alternatives: Sequence[Sequence[str]]) -> list[str]:
    """The set of required sections the table follows most closely (most sections present; the
    first listed on a tie)."""
    best: list[str] = []
    best_present = -1
    for alt in alternatives:
        present = len(by_section(table, alt))
        if present > best_present:
            best, best_present = list(alt), present
    return best


@rule("TGT003", "required_section_missing", severity="warning", params=Params)
def required_section_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A required 一级 section has no indicator, measured against the set of required sections
    (部门管理/部门履职/部门效果, or 产出/效益/满意度指标 …) the table follows most closely."""
    p: Params = ctx.args
    for table in tables(ctx):
        if not table.indicators:  # nothing was read: a parse problem, not a missing section
            continue
        required = _best_alternative(table, _section_alternatives(p.required_sections, table.kind))
        present = by_section(table, required)
        printed: list[str] = []
        firsts: list[TargetIndicator] = []
        for ind in table.indicators:
            if ind.level1 and ind.level1 not in printed:
                printed.append(ind.level1)
                firsts.append(ind)
        for section in required:
            if section in present:
                continue
            evidence = [Evidence(role=f"三级指标（{ind.level1}）", raw=ind.level3, ref=ind.ref.with_label())
                        for ind in firsts]
            details = {"section": section, "present_sections": printed, "required_sections": required}
            yield ctx.finding(
                subject(table, section, "一级指标"),
                evidence,
                details,
                **base_fmt(ctx, table),
                section=section,
                present=quoted(printed) or "无",
                source_file=table.file_name,
            )
