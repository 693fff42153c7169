"""How the `jixiao` command line shows things: rich tables and lines for documents, findings,
records, score cards and a run, and JSON for scripts. Rendering only: the commands (flows/cli.py
and its siblings) read and compute, then hand the objects here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from reporting.findings import finding_sources
from schemas.findings import Finding, Severity
from schemas.monitoring import MonitoringReport
from schemas.numbers import PrintedNumber
from schemas.run import DocumentResult, RunSummary
from schemas.scoring import ScoreCard

console = Console()
err_console = Console(stderr=True)

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}
STATUS_STYLE = {"ok": "green", "partial": "yellow", "error": "bold red", "unrecognised": "yellow"}
TOP_FINDINGS = 16


def print_json(data: Any) -> None:
    # Plain stdout, not rich: the output must parse as JSON whatever the terminal width.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def documents_table(results: list[DocumentResult]) -> Table:
    table = Table(title="文件", title_justify="left")
    table.add_column("文件", overflow="fold", ratio=2)
    table.add_column("类型", no_wrap=True)
    table.add_column("状态", no_wrap=True)
    table.add_column("记录", justify="right", no_wrap=True)
    table.add_column("说明", overflow="fold", ratio=3)
    for r in results:
        table.add_row(
            escape(r.path),
            escape(r.kind_label or "—"),
            f"[{STATUS_STYLE[r.status]}]{r.status_label}[/]",
            str(len(r.records)),
            f"[red]{escape(r.error)}[/]" if r.error else "",
        )
    return table


def representative(findings: list[Finding], limit: int) -> list[Finding]:
    """The first finding of every rule (most severe rules first), then the next ones up to `limit`."""
    seen: set[str] = set()
    first = [f for f in findings if not (f.rule_id in seen or seen.add(f.rule_id))]
    rest = [f for f in findings if f not in first]
    chosen = set(map(id, first + rest[: max(0, limit - len(first))]))
    return [f for f in findings if id(f) in chosen]


def rules_table(findings: list[Finding]) -> Table:
    table = Table(title="按规则统计", title_justify="left")
    for name in ("规则", "名称", "严重程度", "条数"):
        table.add_column(name, no_wrap=True)
    counts: dict[str, list[Finding]] = {}
    for f in findings:
        counts.setdefault(f.rule_id, []).append(f)
    for rule_id, group in counts.items():
        f = group[0]
        table.add_row(rule_id, escape(f.rule_title or f.rule_name),
                      f"[{SEVERITY_STYLE[f.severity]}]{f.severity.label}[/]", str(len(group)))
    return table


def print_findings(findings: list[Finding], limit: int | None = None) -> None:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [f"[{SEVERITY_STYLE[s]}]{s.label} {n}[/]" for s, n in counts.items()]
    console.print(f"问题：共 {len(findings)} 条（" + "，".join(parts) + "）")
    if not findings:
        return
    console.print(rules_table(findings))
    shown = representative(findings, limit) if limit else findings
    title = f"主要问题（每条规则至少一例，共 {len(shown)} 条）" if limit and len(findings) > limit else "问题"
    table = Table(title=title, title_justify="left")
    table.add_column("严重程度", no_wrap=True)
    table.add_column("规则", no_wrap=True)
    table.add_column("问题描述", overflow="fold", ratio=3)
    table.add_column("来源", overflow="fold", ratio=2)
    for f in shown:
        table.add_row(
            f"[{SEVERITY_STYLE[f.severity]}]{f.severity.label}[/]",
            f.rule_id,
            escape(f.message),
            escape(finding_sources(f)),
        )
    console.print(table)


SOURCE_LABELS = {"content": "内容", "manifest": "submission.yaml", "folder": "文件夹名", "filename": "文件名",
                  "unknown": "未知"}


def attr_text(attr: Any) -> str:
    if attr is None:
        return "—"
    value = getattr(attr, "value", "") or "未知"
    return f"{value}（{SOURCE_LABELS.get(getattr(attr, 'source', 'content'), '')}）"


def cell_text(value: Any) -> str:
    """A field as a reader wants it: a printed number's raw text, an attribute's value, a ref's label."""
    if value is None:
        return ""
    for name in ("raw", "text", "value", "label"):
        inner = getattr(value, name, None)
        if isinstance(inner, (str, int, float)) and not isinstance(value, (str, int, float)):
            return str(inner)
    if isinstance(value, BaseModel):
        return ""
    return str(value)


def render_generic(record: BaseModel) -> None:
    """Any record: its unit, year and project with their sources, then one table per list of
    items (indicators, lines, tasks, tables …) with the items' printed values."""
    head = [f"单位 {attr_text(getattr(record, 'unit', None))}", f"年度 {attr_text(getattr(record, 'year_attr', None))}"]
    if getattr(record, "project", None) is not None:
        head.append(f"项目 {escape(record.project.value)}")  # type: ignore[attr-defined]
    console.print(f"[bold]{escape(getattr(record, 'record_type', ''))}[/]  " + "  ".join(escape(h) for h in head))
    for name, field in type(record).model_fields.items():
        value = getattr(record, name)
        if isinstance(value, BaseModel) and name not in ("unit", "year_attr", "project"):
            text = cell_text(value)
            if text:
                console.print(f"  {escape(field.description or name)}：{escape(text[:120])}")
        if not (isinstance(value, list) and value and isinstance(value[0], BaseModel)):
            continue
        cols = [n for n in type(value[0]).model_fields if n not in ("ref", "value_cells", "file_sha256")]
        table = Table(title=f"{name}（{len(value)}）", show_lines=False)
        for c in cols + ["来源"]:
            table.add_column(c, overflow="fold")
        for item in value:
            ref = getattr(item, "ref", None) or getattr(item, "title_ref", None)
            table.add_row(*[escape(cell_text(getattr(item, c))[:60]) for c in cols],
                          escape(ref.with_label().label if ref is not None else ""))
        console.print(table)


def pages_text(pages: list[int]) -> str:
    if not pages:
        return ""
    return f"第{pages[0]}页" if len(pages) == 1 else f"第{pages[0]}-{pages[-1]}页"


def number_text(n: PrintedNumber | None) -> str:
    if n is None:
        return ""
    return escape(n.raw) if n.raw else "（空）"


def render_record(record: BaseModel) -> None:
    if not isinstance(record, MonitoringReport):
        render_generic(record)
        return
    head = f"{record.unit.value}  {record.year}年 {record.period}  {'项目支出' if record.kind == 'project' else '部门整体'}"
    if record.project:
        head += f"  项目：{record.project.value}"
    console.rule(escape(head))
    console.print(f"金额单位：{escape(record.amount_unit)}")
    if record.lines:
        t = Table(title="预算执行", title_justify="left")
        for name in ("项目", "年初预算数", "全年预算数", "执行数", "执行率(%)", "偏差原因", "来源"):
            t.add_column(name, justify="right" if name.endswith(("数", "%)")) else "left", overflow="fold")
        for ln in record.lines:
            t.add_row(
                escape(ln.raw_name),
                number_text(ln.initial_budget),
                number_text(ln.annual_budget),
                number_text(ln.executed),
                number_text(ln.reported_rate),
                escape(ln.deviation_reason.text) if ln.deviation_reason else "",
                escape(ln.ref.with_label().label),
            )
        console.print(t)
    if record.indicators:
        t = Table(title="绩效指标", title_justify="left")
        for name in ("一级", "二级", "三级指标", "年度指标值", "实际完成值", "全年预计", "完成可能性", "来源"):
            t.add_column(name, overflow="fold")
        for ind in record.indicators:
            t.add_row(
                escape(ind.level1),
                escape(ind.level2),
                escape(ind.level3),
                escape(ind.target.raw) if ind.target else "",
                escape(ind.actual.raw) if ind.actual else "",
                escape(ind.forecast.raw) if ind.forecast else "",
                escape(ind.likelihood.text) if ind.likelihood else "",
                escape(ind.ref.with_label().label),
            )
        console.print(t)


def print_scores(cards: list[ScoreCard]) -> None:
    for card in cards:
        table = Table(title=f"评分：{escape(card.unit)} {card.year or ''}年度（{escape(card.rubric_name)}）",
                      title_justify="left")
        for name in ("一级指标", "分值", "得分", "得分率"):
            table.add_column(name, justify="left" if name == "一级指标" else "right", no_wrap=True)
        for d in card.dimensions:
            table.add_row(f"{d.code} {escape(d.name)}", str(d.points), "—" if d.score is None else str(d.score),
                          "—" if d.rate is None else f"{d.rate}%")
        table.add_row("[bold]总分[/]", str(card.points), "—" if card.total is None else f"[bold]{card.total}[/]",
                      f"[bold]{card.grade}[/]" if card.grade else "")
        console.print(table)
        dims = "，".join(f"{d.code} {points_text(d.score)}/{points_text(d.points)}（{d.rate}%）" for d in card.dimensions if d.score is not None)
        if card.total is not None:
            console.print(f"评分结果：{dims}，总分 [bold]{card.total}[/]，等级 [bold]{card.grade}[/]")
        if card.missing:
            console.print(f"[yellow]待评估人评分：{'、'.join(card.missing)}[/]"
                          "（用 jixiao evaluator-template 生成评分录入表，填写后以 --evaluator-inputs 传入）")
        for error in card.evaluator_errors:
            console.print(f"[red]{escape(error)}[/]")


def points_text(value: Any) -> str:
    """24.00 → 24, 7.50 → 7.5: points as a person writes them."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def print_run(summary: RunSummary, results: list[DocumentResult], findings: list[Finding],
              cards: list[ScoreCard]) -> None:
    """A run as written (the caller reads its folder: the screen and the files cannot disagree)."""
    out = Path(summary.output_dir or "")
    console.print(documents_table(results))
    print_findings(findings, limit=TOP_FINDINGS)
    print_scores(cards)
    if summary.previous_run:
        c = summary.changes
        console.print(f"相对上一次运行 {summary.previous_run}：文件变化 {c.get('files_changed', 0)} 个；问题新增 "
                      f"{c.get('findings_new', 0)}、已解决 {c.get('findings_resolved', 0)}、数字有变化 "
                      f"{c.get('findings_changed', 0)}；读取值变化 {c.get('values_changed', 0)} 处（详见 jixiao diff）")
    if summary.documents_from_cache:
        console.print(f"内容未变、沿用上次读取结果的文件：{summary.documents_from_cache} 个（--no-cache 可全部重读）")
    console.print(f"运行编号：[bold]{summary.run_id}[/]")
    console.print(f"结果目录：[bold]{escape(str(out))}[/]（问题清单见 findings.xlsx）")
