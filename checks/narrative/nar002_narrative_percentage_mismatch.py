"""NAR002 narrative_percentage_mismatch: a stated percentage that the stated amounts do not give.

Finds: each share (占比: the part stated before it ÷ its base, stated before it or printed in a
table), completion rate (完成率: the actual ÷ the budget the sentence names, else the 三公 table's
预算数) and growth rate (变动率: the change ÷ last year's amount, current − change) the narrative
states, against the rate the printed amounts allow: flagged when the stated rate lies
`rounding_units` units of its last printed digit or more outside that interval. A growth rate over
no base last year is left alone; a completion rate over a zero budget for a non-zero actual is
reported (`message_zero_base`, or `message_zero_base_alt` when the rate fits another budget the
sentence states).
Why it matters: percentages are what readers retain; one that does not follow from the amounts
next to it is a calculation or copying error.
Example: “一般公共预算财政拨款支出29.42万元，占9.50%” of 307.82 万元: 29.42 ÷ 307.82 = 9.56%.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, message_unit, number_evidence, plain, rate_text
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
    table_figure,
    what,
)
from checks.common.params import RuleParams
from checks.common.tolerance import HUNDRED, rate_matches, round_half_up
from schemas.findings import Evidence, Finding
from schemas.narrative import NarrativeFigure
from schemas.numbers import PrintedNumber
from schemas.final_accounts import Publication


class Params(RuleParams):
    rounding_units: Decimal  # a stated rate agrees within this many units of its last printed digit


def _share_parts(pub: Publication, fig: NarrativeFigure) -> tuple[NarrativeFigure | None, PrintedNumber | None, Evidence | None]:
    part = stated_before(pub, fig, fig.subject, ("决算", "预算"), fig.code)
    if fig.base is None:
        return part, None, None
    whole = stated_before(pub, fig, fig.base, ("决算", "预算"))
    if whole is not None and (part is None or whole is not part):
        return part, whole.value, sentence_evidence(whole, f"情况说明：{whole.label or whole.subject}")
    probe = NarrativeFigure(text="", fragment="", value=fig.value, kind="amount", subject=fig.base,
                            measure="决算", ref=fig.ref)
    found = table_figure(pub, probe)
    if found:
        table, ln, header = found
        return part, ln.values[header], number_evidence(cell_label(table, ln, header), ln.values[header])
    return part, None, None


@rule("NAR002", "narrative_percentage_mismatch", severity="error", params=Params)
def narrative_percentage_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated share, completion rate or growth rate does not follow from the stated amounts."""
    p: Params = ctx.args
    units = p.rounding_units
    for pub in publications(ctx):
        for fig in pub.narrative:
            if fig.measure == "占比":
                yield from _check_share(ctx, pub, fig, units)
            elif fig.measure == "完成率":
                yield from _check_completion(ctx, pub, fig, units)
            elif fig.measure == "变动率":
                yield from _check_growth(ctx, pub, fig, units)


def _check_share(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    part, whole, whole_ev = _share_parts(pub, fig)
    if part is None or whole is None or whole.value <= 0 or whole_ev is None:
        return
    if rate_matches(fig.value, part.value, whole, units):
        return
    computed = part.value.value / whole.value * HUNDRED
    evidence = [sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}占比"),
                sentence_evidence(part, f"情况说明：{part.label or part.subject}"), whole_ev]
    yield ctx.finding(
        subject(pub, fig, "占比"), evidence,
        details={"reported": str(fig.value.value), "computed": str(computed)},
        **fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}占{fig.base}的比例",
        reported=rate_text(fig.value), formula=_quotient(part.value, whole),
        computed=_round2(computed))


def _quotient(numerator: PrintedNumber, denominator: PrintedNumber) -> str:
    """`a万元÷b万元` (or in 元, when both were printed in 元) for a message's formula."""
    mu = message_unit([numerator, denominator])
    return f"{mu.amount(numerator)}{mu.unit}÷{mu.amount(denominator)}{mu.unit}"


def _round2(value: Decimal) -> str:
    return format(round_half_up(value, 2), "f")


def _check_completion(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    actual = stated_before(pub, fig, fig.subject, ("决算",), fig.code, same_sentence=True) \
        or stated_before(pub, fig, fig.subject, ("决算",), fig.code)
    if actual is None:
        return
    stated = {m: stated_before(pub, fig, fig.subject, (m,), fig.code, same_sentence=True) for m in BUDGETS}
    if fig.base in stated and stated[fig.base] is not None:
        budget_fig = stated[fig.base]
    elif fig.base == "预算":
        budget_fig = stated["全年预算"] or stated["年初预算"]
    else:
        budget_fig = None
    budget_ev: Evidence | None = None
    if budget_fig is not None:
        budget, budget_ev = budget_fig.value, sentence_evidence(budget_fig, f"情况说明：{what(budget_fig)}")
    else:
        found = sangong(pub, fig.subject, budget=True) if fig.subject in SANGONG else None
        if not found:
            return
        table, ln, header = found
        budget, budget_ev = ln.values[header], number_evidence(cell_label(table, ln, header), ln.values[header])
    base_word = f"{fig.base}数" if fig.base else "预算数"
    evidence = [sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}完成率"),
                sentence_evidence(actual, f"情况说明：{what(actual)}"), budget_ev]
    if budget.value - budget.half_unit <= 0:
        if actual.value.value == 0 and fig.value.value == 0:
            return  # nothing budgeted, nothing spent: “0%” is the customary wording
        alt = _alternative(fig, actual, stated, units)
        alt_figure = alt.pop("figure") if alt else None  # a NarrativeFigure, for the message only
        mu = message_unit([budget, actual.value, *([alt_figure.value] if alt_figure else [])])
        yield ctx.finding(
            subject(pub, fig, "完成率"), evidence,
            details={"reported": str(fig.value.value), "budget": str(budget.value), "alternative": alt},
            template="message_zero_base" if not alt else "message_zero_base_alt",
            **fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}完成{base_word}的比例",
            reported=rate_text(fig.value), base=base_word, budget=mu.amount(budget),
            actual=mu.amount(actual.value), alt_base=(alt or {}).get("base", ""),
            alt_budget=mu.amount(alt_figure.value) if alt_figure else "",
            alt_computed=(alt or {}).get("computed", ""), amount_unit=mu.unit)
        return
    if rate_matches(fig.value, actual.value, budget, units):
        return
    computed = actual.value.value / budget.value * HUNDRED
    alt = _alternative(fig, actual, {k: v for k, v in stated.items() if v is not budget_fig}, units)
    if alt:
        alt.pop("figure")
    yield ctx.finding(
        subject(pub, fig, "完成率"), evidence,
        details={"reported": str(fig.value.value), "computed": str(computed), "alternative": alt},
        **fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}完成{base_word}的比例",
        reported=rate_text(fig.value), formula=_quotient(actual.value, budget),
        computed=_round2(computed))


def _alternative(fig: NarrativeFigure, actual: NarrativeFigure, stated: dict, units) -> dict | None:
    """Another budget stated in the sentence that the reported rate does agree with."""
    for measure, other in stated.items():
        if other is None or other.value.value <= 0 or measure == fig.base:
            continue
        if rate_matches(fig.value, actual.value, other.value, units):
            return {"base": f"{measure}数", "budget": amount_text(other.value),
                    "computed": _round2(actual.value.value / other.value.value * HUNDRED), "figure": other}
    return None


def _check_growth(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    change = next((f for f in reversed(before(pub, fig)) if f.measure == "变动额" and f.text == fig.text
                   and same(f, fig.subject, fig.code)), None)
    current = stated_before(pub, fig, fig.subject, ("决算", "预算"), fig.code)
    if change is None or current is None:
        return
    sign = Decimal(1) if change.comparison in ("增加", "增长", "上升") else Decimal(-1)
    prior = current.value.value - sign * change.value.value
    slack = current.value.half_unit + change.value.half_unit
    if prior - slack <= 0:
        return  # no base last year (a unit founded this year): a growth rate cannot be computed
    low_change = max(change.value.value - change.value.half_unit, Decimal(0))
    high_change = change.value.value + change.value.half_unit
    low, high = low_change / (prior + slack) * HUNDRED, high_change / (prior - slack) * HUNDRED
    reported = fig.value.value
    distance = low - reported if reported < low else (reported - high if reported > high else Decimal(0))
    if distance < fig.value.resolution * Decimal(units):
        return
    computed = change.value.value / prior * HUNDRED
    evidence = [sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}变动率"),
                sentence_evidence(change, f"情况说明：{fig.label or fig.subject}变动额"),
                sentence_evidence(current, f"情况说明：{what(current)}")]
    mu = message_unit([change.value, current.value])
    prior_text = mu.value(prior) if mu.unit == "元" else plain(prior)
    yield ctx.finding(
        subject(pub, fig, "变动率"), evidence,
        details={"reported": str(reported), "computed": str(computed), "prior": str(prior)},
        **fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}{fig.comparison}率",
        reported=rate_text(fig.value),
        formula=f"{mu.amount(change.value)}{mu.unit}÷上年{prior_text}{mu.unit}（{mu.amount(current.value)}{mu.unit}"
                f"{'－' if sign > 0 else '＋'}{mu.amount(change.value)}{mu.unit}）",
        computed=_round2(computed))
