"""The `jixiao` command line: run a submission, extract one file, check a folder, print schemas."""

from __future__ import annotations

import os
import time

# Prefect reads these when it is first imported (only `run` imports it): keep its console quiet
# and never phone home, unless the user has chosen otherwise.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The local (ephemeral) Prefect server gets 20 s to start by default; a busy 2-core machine
# needs more on the first run.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
# When this command started, for the run's timings (flows/run.py STARTED_ENV).
os.environ["JIXIAO_STARTED_AT"] = str(time.time())

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.interrupt import stop_on_interrupt
from flows.render import (
    SEVERITY_STYLE,
    SOURCE_LABELS,
    console,
    documents_table,
    err_console,
    pages_text,
    print_findings,
    print_json,
    print_run,
    render_record,
)
from schemas.findings import Finding, Severity
from schemas.run import STATUS_LABELS, DocumentResult, RunSummary

app = typer.Typer(
    name="jixiao",
    help="预算绩效材料的抽取与交叉核对（绩效运行监控表等）。",
    no_args_is_help=True,
    add_completion=False,
)
OUTPUT_HELP = "结果根目录（默认 ./output 或 $JIXIAO_OUTPUT）"
STORE_HELP = "结果库地址（SQLAlchemy URL，默认 $JIXIAO_STORE_URL，否则结果根目录下的 SQLite 文件 jixiao.db）"


def _fail(message: str) -> None:
    err_console.print(f"[bold red]错误：[/]{escape(message)}")
    raise typer.Exit(code=1)


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        _fail(f"文件夹“{folder}”不存在，请检查路径")
    if not folder.is_dir():
        _fail(f"“{folder}”不是文件夹：请给出存放被评价单位材料的文件夹")


def _check_rules(rules: Optional[Path]) -> None:
    if rules is None:
        return
    if not rules.is_file():
        _fail(f"规则配置文件“{rules}”不存在")
    from checks import ConfigError, load_config

    try:
        load_config(rules)
    except ConfigError as exc:
        _fail(str(exc))


WORDING_HELP = "措辞配置目录：其中的 <类型>.yaml（如 targets.yaml）逐项覆盖内置 extractors/kinds/ 中的同名文件"


def _check_wording(folder: Optional[Path]) -> None:
    if folder is None:
        return
    from extractors.wording import WordingError, check_directory

    try:
        check_directory(folder)
    except WordingError as exc:
        _fail(str(exc))


def _wording(folder: Optional[Path]):
    """The context in which documents are read with the run's wording overrides."""
    from extractors.wording import directory

    return directory(folder)


def _prepare_local_prefect() -> None:
    """Without PREFECT_API_URL each `jixiao run` starts its own local Prefect server on the
    database in PREFECT_HOME. Started together, such servers race: each creates the database's
    tables and registers block types, and each picks a free port by trying one, then binds it a
    moment later. So the server is started here, one process at a time under a file lock; the
    flow's client then finds it running and uses it."""
    if os.environ.get("PREFECT_API_URL") or not os.environ.get("PREFECT_HOME"):
        return
    import fcntl

    home = Path(os.environ["PREFECT_HOME"]).expanduser()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"无法创建 Prefect 目录“{home}”（PREFECT_HOME）：{exc.strerror or exc}")
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return  # a server is configured (a profile, a test harness): nothing to start
    with open(home / ".jixiao-server-start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, the server listening
        try:
            SubprocessASGIServer().start()
        except Exception as exc:  # Prefect's own message is long and English: say what it means
            first = str(exc).split(" stdout:")[0]
            _fail(f"无法启动本地 Prefect 服务（{first}）；请稍后重试，或设置 PREFECT_API_URL 使用已有的 Prefect 服务器")


@app.command()
def run(
    folders: list[Path] = typer.Argument(..., metavar="DIR...", help="一家单位提交材料所在的文件夹；给出多个则批量处理"),
    batch: bool = typer.Option(False, "--batch", help="DIR 下的每个子文件夹是一份提交材料：批量处理，各自核对、评分与输出"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="结果根目录（默认 ./output 或 $JIXIAO_OUTPUT）"),
    rules: Optional[Path] = typer.Option(None, "--rules", help="规则配置 YAML，覆盖内置 checks/rules.yaml 的条目"),
    dask: bool = typer.Option(False, "--dask", help="用本机 Dask 集群（多进程）并行处理文件"),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="已有 Dask 调度器的地址，如 tcp://10.0.0.5:8786"),
    rubric: Optional[Path] = typer.Option(None, "--rubric", help="评分标准 YAML（默认内置 scoring/rubrics/default.yaml）"),
    evaluator_inputs: Optional[Path] = typer.Option(None, "--evaluator-inputs", help="评估人填写的评分录入表（YAML 或 xlsx）"),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
    wording: Optional[Path] = typer.Option(None, "--wording", help=WORDING_HELP),
    no_cache: bool = typer.Option(False, "--no-cache", help="重新读取全部文件（默认内容未变的文件沿用上次读取结果）"),
) -> None:
    """处理一个文件夹的全部材料，核对、评分并把结果写入 output/<运行编号>/ 与结果库。
    多个文件夹或 --batch：一次运行处理多份提交材料，每份各自核对、评分、输出，最后写出汇总。"""
    stop_on_interrupt()
    if batch or len(folders) > 1:
        if evaluator_inputs is not None:
            _fail("批量运行时每份提交材料的评分录入表放在其文件夹中，不能用 --evaluator-inputs 统一指定")
        execute_batch(folders, batch, output, rules=rules, dask=dask, dask_address=dask_address, rubric=rubric,
                      store=store, wording=wording, use_cache=not no_cache)
        return
    execute_run(folders[0], output, rules=rules, dask=dask, dask_address=dask_address, rubric=rubric,
                evaluator_inputs=evaluator_inputs, store=store, wording=wording, use_cache=not no_cache)


def _prefect_home(output: Optional[Path]) -> None:
    """Prefect's own state (its local database, logs) stays in the output folder, not the user's home."""
    from runs.paths import output_root

    if "PREFECT_HOME" not in os.environ:
        home = output_root(output).resolve() / ".prefect"
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(f"无法创建结果目录“{home.parent}”：{exc.strerror or exc}")
        os.environ["PREFECT_HOME"] = str(home)
    _prepare_local_prefect()


def execute_batch(folders: list[Path], batch: bool, output: Optional[Path], *, rules: Optional[Path] = None,
                  dask: bool = False, dask_address: Optional[str] = None, rubric: Optional[Path] = None,
                  store: Optional[str] = None, wording: Optional[Path] = None, use_cache: bool = True) -> None:
    """Several submissions in one flow (flows.run.run_batch); prints one line per submission."""
    for folder in folders:
        _check_folder(folder)
    _check_rules(rules)
    _check_wording(wording)
    _check_scoring(rubric, None)
    from flows.run import batch_submissions

    submissions = [s for f in folders for s in (batch_submissions(f) if batch else [f])]
    if not submissions:
        _fail(f"“{'、'.join(str(f) for f in folders)}”下没有子文件夹：--batch 时每个子文件夹是一份提交材料")
    from runs.options import RunOptions
    from runs.paths import output_root

    options = RunOptions(output_root=str(output_root(output)), rules=str(rules) if rules else None,
                         rubric=str(rubric) if rubric else None, store=store,
                         wording=str(wording.resolve()) if wording else None, use_cache=use_cache)
    _prefect_home(output)
    from flows.run import progress_hook, run_batch, task_runner

    with Progress(TextColumn("[bold]批量处理文件"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        job = bar.add_task("", total=None)

        def on_progress(done: int, total: int, result: DocumentResult | None) -> None:
            bar.update(job, total=total, completed=done, description=escape(result.path) if result else "")

        try:
            with progress_hook(on_progress):
                flow = run_batch.with_options(task_runner=task_runner(dask, dask_address))
                state = flow([str(s) for s in submissions], options, return_state=True)
            summaries = state.result(raise_on_failure=False)
        except Exception as exc:  # Prefect itself could not run the flow: say so plainly
            bar.stop()
            _fail(f"运行失败（{type(exc).__name__}: {exc}）")
    if isinstance(summaries, BaseException):
        _fail(f"运行失败（{type(summaries).__name__}: {summaries}）")
    from runs.process import run_failure

    table = Table(title="批量运行", title_justify="left")
    for name in ("提交材料", "文件", "成功", "问题", "运行编号", "说明"):
        table.add_column(name, overflow="fold", no_wrap=name in ("文件", "成功", "问题", "运行编号"))
    for s in summaries:
        why = run_failure(s) or s.store_error or ""
        note = f"[red]{escape(why)}[/]" if why else ("未变，沿用该次运行（--no-cache 可重跑）" if s.reused else "")
        table.add_row(escape(Path(s.submission).name), str(s.documents.total), str(s.documents.ok),
                      str(s.findings.total), s.run_id, note)
    console.print(table)
    console.print(f"汇总：[bold]{escape(str(output_root(output) / 'summary'))}[/]（jixiao summary 可随时重写）")
    failed = [s for s in summaries if run_failure(s) or s.store_error]
    if failed:  # each submission's outputs are written; say which could not be checked, exit non-zero
        _fail(f"{len(failed)} 份提交材料未能完整处理：{'、'.join(Path(s.submission).name for s in failed)}")


def execute_run(folder: Path, output: Optional[Path], *, rules: Optional[Path] = None, dask: bool = False,
                dask_address: Optional[str] = None, rubric: Optional[Path] = None,
                evaluator_inputs: Optional[Path] = None, store: Optional[str] = None,
                wording: Optional[Path] = None, use_cache: bool = True,
                refresh: Optional[list[str]] = None) -> RunSummary:
    """Run the flow on one submission folder with a progress bar; print and return its summary."""
    _check_folder(folder)
    _check_rules(rules)
    _check_wording(wording)
    _check_scoring(rubric, evaluator_inputs)
    from runs.options import RunOptions
    from runs.paths import output_root

    options = RunOptions(output_root=str(output_root(output)), rules=str(rules) if rules else None,
                         rubric=str(rubric) if rubric else None,
                         evaluator_inputs=str(evaluator_inputs) if evaluator_inputs else None, store=store,
                         wording=str(wording.resolve()) if wording else None, use_cache=use_cache, refresh=refresh)
    _prefect_home(output)
    from prefect import tags

    from flows.run import progress_hook, run_submission, submission_tags, task_runner  # Prefect: only when running

    with Progress(
        TextColumn("[bold]处理文件"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        job = bar.add_task("", total=None)

        def on_progress(done: int, total: int, result: DocumentResult | None) -> None:
            bar.update(job, total=total, completed=done, description=escape(result.path) if result else "")

        try:
            with progress_hook(on_progress), tags(*submission_tags(folder)):
                flow = run_submission.with_options(task_runner=task_runner(dask, dask_address))
                state = flow(str(folder), options, return_state=True)
            summary = state.result(raise_on_failure=False)
        except Exception as exc:  # Prefect itself could not run the flow: say so plainly
            bar.stop()
            _fail(f"运行失败（{type(exc).__name__}: {exc}）")
    if isinstance(summary, BaseException):  # a bug in a rule or in writing the output
        _fail(f"运行失败（{type(summary).__name__}: {summary}）")
    _show_run(summary)
    if state.is_failed():  # nothing could be checked: the outputs say why; exit non-zero
        _fail(state.message or "运行失败")
    if summary.store_error:  # the files are written; say plainly that the store is not
        _fail(summary.store_error)
    return summary


def _show_run(summary: RunSummary) -> None:
    """The run as written: its folder is read, so the screen and the files cannot disagree."""
    from runs.paths import DOCUMENTS_JSON, FINDINGS_JSON  # start-up cost: see the imports of `run`
    from runs.season import read_scores

    out = Path(summary.output_dir or "")
    results = [DocumentResult.model_validate(d) for d in json.loads((out / DOCUMENTS_JSON).read_text("utf-8"))]
    findings = [Finding.model_validate(f) for f in json.loads((out / FINDINGS_JSON).read_text("utf-8"))]
    print_run(summary, results, findings, read_scores(out))


def inspection(result: DocumentResult) -> dict[str, Any]:
    """What the pipeline understood of one file: its parts and records, what it left unread,
    and the attributes it could not find."""
    from runs.process import record_places

    records = []
    for rec in result.records:
        unit, year = getattr(rec, "unit", None), getattr(rec, "year_attr", None)
        pages, sheets = record_places(rec)
        records.append({
            "kind": getattr(rec, "record_type", ""),
            "project": getattr(getattr(rec, "project", None), "value", "") or "",
            "pages": pages,
            "sheets": sheets,
            "unit": getattr(unit, "value", "") or None, "unit_source": getattr(unit, "source", None),
            "year": getattr(rec, "year", None), "year_source": getattr(year, "source", None),
            "unknown": [n for n, a in (("单位", unit), ("年度", year)) if a is not None and a.source == "unknown"],
        })
    return {
        "file": result.path, "status": result.status, "kind": result.kind, "error": result.error,
        "errors": [e.model_dump(mode="json") for e in result.errors],
        "segments": [s.model_dump(mode="json") for s in result.segments],
        "records": records,
        "unread_tables": [u.model_dump(mode="json") for u in result.unread_tables],
    }


@app.command()
def inspect(
    path: Path = typer.Argument(..., metavar="PATH", help="一个文件或一个提交文件夹"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    wording: Optional[Path] = typer.Option(None, "--wording", help=WORDING_HELP),
) -> None:
    """查看每个文件读到了什么：各部分的类型、页/工作表、记录及其单位/年度来源、未读的表格和未知属性。"""
    from runs.discover import SubmissionError, discover
    from runs.process import process_document

    _check_wording(wording)
    with _wording(wording):
        if path.is_file():
            results = [process_document(path, path.parent)]
        else:
            try:
                files = discover(path)
            except SubmissionError as exc:
                _fail(str(exc))
            results = [process_document(p, path) for p in files]
    data = [inspection(r) for r in results]
    if as_json:
        print_json(data)
        return
    for item in data:
        console.print(f"[bold]{escape(item['file'])}[/]  {escape(STATUS_LABELS.get(item['status'], item['status']))}"
                      + (f"  [red]{escape(item['error'])}[/]" if item["error"] else ""))
        parts = Table(title="文件各部分", show_lines=False)
        for c in ("类型", "页 / 工作表", "状态", "记录", "开头文字"):
            parts.add_column(c, overflow="fold")
        for s in item["segments"]:
            where = "、".join(s["sheets"]) if s["sheets"] else pages_text(s["pages"])
            parts.add_row(escape(s["kind_label"] or "（未识别）"), escape(where), escape(s["status"]),
                          str(s["records"]), escape(s["title"][:30]))
        console.print(parts)
        recs = Table(title="记录", show_lines=False)
        for c in ("类型", "项目", "页 / 工作表", "单位（来源）", "年度（来源）", "未知"):
            recs.add_column(c, overflow="fold")
        for r in item["records"]:
            where = "、".join(r["sheets"]) if r["sheets"] else pages_text(r["pages"])
            recs.add_row(r["kind"], escape(r["project"][:30]), escape(where[:40]),
                         escape(f"{r['unit'] or '未知'}（{SOURCE_LABELS.get(r['unit_source'] or '', '—')}）"),
                         escape(f"{r['year'] or '未知'}（{SOURCE_LABELS.get(r['year_source'] or '', '—')}）"),
                         escape("、".join(r["unknown"])))
        console.print(recs)
        for u in item["unread_tables"]:
            where = u["sheet"] or pages_text(u["pages"])
            console.print(f"  未读表格：表{u['table']}（{escape(where)}）“{escape(u['title'])}”")


@app.command()
def extract(
    file: Path = typer.Argument(..., metavar="FILE", help="一个文件（PDF、Word .docx、Excel .xlsx、HTML）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出（DocumentResult，含全部记录）"),
    wording: Optional[Path] = typer.Option(None, "--wording", help=WORDING_HELP),
) -> None:
    """抽取一个文件中的结构化记录。"""
    from runs.process import process_document

    if not file.is_file():
        _fail(f"文件“{file}”不存在或不是普通文件")
    _check_wording(wording)
    result = process_document(file, file.parent, wording_dir=wording)
    if not result.read:
        _fail(result.error or f"文件“{file.name}”无法处理")
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    console.print(
        f"[bold]{escape(result.file_name)}[/]  格式 {result.format.value.upper() if result.format else '—'}"
        f"  类型 {escape(result.kind_label or '—')}（置信度 {result.confidence:.2f}）  记录 {len(result.records)} 条"
    )
    for record in result.records:
        render_record(record)


@app.command()
def check(
    folder: Path = typer.Argument(..., metavar="DIR", help="一家单位提交材料所在的文件夹"),
    rules: Optional[Path] = typer.Option(None, "--rules", help="规则配置 YAML"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出问题清单（Finding 列表）"),
    wording: Optional[Path] = typer.Option(None, "--wording", help=WORDING_HELP),
) -> None:
    """核对一个文件夹的材料并列出问题（不写结果目录，不经 Prefect）。"""
    stop_on_interrupt(forkserver=False)
    _check_folder(folder)
    _check_rules(rules)
    _check_wording(wording)
    from checks import load_config
    from runs.discover import discover
    from runs.isolation import process_isolated
    from runs.process import document_counts, nothing_to_check
    from runs.process import check_submission

    paths = discover(folder)
    results = [process_isolated(p, folder, wording_dir=wording, alone=len(paths) == 1) for p in paths]
    findings = check_submission(results, load_config(rules))
    failure = nothing_to_check(str(folder), document_counts(results))
    if as_json:
        print_json([f.model_dump(mode="json") for f in findings])
    else:
        console.print(documents_table(results))
        print_findings(findings)
    if failure:  # exit non-zero: nothing could be checked
        _fail(failure)


@app.command("rules")
def list_rules(
    rules: Optional[Path] = typer.Option(None, "--rules", help="规则配置 YAML（默认内置 checks/rules.yaml）"),
) -> None:
    """列出全部核对规则：编号、名称、严重程度、是否启用。"""
    from checks import all_rules, load_config

    _check_rules(rules)
    config = load_config(rules).get("rules", {})
    table = Table(title="核对规则", title_justify="left")
    for name in ("规则", "名称", "严重程度", "启用", "标识"):
        table.add_column(name, overflow="fold")
    for r in all_rules():
        entry = config.get(r.id, {})
        severity = Severity(entry.get("severity", r.default_severity))
        table.add_row(r.id, escape(entry.get("title", r.name)), f"[{SEVERITY_STYLE[severity]}]{severity.label}[/]",
                      "是" if entry.get("enabled", True) else "否", r.name)
    console.print(table)


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON schemas of what the pipeline writes."""
    return {
        "DocumentResult": DocumentResult.model_json_schema(mode="serialization"),
        "Finding": Finding.model_json_schema(mode="serialization"),
        "RunSummary": RunSummary.model_json_schema(mode="serialization"),
    }


@app.command()
def schema(
    write: Optional[Path] = typer.Option(None, "--write", help="同时把每个模式写入该目录下的 <名称>.json"),
) -> None:
    """输出 DocumentResult、Finding、RunSummary 的 JSON Schema。"""
    all_schemas = schemas()
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for name, sch in all_schemas.items():
            (write / f"{name}.json").write_text(json.dumps(sch, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_json(all_schemas)


def _check_scoring(rubric: Optional[Path], evaluator_inputs: Optional[Path]) -> None:
    """A bad rubric or evaluator form stops the run before any work, with the reason."""
    from scoring import EvaluatorInputError, RubricError, load_rubric, read_evaluator_inputs

    try:
        loaded = load_rubric(rubric)
        if evaluator_inputs is not None:
            read_evaluator_inputs(evaluator_inputs, loaded)
    except (RubricError, EvaluatorInputError) as exc:
        _fail(str(exc))


def _run_folder(run: str) -> Path:
    """A run given as its folder, its id under the output root, or "latest"."""
    from runs.paths import find_run, output_root

    path = find_run(run, output_root(), "scores.json")
    if path is None:
        _fail(f"“{run}”不是含评分结果（scores.json）的运行目录：请给出 output/<运行编号> 或运行编号")
    return path


@app.command("evaluator-template")
def evaluator_template(
    run: str = typer.Argument(..., metavar="RUN", help="运行目录（output/<运行编号>）、运行编号或 latest"),
    fmt: str = typer.Option("yaml", "--format", help="表格式：yaml 或 xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写到此文件（默认写入运行目录）"),
) -> None:
    """生成评分录入表：列出需评估人评分的二级指标（编码、名称、分值、得分、扣分理由、评估人）。"""
    from runs.season import read_scores
    from scoring.evaluator import write_template

    if fmt not in ("yaml", "xlsx"):
        _fail(f"不支持的格式“{fmt}”：请用 yaml 或 xlsx")
    folder = _run_folder(run)
    cards = read_scores(folder)
    if not cards:
        _fail(f"运行目录“{folder}”中没有评分卡（材料中未识别出单位和年度）")
    if output is not None and len(cards) > 1:
        _fail("该运行有多家单位或多个年度的评分卡，请不要用 --output，每张评分卡各写一个文件")
    for card in cards:
        path = output or folder / f"评分录入表-{card.unit}-{card.year or ''}.{fmt}"
        write_template([card], path, fmt)
        console.print(f"已写出评分录入表：[bold]{escape(str(path))}[/]")


@app.command()
def summary(
    output_dir: Optional[Path] = typer.Argument(None, metavar="OUTPUT_DIR", help="结果根目录（默认 ./output 或 $JIXIAO_OUTPUT）"),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """汇总各次运行的评分（每家单位每个年度取最新一次）：写出 summary/汇总.xlsx 与 汇总.html。
    有结果库时从结果库读取，否则从各运行目录的结果文件读取。"""
    from runs import store as run_store
    from runs.paths import output_root
    from runs.season import write_season

    root = output_root(output_dir)
    if not root.is_dir():
        _fail(f"结果目录“{root}”不存在")
    url = run_store.store_url(store, root)
    explicit = bool(store or os.environ.get(run_store.ENV_STORE))
    rows = None
    if explicit or run_store.exists(url):
        try:
            rows = run_store.summary_rows(url, root)
        except run_store.StoreError as exc:
            _fail(str(exc))
        console.print(f"数据来源：结果库 {escape(run_store.display_url(url))}")
    else:
        console.print(f"数据来源：结果目录 {escape(str(root))} 下各次运行的结果文件（尚无结果库）")
    rows, written = write_season(root, rows)
    table = Table(title="评分汇总", title_justify="left")
    for name in ("单位", "年度", "总分", "等级", "错误", "警告", "提示", "运行编号"):
        table.add_column(name, no_wrap=name != "单位")
    for r in rows:
        table.add_row(escape(r.unit), str(r.year or ""), str(r.total) if r.total is not None else "待定",
                      r.grade or "—", str(r.counts["error"]), str(r.counts["warning"]), str(r.counts["notice"]), r.run_id)
    console.print(table)
    for path in written:
        console.print(f"已写出：[bold]{escape(str(path))}[/]")


@app.command()
def history(
    unit: Optional[str] = typer.Argument(None, metavar="UNIT", help="单位名称（或其中一段）；省略则列出全部单位"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="结果根目录（默认 ./output 或 $JIXIAO_OUTPUT）"),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
    run_id: Optional[str] = typer.Option(None, "--run", help="列出该次运行的问题变化（默认每家单位最新一次）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    """列出各单位的历次运行，以及每条问题（按指纹）相对该单位上一次运行是新增、仍存在还是已解决。"""
    from runs import store as run_store

    url = run_store.store_url(store, output)
    try:
        units = run_store.history(url, unit)
    except run_store.StoreError as exc:
        _fail(str(exc))
    if not units:
        _fail(f"结果库“{run_store.display_url(url)}”中没有{f'单位“{unit}”的' if unit else '任何'}运行记录")
    if run_id and not any(h.run.run_id == run_id for u in units for h in u.runs):
        _fail(f"结果库中没有{f'单位“{unit}”的' if unit else ''}运行“{run_id}”")
    if as_json:
        print_json([_history_json(u) for u in units])
        return
    for u in units:
        table = Table(title=f"{escape(u.unit)}：历次运行", title_justify="left")
        for name in ("运行编号", "开始时间", "文件", "问题", "新增", "仍存在", "数字有变化", "已解决", "评分", "提交材料"):
            table.add_column(name, no_wrap=name != "提交材料", overflow="fold")
        for h in u.runs:
            scores = "；".join(f"{y or ''}年 {t if t is not None else '待定'}{' ' + g if g else ''}" for y, t, g in h.totals)
            table.add_row(h.run.run_id, f"{h.run.started.astimezone():%Y-%m-%d %H:%M:%S}", str(h.run.documents["total"]),
                          str(sum(1 for c in h.changes if c.status != "resolved")), str(h.count("new")),
                          str(h.count("open")), str(h.count("changed")), str(h.count("resolved")), escape(scores or "—"),
                          escape(h.run.submission))
        console.print(table)
        shown = next((h for h in u.runs if h.run.run_id == run_id), None) if run_id else u.runs[-1]
        if shown is None or not shown.changes:
            continue
        against = f"相对上一次运行 {shown.previous}" if shown.previous else "首次运行，全部为新增"
        detail = Table(title=f"运行 {shown.run.run_id} 的问题（{against}）", title_justify="left")
        for name in ("变化", "严重程度", "规则", "问题描述", "指纹"):
            detail.add_column(name, no_wrap=name != "问题描述", overflow="fold")
        style = {"new": "bold red", "changed": "magenta", "open": "yellow", "resolved": "green"}
        order = {"new": 0, "changed": 1, "open": 2, "resolved": 3}
        for c in sorted(shown.changes, key=lambda c: order[c.status]):
            f = c.finding
            detail.add_row(f"[{style[c.status]}]{c.label}[/]", f"[{SEVERITY_STYLE[f.severity]}]{f.severity.label}[/]",
                           f.rule_id, escape(f.message), f.fingerprint)
        console.print(detail)


def _history_json(u: Any) -> dict[str, Any]:
    return {
        "unit": u.unit,
        "runs": [
            {
                "run_id": h.run.run_id,
                "started": h.run.started.isoformat(timespec="seconds"),
                "submission": h.run.submission,
                "previous_run_id": h.previous,
                "documents": h.run.documents,
                "scores": [{"year": y, "total": None if t is None else str(t), "grade": g} for y, t, g in h.totals],
                "counts": {s: h.count(s) for s in ("new", "open", "changed", "resolved")},
                "findings": [{"status": c.status, "fingerprint": c.finding.fingerprint, "rule_id": c.finding.rule_id,
                              "severity": c.finding.severity.value, "message": c.finding.text,
                              **c.finding.subject.model_dump()} for c in h.changes],
            }
            for h in u.runs
        ],
    }


@app.command()
def report(
    run: str = typer.Argument(..., metavar="RUN", help="运行编号、运行目录（output/<运行编号>）或 latest"),
    fmt: str = typer.Option("docx,html", "--format", help="报告格式，逗号分隔：docx、html"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="报告写到此文件夹（默认 output/<运行编号>/report/）"),
    evaluator: Optional[str] = typer.Option(None, "--evaluator", help="评估机构名称（封面与基本情况）"),
    client: Optional[str] = typer.Option(None, "--client", help="委托评估单位"),
    config: Optional[Path] = typer.Option(None, "--config", help="报告措辞与设置 YAML（默认内置 reporting/report.yaml）"),
) -> None:
    """生成评估报告草稿（每家单位每个年度一份 .docx / .html）：基本情况、绩效目标、评估结论、存在问题、对策建议等。"""
    from reporting.render import ReportError, parse_formats, render_run
    from runs.paths import DOCUMENTS_JSON, find_run, output_root

    if config is not None and not config.is_file():
        _fail(f"报告配置文件“{config}”不存在")
    root = output_root()
    folder = find_run(run, root, DOCUMENTS_JSON)
    if folder is None:
        _fail(f"找不到运行结果“{run}”：{root} 下没有该运行编号，也不是含 documents.json 的运行目录")
    try:
        done = render_run(folder, formats=parse_formats(fmt), output=output,
                          evaluator=evaluator, client=client, config_file=config)
    except ReportError as exc:
        _fail(str(exc))
    for item in done:
        r = item.report
        state = f"总分 {r.card.total}，等级 {r.card.grade}" if r.card and r.card.total is not None else "评分未完成"
        console.print(f"{escape(r.unit)} {r.year}年度（{state}）")
        for path in item.files:
            console.print(f"  已写出：[bold]{escape(str(path))}[/]")


from flows import changes_cli, review_cli, serve_cli  # noqa: E402,F401 - register diff, rerun, review, correct, audit, serve

if __name__ == "__main__":  # pragma: no cover
    app()
