"""Expected records of the 绩效自评表 fixtures, derived from their data (selfeval_data.py).

Amounts are decimal strings in 万元 (a table printed in 元 is divided by 10 000), rates in percent,
points as printed; null where the table prints nothing. Values never come from the parser.
"""

from __future__ import annotations

from decimal import Decimal

from fixturegen.selfeval_data import Ind, Line, Table

OPERATORS = {"≥", "≤", ">", "<", "="}
BLANK = {"", "—", "-"}


def _amount(text: str, unit: str) -> str:
    if text in BLANK:
        return "0"
    value = Decimal(text.replace(",", ""))
    return str(value / 10000 if unit == "元" else value)


def _points(text: str) -> str | None:
    return None if text in BLANK else text


def _rate(text: str) -> str | None:
    return None if text in BLANK else text.rstrip("%")


def _line(ln: Line, unit: str) -> dict:
    return {"name": ln.name, "initial_budget": _amount(ln.initial, unit), "annual_budget": _amount(ln.annual, unit),
            "executed": _amount(ln.executed, unit), "max_score": _points(ln.max_score),
            "reported_rate": _rate(ln.rate), "score": _points(ln.score)}


def _value(raw: str, parsed: tuple) -> dict | None:
    if raw in BLANK:
        return None
    op, number, unit = parsed
    return {"raw": raw, "operator": op, "number": number, "unit": unit}


def _target_raw(ind: Ind) -> str:
    if ind.target:
        return ind.target
    op = ind.op if ind.op in OPERATORS else ""
    unit = "" if ind.unit in BLANK else ind.unit
    return f"{op}{ind.value}{unit}"


def _actual_raw(ind: Ind) -> str:
    if ind.target or ind.actual in BLANK or ind.unit in BLANK:
        return ind.actual
    try:
        Decimal(ind.actual)
    except ArithmeticError:
        return ind.actual
    return ind.actual + ind.unit


def _indicator(ind: Ind) -> dict:
    return {"level1": ind.level1, "level1_points": ind.level1_points, "level2": ind.level2, "level3": ind.level3,
            "target": _value(_target_raw(ind), ind.target_parsed), "actual": _value(_actual_raw(ind), ind.actual_parsed),
            "max_score": _points(ind.max_score), "score": _points(ind.score),
            "reason": ind.reason, "measure": ind.measure}


def expected_record(t: Table) -> dict:
    return {
        "kind": t.kind, "unit": t.unit, "year": t.year, "project": t.project, "department": t.department,
        "implementing_unit": t.implementing_unit, "amount_unit": t.amount_unit,
        "lines": [_line(ln, t.amount_unit) for ln in t.lines],
        "goal_expected": t.goal_expected or None, "goal_actual": t.goal_actual or None,
        "indicators": [_indicator(i) for i in t.indicators],
        "total_max": _points(t.total_max), "total_score": _points(t.total_score),
    }


def expected_file(t: Table) -> dict:
    fmt = t.file_name.rsplit(".", 1)[1]
    return {"file": t.file_name, "format": fmt, "kind": "self_evaluation",
            "records": [expected_record(x) for x in t.tables],
            "findings": [{"rule_id": r, "line": line, "column": col} for x in t.tables for r, line, col in x.findings]}


def findings_entries(t: Table) -> list[dict]:
    """Entries for fixtures/expected/<submission>/findings-self-eval.json (findings.json's shape)."""
    return [{"rule_id": r, "unit": t.unit, "period_months": None, "year": t.year, "project": t.project or "",
             "line": line, "column": col} for r, line, col in t.findings]
