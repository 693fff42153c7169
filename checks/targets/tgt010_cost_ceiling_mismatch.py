"""TGT010 cost_ceiling_mismatch: a 成本指标 ceiling that does not fit the project's amount.

Finds: a 成本指标 ceiling (≤, <, 不超过 …) above the amount by more than `above_tolerance` (a share),
whatever it caps; or below it by more than `below_tolerance` when it is the table's one ceiling
and its name is a total (one of `total_words`, none of `part_words`). Rounding of both figures
is allowed. A ceiling that fits the amount read in 元, or that TGT009 explains (the ceilings add
up to it), is not reported. The difference is stated against the 元 reading where TGT009 flags
the form or the ceiling is within `yuan_ratio` of it (`budget_phrase_yuan`), else against the
amount as printed; `multi_year_note` is added when the ceiling equals the 中期规划 total.
Why it matters: no part costs more than the whole, and a total-cost ceiling far below the amount
means either the target or the budget is wrong; the evaluator cannot judge cost control.
Example: “社区活动经费” 年度资金总额 75.00 万元, 总成本 不超过15万 → 低60.00万元（仅为其20%）.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import YUAN_PER_WAN, amount_decimals, amount_text, format_amount, number_evidence, plain
from checks.common.target_amounts import (
    HUNDRED,
    ONE,
    Amounts,
    Fit,
    Reading,
    ReadingParams,
    Shared,
    amount_label,
    amounts_of,
    budget_phrase,
    fmt_base,
    reading_decimals,
    report_reading,
    word_list,
)
from checks.common.targets import name_key, subject, tables, value_ev
from schemas.findings import Finding
from schemas.numbers import PrintedNumber
from schemas.targets import TargetIndicator


class Params(ReadingParams):
    above_tolerance: Decimal  # a ceiling above the amount by more than this share is reported
    below_tolerance: Decimal  # the one total ceiling below it by more than this share is reported
    total_words: list[str]  # a ceiling naming one of these (and none of part_words) caps the total
    part_words: list[str]
    multi_year_note: str  # added when the ceiling is the 中期规划 total: {multi}


def _is_total_cost(ind: TargetIndicator, words: Sequence[str], part_words: Sequence[str]) -> bool:
    key = name_key(ind.level3)
    return any(name_key(w) in key for w in words) and not any(name_key(w) in key for w in part_words)


@rule("TGT010", "cost_ceiling_mismatch", severity="warning", params=Params)
def cost_ceiling_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A 成本指标 ceiling differs from the project's amount: above it (no part costs more than the
    whole), or — the table's one total-cost ceiling — below it, beyond the tolerances."""
    p: Params = ctx.args
    shared = Shared.of(ctx)
    below_tol = p.below_tolerance
    above_tol = p.above_tolerance
    ratio = p.yuan_ratio
    total_words = word_list(p.total_words)
    part_words = word_list(p.part_words)
    for table in tables(ctx):
        a = amounts_of(table, shared)
        if a is None:
            continue
        ceilings = [cv for cv in a.costs if cv.ceiling]
        if not ceilings:
            continue
        if any(f.key == "ceilings_sum" for f in a.matched):
            continue  # the ceilings add up to the amount read in 元: TGT009's
        single_total = len(ceilings) == 1 and _is_total_cost(ceilings[0].indicator, total_words, part_words)

        def problem(c: PrintedNumber, amount: Decimal, half: Decimal) -> str | None:
            rounding = half + c.half_unit
            if c.value > amount * (ONE + above_tol) + rounding:
                return "above"
            if single_total and c.value < amount * (ONE - below_tol) - rounding:
                return "below"
            return None

        for cv in ceilings:
            c = cv.number
            if a.wan_label and (shared.fit(a.yuan, a.yuan_half, c.value, c.half_unit, True)
                                or problem(c, a.yuan, a.yuan_half) is None):
                continue  # fits the amount read in 元: TGT009's (or, as a part, may be lower)
            reading = report_reading(a, c.value, ratio)
            if not a.unit_case and problem(c, a.budget.value, a.budget.half_unit) is None:
                continue  # fits the amount as printed, which nothing shows to be in 元
            relation = problem(c, reading.value, reading.half)
            if relation is None:  # pragma: no cover - the reading was found not to fit above
                continue
            difference = abs(c.value - reading.value)
            decimals = max(reading_decimals(a, reading), amount_decimals(c))
            share = c.value / reading.value * HUNDRED
            note = _multi_year_note(p, a, c, reading, shared.fit)
            ind = cv.indicator
            label = amount_label(table, p)
            evidence = [value_ev(ind), number_evidence(label, a.budget)]
            if note and a.table.budget_multi_year is not None:
                evidence.append(number_evidence("项目总金额（中期规划）", a.table.budget_multi_year))
            details = {"indicator": ind.level3, "value": ind.value.raw if ind.value else "",
                       "ceiling": amount_text(c), "budget_total": amount_text(a.budget),
                       "compared_with": format_amount(reading.value, reading_decimals(a, reading)),
                       "read_in_yuan": reading.yuan, "relation": relation,
                       "difference": format_amount(difference, decimals), "share": plain(share),
                       "multi_year": bool(note)}
            yield ctx.finding(
                subject(table, ind.level3, "指标值"),
                evidence,
                details,
                template="message" if relation == "below" else "message_above",
                **fmt_base(ctx, table),
                indicator=ind.level3,
                value=ind.value.raw if ind.value else "",
                ceiling=format_amount(c.value, amount_decimals(c)),
                budget_phrase=budget_phrase(p, a, reading),
                difference=format_amount(difference, decimals),
                share=plain(share),
                note=note,
            )


def _multi_year_note(params: Params, a: Amounts, c: PrintedNumber, reading: Reading, fit: Fit) -> str:
    """The ceiling is the 中期规划 total (read as the amount is): say so."""
    multi = a.table.budget_multi_year
    if multi is None or multi.blank or multi.value <= 0:
        return ""
    value = multi.value / YUAN_PER_WAN if reading.yuan else multi.value
    half = multi.half_unit / YUAN_PER_WAN if reading.yuan else multi.half_unit
    if not fit(value, half, c.value, c.half_unit, False):
        return ""
    return str(params.multi_year_note).format(
        multi=format_amount(value, amount_decimals(multi) + (4 if reading.yuan else 0)))
