"""Every 绩效自评表 fixture, extracted and parsed, against the JSON its generator wrote.

fixtures/self-eval/ (Excel with numeric cells, HTML, PDF, Excel with text cells; the PDF and the
second Excel are layouts written blind) and nanjie's 2024 self-evaluation. Expected values come
from tools/fixturegen/selfeval_data.py, the generator's inputs: amounts are decimal strings in 万元,
compared as Decimals; null where the table prints nothing. The planted findings follow.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from checks import run_checks
from extractors import extract
from extractors.kinds import best_kind
from schemas.self_evaluation import SelfEvaluation
from tests.conftest import FIXTURES

SUBMISSIONS = ("self-eval", "nanjie-2024")


def _cases() -> list[tuple[Path, dict]]:
    out = []
    for sub in SUBMISSIONS:
        for p in sorted((FIXTURES / "expected" / sub).glob("*.json")):
            data = json.loads(p.read_text("utf-8"))
            if isinstance(data, dict) and data.get("kind") == "self_evaluation":
                out.append((FIXTURES / sub / data["file"], data))
    return out


CASES = _cases()


def _simple(rec: SelfEvaluation) -> dict:
    def num(x):
        return None if x is None else x.value

    def val(v):
        return None if v is None else {"raw": v.raw, "operator": v.operator, "number": v.number, "unit": v.unit}

    def attr(a):
        return None if a is None else a.value

    return {
        "kind": rec.kind, "unit": rec.unit.value, "year": rec.year, "project": attr(rec.project),
        "department": attr(rec.department), "implementing_unit": attr(rec.implementing_unit),
        "amount_unit": rec.amount_unit,
        "lines": [{"name": ln.name, "initial_budget": num(ln.initial_budget), "annual_budget": num(ln.annual_budget),
                   "executed": num(ln.executed), "max_score": num(ln.max_score),
                   "reported_rate": num(ln.reported_rate), "score": num(ln.score)} for ln in rec.lines],
        "goal_expected": rec.goal_expected.text if rec.goal_expected else None,
        "goal_actual": rec.goal_actual.text if rec.goal_actual else None,
        "indicators": [{"level1": i.level1, "level1_points": num(i.level1_points), "level2": i.level2,
                        "level3": i.level3, "target": val(i.target), "actual": val(i.actual),
                        "max_score": num(i.max_score), "score": num(i.score),
                        "reason": i.reason.text if i.reason else None,
                        "measure": i.measure.text if i.measure else None} for i in rec.indicators],
        "total_max": num(rec.total_max), "total_score": num(rec.total_score),
    }


def _norm(x):
    """Numbers (Decimals, decimal strings) compare by value; everything else as is."""
    if isinstance(x, dict):
        return {k: _norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_norm(v) for v in x]
    if isinstance(x, Decimal):
        return x.normalize()
    if isinstance(x, str):
        try:
            return Decimal(x).normalize()
        except ArithmeticError:
            return x
    return x


def test_there_are_fixtures_in_every_format() -> None:
    assert {p.suffix for p, _ in CASES} == {".xlsx", ".html", ".pdf", ".docx"}
    assert len(CASES) == 7


@pytest.mark.parametrize("path, expected", CASES, ids=[p.name for p, _ in CASES])
def test_fixture_parses_to_its_expected_record(path: Path, expected: dict) -> None:
    doc = extract(path)
    kind, confidence = best_kind(doc)
    assert kind.name == "self_evaluation" and confidence >= 0.9
    records = kind.parse(doc)
    assert [_norm(_simple(r)) for r in records] == _norm(expected["records"])
    # every value keeps its source cell
    for rec in records:
        for ln in rec.lines:
            assert ln.ref.file_name == path.name and (ln.executed is None or ln.executed.ref.file_name == path.name)
        for ind in rec.indicators:
            assert ind.ref.file_name == path.name and ind.ref.label


@pytest.mark.parametrize("path, expected", CASES, ids=[p.name for p, _ in CASES])
def test_fixture_raises_exactly_its_planted_findings(path: Path, expected: dict) -> None:
    doc = extract(path)
    records = best_kind(doc)[0].parse(doc)
    found = sorted((f.rule_id, f.subject.line, f.subject.column) for f in run_checks(records))
    assert found == sorted((e["rule_id"], e["line"], e["column"]) for e in expected["findings"])


def test_committed_expected_files_match_the_generator_data() -> None:
    import sys

    from tests.conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    from fixturegen.selfeval_data import NANJIE_SELF_EVAL, SELF_EVAL_FIXTURES
    from fixturegen.selfeval_expected import expected_file, findings_entries

    for sub, t in [*(("self-eval", t) for t in SELF_EVAL_FIXTURES), ("nanjie-2024", NANJIE_SELF_EVAL)]:
        committed = json.loads((FIXTURES / "expected" / sub / f"{t.file_name}.json").read_text("utf-8"))
        assert committed == expected_file(t), t.file_name
    nanjie = json.loads((FIXTURES / "expected" / "nanjie-2024" / "findings-self-eval.json").read_text("utf-8"))
    assert nanjie == findings_entries(NANJIE_SELF_EVAL)
    # the seed's finding, and only it: unmet indicators with a reason but no measure
    assert {e["rule_id"] for e in nanjie} == {"SLF006"}


def test_nanjie_self_evaluation_is_the_approved_target_set_with_the_final_figures() -> None:
    data = json.loads((FIXTURES / "expected" / "nanjie-2024" /
                       "南街街道办事处2024年度部门整体支出绩效自评表.docx.json").read_text("utf-8"))
    approved = json.loads((FIXTURES / "expected" / "nanjie-2024" /
                           "南街街道办事处2024年度部门整体支出绩效目标表.pdf.json").read_text("utf-8"))
    (rec,) = data["records"]
    total = rec["lines"][0]
    assert (total["annual_budget"], total["executed"], total["reported_rate"]) == ("1164.62", "1164.62", "100.00")
    assert [(i["level3"], i["target"]["raw"]) for i in rec["indicators"]] == [
        (i["level3"], i["value"]) for i in approved["tables"][0]["indicators"]]
