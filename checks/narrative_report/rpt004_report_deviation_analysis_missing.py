"""RPT004 report_deviation_analysis_missing: a slow line the report does not explain.

Finds: each budget line the report shows certainly below the period threshold (settings
`execution_thresholds`; the rate computed from the stated 执行数 and 全年预算, else the stated rate),
whose deviation reasons (the reason sentences naming the line or one of its parts, else those naming
no line) are missing, or hold fewer than `min_substantive_chars` Chinese characters once the stock
phrases of `boilerplate` and the `filler_words` and `restated_words` are removed.
Why it matters: a deviation must be analysed (which projects, which step is stuck, when payment is
expected); a stock phrase gives the evaluator nothing to judge and the self-evaluation scores it.
Example: 项目支出 执行率16.73% (预警值 below), reason “主要原因是部分项目不具备付款条件”.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import plain
from checks.common.narrative_report import (
    BUDGET_LINES,
    LINE_SCOPE,
    below_threshold,
    fmt,
    reports,
    sentence_evidence,
    subject,
)
from checks.common.params import RuleParams
from checks.common.text import analyse_text, is_boilerplate
from checks.common.tolerance import round_half_up, time_progress
from schemas.findings import Finding


class Params(RuleParams):
    min_substantive_chars: int  # fewer Chinese characters left: boilerplate
    filler_words: list[str]  # words removed before matching and counting
    boilerplate: list[str]  # stock phrases that say nothing
    restated_words: list[str]  # words a reason repeats from the finding itself, removed too


@rule("RPT004", "report_deviation_analysis_missing", severity="warning", params=Params)
def report_deviation_analysis_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A line the report shows below the period threshold, with no reason or only boilerplate."""
    p: Params = ctx.args
    phrases = p.boilerplate
    fillers = [*p.filler_words, *p.restated_words]
    min_chars = p.min_substantive_chars
    for report in reports(ctx):
        reasons = report.reasons()
        for low in below_threshold(report, ctx.settings):
            # a reason about a part explains its whole (项目支出 → 合计, 公用经费 → 基本支出)
            scope = LINE_SCOPE.get(low.line, (low.line,))
            about = [s for s in reasons if any(ln in s.lines for ln in scope)] or \
                [s for s in reasons if not any(ln in s.lines for ln in BUDGET_LINES)]
            text = "".join(s.text for s in about)
            analysis = analyse_text(text, phrases, fillers)
            if not is_boilerplate(analysis, min_chars):
                continue
            evidence = low.evidence + [sentence_evidence("报告所述偏差原因", s.text, s.ref) for s in about]
            shown = format(round_half_up(low.rate, low.decimals), "f")
            yield ctx.finding(
                subject(report, low.line, "偏差原因"), evidence,
                {"rate": shown, "threshold": plain(low.threshold), "text": text,
                 "matched_boilerplate": "、".join(analysis.matched),
                 "substantive_chars": str(analysis.substantive_chars)},
                template="message_empty" if not about else "message",
                **fmt(report), line=low.line, rate=shown, threshold=plain(low.threshold),
                progress=plain(time_progress(report.period_months)), text=text.rstrip("。"))
