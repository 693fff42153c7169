"""XDC004 criticised_indicator_carried_over: next year's targets repeat an indicator criticised this year.

Finds: for a target table with next year's table of the same unit, kind and project in the
submission, the indicators that the rules of `criticised_by` (TGT002 vague value, TGT004
catch-all indicator, TGT005 undifferentiated satisfaction; run here on this year's table, when
enabled) criticise, and that next year's table carries with the same folded name and the same
指标值 (`same_value`; both blank counts as the same). `problem_labels` names each rule's problem
in the message.
Why it matters: evaluation results are meant to feed back into the next year's targets (rubric
E3); an indicator criticised this year and set again unchanged shows the criticism was not acted on.
Example: 南街街道办事处2025年部门整体支出绩效目标表仍沿用“服务对象满意度”（指标值“满意”）, criticised in the
2024 table by TGT002 (笼统定性表述) and TGT005 (满意度未细分或未量化).
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, all_rules, load_config, rule
from checks.common.links import same_unit, same_value
from checks.common.params import RuleParams
from checks.common.targets import name_ev, name_key, table_title, value_ev, value_text
from schemas.findings import Finding, Subject
from schemas.targets import TargetIndicator, TargetTable


class Params(RuleParams):
    criticised_by: list[str]  # the target rules whose findings count as criticism of an indicator
    problem_labels: dict[str, str]  # rule id → the problem as the message names it


def _criticised(ctx: RuleContext, table: TargetTable) -> list[tuple[Finding, list[str]]]:
    """The findings of the configured target rules on `table`, each with the indicator names it
    criticises (its `indicator`, or its `indicators` list)."""
    rules_cfg = ctx.rules_config or load_config().get("rules", {})
    p: Params = ctx.args
    wanted = list(p.criticised_by)
    out = []
    for r in all_rules():
        cfg = rules_cfg.get(r.id)
        if r.id not in wanted or cfg is None or not cfg.get("enabled", True):
            continue
        sub = RuleContext(r, [table], cfg, ctx.settings, rules_cfg)
        for f in r.func(sub):
            names = [f.details["indicator"]] if f.details.get("indicator") else list(f.details.get("indicators", []))
            if names:
                out.append((f, names))
    return out


def _next_tables(ctx: RuleContext, table: TargetTable) -> list[TargetTable]:
    return [t for t in ctx.records_of(TargetTable)
            if t.year == table.year + 1 and t.kind == table.kind
            and name_key(t.project_name) == name_key(table.project_name)
            and same_unit(t.unit.value, table.unit.value)]


def _by_name(table: TargetTable) -> dict[str, TargetIndicator]:
    out: dict[str, TargetIndicator] = {}
    for ind in table.indicators:
        out.setdefault(name_key(ind.level3), ind)
    return out


def _carried(old: TargetIndicator, new: TargetIndicator) -> bool:
    """The same indicator with the same 指标值 (both blank counts as the same)."""
    if old.value is None or new.value is None:
        return old.value is None and new.value is None
    return same_value(old.value, new.value)


@rule("XDC004", "criticised_indicator_carried_over", severity="warning", params=Params)
def criticised_indicator_carried_over(ctx: RuleContext) -> Iterator[Finding]:
    """Next year's target table still carries an indicator, with the same name and value, that
    this year's table was criticised for."""
    p: Params = ctx.args
    labels = p.problem_labels
    for table in ctx.records_of(TargetTable):
        following = _next_tables(ctx, table)
        if not following:
            continue
        old_by_name = _by_name(table)
        problems: dict[str, list[tuple[Finding, TargetIndicator]]] = {}
        for f, names in _criticised(ctx, table):
            for n in names:
                old = old_by_name.get(name_key(n))
                if old is not None:
                    problems.setdefault(name_key(n), []).append((f, old))
        for nxt in following:
            new_by_name = _by_name(nxt)
            for key, found in problems.items():
                old = found[0][1]
                new = new_by_name.get(key)
                if new is None or not _carried(old, new):
                    continue
                rule_ids = sorted({f.rule_id for f, _ in found})
                why = "、".join(dict.fromkeys(labels.get(rid, rid) for rid in rule_ids))
                evidence = [name_ev(new), value_ev(new), name_ev(old), value_ev(old)]
                evidence[2] = evidence[2].model_copy(update={"role": f"{table.year}年三级指标（{old.level3}）"})
                evidence[3] = evidence[3].model_copy(update={"role": f"{table.year}年指标值（{old.level3}）"})
                yield ctx.finding(
                    Subject(unit=nxt.unit.value, year=nxt.year, project=nxt.project_name,
                            line=new.level3, column="指标值"),
                    evidence,
                    {"indicator": new.level3, "value": value_text(new), "previous_year": table.year,
                     "criticised_by": rule_ids, "fingerprints": [f.fingerprint for f, _ in found],
                     "previous_file": table.file_name, "file": nxt.file_name},
                    unit=nxt.unit.value, year=nxt.year, previous_year=table.year,
                    title=table_title(ctx.settings, nxt), indicator=new.level3,
                    value=value_text(new) or "（空）", problems=why,
                )
