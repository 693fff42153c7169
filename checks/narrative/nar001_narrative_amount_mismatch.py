"""NAR001 narrative_amount_mismatch: an amount the narrative states that the table prints otherwise.

Finds: each amount figure of a publication's narrative (情况说明) that a table prints
(`checks.common.narrative.table_figure`: 收入支出总计, 本年收入合计, the 收入 and 支出 columns of the
total rows, a 功能分类 code, 人员经费 / 公用经费, the 三公 figures …) and that differs from the
table's cell beyond the print precision of both (6.2 for a table's 6.20 is not an error).
Why it matters: readers quote the narrative, not the tables; a narrative amount that the tables
contradict misinforms them, and one of the two is wrong.
Example: 情况说明 “2024年度收入支出决算总计2995.39万元”, but 《收入支出决算总表》“总计” 决算数
2985.39 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import message_unit, number_evidence
from checks.common.narrative import cell_label, fmt, publications, sentence_evidence, subject, table_figure, what
from checks.common.params import NoParams
from checks.common.tolerance import definitely_different
from schemas.findings import Finding


@rule("NAR001", "narrative_amount_mismatch", severity="error", params=NoParams)
def narrative_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An amount stated in the narrative differs from the table's beyond print precision."""
    for pub in publications(ctx):
        for fig in pub.narrative:
            found = table_figure(pub, fig)
            if not found:
                continue
            table, ln, header = found
            cell = ln.values[header]
            if not definitely_different(fig.value, cell):
                continue
            evidence = [sentence_evidence(fig, f"情况说明：{what(fig)}"),
                        number_evidence(cell_label(table, ln, header), cell)]
            mu = message_unit([fig.value, cell])
            yield ctx.finding(
                subject(pub, fig, fig.measure), evidence,
                details={"narrative": str(fig.value.value), "table": str(cell.value),
                         "difference": str(fig.value.value - cell.value)},
                **fmt(pub), sentence=fig.text, what=what(fig), narrative=mu.amount(fig.value),
                cell=cell_label(table, ln, header), table_value=mu.amount(cell),
                difference=mu.value(abs(fig.value.value - cell.value)), amount_unit=mu.unit)
