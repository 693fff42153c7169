"""Expected records and findings, written from the generator's data (never from its outputs)."""

from __future__ import annotations

import re
from decimal import Decimal

from fixturegen.model import Doc, Report

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def to_wanyuan(value: Decimal, unit: str) -> str:
    """An amount as a decimal string in 万元 (元 ÷ 10000, exact)."""
    return str(value / Decimal(10000) if unit == "元" else value)


def _amount(rep: Report, line, key: str) -> str | None:
    if not rep.has_column(key):
        return None
    value = line.amount(key)
    return to_wanyuan(value if value is not None else Decimal(0), rep.amount_unit)


def report_record(rep: Report) -> dict:
    return {
        "kind": rep.kind,
        "unit": rep.unit,
        "year": rep.year,
        "period_months": rep.months,
        "project": rep.project,
        "amount_unit": rep.amount_unit,
        "lines": [
            {
                "name": ln.name,
                "initial_budget": _amount(rep, ln, "initial"),
                "annual_budget": _amount(rep, ln, "annual"),
                "executed": _amount(rep, ln, "executed"),
                "reported_rate": ln.printed_rate() if rep.has_column("rate") else None,
                "deviation_reason": collapse(ln.reason) if rep.has_column("reason") else "",
                "measure": collapse(ln.measure) if rep.has_column("measure") else "",
            }
            for ln in rep.lines
        ],
        "indicators": [
            {
                "level1": collapse(ind.level1),
                "level2": collapse(ind.level2),
                "level3": collapse(ind.level3),
                "target": collapse(ind.target),
                "actual": collapse(ind.actual),
                "forecast": collapse(ind.forecast),
                "likelihood": collapse(ind.likelihood),
                "deviation_reason": collapse(ind.reason),
            }
            for ind in rep.indicators
        ],
    }


def document_record(doc: Doc) -> dict:
    return {
        "file": doc.file_name,
        "format": doc.format,
        "kind": "monitoring",
        "reports": [report_record(rep) for rep in doc.reports],
    }


def declared_findings(docs: list[Doc]) -> list[dict]:
    """The findings the documents were built to produce, sorted."""
    out = []
    for doc in docs:
        for exp in doc.expect:
            rep = doc.reports[exp.report]
            out.append({
                "rule_id": exp.rule_id,
                "unit": rep.unit,
                "period_months": rep.months,
                "project": rep.project or "",
                "line": exp.line,
                "column": exp.column,
            })
    return sort_findings(out)


def sort_findings(findings: list[dict]) -> list[dict]:
    key = lambda f: (f["rule_id"], f["unit"], f["period_months"], f["project"], f["line"], f["column"])  # noqa: E731
    return sorted(findings, key=key)
