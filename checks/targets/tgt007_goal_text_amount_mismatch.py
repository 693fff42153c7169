"""TGT007 goal_text_amount_mismatch: the 年度总体目标 quotes a budget the table does not have.

Finds: an amount (…万元 / …元, read in 万元) in the 年度总体目标 text with one of `budget_words`
within `window_before` characters before it or `window_after` after it in the same sentence,
that equals none of the table's figures (资金总额, 金额合计, 财政拨款, 其他资金, each task amount)
beyond rounding. The message quotes the clause around the amount.
Why it matters: a goal text copied from another year or another budget states a spending the
table does not plan; the evaluator reads it as a target that does not match the money.
Example: 南街 2024 goal “支出不超过预算1286.43万元” while 资金总额 is 1164.62 万元 (the 2023 figure).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_decimals, amount_text, format_amount, message_unit, number_evidence
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, subject, tables
from checks.common.tolerance import definitely_different
from textnorm.numbers import amount as parse_amount
from schemas.findings import Evidence, Finding


class Params(RuleParams):
    budget_words: list[str]  # an amount with one of these near it is quoted as the budget
    window_before: int  # characters before the amount searched for a budget word
    window_after: int  # characters after it


# An amount in running text: full-width digits count (\d is Unicode), a thousands separator only
# before exactly three digits, the unit right after (spaces allowed).
_TEXT_AMOUNT = re.compile(r"\d+(?:[,，]\d{3}(?!\d))*(?:[.．]\d+)?\s*(?:万元|元)")
_SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:"


def quoted_amounts(text: str, budget_words: Sequence[str], before: int, after: int
                   ) -> Iterator[tuple[str, str, int]]:
    """(amount as written, the clause around it, its offset) for each amount with a budget word
    within `before` characters ahead of it or `after` characters behind it in the same sentence."""
    for m in _TEXT_AMOUNT.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "0123456789.．":
            continue
        sentence_start = max((text.rfind(c, 0, m.start()) for c in _SENTENCE_END), default=-1) + 1
        sentence_end = min((i for i in (text.find(c, m.end()) for c in _SENTENCE_END) if i != -1),
                           default=len(text))
        lead = text[max(sentence_start, m.start() - before):m.start()]
        tail = text[m.end():min(sentence_end, m.end() + after)]
        hits = [lead.rfind(w) for w in budget_words if w and w in lead]
        if not hits and not any(w and w in tail for w in budget_words):
            continue
        clause_start = max((text.rfind(c, 0, m.start()) for c in _CLAUSE_END), default=-1) + 1
        if hits:  # the nearest budget word may sit in a clause before: quote from that clause
            word_at = m.start() - len(lead) + max(hits)
            if word_at < clause_start:
                clause_start = max((text.rfind(c, 0, word_at) for c in _CLAUSE_END), default=-1) + 1
        clause_end = min((i for i in (text.find(c, m.end()) for c in _CLAUSE_END) if i != -1),
                         default=len(text))
        yield m.group(0), text[clause_start:clause_end].strip(), m.start()


@rule("TGT007", "goal_text_amount_mismatch", severity="error", params=Params)
def goal_text_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An amount the 年度总体目标 quotes as the budget differs from the table's 资金总额."""
    p: Params = ctx.args
    words = p.budget_words
    before = p.window_before
    after = p.window_after
    for table in tables(ctx):
        goal, budget = table.goal_text, table.budget_total
        if goal is None or budget is None or budget.blank:
            continue
        # Figures the text may legitimately quote: the total, its sources and each task.
        known = [pn for pn in (budget, table.tasks_total, table.budget_fiscal, table.budget_other)
                 if pn is not None and not pn.blank]
        known += [t.amount for t in table.tasks if t.amount is not None and not t.amount.blank]
        count = 0
        for raw, fragment, _offset in quoted_amounts(goal.text, words, before, after):
            quoted_pn = parse_amount(raw, goal.ref, None)
            if not any(not definitely_different(quoted_pn, pn) for pn in known):
                count += 1
                decimals = max(amount_decimals(quoted_pn), amount_decimals(budget))
                difference = quoted_pn.value - budget.value
                mu = message_unit([quoted_pn, budget])
                evidence = [
                    Evidence(role="年度总体目标", raw=fragment, value=quoted_pn.value,
                             ref=goal.ref.with_label()),
                    number_evidence("资金总额", budget),
                ]
                details = {"fragment": fragment, "quoted": amount_text(quoted_pn),
                           "budget_total": amount_text(budget),
                           "difference": format_amount(difference, decimals)}
                line = "年度总体目标" if count == 1 else f"年度总体目标（第{count}处）"
                yield ctx.finding(
                    subject(table, line, "资金总额"),
                    evidence,
                    details,
                    **base_fmt(ctx, table),
                    fragment=fragment,
                    quoted=mu.amount(quoted_pn),
                    budget=mu.amount(budget),
                    difference=mu.value(abs(difference)),
                    amount_unit=mu.unit,
                )
