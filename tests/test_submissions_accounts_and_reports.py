"""The blind test (fixtures/blind/, tools/fixturegen/generators/blind.py, RESULTS.md): submissions
written from the rule catalogue without reading the parsers, in layouts the parsers were not
tuned on. Per case: every document is recognised as its kind with its unit, year and period;
the key figures the generator printed are read back; and the folder raises exactly the planted
error/warning findings (notices are not required, and none is expected either way).

Every mismatch of a case is collected before asserting, so one failure lists all of them.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache

import pytest

from checks import load_config, run_checks
from conftest import FIXTURES
from extractors import extract
from extractors.kinds import best_kind

BLIND = FIXTURES / "blind"
CASES = sorted(p.name for p in BLIND.iterdir() if (p / "expected.json").is_file())


def load(case: str) -> dict:
    return json.loads((BLIND / case / "expected.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def read(case: str, name: str) -> tuple[str | None, list]:
    doc = extract(BLIND / case / name)
    best = best_kind(doc)
    if best is None:
        return None, []
    return best[0].name, best[0].parse(doc)


def num(text) -> Decimal | None:
    return Decimal(str(text).replace(",", "").rstrip("%")) if text not in (None, "") else None


def _first_number(value) -> Decimal | str | None:
    """The first number of a printed value (≥8个 → 8), or its text when it states none."""
    text = getattr(value, "raw", value)
    text = getattr(text, "text", text)
    if text in (None, "", "—", "-", "/"):
        return None  # printed as a dash: blank
    m = re.search(r"\d+(?:\.\d+)?", str(text).replace(",", ""))
    return Decimal(m.group(0)) if m else str(text)


def _line_name(name: str) -> str:
    """Budget line names as the generator prints them, as the records name them."""
    return re.sub(r"^(其中[:：])|年度|当年|资金$|\s|　", "", name or "")


def test_the_blind_cases_are_all_there() -> None:
    assert CASES == ["accounts-html-clean", "accounts-html-errors", "accounts-pdf-clean", "accounts-pdf-errors",
                     "monitoring-report-clean", "monitoring-report-errors", "selfeval-project-docx-clean",
                     "selfeval-report-errors", "selfeval-unit-xlsx-errors"]


def _publication_problems(rec, exp: dict) -> list[str]:
    problems = []
    for key, want in exp["figures"].items():
        table_key, line, *column = key.split("/")
        table = next((t for t in rec.tables if t.key == table_key or table_key in t.title), None)
        ln = table and next((x for x in table.lines if x.name.replace(" ", "") == line), None)
        got = None
        if ln is not None:
            values = [v for k, v in ln.values.items() if not column or k.split("/")[-1] == column[0]]
            got = values[0].raw if values else None
        if num(got) != num(want):
            problems.append(f"{key}: read {got}, printed {want}")
    # every line of the function-classified tables, every column
    for printed in exp["tables"]:
        table = next((t for t in rec.tables if t.key == printed["table"]), None)
        if table is None:
            problems.append(f"{printed['table']}: not read")
            continue
        for code, name, *texts in printed["rows"]:
            ln = next((x for x in table.lines if (x.code == code if code else x.name == name)), None)
            if ln is None:
                problems.append(f"{printed['table']} {code} {name}: no line")
                continue
            if ln.name != name:
                problems.append(f"{printed['table']} {code}: named {ln.name}, printed {name}")
            for column, text in zip(printed["columns"], texts):
                values = [v for k, v in ln.values.items() if k.split("/")[-1] == column]
                got = values[0].raw if values else None
                if num(got) != num(text):
                    problems.append(f"{printed['table']} {code or name}/{column}: read {got}, printed {text}")
    # the 三公 table: one row, no name column (the first cell is 预算数/合计, not a name)
    sangong = next((t for t in rec.tables if "三公" in t.key), None)
    rows = [ln for ln in sangong.lines if ln.values] if sangong else []
    if len(rows) != 1:
        problems.append(f"三公: {len(rows)} lines read")
    else:
        for header, text in exp["sangong"].items():
            v = rows[0].values.get(header)
            if v is None or num(v.raw) != num(text):
                problems.append(f"三公 {header}: read {v and v.raw}, printed {text}")
    # the 情况说明's key amounts and rates
    stated = {(f.subject, f.measure, f.value.value, f.code) for f in rec.narrative}
    for want in exp["narrative"]:
        key = (want["subject"], want["measure"], Decimal(want["value"]), want["code"])
        if key not in stated:
            problems.append(f"情况说明 {key}: not read")
    return problems


def _lines_problems(rec, exp: dict) -> list[str]:
    problems = []
    lines = {_line_name(ln.name): ln for ln in rec.lines}
    fields = {"年初预算数": "initial_budget", "全年预算数": "annual_budget", "全年执行数": "executed",
              "执行数": "executed", "执行率": "reported_rate"}
    for name, cols in (exp.get("budget") or exp.get("lines")).items():
        ln = lines.get(_line_name(name))
        for col, want in cols.items():
            pn = getattr(ln, fields[col], None) if ln is not None else None
            got = num(pn.raw) if pn is not None else None
            if got is not None and col == "执行率" and got < 2 and num(want) > 2:
                got *= 100  # a percent-formatted fraction cell (0.9453)
            if got != num(want):
                problems.append(f"{name}/{col}: read {pn.raw if pn else None}, printed {want}")
    if "budget_rate" in exp:
        first = rec.lines[0].reported_rate if rec.lines else None
        if first is None or num(first.raw) != num(exp["budget_rate"]):
            problems.append(f"资金总额/执行率: read {first.raw if first else None}, printed {exp['budget_rate']}")
    if "indicator_count" in exp and len(rec.indicators) != exp["indicator_count"]:
        problems.append(f"indicators: read {len(rec.indicators)}, printed {exp['indicator_count']}")
    for k, want in enumerate(exp.get("indicators", [])):
        got = rec.indicators[k] if k < len(rec.indicators) else None
        if got is None or (got.level1, got.level2, got.level3) != (want["level1"], want["level2"], want["level3"]):
            problems.append(f"indicator {k + 1} {want['level3']}: read {got and (got.level1, got.level2, got.level3)}")
            continue
        for field in ("target", "actual", "forecast", "max_score", "score"):
            if field in want and _first_number(getattr(got, field)) != _first_number(want[field]):
                problems.append(f"{want['level3']}/{field}: read {getattr(got, field)}, printed {want[field]}")
        likelihood = getattr(got.likelihood, "text", got.likelihood) if "likelihood" in want else None
        if "likelihood" in want and (likelihood or "") != want["likelihood"]:
            problems.append(f"{want['level3']}/完成目标可能性: read {likelihood}, printed {want['likelihood']}")
    if "total_score" in exp and (rec.total_score is None or num(rec.total_score.raw) != num(exp["total_score"])):
        problems.append(f"总分: read {rec.total_score.raw if rec.total_score else None}, printed {exp['total_score']}")
    return problems


def _report_problems(rec, exp: dict) -> list[str]:
    got = [(f.line, f.measure, f.value.value) for f in rec.figures if not f.indicator]
    if "figures_prose" in exp:  # the prose's figures, first; a table inside the report follows
        want = [(f["line"], f["measure"], Decimal(f["value"])) for f in exp["figures_prose"]]
        table = [(f["line"], f["measure"], Decimal(f["value"])) for f in exp["figures_table"]]
        after = [g for g in got[len(want):] if g[1] != "得分"]
        return [] if got[:len(want)] == want and after == table else [f"report figures: read {got}, stated {want} + {table}"]
    want = [(f["line"], f["measure"], Decimal(f["value"])) for f in exp["figures"]]
    return [] if got == want else [f"report figures: read {got}, stated {want}"]


@pytest.mark.parametrize("case", CASES)
def test_every_document_is_recognised_with_its_figures(case: str) -> None:
    problems = []
    for exp in load(case)["documents"]:
        kind, records = read(case, exp["file"])
        if kind != exp["kind"] or len(records) != 1:
            problems.append(f"{exp['file']}: read as {kind} with {len(records)} records, is {exp['kind']}")
            continue
        rec = records[0]
        if rec.unit.value != exp["unit"] or rec.year != exp["year"]:
            problems.append(f"{exp['file']}: unit/year {rec.unit.value} {rec.year}")
        if "period_months" in exp and getattr(rec, "period_months", None) != exp["period_months"]:
            problems.append(f"{exp['file']}: period {getattr(rec, 'period_months', None)}")
        if exp["kind"] == "final_accounts":
            problems += [f"{exp['file']}: {p}" for p in _publication_problems(rec, exp)]
            if exp["money_unit"] == "元":
                assert all(t.amount_unit == "元" for t in rec.tables), exp["file"]
        elif exp["kind"] == "narrative_report":
            problems += [f"{exp['file']}: {p}" for p in _report_problems(rec, exp)]
        else:
            problems += [f"{exp['file']}: {p}" for p in _lines_problems(rec, exp)]
        if exp.get("project") and (rec.project is None or rec.project.value != exp["project"]):
            problems.append(f"{exp['file']}: project {rec.project}")
    assert problems == []


def _matches(finding, exp: dict) -> bool:
    s = finding.subject
    return (finding.rule_id == exp["rule_id"] and finding.severity == exp["severity"]
            and s.unit == exp["unit"] and s.year == exp["year"]
            and exp["line"] in s.line and (not exp["column"] or exp["column"] in s.column))


@pytest.mark.parametrize("case", CASES)
def test_exactly_the_planted_findings(case: str) -> None:
    exp = load(case)
    records = [r for d in exp["documents"] for r in read(case, d["file"])[1]]
    found = [f for f in run_checks(records, load_config()) if f.severity in ("error", "warning")]
    pool = list(found)
    missed = []
    for want in exp["findings"]:
        hit = next((f for f in pool if _matches(f, want)), None)
        if hit is None:
            missed.append((want["rule_id"], want["line"], want["column"]))
        else:
            pool.remove(hit)
            assert hit.evidence, f"{hit.rule_id} names no evidence"
    extra = [(f.rule_id, f.subject.line, f.subject.column, f.message) for f in pool]
    assert (missed, extra) == ([], [])
