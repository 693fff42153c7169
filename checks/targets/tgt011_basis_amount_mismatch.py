"""TGT011 basis_amount_mismatch: the 测算依据's amounts do not make the project's amount.

Finds: a 测算依据 whose amounts (read as TGT009's `basis` params say) agree with the amount in no
reading, beyond rounding × `tolerance_scale`: not its 合计/共计, not the sum of its amounts (with
or without subtotals), not any single amount; nor, under a 万元 label, the amount read in 元
within TGT009's relative_tolerance. Not judged: a text that prices by rate, computes or writes a
figure without a unit (`skip_rate_texts`), a text with a single amount not given as the
project's (none of `single_amount_words` before it), a text TGT009 already explains. The
message lists up to `max_listed_items` amounts (`basis_texts`) and the reading compared with.
Why it matters: the 测算依据 is how the amount was worked out; if its items do not make the
amount, the budget is not justified, or an item is missing.
Example: 年度资金总额 100.00 万元, 测算依据 “一是培训费30万元；二是宣传费20万元” → 合计为50万元，相差50.00万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, number_evidence
from checks.common.target_amounts import (
    ReadingParams,
    Shared,
    amount_label,
    amounts_of,
    basis_evidence,
    budget_phrase,
    figure_text,
    fmt_base,
    items_sum,
    reading_decimals,
    report_reading,
    word_list,
)
from checks.common.targets import subject, tables
from schemas.findings import Finding


class Params(ReadingParams):
    tolerance_scale: Decimal  # × the rounding allowance (half a unit of each figure)
    skip_rate_texts: bool  # do not judge a text that prices by rate, computes or has unitless figures
    single_amount_words: list[str]  # a lone amount counts only after one of these in its clause
    max_listed_items: int  # the message lists at most this many amounts (then 等)
    basis_texts: dict[str, str]  # how the message names the basis figure: {amount} {items} {count}


@rule("TGT011", "basis_amount_mismatch", severity="warning", params=Params)
def basis_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The amounts itemised in 测算依据 (their 合计/共计 when stated) do not make the project's
    amount beyond rounding, and no single amount of the text is it either."""
    p: Params = ctx.args
    shared = Shared.of(ctx)
    scale = p.tolerance_scale
    ratio = p.yuan_ratio
    single_words = word_list(p.single_amount_words)
    skip_rates = p.skip_rate_texts
    max_items = p.max_listed_items
    texts = p.basis_texts
    for table in tables(ctx):
        a = amounts_of(table, shared)
        if a is None or a.basis is None or not a.basis.stated:
            continue
        basis = a.basis
        if skip_rates and (basis.rates or basis.arithmetic or basis.unitless):
            continue  # priced by rate, computed, or figures without a unit: the sum is not the text's
        if any(f.key.startswith("basis") for f in a.matched):
            continue  # fits the amount read in 元: TGT009's
        every = basis.items + basis.totals
        if len(every) == 1 and not any(w in every[0].clause_lead for w in single_words):
            continue  # one amount, not given as the project's (`余9.68万元未支付`)
        readings = basis.readings()
        if any(abs(v - a.budget.value) <= (a.budget.half_unit + h) * scale for v, h in readings):
            continue
        if a.wan_label and any(shared.fit(a.yuan, a.yuan_half, v, h, False) for v, h in readings):
            continue  # fits the amount read in 元
        total = basis.total
        if total is not None:
            key, shown, main = "basis_total", [total], total.number.value
        else:
            key, shown, main = ("basis_single" if len(basis.parts) == 1 else "basis_sum"), basis.parts, items_sum(basis.parts)
        numbers = [i.number for i in shown]
        reading = report_reading(a, main, ratio)
        difference = main - reading.value
        decimals = max([reading_decimals(a, reading), *(amount_decimals(n) for n in numbers)])
        items = "、".join(i.written for i in shown[:max_items]) + ("等" if len(shown) > max_items else "")
        basis_text = str(texts.get(key, "{amount}万元")).format(
            amount=figure_text(main, numbers), items=items, count=len(shown))
        label = amount_label(table, p)
        evidence = [basis_evidence(table, main), number_evidence(label, a.budget)]
        details = {"basis_total": figure_text(main, numbers), "budget_total": amount_text(a.budget),
                   "compared_with": format_amount(reading.value, reading_decimals(a, reading)),
                   "read_in_yuan": reading.yuan, "difference": format_amount(difference, decimals),
                   "items": [i.written for i in shown], "stated_total": total is not None}
        yield ctx.finding(
            subject(table, "测算依据", label),
            evidence,
            details,
            **fmt_base(ctx, table),
            basis=basis_text,
            budget_phrase=budget_phrase(p, a, reading),
            difference=format_amount(abs(difference), decimals),
        )
