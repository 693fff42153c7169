"""SLF008 self_evaluation_differs_from_targets: self-evaluated indicators that differ from the approved targets.

Finds: where the submission holds the approved 绩效目标表 of the self-evaluation's unit, year, kind
and project (`approved_tables`), each self-evaluated indicator matched to its closest approved one
(`best_match`, similarity threshold `settings.indicator_name_similarity`): an indicator matching
none (`message`), a 年度指标值 that does not state the approved 指标值 (`same_value`,
`message_value`), and an approved indicator that no self-evaluated one matched (`message_missing`).
Why it matters: the self-evaluation grades the unit against the targets it was funded for; an
indicator added, dropped or given an easier value changes what is graded.
Example: the approved table sets “项目支出预算执行率” ≥95%, the 自评表 evaluates it against ≥90%; the
approved “固定资产利用率” is not evaluated at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_evidence
from checks.common.links import approved_tables, best_match, same_value
from checks.common.params import NoParams
from checks.common.self_evaluation import (
    form_fields as _fmt,
    indicator_names as _names,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.targets import name_key, table_title, value_ev
from schemas.findings import Evidence, Finding


@rule("SLF008", "self_evaluation_differs_from_targets", severity="warning", params=NoParams)
def self_evaluation_differs_from_targets(ctx: RuleContext) -> Iterator[Finding]:
    """Self-evaluation indicators or 指标值 that differ from the approved 绩效目标表."""
    from schemas.targets import TargetTable

    tables = ctx.records_of(TargetTable)
    threshold = Decimal(str(ctx.settings.get("indicator_name_similarity", 0.8)))
    for rec in _records(ctx):
        matching = approved_tables(rec, tables)  # type: ignore[arg-type]
        approved = [(a, t) for t in matching for a in t.indicators]
        if not approved:
            continue
        used: set[int] = set()
        for name, ind in zip(_names(rec), rec.indicators):
            match = best_match(ind, approved)  # type: ignore[arg-type]
            if match is None or match.ratio < threshold:
                evidence = [Evidence(role=f"自评三级指标（{name}）", raw=ind.level3, ref=ind.ref.with_label())]
                yield ctx.finding(_subject(rec, name, "三级指标"), evidence,
                                  {"indicator": ind.level3, "target_file": matching[0].file_name},
                                  "message", **_fmt(ctx, rec), indicator=name,
                                  target_title=table_title(ctx.settings, matching[0]))
                continue
            used.add(id(match.indicator))
            mine, theirs = ind.target, match.indicator.value
            if mine is None or theirs is None or not name_key(mine.raw) or not name_key(theirs.raw):
                continue
            if same_value(mine, theirs):
                continue
            evidence = [indicator_evidence(f"自评年度指标值（{name}）", mine, ind.ref),
                        value_ev(match.indicator).model_copy(update={"role": f"批复指标值（{match.indicator.level3}）"})]
            yield ctx.finding(_subject(rec, name, "年度指标值"), evidence,
                              {"indicator": ind.level3, "self": mine.raw, "approved": theirs.raw,
                               "target_file": match.table.file_name},
                              "message_value", **_fmt(ctx, rec), indicator=name, value=mine.raw,
                              approved=theirs.raw, target_title=table_title(ctx.settings, match.table))
        for a, t in approved:
            if id(a) in used:
                continue
            evidence = [Evidence(role=f"批复三级指标（{a.level3}）", raw=a.level3, ref=a.ref.with_label())]
            yield ctx.finding(_subject(rec, a.level3, "三级指标"), evidence,
                              {"indicator": a.level3, "target_file": t.file_name}, "message_missing",
                              **_fmt(ctx, rec), indicator=a.level3, target_title=table_title(ctx.settings, t))
