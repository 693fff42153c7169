"""Run folders: where they live, how they are named, and how one is found again.

`<output root>/<run-id>/` holds a run's files (names below); `<output root>/latest` points at
the newest. Everything that knows this layout is here or in runs/output.py (which writes it);
scoring and reporting are handed objects or paths, never a run id to look up."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Collection, Iterator, Sequence

from schemas.run import DocumentResult

ENV_OUTPUT = "JIXIAO_OUTPUT"
LATEST = "latest"
LATEST_TXT = "latest.txt"
RUN_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}(-\d+)?$")

# The files of a run folder.
DOCUMENTS_JSON = "documents.json"
FINDINGS_JSON = "findings.json"
FINDINGS_XLSX = "findings.xlsx"
SUMMARY_JSON = "summary.json"
CHANGES_JSON = "changes.json"
SCORES_JSON = "scores.json"
SCORES_XLSX = "scores.xlsx"
AUDIT_PAGE = "audit/index.html"  # written by `jixiao audit` (reporting/audit.py)
SUMMARY_DIR = "summary"  # the season summary (汇总.xlsx, 汇总.html) beside the run folders


def output_root(explicit: str | Path | None = None) -> Path:
    """`explicit`, else $JIXIAO_OUTPUT, else ./output."""
    return Path(explicit or os.environ.get(ENV_OUTPUT) or "output")


def find_run(run: str | Path, root: Path, needs: str) -> Path | None:
    """The run folder meant by `run` — a folder, a run id under `root`, or `latest` (the symlink, or
    latest.txt where symlinks are unavailable) — that holds the file `needs`; None when none does."""
    candidates = [Path(run), root / run]
    if str(run) == LATEST and (root / LATEST_TXT).is_file():
        candidates.append(root / (root / LATEST_TXT).read_text("utf-8").strip())
    return next((p.resolve() for p in candidates if (p / needs).is_file()), None)


def make_run_id(results: Sequence[DocumentResult], when: datetime | None = None) -> str:
    """`YYYYMMDD-HHMMSS-<6 hex>`: local start time, then a hash of the submission's file hashes.

    Sorts by time; the same files give the same suffix, so reruns of one submission are easy
    to tell apart from runs of another.
    """
    when = when or datetime.now()
    hashes = sorted(r.sha256 for r in results if r.sha256)
    digest = hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()[:6]
    return f"{when:%Y%m%d-%H%M%S}-{digest}"


def run_folders(root: Path, skip: Collection[str] = ()) -> Iterator[Path]:
    """The run folders directly under `root` (not links, not the run ids in `skip`), oldest first."""
    if not root.is_dir():
        return iter(())
    return iter(sorted(p for p in root.iterdir()
                       if p.is_dir() and not p.is_symlink() and RUN_ID.match(p.name) and p.name not in skip))


def update_latest(root: Path) -> str | None:
    """Point `root/latest` (a relative symlink) at the newest run folder, atomically.

    Where symlinks are unavailable (some Windows setups), `root/latest.txt` holds the run id.
    """
    runs = [p.name for p in run_folders(root) if (p / SUMMARY_JSON).is_file()]
    if not runs:
        return None
    newest = runs[-1]
    link = root / LATEST
    # One name per writer, threads included: two runs of one process finishing together must not
    # share (and unlink) each other's temporary link.
    unique = f"{os.getpid()}.{uuid.uuid4().hex[:8]}"
    tmp = root / f".{LATEST}.{unique}.tmp"
    try:
        if link.exists() and not link.is_symlink():
            raise OSError("latest exists and is not a symlink")
        os.symlink(newest, tmp, target_is_directory=True)
        os.replace(tmp, link)  # atomic: readers see the old or the new target, never none
    except (OSError, NotImplementedError):
        tmp.unlink(missing_ok=True)
        txt_tmp = root / f".{LATEST_TXT}.{unique}.tmp"
        txt_tmp.write_text(newest + "\n", encoding="utf-8")
        os.replace(txt_tmp, root / LATEST_TXT)
    return newest


def previous_run(root: Path, submission: str, before: Path | None = None) -> Path | None:
    """The newest run folder under `root` of the same submission (its origin, an inbox item,
    when it has one, else its folder) written before the run folder `before` (before all, when
    None: the run being written now). Ordered by when each summary.json was written, which holds
    for runs started in the same second too."""
    limit = (before / SUMMARY_JSON).stat().st_mtime_ns if before is not None else None
    best: tuple[int, Path] | None = None
    for p in root.iterdir() if root.is_dir() else []:
        if not (RUN_ID.match(p.name) and p.is_dir() and not p.is_symlink()) or p == before:
            continue
        try:
            written = (p / SUMMARY_JSON).stat().st_mtime_ns
            if (limit is not None and written >= limit) or (best is not None and written <= best[0]):
                continue
            data = json.loads((p / SUMMARY_JSON).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and (data.get("origin") or data.get("submission")) == submission:
            best = (written, p)
    return best[1] if best else None
