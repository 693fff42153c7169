"""The run machinery without Prefect: discovery, per-document processing, checks, output folder.

The submission is built in tmp_path from small Word files. A test-only document kind (registered
through the public registry, detected by a marker no real document carries) turns them into
MonitoringReport records, so these tests do not depend on the real monitoring parser; the real
rules (checks/monitoring/) run over those records.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, need_file
from extractors.kinds import DocumentKind, ParseError, register
from textnorm.numbers import amount, rate
from runs import (
    SubmissionError,
    check_submission,
    discover,
    make_run_id,
    output_root,
    process_document,
    update_latest,
)
from runs.options import RunOptions
from runs.output import write_run
from reporting.findings import finding_sources
from runs.output import DOCUMENT_COLUMNS, FINDING_COLUMNS
from schemas.findings import Evidence, Finding, Subject
from schemas.provenance import SourceRef
from schemas.document import Document
from schemas.monitoring import MonitoringLine, MonitoringReport
from schemas.records import Attribute
from schemas.run import DocumentResult

MARKER = "JIXIAO测试专用表"
INTERNAL_ERROR_MARKER = "触发内部错误"


# ------------------------------------------------------------------ test-only document kind


def _detect(doc: Document) -> float:
    return 1.0 if MARKER in doc.all_text() else 0.0


def _parse(doc: Document) -> list[MonitoringReport]:
    text = doc.all_text()
    if INTERNAL_ERROR_MARKER in text:
        raise RuntimeError("测试用的意外错误")
    unit_block = next((b for b in doc.blocks if b.text.startswith("单位：")), None)
    if unit_block is None or not doc.tables:
        raise ParseError(doc.file_name, "找不到“单位：”或预算执行表")
    table = doc.tables[0]
    lines = []
    for row in table.rows[1:]:
        label, budget, executed, reported = row[:4]
        lines.append(
            MonitoringLine(
                name=label.text,
                raw_name=label.text,
                ref=label.ref,
                annual_budget=amount(budget.text, budget.ref, "万元"),
                executed=amount(executed.text, executed.ref, "万元"),
                reported_rate=rate(reported.text, reported.ref),
            )
        )
    unit = unit_block.text.removeprefix("单位：")
    return [
        MonitoringReport(
            kind="unit",
            unit=Attribute(value=unit, raw=unit_block.text, ref=unit_block.ref),
            year=2024,
            year_attr=Attribute(value="2024", raw="2024年"),
            period_months=6,
            period_attr=Attribute(value="6", raw="1-6月"),
            amount_unit="万元",
            file_name=doc.file_name,
            file_sha256=doc.file_sha256,
            lines=lines,
        )
    ]


TEST_KIND = DocumentKind("jixiao_test_kind", "测试监控表", _detect, _parse)
try:
    register(TEST_KIND)
except ValueError:  # already registered by another test module importing this one
    pass


def write_table_docx(path: Path, unit: str, rows: list[list[str]], marker: str = MARKER, extra: str = "") -> Path:
    """A Word file the test kind reads: marker, `单位：<unit>`, a table 项目/全年预算数/执行数/执行率."""
    d = docx.Document()
    d.add_paragraph(marker)
    if extra:
        d.add_paragraph(extra)
    d.add_paragraph(f"单位：{unit}")
    table = d.add_table(rows=1 + len(rows), cols=4)
    for r, values in enumerate([["项目", "全年预算数", "执行数", "执行率(%)"], *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)
    return path


def make_submission(root: Path) -> Path:
    """A submission: two readable tables (one with a wrong 执行率), a nested one, a corrupt file,
    an unrelated document and OS/Office junk."""
    root.mkdir(parents=True, exist_ok=True)
    # 执行率 40.00 is wrong: 50.00 / 100.00 = 50.00% (MON001)
    write_table_docx(root / "甲单位监控表.docx", "甲单位", [["合计", "100.00", "50.00", "40.00"]])
    write_table_docx(root / "乙单位监控表.docx", "乙单位", [["合计", "200.00", "120.00", "60.00"]])
    write_table_docx(root / "子目录" / "丙单位监控表.docx", "丙单位", [["合计", "80.00", "40.00", "50.00"]])
    (root / "损坏的文件.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    d = docx.Document()
    d.add_paragraph("会议纪要：与预算无关的普通文字。")
    d.save(root / "会议纪要.docx")
    # junk that must not be picked up
    (root / "~$甲单位监控表.docx").write_bytes(b"lock")
    (root / ".DS_Store").write_bytes(b"\x00\x00")
    (root / "Thumbs.db").write_bytes(b"\x00")
    (root / ".hidden").mkdir()
    write_table_docx(root / ".hidden" / "隐藏.docx", "隐藏单位", [["合计", "1.00", "1.00", "100.00"]])
    return root


EXPECTED_DOCS = ["乙单位监控表.docx", "会议纪要.docx", "子目录/丙单位监控表.docx", "损坏的文件.docx", "甲单位监控表.docx"]


@pytest.fixture
def submission(tmp_path: Path) -> Path:
    return make_submission(tmp_path / "提交材料")


def process_all(root: Path) -> list[DocumentResult]:
    return [process_document(p, root) for p in discover(root)]


# ------------------------------------------------------------------ discovery


def test_discover_skips_junk_and_sorts(submission: Path) -> None:
    found = [p.relative_to(submission).as_posix() for p in discover(submission)]
    assert found == EXPECTED_DOCS


def test_discover_keeps_unusual_extensions(tmp_path: Path) -> None:
    # formats are sniffed from content, so an odd extension is still a candidate document
    (tmp_path / "监控表.doc.bak").write_bytes(b"%PDF-1.4")
    (tmp_path / "~$lock.xlsx").write_bytes(b"x")
    (tmp_path / "desktop.ini").write_text("[x]")
    (tmp_path / "__MACOSX").mkdir()
    (tmp_path / "__MACOSX" / "a.pdf").write_bytes(b"%PDF-1.4")
    assert [p.name for p in discover(tmp_path)] == ["监控表.doc.bak"]


def test_discover_missing_or_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SubmissionError, match="不存在") as err:
        discover(tmp_path / "没有这个文件夹")
    assert (err.value.code, err.value.category) == ("submission.invalid", "input")
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4")
    with pytest.raises(SubmissionError, match="不是文件夹"):
        discover(f)


# ------------------------------------------------------------------ processing


def test_corrupt_file_is_an_error_and_the_others_succeed(submission: Path) -> None:
    results = {r.path: r for r in process_all(submission)}
    assert list(results) == EXPECTED_DOCS

    bad = results["损坏的文件.docx"]
    assert bad.status == "error"
    assert [(e.code, e.category, e.file) for e in bad.errors] == [("office.damaged", "unreadable", "损坏的文件.docx")]
    assert bad.error == bad.errors[0].message and "已损坏" in bad.error
    assert bad.records == [] and bad.sha256 == hashlib.sha256((submission / "损坏的文件.docx").read_bytes()).hexdigest()

    other = results["会议纪要.docx"]
    assert other.status == "unrecognised" and other.format == "docx"
    assert [(e.code, e.category) for e in other.errors] == [("kind.unrecognised", "unrecognised")]
    assert "未能识别文件“会议纪要.docx”的文档类型" in other.error

    ok = results["甲单位监控表.docx"]
    assert (ok.status, ok.kind, ok.kind_label, ok.confidence) == ("ok", "jixiao_test_kind", "测试监控表", 1.0)
    (report,) = ok.records
    assert report.unit.value == "甲单位"
    line = report.line("合计")
    assert (line.annual_budget.value, line.executed.value, line.reported_rate.value) == (
        Decimal("100.00"), Decimal("50.00"), Decimal("40.00"))
    assert line.executed.ref.file_name == "甲单位监控表.docx"
    assert (line.executed.ref.table, line.executed.ref.row, line.executed.ref.column) == (1, 2, 3)

    nested = results["子目录/丙单位监控表.docx"]
    assert nested.status == "ok" and nested.file_name == "丙单位监控表.docx"
    assert nested.records[0].unit.value == "丙单位"


def test_parse_error_and_internal_error_are_recorded(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph(MARKER)  # the kind is detected but there is no table to parse
    d.save(tmp_path / "缺表.docx")
    write_table_docx(tmp_path / "出错.docx", "丁单位", [["合计", "1", "1", "100"]], extra=INTERNAL_ERROR_MARKER)

    missing = process_document(tmp_path / "缺表.docx", tmp_path)
    assert missing.status == "error" and missing.kind == "jixiao_test_kind"
    assert [(e.code, e.category) for e in missing.errors] == [("parse.failed", "parse")]
    assert missing.error == "文件“缺表.docx”内容无法解析：找不到“单位：”或预算执行表"

    crashed = process_document(tmp_path / "出错.docx", tmp_path)
    assert crashed.status == "error" and crashed.format == "docx" and crashed.sha256
    assert [(e.code, e.category) for e in crashed.errors] == [("internal.error", "internal")]
    assert "出错.docx" in crashed.error and "内部错误" in crashed.error and "RuntimeError" in crashed.error


def test_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "空.pdf").write_bytes(b"")
    empty = process_document(tmp_path / "空.pdf", tmp_path)
    assert empty.status == "error" and [e.code for e in empty.errors] == ["file.empty"]
    assert "空.pdf" in empty.error and "0 字节" in empty.error
    gone = process_document(tmp_path / "不存在.pdf", tmp_path)
    assert gone.status == "error" and [e.code for e in gone.errors] == ["file.missing"]
    assert "不存在.pdf" in gone.error


def test_input_files_are_not_modified(submission: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in submission.rglob("*") if p.is_file()}
    process_all(submission)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in submission.rglob("*") if p.is_file()}
    assert after == before


def test_check_submission_uses_the_records_of_readable_documents(submission: Path) -> None:
    results = process_all(submission)
    findings = check_submission(results)
    mon001 = [f for f in findings if f.rule_id == "MON001"]
    # only 甲单位 reports a wrong rate (40.00 for 50.00 / 100.00); 乙 60.00 and 丙 50.00 are right
    assert [f.subject.unit for f in mon001] == ["甲单位"]
    assert {e.ref.file_name for e in mon001[0].evidence} == {"甲单位监控表.docx"}
    assert "40.00" in mon001[0].message and "50.00" in mon001[0].message


# ------------------------------------------------------------------ run id and output


def _result(path: str, sha: str | None, status: str = "ok") -> DocumentResult:
    return DocumentResult(path=path, file_name=path, sha256=sha, status=status)


def test_run_id_format_and_sortability() -> None:
    docs = [_result("a.pdf", "aa" * 32), _result("b.pdf", "bb" * 32)]
    ids = [
        make_run_id(docs, datetime(2024, 12, 31, 23, 59, 59)),
        make_run_id(docs, datetime(2025, 1, 1, 0, 0, 0)),
        make_run_id(docs, datetime(2025, 1, 1, 9, 5, 3)),
        make_run_id(docs, datetime(2025, 10, 2, 8, 0, 0)),
    ]
    assert ids[1].startswith("20250101-000000-")
    assert all(re.fullmatch(r"\d{8}-\d{6}-[0-9a-f]{6}", i) for i in ids)
    assert sorted(ids) == ids
    # the suffix depends on the files' hashes only, not on their order or names
    swapped = [_result("x.pdf", "bb" * 32), _result("y.pdf", "aa" * 32)]
    assert make_run_id(swapped, datetime(2025, 1, 1)) == make_run_id(docs, datetime(2025, 1, 1))
    assert make_run_id(docs, datetime(2025, 1, 1))[-6:] == hashlib.sha256(
        ("aa" * 32 + "\n" + "bb" * 32).encode()).hexdigest()[:6]
    other = [_result("a.pdf", "cc" * 32)]
    assert make_run_id(other, datetime(2025, 1, 1))[-6:] != ids[1][-6:]


def test_output_root_default_env_and_explicit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JIXIAO_OUTPUT", raising=False)
    assert output_root() == Path("output")
    monkeypatch.setenv("JIXIAO_OUTPUT", str(tmp_path / "env"))
    assert output_root() == tmp_path / "env"
    assert output_root(tmp_path / "cli") == tmp_path / "cli"


def test_write_run_writes_every_file(submission: Path, tmp_path: Path) -> None:
    results = process_all(submission)
    findings = check_submission(results)
    assert findings, "the submission has a wrong 执行率, so there is at least one finding"
    out = tmp_path / "out"
    started = datetime(2025, 3, 1, 10, 0, 0)
    summary = write_run(results, findings, submission, started, RunOptions(output_root=out))

    run_dir = out / summary.run_id
    assert summary.run_id.startswith("20250301-100000-")
    assert summary.output_dir == str(run_dir.resolve())
    assert sorted(p.name for p in run_dir.iterdir()) == ["documents.json", "findings.json", "findings.xlsx", "summary.json"]
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []

    docs = json.loads((run_dir / "documents.json").read_text("utf-8"))
    assert [d["path"] for d in docs] == EXPECTED_DOCS
    assert [d["status"] for d in docs] == ["ok", "unrecognised", "ok", "error", "ok"]
    first = docs[4]["records"][0]
    assert first["record_type"] == "monitoring_report" and first["unit"]["value"] == "甲单位"
    assert first["lines"][0]["executed"]["value"] == "50.00"  # exact decimals, as text
    # documents.json reads back into typed records (the discriminated union on record_type)
    back = [DocumentResult.model_validate(d) for d in docs]
    assert isinstance(back[4].records[0], MonitoringReport) and back == results

    written = json.loads((run_dir / "findings.json").read_text("utf-8"))
    assert [f["fingerprint"] for f in written] == [f.fingerprint for f in findings]
    assert [f["rule_id"] for f in written] == [f.rule_id for f in findings]

    s = json.loads((run_dir / "summary.json").read_text("utf-8"))
    assert s["run_id"] == summary.run_id and s["submission"] == str(submission.resolve())
    assert s["documents"] == {"total": 5, "ok": 3, "partial": 0, "error": 1, "unrecognised": 1}
    assert s["errors"] == {"unreadable": 1, "unrecognised": 1}
    assert s["records"] == 3
    assert s["findings"]["total"] == len(findings)
    assert s["findings"]["error"] == sum(1 for f in findings if f.severity == "error")
    assert s["started"].startswith("2025-03-01T10:00:00")
    assert s["rules_file"] is None and "MON001" in s["rules_config"]["rules"]

    # the store keeps the error items and their counts
    from runs import store as run_store

    run, stored, _, _ = run_store.load_run(summary.store, summary.run_id)
    assert run.errors == {"unreadable": 1, "unrecognised": 1} and run.documents["partial"] == 0
    assert [[e.code for e in d.errors] for d in stored] == [[], ["kind.unrecognised"], [], ["office.damaged"], []]
    assert stored == results


def test_findings_xlsx(submission: Path, tmp_path: Path) -> None:
    results = process_all(submission)
    findings = check_submission(results)
    summary = write_run(results, findings, submission, datetime(2025, 3, 1), RunOptions(output_root=tmp_path / "out"))
    wb = load_workbook(Path(summary.output_dir) / "findings.xlsx")
    assert wb.sheetnames == ["问题清单", "文件", "更正"]

    ws = wb["问题清单"]
    headers = [c.value for c in ws[1]]
    assert headers == ["严重程度", "规则编号", "规则", "单位", "年度", "期间", "项目", "行", "列",
                       "问题描述", "证据（来源）", "指纹", "复核状态", "复核意见", "复核人", "原文"]
    assert [h for h, _ in FINDING_COLUMNS] == headers
    assert ws.max_row == 1 + len(findings)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:P{1 + len(findings)}"
    assert ws.column_dimensions["J"].width == 60
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    mon = rows["MON001"]
    assert mon[0] == "错误" and mon[3] == "甲单位" and mon[4] == 2024 and mon[5] == "1-6月" and mon[7] == "合计"
    assert "甲单位监控表.docx" in mon[10] and "40.00" in mon[10]
    assert mon[11] == next(f.fingerprint for f in findings if f.rule_id == "MON001")

    ws = wb["文件"]
    assert [c.value for c in ws[1]] == [h for h, _ in DOCUMENT_COLUMNS]
    files = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert list(files) == EXPECTED_DOCS
    assert files["损坏的文件.docx"][4] == "错误" and "损坏" in files["损坏的文件.docx"][6]
    assert files["会议纪要.docx"][4] == "未识别"
    assert files["甲单位监控表.docx"][2:6] == ("测试监控表", 1, "成功", 1)


def test_latest_points_at_the_newest_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    docs = [_result("a.pdf", "aa" * 32)]
    older = write_run(docs, [], tmp_path, datetime(2025, 1, 1, 8, 0, 0), RunOptions(output_root=out))
    newer = write_run(docs, [], tmp_path, datetime(2025, 1, 2, 8, 0, 0), RunOptions(output_root=out))
    latest = out / "latest"
    assert latest.is_symlink() and os.readlink(latest) == newer.run_id  # relative link
    assert json.loads((latest / "summary.json").read_text("utf-8"))["run_id"] == newer.run_id
    # a run whose id sorts earlier (clock set back) does not steal `latest`
    write_run(docs, [], tmp_path, datetime(2024, 6, 1), RunOptions(output_root=out))
    assert os.readlink(latest) == newer.run_id
    assert older.run_id < newer.run_id


def test_same_second_same_files_gets_a_distinct_folder(tmp_path: Path) -> None:
    docs = [_result("a.pdf", "aa" * 32)]
    a = write_run(docs, [], tmp_path, datetime(2025, 1, 1), RunOptions(output_root=tmp_path / "out"))
    b = write_run(docs, [], tmp_path, datetime(2025, 1, 1), RunOptions(output_root=tmp_path / "out"))
    assert b.run_id == a.run_id + "-2" and b.run_id > a.run_id
    assert os.readlink(tmp_path / "out" / "latest") == b.run_id


def test_latest_txt_when_symlinks_are_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_symlinks(*args, **kwargs):
        raise OSError("symbolic links are not supported here")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    out = tmp_path / "out"
    for run in ("20250101-080000-abcdef", "20250102-080000-abcdef"):
        (out / run).mkdir(parents=True)
        (out / run / "summary.json").write_text("{}", encoding="utf-8")
    (out / "20250103-080000-abcdef").mkdir()  # a run folder without its summary is no run
    (out / "notes").mkdir()  # not a run folder
    assert update_latest(out) == "20250102-080000-abcdef"
    assert (out / "latest.txt").read_text("utf-8").strip() == "20250102-080000-abcdef"
    assert not (out / "latest").exists()


def test_finding_sources_groups_by_file() -> None:
    def ev(file: str, **where) -> Evidence:
        return Evidence(role="执行数", raw="1", ref=SourceRef(file_sha256="0", file_name=file, **where))

    f = Finding(
        rule_id="MON001", rule_name="x", severity="error", message="m", subject=Subject(),
        evidence=[ev("a.pdf", page=3, table=2, row=5, column=4), ev("a.pdf", page=3, table=2, row=5, column=3),
                  ev("b.xlsx", sheet="Sheet1", row=5, column=3), ev("a.pdf", page=3, table=2, row=5, column=4)],
    )
    assert finding_sources(f) == "a.pdf 第3页 表2 第5行第4列、第3页 表2 第5行第3列；b.xlsx Sheet1!C5"


def test_bad_fixtures_are_reported_and_do_not_stop_the_others() -> None:
    """fixtures/bad: every file fails at the stage the generator planted (expected/bad/errors.json);
    a file whose figures are words (`约五十万`) is read, and each such cell is a finding."""
    root = need_file(FIXTURES / "bad")
    expected = json.loads(need_file(FIXTURES / "expected" / "bad" / "errors.json").read_text("utf-8"))
    results = {r.path: r for r in process_all(root)}
    assert sorted(results) == sorted(e["file"] for e in expected)
    for e in expected:
        r = results[e["file"]]
        if e["stage"] == "finding":
            assert r.status == "ok" and r.records, (e["file"], r.error)
            found = [f for f in check_submission([r]) if f.rule_id == e["rule"]]
            assert any(e["reason_contains"] in f.message and f.evidence[0].ref.sheet for f in found), found
            continue
        assert r.records == [], e["file"]
        assert e["file"] in (r.error or ""), (e["file"], r.error)
        if e["stage"] == "classify":
            assert r.status == "unrecognised", (e["file"], e["why"], r.error)
        else:
            assert r.status == "error", (e["file"], e["why"])
            assert e["reason_contains"] in r.error, (e["file"], r.error)
            if e["stage"] == "extract":
                assert r.kind is None and r.error.startswith(f"无法读取文件“{e['file']}”")
            else:  # parse: the kind was recognised, its content was not
                assert r.kind == "monitoring" and r.error.startswith(f"文件“{e['file']}”内容无法解析")


# ---------------------------------------------------------------- crash safety and concurrency


def test_runs_written_at_once_get_distinct_complete_folders(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from runs import store as run_store
    from runs.output import write_run
    from runs.options import RunOptions

    submission = make_submission(tmp_path / "提交材料")
    results = [process_document(p, submission) for p in discover(submission)]
    started = datetime(2024, 7, 10, 9, 30, 0)  # the same second, the same files: the same base id
    out = tmp_path / "out"
    with ThreadPoolExecutor(4) as pool:
        summaries = list(pool.map(lambda _: write_run(results, [], submission, started, RunOptions(output_root=out)), range(4)))
    ids = sorted(s.run_id for s in summaries)
    assert len(set(ids)) == 4 and all(s.store_error is None for s in summaries)
    for run_id in ids:
        assert {"documents.json", "findings.json", "findings.xlsx", "summary.json"} <= {p.name for p in (out / run_id).iterdir()}
    assert sorted(run_store.run_ids(run_store.store_url(None, out))) == ids
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".prefect"]  # no leftovers
    assert os.readlink(out / "latest") in ids


def test_leftovers_of_a_killed_writer_are_cleaned_and_its_finished_run_back_filled(tmp_path: Path) -> None:
    import subprocess
    import sys

    from runs import store as run_store
    from runs.output import clean_leftovers, write_run

    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)  # a process that has exited
    (out / ".20240710-093000-aaaaaa.claim").write_text(str(dead_pid), encoding="utf-8")
    (out / ".20240710-093000-aaaaaa.x1y2.tmp").mkdir()
    (out / ".20240710-093000-aaaaaa.x1y2.tmp" / "documents.json").write_text("[]", encoding="utf-8")
    (out / ".20240710-093001-bbbbbb.claim").write_text(str(os.getpid()), encoding="utf-8")  # a live writer
    (out / ".20240710-093001-bbbbbb.q.tmp").mkdir()
    (out / ".20240710-093002-cccccc.r.tmp").mkdir()  # no claim, young: a writer may be starting
    (out / ".20240710-093003-dddddd.s.tmp").mkdir()  # no claim, an hour old: left by a killed writer
    os.utime(out / ".20240710-093003-dddddd.s.tmp", (0, datetime.now().timestamp() - 3600))
    assert sorted(clean_leftovers(out)) == [".20240710-093000-aaaaaa.claim", ".20240710-093000-aaaaaa.x1y2.tmp",
                                            ".20240710-093003-dddddd.s.tmp"]
    assert (out / ".20240710-093001-bbbbbb.q.tmp").is_dir()  # still being written
    (out / ".20240710-093002-cccccc.r.tmp").rmdir()
    (out / ".20240710-093001-bbbbbb.claim").unlink()
    (out / ".20240710-093001-bbbbbb.q.tmp").rmdir()

    # a run whose folder was complete when its process was killed, before the store learnt of it
    submission = make_submission(tmp_path / "提交材料")
    results = [process_document(p, submission) for p in discover(submission)]
    first = write_run(results, [], submission, datetime(2024, 7, 10, 9, 30, 0), RunOptions(output_root=out))
    url = run_store.store_url(None, out)
    engine = run_store.open_store(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM runs WHERE run_id = ?", (first.run_id,))
    engine.dispose()
    assert first.run_id not in run_store.run_ids(url)
    second = write_run(results, [], submission, datetime(2024, 7, 10, 9, 31, 0), RunOptions(output_root=out))
    assert sorted(run_store.run_ids(url)) == sorted([first.run_id, second.run_id])


@pytest.mark.parametrize("point", ["while-staging", "after-rename"])
def test_a_writer_killed_at_any_point_leaves_no_half_run_and_a_rerun_repairs(tmp_path: Path, point: str) -> None:
    """A child process writes a run and dies like kill -9 (os._exit: no cleanup, no finally) at
    `point`; what it leaves is never a run, `latest` never points at it, and the next run cleans
    the leftovers and puts a complete orphan into the store."""
    import subprocess
    import sys
    import textwrap

    from runs import store as run_store

    submission = make_submission(tmp_path / "提交材料")
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(Path(__file__).resolve().parents[1])!r}, {str(Path(__file__).resolve().parent)!r}]
        from datetime import datetime
        from pathlib import Path
        import runs.output as output
        from runs.options import RunOptions
        from test_runs import make_submission  # registers the test kinds
        from runs import discover, process_document
        submission = Path({str(submission)!r})
        results = [process_document(p, submission) for p in discover(submission)]
        point = {point!r}
        if point == "while-staging":
            real_dump = output._dump_models
            def dump(path, adapter, items):
                real_dump(path, adapter, items)
                if path.name == "findings.json":
                    os._exit(9)
            output._dump_models = dump
        else:
            import runs.store as store
            store.save_run = lambda *a, **k: os._exit(9)
        output.write_run(results, [], submission, datetime(2024, 7, 10, 9, 30), RunOptions(output_root=Path({str(out)!r})))
    """)
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    runs_now = [p for p in out.iterdir() if p.is_dir() and RUN_ID_RE.match(p.name)]
    if point == "while-staging":
        assert runs_now == []  # nothing visible as a run, only hidden leftovers
        assert [p.name for p in out.iterdir() if p.name.startswith(".")]
    else:
        assert [p.name for p in runs_now] and all((p / "summary.json").is_file() for p in runs_now)
    # the next run: leftovers gone, every complete run folder in the store
    results = [process_document(p, submission) for p in discover(submission)]
    rerun = write_run(results, [], submission, datetime(2024, 7, 10, 9, 31), RunOptions(output_root=out))
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".prefect"]
    folders = sorted(p.name for p in out.iterdir() if p.is_dir() and RUN_ID_RE.match(p.name))
    assert rerun.run_id in folders
    assert sorted(run_store.run_ids(run_store.store_url(None, out))) == folders
    assert os.readlink(out / "latest") == rerun.run_id


RUN_ID_RE = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}(-\d+)?$")
