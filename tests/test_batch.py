"""A batch: several submissions in one `jixiao run` (flows.run.run_batch), each kept apart — its
own cross-document checks, run folder, store entry — and a season summary at the end.

Submissions are written by test_resubmissions.write_version (figures from its V1/V2 inputs)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from runs.discover import discover
from runs.process import check_submission, process_document
from test_resubmissions import V1, V2, write_version

ENV = {"COLUMNS": "250"}


def _alone(root: Path) -> list[tuple]:
    """The findings of a submission run on its own (no Prefect), as comparable keys."""
    results = [process_document(p, root) for p in discover(root)]
    return sorted((f.fingerprint, f.message) for f in check_submission(results))


def test_a_batch_keeps_each_submission_apart(prefect_harness, tmp_path, monkeypatch) -> None:
    from flows.cli import app

    monkeypatch.setenv("JIXIAO_ISOLATION", "0")  # the test kind lives in this process
    parent = tmp_path / "本季"
    a = write_version(parent / "A批次", V1)
    b = write_version(parent / "B批次", V2)
    (parent / ".隐藏").mkdir()
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(parent), "--batch", "-o", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "批量运行" in result.output and "A批次" in result.output and "B批次" in result.output
    runs = sorted(p for p in out.iterdir() if p.is_dir() and p.name[:8].isdigit())
    assert len(runs) == 2
    by_submission = {}
    for run in runs:
        summary = json.loads((run / "summary.json").read_text("utf-8"))
        findings = json.loads((run / "findings.json").read_text("utf-8"))
        by_submission[Path(summary["submission"]).name] = sorted((f["fingerprint"], f["message"]) for f in findings)
    # each submission's findings are those it gives alone: no cross-submission comparisons
    assert by_submission == {"A批次": _alone(a), "B批次": _alone(b)}
    assert (out / "summary" / "汇总.xlsx").is_file()


def test_a_batch_in_which_one_submission_has_nothing_readable_exits_non_zero(prefect_harness, tmp_path,
                                                                           monkeypatch) -> None:
    from flows.cli import app

    monkeypatch.setenv("JIXIAO_ISOLATION", "0")
    good = write_version(tmp_path / "好", V1)
    bad = tmp_path / "坏"
    bad.mkdir()
    (bad / "空.pdf").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(good), str(bad), "-o", str(out)], env=ENV)
    assert result.exit_code == 1
    assert "1 份提交材料未能完整处理：坏" in result.output and "Traceback" not in result.output
    summaries = [json.loads((p / "summary.json").read_text("utf-8")) for p in out.iterdir()
                 if p.is_dir() and p.name[:8].isdigit()]
    assert sorted((Path(s["submission"]).name, s["documents"]["ok"]) for s in summaries) == [("坏", 0), ("好", 3)]


def test_a_batch_run_again_reuses_the_unchanged_submissions(prefect_harness, tmp_path, monkeypatch) -> None:
    from flows.cli import app
    from runs import review

    monkeypatch.setenv("JIXIAO_ISOLATION", "0")
    parent = tmp_path / "本季"
    write_version(parent / "A批次", V1)
    write_version(parent / "B批次", V1)
    out = tmp_path / "out"

    def runs() -> set[str]:
        return {p.name for p in out.iterdir() if p.is_dir() and p.name[:8].isdigit()}

    assert CliRunner().invoke(app, ["run", str(parent), "--batch", "-o", str(out)], env=ENV).exit_code == 0
    first = runs()
    again = CliRunner().invoke(app, ["run", str(parent), "--batch", "-o", str(out)], env=ENV)
    assert again.exit_code == 0 and again.output.count("未变，沿用该次运行") == 2 and runs() == first

    write_version(parent / "B批次", V2)  # B corrected: only B runs again
    third = CliRunner().invoke(app, ["run", str(parent), "--batch", "-o", str(out)], env=ENV)
    assert third.output.count("未变，沿用该次运行") == 1 and len(runs()) == 3

    # a review decision since: A's results would change (its review column), so A runs again
    a_run = next(p for p in sorted(runs()) if json.loads((out / p / "summary.json").read_text("utf-8"))
                 ["submission"].endswith("A批次"))
    from schemas.findings import Finding

    finding = Finding.model_validate(json.loads((out / a_run / "findings.json").read_text("utf-8"))[0])
    review.record_decision(f"sqlite:///{out / 'jixiao.db'}", finding, "confirmed", "", "张三")
    fourth = CliRunner().invoke(app, ["run", str(parent), "--batch", "-o", str(out)], env=ENV)
    assert fourth.output.count("未变，沿用该次运行") == 1 and len(runs()) == 4
    forced = CliRunner().invoke(app, ["run", str(parent), "--batch", "--no-cache", "-o", str(out)], env=ENV)
    assert "未变，沿用该次运行" not in forced.output and len(runs()) == 6


def test_the_batch_summary_counts_document_errors_by_category() -> None:
    from flows.run import batch_markdown, summary_markdown
    from schemas.run import DocumentCounts, FindingCounts, RunSummary

    def summary(name: str, errors: dict[str, int]) -> RunSummary:
        return RunSummary(run_id=f"20250101-000000-{name}", submission=f"/s/{name}", started="2025-01-01T00:00:00+08:00",
                          finished="2025-01-01T00:01:00+08:00", documents=DocumentCounts(total=3, ok=2, error=1),
                          records=2, findings=FindingCounts(), errors=errors)

    runs = [summary("aaaaaa", {"encrypted": 1}), summary("bbbbbb", {"encrypted": 1, "parse": 2}), summary("cccccc", {})]
    text = batch_markdown(runs, [])
    assert "| aaaaaa | 3 | 2 | 0 | 20250101-000000-aaaaaa | 已加密 1 |" in text
    assert "文件问题合计（按原因）：已加密 2、内容无法解析 2" in text
    assert "- 文件问题（按原因）：已加密 1、内容无法解析 2" in summary_markdown(runs[1], [])
