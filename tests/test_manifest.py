"""submission.yaml, folder names and unknown attributes (DOC001)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks import load_config, run_checks
from checks.catalogue import skipped_records
from runs.discover import discover
from runs.manifest import ManifestError, folder_hint, load_manifest
from runs.process import process_document
from tests.conftest import REALDOCS, need

FORM = "二级项目支出绩效目标申报表 (3).xlsx"


def _form(tmp_path: Path, folder: str = "材料") -> Path:
    src = REALDOCS / "shenzhen-targets" / FORM
    need(src.exists(), str(src))
    dest = tmp_path / folder / FORM
    dest.parent.mkdir(parents=True)
    shutil.copy(src, dest)
    return dest


def test_manifest_fills_what_the_form_does_not_print(tmp_path):
    path = _form(tmp_path)
    (tmp_path / "submission.yaml").write_text("unit: 深圳市宝安区松岗街道办事处\nyear: 2023\nperiod: 1-6月\n", "utf-8")
    assert [p.name for p in discover(tmp_path)] == [FORM]  # the manifest is not a document
    result = process_document(path, tmp_path)
    assert {(r.year, r.year_attr.source) for r in result.records} == {(2023, "manifest")}
    # the unit is printed on every sheet: the content wins over the manifest
    assert {r.unit.source for r in result.records} == {"content"}
    assert not run_checks(result.records, only=["DOC001"])


def test_without_manifest_records_are_kept_unknown_with_a_notice(tmp_path):
    path = _form(tmp_path)
    result = process_document(path, tmp_path)
    assert result.status == "ok" and len(result.records) == 20
    notices = run_checks(result.records, only=["DOC001"])
    assert len(notices) == 20 and all(f.severity.value == "notice" for f in notices)
    assert "未能确定年度" in notices[0].message and "submission.yaml" in notices[0].message
    skipped = skipped_records(result.records, load_config())
    assert skipped["XDC001"] == 20 and "TGT001" not in skipped


def test_folder_name_names_the_year(tmp_path):
    path = _form(tmp_path, "松岗街道办事处2023年预算材料")
    result = process_document(path, tmp_path)
    assert {(r.year, r.year_attr.source) for r in result.records} == {(2023, "folder")}
    hint = folder_hint(path, tmp_path)
    assert hint.unit == "松岗街道办事处" and hint.year == 2023


@pytest.mark.parametrize("text, field", [
    ("unit: 甲局\nyear: 二〇二三\n", "年度（year）"),
    ("unit: 甲局\nyear: 2023\nperoid: 6\n", "未知字段“peroid”"),
    ("unit: 甲局\nperiod: 第五期\n", "期间（period）"),
])
def test_a_bad_manifest_names_the_field(tmp_path, text, field):
    path = tmp_path / "submission.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ManifestError, match="submission.yaml") as err:
        load_manifest(path)
    assert (err.value.code, err.value.category) == ("manifest.invalid", "manifest")
    assert field in str(err.value)


def test_a_bad_manifest_is_reported_and_the_documents_still_read(tmp_path):
    path = _form(tmp_path)
    (tmp_path / "submission.yaml").write_text("year: [2023\n", "utf-8")
    result = process_document(path, tmp_path)
    assert result.status == "partial" and len(result.records) == 20  # read; the manifest is not used
    assert [(e.code, e.category) for e in result.errors] == [("manifest.invalid", "manifest")]
    assert "submission.yaml" in result.error
