"""TGT006 task_amounts_mismatch: the table's amounts do not add up.

Finds: three sums, each beyond rounding (half a unit of the last printed digit per figure,
× `tolerance_scale`): Σ 任务预算金额 ≠ 金额合计 (only when every task has an amount); the task
block (金额合计, else Σ tasks) ≠ 资金总额 (an empty 资金总额 is not compared); 资金总额 ≠
财政拨款 + 其他资金.
Why it matters: the task amounts show what the budget is spent on; if they do not make the total,
either a task is missing or a figure is mistyped, and the targets do not match the money.
Example: 金额合计 1164.65 万元, but 958.63 + 71.62 + 134.37 = 1164.62 万元 (相差 0.03 > 0.02).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, Callable

from checks.catalogue import RuleContext, rule
from checks.common.evidence import MessageUnit, amount_decimals, amount_text, format_amount, message_unit, number_evidence
from checks.common.params import RuleParams
from checks.common.targets import base_fmt, subject, tables
from checks.common.tolerance import definitely_different, sum_mismatch
from schemas.findings import Evidence, Finding
from schemas.numbers import PrintedNumber
from schemas.targets import TargetTable


class Params(RuleParams):
    tolerance_scale: Decimal  # × the rounding allowance (half-units of the total and its parts)


@rule("TGT006", "task_amounts_mismatch", severity="error", params=Params)
def task_amounts_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Σ 任务预算金额 ≠ 金额合计; 金额合计 ≠ 资金总额; 资金总额 ≠ 财政拨款 + 其他资金."""
    p: Params = ctx.args
    scale = p.tolerance_scale
    for table in tables(ctx):
        fmt = base_fmt(ctx, table)
        # Σ checks need every task's amount (a blank amount is an exact zero, a missing one unknown).
        tasks = [(t.name, t.amount) for t in table.tasks if t.amount is not None]
        if len(tasks) != len(table.tasks):
            tasks = []
        task_evs = [number_evidence(f"预算金额（{name}）", pn) for name, pn in tasks]
        task_amounts = [pn for _, pn in tasks]
        def parts_text(mu: MessageUnit) -> str:
            return "＋".join(f"“{name}”{mu.amount(pn)}{mu.unit}" for name, pn in tasks)

        # Σ tasks vs the task block's 金额合计
        if table.tasks_total is not None and tasks:
            mismatch = sum_mismatch(table.tasks_total, task_amounts, scale)
            if mismatch is not None:
                yield _sum_finding(ctx, table, fmt, "message", "金额合计", "任务预算金额",
                                   table.tasks_total, task_amounts,
                                   [number_evidence("金额合计", table.tasks_total), *task_evs],
                                   mismatch, parts_text)

        # the task block vs the budget block's 资金总额
        budget = table.budget_total
        if budget is not None and budget.blank:  # 资金总额 left empty: nothing to compare with
            budget = None
        if budget is not None and (table.tasks_total is not None or tasks):
            if table.tasks_total is not None:
                if definitely_different(table.tasks_total, budget):
                    total = table.tasks_total
                    decimals = max(amount_decimals(total), amount_decimals(budget))
                    difference = budget.value - total.value
                    mu = message_unit([budget, total])
                    evidence = [number_evidence("资金总额", budget), number_evidence("金额合计", total)]
                    yield ctx.finding(
                        subject(table, "资金总额", "金额合计"),
                        evidence,
                        {"budget_total": amount_text(budget), "tasks_total": amount_text(total),
                         "difference": format_amount(difference, decimals)},
                        template="message_budget",
                        **fmt,
                        budget=mu.amount(budget),
                        tasks=f"年度主要任务金额合计{mu.amount(total)}{mu.unit}",
                        difference=mu.value(difference),
                        amount_unit=mu.unit,
                    )
            else:
                mismatch = sum_mismatch(budget, task_amounts, scale)
                if mismatch is not None:
                    computed, difference, _tol = mismatch
                    decimals = max(amount_decimals(x) for x in [budget, *task_amounts])
                    mu = message_unit([budget, *task_amounts], [computed])
                    evidence = [number_evidence("资金总额", budget), *task_evs]
                    yield ctx.finding(
                        subject(table, "资金总额", "金额合计"),
                        evidence,
                        {"budget_total": amount_text(budget), "tasks_sum": format_amount(computed, decimals),
                         "difference": format_amount(difference, decimals)},
                        template="message_budget",
                        **fmt,
                        budget=mu.amount(budget),
                        tasks=f"年度主要任务预算金额之和{mu.value(computed)}{mu.unit}",
                        difference=mu.value(difference),
                        amount_unit=mu.unit,
                    )

        # 资金总额 vs 财政拨款 + 其他资金
        if budget is not None and table.budget_fiscal is not None:
            named = [("财政拨款", table.budget_fiscal)]
            if table.budget_other is not None:
                named.append(("其他资金", table.budget_other))
            parts = [pn for _, pn in named]
            mismatch = sum_mismatch(budget, parts, scale)
            if mismatch is not None:
                yield _sum_finding(ctx, table, fmt, "message_funding", "资金总额", "财政拨款、其他资金",
                                   budget, parts,
                                   [number_evidence("资金总额", budget), *(number_evidence(n, pn) for n, pn in named)],
                                   mismatch, lambda mu: "＋".join(f"{n}{mu.amount(pn)}{mu.unit}" for n, pn in named))


def _sum_finding(ctx: RuleContext, table: TargetTable, fmt: dict[str, Any], template: str,
                 line: str, column: str, total: PrintedNumber, part_numbers: Sequence[PrintedNumber],
                 evidence: list[Evidence], mismatch: tuple[Decimal, Decimal, Decimal],
                 parts: Callable[[MessageUnit], str]) -> Finding:
    computed, difference, tolerance = mismatch
    decimals = max(amount_decimals(x) for x in [total, *part_numbers])
    mu = message_unit([total, *part_numbers], [computed])
    details = {
        "reported": amount_text(total),
        "computed": format_amount(computed, decimals),
        "difference": format_amount(difference, decimals),
        "tolerance": format(tolerance, "f"),
    }
    return ctx.finding(
        subject(table, line, column),
        evidence,
        details,
        template=template,
        **fmt,
        total=mu.amount(total),
        parts=parts(mu),
        computed=mu.value(computed),
        difference=mu.value(difference),
        tolerance=mu.tolerance(tolerance),
        amount_unit=mu.unit,
    )
