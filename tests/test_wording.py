"""Kind wording as validated data (extractors/wording.py): every built-in file loads, a wrong key
or a broken pattern is a Chinese error naming the file and the key, and a run's override folder
changes what is read — only inside its context."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from extractors import wording
from extractors.wording import MODELS, WordingError, check_directory
from flows.cli import app
from runs.process import process_document
from tests.conftest import FIXTURES

# A real-shaped project form of ours whose 实施单位 label is renamed to one no wording knows.
FORM = FIXTURES / "targets/南湖区市场监督管理局2024年度食品安全抽检项目支出绩效目标表.xlsx"
IMPLEMENTING = "南湖区食品药品检验检测中心"  # the cell right of the label, read from the sheet


def _form_with_unknown_label(folder: Path) -> Path:
    wb = openpyxl.load_workbook(FORM)
    renamed = 0
    for row in wb.active.iter_rows():
        for cell in row:
            if cell.value == "实施单位":
                cell.value = "承办单位"
                renamed += 1
    assert renamed == 1
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "form.xlsx"
    wb.save(out)
    return out


def _value_column() -> int:
    """The column of the first filled cell right of the 实施单位 label, read from the sheet."""
    ws = openpyxl.load_workbook(FORM).active
    for row in ws.iter_rows():
        texts = [(c.column, c.value) for c in row if c.value is not None]
        for i, (_, value) in enumerate(texts):
            if value == "实施单位":
                return texts[i + 1][0]
    raise AssertionError("no 实施单位 label in the fixture")


def _overrides_adding_the_label(folder: Path) -> Path:
    """A wording folder whose targets.yaml adds 承办单位 to the built-in 实施单位 labels."""
    labels = list(wording.load("targets", MODELS["targets"]).header.implementing_labels)
    folder.mkdir()
    (folder / "targets.yaml").write_text(
        "header:\n  implementing_labels: [" + ", ".join([*labels, "承办单位"]) + "]\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_builtin_wording_file_validates(name: str) -> None:
    assert isinstance(wording.load(name, MODELS[name]), MODELS[name])


def test_a_misspelt_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    (tmp_path / "targets.yaml").write_text("header:\n  unit_lables: [承办单位]\n", encoding="utf-8")
    with pytest.raises(WordingError) as err:
        check_directory(tmp_path)
    message = str(err.value)
    assert "targets.yaml" in message and "header.unit_lables" in message and "不认识的键" in message


def test_a_broken_pattern_is_named(tmp_path: Path) -> None:
    (tmp_path / "monitoring.yaml").write_text(
        "budget:\n  label_prefixes: ['^(其中']\n", encoding="utf-8")
    with pytest.raises(WordingError, match=r"budget\.label_prefixes\.0.*正则表达式“\^\(其中”无效"):
        check_directory(tmp_path)


def test_a_word_list_given_as_one_word_is_refused(tmp_path: Path) -> None:
    (tmp_path / "self_evaluation.yaml").write_text("header:\n  project_labels: 项目名称\n", encoding="utf-8")
    with pytest.raises(WordingError, match=r"header\.project_labels：应为列表"):
        check_directory(tmp_path)


def test_a_file_for_no_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "budget.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(WordingError, match="budget.yaml 不对应任何文档类型"):
        check_directory(tmp_path)


def test_an_override_adds_a_local_label_only_inside_its_context(tmp_path: Path) -> None:
    form = _form_with_unknown_label(tmp_path / "in")
    overrides = _overrides_adding_the_label(tmp_path / "wording")

    plain = process_document(form, form.parent)
    assert plain.status == "ok" and plain.records[0].implementing_unit is None

    local = process_document(form, form.parent, wording_dir=overrides)
    found = local.records[0].implementing_unit
    assert found is not None and found.value == IMPLEMENTING and found.ref.column == _value_column()

    # the override ended with its context: the next document is read with the built-in wording
    again = process_document(form, form.parent)
    assert again.records[0].implementing_unit is None
    assert wording.current_directory() is None


def test_cli_refuses_a_bad_wording_folder_in_chinese(tmp_path: Path) -> None:
    form = _form_with_unknown_label(tmp_path / "in")
    bad = tmp_path / "wording"
    bad.mkdir()
    (bad / "targets.yaml").write_text("headr: {}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(form), "--wording", str(bad)])
    assert result.exit_code == 1
    assert "措辞配置文件" in result.output and "headr" in result.output
    assert "Traceback" not in result.output


def test_cli_extract_reads_with_the_wording_folder(tmp_path: Path) -> None:
    form = _form_with_unknown_label(tmp_path / "in")
    overrides = _overrides_adding_the_label(tmp_path / "wording")
    result = CliRunner().invoke(app, ["extract", str(form), "--json", "--wording", str(overrides)])
    assert result.exit_code == 0, result.output
    assert IMPLEMENTING in result.output
