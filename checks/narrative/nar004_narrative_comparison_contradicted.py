"""NAR004 narrative_comparison_contradicted: a comparison word that the stated numbers contradict.

Finds: an actual (决算) figure compared with its budget by a word (小于/低于, 大于/高于/超过,
持平/等于/一致, 基本持平: within `roughly_equal_percent` % of the budget) that every budget stated for
the same item in the same section (or the 三公 table's 预算数) contradicts, at print precision; and a
sentence whose change amount and change rate go opposite ways (增加 … 下降 …%, `message_direction`).
Why it matters: the words are the narrative's conclusion; a “持平” over a 30% gap, or an increase
said to be a decrease, misleads the reader about what happened to the budget.
Example: “公务接待费支出决算为3.02万元，与年初预算持平” while the 年初预算 is 4.00 万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, number_evidence, rate_text
from checks.common.narrative import (
    BUDGETS,
    SANGONG,
    before,
    cell_label,
    fmt,
    publications,
    same,
    sangong,
    sentence_evidence,
    stated_before,
    subject,
    what,
)
from checks.common.params import RuleParams
from checks.common.tolerance import HUNDRED, definitely_different, definitely_less
from schemas.final_accounts import Publication
from schemas.findings import Evidence, Finding
from schemas.narrative import NarrativeFigure
from schemas.numbers import PrintedNumber


class Params(RuleParams):
    roughly_equal_percent: Decimal  # “基本持平”: the actual within this % of the budget


_AGREEING = {"增加": "增", "增长": "增", "上升": "增", "减少": "减", "下降": "减", "降低": "减"}


def _contradicted(word: str, actual: PrintedNumber, budget: PrintedNumber, roughly: Decimal) -> bool:
    if word in ("小于", "低于"):
        return not definitely_less(actual, budget)
    if word in ("大于", "高于", "超过"):
        return not definitely_less(budget, actual)
    if word in ("持平", "等于", "一致", "相当"):
        return definitely_different(actual, budget)
    if word == "基本持平":
        if budget.value <= 0:
            return actual.value > actual.half_unit
        return abs(actual.value - budget.value) / budget.value * HUNDRED > roughly
    return False


@rule("NAR004", "narrative_comparison_contradicted", severity="error", params=Params)
def narrative_comparison_contradicted(ctx: RuleContext) -> Iterator[Finding]:
    """A comparison word (大于/小于/持平, 增加/下降) that the stated numbers contradict."""
    p: Params = ctx.args
    roughly = p.roughly_equal_percent
    for pub in publications(ctx):
        for fig in pub.narrative:
            if fig.measure == "决算" and fig.comparison and fig.compared_to:
                yield from _check_budget_word(ctx, pub, fig, roughly)
            elif fig.measure == "变动率" and fig.comparison:
                change = next((f for f in reversed(before(pub, fig)) if f.measure == "变动额"
                               and f.text == fig.text and same(f, fig.subject, fig.code)), None)
                if change is None or not change.comparison:
                    continue
                if _AGREEING.get(change.comparison) == _AGREEING.get(fig.comparison):
                    continue
                evidence = [sentence_evidence(change, f"情况说明：{fig.label or fig.subject}变动额"),
                            sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}变动率")]
                yield ctx.finding(
                    subject(pub, fig, "变动方向"), evidence, template="message_direction",
                    details={"amount_word": change.comparison, "rate_word": fig.comparison},
                    **fmt(pub), sentence=fig.text, what=fig.label or fig.subject,
                    amount_word=change.comparison, amount=message_unit([change.value]).amount(change.value),
                    amount_unit=message_unit([change.value]).unit,
                    rate_word=fig.comparison, rate=rate_text(fig.value))


def _check_budget_word(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, roughly: Decimal) -> Iterator[Finding]:
    word, base = fig.comparison or "", fig.compared_to or "预算"
    measures = (base,) if base in ("年初预算", "全年预算") else BUDGETS
    budgets: list[tuple[str, PrintedNumber, Evidence]] = []
    for m in measures:
        b = stated_before(pub, fig, fig.subject, (m,), fig.code)
        if b is not None and b.section == fig.section:  # the budget stated for the same item
            budgets.append((f"{m}数", b.value, sentence_evidence(b, f"情况说明：{what(b)}")))
    if not budgets and fig.subject in SANGONG:
        found = sangong(pub, fig.subject, budget=True)
        if found:
            table, ln, header = found
            budgets.append(("预算数", ln.values[header], number_evidence(cell_label(table, ln, header), ln.values[header])))
    if not budgets or not all(_contradicted(word, fig.value, b, roughly) for _, b, _ in budgets):
        return
    name, budget, budget_ev = budgets[0]
    evidence = [Evidence(role="情况说明：比较表述", raw=fig.comparison_text or fig.text, value=None,
                         ref=(fig.comparison_ref or fig.ref).with_label()),
                sentence_evidence(fig, f"情况说明：{what(fig)}"), budget_ev]
    mu = message_unit([fig.value, budget])
    yield ctx.finding(
        subject(pub, fig, f"决算与{name}比较"), evidence,
        details={"word": word, "actual": str(fig.value.value), "budget": str(budget.value)},
        **fmt(pub), sentence=fig.comparison_text or fig.text, what=fig.label or fig.subject, word=word,
        actual=mu.amount(fig.value), base=name, budget=mu.amount(budget), amount_unit=mu.unit)
