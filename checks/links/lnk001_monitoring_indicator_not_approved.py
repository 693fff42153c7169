"""LNK001 monitoring_indicator_not_approved: a monitoring indicator that the approved target table does not hold.

Finds: in a 绩效运行监控表 whose target table (same unit, year, kind and project: `same_unit`,
folded project name) is in the submission, a 三级指标 whose closest approved indicator (equal
folded key first, else the highest difflib similarity of the keys) is less similar than
`settings.indicator_name_similarity` (0.8). Without the target table nothing is checked.
Why it matters: monitoring tracks the indicators that were approved; an indicator that appears
only in the monitoring table means the targets were changed or replaced without approval, and the
progress it reports cannot be held against any approved target.
Example: 甘州区南街街道办事处's 2024年1-6月监控表 lists “在职人员数量”; the approved 2024年度部门整体支出绩效目标表
of 南街街道办事处 holds none (closest “在职人员控制率”, similarity 2·4 / (6 + 7) = 61.54% < 80%).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.links import linked_indicators, ratio_percent, similarity_threshold
from checks.common.monitoring import report_fmt, report_subject
from checks.common.params import NoParams
from checks.common.targets import table_title
from schemas.findings import Evidence, Finding


@rule("LNK001", "monitoring_indicator_not_approved", severity="warning", params=NoParams)
def monitoring_indicator_not_approved(ctx: RuleContext) -> Iterator[Finding]:
    """A monitoring indicator that matches no indicator of the approved target table."""
    threshold = similarity_threshold(ctx)
    for report, name, ind, match in linked_indicators(ctx):
        if match is None or match.ratio >= threshold:
            continue
        evidence = [
            Evidence(role=f"监控三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label()),
            Evidence(role="最接近的批复指标", raw=match.indicator.level3, value=match.ratio,
                     ref=match.indicator.ref.with_label()),
        ]
        details = {"indicator": ind.level3, "closest": match.indicator.level3,
                   "similarity": ratio_percent(match.ratio), "threshold": ratio_percent(threshold),
                   "target_file": match.table.file_name}
        yield ctx.finding(
            report_subject(report, name, "三级指标"),
            evidence,
            details,
            **report_fmt(ctx, report),
            indicator=ind.level3,
            target_title=table_title(ctx.settings, match.table),
            closest=match.indicator.level3,
            similarity=ratio_percent(match.ratio),
        )
