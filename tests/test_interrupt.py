"""Ctrl-C: `jixiao run` started as a terminal starts it (SIGINT delivered, its own process group),
interrupted while a document is being read, stops at once with a Chinese message, no traceback,
no process left behind, no run folder and nothing modified; the next run completes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, ROOT, need

from extractors.ocr import ocr_problem
from flows.interrupt import INTERRUPTED, MESSAGE

SCAN = FIXTURES / "scans" / "扫描的监控表.pdf"  # read by OCR: seconds of work in a child process


def _group(pgid: int) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "pgid=,pid=,args="], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if line.split()[0] == str(pgid)]


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_ctrl_c_stops_a_run_at_once_and_the_next_run_completes(tmp_path: Path) -> None:
    need(ocr_problem() is None, "tesseract with chi_sim (a document that takes seconds to read)")
    submission = tmp_path / "提交材料"
    submission.mkdir()
    shutil.copy(SCAN, submission / SCAN.name)
    before = _digest(submission)
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(COLUMNS="200", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    command = [sys.executable, "-m", "flows.cli", "run", str(submission), "-o", str(out)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Wait until the document is being read: tesseract runs in the run's process group.
    deadline = time.monotonic() + 600
    while not any("tesseract" in line for line in _group(proc.pid)):
        assert proc.poll() is None, proc.communicate()[0]
        assert time.monotonic() < deadline, "the document was never read"
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    output = proc.communicate(timeout=60)[0]
    assert proc.returncode == INTERRUPTED, output
    assert MESSAGE in output and "Traceback" not in output, output
    for _ in range(100):  # the local Prefect server shuts down gracefully, within seconds
        if not _group(proc.pid):
            break
        time.sleep(0.2)
    assert _group(proc.pid) == []
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []  # no run folder, no latest
    assert _digest(submission) == before

    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stdout + again.stderr
    runs = [p for p in out.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")]
    assert len(runs) == 1 and (runs[0] / "summary.json").is_file()
    assert _digest(submission) == before
