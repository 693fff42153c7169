"""The Prefect flow `jixiao-run`, end to end, against a throw-away Prefect API (prefect_harness)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import FIXTURES, need_file
from runs.options import RunOptions
from test_runs import EXPECTED_DOCS, make_submission


@pytest.fixture
def flows_run(prefect_harness):
    import flows.run

    return flows.run


def _artifacts(flow_run_id) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    return {a.key: a for a in found}


def test_flow_end_to_end(flows_run, tmp_path: Path) -> None:
    submission = make_submission(tmp_path / "提交材料")
    seen: list[tuple[int, int, str | None]] = []

    with flows_run.progress_hook(lambda done, total, r: seen.append((done, total, r.path if r else None))):
        state = flows_run.run_submission(str(submission), RunOptions(output_root=str(tmp_path / "out")), return_state=True)
    assert state.is_completed()
    summary = state.result()

    # progress: announced total, then one call per document in completion order
    assert seen[0] == (0, 5, None)
    assert [s[0] for s in seen[1:]] == [1, 2, 3, 4, 5] and {s[1] for s in seen} == {5}
    assert sorted(s[2] for s in seen[1:]) == sorted(EXPECTED_DOCS)

    assert summary.documents.model_dump() == {"total": 5, "ok": 3, "partial": 0, "error": 1, "unrecognised": 1}
    assert summary.errors == {"unreadable": 1, "unrecognised": 1}
    assert summary.records == 3
    run_dir = tmp_path / "out" / summary.run_id
    assert os.readlink(tmp_path / "out" / "latest") == summary.run_id
    docs = json.loads((run_dir / "documents.json").read_text("utf-8"))
    assert [d["path"] for d in docs] == EXPECTED_DOCS  # discovery order, not completion order
    bad = next(d for d in docs if d["path"] == "损坏的文件.docx")
    assert bad["status"] == "error" and [e["code"] for e in bad["errors"]] == ["office.damaged"]
    assert "损坏的文件.docx" in bad["error"]
    findings = json.loads((run_dir / "findings.json").read_text("utf-8"))
    mon001 = [f for f in findings if f["rule_id"] == "MON001"]
    assert [f["subject"]["unit"] for f in mon001] == ["甲单位"]
    assert summary.findings.total == len(findings)

    artifacts = _artifacts(state.state_details.flow_run_id)
    assert set(artifacts) == {"jixiao-findings", "jixiao-summary"}
    table = artifacts["jixiao-findings"].data
    rows = json.loads(table) if isinstance(table, str) else table
    assert len(rows) == len(findings)
    row = next(r for r in rows if r["规则编号"] == "MON001")
    assert row["严重程度"] == "错误" and row["单位"] == "甲单位" and "甲单位监控表.docx" in row["来源"]
    md = artifacts["jixiao-summary"].data
    assert summary.run_id in md and "文件：共 5 个，成功 3 个，出错 1 个，未识别 1 个" in md
    assert "损坏的文件.docx" in md


def test_a_crashing_task_does_not_crash_the_flow(flows_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    submission = make_submission(tmp_path / "提交材料")
    real = flows_run.process_isolated

    def flaky(path: str, root: str, **kwargs):
        if Path(path).name == "乙单位监控表.docx":
            raise MemoryError("模拟任务崩溃")
        return real(path, root, **kwargs)

    monkeypatch.setattr(flows_run, "process_isolated", flaky)
    summary = flows_run.run_submission(str(submission), RunOptions(output_root=str(tmp_path / "out")))
    docs = json.loads((tmp_path / "out" / summary.run_id / "documents.json").read_text("utf-8"))
    crashed = next(d for d in docs if d["path"] == "乙单位监控表.docx")
    assert crashed["status"] == "error" and [e["code"] for e in crashed["errors"]] == ["internal.error"]
    assert "内部错误" in crashed["error"] and "MemoryError" in crashed["error"] and "乙单位监控表.docx" in crashed["error"]
    assert summary.documents.model_dump() == {"total": 5, "ok": 2, "partial": 0, "error": 2, "unrecognised": 1}
    assert summary.errors == {"unreadable": 1, "internal": 1, "unrecognised": 1}


def test_rules_file_is_used_and_recorded(flows_run, tmp_path: Path) -> None:
    submission = make_submission(tmp_path / "提交材料")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  MON001:\n    severity: notice\n", encoding="utf-8")
    summary = flows_run.run_submission(str(submission), RunOptions(output_root=str(tmp_path / "out"), rules=str(rules)))
    assert summary.rules_file == str(rules.resolve())
    assert summary.rules_config["rules"]["MON001"]["severity"] == "notice"
    findings = json.loads((tmp_path / "out" / summary.run_id / "findings.json").read_text("utf-8"))
    assert {f["severity"] for f in findings if f["rule_id"] == "MON001"} == {"notice"}
    assert summary.findings.notice >= 1


def _finding_keys(findings: list[dict]) -> list[tuple]:
    return sorted((f["rule_id"], f["subject"]["unit"], f["subject"]["period"], f["subject"]["project"],
                   f["subject"]["line"], f["subject"]["column"]) for f in findings)


def expected_nanjie_keys() -> list[tuple]:
    """The findings the fixture generator planted in fixtures/nanjie-2024."""
    # findings.json comes from the tables generator (tools/fixturegen/build.py); findings-<area>.json
    # from the generators of the other documents added to the submission later (self-evaluation,
    # final accounts, ...).
    folder = need_file(FIXTURES / "expected" / "nanjie-2024")
    expected = [e for f in sorted(folder.glob("findings*.json")) for e in json.loads(f.read_text("utf-8"))]
    # Target-table findings carry a year and no period.
    return sorted((e["rule_id"], e["unit"], "" if e["period_months"] is None else f"1-{e['period_months']}月",
                   e["project"], e["line"], e["column"]) for e in expected)


def test_flow_on_the_nanjie_fixture(flows_run, tmp_path: Path) -> None:
    submission = need_file(FIXTURES / "nanjie-2024")
    want = expected_nanjie_keys()
    summary = flows_run.run_submission(str(submission), RunOptions(output_root=str(tmp_path / "out")))
    run_dir = tmp_path / "out" / summary.run_id
    docs = json.loads((run_dir / "documents.json").read_text("utf-8"))
    kinds = {d["file_name"]: (d["status"], d["kind"], d["format"]) for d in docs}
    assert kinds == {
        "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx": ("ok", "monitoring", "xlsx"),
        "南街街道办事处2024年1-9月部门整体绩效运行监控表.pdf": ("ok", "monitoring", "pdf"),
        "南街街道办事处2024年1-9月绩效运行监控报告.docx": ("ok", "narrative_report", "docx"),
        "南街街道办事处2024年度部门整体支出绩效目标表.pdf": ("ok", "targets", "pdf"),
        "南街街道办事处2025年度部门整体支出绩效目标表.docx": ("ok", "targets", "docx"),
        "南街街道办事处2024年度部门决算.pdf": ("ok", "final_accounts", "pdf"),
        "南街街道办事处2024年度部门整体支出绩效自评表.docx": ("ok", "self_evaluation", "docx"),
    }, [d["error"] for d in docs]
    findings = json.loads((run_dir / "findings.json").read_text("utf-8"))
    assert _finding_keys(findings) == want
    assert summary.documents.ok == 7 and summary.findings.total == len(want)
    # the evaluator form in the folder is no document, but the card uses it: the seed's scores
    cards = json.loads((run_dir / "scores.json").read_text("utf-8"))
    assert [(c["unit"], c["year"], c["total"], c["grade"]) for c in cards] == [("南街街道办事处", 2024, "82.00", "良")]
    assert [(d["code"], d["score"], d["rate"]) for d in cards[0]["dimensions"]] == [
        ("A", "24.00", "80.00"), ("B", "20.00", "100.00"), ("C", "11.00", "73.33"),
        ("D", "10.00", "100.00"), ("E", "17.00", "68.00")]
    # E1 comes from the final accounts now: 1164.62 ÷ 1164.62 = 100.00%, no deduction
    e1 = next(s for s in cards[0]["sub_indicators"] if s["code"] == "E1")
    assert (e1["method"], e1["source"], e1["score"]) == ("automatic", "rule", "5.00")
    assert "100.00%" in e1["explanation"] and "1164.62万元÷预算1164.62万元" in e1["explanation"]
    assert {e["ref"]["file_name"] for e in e1["evidence"]} == {"南街街道办事处2024年度部门决算.pdf"}
    # every finding points back at cells of the file it came from
    for f in findings:
        stamp = f["subject"]["period"] or f"{f['subject']['year']}年度"
        if f["rule_id"].startswith("XDC"):  # cross-document: cells of several files, its own year's among them
            assert f["evidence"] and {e["ref"]["file_name"] for e in f["evidence"]} <= set(kinds)
            assert any(stamp in e["ref"]["file_name"] for e in f["evidence"])
            continue
        assert f["evidence"] and all(stamp in e["ref"]["file_name"] for e in f["evidence"])


def test_flow_fans_out_over_dask(flows_run, tmp_path: Path) -> None:
    """The same flow on a local Dask cluster (worker processes) gives the same findings."""
    submission = need_file(FIXTURES / "nanjie-2024")
    flow = flows_run.run_submission.with_options(task_runner=flows_run.task_runner(dask=True))
    summary = flow(str(submission), RunOptions(output_root=str(tmp_path / "out")))
    findings = json.loads((tmp_path / "out" / summary.run_id / "findings.json").read_text("utf-8"))
    assert _finding_keys(findings) == expected_nanjie_keys()
    assert summary.documents.ok == 7
