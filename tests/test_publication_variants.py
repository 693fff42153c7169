"""Generated 部门决算 publications (tools/fixturegen/generators/publications.py) read back and checked.

Expected values come from fixtures/expected/publications/<file>.json, written by the generator from
its inputs (the tables and line items it printed, the findings it planted), never from the parser:
- every table and every line item of the clean publication (PDF and GBK portal HTML) reads back
  as written, with the values in 万元 (the county's tables are printed in 元);
- each variant yields exactly its planted error/warning findings, and no other (precision), and
  the clean publications none.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import need_file

from checks.catalogue import load_config, run_checks
from extractors import extract
from extractors.kinds.final_accounts import parse
from schemas.final_accounts import Publication, PublicationLine

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "fixtures" / "publications"
EXPECTED = ROOT / "fixtures" / "expected" / "publications"
CLEAN = "上海市普陀区档案馆2024年度部门决算"


def _expected_files() -> list[Path]:
    return sorted(EXPECTED.rglob("*.json"))


def _file_of(expected: Path) -> Path:
    return FILES / expected.relative_to(EXPECTED).with_suffix("")


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(EXPECTED).with_suffix("")) for p in paths]


ALL = _expected_files()
CLEAN_FILES = [p for p in ALL if not json.loads(p.read_text(encoding="utf-8"))["planted"]]
VARIANTS = [p for p in ALL if p not in CLEAN_FILES]


@cache
def _pub(path: str) -> Publication:
    return parse(extract(path))[0]


def _load(expected: Path) -> tuple[dict, Publication]:
    data = json.loads(expected.read_text(encoding="utf-8"))
    return data, _pub(str(need_file(_file_of(expected))))


def _wan(text: str, unit: str) -> Decimal:
    v = Decimal(text.replace(",", ""))
    return v / 10000 if unit == "元" else v


def test_the_generator_wrote_the_files_it_describes() -> None:
    assert len(CLEAN_FILES) >= 3  # PDF, HTML, another region's PDF
    assert len(VARIANTS) >= 15
    for p in ALL:
        need_file(_file_of(p))


@pytest.mark.parametrize("expected", CLEAN_FILES, ids=_ids(CLEAN_FILES))
def test_every_table_and_line_item_reads_back_as_written(expected: Path) -> None:
    data, pub = _load(expected)
    assert pub.unit.value == data["unit"] and pub.year == data["year"] and pub.kind == "决算"
    assert [t.key for t in pub.tables] == [t["key"] for t in data["tables"]]
    for want, got in zip(data["tables"], pub.tables):
        where = want["key"]
        assert got.title == want["title"], where
        assert got.amount_unit == want["amount_unit"], where
        assert got.status == want["status"], where
        assert (got.empty_statement.text if got.empty_statement else None) == want["empty_statement"], where
        headers = [c.header for c in got.columns]
        assert headers == want["columns"], where
        assert len(got.lines) == len(want["lines"]), (where, [ln.name for ln in got.lines])
        for w, g in zip(want["lines"], got.lines):
            _same_line(where, want["amount_unit"], w, g, got.columns)


def _same_line(where: str, unit: str, want: dict, got: PublicationLine, columns) -> None:
    roles = {c.header: c.role for c in columns if c.side == got.side}
    assert got.code == want["code"], (where, want)
    assert got.side == want["side"], (where, want)
    labels = {got.name, *got.texts.values()}
    amounts = {h for h, r in roles.items() if r == "amount"}
    for header, text in want["cells"].items():
        if header in amounts:
            assert header in got.values, (where, want["name"], header)
            assert got.values[header].value == Decimal(want["values"][header]), (where, want["name"], header)
            assert got.values[header].value == _wan(text, unit), (where, want["name"], header)
        else:
            assert text in labels, (where, want["name"], header, text)
    for header in amounts - set(want["cells"]):  # printed blank
        v = got.values.get(header)
        assert v is None or v.blank or v.value == 0, (where, want["name"], header)


def _findings(pub: Publication):
    return [f for f in run_checks([pub], load_config()) if f.severity in ("error", "warning")]


def _matches(finding, planted: dict) -> bool:
    s = finding.subject
    return (finding.rule_id == planted["rule_id"] and s.unit == planted["unit"] and s.year == planted["year"]
            and all(part in s.line for part in planted["line_has"])
            and ("column" not in planted or s.column == planted["column"]))


@pytest.mark.parametrize("expected", CLEAN_FILES, ids=_ids(CLEAN_FILES))
def test_clean_publications_raise_nothing(expected: Path) -> None:
    _, pub = _load(expected)
    assert [(f.rule_id, f.message) for f in _findings(pub)] == []


@pytest.mark.parametrize("expected", VARIANTS, ids=_ids(VARIANTS))
def test_each_variant_yields_exactly_its_planted_findings(expected: Path) -> None:
    data, pub = _load(expected)
    findings = _findings(pub)
    unmatched = list(findings)
    for planted in data["planted"]:
        hit = next((f for f in unmatched if _matches(f, planted)), None)
        assert hit is not None, (planted, [(f.rule_id, f.subject.line, f.subject.column) for f in findings])
        unmatched.remove(hit)
    assert [(f.rule_id, f.message) for f in unmatched] == []  # precision: nothing else


def test_variants_exercise_the_table_and_narrative_rules() -> None:
    rules = {p["rule_id"] for e in VARIANTS for p in json.loads(e.read_text(encoding="utf-8"))["planted"]}
    assert {"FIN001", "FIN002", "FIN003", "FIN004", "FIN005", "FIN006", "FIN007", "FIN008", "FIN009", "FIN011",
            "FIN013", "NAR001", "NAR002", "NAR003", "NAR004", "NAR005"} <= rules
