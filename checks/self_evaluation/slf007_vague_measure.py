"""SLF007 vague_measure: an improvement measure made of stock phrases.

Finds: an indicator's 改进措施 that, once the `filler_words` and the `boilerplate` phrases
(加强学习, 细化措施 …) are removed, keeps fewer than `min_substantive_chars` Chinese characters and
holds none of the `concrete_patterns` (a deadline such as 3月底前, an owner such as 由…负责).
Why it matters: a measure is what the unit commits to; stock phrases commit to nothing that can be
checked next year (no action, owner or date), and the rubric (E3) marks them down.
Example: 改进措施 “下一步将加强学习，细化措施” — only 加强学习 and 细化措施, no owner, no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import text_evidence
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    indicator_names as _names,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.text import analyse_text
from textnorm.text import fold
from schemas.findings import Evidence, Finding


class Params(RuleParams):
    min_substantive_chars: int  # fewer Chinese characters left than this: vague
    filler_words: list[str]  # words removed before counting
    boilerplate: list[str]  # stock phrases removed before counting (reported in details)
    concrete_patterns: list[str]  # regular expressions of a date or an owner: not vague


def _has_concrete(text: str, params: Params) -> bool:
    """A date, an owner or another configured sign of a concrete measure."""
    t = fold(text)
    return any(re.search(p, t) for p in params.concrete_patterns)


def _vague(text: str, params: Params) -> tuple[bool, tuple[str, ...]]:
    analysis = analyse_text(text, params.boilerplate, params.filler_words)
    vague = analysis.substantive_chars < params.min_substantive_chars
    return vague and not _has_concrete(text, params), analysis.matched


@rule("SLF007", "vague_measure", severity="notice", params=Params)
def vague_measure(ctx: RuleContext) -> Iterator[Finding]:
    """A measure made of stock phrases (加强学习, 细化措施 …) with no action, owner or date."""
    p: Params = ctx.args
    for rec in _records(ctx):
        for name, ind in zip(_names(rec), rec.indicators):
            if ind.measure is None:
                continue
            vague, matched = _vague(ind.measure.text, p)
            if not vague:
                continue
            evidence = [Evidence(role=f"三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label()),
                        text_evidence(f"改进措施（{name}）", ind.measure)]
            yield ctx.finding(_subject(rec, name, "改进措施"), evidence,
                              {"measure": ind.measure.text, "phrases": list(matched)}, **_fmt(ctx, rec),
                              indicator=name, measure=ind.measure.text)
