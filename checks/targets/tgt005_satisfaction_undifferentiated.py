"""TGT005 satisfaction_undifferentiated: satisfaction indicators not split or not numbered.

Finds: the indicators whose name contains one of `satisfaction_words` (满意度, 满意率). If none of
them names a service-object group of `group_words` (居民, 企业, 社区工作者 …), one finding lists
them all; and each of them whose value states no number (满意, 较好, empty) is reported
separately (`message_no_number`).
Why it matters: satisfaction is scored per group of beneficiaries and against a figure (≥90 %);
an undivided, unnumbered satisfaction target cannot be surveyed or scored.
Example: 南街 2024: “服务对象满意度”（满意）、“社会影响满意度”（较好）: not split by group, and no number.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_names
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, name_ev, name_key, quoted, subject, tables, value_ev, value_text
from schemas.findings import Finding


class Params(RuleParams):
    satisfaction_words: list[str]  # an indicator naming one of these is a satisfaction indicator
    group_words: list[str]  # a satisfaction indicator naming one of these is split by group


@rule("TGT005", "satisfaction_undifferentiated", severity="warning", params=Params)
def satisfaction_undifferentiated(ctx: RuleContext) -> Iterator[Finding]:
    """Satisfaction indicators not split by service-object group, or stating no number."""
    p: Params = ctx.args
    words = [name_key(w) for w in p.satisfaction_words if name_key(w)]
    groups = [name_key(w) for w in p.group_words if name_key(w)]
    for table in tables(ctx):
        pairs = [(i, n) for i, n in zip(table.indicators, indicator_names(table.indicators))
                 if any(w in name_key(i.level3) for w in words)]
        if not pairs:
            continue
        if not any(g in name_key(i.level3) for i, _ in pairs for g in groups):
            evidence = [name_ev(i, n) for i, n in pairs]
            yield ctx.finding(
                subject(table, "满意度", "三级指标"),
                evidence,
                {"indicators": [i.level3 for i, _ in pairs]},
                **base_fmt(ctx, table),
                indicators=quoted(i.level3 for i, _ in pairs),
            )
        for ind, name in pairs:
            if ind.value is not None and ind.value.number is not None:
                continue
            evidence = [name_ev(ind, name), value_ev(ind, name)]
            yield ctx.finding(
                subject(table, name, "指标值"),
                evidence,
                {"indicator": ind.level3, "value": value_text(ind)},
                template="message_no_number",
                **base_fmt(ctx, table),
                indicator=ind.level3,
                value=value_text(ind) or "（空）",
            )
