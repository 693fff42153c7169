"""Limits per document (extractors/limits.py) and the child process that enforces time and memory
(runs/isolation.py). Each hostile input fails alone with a Chinese reason naming the limit; the
isolated result of a good document is the in-process one."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from extractors.limits import LIMITS_ENV, Limits, LimitsError, limits
from runs.isolation import ISOLATION_ENV, isolation_enabled, process_isolated
from runs.process import process_document
from tests.conftest import FIXTURES

NANJIE = FIXTURES / "nanjie-2024"
PDF = NANJIE / "南街街道办事处2024年度部门决算.pdf"  # several pages, a text layer
DOCX = NANJIE / "南街街道办事处2024年1-9月绩效运行监控报告.docx"


def codes(result) -> list[tuple[str, str]]:
    return [(e.code, e.category) for e in result.errors]


@pytest.fixture(autouse=True)
def _isolated(builtin_kinds_only) -> None:
    assert isolation_enabled()


@pytest.fixture
def with_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def use(text: str) -> None:
        path = tmp_path / "limits.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(LIMITS_ENV, str(path))
    return use


def _result(path: Path, root: Path, alone: bool = False):
    return process_isolated(path, root, alone=alone)


def test_defaults_hold_and_a_file_overrides_one_key(with_limits) -> None:
    assert limits() == Limits()
    with_limits("pdf_pages: 7\n")
    assert limits().pdf_pages == 7 and limits().file_mb == Limits().file_mb


@pytest.mark.parametrize("text, expected", [
    ("pdf_page: 7\n", "pdf_page：不认识的键"),
    ("pdf_pages: -1\n", "pdf_pages：数值过小"),
    ("pdf_pages: [\n", "不是有效的 YAML"),
])
def test_a_bad_limits_file_is_named(with_limits, text: str, expected: str) -> None:
    with_limits(text)
    with pytest.raises(LimitsError, match=expected):
        limits()


def test_pages_over_the_limit(with_limits, tmp_path: Path) -> None:
    with_limits("pdf_pages: 1\n")
    r = _result(PDF, PDF.parent)
    assert r.status == "error" and codes(r) == [("limit.pdf_pages", "limit")]
    assert "超过上限 pdf_pages（一个 PDF 的页数上限） = 1" in r.error


def test_file_size_over_the_limit(with_limits) -> None:
    with_limits("file_mb: 0.001\n")
    r = _result(PDF, PDF.parent)
    assert r.status == "error" and codes(r) == [("limit.file_mb", "limit")]
    assert "超过上限 file_mb" in r.error


def test_html_size_over_the_limit(with_limits, tmp_path: Path) -> None:
    page = tmp_path / "页.html"
    page.write_text("<html><body>" + "<p>一段文字。</p>" * 2000 + "</body></html>", encoding="utf-8")
    with_limits("html_mb: 0.01\n")
    r = _result(page, tmp_path)
    assert r.status == "error" and codes(r) == [("limit.html_mb", "limit")]
    assert "超过上限 html_mb" in r.error


def test_a_zip_bomb_dressed_as_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "监控报告.docx"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/media/padding.bin", b"\0" * (Limits().zip_member_mb * 2**20 + 1))
    assert bomb.stat().st_size < 2**20  # small on disk
    r = _result(bomb, tmp_path)
    assert r.status == "error" and codes(r) == [("limit.zip_member_mb", "limit")]
    assert "padding.bin" in r.error and "超过上限 zip_member_mb" in r.error


def test_too_many_zip_members(with_limits, tmp_path: Path) -> None:
    with_limits("zip_members: 5\n")
    copy = tmp_path / "报告.docx"
    shutil.copy(DOCX, copy)
    r = _result(copy, tmp_path)
    assert r.status == "error" and codes(r) == [("limit.zip_members", "limit")]
    assert "超过上限 zip_members" in r.error


# alone: the only document of a process (`jixiao check` of one file), read in a fork of it.
@pytest.mark.parametrize("alone", [False, True], ids=["forkserver", "alone"])
def test_the_time_limit_stops_the_child(with_limits, alone: bool) -> None:
    with_limits("seconds_per_document: 0.001\n")
    r = _result(PDF, PDF.parent, alone)
    assert r.status == "error" and codes(r) == [("limit.seconds_per_document", "limit")]
    assert "处理超时，已停止" in r.error


def test_the_memory_limit_stops_the_child(with_limits) -> None:
    # Forkserver children only: a fork of this (large) test process starts with the memory it
    # inherits, enough to read the document without asking for more.
    with_limits("memory_mb_per_document: 64\n")
    r = _result(PDF, PDF.parent)
    assert r.status == "error" and codes(r) == [("limit.memory_mb_per_document", "limit")]
    assert "内存用量超限，已停止" in r.error


def test_a_document_alone_is_read_without_the_forkserver() -> None:
    """In a fresh process (a test worker runs other threads, and a process with threads never
    forks itself): the forkserver is never asked for, and the document is read."""
    import subprocess
    import sys

    script = (
        "import runs.isolation as iso\n"
        "def no(): raise SystemExit('the forkserver was asked for')\n"
        "iso._ctx = no\n"
        f"r = iso.process_isolated({str(PDF)!r}, {str(PDF.parent)!r}, alone=True)\n"
        "print(r.status, len(r.records))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr[-2000:]
    status, records = done.stdout.split()
    assert status == "ok" and int(records) > 0


@pytest.mark.parametrize("alone", [False, True], ids=["forkserver", "alone"])
def test_an_isolated_result_is_the_in_process_one(monkeypatch: pytest.MonkeyPatch, alone: bool) -> None:
    isolated = process_isolated(PDF, PDF.parent, alone=alone)
    monkeypatch.setenv(ISOLATION_ENV, "0")
    assert not isolation_enabled()
    in_process = process_document(PDF, PDF.parent)
    assert set(isolated.seconds) == set(in_process.seconds) == {"extract", "parse"}  # timings differ run to run
    assert isolated.model_dump(exclude={"seconds"}) == in_process.model_dump(exclude={"seconds"})


def test_a_workbook_of_too_many_cells_is_refused_before_loading(with_limits, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    for r in range(300):
        ws.append([f"项目{r}", 1, 2, 3, 4])  # 1,500 cells
    path = tmp_path / "表.xlsx"
    wb.save(path)
    with_limits("xlsx_cells: 1499\n")
    r = _result(path, tmp_path)
    assert r.status == "error" and codes(r) == [("limit.xlsx_cells", "limit")]
    assert "超过上限 xlsx_cells" in r.error and "1500" in r.error
    with_limits("xlsx_cells: 1500\n")
    assert all(e.category != "limit" for e in _result(path, tmp_path).errors)
