"""The inbox (runs/inbox.py) and `jixiao serve`: what is ready, claims by content hash, the
archive, concurrent pollers, and one poll of the served Prefect deployment triggered by a test.

Submissions are written by test_resubmissions.write_version (figures from its V1/V2 inputs)."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from conftest import FIXTURES, need_file
from runs import inbox
from runs.discover import discover
from runs.isolation import ISOLATION_ENV
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document
from test_resubmissions import V1, V2, write_version


NANJIE_TABLE = "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"


def plain_run(out: Path, url: str):
    """The run the flow makes, without Prefect: read, check, write (with the item's origin)."""
    def run(folder: Path, origin: str):
        results = [process_document(p, folder) for p in discover(folder)]
        return write_run(results, check_submission(results), folder, datetime.now(), RunOptions(output_root=out, store=url, origin=origin))
    return run


def _snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _runs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and p.name[:8].isdigit())


@pytest.fixture
def in_process(monkeypatch):
    monkeypatch.setenv(ISOLATION_ENV, "0")


def test_what_is_ready(tmp_path) -> None:
    box = tmp_path / "inbox"
    write_version(box / "甲单位2024年", {"甲": V1["甲"]})
    write_version(box / "乙单位2024年", {"乙": V1["乙"]})
    (box / "乙单位2024年" / "submission.yaml").write_text("unit: 乙单位\n", encoding="utf-8")
    (box / "空文件夹").mkdir()
    (box / ".隐藏").mkdir()
    shutil.copy(box / "甲单位2024年" / "甲单位监控表.docx", box / "单个文件.docx")
    now = time.time()
    # just written: only the folder with a manifest is complete
    assert [i.name for i in inbox.ready_items(box, quiet_seconds=60, now=now)] == ["乙单位2024年"]
    # quiet for a minute: the others too; the empty and hidden folders never
    assert [i.name for i in inbox.ready_items(box, quiet_seconds=60, now=now + 61)] == [
        "乙单位2024年", "单个文件.docx", "甲单位2024年"]
    items = {i.name: i for i in inbox.ready_items(box, quiet_seconds=0)}
    assert items["单个文件.docx"].content_hash == inbox.content_hash(box / "甲单位2024年" / "甲单位监控表.docx")
    assert items["甲单位2024年"].content_hash != items["单个文件.docx"].content_hash


def test_each_item_is_processed_once_and_the_inbox_is_never_modified(store_url, tmp_path, in_process) -> None:
    box, out = tmp_path / "inbox", tmp_path / "out"
    url = store_url
    write_version(box / "提交A", V1)
    shutil.copy(box / "提交A" / "甲单位监控表.docx", box / "甲.docx")
    shutil.copy(box / "提交A" / "甲单位监控表.docx", box / "甲（重发）.docx")  # the same file dropped twice
    before = _snapshot(box)
    run = plain_run(out, url)

    first = inbox.poll_inbox(box, out, url, run, quiet_seconds=0)
    assert sorted((o.name, o.status) for o in first) == [
        ("提交A", "processed"), ("甲.docx", "processed"), ("甲（重发）.docx", "skipped")]
    assert len(_runs(out)) == 2
    archived = json.loads((out / first[0].run_id / "summary.json").read_text("utf-8"))
    assert archived["submission"].startswith(str((out / "archive").resolve()))
    assert archived["origin"] == str((box / "提交A").resolve())

    again = inbox.poll_inbox(box, out, url, run, quiet_seconds=0)  # nothing new: no run
    assert {o.status for o in again} == {"skipped"} and len(_runs(out)) == 2

    write_version(box / "提交A", V2)  # a corrected resubmission: a new version of the same origin
    third = inbox.poll_inbox(box, out, url, run, quiet_seconds=0)
    (new,) = [o for o in third if o.status == "processed"]
    summary = json.loads((out / new.run_id / "summary.json").read_text("utf-8"))
    previous = next(o.run_id for o in first if o.name == "提交A")
    assert summary["previous_run"] == previous
    assert summary["changes"]["findings_changed"] == 1 and summary["changes"]["findings_resolved"] == 1
    assert {k: v for k, v in _snapshot(box).items() if not k.startswith("提交A")} == \
        {k: v for k, v in before.items() if not k.startswith("提交A")}


def _poller(box: str, out: str, url: str, worker: str, queue) -> None:
    os.environ[ISOLATION_ENV] = "0"
    outcomes = inbox.poll_inbox(Path(box), Path(out), url, plain_run(Path(out), url), quiet_seconds=0, worker=worker)
    queue.put([(o.name, o.status) for o in outcomes])


def test_two_pollers_of_one_inbox_process_every_item_once(store_url, tmp_path) -> None:
    box, out = tmp_path / "inbox", tmp_path / "out"
    out.mkdir()
    url = store_url
    for n in range(6):
        write_version(box / f"提交{n}", {"甲": V1["甲"], "乙": [f"{200 + n}.00", "120.00", "60.00"]})
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_poller, args=(str(box), str(out), url, f"worker{i}", queue)) for i in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    processed = sorted(name for r in results for name, status in r if status == "processed")
    assert processed == [f"提交{n}" for n in range(6)]  # each once, by one worker or the other
    assert all(status in ("processed", "skipped") for r in results for _, status in r)
    assert len(_runs(out)) == 6


def test_serve_parses_its_times() -> None:
    import typer

    from flows.serve_cli import parse_interval

    assert parse_interval("10m").total_seconds() == 600 and parse_interval("90").total_seconds() == 90
    assert parse_interval("2h").total_seconds() == 7200
    with pytest.raises(typer.BadParameter, match="时间“十分钟”无效"):
        parse_interval("十分钟")


def test_one_triggered_poll_of_the_served_deployment(prefect_harness, tmp_path) -> None:
    """`jixiao serve` against a Prefect API (the test harness): the deployment is served; a run
    of it triggered here picks up the submission dropped into the inbox."""
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    box, out = tmp_path / "inbox", tmp_path / "out"
    # a real kind (the served process knows only the built-in kinds): nanjie's 1-6月 table
    (box / "甲单位2024年").mkdir(parents=True)
    shutil.copy(need_file(FIXTURES / "nanjie-2024" / NANJIE_TABLE), box / "甲单位2024年" / NANJIE_TABLE)
    (box / "甲单位2024年" / "submission.yaml").write_text("unit: 甲单位\nyear: 2024\n", encoding="utf-8")
    name = f"test-{os.getpid()}-{int(time.time())}"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_RUNNER_POLL_FREQUENCY": "2",
           "PREFECT_HOME": str(tmp_path / "prefect")}
    jixiao = Path(sys.executable).with_name("jixiao")
    log = open(tmp_path / "serve.log", "wb")
    served = subprocess.Popen([str(jixiao), "serve", "--inbox", str(box), "-o", str(out), "--interval", "1d",
                               "--quiet", "1s", "--name", name], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        with get_client(sync_client=True) as client:
            while True:
                try:
                    client.read_deployment_by_name(f"jixiao-inbox/{name}")
                    break
                except Exception:  # not registered yet
                    if served.poll() is not None or time.monotonic() > deadline:
                        pytest.fail("jixiao serve did not register its deployment:\n"
                                    + (tmp_path / "serve.log").read_text("utf-8", "replace"))
                    time.sleep(1)
        flow_run = run_deployment(f"jixiao-inbox/{name}", timeout=240)
        assert flow_run.state.is_completed(), (tmp_path / "serve.log").read_text("utf-8", "replace")
        (run_dir,) = _runs(out)
        summary = json.loads((run_dir / "summary.json").read_text("utf-8"))
        assert summary["origin"] == str((box / "甲单位2024年").resolve()) and summary["documents"]["ok"] == 1
        with get_client(sync_client=True) as client:
            from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId

            children = client.read_flow_runs(flow_run_filter=FlowRunFilter(
                parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[flow_run.id])))
        assert [(c.name, sorted(c.tags)) for c in children] == [("jixiao 甲单位 2024年", ["单位:甲单位", "年度:2024"])]
    finally:
        served.terminate()
        try:
            served.wait(timeout=30)
        except subprocess.TimeoutExpired:
            served.kill()
