"""Process one document (extract → classify → parse) and check a whole submission.

One bad document never stops a run: every failure becomes a `DocumentResult` with status
"error" and a Chinese message naming the file and the reason. Input files are only read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from checks import run_checks
from extractors import ExtractionError, extract, file_sha256
from extractors.kinds import MIN_CONFIDENCE, ParseError, all_kinds, classify
from schemas.findings import Finding
from schemas.run import DocumentResult


def relative_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # not under root (e.g. a single file given on its own)
        return path.name


def failed_result(path: str | Path, root: str | Path, exc: BaseException) -> DocumentResult:
    """The result for a document whose processing failed outside the known error types."""
    path = Path(path)
    return DocumentResult(
        path=relative_path(path, Path(root)),
        file_name=path.name,
        status="error",
        error=f"处理文件“{path.name}”时发生内部错误（{type(exc).__name__}: {exc}），其他文件不受影响",
    )


def process_document(path: str | Path, root: str | Path) -> DocumentResult:
    """Read one file into typed records; never raises for a bad document."""
    path, root = Path(path), Path(root)
    base: dict[str, Any] = {"path": relative_path(path, root), "file_name": path.name}
    try:
        base["sha256"] = file_sha256(path)
        doc = extract(path)
        base["format"] = doc.format
        ranked = classify(doc)
        if not ranked or ranked[0][1] < MIN_CONFIDENCE:
            best = ranked[0][1] if ranked else None
            labels = "、".join(k.label for k in all_kinds()) or "无"
            return DocumentResult(
                **base,
                confidence=best,
                status="unrecognised",
                error=f"未能识别文件“{path.name}”的文档类型：内容不像任何已支持的文档（{labels}）",
            )
        kind, confidence = ranked[0]
        base.update(kind=kind.name, kind_label=kind.label, confidence=confidence)
        records = kind.parse(doc)
        return DocumentResult(**base, status="ok", records=records)
    except (ExtractionError, ParseError) as exc:
        return DocumentResult(**base, status="error", error=str(exc))
    except OSError as exc:  # e.g. permission denied, file vanished while running
        reason = exc.strerror or type(exc).__name__
        return DocumentResult(**base, status="error", error=f"无法读取文件“{path.name}”：{reason}")
    except Exception as exc:  # a bug in an extractor or parser: report it, go on with the others
        failed = failed_result(path, root, exc)
        return failed.model_copy(update={k: v for k, v in base.items() if k not in ("path", "file_name")})


def submission_records(results: Sequence[DocumentResult]) -> list[Any]:
    return [rec for r in results if r.status == "ok" for rec in r.records]


def check_submission(results: Sequence[DocumentResult], config: dict[str, Any] | None = None) -> list[Finding]:
    """Run the rule catalogue over the records of every successfully read document."""
    return run_checks(submission_records(results), config)
