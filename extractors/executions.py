"""The year's execution rate of every line of a publication whose budget is known.

Two sources: table lines that print a budget column next to a 决算 column with the same header
path (e.g. `公务接待费/预算数` and `公务接待费/决算数`), and narrative sentences that state a budget
and a 决算 for the same subject (“行政运行年初预算为1560.05万元，支出决算为1511.89万元”).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from schemas.final_accounts import LineExecution, PublicationTable
from schemas.narrative import NarrativeFigure

BUDGET_MEASURES = ("年初预算", "全年预算", "预算")
_TOTAL_SEGMENTS = {"合计", "小计", "总计"}


def rate(actual: Decimal, budget: Decimal) -> str | None:
    if budget == 0:
        return None
    return format((actual / budget * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")


def from_tables(tables: list[PublicationTable]) -> list[LineExecution]:
    out = []
    for table in tables:
        for line in table.lines:
            for key, budget in line.values.items():
                kind = next((m for m in BUDGET_MEASURES if key.endswith(m + "数")), None)
                if kind is None:
                    continue
                prefix = key[: -len(kind + "数")]
                actual = line.values.get(prefix + "决算数")
                if actual is None:
                    continue
                out.append(LineExecution(
                    subject=_subject(prefix, line.name), code=line.code, budget_kind=kind,  # type: ignore[arg-type]
                    budget=budget, actual=actual, rate=rate(actual.value, budget.value), source="table",
                ))
    return out


def _subject(prefix: str, name: str | None) -> str:
    """`财政拨款“三公”经费/公务接待费/` → 公务接待费; a 合计 column is named after its group."""
    parts = [p for p in prefix.split("/") if p]
    while parts and parts[-1] in _TOTAL_SEGMENTS and len(parts) > 1:
        parts.pop()
    return name or (parts[-1] if parts else "")


def from_narrative(figures: list[NarrativeFigure]) -> list[LineExecution]:
    groups: dict[tuple[str, str, str | None], dict[str, NarrativeFigure]] = {}
    for f in figures:
        if f.kind == "amount" or f.measure == "完成率":
            groups.setdefault((f.text, f.subject, f.code), {}).setdefault(f.measure, f)
    out = []
    for (text, subject, code), figs in groups.items():
        kind = next((m for m in BUDGET_MEASURES if m in figs), None)
        actual = figs.get("决算")
        if kind is None or actual is None:
            continue
        budget = figs[kind]
        stated = figs.get("完成率")
        out.append(LineExecution(
            subject=subject, code=code, budget_kind=kind,  # type: ignore[arg-type]
            budget=budget.value, actual=actual.value, rate=rate(actual.value.value, budget.value.value),
            stated_rate=stated.value if stated else None, source="narrative", text=text,
        ))
    return out


def line_executions(tables: list[PublicationTable], figures: list[NarrativeFigure]) -> list[LineExecution]:
    return from_tables(tables) + from_narrative(figures)
