"""TGT001 quantitative_share_below_benchmark: too few quantitative 三级 indicators.

Finds: a 绩效目标表 whose share of quantitative 三级 indicators (a value with a number: ≥90%, 12次,
≤100%) is below `settings.quantitative_benchmark` (80 %). Exactly at the benchmark is not below.
The message lists every qualitative indicator with its value (or 未填).
Why it matters: the evaluation guidelines expect targets that can be measured; a table of
完整/健全/规范 cannot be scored at year end, and the evaluator criticises it first.
Example: 南街街道办事处 2024 部门整体支出绩效目标表: 17 三级指标, 6 quantitative = 35.29 % < 80 %.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.catalogue import RuleContext, rule
from checks.common.evidence import indicator_names, plain
from checks.common.params import NoParams
from checks.common.targets import base_fmt, subject, tables, value_ev
from checks.common.tolerance import HUNDRED, round_half_up
from schemas.findings import Finding


def _percent(part: int, total: int) -> Decimal:
    return Decimal(part) / Decimal(total) * HUNDRED


@rule("TGT001", "quantitative_share_below_benchmark", severity="warning", params=NoParams)
def quantitative_share_below_benchmark(ctx: RuleContext) -> Iterator[Finding]:
    """The share of quantitative 三级 indicators is below the configured benchmark (80%)."""
    benchmark = Decimal(str(ctx.settings.get("quantitative_benchmark", 80)))
    for table in tables(ctx):
        indicators = table.indicators
        if not indicators:
            continue
        quantitative = [i for i in indicators if i.value is not None and i.value.quantitative]
        share = _percent(len(quantitative), len(indicators))
        if share >= benchmark:
            continue
        names = indicator_names(indicators)
        evidence = [value_ev(ind, name) for ind, name in zip(indicators, names)]
        percent = format(round_half_up(share, 2), "f")
        details = {
            "total": len(indicators),
            "quantitative": len(quantitative),
            "percent": percent,
            "benchmark": plain(benchmark),
            "quantitative_indicators": [n for i, n in zip(indicators, names) if i in quantitative],
            "qualitative_indicators": [n for i, n in zip(indicators, names) if i not in quantitative],
        }
        qualitative = [
            f"{n}（{i.value.raw if i.value else '未填'}）"
            for i, n in zip(indicators, names) if i not in quantitative
        ]
        yield ctx.finding(
            subject(table, "", "指标值"),
            evidence,
            details,
            **base_fmt(ctx, table),
            total=len(indicators),
            quantitative=len(quantitative),
            qualitative=len(qualitative),
            qualitative_list="、".join(qualitative),
            percent=percent,
            benchmark=plain(benchmark),
        )
