"""Narrative reports (监控报告 / 自评报告) in fixtures/reports/, checked against what the generator
(tools/fixturegen/generators/reports.py) put in them: every heading, every sentence with its role, every
stated figure with its line, measure, period and value, and exactly the planted findings over the
folder (the reports with the monitoring tables they repeat).

Every mismatch of a document is collected before asserting, so one failure lists all of them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

import pytest

from checks import load_config, run_checks
from conftest import FIXTURES
from extractors import extract
from extractors.kinds import best_kind
from schemas.narrative_report import NarrativeReport

FOLDER = FIXTURES / "reports"
EXPECTED = FIXTURES / "expected" / "reports"
CASES = sorted(p for p in EXPECTED.glob("*.json") if not p.name.startswith("findings"))
# the sample submission holds one report too (its 1-9月 监控报告, written by the same generator)
NANJIE_REPORTS = [p for p in sorted((FIXTURES / "expected" / "nanjie-2024").glob("*.json"))
                  if not p.name.startswith("findings")
                  and json.loads(p.read_text(encoding="utf-8"))["kind"] == "narrative_report"]
REPORTS = [p for p in CASES if json.loads(p.read_text(encoding="utf-8"))["kind"] == "narrative_report"] + NANJIE_REPORTS
_SPACE = re.compile(r"\s+")


def load(case) -> dict:
    return json.loads(case.read_text(encoding="utf-8"))


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def folder_of(case) -> str:
    return case.parent.name


@lru_cache(maxsize=None)
def read(name: str, folder: str = "reports") -> tuple[str | None, list]:
    doc = extract(FIXTURES / folder / name)
    best = best_kind(doc)
    if best is None:
        return None, []
    return best[0].name, best[0].parse(doc)


def report_of(case) -> tuple[dict, NarrativeReport]:
    exp = load(case)
    kind, records = read(exp["file"], folder_of(case))
    assert kind == "narrative_report", f"{exp['file']} detected as {kind}"
    (rep,) = records
    return exp, rep


def test_every_document_has_an_expected_file():
    documents = sorted(p.name for p in FOLDER.iterdir() if p.is_file())
    assert documents == sorted(c.name.removesuffix(".json") for c in CASES)
    assert len(REPORTS) >= 9 and {load(c)["format"] for c in REPORTS} == {"docx", "pdf"} and NANJIE_REPORTS
    assert {load(c)["report_type"] for c in REPORTS} == {"monitoring", "self_evaluation"}


@pytest.mark.parametrize("case", CASES, ids=[c.name.removesuffix(".json") for c in CASES])
def test_detected_kind(case):
    """Reports are narrative_report; the tables beside them stay monitoring (nothing is stolen)."""
    exp = load(case)
    kind, _ = read(exp["file"])
    assert kind == exp["kind"]


@pytest.mark.parametrize("case", REPORTS, ids=[c.name.removesuffix(".json") for c in REPORTS])
def test_report_header_and_sections(case):
    exp, rep = report_of(case)
    assert (rep.report_type, squeeze(rep.unit.value), rep.year, rep.period_months) == (
        exp["report_type"], exp["unit"], exp["year"], exp["period_months"])
    assert rep.unit.source == "content" and rep.unit.ref is not None
    assert [(squeeze(s.heading), s.level) for s in rep.sections] == [
        (squeeze(s["heading"]), s["level"]) for s in exp["sections"]]


@pytest.mark.parametrize("case", REPORTS, ids=[c.name.removesuffix(".json") for c in REPORTS])
def test_sentences_and_roles(case):
    exp, rep = report_of(case)
    got = [(squeeze(s.text), s.role) for s in rep.sentences]
    want = [(squeeze(s["text"]), s["role"]) for s in exp["sentences"]]
    problems = [f"{w} → got {g}" for g, w in zip(got, want) if g != w]
    if len(got) != len(want):
        problems.append(f"{len(got)} sentences, want {len(want)}: {[g[0][:12] for g in got]}")
    assert not problems, "\n".join(problems)
    for s in rep.sentences:
        assert s.ref.file_name == exp["file"] and s.ref.label
        assert (s.ref.page is not None and s.ref.bbox is not None) if exp["format"] == "pdf" else "段" in s.ref.label


def _key(line: str, measure: str, period: int, value: Decimal, indicator: bool) -> tuple:
    return (line, measure, period, value.normalize(), indicator)


@pytest.mark.parametrize("case", REPORTS, ids=[c.name.removesuffix(".json") for c in REPORTS])
def test_every_stated_figure(case):
    """The figures read equal, as a multiset, the figures the generator wrote: none missed, none
    claimed that the report does not state."""
    exp, rep = report_of(case)
    got = Counter(_key(f.line, f.measure, f.period_months, f.value.value, f.indicator) for f in rep.figures)
    want = Counter(_key(f["line"], f["measure"], f["period_months"], Decimal(f["value"]), f["indicator"])
                   for f in exp["figures"])
    missing, extra = want - got, got - want
    assert not missing and not extra, f"missing: {sorted(missing)}\nextra: {sorted(extra)}"
    for f in rep.figures:
        assert f.value.raw and f.value.ref.file_name == exp["file"]
        assert squeeze(f.value.raw) in squeeze(f.text), (f.value.raw, f.text)
        if exp["format"] == "pdf":  # the printed line it stands on
            assert f.ref.page is not None and f.ref.bbox is not None and f.ref.label.startswith("第")
        else:  # the paragraph, or the table cell
            assert f.ref.label.startswith("第") or f.ref.row is not None


def _finding_key(rule_id, unit, year, months, line, column) -> tuple:
    return (rule_id, unit, year, months, line, column)


def _months(period: str) -> int:
    return 12 if period == "全年" else int(period.removeprefix("1-").removesuffix("月"))


@lru_cache(maxsize=1)
def folder_findings():
    records = [r for p in sorted(FOLDER.iterdir()) for r in read(p.name)[1]]
    return run_checks(records, load_config())


def test_exactly_the_planted_findings_over_the_folder():
    want = {_finding_key(f["rule_id"], f["unit"], 2024, f["period_months"], f["line"], f["column"])
            for f in json.loads((EXPECTED / "findings.json").read_text(encoding="utf-8"))}
    got = {_finding_key(f.rule_id, f.subject.unit, f.subject.year, _months(f.subject.period), f.subject.line,
                        f.subject.column) for f in folder_findings()}
    assert got == want, f"missing: {sorted(want - got)}\nextra: {sorted(got - want)}"


def test_report_findings_name_their_evidence():
    for f in folder_findings():
        if not f.rule_id.startswith("RPT"):
            continue
        assert f.evidence and all(e.ref is not None and e.ref.file_name for e in f.evidence), f.rule_id
        assert "（来源：" in f.text and f.subject.unit in f.text
