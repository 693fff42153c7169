"""TGT002 vague_qualitative_value: a qualitative indicator valued by a vague word.

Finds: a 三级 indicator whose value is qualitative (no number) and contains one of `vague_words`
(规范, 健全, 满意, 有效提升 …; the longest match is named, compared without spaces or punctuation).
The message suggests a measurable form: the first of `suggestions` whose regular expression is
found in the indicator name, else `default_suggestion`.
Why it matters: a value such as 规范 states no standard; at year end nobody can say whether the
target was met, so the indicator scores nothing and the evaluator asks for it to be refined.
Example: 资产管理规范性 指标值 “规范” → 建议细化（如：违规问题发生数=0个 / 抽查合规率≥98%）.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_names
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, name_ev, name_key, subject, tables, value_ev
from schemas.findings import Finding
from textnorm.text import fold


class Params(RuleParams):
    vague_words: list[str]  # a qualitative value containing one of these is vague
    suggestions: dict[str, str]  # regular expression on the indicator name → suggested form
    default_suggestion: str  # when no pattern of `suggestions` matches


def _vague_word(text: str, words: Iterable[str]) -> str | None:
    """The longest configured vague word in a value text, else None."""
    key = name_key(text)
    found = [w for w in words if name_key(w) and name_key(w) in key]
    return max(found, key=lambda w: len(name_key(w))) if found else None


def _suggestion_for(name: str, suggestions: dict[str, str], default: str) -> str:
    """The first suggestion whose pattern (a regular expression) is found in the indicator name."""
    key = fold(name)
    for pattern, text in (suggestions or {}).items():
        if re.search(str(pattern), key):
            return str(text)
    return default


@rule("TGT002", "vague_qualitative_value", severity="notice", params=Params)
def vague_qualitative_value(ctx: RuleContext) -> Iterator[Finding]:
    """A qualitative indicator whose value is a vague word (规范, 健全, 满意, 提升 …)."""
    p: Params = ctx.args
    words = p.vague_words
    suggestions = p.suggestions
    default = p.default_suggestion
    for table in tables(ctx):
        for ind, name in zip(table.indicators, indicator_names(table.indicators)):
            if ind.value is None or ind.value.quantitative:
                continue
            word = _vague_word(ind.value.raw, words)
            if word is None:
                continue
            suggestion = _suggestion_for(ind.level3, suggestions, default)
            evidence = [name_ev(ind, name), value_ev(ind, name)]
            details = {"indicator": ind.level3, "value": ind.value.raw, "vague_word": word,
                       "suggestion": suggestion, "level1": ind.level1, "level2": ind.level2}
            yield ctx.finding(
                subject(table, name, "指标值"),
                evidence,
                details,
                **base_fmt(ctx, table),
                indicator=ind.level3,
                value=ind.value.raw,
                suggestion=suggestion,
            )
