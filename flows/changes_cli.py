"""`jixiao diff` and `jixiao rerun`: what a corrected resubmission changed, and reading again on demand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli import OUTPUT_HELP, _fail, app, execute_run
from flows.render import console, print_json

# The commands import runs/ and reporting/ inside their functions, on purpose: `jixiao` starts
# without SQLAlchemy, pandas or Prefect, and each command pays only for what it uses.

RUN_HELP = "运行编号、运行目录（output/<运行编号>）或 latest"
VALUES_SHOWN = 40


def _folder(run: str, root: Path) -> Path:
    from runs.paths import find_run

    path = find_run(run, root, "documents.json")
    if path is None:
        _fail(f"“{run}”不是运行目录：请给出 output/<运行编号>、运行编号或 latest")
    return path  # type: ignore[return-value]


def _previous(folder: Path, root: Path) -> Path:
    from runs.paths import previous_run

    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    found = previous_run(root, summary.get("origin") or summary.get("submission", ""), folder)
    if found is None:
        _fail(f"运行 {folder.name} 之前没有同一提交文件夹（{summary.get('submission', '')}）的运行，无可比较；"
              "可用 jixiao diff 运行A 运行B 指定两次运行")
    return found  # type: ignore[return-value]


@app.command()
def diff(
    runs: Optional[list[str]] = typer.Argument(None, metavar="[RUN_A] [RUN_B]",
                                               help="两次运行（旧、新）；只给一次则与其同一提交文件夹的上一次运行比较；省略则比较 latest 与上一次"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    show_all: bool = typer.Option(False, "--all", help="列出全部读取值变化（默认最多 40 条）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    """比较同一单位的两次运行：哪些文件改了、哪些问题已解决、新增或数字有变化（新旧并列），哪些读取值变了。"""
    from runs.diff import DiffError, diff_json, diff_runs, read_run
    from runs.paths import LATEST, output_root

    root = output_root(output)
    runs = list(runs or [])
    if len(runs) > 2:
        _fail("最多给出两次运行：旧的在前，新的在后")
    new = _folder(runs[-1] if runs else LATEST, root)
    old = _folder(runs[0], root) if len(runs) == 2 else _previous(new, root)
    try:
        d = diff_runs(read_run(old), read_run(new))
    except DiffError as exc:
        _fail(str(exc))
    if as_json:
        print_json(diff_json(d))
        return
    c = d.counts()
    console.print(f"运行 [bold]{d.old_run}[/] → [bold]{d.new_run}[/]：文件变化 {c['files_changed']} 个；问题新增 "
                  f"{c['findings_new']}、已解决 {c['findings_resolved']}、数字有变化 {c['findings_changed']}、"
                  f"仍存在 {c['findings_open']}；读取值变化 {c['values_changed']} 处")
    changed = d.changed_files()
    if changed:
        table = Table(title="文件", title_justify="left")
        for name in ("变化", "文件", "旧 SHA-256", "新 SHA-256"):
            table.add_column(name, overflow="fold", no_wrap=name == "变化")
        for f in changed:
            name = f"{f.path}（取代 {f.old_path}）" if f.old_path else f.path
            table.add_row(f.label, escape(name), (f.old_sha256 or "—")[:12], (f.new_sha256 or "—")[:12])
        console.print(table)
    moved = [ch for ch in d.findings if ch.status != "open"]
    if moved:
        style = {"new": "bold red", "changed": "magenta", "resolved": "green"}
        table = Table(title="问题", title_justify="left")
        for name in ("变化", "规则", "问题描述", "数字（旧 → 新）", "指纹"):
            table.add_column(name, overflow="fold", no_wrap=name in ("变化", "规则", "指纹"))
        for ch in moved:
            figures = "\n".join(f"{g.what}：{g.old} → {g.new}" for g in ch.figures)
            table.add_row(f"[{style[ch.status]}]{ch.label}[/]", ch.finding.rule_id,
                          escape(ch.finding.message), escape(figures), ch.finding.fingerprint)
        console.print(table)
    if d.values:
        shown = d.values if show_all else d.values[:VALUES_SHOWN]
        table = Table(title=f"读取值变化（{len(shown)}/{len(d.values)}）", title_justify="left")
        for name in ("文件", "记录", "字段", "旧", "新", "位置"):
            table.add_column(name, overflow="fold")
        for v in shown:
            table.add_row(escape(v.document), escape(v.record), escape(v.field), escape(v.old if v.old is not None else "（无）"),
                          escape(v.new if v.new is not None else "（无）"), escape(v.where))
        console.print(table)


@app.command()
def rerun(
    run: str = typer.Argument("latest", metavar="RUN", help=RUN_HELP),
    document: Optional[list[str]] = typer.Option(None, "--document", "-d",
                                                 help="只重读该文件（提交文件夹内的相对路径，可多次给出）；省略则重读全部文件"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    rules: Optional[Path] = typer.Option(None, "--rules", help="规则配置 YAML（默认沿用该次运行的规则文件）"),
    store: Optional[str] = typer.Option(None, "--store", help="结果库地址（同 jixiao run）"),
) -> None:
    """按需重新处理一次运行的提交文件夹（如规则或解析程序更新之后）：重读全部文件或指定文件，重新核对与评分。"""
    from runs.paths import output_root

    root = output_root(output)
    folder = _folder(run, root)
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    submission = Path(summary.get("submission", ""))
    if not submission.exists():
        _fail(f"运行 {folder.name} 的提交文件夹“{submission}”已不存在，无法重新处理")
    if rules is None and summary.get("rules_file") and Path(summary["rules_file"]).is_file():
        rules = Path(summary["rules_file"])
    if document:
        from runs.discover import discover
        from runs.process import relative_path

        known = {relative_path(p, submission) for p in discover(submission)}
        missing = [d for d in document if d.replace("\\", "/").strip("/") not in known]
        if missing:
            _fail(f"提交文件夹“{submission}”中没有文件：{'、'.join(missing)}（请给出相对提交文件夹的路径）")
    execute_run(submission, output, rules=rules, store=store, refresh=list(document) if document else ["*"])
