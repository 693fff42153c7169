"""Ctrl-C stops a run at once, says so in Chinese, and leaves nothing half done.

Left to Prefect, a KeyboardInterrupt inside a flow is reported to the local Prefect server — which
the same Ctrl-C has just stopped (it is in the terminal's process group) — and the run then spends
a minute retrying the connection before failing with an English traceback. An interrupted run is
meant to stop: it writes no outputs (run folders are staged and renamed into place only when
complete, and the next run removes a staging folder left behind), documents already read stay in
the cache, and the children reading documents are killed. So the first SIGINT ends the process.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

INTERRUPTED = 130  # the shell's code for "ended by SIGINT"
MESSAGE = ("已中断（Ctrl-C）：本次运行已停止，未写出结果；已读过的文件在下次运行时从缓存读取，"
           "未完成的临时文件会在下次运行时清除。")


def _children() -> list[int]:
    """This process's own child processes (Linux /proc; none found elsewhere)."""
    me, found = os.getpid(), []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()  # after "pid (name) ": state, ppid, …
        if len(fields) > 1 and int(fields[1]) == me:
            found.append(int(entry))
    return found


def _stop(signum: int, frame: FrameType | None) -> None:
    try:
        from runs.isolation import stop_children  # here, not at the top: `jixiao --help` stays light

        stop_children()
        # The local Prefect server and the forkserver would outlive os._exit (atexit does not run).
        for pid in _children():
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        sys.stderr.write(MESSAGE + "\n")
        sys.stderr.flush()
    finally:
        os._exit(INTERRUPTED)


def _is_the_command() -> bool:
    """This process is `jixiao` itself (the console script or `python -m flows.cli`), not a program
    calling the CLI in-process (a test runner): the handler ends the process, so only the command
    may install it."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    return os.path.basename(sys.argv[0] or "") == "jixiao" or getattr(spec, "name", None) == "flows.cli"


def stop_on_interrupt(forkserver: bool = True) -> None:
    """Install the handler, unless SIGINT is ignored (a background job: leave it so) or the CLI
    runs inside another program. With `forkserver`, start the document readers' forkserver now,
    from the main thread, so that it ignores SIGINT (a run reads documents in worker threads,
    which may not change signal handling; `check` reads in the main thread and starts it itself,
    only when it needs one)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN or not _is_the_command():
        return
    signal.signal(signal.SIGINT, _stop)
    if forkserver:
        from runs.isolation import start_forkserver  # here: only the commands that read documents need it

        start_forkserver()


__all__ = ["INTERRUPTED", "MESSAGE", "stop_on_interrupt"]
