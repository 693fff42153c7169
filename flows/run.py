"""The Prefect flow `jixiao-run`: discover → process each document (concurrently) → check → write.

The tasks are thin wrappers around the plain functions in `runs/`. Without PREFECT_API_URL the
flow runs in Prefect's local ephemeral mode; with it, it reports to that server unchanged.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from prefect import flow, get_run_logger, tags, task
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.states import Completed, Failed

from checks import load_config
from reporting.summary import errors_text
from runs.discover import discover, is_junk
from runs.inbox import DEFAULT_QUIET_SECONDS, poll_inbox
from runs.isolation import process_isolated
from runs.manifest import submission_identity
from runs.options import RunOptions
from reporting.findings import finding_sources
from runs.output import reusable_run, severity_counts_text, write_run
from runs.process import check_submission, failed_result, relative_path, run_failure, submission_records
from runs.review import corrected_results, counted_in_scores, reviewed_findings
from runs.scores import score_records
from runs.season import write_season
from schemas.findings import Finding
from schemas.run import DocumentResult, RunSummary
from schemas.safe_text import visible_name
from schemas.scoring import ScoreCard

# Set by the CLI when it starts (time.time()): the flow reports how long it took to get going.
STARTED_ENV = "JIXIAO_STARTED_AT"

# Called as progress(done, total, result) — once with (0, total, None) after discovery, then
# once per finished document. The CLI uses it for its progress bar; it is not a flow parameter
# because parameters must be serialisable.
Progress = Callable[[int, int, DocumentResult | None], None]
_progress_hooks: list[Progress] = []


@contextmanager
def progress_hook(hook: Progress) -> Iterator[None]:
    _progress_hooks.append(hook)
    try:
        yield
    finally:
        _progress_hooks.remove(hook)


def _notify(done: int, total: int, result: DocumentResult | None) -> None:
    for hook in list(_progress_hooks):
        hook(done, total, result)


def _document_run_name() -> str:
    """The task run's name: the file's name as shown to users (a name with control characters or
    GBK bytes would break Prefect's events)."""
    from prefect.runtime import task_run

    return f"process-{visible_name(Path(task_run.parameters.get('path', '')).name)}"


# Prefect's own task cache is off: it would hash whole record lists. Reading is kept by content
# in runs/cache.py instead (`cache` is its folder).
@task(name="process-document", cache_policy=NO_CACHE, task_run_name=_document_run_name)
def process_document_task(path: str, root: str, wording: str | None = None, cache: str | None = None,
                          refresh: bool = False) -> DocumentResult:
    return process_isolated(path, root, wording_dir=wording, cache=cache, refresh=refresh)


@task(name="check-submission", cache_policy=NO_CACHE)
def check_task(results: list[DocumentResult], config: dict[str, Any]) -> list[Finding]:
    return check_submission(results, config)


@task(name="score-submission", cache_policy=NO_CACHE)
def score_task(results: list[DocumentResult], findings: list[Finding], submission: str,
               options: RunOptions) -> list[ScoreCard]:
    return score_records(submission_records(results), findings, submission, options.rubric, options.evaluator_inputs)


@task(name="write-outputs", cache_policy=NO_CACHE)
def write_task(results: list[DocumentResult], findings: list[Finding], scores: list[ScoreCard], submission: str,
               started: datetime, options: RunOptions, config: dict[str, Any],
               timings: dict[str, float]) -> RunSummary:
    return write_run(results, findings, submission, started, options, scores=scores, config=config, timings=timings)


def refreshed(path: Path, root: Path, refresh: list[str] | None) -> bool:
    """Whether `path` is to be read again whatever the cache holds."""
    if not refresh:
        return False
    return "*" in refresh or relative_path(path, root) in {r.replace("\\", "/").strip("/") for r in refresh}


def task_runner(dask: bool = False, dask_address: str | None = None):
    """Threads on one machine by default; with `dask`, a Dask cluster (a local one of worker
    processes, or the scheduler at `dask_address`) when one machine is not enough."""
    if not dask and not dask_address:
        return ThreadPoolTaskRunner()
    from prefect_dask import DaskTaskRunner  # optional dependency: the `dask` extra

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(cluster_kwargs={"processes": True, "n_workers": 2, "threads_per_worker": 1})


def submission_label(submission: str | Path) -> str:
    """A run's name: the unit and year its folder names, else the folder's name."""
    root = Path(submission)
    unit, year = submission_identity(root)
    if unit or year:
        return " ".join(x for x in (unit, f"{year}年" if year else None) if x)
    return visible_name(root.name or str(root))


def submission_tags(submission: str | Path) -> list[str]:
    unit, year = submission_identity(Path(submission))
    return [t for t in (f"单位:{unit}" if unit else None, f"年度:{year}" if year else None) if t]


def _flow_run_name() -> str:
    from prefect.runtime import flow_run

    return f"jixiao {submission_label(flow_run.parameters.get('submission', ''))}"


@flow(name="jixiao-run", flow_run_name=_flow_run_name)
def run_submission(submission: str, options: RunOptions | None = None) -> RunSummary | Failed:
    """Process every document of a submission folder, check them and write output/<run-id>/
    and the run store, as `options` say (runs/options.py: output root, rules, rubric, store,
    wording overrides, cache and what to read again, origin).
    A run with nothing to check (no file, or none readable) ends Failed, its summary the state's data;
    a run with some unreadable files completes, and its state message says how many."""
    options = options or RunOptions()
    logger = get_run_logger()
    began = time.perf_counter()
    started = datetime.now()
    timings = {"start": round(max(0.0, time.time() - float(os.environ.get(STARTED_ENV) or time.time())), 3)}
    root = Path(submission)
    paths = discover(root)
    config = load_config(options.rules)
    total = len(paths)
    logger.info("提交材料“%s”：共 %d 个文件", visible_name(str(root)), total)
    _notify(0, total, None)
    futures = {process_document_task.submit(str(p), str(root), options.wording, options.cache,
                                            refreshed(p, root, options.refresh)): p for p in paths}
    by_path: dict[Path, DocumentResult] = {}
    for done, fut in enumerate(as_completed(list(futures)), start=1):
        path = futures[fut]
        try:
            result = fut.result()
        except Exception as exc:  # the task itself crashed: record it, keep the run going
            result = failed_result(path, root, exc)
        by_path[path] = result
        _notify(done, total, result)
    results = [by_path[p] for p in paths]  # discovery order, not completion order
    timings["read"] = round(time.perf_counter() - began, 3)
    for phase in ("extract", "parse"):
        timings[phase] = round(sum(r.seconds.get(phase, 0.0) for r in results if not r.from_cache), 3)
    url = options.store_url
    results = corrected_results(results, url)  # a reviewer's hand corrections, before the checks

    mark = time.perf_counter()
    findings = reviewed_findings(check_task(results, config), url)
    timings["checks"], mark = round(time.perf_counter() - mark, 3), time.perf_counter()
    scores = score_task(results, counted_in_scores(findings), str(root), options)
    timings["scoring"] = round(time.perf_counter() - mark, 3)
    summary = write_task(results, findings, scores, str(root), started, options, config, timings)
    publish_artifacts(summary, results, findings)
    failure = run_failure(summary)
    # Logged at INFO: the state (Failed, or its message) is what alerts; `jixiao run` keeps the
    # terminal to its own Chinese output (PREFECT_LOGGING_LEVEL=WARNING), `jixiao serve` logs INFO.
    if failure:  # the outputs are written (they say why each file failed); the run ends Failed
        logger.info("%s", failure)
        return Failed(message=failure, data=summary)
    d = summary.documents
    message = f"运行 {summary.run_id}：{d.ok}/{d.total} 个文件读取成功，问题 {summary.findings.total} 条"
    if d.ok < d.total:
        message += f"；{d.total - d.ok} 个文件未能读取（出错 {d.error}，未识别 {d.unrecognised}），核对结果不完整"
    logger.info("%s", message)
    return Completed(message=message, data=summary)


def _submission_run_name() -> str:
    from prefect.runtime import task_run

    return f"read-{submission_label(task_run.parameters.get('root', ''))}"


@task(name="read-submission", cache_policy=NO_CACHE, task_run_name=_submission_run_name)
def read_submission_task(root: str, paths: list[str], wording: str | None = None,
                         cache: str | None = None) -> list[DocumentResult]:
    """Every document of one submission of a batch, each in its own process (runs/isolation.py
    bounds them to the machine's cores): one task per submission, not per document, so that
    Prefect's cost per task stays small next to the work."""
    from concurrent.futures import ThreadPoolExecutor

    def read(path: str) -> DocumentResult:
        try:
            return process_isolated(path, root, wording_dir=wording, cache=cache)
        except Exception as exc:  # noqa: BLE001 - recorded for that file; the others go on
            return failed_result(path, root, exc)

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        results = []
        for result in pool.map(read, paths):
            results.append(result)
            _notify_document(result)
        return results


_batch_progress: dict[str, int] = {"done": 0, "total": 0}
_batch_lock = threading.Lock()


def _notify_document(result: DocumentResult) -> None:
    with _batch_lock:
        _batch_progress["done"] += 1
        done, total = _batch_progress["done"], _batch_progress["total"]
    _notify(done, total, result)


def finish_submission(results: list[DocumentResult], root: Path, started: datetime, options: RunOptions,
                      config: dict[str, Any]) -> RunSummary:
    """One submission of a batch, after its documents are read: hand corrections, checks,
    review decisions, scores and outputs (the same steps as `run_submission`, as plain calls:
    a batch passes no record lists through Prefect). A batch takes no explicit evaluator form:
    each submission's own forms are scored."""
    url = options.store_url
    results = corrected_results(results, url)
    findings = reviewed_findings(check_submission(results, config), url)
    scores = score_records(submission_records(results), counted_in_scores(findings), str(root), options.rubric)
    return write_run(results, findings, str(root), started, options, scores=scores, config=config)


def batch_submissions(parent: Path) -> list[Path]:
    """The submission folders of a batch folder: its sub-folders (junk and hidden ones left out)."""
    return sorted((p for p in parent.iterdir() if p.is_dir() and not p.is_symlink() and not is_junk(p.name)),
                  key=lambda p: p.name)


@flow(name="jixiao-batch", flow_run_name="jixiao 批量 {submissions[0]} 等")
def run_batch(submissions: list[str], options: RunOptions | None = None) -> list[RunSummary] | Failed:
    """Several submissions in one flow: every document of every submission read concurrently,
    then each submission checked, scored and written on its own (its own cross-document checks,
    run folder and store entry), and a season summary (summary/汇总.xlsx) at the end.
    Ends Failed when no submission had anything to check; the state message names the ones that failed."""
    options = (options or RunOptions()).model_copy(update={"evaluator_inputs": None, "refresh": None, "origin": None})
    logger = get_run_logger()
    config = load_config(options.rules)
    roots = [Path(s) for s in submissions]
    paths = {i: discover(root) for i, root in enumerate(roots)}
    total = sum(len(p) for p in paths.values())
    logger.info("批量：%d 份提交材料，共 %d 个文件", len(roots), total)
    _notify(0, total, None)
    # A submission in which nothing changed since its last run (files, rules, code, reviews) is
    # not run again: its last run stands (`use_cache=False` runs everything).
    reused = {i: r for i in paths if options.use_cache and not options.wording
              for r in [reusable_run(roots[i], paths[i], config, options)] if r}
    for i, r in reused.items():
        logger.info("%s：自运行 %s 以来没有变化，沿用该次结果", visible_name(roots[i].name), r.run_id)
    started = {i: datetime.now() for i in paths}
    _batch_progress.update(done=0, total=sum(len(paths[i]) for i in paths if i not in reused))
    futures = {read_submission_task.submit(str(roots[i]), [str(p) for p in paths[i]], options.wording, options.cache): i
               for i in paths if i not in reused}
    read: dict[int, dict[Path, DocumentResult]] = {i: {} for i in paths}
    for fut in as_completed(list(futures)):
        i = futures[fut]
        try:
            results = fut.result()
        except Exception as exc:  # the task itself crashed: record it for each file, keep the batch going
            results = [failed_result(p, roots[i], exc) for p in paths[i]]
        read[i] = dict(zip(paths[i], results))
    summaries = []
    for i, root in enumerate(roots):
        if i in reused:
            summaries.append(reused[i])
            continue
        summary = finish_submission([read[i][p] for p in paths[i]], root, started[i], options, config)
        summaries.append(summary)
        logger.info("%s：运行 %s，%d/%d 个文件读取成功，问题 %d 条", visible_name(root.name), summary.run_id,
                    summary.documents.ok, summary.documents.total, summary.findings.total)
    season = write_season(options.root)[1] if summaries else []
    create_markdown_artifact(markdown=batch_markdown(summaries, season), key="jixiao-batch",
                             description=f"批量运行 {len(summaries)} 份提交材料")
    failed = [(s, run_failure(s)) for s in summaries if run_failure(s)]
    message = f"批量运行 {len(summaries)} 份提交材料，{len(summaries) - len(failed)} 份完成（其中 {len(reused)} 份未变，沿用上次结果）"
    if failed:
        message += "；未能核对：" + "；".join(f"{Path(s.submission).name}（{why}）" for s, why in failed)
    logger.info("%s", message)
    if summaries and len(failed) == len(summaries):
        return Failed(message=message, data=summaries)
    return Completed(message=message, data=summaries)


def batch_markdown(summaries: list[RunSummary], season: list[Path]) -> str:
    lines = ["# 批量运行", "", "| 提交材料 | 文件 | 成功 | 问题 | 运行编号 | 文件问题（按原因） |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {visible_name(Path(s.submission).name)} | {s.documents.total} | {s.documents.ok} | "
              f"{s.findings.total} | {s.run_id} | {errors_text(s.errors)} |" for s in summaries]
    errors: Counter[str] = Counter()
    for s in summaries:
        errors.update(s.errors)
    if errors:
        lines += ["", "文件问题合计（按原因）：" + errors_text(dict(errors.most_common()))]
    if season:
        lines += ["", "汇总：" + "、".join(f"`{p}`" for p in season)]
    return "\n".join(lines) + "\n"


def publish_artifacts(summary: RunSummary, results: list[DocumentResult], findings: list[Finding]) -> None:
    table = [
        {
            "严重程度": f.severity.label,
            "规则编号": f.rule_id,
            "单位": f.subject.unit,
            "期间": f.subject.period,
            "项目": f.subject.project,
            "问题描述": f.text,
            "来源": finding_sources(f),
        }
        for f in findings
    ]
    create_table_artifact(table=table, key="jixiao-findings", description=f"运行 {summary.run_id} 的问题清单")
    create_markdown_artifact(markdown=summary_markdown(summary, results), key="jixiao-summary",
                             description=f"运行 {summary.run_id} 的概要")


def summary_markdown(summary: RunSummary, results: list[DocumentResult]) -> str:
    d = summary.documents
    lines = [
        f"# 绩效材料检查：运行 {summary.run_id}",
        "",
        f"- 提交材料：`{summary.submission}`",
        f"- 文件：共 {d.total} 个，成功 {d.ok} 个，出错 {d.error} 个，未识别 {d.unrecognised} 个",
        f"- 记录：{summary.records} 条",
        f"- 问题：共 {summary.findings.total} 条（{severity_counts_text(summary.findings)}）",
        f"- 结果目录：`{summary.output_dir}`",
    ]
    if summary.errors:
        lines.insert(4, f"- 文件问题（按原因）：{errors_text(summary.errors)}")
    if d.ok < d.total:
        lines.insert(2, f"> **注意：{d.total - d.ok} 个文件未能读取，核对结果不完整。**\n")
    bad = [r for r in results if not r.read]
    if bad:
        lines += ["", "## 未能处理的文件", ""]
        lines += [f"- `{r.path}`（{r.status_label}）：{r.error}" for r in bad]
    return "\n".join(lines) + "\n"


@flow(name="jixiao-inbox", flow_run_name="jixiao 收件箱 {inbox}")
def poll_inbox_flow(inbox: str, options: RunOptions | None = None,
                    quiet_seconds: float = DEFAULT_QUIET_SECONDS) -> list[dict[str, Any]] | Failed:
    """One poll of an inbox folder (runs/inbox.py): every ready submission not processed before
    is claimed, archived and run as a `jixiao-run` sub-flow named and tagged after it.
    Ends Failed when a submission's run failed, naming it; the others are processed all the same."""
    logger = get_run_logger()
    options = options or RunOptions()
    root = options.root
    url = options.store_url
    each = options.model_copy(update={"output_root": str(root), "evaluator_inputs": None, "refresh": None})

    def run(folder: Path, origin: str) -> RunSummary:
        with tags(*submission_tags(folder)):
            state = run_submission(str(folder), each.model_copy(update={"origin": origin}), return_state=True)
        result = state.result(raise_on_failure=False)
        if isinstance(result, BaseException):
            raise result
        return result

    outcomes = poll_inbox(Path(inbox), root, url, run, quiet_seconds)
    labels = {"processed": "已处理", "failed": "失败", "skipped": "已处理过，跳过"}
    for o in outcomes:
        logger.info("收件箱“%s”：%s%s", visible_name(o.name), labels[o.status], f"（运行 {o.run_id}）" if o.run_id else "")
    rows = [{"提交材料": visible_name(o.name), "结果": labels[o.status], "运行编号": o.run_id or "", "说明": o.message}
            for o in outcomes]
    if rows:
        create_table_artifact(table=rows, key="jixiao-inbox", description=f"收件箱 {inbox} 本次轮询")
    data = [{"name": o.name, "status": o.status, "run_id": o.run_id, "message": o.message} for o in outcomes]
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        return Failed(message="；".join(o.message or f"“{o.name}”处理失败" for o in failed), data=data)
    return data
