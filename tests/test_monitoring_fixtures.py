"""Every monitoring fixture file, extracted and parsed, against the JSON its generator wrote.

Fixtures live in fixtures/monitoring/ and fixtures/nanjie-2024/; the expected records of
`fixtures/<submission>/<file>` are in `fixtures/expected/<submission>/<file>.json`. Amounts are
decimal strings in 万元 and are compared as Decimals; null means the column is absent.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import extract
from extractors.kinds import best_kind
from extractors.kinds.monitoring import parse
from tests.conftest import FIXTURES

SUBMISSIONS = ("monitoring", "nanjie-2024")
AMOUNTS = ("initial_budget", "annual_budget", "executed", "reported_rate")
LINE_TEXTS = ("deviation_reason", "measure")
INDICATOR_VALUES = ("target", "actual", "forecast")
INDICATOR_TEXTS = ("likelihood", "deviation_reason")


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for sub in SUBMISSIONS:
        folder = FIXTURES / sub
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            expected = FIXTURES / "expected" / sub / f"{f.name}.json"
            if f.is_file() and expected.is_file() and json.loads(expected.read_text("utf-8"))["kind"] == "monitoring":
                cases.append((f, expected))
    return cases


CASES = _cases()


@pytest.mark.parametrize("submission", SUBMISSIONS)
def test_fixture_set_present(submission):
    """The parametrized test below must not pass by having nothing to run."""
    folder = FIXTURES / submission
    assert folder.is_dir(), f"missing fixture folder {folder}"
    expected = [c for c in CASES if c[0].parent == folder]
    assert expected, f"no file in {folder} has an expected JSON in fixtures/expected/{submission}/"


def _dec(x) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _compare(expected: dict, report, where: str) -> list[str]:
    bad: list[str] = []

    def check(path: str, want, got) -> None:
        if want != got:
            bad.append(f"{where}{path}: expected {want!r}, got {got!r}")

    check(".kind", expected["kind"], report.kind)
    check(".unit", expected["unit"], report.unit.value)
    check(".year", expected["year"], report.year)
    check(".period_months", expected["period_months"], report.period_months)
    check(".project", expected.get("project"), report.project.value if report.project else None)
    check(".amount_unit", expected["amount_unit"], report.amount_unit)

    check(".lines[name]", [ln["name"] for ln in expected["lines"]], [ln.name for ln in report.lines])
    for want, got in zip(expected["lines"], report.lines):
        p = f".lines[{want['name']}]"
        for f in AMOUNTS:
            value = getattr(got, f)
            check(f"{p}.{f}", _dec(want.get(f)), value.value if value is not None else None)
        for f in LINE_TEXTS:
            value = getattr(got, f)
            check(f"{p}.{f}", want.get(f), value.text if value is not None else None)

    check(".indicators[level3]", [i["level3"] for i in expected["indicators"]],
          [i.level3 for i in report.indicators])
    for want, got in zip(expected["indicators"], report.indicators):
        p = f".indicators[{want['level3']}]"
        check(f"{p}.level1", want.get("level1"), got.level1)
        check(f"{p}.level2", want.get("level2"), got.level2)
        for f in INDICATOR_VALUES:
            value = getattr(got, f)
            check(f"{p}.{f}", want.get(f), value.raw if value is not None else None)
        for f in INDICATOR_TEXTS:
            value = getattr(got, f)
            check(f"{p}.{f}", want.get(f), value.text if value is not None else None)
    return bad


@pytest.mark.parametrize("path, expected_path", CASES,
                         ids=[f"{c[0].parent.name}/{c[0].name}" for c in CASES])
def test_fixture(path: Path, expected_path: Path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    doc = extract(path)
    assert doc.format.value == expected["format"]
    best = best_kind(doc)
    assert best is not None and best[0].name == expected["kind"], (
        f"{path.name}: classified as {best and (best[0].name, best[1])}")
    reports = parse(doc)
    assert len(reports) == len(expected["reports"]), (
        f"{path.name}: {len(reports)} reports, expected {len(expected['reports'])}")
    bad: list[str] = []
    for i, (want, got) in enumerate(zip(expected["reports"], reports)):
        bad += _compare(want, got, f"{path.name} reports[{i}]")
        # every parsed figure must point back into this very file
        for ln in got.lines:
            assert ln.ref.file_sha256 == doc.file_sha256
    assert not bad, "\n".join(bad)


def _bad_cases() -> list[dict]:
    listing = FIXTURES / "expected" / "bad" / "errors.json"
    if not listing.is_file():
        return []
    entries = json.loads(listing.read_text(encoding="utf-8"))
    return [e for e in entries if e["stage"] in ("classify", "finding")]


BAD = _bad_cases()


@pytest.mark.parametrize("case", BAD, ids=[c["file"] for c in BAD])
def test_bad_fixture(case):
    """Files that are readable but must not be taken for, or cannot be read as, a monitoring table."""
    from extractors.kinds.monitoring import detect

    doc = extract(FIXTURES / "bad" / case["file"])
    if case["stage"] == "classify":
        assert detect(doc) < 0.5, case["why"]
        return
    assert detect(doc) >= 0.5
    (report,) = parse(doc)  # read, with the unreadable figures left out and listed
    unread = [c for c in report.unread_cells if case["reason_contains"] in c.raw]
    assert unread and all(c.problem == "不是数字" and c.ref.sheet for c in unread)
