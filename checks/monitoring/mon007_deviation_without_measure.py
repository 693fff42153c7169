"""MON007 deviation_without_measure: a slow line whose 改进措施 says nothing.

Finds: a line below the period threshold (as MON005) whose 改进措施 is empty, or holds fewer than
`min_substantive_chars` Chinese characters once `filler_words` and the stock phrases of
`boilerplate` (加快进度, 加强管理 …) are removed.
Why it matters: a deviation needs a concrete corrective measure; “加快支付进度” promises nothing
that can be checked at the next period.
Example: 项目支出 执行率 16.74%, 改进措施 “下一步将加快支付进度”.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.monitoring import DeviationTextParams, deviation_text_findings
from schemas.findings import Finding


class Params(DeviationTextParams):
    """boilerplate, filler_words and min_substantive_chars for 改进措施."""


@rule("MON007", "deviation_without_measure", severity="warning", params=Params)
def deviation_without_measure(ctx: RuleContext) -> Iterator[Finding]:
    """A line below the threshold whose 改进措施 is empty or only boilerplate."""
    yield from deviation_text_findings(ctx, ctx.args, "measure", "改进措施", "改进措施")
