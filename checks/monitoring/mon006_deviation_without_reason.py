"""MON006 deviation_without_reason: a slow line whose 偏差原因 says nothing.

Finds: a line below the period threshold (as MON005) whose 偏差原因 is empty, or holds fewer
than `min_substantive_chars` Chinese characters once `filler_words` and the stock phrases of
`boilerplate` (不具备付款条件, 尚未支付 …) are removed.
Why it matters: the form requires a reason for every deviation; a stock phrase gives the
evaluator nothing to judge, and the self-evaluation later scores the quality of the analysis.
Example: 项目支出 执行率 16.74%, 偏差原因 “部分项目尚未支付”.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.monitoring import DeviationTextParams, deviation_text_findings
from schemas.findings import Finding


class Params(DeviationTextParams):
    """boilerplate, filler_words and min_substantive_chars for 偏差原因."""


@rule("MON006", "deviation_without_reason", severity="warning", params=Params)
def deviation_without_reason(ctx: RuleContext) -> Iterator[Finding]:
    """A line below the threshold whose 偏差原因 is empty or only boilerplate."""
    yield from deviation_text_findings(ctx, ctx.args, "deviation_reason", "偏差原因", "偏差原因")
