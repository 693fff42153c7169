"""The run store (runs/store.py): a run written after its files and read back, the summary from the
store, the history of a unit's findings across runs, the store URL, and a store that cannot be written."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, need_file
from runs import store
from runs.discover import discover
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document, submission_records
from runs.scores import score_records
from runs.season import collect
from test_flow import expected_nanjie_keys

UNIT = "南街街道办事处"
REPORT = "南街街道办事处2024年1-9月绩效运行监控报告.docx"
ENV = {"COLUMNS": "250"}


def _process(folder: Path):
    results = [process_document(p, folder) for p in discover(folder)]
    findings = check_submission(results)
    return results, findings, score_records(submission_records(results), findings, folder)


@pytest.fixture(scope="module")
def nanjie():
    return _process(need_file(FIXTURES / "nanjie-2024"))


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """nanjie's submission without its 1-9月 monitoring report: that report's findings go away."""
    folder = tmp_path_factory.mktemp("corrected") / "nanjie-2024"
    shutil.copytree(need_file(FIXTURES / "nanjie-2024"), folder)
    (folder / REPORT).unlink()
    return _process(folder)


def _process_results(results):
    """Checks and scores of already processed documents (a submission of some of them)."""
    findings = check_submission(results)
    return results, findings, score_records(submission_records(results), findings, FIXTURES / "nanjie-2024")


def _write(data, out: Path, day: int, **kw):
    results, findings, scores = data
    return write_run(results, findings, FIXTURES / "nanjie-2024", datetime(2025, 3, day, 9, 0, 0),
                     RunOptions(output_root=out, **kw), scores=scores)


def _key(f) -> tuple:
    s = f.subject
    return (f.rule_id, s.unit, s.period, s.project, s.line, s.column)


def _report_keys() -> list[tuple]:
    """The findings the reports generator (tools/fixturegen/reports_data.py) planted in the nanjie 1-9月
    monitoring report."""
    planted = json.loads(need_file(FIXTURES / "expected" / "nanjie-2024" / "findings-reports.json").read_text("utf-8"))
    return sorted((e["rule_id"], e["unit"], f"1-{e['period_months']}月", e["project"], e["line"], e["column"])
                  for e in planted)


# ------------------------------------------------------------------ written and read back


def test_a_run_is_written_to_the_default_sqlite_store_and_read_back(nanjie, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(store.ENV_STORE, raising=False)
    out = tmp_path / "output"
    summary = _write(nanjie, out, 1)
    db = out / "jixiao.db"
    assert db.is_file() and summary.store == f"sqlite:///{db.resolve().as_posix()}" and summary.store_error is None
    run_dir = Path(summary.output_dir)
    assert json.loads((run_dir / "summary.json").read_text("utf-8"))["store"] == summary.store

    run, docs, findings, cards = store.load_run(summary.store, summary.run_id)
    want = expected_nanjie_keys()
    assert run.documents == {"total": 7, "ok": 7, "partial": 0, "error": 0, "unrecognised": 0} and run.errors == {}
    assert run.findings["total"] == len(want) == len(findings)
    assert sorted(_key(f) for f in findings) == want
    assert run.records == summary.records and run.submission == str((FIXTURES / "nanjie-2024").resolve())
    assert run.rules_hash == hashlib.sha256(json.dumps(summary.rules_config, ensure_ascii=False, sort_keys=True)
                                            .encode()).hexdigest()
    # the same documents and findings as the files, typed records and fingerprints included
    assert [d.model_dump(mode="json") for d in docs] == json.loads((run_dir / "documents.json").read_text("utf-8"))
    assert [f.model_dump(mode="json") for f in findings] == json.loads((run_dir / "findings.json").read_text("utf-8"))
    # a finding's evidence: the 1-6月 基本支出 rate the generator wrote wrong, with its cells
    mon001 = next(f for f in findings if f.rule_id == "MON001" and f.subject.period == "1-6月"
                  and f.subject.line == "基本支出")
    assert [(e.raw, e.ref.label) for e in mon001.evidence][:3] == [
        ("43.75%", "Sheet1!E5"), ("509.47", "Sheet1!D5"), ("1030.25", "Sheet1!C5")]
    # the card's total is what scores.json holds: the seed's 82.00
    saved = json.loads((run_dir / "scores.json").read_text("utf-8"))
    assert [c.model_dump(mode="json") for c in cards] == saved
    assert cards[0].total == Decimal("82.00") and saved[0]["total"] == "82.00" and cards[0].grade == "良"

    # the tables as SQL sees them (what a PostgreSQL user would query)
    with sqlite3.connect(db) as con:
        assert con.execute("select version_num from alembic_version").fetchall() == [(store.HEAD,)]
        assert con.execute("select documents_total, findings_total, findings_error from runs").fetchall() == [
            (7, len(want), summary.findings.error)]
        assert con.execute("select count(*) from findings where rule_id = 'MON001'").fetchone()[0] == 4
        assert con.execute("select unit, year, total, grade from scores").fetchall() == [(UNIT, 2024, "82.00", "良")]
        fingerprints = {r[0] for r in con.execute("select fingerprint from findings")}
    assert fingerprints == {f["fingerprint"] for f in json.loads((run_dir / "findings.json").read_text("utf-8"))}


def test_writing_a_run_again_replaces_it(nanjie, tmp_path) -> None:
    out = tmp_path / "output"
    summary = _write(nanjie, out, 1)
    results, findings, scores = nanjie
    store.save_run(summary.store, summary, results, findings, scores)
    with sqlite3.connect(out / "jixiao.db") as con:
        assert con.execute("select count(*) from runs").fetchone()[0] == 1
        assert con.execute("select count(*) from findings").fetchone()[0] == len(findings)
        assert con.execute("select count(*) from documents").fetchone()[0] == 7


# ------------------------------------------------------------------ summary and history


def test_summary_from_the_store_takes_the_latest_run_and_agrees_with_the_files(nanjie, corrected, tmp_path) -> None:
    out = tmp_path / "output"
    _write(nanjie, out, 1)
    second = _write(corrected, out, 2)
    rows = store.summary_rows(second.store, out)
    assert [(r.unit, r.year, r.total, r.grade, r.run_id) for r in rows] == [
        (UNIT, 2024, Decimal("82.00"), "良", second.run_id)]
    # without the report's 2 errors and 2 warnings (the 2025 targets' findings are another year)
    assert rows[0].counts == {"error": 5, "warning": 14, "notice": 11}
    assert [vars(r) for r in rows] == [vars(r) for r in collect(out)]


def test_summary_counts_a_runs_document_errors_by_category(nanjie, tmp_path) -> None:
    """An empty file and a link to nowhere beside the documents: two unreadable files, counted in
    summary.json, the store and the season summary alike."""
    from runs.process import process_document

    (tmp_path / "空.pdf").write_bytes(b"")
    (tmp_path / "链接.pdf").symlink_to(tmp_path / "不存在.pdf")
    bad = [process_document(tmp_path / "空.pdf", tmp_path), process_document(tmp_path / "链接.pdf", tmp_path)]
    results, findings, scores = nanjie
    out = tmp_path / "output"
    summary = _write((results + bad, findings, scores), out, 1)
    assert summary.errors == {"unreadable": 2}
    assert summary.documents.model_dump() == {"total": 9, "ok": 7, "partial": 0, "error": 2, "unrecognised": 0}
    run, docs, _, _ = store.load_run(summary.store, summary.run_id)
    assert run.errors == {"unreadable": 2} and [e.code for d in docs for e in d.errors] == ["file.empty",
                                                                                           "file.link_dangling"]
    (row,) = store.summary_rows(summary.store, out)
    assert row.errors == {"unreadable": 2} and [vars(r) for r in collect(out)] == [vars(row)]
    html = (out / "summary" / "汇总.html")
    from runs.season import write_season

    write_season(out, [row])
    assert "无法读取 2" in html.read_text("utf-8")


def test_summary_adds_runs_the_store_lacks_from_their_files(nanjie, corrected, tmp_path) -> None:
    out = tmp_path / "output"
    first = _write(nanjie, out, 1)
    later = _write(corrected, out, 2, store=f"sqlite:///{tmp_path / 'elsewhere.db'}")
    assert store.run_ids(first.store) == [first.run_id]
    rows = store.summary_rows(first.store, out)
    assert [(r.run_id, r.counts["error"]) for r in rows] == [(later.run_id, 5)]


def test_history_marks_new_open_and_resolved_findings(nanjie, corrected, tmp_path) -> None:
    out = tmp_path / "output"
    first = _write(nanjie, out, 1)
    second = _write(corrected, out, 2)
    third = _write(nanjie, out, 3)  # the report is back, and so are its findings
    (unit,) = store.history(first.store, "南街")
    assert unit.unit == UNIT
    assert [h.run.run_id for h in unit.runs] == [first.run_id, second.run_id, third.run_id]
    assert [h.previous for h in unit.runs] == [None, first.run_id, second.run_id]
    n, removed = len(expected_nanjie_keys()), _report_keys()

    h1, h2, h3 = unit.runs
    assert (h1.count("new"), h1.count("open"), h1.count("resolved")) == (n, 0, 0)
    assert (h2.count("new"), h2.count("open"), h2.count("resolved")) == (0, n - len(removed), len(removed))
    assert sorted(_key(c.finding) for c in h2.changes if c.status == "resolved") == removed
    assert {c.label for c in h2.changes if c.status == "resolved"} == {"已解决"}
    assert sorted(_key(c.finding) for c in h3.changes if c.status == "new") == removed
    assert h3.count("open") == n - len(removed) and h3.count("resolved") == 0
    assert h2.totals == [(2024, Decimal("82.00"), "良")]
    assert store.history(first.store, "北街") == []


def test_history_resolves_only_the_years_a_run_covers(nanjie, tmp_path) -> None:
    """A run of the 2025 target table alone says nothing of 2024: 2024's findings stay open."""
    results, findings, _ = nanjie
    only_2025 = [r for r in results if "2025年度" in r.file_name]
    assert len(only_2025) == 1
    later = _process_results(only_2025)
    out = tmp_path / "output"
    first = _write(nanjie, out, 1)
    _write(later, out, 2)
    third = _write(nanjie, out, 3)
    (unit,) = store.history(first.store, UNIT)
    h1, h2, h3 = unit.runs
    years_2025 = {f.fingerprint for f in findings if f.subject.year == 2025}
    assert years_2025 and {c.finding.fingerprint for c in h2.changes if c.status == "open"} == years_2025 - {
        f.fingerprint for f in findings if f.rule_id == "XDC004"}  # XDC004 needs the 2024 table beside it
    assert {c.finding.subject.year for c in h2.changes if c.status == "resolved"} == {2025}
    # back with everything: 2024's findings were never resolved, so they are open, not new; only
    # the XDC004 findings, resolved by the 2025-only run, come back as new
    xdc004 = {f.fingerprint for f in findings if f.rule_id == "XDC004"}
    assert {c.finding.fingerprint for c in h3.changes if c.status == "new"} == xdc004
    assert h3.count("open") == len({f.fingerprint for f in findings}) - len(xdc004)
    assert h3.count("resolved") == 0


def test_history_and_summary_commands(nanjie, corrected, tmp_path) -> None:
    from flows.cli import app

    out = tmp_path / "output"
    _write(nanjie, out, 1)
    second = _write(corrected, out, 2)
    runner = CliRunner()
    env = {**ENV, "JIXIAO_OUTPUT": str(out)}
    result = runner.invoke(app, ["history", UNIT], env=env)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"{UNIT}：历次运行" in text and second.run_id in text and "已解决" in text and "82.00 良" in text
    assert "RPT001" in text

    result = runner.invoke(app, ["history", UNIT, "--json"], env=env)
    assert result.exit_code == 0, result.output
    (data,) = json.loads(result.stdout)
    assert [r["counts"] for r in data["runs"]] == [
        {"new": len(expected_nanjie_keys()), "open": 0, "changed": 0, "resolved": 0},
        {"new": 0, "open": len(expected_nanjie_keys()) - 4, "changed": 0, "resolved": 4}]
    assert {f["rule_id"] for f in data["runs"][1]["findings"] if f["status"] == "resolved"} == {"RPT001", "RPT004", "RPT005"}

    result = runner.invoke(app, ["history", "北街"], env=env)
    assert result.exit_code == 1 and "没有单位“北街”的运行记录" in result.stderr

    result = runner.invoke(app, ["summary", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "数据来源：结果库" in result.stdout and second.run_id in result.stdout

    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["summary", str(empty)], env=ENV)
    assert result.exit_code == 0 and "尚无结果库" in result.stdout
    result = runner.invoke(app, ["history", "-o", str(empty)], env=ENV)
    assert result.exit_code == 1 and "不存在：请先用 jixiao run 处理一次材料" in result.stderr
    # a store named explicitly must exist: no silent fall-back to the files
    result = runner.invoke(app, ["summary", str(out), "--store", f"sqlite:///{empty / 'none.db'}"], env=ENV)
    assert result.exit_code == 1 and f"结果库“sqlite:///{empty / 'none.db'}”不存在" in result.stderr


# ------------------------------------------------------------------ the store URL


def test_store_url_from_the_option_then_the_environment_then_the_output_root(nanjie, tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    env_db, option_db = tmp_path / "env" / "a.db", tmp_path / "option.db"
    monkeypatch.setenv(store.ENV_STORE, f"sqlite:///{env_db}")
    first = _write(nanjie, out, 1)
    second = _write(nanjie, out, 2, store=f"sqlite:///{option_db}")
    assert not (out / "jixiao.db").exists()
    assert store.run_ids(f"sqlite:///{env_db}") == [first.run_id]  # the folder is created for it
    assert store.run_ids(f"sqlite:///{option_db}") == [second.run_id]
    monkeypatch.delenv(store.ENV_STORE)
    assert store.store_url(None, out) == f"sqlite:///{(out / 'jixiao.db').resolve().as_posix()}"

    from flows.cli import app

    result = CliRunner().invoke(app, ["history", "--store", f"sqlite:///{option_db}", "--json"], env=ENV)
    assert result.exit_code == 0, result.output
    assert [r["run_id"] for r in json.loads(result.stdout)[0]["runs"]] == [second.run_id]


def test_a_password_never_shows_and_a_missing_driver_is_named(tmp_path) -> None:
    url = "postgresql+psycopg://jixiao:secret@127.0.0.1:1/jixiao"
    assert store.display_url(url) == "postgresql+psycopg://jixiao:***@127.0.0.1:1/jixiao"
    with pytest.raises(store.StoreError) as err:
        store.open_store(url)
    assert "secret" not in str(err.value) and "postgresql+psycopg://jixiao:***@127.0.0.1:1/jixiao" in str(err.value)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        assert "缺少该数据库的驱动" in str(err.value) and "psycopg" in str(err.value)
    with pytest.raises(store.StoreError, match="结果库地址“不是地址”无效"):
        store.open_store("不是地址")


def test_a_newer_store_schema_is_refused(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store.open_store(url).dispose()
    with sqlite3.connect(tmp_path / "x.db") as con:
        con.execute("update alembic_version set version_num = '9999'")
    with pytest.raises(store.StoreError, match=f"结构版本为 9999，高于本程序支持的 {store.HEAD}"):
        store.open_store(url)


def test_the_migrations_end_at_head_and_match_the_tables_the_code_declares(store_url) -> None:
    """HEAD is the newest migration, and a store built by the migrations is the one the ORM
    declares (Alembic's comparison finds nothing to add, drop or change)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(store._alembic_config()).get_current_head() == store.HEAD
    engine = store.open_store(store_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), store.Base.metadata)
        assert store._revision(engine) == store.HEAD
    engine.dispose()
    assert diff == []


def test_a_store_written_before_alembic_is_stamped_and_upgraded_keeping_its_runs(nanjie, tmp_path) -> None:
    """A version 1 store (no alembic_version, no documents.parts, no review tables) gains the
    column and the new tables; its runs read back, with empty parts."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    summary = _write(nanjie, tmp_path / "out", 1, store=url)
    with sqlite3.connect(tmp_path / "x.db") as con:
        for table in ("alembic_version", "reviews", "corrections", "inbox_items"):
            con.execute(f"drop table {table}")
        con.execute("alter table documents drop column parts")
        con.execute("alter table documents drop column extra")
        con.execute("alter table findings drop column cited")
        con.execute("alter table findings drop column source_file")
        con.execute("alter table documents drop column errors")
        con.execute("alter table runs drop column documents_partial")
        con.execute("alter table runs drop column errors")
        con.execute("delete from schema_version")
        con.execute("insert into schema_version (version, applied) values (1, '2026-01-01 00:00:00')")
    store.open_store(url).dispose()
    with sqlite3.connect(tmp_path / "x.db") as con:
        columns = {row[1] for row in con.execute("pragma table_info(documents)")}
        tables = {row[0] for row in con.execute("select name from sqlite_master where type = 'table'")}
        assert con.execute("select version_num from alembic_version").fetchall() == [(store.HEAD,)]
    assert {"parts", "extra", "errors"} <= columns and {"reviews", "corrections", "inbox_items"} <= tables
    run, docs, findings, _ = store.load_run(url, summary.run_id)
    assert run.run_id == summary.run_id and len(docs) == 7 and all(d.segments == [] and d.errors == [] for d in docs)
    assert len(findings) == summary.findings.total


def test_a_pre_alembic_store_of_an_unknown_newer_version_is_refused(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store.open_store(url).dispose()
    with sqlite3.connect(tmp_path / "x.db") as con:
        con.execute("drop table alembic_version")
        con.execute("update schema_version set version = 7")
    with pytest.raises(store.StoreError, match=f"结构版本为 7，高于本程序支持的 {store.LEGACY_VERSION}"):
        store.open_store(url)


# ------------------------------------------------------------------ a store that cannot be written


def _files_written(summary) -> dict:
    run_dir = Path(summary.output_dir)
    for name in ("documents.json", "findings.json", "findings.xlsx", "scores.json", "scores.xlsx"):
        assert (run_dir / name).is_file(), name
    assert len(json.loads((run_dir / "findings.json").read_text("utf-8"))) == summary.findings.total
    return json.loads((run_dir / "summary.json").read_text("utf-8"))


def test_a_read_only_store_is_a_chinese_error_and_the_files_are_written(nanjie, tmp_path) -> None:
    db = tmp_path / "ro.db"
    store.open_store(f"sqlite:///{db}").dispose()  # an existing store, opened read-only below
    summary = _write(nanjie, tmp_path / "output", 1, store=f"sqlite:///file:{db}?mode=ro&uri=true")
    assert summary.store_error and summary.store_error.startswith("无法写入结果库")
    assert "数据库只读，无法写入（attempt to write a readonly database）" in summary.store_error and f"结果文件已写入“{summary.output_dir}”，不受影响" in summary.store_error
    assert _files_written(summary)["store_error"] == summary.store_error
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from runs").fetchone()[0] == 0


def test_a_store_under_a_file_is_a_chinese_error_and_the_files_are_written(nanjie, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    summary = _write(nanjie, tmp_path / "output", 1, store=f"sqlite:///{blocker}/jixiao.db")
    assert summary.store_error and summary.store_error.startswith(
        f"无法打开结果库“sqlite:///{blocker}/jixiao.db”：无法创建数据库文件所在的文件夹（路径中有同名文件")
    assert _files_written(summary)["store_error"] == summary.store_error


def test_run_command_with_an_unwritable_store(tmp_path, prefect_harness) -> None:
    from flows.cli import app
    from test_runs import make_submission

    submission = make_submission(tmp_path / "提交材料")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(submission), "-o", str(out), "--store",
                                      f"sqlite:///{blocker}/jixiao.db"], env=ENV)
    assert result.exit_code == 1
    assert "无法打开结果库" in result.stderr and "结果文件已写入" in result.stderr
    (run_dir,) = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    assert "甲单位监控表.docx" in result.stdout  # the run's results are still shown
    assert json.loads((run_dir / "summary.json").read_text("utf-8"))["store_error"].startswith("无法打开结果库")

    result = CliRunner().invoke(app, ["run", str(submission), "-o", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert len(store.run_ids(store.default_url(out))) == 1  # the first run never reached the store


# ------------------------------------------------------------------ PostgreSQL (opt-in)

@pytest.mark.postgres
def test_the_same_code_on_postgresql(nanjie, corrected, tmp_path, postgres_url) -> None:
    """On a new PostgreSQL database (conftest.postgres_url: .ci/run starts the server)."""
    url = postgres_url

    out = tmp_path / "output"
    first = _write(nanjie, out, 1, store=url)
    second = _write(corrected, out, 2, store=url)
    assert first.store_error is None and second.store_error is None
    assert first.store == store.display_url(url) and not (out / "jixiao.db").exists()
    run, docs, findings, cards = store.load_run(url, first.run_id)
    run_dir = Path(first.output_dir)
    assert [d.model_dump(mode="json") for d in docs] == json.loads((run_dir / "documents.json").read_text("utf-8"))
    assert [f.model_dump(mode="json") for f in findings] == json.loads((run_dir / "findings.json").read_text("utf-8"))
    assert cards[0].total == Decimal("82.00") and run.started == datetime(2025, 3, 1, 9, 0, 0).astimezone()
    (unit,) = store.history(url, UNIT)
    assert sorted(_key(c.finding) for c in unit.runs[1].changes if c.status == "resolved") == _report_keys()
    assert [vars(r) for r in store.summary_rows(url, out)] == [vars(r) for r in collect(out)]
    engine = store.open_store(url)
    assert engine.dialect.name == "postgresql"
    with engine.connect() as con:
        from sqlalchemy import text

        assert con.execute(text("select data_type from information_schema.columns "
                                "where table_name = 'findings' and column_name = 'evidence'")).scalar() == "jsonb"
    engine.dispose()


def test_revision_0004_takes_the_source_and_repeat_notes_out_of_stored_messages() -> None:
    import importlib

    m = importlib.import_module("runs.migrations.versions.0004_finding_source")
    old = "执行率填报有误。（来源：a.xlsx 表!D5、表!D6）（同一问题亦见于：b.pdf）"
    assert m.bare_message(old, ["b.pdf"]) == "执行率填报有误。"
    assert m.bare_message("执行率填报有误。（来源：a.xlsx 表!D5）", []) == "执行率填报有误。"
    assert m.bare_message("执行率填报有误。", []) == "执行率填报有误。"
