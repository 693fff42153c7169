"""LNK002 monitoring_target_changed: a monitoring 年度指标值 that differs from the approved 指标值.

Finds: for a monitoring indicator matched to an approved one (similarity at or above
`settings.indicator_name_similarity`, as LNK001), a 年度指标值 that does not state the same target
as the approved 指标值 (`same_value`: operator, number and unit when both are quantitative — a
missing operator reads as `=`, a unit counts only when both state one — else the folded text).
Blank values on either side are skipped.
Why it matters: the monitoring table measures progress against the 年度指标值 it prints; a value
changed without an approved adjustment makes the execution look better (or worse) than it is
against the target the budget was approved for.
Example: 批复 “项目支出预算执行率” ≥90%, while the 1-6月 and 1-9月监控表 print 年度指标值 ≥85%.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_evidence
from checks.common.links import linked_indicators, ratio_percent, same_value, similarity_threshold
from checks.common.monitoring import report_fmt, report_subject
from checks.common.params import NoParams
from checks.common.targets import name_key, table_title, value_ev
from schemas.findings import Finding


@rule("LNK002", "monitoring_target_changed", severity="warning", params=NoParams)
def monitoring_target_changed(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring indicator's 年度指标值 differs from the approved 指标值."""
    threshold = similarity_threshold(ctx)
    for report, name, ind, match in linked_indicators(ctx):
        if match is None or match.ratio < threshold:
            continue
        monitored, approved = ind.target, match.indicator.value
        if monitored is None or approved is None or not name_key(monitored.raw) or not name_key(approved.raw):
            continue
        if same_value(monitored, approved):
            continue
        evidence = [
            indicator_evidence(f"年度指标值（{name}）", monitored, ind.ref),
            value_ev(match.indicator),
        ]
        evidence[1] = evidence[1].model_copy(update={"role": f"批复指标值（{match.indicator.level3}）"})
        details = {"indicator": ind.level3, "approved_indicator": match.indicator.level3,
                   "monitored": monitored.raw, "approved": approved.raw,
                   "similarity": ratio_percent(match.ratio), "target_file": match.table.file_name}
        yield ctx.finding(
            report_subject(report, name, "年度指标值"),
            evidence,
            details,
            **report_fmt(ctx, report),
            indicator=ind.level3,
            monitored=monitored.raw,
            target_title=table_title(ctx.settings, match.table),
            approved=approved.raw,
        )
