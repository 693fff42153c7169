"""RPT005 report_measures_not_concrete: a slow report whose measures are not concrete.

Finds: a report showing at least one budget line below the period threshold (as RPT004) none of
whose measure sentences is concrete: names a date (`date_patterns`), an owner (`owner_patterns`),
or says at least `min_substantive_chars` Chinese characters once the `filler_words` and the stock
phrases of `boilerplate` are removed. A report with no measure at all gets `message_empty`.
Why it matters: the monitoring is meant to correct slow execution; measures with no owner, no date
and no action cannot be followed up, and the self-evaluation later scores them.
Example: 项目支出 执行率16.73%, measures “一是加强学习。二是加快支付进度，确保完成全年目标。”.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.narrative_report import below_threshold, fmt, reports, sentence_evidence, subject
from checks.common.params import RuleParams
from checks.common.text import analyse_text, is_boilerplate
from schemas.findings import Finding
from textnorm.text import fold


class Params(RuleParams):
    date_patterns: list[str]  # regular expressions of a deadline (9月30日前, 年底前 …)
    owner_patterns: list[str]  # regular expressions of an owner (由…负责, 责任科室 …)
    min_substantive_chars: int  # fewer Chinese characters left: boilerplate
    filler_words: list[str]  # words removed before matching and counting
    boilerplate: list[str]  # stock phrases that say nothing


def _concrete(text: str, params: Params) -> bool:
    t = fold(text)
    if any(re.search(p, t) for p in params.date_patterns):
        return True
    if any(re.search(p, t) for p in params.owner_patterns):
        return True
    analysis = analyse_text(text, params.boilerplate, params.filler_words)
    return not is_boilerplate(analysis, params.min_substantive_chars)


@rule("RPT005", "report_measures_not_concrete", severity="warning", params=Params)
def report_measures_not_concrete(ctx: RuleContext) -> Iterator[Finding]:
    """A report showing below-threshold execution whose measures name no action, owner or date."""
    p: Params = ctx.args
    for report in reports(ctx):
        lows = below_threshold(report, ctx.settings)
        if not lows:
            continue
        measures = report.measures()
        if any(_concrete(s.text, p) for s in measures):
            continue
        text = "；".join(s.text.rstrip("。；") for s in measures)
        evidence = [e for low in lows for e in low.evidence] + \
            [sentence_evidence("报告所述改进措施", s.text, s.ref) for s in measures]
        lines = "、".join(f"“{low.line}”" for low in lows)
        yield ctx.finding(
            subject(report, "", "改进措施"), evidence,
            {"lines": [low.line for low in lows], "text": text},
            template="message" if measures else "message_empty",
            **fmt(report), lines=lines, line="", text=text)
