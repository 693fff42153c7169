"""MON001 execution_rate_mismatch: a reported 执行率 that 执行数 ÷ 全年预算数 does not give.

Finds: a line whose reported 执行率 differs from its 执行数 ÷ 全年预算数 by more than the print
precision allows (half a unit of the rate's last printed digit × `rounding_units`, and the
amounts' own rounding). When the reported rate equals another plausible quotient (the line's
年初预算数, another line's 全年预算数 or 执行数), the message says which: the filer took the wrong
figure.
Why it matters: the execution rate is what the evaluation scores and what the progress rules
compare with the time progress; a wrong rate misleads the reader and hides a slow line.
Example: 基本支出 执行率填报 43.75%, 执行数 509.47 ÷ 全年预算数 1030.25 = 49.45%; 43.75% is
509.47 ÷ 合计's 全年预算数 1164.62, so the message says the denominator was taken from 合计.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, exact_text, message_unit, number_evidence, rate_text
from checks.common.monitoring import column_label, rate_inputs, report_fmt, report_subject, reports, role
from checks.common.params import RuleParams
from checks.common.tolerance import computed_rate, definitely_different, rate_interval, rate_matches, round_half_up
from schemas.findings import Finding
from schemas.monitoring import COLUMN_NAMES, MonitoringLine, MonitoringReport
from schemas.numbers import PrintedNumber


class Params(RuleParams):
    rounding_units: Decimal  # how many units of the rate's last printed digit a rate may be off


def _rate_candidates(
    report: MonitoringReport, line: MonitoringLine
) -> Iterator[tuple[str, str, str, PrintedNumber, PrintedNumber, PrintedNumber]]:
    """Other numerator/denominator pairs a filer may have used, most likely first.

    Yields (kind, other line, other column, numerator, denominator, the substituted figure).
    """
    executed, budget = line.executed, line.annual_budget
    assert executed is not None and budget is not None
    initial = line.initial_budget
    if initial is not None and initial.value > 0 and definitely_different(initial, budget):
        yield "denominator", line.name, "initial_budget", executed, initial, initial
    for other in report.lines:
        ob = other.annual_budget
        if other is line or ob is None or ob.value <= 0 or not definitely_different(ob, budget):
            continue
        yield "denominator", other.name, "annual_budget", executed, ob, ob
    for other in report.lines:
        oe = other.executed
        if other is line or oe is None or not definitely_different(oe, executed):
            continue
        yield "numerator", other.name, "executed", oe, budget, oe


@rule("MON001", "execution_rate_mismatch", severity="error", params=Params)
def execution_rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Reported 执行率 differs from 执行数 ÷ 全年预算数 beyond print precision."""
    p: Params = ctx.args
    for report in reports(ctx):
        for line in report.lines:
            inputs = rate_inputs(line)
            reported = line.reported_rate
            if inputs is None or reported is None:
                continue
            executed, budget = inputs
            if rate_matches(reported, executed, budget, p.rounding_units):
                continue
            rate = computed_rate(executed, budget)
            interval = rate_interval(executed, budget)
            assert rate is not None and interval is not None
            evidence = [
                number_evidence(role(report, "reported_rate", line.name), reported),
                number_evidence(role(report, "executed", line.name), executed),
                number_evidence(role(report, "annual_budget", line.name), budget),
            ]
            computed = format(round_half_up(rate, reported.decimals), "f")
            details = {
                "reported": rate_text(reported),
                "computed": computed,
                "computed_exact": exact_text(rate),
                "computed_low": exact_text(interval[0]),
                "computed_high": exact_text(interval[1]),
                "tolerance": format(reported.resolution * p.rounding_units, "f"),
                "executed": amount_text(executed),
                "annual_budget": amount_text(budget),
            }
            mu = message_unit([executed, budget])
            fmt = {
                **report_fmt(ctx, report),
                "line": line.name,
                "reported": rate_text(reported),
                "executed": mu.amount(executed),
                "budget": mu.amount(budget),
                "amount_unit": mu.unit,
                "computed": computed,
            }
            template = "message"
            match = next(
                (c for c in _rate_candidates(report, line) if rate_matches(reported, c[3], c[4], p.rounding_units)),
                None,
            )
            if match is not None:
                kind, other, column, numerator, denominator, figure = match
                alt_rate = computed_rate(numerator, denominator)
                assert alt_rate is not None
                alt_computed = format(round_half_up(alt_rate, reported.decimals), "f")
                evidence.append(number_evidence(role(report, column, other), figure))
                details.update(
                    {
                        f"matched_{kind}": f"{column_label(report, column)}（{other}）",
                        "matched_line": other,
                        "matched_column": COLUMN_NAMES[column],
                        "matched_value": amount_text(figure),
                        "matched_rate": alt_computed,
                    }
                )
                mu = message_unit([executed, budget, figure])
                fmt.update(
                    executed=mu.amount(executed),
                    budget=mu.amount(budget),
                    amount_unit=mu.unit,
                    alt_line=other,
                    alt_column=column_label(report, column),
                    alt_amount=mu.amount(figure),
                    alt_computed=alt_computed,
                )
                template = f"message_{kind}"
            yield ctx.finding(
                report_subject(report, line.name, COLUMN_NAMES["reported_rate"]),
                evidence,
                details,
                template=template,
                **fmt,
            )
