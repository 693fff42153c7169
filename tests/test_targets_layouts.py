"""绩效目标表 in real-world layouts the target parser was not designed against.

The documents in fixtures/unseen-targets/ reproduce published forms (财政部 中央部门项目支出绩效目标
申报表 with 中期|年度 columns, Gansu unit-wide table in 元 exported to PDF, Hubei unit-wide form and
Guangdong project tables on portal pages in UTF-8 and GB18030, a Beijing Word form, a Sichuan
one-row-per-indicator workbook, a Henan workbook exported to PDF) with fictitious figures;
`python -m tools.fixtures unseen-targets` writes them and, from the same inputs, the expected records and
findings in fixtures/expected/unseen-targets/.

Every mismatch of a document is collected before asserting, so one failure lists everything the
parser read differently. Whitespace is ignored in text (PDF and Word wrap inside cells).
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
from extractors.kinds import best_kind
from schemas.targets import TargetTable
from conftest import FIXTURES

UNSEEN = FIXTURES / "unseen-targets"
EXPECTED = FIXTURES / "expected" / "unseen-targets"
CASES = sorted(p for p in EXPECTED.glob("*.json") if p.name != "findings.json")
CASE_IDS = [p.name.removesuffix(".json") for p in CASES]
ATTRIBUTES = ("unit", "project", "department", "implementing_unit")
AMOUNTS = ("budget_total", "budget_fiscal", "budget_other", "tasks_total")
_SPACE = re.compile(r"\s+")


def load(case: Path) -> dict:
    return json.loads(case.read_text(encoding="utf-8"))


def squeeze(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def test_fixtures_present():
    documents = sorted(p.name for p in UNSEEN.iterdir() if p.is_file())
    assert len(CASES) >= 6
    assert documents == sorted(c.name.removesuffix(".json") for c in CASES)


@lru_cache(maxsize=None)
def read(name: str) -> tuple[str | None, tuple[TargetTable, ...]]:
    """(detected kind name, target tables) of one document; parsed once per session."""
    doc = extract(UNSEEN / name)
    best = best_kind(doc)
    if best is None:
        return None, ()
    kind, _confidence = best
    return kind.name, tuple(r for r in kind.parse(doc) if isinstance(r, TargetTable))


def table_key(kind: str, project: str | None) -> tuple[str, str]:
    return kind, squeeze(project)


def matched_tables(case: Path) -> list[tuple[dict, TargetTable]]:
    """Pair every expected table with the parsed table of the same kind and project; a misread
    project name still pairs when only one parsed table of that kind is left."""
    expected = load(case)
    _kind, tables = read(expected["file"])
    left = list(tables)
    pairs, missing = [], []
    for exp in expected["tables"]:
        same = [t for t in left if table_key(t.kind, t.project_name) == table_key(exp["kind"], exp["project"])]
        if not same:
            same = [t for t in left if t.kind == exp["kind"]]
            same = same if len(same) == 1 else []
        if same:
            pairs.append((exp, same[0]))
            left.remove(same[0])
        else:
            missing.append(table_key(exp["kind"], exp["project"]))
    assert not missing, f"tables not found: {missing}; parsed: {[(t.kind, t.project_name) for t in tables]}"
    return pairs


def label(exp: dict) -> str:
    return f"[{exp['kind']} {exp['project'] or exp['unit']}]"


# ---------------------------------------------------------------------------------- per document


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_detected_as_targets(case):
    expected = load(case)
    doc = extract(UNSEEN / expected["file"])
    assert doc.format.value == expected["format"]
    kind, tables = read(expected["file"])
    assert kind == expected["kind"]
    assert len(tables) == len(expected["tables"]), [(t.kind, t.project_name) for t in tables]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_headers(case):
    problems = []
    for exp, got in matched_tables(case):
        where = label(exp)
        if got.kind != exp["kind"]:
            problems.append(f"{where} kind: got {got.kind!r}")
        if got.year != exp["year"]:
            problems.append(f"{where} year: got {got.year!r}, want {exp['year']!r}")
        if got.amount_unit != exp["amount_unit"]:
            problems.append(f"{where} amount_unit: got {got.amount_unit!r}, want {exp['amount_unit']!r}")
        for f in ATTRIBUTES:
            attr = getattr(got, f)
            value = squeeze(attr.value) if attr is not None else None
            want = squeeze(exp[f]) if exp[f] is not None else None
            if value != want:
                problems.append(f"{where} {f}: got {value!r}, want {want!r}")
        goal = squeeze(got.goal_text.text) if got.goal_text is not None else None
        want_goal = squeeze(exp["goal_text"]) if exp["goal_text"] is not None else None
        if goal != want_goal:
            problems.append(f"{where} goal_text: got {goal!r}, want {want_goal!r}")
    assert not problems, "\n".join(problems)


def _amount_problem(where: str, got, want: str | None) -> str | None:
    if want is None:
        return None if got is None else f"{where}: got {got.raw!r} ({got.value}), want no value"
    if got is None:
        return f"{where}: missing, want {want}"
    if got.value != Decimal(want):
        return f"{where}: got {got.value} (raw {got.raw!r}), want {want}"
    return None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_budget_and_tasks(case):
    problems = []
    for exp, got in matched_tables(case):
        where = label(exp)
        for f in AMOUNTS:
            problem = _amount_problem(f"{where} {f}", getattr(got, f), exp[f])
            if problem:
                problems.append(problem)
        got_names = [squeeze(t.name) for t in got.tasks]
        want_names = [squeeze(t["name"]) for t in exp["tasks"]]
        if got_names != want_names:
            problems.append(f"{where} tasks: got {got_names}, want {want_names}")
            continue
        for task, want in zip(got.tasks, exp["tasks"]):
            content = squeeze(task.content.text if task.content else "")
            if content != squeeze(want["content"]):
                problems.append(f"{where} task {want['name']} content: got {content!r}, want {want['content']!r}")
            problem = _amount_problem(f"{where} task {want['name']} amount", task.amount, want["amount"])
            if problem:
                problems.append(problem)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_indicators(case):
    problems = []
    for exp, got in matched_tables(case):
        where = label(exp)
        got_names = [squeeze(i.level3) for i in got.indicators]
        want_names = [squeeze(i["level3"]) for i in exp["indicators"]]
        if got_names != want_names:
            problems.append(f"{where} indicators: got {got_names}, want {want_names}")
            continue
        for ind, want in zip(got.indicators, exp["indicators"]):
            at = f"{where} {want['level3']}"
            for f in ("level1", "level2"):
                if squeeze(getattr(ind, f)) != squeeze(want[f]):
                    problems.append(f"{at} {f}: got {getattr(ind, f)!r}, want {want[f]!r}")
            v = ind.value
            if v is None:
                problems.append(f"{at} value: missing, want {want['value']!r}")
                continue
            if squeeze(v.raw) != squeeze(want["value"]):
                problems.append(f"{at} value: got {v.raw!r}, want {want['value']!r}")
            number = Decimal(want["number"]) if want["number"] is not None else None
            got_parts = (v.operator, v.number, v.unit, v.quantitative)
            want_parts = (want["operator"], number, want["unit"], want["quantitative"])
            if got_parts != want_parts:
                problems.append(f"{at} parsed {v.raw!r}: got {got_parts}, want {want_parts}")
            if v.ref is not None and v.ref not in ind.value_cells:
                problems.append(f"{at}: value cell {v.ref.label} missing from value_cells")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------- findings


def _expected_findings() -> set[tuple]:
    rows = json.loads((EXPECTED / "findings.json").read_text(encoding="utf-8"))
    return {(f["rule_id"], f["unit"], f["year"], f["project"], f["line"], f["column"]) for f in rows}


def _finding_keys(findings) -> set[tuple]:
    return {(f.rule_id, f.subject.unit, f.subject.year, f.subject.project, f.subject.line, f.subject.column)
            for f in findings if f.rule_id.startswith("TGT")}


def _diff(got: set[tuple], want: set[tuple]) -> str:
    return f"unexpected: {sorted(got - want)}\nmissing: {sorted(want - got)}"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_findings_per_document(case):
    expected = load(case)
    _kind, tables = read(expected["file"])
    mine = {(t["unit"], t["project"] or "") for t in expected["tables"]}
    want = {k for k in _expected_findings() if (k[1], k[3]) in mine}
    got = _finding_keys(run_checks(list(tables)))
    assert got == want, _diff(got, want)


def test_findings_over_all_documents():
    records, failed = [], []
    for case in CASES:
        name = load(case)["file"]
        try:
            records.extend(read(name)[1])
        except Exception as exc:  # one unreadable document must not hide the others' findings
            failed.append(f"{name}: {exc}")
    got = _finding_keys(run_checks(records))
    want = _expected_findings()
    assert got == want and not failed, _diff(got, want) + "".join(f"\nnot read: {f}" for f in failed)
