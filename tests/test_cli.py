"""The `jixiao` command line, through typer's CliRunner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT, need_file
from flows.cli import app, schemas
from test_flow import _finding_keys, expected_nanjie_keys
from test_runs import EXPECTED_DOCS, make_submission, write_table_docx

ENV = {"COLUMNS": "200"}  # wide enough that rich does not wrap the Chinese messages


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def submission(tmp_path: Path) -> Path:
    return make_submission(tmp_path / "提交材料")


def test_run_writes_the_output_and_prints_a_summary(
    runner: CliRunner, submission: Path, tmp_path: Path, prefect_harness
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(submission), "--output", str(out)], env=ENV)
    assert result.exit_code == 0, result.output  # findings do not make the run fail
    (run_dir,) = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    assert os.readlink(out / "latest") == run_dir.name
    text = result.stdout
    for doc in EXPECTED_DOCS:
        assert doc in text
    assert "文件看似 Office 文档（ZIP 格式）但已损坏" in text  # the corrupt file's error is shown
    findings = json.loads((run_dir / "findings.json").read_text("utf-8"))
    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "notice")}
    assert f"问题：共 {len(findings)} 条（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['notice']}）" in text
    assert "MON001" in text and "甲单位监控表.docx" in text
    assert f"运行编号：{run_dir.name}" in text and str(run_dir.resolve()) in text


def test_run_missing_folder_fails_with_a_chinese_message(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件夹"
    result = runner.invoke(app, ["run", str(missing), "--output", str(tmp_path / "out")], env=ENV)
    assert result.exit_code != 0
    assert "不存在" in result.stderr and "没有这个文件夹" in result.stderr
    assert not (tmp_path / "out").exists()


def test_run_missing_rules_file_fails(runner: CliRunner, submission: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(submission), "--rules", str(tmp_path / "无.yaml")], env=ENV)
    assert result.exit_code != 0 and "规则配置文件" in result.stderr


def test_extract_json(runner: CliRunner, submission: Path) -> None:
    result = runner.invoke(app, ["extract", str(submission / "甲单位监控表.docx"), "--json"], env=ENV)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "ok" and data["file_name"] == "甲单位监控表.docx"
    (record,) = data["records"]
    assert record["record_type"] == "monitoring_report" and record["unit"]["value"] == "甲单位"
    line = record["lines"][0]
    assert (line["annual_budget"]["value"], line["executed"]["value"], line["reported_rate"]["raw"]) == (
        "100.00", "50.00", "40.00")


def test_extract_readable(runner: CliRunner, tmp_path: Path) -> None:
    f = write_table_docx(tmp_path / "戊单位.docx", "戊单位", [["合计", "1,234.56", "617.28", "50.00"]])
    result = runner.invoke(app, ["extract", str(f)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "戊单位" in result.stdout and "1,234.56" in result.stdout and "617.28" in result.stdout
    assert "表1 第2行第1列" in result.stdout  # the source of the line


def test_extract_bad_file(runner: CliRunner, submission: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(submission / "损坏的文件.docx"), "--json"], env=ENV)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "损坏的文件.docx" in result.stderr and "已损坏" in result.stderr
    result = runner.invoke(app, ["extract", str(tmp_path / "不存在.pdf")], env=ENV)
    assert result.exit_code == 1 and "不存在.pdf" in result.stderr


def test_check_json_writes_no_output(
    runner: CliRunner, submission: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JIXIAO_OUTPUT", str(tmp_path / "env-out"))
    result = runner.invoke(app, ["check", str(submission), "--json"], env=ENV)
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    mon001 = [f for f in findings if f["rule_id"] == "MON001"]
    assert [f["subject"]["unit"] for f in mon001] == ["甲单位"]
    assert mon001[0]["severity"] == "error" and len(mon001[0]["fingerprint"]) == 16
    assert {e["ref"]["file_name"] for e in mon001[0]["evidence"]} == {"甲单位监控表.docx"}
    assert not (tmp_path / "output").exists() and not (tmp_path / "env-out").exists()


def test_check_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "无"), "--json"], env=ENV)
    assert result.exit_code != 0 and "不存在" in result.stderr


def test_schema_prints_json_and_docs_are_current(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--write", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert set(printed) == {"DocumentResult", "Finding", "RunSummary"}
    assert "fingerprint" in printed["Finding"]["properties"]
    assert printed["DocumentResult"]["properties"]["status"]["enum"] == ["ok", "partial", "error", "unrecognised"]
    assert "errors" in printed["DocumentResult"]["properties"] and "errors" in printed["RunSummary"]["properties"]
    for name, schema in schemas().items():
        assert json.loads((tmp_path / "s" / f"{name}.json").read_text("utf-8")) == schema
        # the committed copies under docs/schemas/ must match the models
        committed = ROOT / "docs" / "schemas" / f"{name}.json"
        assert json.loads(committed.read_text("utf-8")) == schema, f"regenerate: jixiao schema --write docs/schemas"


def test_check_json_on_the_nanjie_fixture(runner: CliRunner) -> None:
    submission = need_file(FIXTURES / "nanjie-2024")
    result = runner.invoke(app, ["check", str(submission), "--json"], env=ENV)
    assert result.exit_code == 0, result.output
    assert _finding_keys(json.loads(result.stdout)) == expected_nanjie_keys()


def test_rules_lists_every_rule_with_its_chinese_title(tmp_path) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  MON005: {severity: error, enabled: false}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(override)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for rule_id, title in [("MON001", "执行率填报错误"), ("TGT001", "可量化指标占比不足"), ("LNK002", "")]:
        assert rule_id in result.output and title in result.output
    mon005 = next(line for line in result.output.splitlines() if "MON005" in line)
    assert "错误" in mon005 and "否" in mon005
