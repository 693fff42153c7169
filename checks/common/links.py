"""Matching records of one unit, year and project across documents (used by LNK, XDC, SLF and RPT).

Unit names match by `same_unit` (scope suffixes such as （本级）/机关 and region prefixes such as 张掖市
set aside, from `settings.unit_name_suffixes` / `unit_region_levels`: 张掖市甘州区教育局（本级） /
甘州区教育局); indicator names by folded key, then by difflib similarity (`best_match`); 指标值 by
`same_value`. `linked_indicators` pairs each monitoring indicator with its closest approved one
(LNK001, LNK002). Moved from checks/links.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

from checks.catalogue import RuleContext, load_config
from checks.common.evidence import indicator_names
from checks.common.targets import name_key
from checks.common.tolerance import round_half_up
from textnorm.text import fold
from schemas.monitoring import IndicatorProgress, MonitoringReport
from schemas.records import IndicatorValue
from schemas.targets import TargetIndicator, TargetTable


@cache
def _unit_settings() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str], re.Pattern[str]]:
    """The unit-name lists of rules.yaml's `settings` (folded): scope suffixes and prefixes,
    longest first; region suffix → level; the pattern of one leading region name."""
    settings = load_config().get("settings", {}) or {}

    def folded(items: Any) -> tuple[str, ...]:
        return tuple(sorted({fold(str(s)) for s in items or () if fold(str(s))}, key=len, reverse=True))

    levels = {fold(str(s)): level for level, items in (settings.get("unit_region_levels") or {}).items()
              for s in items or () if fold(str(s))}
    ends = sorted(levels, key=len, reverse=True)
    if ends:
        # a region's own name holds no one-character level (so 普陀区委… is not cut at a later 区;
        # 甘州区 keeps its 州, which only 自治州 ends with)
        name_char = "(?:(?![" + re.escape("".join(sorted(e for e in ends if len(e) == 1))) + r"])[\u3400-\u9fff])"
        region = re.compile("(" + name_char + "{1,12}?(?:" + "|".join(map(re.escape, ends)) + "))(?!委)")
    else:
        region = re.compile(r"(?!)")
    return (folded(settings.get("unit_name_suffixes")), folded(settings.get("unit_name_prefixes")),
            levels, region)


def unit_key(name: str | None) -> str:
    """Matching form of a unit name: folded (NFKC, no whitespace), without the configured scope
    suffixes (（本级）, 本部, 机关 …) or party prefix (中共): 中共上海市普陀区委社会工作部（本级）
    → 上海市普陀区委社会工作部. Region prefixes stay; `same_unit` compares them."""
    suffixes, prefixes, _, _ = _unit_settings()
    key = fold(name)
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if key.startswith(p) and len(key) - len(p) >= 2:
                key, changed = key[len(p):], True
                break
        for s in suffixes:
            if key.endswith(s) and len(key) - len(s) >= 2:
                key, changed = key[:-len(s)], True
                break
    return key


@lru_cache(maxsize=4096)
def _regions(key: str) -> tuple[tuple[str, ...], str]:
    """A unit key split into its leading regions and the rest: 张掖市甘州区教育局 →
    ((张掖市, 甘州区), 教育局). The rest keeps at least two characters (甘州区 stays a name)."""
    region = _unit_settings()[3]
    found: list[str] = []
    rest = key
    while (m := region.match(rest)) and len(rest) - m.end() >= 2:
        found.append(m.group(1))
        rest = rest[m.end():]
    return tuple(found), rest


def _level(region: str) -> str | None:
    levels = _unit_settings()[2]
    return next((levels[e] for e in sorted(levels, key=len, reverse=True) if region.endswith(e)), None)


def _same_region(a: str, b: str) -> bool:
    """Equal, or one ends with the other of at least three characters (张掖甘州区 / 甘州区)."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 3 and long.endswith(short))


def same_unit(a: str, b: str) -> bool:
    """The same unit: equal unit keys once leading regions are set aside, and regions that agree
    where both state one — the most specific equal and no level both state differing.
    甘州区教育局（本级） = 张掖市甘州区教育局 = 教育局; ≠ 临泽县教育局, ≠ 甘州区卫生健康局."""
    ka, kb = unit_key(a), unit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    (ra, ca), (rb, cb) = _regions(ka), _regions(kb)
    if ca != cb:
        return False
    if not ra or not rb:
        return True
    if not _same_region(ra[-1], rb[-1]):
        return False
    return not any(_level(x) == _level(y) and not _same_region(x, y) for x in ra[:-1] for y in rb[:-1])


def approved_tables(report: MonitoringReport, tables: Sequence[TargetTable]) -> list[TargetTable]:
    """The target tables of the monitoring report's unit, year, kind and project."""
    return [
        t for t in tables
        if t.year == report.year and t.kind == report.kind
        and name_key(t.project_name) == name_key(report.project_name)
        and same_unit(t.unit.value, report.unit.value)
    ]


def similarity(a: str, b: str) -> Decimal:
    """difflib ratio of two indicator names' matching keys, as an exact decimal."""
    ka, kb = name_key(a), name_key(b)
    if not ka and not kb:
        return Decimal(1)
    # difflib's ratio 2·M/T, computed exactly rather than as a float
    matched = sum(block.size for block in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks())
    return Decimal(2 * matched) / Decimal(len(ka) + len(kb))


@dataclass(frozen=True)
class Match:
    indicator: TargetIndicator
    table: TargetTable
    ratio: Decimal


def best_match(ind: IndicatorProgress, approved: Sequence[tuple[TargetIndicator, TargetTable]]
               ) -> Match | None:
    """The approved indicator closest to a monitoring indicator: an equal key first (the same
    二级 preferred when a name repeats), else the highest similarity. None when nothing is approved."""
    key = name_key(ind.level3)
    equal = [(a, t) for a, t in approved if name_key(a.level3) == key]
    if equal:
        same_level2 = [(a, t) for a, t in equal if name_key(a.level2) == name_key(ind.level2)]
        a, t = (same_level2 or equal)[0]
        return Match(a, t, Decimal(1))
    scored = [Match(a, t, similarity(ind.level3, a.level3)) for a, t in approved]
    return max(scored, key=lambda m: m.ratio, default=None)


def similarity_threshold(ctx: RuleContext) -> Decimal:
    return Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))


def linked_indicators(ctx: RuleContext) -> Iterator[tuple[MonitoringReport, str, IndicatorProgress, Match | None]]:
    """Every monitoring indicator of a report whose target table is in the submission, with its
    closest approved indicator."""
    tables = ctx.records_of(TargetTable)
    if not tables:
        return
    for report in ctx.records_of(MonitoringReport):
        matching = approved_tables(report, tables)
        approved = [(a, t) for t in matching for a in t.indicators]
        if not approved:
            continue
        for name, ind in zip(indicator_names(report.indicators), report.indicators):
            yield report, name, ind, best_match(ind, approved)


def ratio_percent(ratio: Decimal) -> str:
    return format(round_half_up(ratio * 100, 2), "f")


def same_value(a: IndicatorValue, b: IndicatorValue) -> bool:
    """Two 指标值 state the same target: operator, number and unit when both are quantitative
    (a missing operator reads as `=`, a unit is compared only when both state one), the folded
    text otherwise."""
    if a.quantitative and b.quantitative:
        if (a.operator or "=") != (b.operator or "="):
            return False
        if a.unit and b.unit and fold(a.unit) != fold(b.unit):
            return False
        return a.number == b.number
    if a.quantitative != b.quantitative:
        return False
    return name_key(a.raw) == name_key(b.raw)

