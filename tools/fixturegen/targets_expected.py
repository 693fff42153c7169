"""Expected records and findings of the target-table fixtures, written from the generator's data."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from fixturegen.expected import collapse, to_wanyuan
from fixturegen.targets_model import TDoc, TTable

# TGT002's vague words (the spec's list). The fixtures use each either as the whole value or not
# at all, so matching the whole value and matching a substring agree (checked in targets_render).
VAGUE_WORDS = ("规范", "健全", "完整", "满意", "较好", "良好", "提升", "有效提升", "达标", "明显", "显著", "逐步")
BENCHMARK = Decimal(80)


def _money(value: Decimal | None, unit: str) -> str | None:
    return None if value is None else to_wanyuan(value, unit)


def table_record(t: TTable) -> dict:
    return {
        "kind": t.kind,
        "unit": t.unit,
        "year": t.year,
        "project": t.project,
        "department": t.department,
        "implementing_unit": t.implementing_unit,
        "amount_unit": t.amount_unit,
        "budget_total": _money(t.budget_total, t.amount_unit),
        "budget_fiscal": _money(t.budget_fiscal, t.amount_unit),
        "budget_other": _money(t.budget_other, t.amount_unit),
        "tasks": [{"name": collapse(k.name), "content": collapse(k.content),
                   "amount": _money(k.amount, t.amount_unit)} for k in t.tasks],
        "tasks_total": _money(t.tasks_total, t.amount_unit),
        "goal_text": collapse(t.goal),
        "indicators": [
            {
                "level1": collapse(i.level1),
                "level2": collapse(i.level2),
                "level3": collapse(i.level3),
                "value": collapse(i.value.text),
                "operator": i.value.operator,
                "number": i.value.number,
                "unit": i.value.unit,
                "quantitative": i.value.quantitative,
            }
            for i in t.indicators
        ],
    }


def document_record(doc: TDoc) -> dict:
    return {"file": doc.file_name, "format": doc.format, "kind": "targets",
            "tables": [table_record(t) for t in doc.tables]}


def quantitative_share(t: TTable) -> Decimal:
    """Quantitative indicators ÷ all, in percent, two decimals (half-up)."""
    count = sum(i.value.quantitative for i in t.indicators)
    return (Decimal(count) * 100 / len(t.indicators)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _finding(rule: str, t: TTable, line: str, column: str) -> dict:
    return {"rule_id": rule, "unit": t.unit, "period_months": None, "year": t.year,
            "project": t.project or "", "line": line, "column": column}


def declared_findings(docs: list[TDoc]) -> list[dict]:
    """The findings the documents were built to produce: the planted ones, plus TGT001 for a
    table below the benchmark and TGT002 for every vague qualitative value."""
    out = []
    for doc in docs:
        for t in doc.tables:
            if quantitative_share(t) < BENCHMARK:
                out.append(_finding("TGT001", t, "", "指标值"))
            for i in t.indicators:
                if not i.value.quantitative and collapse(i.value.text) in VAGUE_WORDS:
                    out.append(_finding("TGT002", t, i.level3, "指标值"))
        for exp in doc.expect:
            out.append(_finding(exp.rule_id, doc.tables[exp.table], exp.line, exp.column))
    return sort_findings(out)


def sort_findings(findings: list[dict]) -> list[dict]:
    key = lambda f: (f["rule_id"], f["unit"], f["year"], f["project"], f["line"], f["column"])  # noqa: E731
    return sorted(findings, key=key)


def check_target_findings(docs: list[TDoc]) -> dict[str, list[dict]]:
    """Declared findings must equal what the oracle computes from the expected records."""
    from fixturegen import targets_oracle  # local: the oracle reads checks/rules.yaml

    out: dict[str, list[dict]] = {}
    subs = sorted({d.submission for d in docs})
    for sub in subs:
        group = [d for d in docs if d.submission == sub]
        declared = declared_findings(group)
        computed = targets_oracle.findings([document_record(d) for d in group])
        if declared != computed:
            missing = [f for f in computed if f not in declared]
            extra = [f for f in declared if f not in computed]
            raise ValueError(f"{sub}: target findings differ from the data\n computed, not declared: {missing}\n"
                             f" declared, not computed: {extra}")
        out[sub] = declared
    return out


def target_expected_files(docs: list[TDoc]) -> dict[str, object]:
    """Every target expected JSON, by path relative to fixtures/expected/."""
    out: dict[str, object] = {f"{d.submission}/{d.file_name}.json": document_record(d) for d in docs}
    for sub, findings in check_target_findings(docs).items():
        out[f"{sub}/findings.json"] = findings
    return out
