"""Batch and resubmission figures: a generated batch of submissions read with 1, 2 and 4
workers, and the cost of a re-run after one corrected document as a fraction of a cold run.

What is timed is the work of a run without Prefect's start (the flow's own path through runs/:
each document read in a child process, with the content cache, then checks, scoring and
writing), so that the fraction is of the work itself. Run: `make bench` (or directly).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "nanjie-2024"
CORRECTED = "南街街道办事处2024年度部门决算.pdf"  # the largest document of the sample


def make_batch(folder: Path, n: int) -> list[Path]:
    out = []
    for i in range(n):
        target = folder / f"submission-{i:02d}"
        shutil.copytree(SAMPLE, target)
        out.append(target)
    return out


def correct_one(submission: Path) -> None:
    """A corrected resubmission of one document: new content (a PDF comment after %%EOF is
    ignored by readers, so the figures stay and the hash changes)."""
    path = submission / CORRECTED
    path.write_bytes(path.read_bytes() + b"\n% corrected\n")


def run_one(submission: Path, output: Path, cache: Path | None, workers: int):
    from checks import load_config
    from runs.discover import discover
    from runs.isolation import process_isolated
    from runs.output import reusable_run, write_run
    from runs.options import RunOptions
    from runs.process import check_submission, submission_records
    from runs.scores import score_records

    started = datetime.now()
    paths = discover(submission)
    if cache is not None:  # as a batch does: a submission in which nothing changed is not run again
        reused = reusable_run(output, submission, paths, load_config())
        if reused is not None:
            return reused
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: process_isolated(p, submission, cache=cache), paths))
    findings = check_submission(results)
    scores = score_records(submission_records(results), findings, submission)
    return write_run(results, findings, submission, started, RunOptions(output_root=output), scores=scores)


class PeakMemory:
    """The largest sum of resident memory of this process and all its descendants (the forkserver
    and the children reading documents), sampled every 50 ms while the block runs (psutil). Pages
    a forked child shares with the forkserver count in each: an upper bound."""

    def __enter__(self):
        import threading

        import psutil

        self.peak = 0
        self._stop = threading.Event()
        me = psutil.Process()

        def sample() -> None:
            while not self._stop.is_set():
                total = 0
                for p in [me, *me.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
                self._stop.wait(0.05)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def tree_cpu() -> float:
    """User + system CPU seconds so far of this process, of the children it has reaped, and of
    every live descendant with the children it has reaped — the forkserver, whose children read
    the documents, is not this process's child to reap, so RUSAGE_CHILDREN alone misses them.
    The difference of two readings is the CPU of the work between them, whichever process did it."""
    import psutil

    t = os.times()
    total = t.user + t.system + t.children_user + t.children_system
    for p in psutil.Process().children(recursive=True):
        try:
            c = p.cpu_times()
        except psutil.Error:  # ended between the listing and the reading
            continue
        total += c.user + c.system + c.children_user + c.children_system
    return total


def timed_batch(batch: list[Path], output: Path, cache: Path | None, workers: int) -> tuple[float, float, float]:
    """Wall-clock seconds of running the batch, the peak memory (MiB) of the process tree, and
    its CPU seconds (this process and the processes reading documents)."""
    wall, cpu = time.perf_counter(), tree_cpu()
    with PeakMemory() as memory:
        for s in batch:
            run_one(s, output, cache, workers)
    return time.perf_counter() - wall, memory.peak / 2**20, tree_cpu() - cpu


# Run in a new process: the CPU of twenty submissions with Prefect (`jixiao run --batch`) or
# without (the same calls as run_one), start-up and forkserver included; printed as JSON.
_TREE_RUN = """
import json, os, sys
sys.path.insert(0, {root!r})
from bench.resubmission import run_one, tree_cpu
mode, batch, out = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "prefect":
    from flows.cli import app
    sys.argv = ["jixiao", "run", "--batch", batch, "-o", out, "--no-cache"]
    try:
        app()
    except SystemExit:
        pass
else:
    from pathlib import Path
    for s in sorted(p for p in Path(batch).iterdir() if p.is_dir()):
        run_one(s, Path(out), None, os.cpu_count() or 1)
print(json.dumps(tree_cpu()))
"""


def prefect_overhead(batch_dir: Path, tmp: Path, repeat: int) -> dict:
    """CPU of one `jixiao run --batch` of the batch against the same work without Prefect (each
    submission read, checked, scored and written by the plain functions), each in a new process
    with a warm Prefect home (a run before the measured ones sets up its database); median of
    `repeat` rounds taking turns."""
    import subprocess
    import sys

    env = {**os.environ, "PREFECT_HOME": str(tmp / ".prefect-overhead")}
    env.pop("PREFECT_API_URL", None)
    script = _TREE_RUN.format(root=str(ROOT))

    def cpu(mode: str, k: int) -> float:
        done = subprocess.run([sys.executable, "-c", script, mode, str(batch_dir), str(tmp / f"overhead-{mode}-{k}")],
                              env=env, capture_output=True, text=True, check=True)
        return float(done.stdout.strip().splitlines()[-1])

    cpu("prefect", -1)  # the Prefect home's database, created once
    spent: dict[str, list[float]] = {"prefect": [], "plain": []}
    for r in range(repeat):
        for mode in (("prefect", "plain") if r % 2 == 0 else ("plain", "prefect")):
            spent[mode].append(cpu(mode, r))
    with_prefect, plain = statistics.median(spent["prefect"]), statistics.median(spent["plain"])
    print(f"jixiao run --batch of the batch: {with_prefect:.1f} CPU-s with Prefect, {plain:.1f} CPU-s for the same "
          f"work without it = {with_prefect / plain:.2f}× (whole process trees, median of {repeat})")
    return {"prefect_cpu_seconds": with_prefect, "plain_cpu_seconds": plain, "ratio": with_prefect / plain}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--submissions", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    figures: dict[str, object] = {"cores": os.cpu_count(), "submissions": args.submissions}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        batch = make_batch(tmp / "batch", args.submissions)
        docs = sum(len(list(s.iterdir())) for s in batch)
        print(f"\nbatch: {args.submissions} submissions of {SAMPLE.name}, {docs} files ({os.cpu_count()} cores)")
        walls, peaks, cpus = {}, {}, {}
        for workers in (1, 2, 4):
            runs = [timed_batch(batch, tmp / f"out-{workers}-{r}", None, workers) for r in range(args.repeat)]
            walls[workers] = statistics.median(r[0] for r in runs)
            peaks[workers] = max(r[1] for r in runs)
            cpus[workers] = statistics.median(r[2] for r in runs)
            print(f"  {workers} worker(s): {walls[workers]:.1f} s = {args.submissions / walls[workers]:.2f} submissions/s, "
                  f"{cpus[workers]:.1f} CPU-s (process tree), "
                  f"peak memory ≤ {peaks[workers]:.0f} MiB (process tree, RSS summed)")
        speedup = walls[1] / walls[2]
        print(f"  speed-up 1 → 2 workers: {speedup:.2f}×")
        figures["batch_seconds"] = walls
        figures["batch_cpu_seconds"] = {k: round(v, 2) for k, v in cpus.items()}
        figures["batch_peak_mib"] = {k: round(v) for k, v in peaks.items()}
        figures["speedup_1_to_2"] = round(speedup, 2)

        cache = tmp / "cache"
        out = tmp / "out-cache"
        figures["prefect_overhead"] = prefect_overhead(tmp / "batch", tmp, max(args.repeat, 3))
        cold_wall, _, cold_cpu = timed_batch(batch, out, cache, 2)
        correct_one(batch[0])
        warm_wall, _, warm_cpu = timed_batch(batch, out, cache, 2)
        print(f"re-run of the batch after one corrected document: {warm_wall:.1f} s against a cold {cold_wall:.1f} s "
              f"= {warm_wall / cold_wall:.2f} (CPU: {warm_cpu:.1f} against {cold_cpu:.1f} CPU-s = {warm_cpu / cold_cpu:.2f})")
        one = [batch[1]]
        c_wall, _, c_cpu = timed_batch(one, tmp / "one", tmp / "cache-one", 2)
        correct_one(batch[1])
        w_wall, _, w_cpu = timed_batch(one, tmp / "one", tmp / "cache-one", 2)
        print(f"re-run of one submission after one corrected document: {w_wall:.2f} s against a cold {c_wall:.2f} s "
              f"= {w_wall / c_wall:.2f} (CPU: {w_cpu:.2f} against {c_cpu:.2f} CPU-s = {w_cpu / c_cpu:.2f}); "
              "Prefect's start excluded from both")
        figures.update(rerun_batch_fraction=round(warm_wall / cold_wall, 3), rerun_one_fraction=round(w_wall / c_wall, 3),
                       rerun_batch_cpu_fraction=round(warm_cpu / cold_cpu, 3),
                       rerun_one_cpu_fraction=round(w_cpu / c_cpu, 3))
    out_file = ROOT / "output" / "bench-resubmission.json"
    out_file.parent.mkdir(exist_ok=True)
    out_file.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out_file}")


if __name__ == "__main__":
    main()
