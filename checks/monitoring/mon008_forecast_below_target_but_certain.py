"""MON008 forecast_below_target_but_certain: an indicator forecast short of its target, called certain.

Finds: a performance indicator whose 全年预计完成值 falls short of its 年度指标值 (by the
indicator's operator: ≥, ≤, =) while 完成目标可能性 states certainty (`certain_phrases`, 确定能),
not as part of a negation (`negations`: 不确定能否).
Why it matters: the table contradicts itself; either the forecast or the likelihood is wrong,
and the evaluator should not accept a target as safe that the filer's own figures miss.
Example: 年度指标值 ≥95%, 全年预计完成值 90%, 完成目标可能性 “确定能”.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_evidence, indicator_names, text_evidence
from checks.common.monitoring import report_fmt, report_subject, reports
from checks.common.params import RuleParams
from checks.common.tolerance import falls_short
from schemas.findings import Finding
from textnorm.text import fold


class Params(RuleParams):
    certain_phrases: list[str]  # wording of 完成目标可能性 that states certainty
    negations: list[str]  # a certainty phrase right after one of these is negated


def says_certain(text: str, phrases: Iterable[str], negations: Iterable[str]) -> bool:
    """The likelihood text states certainty (确定能), and not as part of a negation (不确定能否)."""
    t = fold(text)
    negations = [fold(n) for n in negations if n]
    for phrase in (fold(x) for x in phrases):
        start = t.find(phrase) if phrase else -1
        while start != -1:
            if not any(t[:start].endswith(n) for n in negations):
                return True
            start = t.find(phrase, start + 1)
    return False


@rule("MON008", "forecast_below_target_but_certain", severity="warning", params=Params)
def forecast_below_target_but_certain(ctx: RuleContext) -> Iterator[Finding]:
    """全年预计完成值 falls short of 年度指标值 while 完成目标可能性 says 确定能."""
    p: Params = ctx.args
    for report in reports(ctx):
        for name, ind in zip(indicator_names(report.indicators), report.indicators):
            if ind.likelihood is None or not says_certain(ind.likelihood.text, p.certain_phrases, p.negations):
                continue
            if not falls_short(ind.target, ind.forecast):
                continue
            assert ind.target is not None and ind.forecast is not None
            evidence = [
                indicator_evidence(f"年度指标值（{name}）", ind.target, ind.ref),
                indicator_evidence(f"全年预计完成值（{name}）", ind.forecast, ind.ref),
                text_evidence(f"完成目标可能性（{name}）", ind.likelihood),
            ]
            details = {
                "target": ind.target.raw,
                "target_operator": ind.target.operator or "",
                "target_number": format(ind.target.number, "f"),
                "forecast": ind.forecast.raw,
                "forecast_number": format(ind.forecast.number, "f"),
                "likelihood": ind.likelihood.text,
            }
            yield ctx.finding(
                report_subject(report, name, "全年预计完成值"),
                evidence,
                details,
                **report_fmt(ctx, report),
                indicator=name,
                target=ind.target.raw,
                forecast=ind.forecast.raw,
                likelihood=ind.likelihood.text,
            )
