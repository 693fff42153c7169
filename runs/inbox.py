"""The inbox: submissions picked up as they arrive, each processed once.

An inbox is a folder units (or a clerk) drop submissions into: a folder per submission, or a
single file. A poll (`poll_inbox`) takes what is ready:

- a folder is ready when it holds a `submission.yaml` (its sender says it is complete) or when
  nothing in it has changed for `quiet_seconds` (a copy still in progress is left for later);
  a single file when it has been quiet as long;
- each ready item is claimed by its content hash in the store (table `inbox_items`, the hash its
  primary key): two pollers never process the same item, the same file dropped twice is processed
  once, and an unchanged folder is not run again; a corrected folder has a new hash and is run;
- the item is copied into the archive, `<archive>/<hash[:2]>/<hash>/<name>`, and processed from
  there: the inbox is never modified, and the run reads a copy no one is still writing to.

The run itself is a parameter (`run(folder, origin) -> RunSummary`): the Prefect flow passes its
sub-flow, plain code and tests the functions of runs/ directly.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy.exc import IntegrityError

from extractors import file_sha256
from runs.discover import is_junk
from runs.manifest import MANIFEST_NAMES
from runs.process import run_failure
from runs.store import InboxItemRow, StoreError, store_session
from schemas.run import RunSummary

ARCHIVE_FOLDER = "archive"
DEFAULT_QUIET_SECONDS = 60.0


@dataclass
class InboxItem:
    path: Path  # in the inbox
    name: str
    content_hash: str


@dataclass
class InboxOutcome:
    name: str
    status: str  # processed / failed / skipped (already claimed: processed before, or by another poller)
    run_id: str | None = None
    message: str = ""


def _files(folder: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not is_junk(d))
        out += [Path(dirpath) / f for f in sorted(filenames) if not is_junk(f)]
    return out


def content_hash(path: Path) -> str:
    """A file's sha256; a folder's: the sha256 of its files' relative paths and hashes."""
    if path.is_file():
        return file_sha256(path)
    h = hashlib.sha256()
    for f in _files(path):
        h.update(f.relative_to(path).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        h.update(file_sha256(f).encode() + b"\n")
    return h.hexdigest()


def _quiet_since(path: Path) -> float:
    """The newest modification time in an item (a folder's files and the folder itself)."""
    times = [path.stat().st_mtime]
    if path.is_dir():
        times += [f.stat().st_mtime for f in _files(path)]
    return max(times)


def ready_items(inbox: Path, quiet_seconds: float = DEFAULT_QUIET_SECONDS, now: float | None = None) -> list[InboxItem]:
    """The items of the inbox that are ready to process, by name."""
    now = time.time() if now is None else now
    items = []
    for entry in sorted(inbox.iterdir(), key=lambda p: p.name):
        if is_junk(entry.name) or entry.is_symlink() or not (entry.is_dir() or entry.is_file()):
            continue
        try:
            if entry.is_dir():
                if not _files(entry):
                    continue
                complete = any((entry / m).is_file() for m in MANIFEST_NAMES)
                if not complete and now - _quiet_since(entry) < quiet_seconds:
                    continue
            elif now - _quiet_since(entry) < quiet_seconds:
                continue
            items.append(InboxItem(entry, entry.name, content_hash(entry)))
        except OSError:  # vanished or unreadable while looking: the next poll sees it again
            continue
    return items


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def claim(url: str, item: InboxItem, archived: Path, worker: str) -> bool:
    """Take an item for this worker; False when it was taken before (by anyone)."""
    try:
        with store_session(url) as session:
            session.add(InboxItemRow(content_hash=item.content_hash, name=item.name, archived=str(archived),
                                     claimed_by=worker, claimed_at=datetime.now(timezone.utc), status="claimed"))
    except StoreError as exc:
        if isinstance(exc.__cause__, IntegrityError):
            return False
        raise
    return True


def finish(url: str, content: str, status: str, run_id: str | None, message: str = "") -> None:
    with store_session(url) as session:
        row = session.get(InboxItemRow, content)
        if row is not None:
            row.status, row.run_id, row.message = status, run_id, message or None


def archive(item: InboxItem, archive_root: Path) -> Path:
    """The submission folder to run: a copy of the item under the archive, keyed by its hash
    (a single file gets a folder of its own). Copied under a temporary name, then renamed."""
    home = archive_root / item.content_hash[:2] / item.content_hash
    target = home / (item.name if item.path.is_dir() else Path(item.name).stem or "submission")
    if target.exists():
        return target
    home.mkdir(parents=True, exist_ok=True)
    staging = home / f".{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    if item.path.is_dir():
        shutil.copytree(item.path, staging, symlinks=True)
    else:
        staging.mkdir()
        shutil.copy2(item.path, staging / item.name)
    try:
        os.replace(staging, target)
    except OSError:  # another worker's copy landed first: it is the same content
        shutil.rmtree(staging, ignore_errors=True)
    return target


def poll_inbox(inbox: Path, output_root: Path, url: str, run: Callable[[Path, str], RunSummary],
               quiet_seconds: float = DEFAULT_QUIET_SECONDS, worker: str | None = None) -> list[InboxOutcome]:
    """One poll: claim every ready item and run it. Never raises for one item's failure."""
    worker = worker or worker_name()
    outcomes = []
    for item in ready_items(inbox, quiet_seconds):
        folder = archive(item, output_root / ARCHIVE_FOLDER)
        if not claim(url, item, folder, worker):
            outcomes.append(InboxOutcome(item.name, "skipped", message="已处理过（或正由其他进程处理）"))
            continue
        try:
            summary = run(folder, str(item.path.resolve()))
        except Exception as exc:  # noqa: BLE001 - one submission's failure is recorded, the poll goes on
            message = f"处理“{item.name}”失败（{type(exc).__name__}: {exc}）"
            finish(url, item.content_hash, "failed", None, message)
            outcomes.append(InboxOutcome(item.name, "failed", message=message))
            continue
        failure = run_failure(summary)
        finish(url, item.content_hash, "failed" if failure else "done", summary.run_id, failure or "")
        outcomes.append(InboxOutcome(item.name, "failed" if failure else "processed", summary.run_id, failure or ""))
    return outcomes


__all__ = ["ARCHIVE_FOLDER", "DEFAULT_QUIET_SECONDS", "InboxItem", "InboxOutcome", "archive", "claim",
           "content_hash", "finish", "poll_inbox", "ready_items", "worker_name"]
