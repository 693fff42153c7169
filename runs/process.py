"""Process one document (extract → classify → parse) and check a whole submission.

One bad document never stops a run: every failure becomes a `DocumentResult` with status
"error" (nothing read) or "partial" (some part not read), a Chinese message naming the file and
the reason, and the same as `ErrorItem`s (schemas.errors). Input files are only read.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from checks import run_checks
from extractors import ExtractionError, extract, file_sha256, wording
from pydantic import BaseModel

from extractors.kinds import ParseError, all_kinds, classify
from extractors.segments import Segment, segment
from runs.manifest import Hint, apply_hints, folder_hint, submission_hints
from schemas.document import Document
from schemas.errors import ErrorItem, error_item
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.safe_text import visible_name
from schemas.run import DocumentCounts, DocumentResult, RunSummary, SegmentResult, UnreadTable


def relative_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # not under root (e.g. a single file given on its own)
        return path.name


def failed_result(path: str | Path, root: str | Path, exc: BaseException) -> DocumentResult:
    """The result for a document whose processing failed outside the known error types."""
    path = Path(path)
    message = f"处理文件“{path.name}”时发生内部错误（{type(exc).__name__}: {exc}），其他文件不受影响"
    return DocumentResult(
        path=relative_path(path, Path(root)),
        file_name=path.name,
        status="error",
        error=message,
        errors=[error_item("internal.error", "internal", message, file=path.name,
                           reason=f"{type(exc).__name__}: {exc}")],
    )


def process_document(path: str | Path, root: str | Path, hints: Sequence[Hint] | None = None,
                     wording_dir: str | Path | None = None) -> DocumentResult:
    """Read one file into typed records; never raises for a bad document.

    A file may hold several kinds (a budget publication with annexed target forms, a workbook of
    one project per sheet): each segment is read by its kind and every record is kept. `hints`
    are what the submission says (its manifest); the folder and file name follow. `wording_dir`
    holds a run's wording overrides (`extractors.wording`)."""
    if wording_dir is None:
        return _process_document(path, root, hints)
    with wording.directory(wording_dir):
        return _process_document(path, root, hints)


def _process_document(path: str | Path, root: str | Path, hints: Sequence[Hint] | None) -> DocumentResult:
    path, root = Path(path), Path(root)
    base: dict[str, Any] = {"path": relative_path(path, root), "file_name": path.name}
    outside = link_outside(path, root)
    if outside is not None:
        return DocumentResult(**base, status="error", error=outside.message, errors=[outside])
    try:
        base["sha256"] = file_sha256(path)
        began = time.perf_counter()
        doc = extract(path, base["sha256"])
        base["seconds"] = {"extract": round(time.perf_counter() - began, 4)}
        base.update(format=doc.format, converted_from=doc.converted_from)
        whole, segments = segment(doc)
        if not any(seg.kind is not None for seg in segments):
            best = classify(doc)
            labels = "、".join(k.label for k in all_kinds()) or "无"
            message = f"未能识别文件“{path.name}”的文档类型：内容不像任何已支持的文档（{labels}）"
            return DocumentResult(
                **base,
                confidence=best[0][1] if best else None,
                status="unrecognised",
                error=message,
                errors=[error_item("kind.unrecognised", "unrecognised", message, file=path.name,
                                   reason=f"内容不像任何已支持的文档（{labels}）")],
            )
        if whole is not None:
            base.update(kind=whole[0].name, kind_label=whole[0].label, confidence=whole[1])
        else:  # only parts were claimed: the file is named after its first claimed part
            first = next(seg for seg in segments if seg.kind is not None)
            base.update(kind=first.kind.name, kind_label=first.kind.label, confidence=first.confidence)
        errors: list[ErrorItem] = []
        if doc.uncalculated_formulas:  # LibreOffice could not calculate them (or is not installed)
            cells = doc.uncalculated_formulas
            shown = "、".join(cells[:3]) + ("等" if len(cells) > 3 else "")
            reason = (f"有 {len(cells)} 个公式单元格没有保存计算结果，"
                      f"已按空白读取（{shown}），相关合计可能被误判为 0：请在 Excel/WPS 中打开并保存后重新提交，"
                      "或在本机安装 LibreOffice 以自动重新计算")
            errors.append(error_item("xlsx.uncalculated_formulas", "unreadable",
                                     f"文件“{visible_name(path.name)}”中{reason}", file=path.name, reason=reason,
                                     cell=cells[0] if len(cells) == 1 else None))
        errors.extend(scanned_pages_items(doc, path.name))
        if hints is None:
            hints, hint_error = submission_hints(path, root)
            if hint_error:
                errors.append(error_item("manifest.invalid", "manifest", hint_error, file=path.name))
        all_hints = [h for h in [*hints, folder_hint(path, root)] if h is not None]
        records: list[Any] = []
        results: list[SegmentResult] = []
        unread: list[UnreadTable] = []
        primary_records: list[Any] = []
        segments = sorted(segments, key=lambda s: not s.primary)  # the main part first, then annexes
        for seg in segments:
            title = seg.parts[0].title
            common = dict(pages=seg.pages, sheets=seg.sheets, title=title)
            if seg.kind is None:
                results.append(SegmentResult(status="unread", **common))
                continue
            info = dict(kind=seg.kind.name, kind_label=seg.kind.label, confidence=seg.confidence, **common)
            try:
                found = seg.kind.parse(seg.doc)
                if not seg.primary:  # an annex prints no unit or year: the file's main part does
                    found = [from_main_part(r, primary_records) for r in found]
                found = [apply_hints(r, all_hints) for r in found]
            except ParseError as exc:
                where = _where(seg) if len(segments) > 1 else ""
                errors.append(exc.item(message=f"{exc}{where}", page=seg.pages[0] if seg.pages else None,
                                       sheet=seg.sheets[0] if len(seg.sheets) == 1 else None))
                results.append(SegmentResult(status="error", error=f"{exc}{where}", **info))
                continue
            records.extend(found)
            if seg.primary:
                primary_records = found
            results.append(SegmentResult(status="ok", records=len(found), **info))
            unread.extend(unread_tables(seg.doc, found))
        base["seconds"]["parse"] = round(time.perf_counter() - began - base["seconds"]["extract"], 4)
        if not records:
            if not errors:
                errors.append(error_item("parse.no_records", "parse", f"文件“{path.name}”中未读到任何记录",
                                         file=path.name, reason="未读到任何记录"))
            return DocumentResult(**base, status="error", error=_joined(errors), errors=errors, segments=results)
        failed = [e for e in errors if e.category != "ocr"]  # read by OCR is a note, not a failure
        return DocumentResult(**base, status="partial" if failed else "ok", records=records, segments=results,
                              unread_tables=unread, error=_joined(errors) or None, errors=errors)
    except (ExtractionError, ParseError) as exc:
        return DocumentResult(**base, status="error", error=str(exc), errors=[exc.item()])
    except OSError as exc:  # e.g. permission denied, file vanished while running
        reason = exc.strerror or type(exc).__name__
        message = f"无法读取文件“{path.name}”：{reason}"
        return DocumentResult(**base, status="error", error=message,
                              errors=[error_item("file.missing" if isinstance(exc, FileNotFoundError) else "file.os_error",
                                                 "unreadable", message, file=path.name, reason=reason)])
    except MemoryError:  # the caller (runs/isolation.py) names the memory limit
        raise
    except Exception as exc:  # a bug in an extractor or parser: report it, go on with the others
        failed = failed_result(path, root, exc)
        return failed.model_copy(update={k: v for k, v in base.items() if k not in ("path", "file_name")})


def _joined(errors: Sequence[ErrorItem]) -> str:
    return "；".join(e.message for e in errors)


def link_outside(path: Path, root: Path) -> ErrorItem | None:
    """Why a symbolic link is not read: it points outside the submission (a link to /etc/passwd
    or to another unit's file must not become part of this submission), or nowhere."""
    if not path.is_symlink():
        return None
    name = visible_name(path.name)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop
        return error_item("file.link_dangling", "unreadable", f"文件“{name}”是符号链接，但它指向的文件不存在，未读取",
                          file=name, reason="符号链接指向的文件不存在")
    base = root.resolve() if root.is_dir() else root.resolve().parent
    if not target.is_relative_to(base):
        return error_item("file.link_outside", "unreadable",
                          f"文件“{name}”是指向提交文件夹之外的符号链接，为安全起见未读取；请把文件本身放入提交文件夹",
                          file=name, reason="指向提交文件夹之外的符号链接")
    return None


def from_main_part(record: BaseModel, main: Sequence[BaseModel]) -> BaseModel:
    """An annex's unknown unit and year, as the file's main part prints them (same content)."""
    if not main:
        return record
    head = main[0]
    update: dict[str, Any] = {}
    unit, head_unit = getattr(record, "unit", None), getattr(head, "unit", None)
    if unit is not None and head_unit is not None and unit.source != "content" and head_unit.source == "content":
        update["unit"] = head_unit
    year_attr, head_year = getattr(record, "year_attr", None), getattr(head, "year_attr", None)
    if (year_attr is not None and head_year is not None and year_attr.source != "content"
            and head_year.source == "content"):
        update.update(year_attr=head_year, year=getattr(head, "year", None))
    return record.model_copy(update=update) if update else record


def _where(seg: Segment) -> str:
    if seg.sheets:
        return f"（工作表：{'、'.join(seg.sheets)}）"
    if seg.pages:
        return f"（第{seg.pages[0]}-{seg.pages[-1]}页）" if len(seg.pages) > 1 else f"（第{seg.pages[0]}页）"
    return ""


def _all_refs(value: Any, out: list[SourceRef]) -> None:
    """Every source reference inside a record, in field order."""
    if isinstance(value, SourceRef):
        out.append(value)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _all_refs(getattr(value, name), out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _all_refs(item, out)
    elif isinstance(value, dict):
        for item in value.values():
            _all_refs(item, out)


def record_places(record: BaseModel) -> tuple[list[int], list[str]]:
    """The pages and sheets a record's values were read from."""
    refs: list[SourceRef] = []
    _all_refs(record, refs)
    sheets: list[str] = []
    for r in refs:
        if r.sheet is not None and r.sheet not in sheets:
            sheets.append(r.sheet)
    return sorted({r.page for r in refs if r.page is not None}), sheets


def unread_tables(doc: Document, records: Sequence[BaseModel]) -> list[UnreadTable]:
    """Tables of a read segment no record took anything from (with their first line of text)."""
    refs: list[SourceRef] = []
    for r in records:
        _all_refs(r, refs)
    used_tables = {ref.table for ref in refs if ref.table is not None}
    out = []
    for t in doc.tables:
        if t.index in used_tables:
            continue
        texts = [c.text.strip() for row in t.rows for c in row if c.text.strip()]
        if not texts:
            continue
        before = [b.text.strip() for b in doc.text_before(t, 2) if b.text.strip()]
        title = (before[-1] if before else texts[0]).splitlines()[0][:60]
        out.append(UnreadTable(table=t.index, pages=t.pages, sheet=t.sheet, title=title))
    return out


def _pages(numbers: Sequence[int]) -> str:
    return "、".join(str(n) for n in numbers[:10]) + ("等" if len(numbers) > 10 else "")


def scanned_pages_items(doc: Any, name: str) -> list[ErrorItem]:
    """What the reader should know of a PDF's scanned pages: read by OCR (category `ocr`, not a
    failure: the document stays ok), or not read and why (the document is partial)."""
    items = []
    if doc.ocr_pages:
        reason = (f"第{_pages(doc.ocr_pages)}页是扫描图像，已用 OCR（tesseract chi_sim）识别；"
                  "识别出的文字和数字在来源中标为“OCR识别”，请对照原件核对")
        items.append(error_item("pdf.ocr", "ocr", f"文件“{visible_name(name)}”{reason}", file=name, reason=reason,
                                page=doc.ocr_pages[0] if len(doc.ocr_pages) == 1 else None))
    if doc.unread_scanned_pages:
        reason = f"第{_pages(doc.unread_scanned_pages)}页是扫描图像，未能识别：{doc.ocr_note}"
        items.append(error_item("pdf.scanned_pages_unread", "unreadable", f"文件“{visible_name(name)}”{reason}",
                                file=name, reason=reason,
                                page=doc.unread_scanned_pages[0] if len(doc.unread_scanned_pages) == 1 else None))
    return items


def submission_records(results: Sequence[DocumentResult]) -> list[Any]:
    return [rec for r in results if r.read for rec in r.records]


def check_submission(results: Sequence[DocumentResult], config: dict[str, Any] | None = None) -> list[Finding]:
    """Run the rule catalogue over the records of every successfully read document."""
    return run_checks(submission_records(results), config)


def document_counts(results: Sequence[DocumentResult]) -> DocumentCounts:
    """By status; `ok` counts every document read (`partial` ones too), as runs before
    `partial` existed did."""
    by_status = Counter(r.status for r in results)
    return DocumentCounts(total=len(results), ok=by_status["ok"] + by_status["partial"], partial=by_status["partial"],
                          error=by_status["error"], unrecognised=by_status["unrecognised"])


def error_counts(results: Sequence[DocumentResult]) -> dict[str, int]:
    """The documents' error items by category (schemas.errors), most frequent first."""
    return dict(Counter(e.category for r in results for e in r.errors).most_common())


def run_failure(summary: RunSummary) -> str | None:
    """Why a run counts as failed (Chinese), or None when at least one document was read."""
    return nothing_to_check(summary.submission, summary.documents)


def nothing_to_check(submission: str, d: DocumentCounts) -> str | None:
    """Why a submission gave nothing to check (Chinese), or None when a document was read."""
    if d.total == 0:
        return f"提交文件夹“{submission}”中没有找到任何文件，没有可核对的材料"
    if d.ok == 0:
        return (f"全部 {d.total} 个文件均未能读取（出错 {d.error} 个，未识别 {d.unrecognised} 个），没有可核对的材料；"
                f"各文件的原因见结果目录中的 documents.json 和 findings.xlsx 的“文件”表")
    return None
