"""Hostile and broken input: names that break writers, links out of the submission, archives,
absurd amounts, runs with nothing to check. Every file is accounted for with a Chinese reason,
the good files are read and written, inputs are never modified.

The documents are copies of our own fixtures (fixtures/nanjie-2024); only their names, links or
one cell are made hostile here, so every expected value comes from the test's own inputs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from flows.cli import app
from runs.process import check_submission, process_document
from tests.conftest import FIXTURES

NANJIE = FIXTURES / "nanjie-2024"
MONITORING = NANJIE / "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"
TARGETS = NANJIE / "南街街道办事处2024年度部门整体支出绩效目标表.pdf"
ENV = {"COLUMNS": "200"}
GBK_NAME = "监控表".encode("gbk") + b".xlsx"
LONG_NAME = "长" * 83 + ".pdf"  # 83 × 3 + 4 = 253 bytes
HTML_TARGETS = FIXTURES / "targets" / "临河区教育局2024年度项目支出绩效目标表.html"  # what unzip gives for a zip made on Chinese Windows


def _checksums(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "提交材料"
    folder.mkdir()
    shutil.copy(MONITORING, folder / "a\x07b\x1b[31m.xlsx")  # BEL and an ANSI escape
    shutil.copy(TARGETS, folder / '=HYPERLINK("x","点我").pdf')
    shutil.copy(MONITORING, os.path.join(os.fsencode(folder), GBK_NAME))
    outside = tmp_path / "别处" / "外单位目标表.pdf"
    outside.parent.mkdir()
    shutil.copy(TARGETS, outside)
    (folder / "链接到外部.pdf").symlink_to(outside)
    (folder / "失效链接.pdf").symlink_to(tmp_path / "不存在.pdf")
    with zipfile.ZipFile(folder / "材料.zip", "w") as zf:
        zf.write(TARGETS, "目标表.pdf")
    shutil.copy(TARGETS, folder / "-开头是减号.pdf")  # would read as an option to a careless command
    shutil.copy(TARGETS, folder / LONG_NAME)  # 255 bytes, the longest name a filesystem allows
    # a page whose text carries control characters (BEL, ESC as character references)
    page = HTML_TARGETS.read_bytes().replace(b"</td>", b"&#7;&#27;</td>", 3)  # a GBK page, as published
    (folder / "控制字符网页.html").write_bytes(page)
    return folder


def test_hostile_names_links_and_archives_each_get_a_reason_and_good_files_are_read(hostile: Path) -> None:
    results = {r.file_name: r for r in (process_document(p, hostile) for p in sorted(hostile.iterdir()))}
    assert set(results) == {"a\\x07b\\x1b[31m.xlsx", '=HYPERLINK("x","点我").pdf', "监控表.xlsx",
                            "链接到外部.pdf", "失效链接.pdf", "材料.zip", "-开头是减号.pdf", LONG_NAME, "控制字符网页.html"}
    for name in ("a\\x07b\\x1b[31m.xlsx", "监控表.xlsx", '=HYPERLINK("x","点我").pdf', "-开头是减号.pdf", LONG_NAME,
                 "控制字符网页.html"):
        assert results[name].status == "ok", results[name].error
    assert results["链接到外部.pdf"].status == "error"
    assert [(e.code, e.category) for e in results["链接到外部.pdf"].errors] == [("file.link_outside", "unreadable")]
    assert "指向提交文件夹之外的符号链接" in results["链接到外部.pdf"].error
    assert [(e.code, e.category) for e in results["失效链接.pdf"].errors] == [("file.link_dangling", "unreadable")]
    assert "指向的文件不存在" in results["失效链接.pdf"].error
    assert [(e.code, e.category) for e in results["材料.zip"].errors] == [("format.archive", "unsupported_format")]
    assert "压缩包" in results["材料.zip"].error and "请解压" in results["材料.zip"].error
    # control characters in a page's text are dropped, as a reader sees nothing there
    original = process_document(HTML_TARGETS, HTML_TARGETS.parent).records[0]
    assert results["控制字符网页.html"].records[0].project.value == original.project.value == "学生资助补助资金项目"
    # the record's provenance carries the shown name too
    rec = results["a\\x07b\\x1b[31m.xlsx"].records[0]
    assert rec.file_name == "a\\x07b\\x1b[31m.xlsx"


def test_a_link_inside_the_submission_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "提交材料"
    (folder / "原件").mkdir(parents=True)
    shutil.copy(TARGETS, folder / "原件" / "目标表.pdf")
    (folder / "目标表链接.pdf").symlink_to(folder / "原件" / "目标表.pdf")
    assert process_document(folder / "目标表链接.pdf", folder).status == "ok"


def test_a_run_of_hostile_names_writes_every_output(hostile: Path, tmp_path: Path, prefect_harness,
                                                    builtin_kinds_only) -> None:
    from runs.isolation import isolation_enabled

    assert isolation_enabled()  # each document in a child process, as a user's run reads them
    before = _checksums(hostile)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(hostile), "--output", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    (run_dir,) = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    docs = {d["file_name"]: d for d in json.loads((run_dir / "documents.json").read_text("utf-8"))}
    assert docs["监控表.xlsx"]["status"] == "ok"
    wb = openpyxl.load_workbook(run_dir / "findings.xlsx")
    files = wb["文件"]
    names = [row[0].value for row in files.iter_rows(min_row=2)]
    assert '=HYPERLINK("x","点我").pdf' in names
    formula_cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []  # a name that looks like a formula stays text
    report = CliRunner().invoke(app, ["report", str(run_dir)], env=ENV)
    assert report.exit_code == 0, report.output
    assert list((run_dir / "report").glob("*.docx")) and list((run_dir / "report").glob("*.html"))
    assert _checksums(hostile) == before  # inputs never modified


def test_an_absurd_amount_names_its_cell(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(MONITORING)
    ws = wb.active
    target = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float)) and c.value > 100)
    target.value = 1e30
    path = tmp_path / "监控表.xlsx"
    wb.save(path)
    result = process_document(path, tmp_path)
    assert result.status == "ok"  # the rest of the table is read; the cell is named in a finding
    # Saved by openpyxl, the workbook's 合计 formulas lose their values; where LibreOffice
    # recalculates them, the totals over the absurd cell are absurd too and named as well.
    unread = {u.ref.label: u.problem for u in result.records[0].unread_cells}
    assert f"Sheet1!{target.coordinate}" in unread and all("超出合理范围" in p for p in unread.values())
    findings = [f for f in check_submission([result]) if f.rule_id == "DOC002"]
    assert any("超出合理范围" in f.message and f"Sheet1!{target.coordinate}" in f.text for f in findings)
    others = [line for line in result.records[0].lines if line.initial_budget is not None]
    assert others  # the other lines keep their figures


def test_a_run_with_nothing_readable_exits_non_zero(tmp_path: Path, prefect_harness) -> None:
    folder = tmp_path / "坏材料"
    folder.mkdir()
    (folder / "空.pdf").write_bytes(b"")
    with zipfile.ZipFile(folder / "材料.zip", "w") as zf:
        zf.writestr("a.txt", "x")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--output", str(out)], env=ENV)
    assert result.exit_code == 1
    assert "全部 2 个文件均未能读取" in result.output and "Traceback" not in result.output
    (run_dir,) = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    assert len(json.loads((run_dir / "documents.json").read_text("utf-8"))) == 2  # the outputs say why

    checked = CliRunner().invoke(app, ["check", str(folder)], env=ENV)
    assert checked.exit_code == 1 and "全部 2 个文件均未能读取" in checked.output


def test_an_empty_folder_exits_non_zero(tmp_path: Path, prefect_harness) -> None:
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    result = CliRunner().invoke(app, ["run", str(folder), "--output", str(tmp_path / "out")], env=ENV)
    assert result.exit_code == 1 and "没有找到任何文件" in result.output


def test_four_runs_at_once_on_one_output_folder_all_finish(tmp_path: Path) -> None:
    """Four `jixiao run` processes started together, one output folder, one store, each with its
    own local Prefect server: every run completes, distinct, in the folder and in the store."""
    import subprocess
    import sys

    from runs import store as run_store

    submission = tmp_path / "提交材料"
    submission.mkdir()
    shutil.copy(MONITORING, submission / MONITORING.name)
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(COLUMNS="200", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    command = [sys.executable, "-m", "flows.cli", "run", str(submission), "-o", str(out)]
    procs = [subprocess.Popen(command, cwd=Path(__file__).resolve().parents[1], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outputs
    tracebacks = [o[o.index("Traceback") - 200:o.index("Traceback") + 3000] for o in outputs if "Traceback" in o]
    assert not tracebacks, tracebacks[0]
    runs = sorted(p.name for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    assert len(runs) == 4 and all((out / r / "summary.json").is_file() for r in runs)
    assert sorted(run_store.run_ids(run_store.store_url(None, out))) == runs
    assert os.readlink(out / "latest") in runs


def test_a_pdf_encrypted_with_an_empty_open_password_is_read(tmp_path: Path) -> None:
    """A PDF protected by a permissions password only (anyone may open it, copying is
    restricted): the file is encrypted, and read like any other. Made with LibreOffice from our
    self-evaluation fixture; its records match the Word original's."""
    import subprocess

    from tests.conftest import need_program

    program = need_program("soffice")
    source = NANJIE / "南街街道办事处2024年度部门整体支出绩效自评表.docx"
    shutil.copy(source, tmp_path / "自评表.docx")
    options = ('{"RestrictPermissions":{"type":"boolean","value":"true"},'
               '"PermissionPassword":{"type":"string","value":"owner-only"},'
               '"EnableCopyingOfContent":{"type":"boolean","value":"false"}}')
    subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", f"pdf:writer_pdf_Export:{options}", "--outdir", str(tmp_path),
                    str(tmp_path / "自评表.docx")], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "自评表.pdf"
    assert b"/Encrypt" in pdf.read_bytes()
    result = process_document(pdf, tmp_path)
    assert result.status == "ok", result.error
    original = process_document(source, source.parent).records[0]
    record = result.records[0]
    assert (record.unit.value, record.year) == (original.unit.value, original.year)
    assert [(x.name, x.executed.value if x.executed else None) for x in record.lines] == \
        [(x.name, x.executed.value if x.executed else None) for x in original.lines]
