"""Every target-table fixture file, extracted and parsed, against the JSON its generator wrote.

Fixtures live in fixtures/targets/ and fixtures/nanjie-2024/; the expected records of
`fixtures/<submission>/<file>` are in `fixtures/expected/<submission>/<file>.json` when that JSON
says `"kind": "targets"`. Amounts are decimal strings in 万元, compared as Decimals; null means
the table prints no such amount.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import extract
from extractors.kinds import best_kind
from extractors.kinds.targets import parse
from tests.conftest import FIXTURES

SUBMISSIONS = ("targets", "nanjie-2024")
AMOUNTS = ("budget_total", "budget_fiscal", "budget_other", "tasks_total")
ATTRIBUTES = ("unit", "project", "department", "implementing_unit")


def _expected(path: Path) -> dict | None:
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) and data.get("kind") == "targets" else None


def _cases() -> list[tuple[Path, dict]]:
    cases = []
    for sub in SUBMISSIONS:
        folder = FIXTURES / sub
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            expected = _expected(FIXTURES / "expected" / sub / f"{f.name}.json")
            if f.is_file() and expected is not None:
                cases.append((f, expected))
    return cases


CASES = _cases()


@pytest.mark.parametrize("submission", SUBMISSIONS)
def test_fixture_set_present(submission):
    """The parametrized test below must not pass by having nothing to run."""
    folder = FIXTURES / submission
    assert folder.is_dir(), f"missing fixture folder {folder}"
    assert [c for c in CASES if c[0].parent == folder], (
        f"no file in {folder} has an expected JSON with kind “targets” in fixtures/expected/{submission}/")


def _dec(x) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _value(pn) -> Decimal | None:
    return None if pn is None else pn.value


def _compare(want: dict, got, where: str) -> list[str]:
    bad: list[str] = []

    def check(path: str, expected, actual) -> None:
        if expected != actual:
            bad.append(f"{where}{path}: expected {expected!r}, got {actual!r}")

    check(".kind", want["kind"], got.kind)
    check(".year", want["year"], got.year)
    for f in ATTRIBUTES:
        attr = getattr(got, f)
        check(f".{f}", want[f], attr.value if attr is not None else None)
    check(".amount_unit", want["amount_unit"], got.amount_unit)
    for f in AMOUNTS:
        check(f".{f}", _dec(want[f]), _value(getattr(got, f)))
    check(".goal_text", want["goal_text"], got.goal_text.text if got.goal_text is not None else None)

    check(".tasks[name]", [t["name"] for t in want["tasks"]], [t.name for t in got.tasks])
    for w, g in zip(want["tasks"], got.tasks):
        check(f".tasks[{w['name']}].content", w["content"], g.content.text if g.content else None)
        check(f".tasks[{w['name']}].amount", _dec(w["amount"]), _value(g.amount))

    check(".indicators[level3]", [i["level3"] for i in want["indicators"]],
          [i.level3 for i in got.indicators])
    for w, g in zip(want["indicators"], got.indicators):
        p = f".indicators[{w['level3']}]"
        check(f"{p}.level1", w["level1"], g.level1)
        check(f"{p}.level2", w["level2"], g.level2)
        v = g.value
        check(f"{p}.value", w["value"], v.raw if v else None)
        check(f"{p}.operator", w["operator"], v.operator if v else None)
        check(f"{p}.number", _dec(w["number"]), v.number if v else None)
        check(f"{p}.unit", w["unit"], v.unit if v else None)
        check(f"{p}.quantitative", w["quantitative"], v.quantitative if v else False)
        # every value keeps the cells it was read from, the 指标值 cell among them
        if v is not None and v.ref not in g.value_cells:
            bad.append(f"{p}: value cell {v.ref.label} missing from value_cells")
    return bad


def _monitoring_files() -> list[Path]:
    out = []
    for sub in ("monitoring", "nanjie-2024"):
        for f in sorted((FIXTURES / sub).iterdir()) if (FIXTURES / sub).is_dir() else []:
            expected = FIXTURES / "expected" / sub / f"{f.name}.json"
            if expected.is_file() and json.loads(expected.read_text(encoding="utf-8")).get("kind") == "monitoring":
                out.append(f)
    return out


MONITORING = _monitoring_files()


def test_monitoring_fixtures_present():
    assert len(MONITORING) >= 5


@pytest.mark.parametrize("path", MONITORING, ids=[f"{p.parent.name}/{p.name}" for p in MONITORING])
def test_monitoring_tables_stay_monitoring(path: Path):
    """A monitoring table has an indicator block too; it must score lower as a target table."""
    from extractors.kinds import monitoring, targets

    doc = extract(path)
    assert targets.detect(doc) < 0.5
    assert targets.detect(doc) < monitoring.detect(doc)
    assert best_kind(doc)[0].name == "monitoring"


@pytest.mark.parametrize(("path", "expected"), CASES,
                         ids=[f"{p.parent.name}/{p.name}" for p, _ in CASES])
def test_fixture(path: Path, expected: dict):
    doc = extract(path)
    assert doc.format.value == expected["format"]
    best = best_kind(doc)
    assert best is not None and best[0].name == "targets", (
        f"{path.name}: classified as {best[0].name if best else None}")
    tables = parse(doc)
    assert len(tables) == len(expected["tables"]), f"{path.name}: {len(tables)} tables"
    bad: list[str] = []
    for i, (want, got) in enumerate(zip(expected["tables"], tables)):
        bad += _compare(want, got, f"{path.name}[{i}]")
        # provenance: every record points into this file
        assert got.file_name == path.name and got.file_sha256 == doc.file_sha256
        assert all(ind.ref.file_name == path.name and ind.ref.label for ind in got.indicators)
    assert not bad, "\n".join(bad)
