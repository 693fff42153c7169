"""Monitoring tables in real-world layouts the parser was not designed against.

The documents in fixtures/unseen/ reproduce published templates (central-department, Gansu,
Hubei, Sichuan, Guangdong-style workbooks, portal HTML pages in UTF-8 and GB18030, PDFs exported
from Word and Excel) with fictitious figures; `python -m tools.fixtures unseen` writes them and,
from the same inputs, the expected records and findings in fixtures/expected/unseen/.

Every mismatch of a document is collected before asserting, so one failure lists everything the
parser read differently.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from checks.catalogue import run_checks
from extractors import extract
from extractors.indicator_values import parse_indicator_value
from extractors.kinds import best_kind
from schemas.monitoring import LINE_NAMES, MonitoringReport
from conftest import FIXTURES

UNSEEN = FIXTURES / "unseen"
EXPECTED = FIXTURES / "expected" / "unseen"
CASES = sorted(p for p in EXPECTED.glob("*.json") if p.name != "findings.json")
CASE_IDS = [json.loads(p.read_text(encoding="utf-8"))["case"] for p in CASES]
_SPACE = re.compile(r"\s+")


def test_fixtures_present():
    documents = sorted(p.name for p in UNSEEN.iterdir() if p.is_file())
    assert len(CASES) >= 6
    assert documents == sorted(c.name.removesuffix(".json") for c in CASES)


def load(case: Path) -> dict:
    return json.loads(case.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def read(name: str) -> tuple[str | None, list[MonitoringReport]]:
    """(detected kind name, monitoring reports) of one unseen document; parsed once per session."""
    doc = extract(UNSEEN / name)
    best = best_kind(doc)
    if best is None:
        return None, []
    kind, _confidence = best
    records = kind.parse(doc)
    return kind.name, [r for r in records if isinstance(r, MonitoringReport)]


def squeeze(text: str | None) -> str:
    """Whitespace carries no meaning in Chinese table text (PDF and Word wrap inside cells)."""
    return _SPACE.sub("", text or "")


def report_key(kind: str, project: str | None) -> tuple[str, str]:
    return kind, squeeze(project)


def matched_reports(case: Path) -> list[tuple[dict, MonitoringReport]]:
    """Pair every expected report with the parsed report of the same kind and project.

    When the project name was misread (test_report_headers says so) but only one parsed report of
    that kind is left, it is still compared, so lines and indicators are checked on their own.
    """
    expected = load(case)
    _kind, reports = read(expected["file"])
    left = list(reports)
    pairs, missing = [], []
    for exp in expected["reports"]:
        key = report_key(exp["kind"], exp["project"])
        same = [r for r in left if report_key(r.kind, r.project_name) == key]
        if not same:
            same = [r for r in left if r.kind == exp["kind"]]
            same = same if len(same) == 1 else []
        if same:
            pairs.append((exp, same[0]))
            left.remove(same[0])
        else:
            missing.append(key)
    parsed = [report_key(r.kind, r.project_name) for r in reports]
    assert not missing, f"reports not found: {missing}; parsed: {parsed}"
    return pairs


# ---------------------------------------------------------------------------------- per document


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_detected_as_monitoring(case):
    expected = load(case)
    kind, _reports = read(expected["file"])
    assert kind == expected["kind"]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_report_headers(case):
    expected = load(case)
    _kind, reports = read(expected["file"])
    assert len(reports) == len(expected["reports"]), [(r.kind, r.project_name) for r in reports]
    problems = []
    for exp, rep in matched_reports(case):
        got = {"unit": squeeze(rep.unit.value), "year": rep.year, "period_months": rep.period_months,
               "project": squeeze(rep.project_name) or None, "amount_unit": rep.amount_unit}
        want = {"unit": squeeze(exp["unit"]), "year": exp["year"], "period_months": exp["period_months"],
                "project": squeeze(exp["project"]) or None, "amount_unit": exp["amount_unit"]}
        for key, value in want.items():
            if got[key] != value:
                problems.append(f"[{exp['kind']} {exp['project'] or ''}] {key}: got {got[key]!r}, want {value!r}")
    assert not problems, "\n".join(problems)


def _amount_problem(where: str, field: str, got, want: str | None) -> str | None:
    if want is None:
        return None if got is None else f"{where} {field}: got {got.raw!r} ({got.value}), want no value"
    if got is None:
        return f"{where} {field}: missing, want {want}"
    if got.value != Decimal(want):
        return f"{where} {field}: got {got.value} (raw {got.raw!r}), want {want}"
    return None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_budget_lines(case):
    problems = []
    for exp, rep in matched_reports(case):
        label = f"[{exp['kind']} {exp['project'] or ''}]"
        got_names = [ln.name for ln in rep.lines if ln.name in LINE_NAMES]
        want_names = [ln["name"] for ln in exp["lines"]]
        if sorted(got_names) != sorted(want_names):
            problems.append(f"{label} lines: got {got_names} (raw {[ln.raw_name for ln in rep.lines]}), "
                            f"want {want_names}")
        for want in exp["lines"]:
            line = rep.line(want["name"])
            if line is None:
                continue
            where = f"{label} {want['name']}"
            for field in ("initial_budget", "annual_budget", "executed", "reported_rate"):
                problem = _amount_problem(where, field, getattr(line, field), want[field])
                if problem:
                    problems.append(problem)
            for field in ("deviation_reason", "measure"):
                value = getattr(line, field)
                got = squeeze(value.text if value else "")
                if got != squeeze(want[field]):
                    problems.append(f"{where} {field}: got {got!r}, want {want[field]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_line_names_are_canonical(case):
    """schemas.monitoring: a line's `name` is one of LINE_NAMES (rules and findings key on it)."""
    problems = [f"[{exp['kind']} {exp['project'] or ''}] {ln.raw_name!r} named {ln.name!r}"
                for exp, rep in matched_reports(case) for ln in rep.lines if ln.name not in LINE_NAMES]
    assert not problems, "\n".join(problems)


def _indicator_problem(where: str, field: str, got, want: str) -> str | None:
    """Compare an indicator value by meaning when it is quantitative, by its text otherwise."""
    if not want:
        return None if got is None or not squeeze(got.raw) else f"{where} {field}: got {got.raw!r}, want empty"
    if got is None:
        return f"{where} {field}: missing, want {want!r}"
    ref = parse_indicator_value(want)
    if ref.quantitative and ref.number is not None:
        if (got.number != ref.number
                or (ref.operator is not None and got.operator != ref.operator)
                or (ref.unit is not None and got.unit != ref.unit)):
            return (f"{where} {field}: got {got.raw!r} ({got.operator} {got.number} {got.unit}), "
                    f"want {want!r} ({ref.operator} {ref.number} {ref.unit})")
        return None
    if squeeze(got.raw) != squeeze(want):
        return f"{where} {field}: got {got.raw!r}, want {want!r}"
    return None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_indicators(case):
    problems = []
    for exp, rep in matched_reports(case):
        label = f"[{exp['kind']} {exp['project'] or ''}]"
        got_names = [squeeze(i.level3) for i in rep.indicators]
        want_names = [squeeze(i["level3"]) for i in exp["indicators"]]
        if got_names != want_names:
            problems.append(f"{label} indicators: got {got_names}, want {want_names}")
            continue
        for ind, want in zip(rep.indicators, exp["indicators"]):
            where = f"{label} {want['level3']}"
            for field in ("level1", "level2"):
                if squeeze(getattr(ind, field)) != squeeze(want[field]):
                    problems.append(f"{where} {field}: got {getattr(ind, field)!r}, want {want[field]!r}")
            for field in ("target", "actual", "forecast"):
                problem = _indicator_problem(where, field, getattr(ind, field), want[field])
                if problem:
                    problems.append(problem)
            for field in ("likelihood", "deviation_reason"):
                value = getattr(ind, field)
                got = squeeze(value.text if value else "")
                if got != squeeze(want[field]):
                    problems.append(f"{where} {field}: got {got!r}, want {want[field]!r}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------- findings


def _expected_findings() -> set[tuple]:
    rows = json.loads((EXPECTED / "findings.json").read_text(encoding="utf-8"))
    return {(f["rule_id"], f["unit"], f["year"], f"1-{f['period_months']}月", f["project"], f["line"],
             f["column"]) for f in rows}


def _finding_keys(findings) -> set[tuple]:
    return {(f.rule_id, f.subject.unit, f.subject.year, f.subject.period, f.subject.project,
             f.subject.line, f.subject.column) for f in findings}


def _diff(got: set[tuple], want: set[tuple]) -> str:
    return (f"unexpected: {sorted(got - want)}\nmissing: {sorted(want - got)}")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_findings_per_document(case):
    expected = load(case)
    _kind, reports = read(expected["file"])
    mine = {(r["unit"], f"1-{r['period_months']}月", r["project"] or "") for r in expected["reports"]}
    want = {k for k in _expected_findings() if (k[1], k[3], k[4]) in mine}
    got = _finding_keys(run_checks(reports))
    assert got == want, _diff(got, want)


def test_findings_over_all_documents():
    records = []
    failed = []
    for case in CASES:
        name = load(case)["file"]
        try:
            records.extend(read(name)[1])
        except Exception as exc:  # one unreadable document must not hide the others' findings
            failed.append(f"{name}: {exc}")
    got = _finding_keys(run_checks(records))
    want = _expected_findings()
    assert got == want and not failed, _diff(got, want) + "".join(f"\nnot read: {f}" for f in failed)
