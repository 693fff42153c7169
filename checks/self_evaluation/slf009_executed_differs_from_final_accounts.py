"""SLF009 executed_differs_from_final_accounts: a 全年执行数 that the year's 部门决算 does not confirm.

Finds: for a unit-wide self-evaluation and a 部门决算 (not a template) of the same unit and year in
the submission, the 资金总额 / 合计 line's 全年执行数 against the final accounts' executed total: in the
first of `final_tables` (支出决算表) found, the line named one of `final_lines`, in the first of
`final_columns` it prints (all funds, as the self-evaluation's total); reported when the two
differ beyond rounding.
Why it matters: the self-evaluation's execution rate and 预算执行 points rest on the 全年执行数; the
部门决算 is the audited figure, so a different amount means the self-evaluation grades spending that
did not happen (or leaves some out).
Example: 自评表 年度资金总额 全年执行数 1164.62 万元, the 支出决算表“合计”本年支出合计 1150.20 万元.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.evidence import amount_text, message_unit, number_evidence
from checks.common.links import same_unit
from checks.common.params import RuleParams
from checks.common.self_evaluation import (
    TOTAL_LINE,
    form_fields as _fmt,
    self_evaluations as _records,
    subject as _subject,
)
from checks.common.tolerance import definitely_different
from textnorm.text import fold
from schemas.final_accounts import Publication
from schemas.findings import Finding
from schemas.numbers import PrintedNumber
from schemas.self_evaluation import SelfEvalLine


class Params(RuleParams):
    final_tables: list[str]  # the final-accounts tables to read, first found wins
    final_lines: list[str]  # the total line's names (its folded key)
    final_columns: list[str]  # the executed-total columns, first printed wins


def _final_executed(pub: Publication, params: Params) -> tuple[PrintedNumber, str] | None:
    """The year's executed total of a final-accounts publication: the 合计 line of its 支出决算表
    (all funds, not only 财政拨款), in the first configured column (本年支出合计 …)."""
    tables = [fold(t) for t in params.final_tables]
    lines = [fold(x) for x in params.final_lines]
    columns = [fold(x) for x in params.final_columns]
    for key in tables:
        table = next((t for t in pub.tables if fold(t.key) == key), None)
        if table is None:
            continue
        for line in table.lines:
            if line.key not in lines:
                continue
            for col in columns:
                for header, value in line.values.items():
                    if fold(header).split("/")[-1] == col:
                        return value, f"{table.key}“{line.name}”{header}"
    return None


@rule("SLF009", "executed_differs_from_final_accounts", severity="error", params=Params)
def executed_differs_from_final_accounts(ctx: RuleContext) -> Iterator[Finding]:
    """全年执行数 of a unit-wide self-evaluation ≠ the final accounts' executed total."""
    params: Params = ctx.args
    pubs = [p for p in ctx.records_of(Publication) if p.kind == "决算" and not p.template]
    for rec in _records(ctx):
        line: SelfEvalLine | None = rec.line(TOTAL_LINE) or rec.line("合计")
        if rec.kind != "unit" or line is None or line.executed is None:
            continue
        for pub in pubs:
            if pub.year != rec.year or not same_unit(pub.unit.value, rec.unit.value):
                continue
            found = _final_executed(pub, params)
            if found is None:
                continue
            final, subject = found
            if not definitely_different(line.executed, final):
                continue
            evidence = [number_evidence(f"全年执行数（{line.name}）", line.executed),
                        number_evidence(f"决算（{subject}）", final)]
            diff = line.executed.value - final.value
            mu = message_unit([line.executed, final])
            yield ctx.finding(_subject(rec, line.name, "全年执行数"), evidence,
                              {"executed": amount_text(line.executed), "final": amount_text(final),
                               "difference": format(diff, "f"), "final_file": pub.file_name},
                              **_fmt(ctx, rec), line=line.name, executed=mu.amount(line.executed),
                              final=mu.amount(final), amount_unit=mu.unit, final_line=subject,
                              final_file=pub.file_name)
