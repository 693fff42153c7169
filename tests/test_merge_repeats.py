"""The same document handed in twice (a signed PDF and its Excel) gives each problem once."""

from __future__ import annotations

import shutil

from checks.catalogue import merge_repeats
from runs.discover import discover
from runs.process import check_submission, process_document
from schemas.findings import Evidence, Finding, Severity, Subject
from schemas.provenance import SourceRef
from tests.conftest import FIXTURES, need_file

TABLE = "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"
COPY = "南街街道办事处2024年1-6月部门整体绩效运行监控表（盖章版）.xlsx"


def _findings(folder):
    return check_submission([process_document(p, folder) for p in discover(folder)])


def test_a_table_handed_in_twice_gives_each_finding_once_naming_both_files(tmp_path) -> None:
    source = need_file(FIXTURES / "nanjie-2024" / TABLE)
    once, twice = tmp_path / "once", tmp_path / "twice"
    once.mkdir(), twice.mkdir()
    shutil.copy(source, once / TABLE)
    shutil.copy(source, twice / TABLE)
    shutil.copy(source, twice / COPY)
    single, double = _findings(once), _findings(twice)
    # the 1-6月 table alone: MON001 ×2 (基本支出, 项目支出), MON005, MON006, MON007 (项目支出)
    assert sorted(f.rule_id for f in single) == ["MON001", "MON001", "MON005", "MON006", "MON007"]
    assert [f.fingerprint for f in double] == [f.fingerprint for f in single]
    for f in double:
        assert f.details["also_in"] == [COPY]
        assert {e.ref.file_name for e in f.evidence} == {TABLE, COPY}
        assert f.text.endswith(f"（同一问题亦见于：{COPY}）")


def _finding(file_name: str, row: int) -> Finding:
    ref = SourceRef(file_sha256="0" * 64, file_name=file_name, sheet="Sheet1", row=row, column=2)
    return Finding(rule_id="MON006", rule_name="x", severity=Severity.WARNING, message="偏差原因笼统",
                   subject=Subject(unit="某单位", year=2024, period="1-6月", line="项目支出", column="偏差原因"),
                   evidence=[Evidence(role="偏差原因", raw="x", ref=ref)])


def test_the_same_fingerprint_from_one_file_is_not_a_repeat() -> None:
    a, b = _finding("a.xlsx", 5), _finding("a.xlsx", 9)
    assert a.fingerprint == b.fingerprint
    assert merge_repeats([a, b]) == [a, b]
    assert "also_in" not in a.details and a.message == "偏差原因笼统"


def test_a_repeat_keeps_the_message_and_names_the_other_file_in_its_text() -> None:
    a, b = _finding("a.xlsx", 5), _finding("b.xlsx", 5)
    (merged,) = merge_repeats([a, b])
    assert merged.message == "偏差原因笼统"
    assert merged.text == "偏差原因笼统（来源：a.xlsx Sheet1!B5）（同一问题亦见于：b.xlsx）"
