"""Each document read in a child process that can be stopped.

A thread cannot be killed: a PDF that makes pdfminer loop, or a page that swells to gigabytes,
would hold the run (and its memory) for as long as it likes. So a document is read in a child
process forked from a forkserver that has the extractors already imported (a fork costs a few
milliseconds, not the second an import of pdfplumber and openpyxl takes): the child gets a memory
ceiling (RLIMIT_AS) and the parent kills it at the time limit (extractors/limits.py). A child that
dies for another reason (a crash in a C library) is tried once more; every outcome is a
`DocumentResult`, so the run goes on and the document is accounted for.

Where child processes are not possible (a daemonic Dask worker, a platform without fork), not
wanted (JIXIAO_ISOLATION=0), or would not know a document kind the calling program registered at
run time, the document is read in-process, as before.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import resource
import signal
import threading
from pathlib import Path
from typing import Any

from extractors.kinds import all_kinds
from extractors.limits import LIMITS_ENV, exceeded, limits
from extractors import file_sha256
from runs import cache as cached
from runs.process import link_outside, process_document, relative_path
from schemas.errors import ErrorCategory, error_item
from schemas.run import DocumentResult
from schemas.safe_text import visible_name

ISOLATION_ENV = "JIXIAO_ISOLATION"
# Imported once in the forkserver so that every child starts with them loaded.
_PRELOAD = ["runs.process", "extractors.pdf", "extractors.docx", "extractors.xlsx", "extractors.html",
            "extractors.kinds.targets", "extractors.kinds.monitoring", "extractors.kinds.self_evaluation",
            "extractors.kinds.final_accounts", "extractors.kinds.narrative_report",
            "extractors.kinds.project_statement"]
_context: Any = None
_context_lock = threading.Lock()
# Children at once: one per core (a run's threads queue here), so memory stays bounded by
# cores × memory_mb_per_document whatever the task runner's thread count.
_slots = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
# Children reading right now, so that an interrupted run can stop them (stop_children).
_live: set[Any] = set()
_live_lock = threading.Lock()
_forkserver_started = False


def isolation_enabled() -> bool:
    if os.environ.get(ISOLATION_ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    if multiprocessing.current_process().daemon:  # e.g. a Dask worker: it may not have children
        return False
    # A kind registered at run time by the calling program exists only in this process.
    if any(not k.parse.__module__.startswith("extractors.kinds") for k in all_kinds()):
        return False
    return "forkserver" in multiprocessing.get_all_start_methods()


def _ctx():
    global _context
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _context = ctx
    return _context


def _child(conn, path: str, root: str, wording_dir: str | None, memory_mb: int, limits_file: str | None) -> None:
    # Ctrl-C reaches the whole process group: the parent decides (stop_children), not each child,
    # which would otherwise report a KeyboardInterrupt as this document's failure.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The forkserver's environment is the one it started with: the run's limits file is passed.
    if limits_file:
        os.environ[LIMITS_ENV] = limits_file
    else:
        os.environ.pop(LIMITS_ENV, None)
    try:
        soft = memory_mb * 2**20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or soft < hard:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):  # a platform that will not set it: the time limit still holds
        pass
    try:
        conn.send(process_document(path, root, wording_dir=wording_dir))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _error(path: Path, root: Path, reason: str, code: str, category: ErrorCategory) -> DocumentResult:
    message = f"处理文件“{visible_name(path.name)}”时{reason}。其他文件不受影响"
    item = error_item(code, category, message, file=visible_name(path.name), reason=reason)
    return DocumentResult(path=relative_path(path, root), file_name=path.name, status="error", error=message,
                          errors=[item])


def process_isolated(path: str | Path, root: str | Path, wording_dir: str | Path | None = None,
                     attempts: int = 2, cache: str | Path | None = None, refresh: bool = False,
                     alone: bool = False) -> DocumentResult:
    """`process_document` in a child process, stopped at the time limit; never raises for a
    bad document. With `cache` (a folder, runs/cache.py), a file read before with the same
    content and code is not read again, unless `refresh`. `alone`: the only document this
    process reads (`jixiao check` of a folder holding one file) — when the process runs no other
    thread, the child is a fork of it rather than of a forkserver, which would start a second
    interpreter and import every extractor for one document; time limit and retries are the
    same, and the memory ceiling (RLIMIT_AS) bounds the fork of the caller with what it holds,
    which for a command line is little more than a forkserver holds."""
    path, root = Path(path), Path(root)
    wording = str(wording_dir) if wording_dir else None
    if cache is None:
        return _process(path, root, wording, attempts, alone)
    key = _cache_key(path, root, wording)
    if key is not None and not refresh:
        kept = cached.load(Path(cache), key)
        if kept is not None:
            return kept.model_copy(update={"from_cache": True})
    result = _process(path, root, wording, attempts, alone)
    if key is not None:
        cached.save(Path(cache), key, result)
    return result


def _cache_key(path: Path, root: Path, wording: str | None) -> str | None:
    if link_outside(path, root) is not None:  # never hash what the submission may not read
        return None
    try:
        return cached.cache_key(path, root, file_sha256(path), wording)
    except OSError:  # unreadable: the reading says why
        return None


def _process(path: Path, root: Path, wording: str | None, attempts: int, alone: bool = False) -> DocumentResult:
    if not isolation_enabled():
        try:
            return process_document(path, root, wording_dir=wording)
        except MemoryError:
            return _error(path, root, "内存不足，已停止", "limit.memory", "limit")
    here = alone and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    if here:
        _preload(path)
    if not here:
        start_forkserver()  # a no-op once it runs, or outside the main thread
    with _slots:
        return _in_child(path, root, wording, attempts, multiprocessing.get_context("fork") if here else _ctx())


def _preload(path: Path) -> None:
    """The reader of `path`'s format imported in this process before it forks, as the forkserver
    has it: the child starts with it loaded (under the child's memory ceiling an import can fail)."""
    from extractors.sniff import sniff  # here: only a lone document read in a fork needs it

    try:
        fmt = sniff(path)
    except Exception:  # noqa: BLE001 - the child says what is wrong with the file
        return
    importlib.import_module(f"extractors.{fmt.value}")


def _in_child(path: Path, root: Path, wording: str | None, attempts: int, ctx: Any) -> DocumentResult:
    cap = limits()
    last = ""
    for _ in range(attempts):
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_child, daemon=True,
                            args=(sender, str(path), str(root), wording, cap.memory_mb_per_document,
                                  os.environ.get(LIMITS_ENV)))
        child.start()
        with _live_lock:
            _live.add(child)
        sender.close()
        try:
            if not receiver.poll(cap.seconds_per_document):
                return _error(path, root, exceeded("seconds_per_document", "处理超时，已停止",
                                                   cap.seconds_per_document),
                              "limit.seconds_per_document", "limit")
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                message = None
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join()
            with _live_lock:
                _live.discard(child)
        if isinstance(message, DocumentResult):
            return message
        if isinstance(message, tuple) and message[0] == "memory":
            return _error(path, root, exceeded("memory_mb_per_document", "内存用量超限，已停止",
                                               cap.memory_mb_per_document),
                          "limit.memory_mb_per_document", "limit")
        if isinstance(message, tuple) and message[0] == "crash":
            return _error(path, root, f"发生内部错误（{message[1]}）", "internal.crash", "internal")
        last = f"处理进程异常退出（退出码 {child.exitcode}）"  # killed by a signal: try once more
    return _error(path, root, last, "internal.child_exit", "internal")


def start_forkserver() -> None:
    """Start the forkserver now, from the main thread, with SIGINT ignored. It inherits that, so a
    Ctrl-C while it imports the extractors prints no traceback: the parent stops everything
    (flows/interrupt.py). Elsewhere (a thread, no isolation) it starts on first use, as before."""
    global _forkserver_started
    if _forkserver_started or threading.current_thread() is not threading.main_thread() \
            or not isolation_enabled():
        return
    from multiprocessing import forkserver  # the module that owns the process _ctx() configures

    _ctx()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
    _forkserver_started = True  # once: each document after this would only repeat the checks


def stop_children() -> int:
    """Kill every child reading a document now (an interrupted run); how many there were."""
    with _live_lock:
        children = list(_live)
    for child in children:
        try:
            child.kill()
        except (OSError, ValueError, AttributeError):  # already gone
            pass
    return len(children)


__all__ = ["ISOLATION_ENV", "isolation_enabled", "process_isolated", "start_forkserver", "stop_children"]
