"""Write a run's results to `output/<run-id>/` and point `output/latest` at the newest run.

A run folder holds documents.json, findings.json, findings.xlsx, summary.json and, when the
submission was run before, changes.json (runs/diff.py). It is written
under a temporary name and renamed into place, so a reader never sees a half-written run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import TypeAdapter

from checks import load_config
from checks.catalogue import skipped_records
from extractors import file_sha256
from runs import store as run_store
from runs.cache import pipeline_version
from runs.diff import DiffError, RunData, diff_json, diff_runs, read_run
from runs.paths import (
    AUDIT_PAGE,
    CHANGES_JSON,
    DOCUMENTS_JSON,
    FINDINGS_JSON,
    FINDINGS_XLSX,
    SCORES_JSON,
    SCORES_XLSX,
    SUMMARY_JSON,
    make_run_id,
    output_root,
    previous_run,
    run_folders,
    update_latest,
)
from runs.options import RunOptions
from reporting.findings import evidence_text
from runs.process import document_counts, error_counts, relative_path
from runs.review import CORRECTION_COLUMNS, CORRECTION_SHEET
from schemas.findings import Finding, Severity
from schemas.run import DocumentResult, FindingCounts, RunSummary
from schemas.safe_text import neutralise_workbook
from schemas.scoring import ScoreCard
from schemas.workbook import print_setup, row_height
from scoring.output import write_scores_xlsx

FINDING_COLUMNS: list[tuple[str, int]] = [  # header, width
    ("严重程度", 9),
    ("规则编号", 10),
    ("规则", 24),
    ("单位", 22),
    ("年度", 7),
    ("期间", 8),
    ("项目", 22),
    ("行", 10),
    ("列", 10),
    ("问题描述", 60),
    ("证据（来源）", 60),
    ("指纹", 18),
    ("复核状态", 10),
    ("复核意见", 30),
    ("复核人", 10),
    ("原文", 10),
]
DOCUMENT_COLUMNS: list[tuple[str, int]] = [
    ("文件", 40),
    ("格式", 7),
    ("文档类型", 16),
    ("置信度", 8),
    ("状态", 8),
    ("记录数", 8),
    ("错误信息", 70),
    ("SHA-256", 20),
]


def summarise(
    run_id: str,
    submission: str | Path,
    started: datetime,
    finished: datetime,
    results: Sequence[DocumentResult],
    findings: Sequence[Finding],
    rules_file: str | Path | None = None,
    config: dict[str, Any] | None = None,
    output_dir: Path | None = None,
) -> RunSummary:
    by_severity = Counter(f.severity.value for f in findings)
    return RunSummary(
        run_id=run_id,
        submission=str(Path(submission).resolve()),
        started=started.astimezone().isoformat(timespec="seconds"),
        finished=finished.astimezone().isoformat(timespec="seconds"),
        output_dir=str(output_dir.resolve()) if output_dir else None,
        documents=document_counts(results),
        records=sum(len(r.records) for r in results),
        findings=FindingCounts(total=len(findings), **by_severity),
        errors=error_counts(results),
        rules_file=str(Path(rules_file).resolve()) if rules_file else None,
        rules_config=_jsonable(config or {}),
        skipped_unknown=skipped_records([rec for r in results if r.read for rec in r.records],
                                        config or {}),
    )


def _jsonable(value: Any) -> Any:
    # YAML may hold int keys (period thresholds); JSON needs strings.
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


# pydantic writes JSON in Rust: several times json.dumps over model_dump() for a run's records.
_DOCUMENTS = TypeAdapter(list[DocumentResult])
_FINDINGS = TypeAdapter(list[Finding])


def _dump_models(path: Path, adapter: TypeAdapter, items: list[Any]) -> None:
    """The same text as _dump of their model_dump(mode="json") (indent 2, Chinese unescaped)."""
    path.write_bytes(adapter.dump_json(items, indent=2) + b"\n")


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_findings_xlsx(
    path: Path,
    results: Sequence[DocumentResult],
    findings: Sequence[Finding],
) -> None:
    """An evaluator's workbook: sheet 问题清单 (one row per finding, with 复核 columns to fill in
    and import back), sheet 文件, and sheet 更正 for hand corrections of misread values."""
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    rows = []
    for f in findings:
        s = f.subject
        rows.append(
            [
                f.severity.label,
                f.rule_id,
                f.rule_title or f.rule_name,
                s.unit,
                s.year,
                s.period,
                s.project,
                s.line,
                s.column,
                f.text,
                evidence_text(f),
                f.fingerprint,
                f.review.label if f.review else "待复核",
                _review_note(f),
                f.review.reviewer if f.review else "",
                "查看原文",
            ]
        )
    _fill_sheet(ws, FINDING_COLUMNS, rows, wrap={10, 11, 14})
    link_col = len(FINDING_COLUMNS)
    for i, f in enumerate(findings, start=2):
        cell = ws.cell(row=i, column=link_col)
        cell.hyperlink = f"{AUDIT_PAGE}#f-{f.fingerprint}"
        cell.font = Font(color="0563C1", underline="single")
        ws.row_dimensions[i].height = row_height([(f.text, 60), (evidence_text(f), 60)])
    choices = DataValidation(type="list", formula1='"待复核,确认,排除"', allow_blank=True,
                             error="复核状态应为 待复核、确认 或 排除", showErrorMessage=True)
    ws.add_data_validation(choices)
    review_col = get_column_letter(FINDING_COLUMNS.index(("复核状态", 10)) + 1)
    choices.add(f"{review_col}2:{review_col}{max(2, len(findings) + 1)}")
    print_setup(ws)

    ws = wb.create_sheet("文件")
    rows = [
        [
            r.path,
            r.format.value.upper() if r.format else "",
            r.kind_label or "",
            round(r.confidence, 2) if r.confidence is not None else None,
            r.status_label,
            len(r.records),
            r.error or "",
            r.sha256 or "",
        ]
        for r in results
    ]
    _fill_sheet(ws, DOCUMENT_COLUMNS, rows, wrap={7})
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            if cell.value != "成功":
                cell.font = Font(color="C00000", bold=True)
    print_setup(ws)

    ws = wb.create_sheet(CORRECTION_SHEET)
    _fill_sheet(ws, CORRECTION_COLUMNS, [], wrap={5})
    ws.cell(row=1, column=len(CORRECTION_COLUMNS) + 2, value=(
        "读错的数字在此更正：文件SHA-256 见“文件”表，位置如 Sheet1!D7 或 第3页 表2 第5行第4列；"
        "填好后 jixiao review --import 本文件，下次运行即按更正值核对与评分"))
    print_setup(ws)
    neutralise_workbook(wb)  # document texts never become formulas or break the XML
    wb.save(path)


_HEADER_COLOR = "DDEBF7"


def _review_note(f: Finding) -> str:
    if f.review is None:
        return ""
    if f.review.reopened:
        return f"数字已变化，需重新复核（原复核：{f.review.label}，{f.review.note}）"
    return f.review.note


def _fill_sheet(ws, columns: list[tuple[str, int]], rows: list[list[Any]], wrap: set[int]) -> None:
    ws.append([name for name, _ in columns])
    header_fill = PatternFill("solid", fgColor=_HEADER_COLOR)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        ws.append(row)
    for i, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in wrap)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"


def write_run(
    results: Sequence[DocumentResult],
    findings: Sequence[Finding],
    submission: str | Path,
    started: datetime,
    options: RunOptions | None = None,
    *,
    scores: Sequence[ScoreCard] | None = None,
    config: dict[str, Any] | None = None,
    finished: datetime | None = None,
    timings: dict[str, float] | None = None,
) -> RunSummary:
    """Write `<root>/<run-id>/` and update `<root>/latest`; returns the run's summary.
    `options` say where (output root, store), with which rules and from where (origin); `config`
    is the rule configuration the checks used (loaded from `options.rules` when not given).
    With `scores` (ScoreCards of the scoring stage), also scores.json and scores.xlsx.

    Then the run goes into the store (`options.store` URL, else $JIXIAO_STORE_URL, else SQLite
    `<root>/jixiao.db`; runs/store.py). The files are the primary record and are written first:
    when the store cannot be written, the summary's `store_error` says why (in Chinese, also in
    summary.json) and the files stay as they are."""
    options = options or RunOptions()
    if config is None:  # record what the checks used by default
        config = load_config(options.rules)
    root = options.root
    root.mkdir(parents=True, exist_ok=True)
    finished = finished or datetime.now()
    base_id = make_run_id(results, started)
    clean_leftovers(root)
    run_id, claim = _claim_run_id(root, base_id)
    final = root / run_id
    summary = summarise(run_id, submission, started, finished, results, findings, options.rules, config, final)
    summary.origin = options.origin
    writing_began = time.perf_counter()
    summary.pipeline = pipeline_version()
    changes = _changes_since_previous(root, summary, results, findings)
    url = options.store_url
    summary.store = run_store.display_url(url)

    try:
        # A fresh staging folder, renamed into place when complete: a reader (or `latest`) never
        # sees a half-written run, and a run killed here leaves only hidden leftovers.
        staging = Path(tempfile.mkdtemp(dir=root, prefix=f".{run_id}.", suffix=".tmp"))
        try:
            _dump_models(staging / DOCUMENTS_JSON, _DOCUMENTS, list(results))
            _dump_models(staging / FINDINGS_JSON, _FINDINGS, list(findings))
            write_findings_xlsx(staging / FINDINGS_XLSX, results, findings)
            if changes is not None:
                _dump(staging / CHANGES_JSON, changes)
            if scores is not None:
                _dump(staging / SCORES_JSON, [c.model_dump(mode="json") for c in scores])
                write_scores_xlsx(staging / SCORES_XLSX, scores)
            summary.timings = {**(timings or {}), "writing": round(time.perf_counter() - writing_began, 3)}
            _dump(staging / SUMMARY_JSON, summary.model_dump(mode="json"))
            os.replace(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        claim.unlink(missing_ok=True)
    update_latest(root)
    try:
        run_store.save_run(url, summary, results, findings, scores)
        backfill_store(url, root, exclude=run_id)
    except run_store.StoreError as exc:
        summary.store_error = f"{exc}；结果文件已写入“{final}”，不受影响"
        tmp = final / ".summary.json.tmp"
        _dump(tmp, summary.model_dump(mode="json"))
        os.replace(tmp, final / SUMMARY_JSON)
    return summary


def reusable_run(submission: Path, paths: Sequence[Path], config: dict[str, Any],
                 options: RunOptions) -> RunSummary | None:
    """The previous run of `submission` when running it again would give the same results: the
    same files (paths and contents), rules, code (`pipeline`), every file read, and no review
    decision or hand correction recorded since. None otherwise."""
    previous = previous_run(options.root, str(submission.resolve()))
    if previous is None:
        return None
    try:
        summary = RunSummary.model_validate_json((previous / SUMMARY_JSON).read_text("utf-8"))
        docs = json.loads((previous / DOCUMENTS_JSON).read_text("utf-8"))
        now = sorted((relative_path(p, submission), file_sha256(p)) for p in paths)
    except (OSError, ValueError):
        return None
    if summary.pipeline != pipeline_version() or summary.store_error:
        return None
    if run_store.rules_hash(summary.rules_config) != run_store.rules_hash(_jsonable(config)):
        return None
    if sorted((d["path"], d.get("sha256")) for d in docs) != now or any(d["status"] == "error" for d in docs):
        return None
    url = options.store_url
    try:
        findings = json.loads((previous / FINDINGS_JSON).read_text("utf-8"))
        if run_store.exists(url) and run_store.reviewed_since(
                url, datetime.fromisoformat(summary.finished), [f["fingerprint"] for f in findings],
                [sha for _, sha in now]):
            return None
    except (run_store.StoreError, OSError, ValueError, KeyError):
        return None
    return summary.model_copy(update={"reused": True})


def _changes_since_previous(root: Path, summary: RunSummary, results: Sequence[DocumentResult],
                            findings: Sequence[Finding]) -> dict[str, Any] | None:
    """The diff against the submission's previous run (recorded on `summary`), for changes.json."""
    summary.documents_from_cache = sum(1 for r in results if r.from_cache)
    previous = previous_run(root, summary.origin or summary.submission)
    if previous is None:
        return None
    try:
        d = diff_runs(read_run(previous), RunData(summary, list(results), list(findings)))
    except DiffError:  # an unreadable earlier run: this run stands on its own
        return None
    summary.previous_run = previous.name
    summary.changes = d.counts()
    return diff_json(d)


def _claim_run_id(root: Path, base_id: str) -> tuple[str, Path]:
    """A run id no other writer has or will take: runs started in the same second with the same
    files get `-2`, `-3` …; the claim is a hidden file created exclusively (atomic on every
    filesystem), holding the writer's process id until the run folder is in place."""
    n = 1
    while True:
        run_id = base_id if n == 1 else f"{base_id}-{n}"
        n += 1
        if (root / run_id).exists():
            continue
        claim = root / f".{run_id}.claim"
        try:
            fd = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w") as fh:
            fh.write(str(os.getpid()))
        if (root / run_id).exists():  # finished by another writer between the two checks
            claim.unlink(missing_ok=True)
            continue
        return run_id, claim


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


_SETTLE_SECONDS = 120  # a claim or staging folder this young may belong to a writer just starting


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def clean_leftovers(root: Path) -> list[str]:
    """Remove what a killed writer left: claims of dead processes with their staging folders,
    and staging folders no claim covers once they are old enough not to be a writer starting
    up. Returns the names removed."""
    removed = []
    live: set[str] = set()
    dead: set[str] = set()
    for claim in root.glob(".*.claim"):
        run_id = claim.name[1:-len(".claim")]
        try:
            pid = int(claim.read_text(encoding="utf-8").strip() or "0")
        except (OSError, ValueError):
            pid = 0
        if (pid and _alive(pid)) or (not pid and _age(claim) < _SETTLE_SECONDS):  # alive, or its pid not yet written
            live.add(run_id)
            continue
        claim.unlink(missing_ok=True)
        dead.add(run_id)
        removed.append(claim.name)
    for staging in root.glob(".*.tmp"):
        run_id = staging.name[1:].split(".", 1)[0]
        if not staging.is_dir() or run_id in live:
            continue
        if run_id in dead or _age(staging) > _SETTLE_SECONDS:
            shutil.rmtree(staging, ignore_errors=True)
            removed.append(staging.name)
    return removed


def backfill_store(url: str, root: Path, exclude: str | None = None) -> list[str]:
    """Put into the store the complete run folders meant for it (their summary names it) that it
    does not hold: a run killed after its folder was in place, or written while the store was
    locked. Returns their run ids."""
    known = set(run_store.run_ids(url))
    added = []
    for folder in run_folders(root):
        if folder.name in known or folder.name == exclude or not (folder / SUMMARY_JSON).is_file():
            continue
        try:
            summary = RunSummary.model_validate_json((folder / SUMMARY_JSON).read_text("utf-8"))
            if summary.store != run_store.display_url(url):  # written for another store
                continue
            results = [DocumentResult.model_validate(d)
                       for d in json.loads((folder / DOCUMENTS_JSON).read_text("utf-8"))]
            findings = [Finding.model_validate(f) for f in json.loads((folder / FINDINGS_JSON).read_text("utf-8"))]
            scores_file = folder / SCORES_JSON
            scores = ([ScoreCard.model_validate(c) for c in json.loads(scores_file.read_text("utf-8"))]
                      if scores_file.is_file() else None)
        except (OSError, ValueError):  # not a run this version can read: leave it alone
            continue
        run_store.save_run(url, summary, results, findings, scores)
        added.append(folder.name)
    return added


def severity_counts_text(counts: FindingCounts) -> str:
    return "，".join(f"{s.label} {getattr(counts, s.value)} 条" for s in Severity)
