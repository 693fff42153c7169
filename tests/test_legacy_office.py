"""Legacy .doc/.xls read through LibreOffice (extractors/legacy.py): the same records as the
.docx/.xlsx they were saved from, every source reference naming the submitted file, and a clear
remedy when LibreOffice is missing or the file cannot be converted.

The legacy files are made here from our fixtures with LibreOffice itself (as a user's “另存为”
would); their expected records are those of the fixture, which its own tests check against the
generator's expected values."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from runs.process import process_document
from tests.conftest import FIXTURES, need_program

NANJIE = FIXTURES / "nanjie-2024"
SELF_EVAL = NANJIE / "南街街道办事处2024年度部门整体支出绩效自评表.docx"
MONITORING = NANJIE / "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"


def _content(record) -> object:
    """A record without its provenance (file name, hash, cell references)."""
    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k not in ("ref", "refs", "file_name", "file_sha256")}
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o
    return strip(record.model_dump(mode="json"))


def _save_as(source: Path, fmt: str, folder: Path) -> Path:
    program = need_program("soffice")
    shutil.copy(source, folder / f"原件{source.suffix}")
    subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", fmt, "--outdir", str(folder), str(folder / f"原件{source.suffix}")],
                   check=True, capture_output=True, timeout=300)
    legacy = folder / f"{source.stem}.{fmt}"
    (folder / f"原件.{fmt}").rename(legacy)
    (folder / f"原件{source.suffix}").unlink()
    return legacy


@pytest.mark.parametrize("source, fmt", [(SELF_EVAL, "doc"), (MONITORING, "xls")])
def test_a_legacy_file_reads_as_its_modern_original(source: Path, fmt: str, tmp_path: Path) -> None:
    legacy = _save_as(source, fmt, tmp_path)
    before = legacy.read_bytes()
    result = process_document(legacy, tmp_path)
    assert result.status == "ok", result.error
    assert result.converted_from and "LibreOffice" in result.converted_from
    original = process_document(source, source.parent)
    assert [_content(r) for r in result.records] == [_content(r) for r in original.records]
    record = result.records[0]
    assert record.file_name == legacy.name
    refs = [line.ref for line in getattr(record, "lines", [])]
    assert refs and all(ref.file_name == legacy.name and ref.file_sha256 == result.sha256 for ref in refs)
    assert legacy.read_bytes() == before  # the original is never modified


def test_without_libreoffice_the_error_names_the_remedy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    legacy = _save_as(MONITORING, "xls", tmp_path)
    monkeypatch.setattr("extractors.legacy.soffice", lambda: None)
    result = process_document(legacy, tmp_path)
    assert result.status == "error"
    assert [(e.code, e.category) for e in result.errors] == [("legacy.no_libreoffice", "unsupported_format")]
    assert "旧版 Excel" in result.error and "未安装 LibreOffice" in result.error and ".xlsx" in result.error


def test_a_damaged_legacy_file_is_refused_with_the_remedy(tmp_path: Path) -> None:
    import random

    legacy = _save_as(MONITORING, "xls", tmp_path)
    data = bytearray(legacy.read_bytes())
    rng = random.Random(1)
    for i in range(1024, len(data) - 1024):  # the header and directory stay, the content is noise
        data[i] = rng.randrange(256)
    legacy.write_bytes(bytes(data))
    result = process_document(legacy, tmp_path)
    assert result.status == "error"
    assert [(e.code, e.category) for e in result.errors] == [("legacy.convert_failed", "unreadable")]
    assert "旧版 Excel" in result.error and "LibreOffice 无法转换" in result.error and "另存为 .xlsx" in result.error


def test_a_header_only_legacy_file_names_the_remedy() -> None:
    result = process_document(FIXTURES / "bad" / "旧版监控表.xls", FIXTURES / "bad")
    assert result.status == "error"
    assert [(e.code, e.category) for e in result.errors] == [("format.legacy_unknown", "unsupported_format")]
    assert "旧版" in result.error and "另存为" in result.error
