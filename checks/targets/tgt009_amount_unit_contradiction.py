"""TGT009 amount_unit_contradiction: the amount was entered in 元 under the 万元 label.

Finds: a 绩效目标表 whose amount (本年度项目金额 / 年度资金总额, printed under a 万元 label) agrees
with none of the form's other figures as printed, while one or more of them fit the amount read
in 元 (÷ 10000) within `relative_tolerance` (a ceiling up to `ceiling_headroom` above it): the
测算依据's total (its 合计/共计, else the sum of its amounts), its largest amount, a 成本指标
amount or ceiling, the sum of the ceilings. `basis` and `cost` say how the 测算依据 and the
成本指标 are read (shared with TGT010/TGT011, see checks/common/target_amounts.py); `figure_texts`
word each matching figure.
Why it matters: an amount 10000 times too large makes every rate, total and score built on it
meaningless; the 深圳 exports (../shared/realdocs/shenzhen-targets) do this on most sheets.
Example: 本年度项目金额 17,840.00 万元, 测算依据 “其他城市维护经费1.784万元”, 总成本 不超过1.784万元 →
应为1.784万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, number_evidence
from checks.common.target_amounts import (
    AmountLabelParams,
    Shared,
    amount_label,
    amounts_of,
    basis_evidence,
    budget_text,
    figure_text,
    fmt_base,
    yuan_text,
)
from checks.common.targets import subject, tables, value_ev
from schemas.findings import Evidence, Finding


class Params(AmountLabelParams):
    relative_tolerance: Decimal  # a figure within this share of the amount read in 元 fits it
    ceiling_headroom: Decimal  # a ceiling may lie this share above it
    figure_texts: dict[str, str]  # figure kind → how the message names it: {amount} {indicator} {value}
    basis: dict[str, Any]  # how the 测算依据's amounts are read (checks/common/target_amounts.basis_amounts)
    cost: dict[str, Any]  # which indicators are 成本指标 amounts (cost_values)


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple] = set()
    out = []
    for ev in evidence:
        key = (ev.role, ev.ref.label, ev.raw)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


@rule("TGT009", "amount_unit_contradiction", severity="warning", params=Params)
def amount_unit_contradiction(ctx: RuleContext) -> Iterator[Finding]:
    """The amount, under a 万元 label, is 10000 × the 测算依据's total (or largest amount) or a
    成本指标 amount, and agrees with none of them as printed: it was entered in 元."""
    p: Params = ctx.args
    shared = Shared.of(ctx)
    texts = p.figure_texts
    for table in tables(ctx):
        a = amounts_of(table, shared)
        if a is None or not a.unit_case:
            continue
        label = amount_label(table, p)
        pieces: list[str] = []
        evidence = [number_evidence(label, a.budget)]
        listed = []
        for f in a.matched:
            ind = f.cost.indicator if f.cost else None
            piece = str(texts.get(f.key, "{amount}万元")).format(
                amount=figure_text(f.value, f.numbers), indicator=ind.level3 if ind else "",
                value=ind.value.raw if ind and ind.value else "")
            if piece not in pieces:
                pieces.append(piece)
            if f.key.startswith("basis"):
                evidence.append(basis_evidence(table, None))
            elif ind is not None:
                evidence.append(value_ev(ind))
            else:  # the sum of the ceilings
                evidence += [value_ev(cv.indicator) for cv in a.costs if cv.ceiling]
            listed.append({"kind": f.key, "value": figure_text(f.value, f.numbers),
                           **({"indicator": ind.level3} if ind else {})})
        evidence = _dedupe(evidence)
        corrected = yuan_text(a.budget)
        yield ctx.finding(
            subject(table, label, "金额单位"),
            evidence,
            {"budget_total": amount_text(a.budget), "corrected": corrected, "figures": listed},
            **fmt_base(ctx, table),
            amount_label=label,
            budget=budget_text(a.budget),
            figures="、".join(pieces),
            corrected=corrected,
        )
