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


def timed_batch(batch: list[Path], output: Path, cache: Path | None, workers: int) -> tuple[float, float]:
    """Wall-clock seconds of running the batch, and the peak memory (MiB) of the process tree."""
    wall = time.perf_counter()
    with PeakMemory() as memory:
        for s in batch:
            run_one(s, output, cache, workers)
    return time.perf_counter() - wall, memory.peak / 2**20


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
        walls, peaks = {}, {}
        for workers in (1, 2, 4):
            runs = [timed_batch(batch, tmp / f"out-{workers}-{r}", None, workers) for r in range(args.repeat)]
            walls[workers] = statistics.median(r[0] for r in runs)
            peaks[workers] = max(r[1] for r in runs)
            print(f"  {workers} worker(s): {walls[workers]:.1f} s = {args.submissions / walls[workers]:.2f} submissions/s, "
                  f"peak memory ≤ {peaks[workers]:.0f} MiB (process tree, RSS summed)")
        speedup = walls[1] / walls[2]
        print(f"  speed-up 1 → 2 workers: {speedup:.2f}×")
        figures["batch_seconds"] = walls
        figures["batch_peak_mib"] = {k: round(v) for k, v in peaks.items()}
        figures["speedup_1_to_2"] = round(speedup, 2)

        cache = tmp / "cache"
        out = tmp / "out-cache"
        cold_wall, _ = timed_batch(batch, out, cache, 2)
        correct_one(batch[0])
        warm_wall, _ = timed_batch(batch, out, cache, 2)
        print(f"re-run of the batch after one corrected document: {warm_wall:.1f} s against a cold {cold_wall:.1f} s "
              f"= {warm_wall / cold_wall:.2f}")
        one = [batch[1]]
        c_wall, _ = timed_batch(one, tmp / "one", tmp / "cache-one", 2)
        correct_one(batch[1])
        w_wall, _ = timed_batch(one, tmp / "one", tmp / "cache-one", 2)
        print(f"re-run of one submission after one corrected document: {w_wall:.2f} s against a cold {c_wall:.2f} s "
              f"= {w_wall / c_wall:.2f}; Prefect's start excluded from both (wall-clock: documents are read in "
              "children of a forkserver, whose CPU time this process cannot count)")
        figures.update(rerun_batch_fraction=round(warm_wall / cold_wall, 3), rerun_one_fraction=round(w_wall / c_wall, 3))
    out_file = ROOT / "output" / "bench-resubmission.json"
    out_file.parent.mkdir(exist_ok=True)
    out_file.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out_file}")


if __name__ == "__main__":
    main()
