"""Corrected resubmissions: reading kept by content (runs/cache.py), the diff of two runs
(runs/diff.py, changes.json, `jixiao diff`) and reading again on demand (`jixiao rerun`).

Every expected value comes from the generator's inputs: the tables below are written by
`write_table_docx` with the figures the test states (执行率 = 执行数 ÷ 全年预算数)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from runs import cache
from runs.diff import diff_runs, read_run
from runs.discover import discover
from runs.isolation import ISOLATION_ENV, process_isolated
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission
from test_runs import write_table_docx

ENV = {"COLUMNS": "250"}
# Version 1: 甲 40.00 is wrong (50.00 expected); 乙 right; 丙 40.00 wrong (50.00 expected).
V1 = {"甲": ["100.00", "50.00", "40.00"], "乙": ["200.00", "120.00", "60.00"], "丙": ["80.00", "40.00", "40.00"]}
# Version 2: 甲 still wrong but now 45.00 (changed figures); 乙 spent 130.00, rate left at 60.00
# (new: 65.00 expected); 丙 corrected to 50.00 (resolved).
V2 = {"甲": ["100.00", "50.00", "45.00"], "乙": ["200.00", "130.00", "60.00"], "丙": ["80.00", "40.00", "50.00"]}


def write_version(root: Path, figures: dict[str, list[str]]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for unit, row in figures.items():
        path = root / f"{unit}单位监控表.docx"
        write_table_docx(path, f"{unit}单位", [["合计", *row]])
    return root


def _run(root: Path, out: Path, minute: int, cache_dir: Path | None = None):
    results = [process_isolated(p, root, cache=cache_dir) for p in discover(root)]
    findings = check_submission(results)
    return write_run(results, findings, root, datetime(2026, 3, 1, 9, minute, 0), RunOptions(output_root=out))


@pytest.fixture
def in_process(monkeypatch):
    monkeypatch.setenv(ISOLATION_ENV, "0")


# ------------------------------------------------------------------ reading kept by content


def test_a_file_read_before_is_not_read_again_until_its_content_changes(tmp_path, in_process, monkeypatch) -> None:
    from runs import isolation

    root = write_version(tmp_path / "甲单位", {"甲": V1["甲"]})
    (path,) = discover(root)
    reads: list[Path] = []
    real = isolation._process
    monkeypatch.setattr(isolation, "_process", lambda p, *a: reads.append(p) or real(p, *a))
    kept = tmp_path / "cache"

    first = process_isolated(path, root, cache=kept)
    second = process_isolated(path, root, cache=kept)
    assert len(reads) == 1 and not first.from_cache and second.from_cache
    assert second.records == first.records and second.sha256 == first.sha256

    assert not process_isolated(path, root, cache=kept, refresh=True).from_cache  # asked to read again
    assert len(reads) == 2
    write_version(root, {"甲": V2["甲"]})  # new content: a miss
    third = process_isolated(path, root, cache=kept)
    assert len(reads) == 3 and not third.from_cache
    assert third.records[0].lines[0].reported_rate.raw == "45.00"


def test_the_cache_key_follows_the_manifest_the_location_and_the_code(tmp_path, monkeypatch) -> None:
    root = write_version(tmp_path / "甲单位", {"甲": V1["甲"]})
    (path,) = discover(root)
    sha = "0" * 64
    key = cache.cache_key(path, root, sha)
    assert cache.cache_key(path, root, sha) == key
    (root / "submission.yaml").write_text("unit: 甲单位\nyear: 2024\n", encoding="utf-8")
    with_manifest = cache.cache_key(path, root, sha)
    assert with_manifest != key
    moved = root / "子目录"
    moved.mkdir()
    shutil.copy(path, moved / path.name)
    assert cache.cache_key(moved / path.name, root, sha) != with_manifest
    monkeypatch.setattr(cache, "code_version", lambda: "another parser")
    assert cache.cache_key(path, root, sha) != with_manifest


def test_errors_are_not_kept_and_a_damaged_entry_is_read_again(tmp_path, in_process) -> None:
    root = tmp_path / "提交"
    root.mkdir()
    bad = root / "损坏.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    kept = tmp_path / "cache"
    assert process_isolated(bad, root, cache=kept).status == "error"
    assert not list(kept.rglob("*.json"))  # an error may be the machine's: tried again next time

    write_version(root, {"甲": V1["甲"]})
    good = root / "甲单位监控表.docx"
    process_isolated(good, root, cache=kept)
    (entry,) = kept.rglob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    again = process_isolated(good, root, cache=kept)
    assert again.status == "ok" and not again.from_cache


# ------------------------------------------------------------------ the diff of two runs


@pytest.fixture
def two_runs(tmp_path, in_process):
    root = write_version(tmp_path / "提交材料", V1)
    out = tmp_path / "out"
    kept = tmp_path / "cache"
    first = _run(root, out, 0, kept)
    write_version(root, V2)
    second = _run(root, out, 5, kept)
    return first, second, out


def test_a_corrected_resubmission_names_its_changed_files_findings_and_values(two_runs) -> None:
    first, second, out = two_runs
    d = diff_runs(read_run(out / first.run_id), read_run(out / second.run_id))
    assert [(f.path, f.status) for f in d.files] == [
        ("丙单位监控表.docx", "changed"), ("乙单位监控表.docx", "changed"), ("甲单位监控表.docx", "changed")]
    by_unit = {c.finding.subject.unit: c for c in d.findings}
    assert {u: c.status for u, c in by_unit.items()} == {"甲单位": "changed", "乙单位": "new", "丙单位": "resolved"}
    changed = by_unit["甲单位"]
    assert changed.old.fingerprint == changed.new.fingerprint
    rate = next(g for g in changed.figures if g.what.startswith("执行率"))
    assert (rate.old, rate.new) == ("40.00", "45.00")
    values = {(v.document, v.field): (v.old, v.new) for v in d.values}
    assert values == {
        ("甲单位监控表.docx", "lines[合计].reported_rate"): ("40.00", "45.00"),
        ("乙单位监控表.docx", "lines[合计].executed"): ("120.00", "130.00"),
        ("丙单位监控表.docx", "lines[合计].reported_rate"): ("40.00", "50.00"),
    }


def test_the_second_run_records_its_changes_and_reads_only_the_changed_files(two_runs, tmp_path) -> None:
    first, second, out = two_runs
    assert first.previous_run is None and not (out / first.run_id / "changes.json").exists()
    assert second.previous_run == first.run_id
    assert second.changes == {"files_changed": 3, "findings_new": 1, "findings_resolved": 1, "findings_changed": 1,
                              "findings_open": 0, "values_changed": 3}
    saved = json.loads((out / second.run_id / "changes.json").read_text("utf-8"))
    assert saved["counts"] == second.changes and saved["old_run"] == first.run_id
    # a third run with one table corrected reads that table only
    root = Path(second.submission)
    write_version(root, {"甲": ["100.00", "50.00", "50.00"]})
    third = _run(root, out, 9, tmp_path / "cache")
    assert third.documents_from_cache == 2 and third.changes["files_changed"] == 1
    assert third.changes["findings_resolved"] == 1


def test_diff_command_shows_both_runs_side_by_side(two_runs) -> None:
    from flows.cli import app

    first, second, out = two_runs
    result = CliRunner().invoke(app, ["diff", "-o", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert f"运行 {first.run_id} → {second.run_id}" in result.output
    assert "数字有变化" in result.output and "40.00 → 45.00" in result.output and "已解决" in result.output
    as_json = json.loads(CliRunner().invoke(app, ["diff", first.run_id, second.run_id, "-o", str(out), "--json"],
                                            env=ENV).output)
    assert as_json["counts"]["findings_changed"] == 1
    lonely = CliRunner().invoke(app, ["diff", first.run_id, "-o", str(out)], env=ENV)
    assert lonely.exit_code == 1 and "之前没有同一提交文件夹" in lonely.output


def test_rerun_reads_the_named_document_again(prefect_harness, tmp_path, monkeypatch) -> None:
    from flows.cli import app

    monkeypatch.setenv(ISOLATION_ENV, "0")
    root = write_version(tmp_path / "提交材料", V1)
    out = tmp_path / "out"
    first = CliRunner().invoke(app, ["run", str(root), "-o", str(out)], env=ENV)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["rerun", "-o", str(out), "-d", "甲单位监控表.docx"], env=ENV)
    assert again.exit_code == 0, again.output
    docs = {d["path"]: d["from_cache"] for d in json.loads((out / "latest" / "documents.json").read_text("utf-8"))}
    assert docs == {"丙单位监控表.docx": True, "乙单位监控表.docx": True, "甲单位监控表.docx": False}
    missing = CliRunner().invoke(app, ["rerun", "-o", str(out), "-d", "不存在.docx"], env=ENV)
    assert missing.exit_code == 1 and "中没有文件：不存在.docx" in missing.output


def test_history_marks_a_finding_whose_figures_changed(two_runs) -> None:
    from runs import store

    first, second, out = two_runs
    (unit,) = store.history(store.default_url(out), "甲单位")
    assert [c.status for c in unit.runs[-1].changes] == ["changed"]
    assert store.CHANGE_LABELS["changed"] == "数字有变化"


def test_a_renamed_corrected_file_is_a_new_version_of_the_same_document(tmp_path, in_process) -> None:
    """The corrected table sent under another name (same unit, kind, year, period): it
    supersedes the old file in the diff, and its values are compared with the old ones."""
    root = write_version(tmp_path / "提交材料", {"甲": V1["甲"]})
    out, kept = tmp_path / "out", tmp_path / "cache"
    first = _run(root, out, 0, kept)
    (root / "甲单位监控表.docx").unlink()
    write_table_docx(root / "甲单位监控表（修改稿）.docx", "甲单位", [["合计", *V2["甲"]]])
    second = _run(root, out, 5, kept)
    d = diff_runs(read_run(out / first.run_id), read_run(out / second.run_id))
    assert [(f.path, f.status, f.old_path) for f in d.files] == [
        ("甲单位监控表（修改稿）.docx", "changed", "甲单位监控表.docx")]
    assert [(v.field, v.old, v.new) for v in d.values] == [("lines[合计].reported_rate", "40.00", "45.00")]
