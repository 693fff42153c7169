"""`jixiao review` and `jixiao correct`: a reviewer's decisions on findings and hand corrections."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from flows.cli import OUTPUT_HELP, STORE_HELP, _fail, app
from flows.render import SEVERITY_STYLE, console

# The commands import runs/ and reporting/ inside their functions, on purpose: `jixiao` starts
# without SQLAlchemy, pandas or Prefect, and each command pays only for what it uses.
from schemas.findings import Finding
from schemas.run import DocumentResult

REVIEWER_ENV = "JIXIAO_REVIEWER"


def _reviewer(given: Optional[str]) -> str:
    if given:
        return given
    if os.environ.get(REVIEWER_ENV):
        return os.environ[REVIEWER_ENV]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "未署名"


def _run(run: str, root: Path) -> Path:
    from runs.paths import find_run

    path = find_run(run, root, "findings.json")
    if path is None:
        _fail(f"“{run}”不是运行目录：请给出 output/<运行编号>、运行编号或 latest")
    return path  # type: ignore[return-value]


def _findings(folder: Path) -> list[Finding]:
    return [Finding.model_validate(f) for f in json.loads((folder / "findings.json").read_text("utf-8"))]


@app.command()
def review(
    fingerprints: Optional[list[str]] = typer.Argument(None, metavar="[指纹...]", help="要复核的问题的指纹（见 findings.xlsx 的“指纹”列）"),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="复核结论：待复核、确认 或 排除"),
    note: str = typer.Option("", "--note", "-n", help="复核意见"),
    by: Optional[str] = typer.Option(None, "--by", help=f"复核人（默认 ${REVIEWER_ENV} 或登录名）"),
    run: str = typer.Option("latest", "--run", help="运行编号、运行目录或 latest（默认 latest）"),
    import_file: Optional[Path] = typer.Option(None, "--import", help="导入填好“复核状态/复核意见/复核人”列与“更正”表的 findings.xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """复核问题：给出指纹与 --status 记录结论（待复核/确认/排除）；--import 导入填好的 findings.xlsx；
    只给运行则列出各问题的复核状态。结论按指纹保存在结果库，数字未变时沿用到以后的运行。"""
    from runs import store as run_store
    from runs.paths import output_root
    from runs.review import ReviewError, import_workbook, parse_status, record_decision, reviewed_findings

    root = output_root(output)
    folder = _run(run, root)
    url = run_store.store_url(store, root)
    findings = _findings(folder)
    who = _reviewer(by)
    try:
        if import_file is not None:
            if not import_file.is_file():
                _fail(f"复核工作簿“{import_file}”不存在")
            done = import_workbook(url, import_file, who, findings, folder.name)
            console.print(f"已导入“{escape(import_file.name)}”：复核结论 {done.decisions} 条（未变 {done.unchanged} 条），"
                          f"人工更正 {done.corrections} 条。更正在下次运行（jixiao rerun）时用于核对与评分")
            return
        if fingerprints:
            if status is None:
                _fail("请用 --status 给出复核结论：待复核、确认 或 排除")
            decision = parse_status(status)
            by_fp = {f.fingerprint: f for f in findings}
            unknown = [fp for fp in fingerprints if fp not in by_fp]
            if unknown:
                _fail(f"运行 {folder.name} 中没有指纹为 {'、'.join(unknown)} 的问题")
            for fp in fingerprints:
                record_decision(url, by_fp[fp], decision, note, who, folder.name)
            console.print(f"已记录 {len(fingerprints)} 条复核结论：{escape(status)}（复核人 {escape(who)}）")
            return
        shown = reviewed_findings(findings, url)
    except ReviewError as exc:
        _fail(str(exc))
    except run_store.StoreError as exc:
        _fail(str(exc))
    _print_reviews(folder.name, shown)


def _print_reviews(run_id: str, findings: list[Finding]) -> None:
    from runs.review import review_text

    table = Table(title=f"运行 {run_id} 的问题与复核状态", title_justify="left")
    for name in ("复核", "严重程度", "规则", "问题描述", "指纹"):
        table.add_column(name, overflow="fold", no_wrap=name in ("严重程度", "规则", "指纹"))
    for f in findings:
        table.add_row(escape(review_text(f)), f"[{SEVERITY_STYLE[f.severity]}]{f.severity.label}[/]", f.rule_id,
                      escape(f.message), f.fingerprint)
    console.print(table)
    counts = {label: sum(1 for f in findings if (f.review.label if f.review else "待复核") == label)
              for label in ("待复核", "确认", "排除")}
    console.print("；".join(f"{k} {v} 条" for k, v in counts.items()))


@app.command()
def correct(
    run: str = typer.Option("latest", "--run", help="运行编号、运行目录或 latest（默认 latest）"),
    file: str = typer.Option(..., "--file", "-f", help="文件（提交文件夹内的相对路径或文件名）"),
    cell: str = typer.Option(..., "--cell", "-c", help="位置，写法同问题清单的证据：Sheet1!D7 或 第3页 表2 第5行第4列"),
    value: str = typer.Option(..., "--value", "-v", help="该位置应读出的数字（按原表的单位书写）；空字符串撤销更正"),
    reason: str = typer.Option(..., "--reason", "-r", help="更正理由"),
    by: Optional[str] = typer.Option(None, "--by", help=f"更正人（默认 ${REVIEWER_ENV} 或登录名）"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """人工更正一个读错的数字：保存在结果库（按文件内容与位置），下次运行时用于核对与评分，并在各输出中标为人工更正。"""
    from runs import store as run_store
    from runs.paths import output_root
    from runs.review import ReviewError, cell_key, check_correction_value, record_correction
    from runs.values import document_values

    root = output_root(output)
    folder = _run(run, root)
    docs = [DocumentResult.model_validate(d) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    matches = [d for d in docs if d.path == file.replace("\\", "/").strip("/")] or [d for d in docs if d.file_name == file]
    if not matches:
        _fail(f"运行 {folder.name} 中没有文件“{file}”（请给出相对提交文件夹的路径或文件名）")
    if len(matches) > 1:
        _fail(f"运行 {folder.name} 中有多个名为“{file}”的文件：{'、'.join(d.path for d in matches)}；请给出相对路径")
    doc = matches[0]
    if not doc.sha256 or not doc.read:
        _fail(f"文件“{doc.path}”未能读取（{doc.status_label}），没有可更正的读数")
    numbers = [v for v in document_values(doc) if v.ref is not None and cell_key(v.ref.with_label().label) == cell_key(cell)]
    if value and not numbers:
        _fail(f"文件“{doc.path}”的位置“{cell}”没有读到数值；位置的写法同问题清单的证据，如 Sheet1!D7 或 第3页 表2 第5行第4列")
    try:
        check_correction_value(value)
        record_correction(run_store.store_url(store, root), doc.sha256, doc.file_name, cell, value, reason, _reviewer(by))
    except (ReviewError, run_store.StoreError) as exc:
        _fail(str(exc))
    before = numbers[0].raw if numbers else ""
    console.print(f"已记录人工更正：{escape(doc.path)} {escape(cell)}：“{escape(before)}” → “{escape(value)}”。"
                  "下次运行（jixiao rerun）时按更正值核对与评分")


@app.command()
def audit(
    run: str = typer.Argument("latest", metavar="RUN", help="运行编号、运行目录或 latest"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """写出复核页 output/<运行编号>/audit/index.html：每条问题旁是它所用的原文（PDF 截图加红框，表格区域高亮）、
    填报值与应为值、复核状态；另为每个 PDF 写出带标注的副本。离线可用。"""
    from reporting.audit import write_audit
    from runs import store as run_store
    from runs.paths import output_root
    from runs.review import reviewed_findings

    root = output_root(output)
    folder = _run(run, root)
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    docs = [DocumentResult.model_validate(d) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    findings = reviewed_findings(_findings(folder), run_store.store_url(store, root))
    try:
        page = write_audit(folder, Path(summary.get("submission", "")), docs, findings, folder.name)
    except OSError as exc:
        _fail(f"无法写出复核页（{exc.strerror or exc}）")
    console.print(f"复核页：[bold]{escape(str(page))}[/]（问题 {len(findings)} 条）")
