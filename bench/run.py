"""Speed and memory figures for the pipeline, printed — never asserted.

    make bench            # or: .venv/bin/python bench/run.py [--repeat N]

Measures, per fixture file: extraction (file → neutral model), parsing (model → records);
then the checks over a whole submission, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import unicodedata
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks import load_config, run_checks  # noqa: E402
from extractors import extract  # noqa: E402
from extractors.kinds import best_kind  # noqa: E402
from runs.discover import discover  # noqa: E402

SUBMISSIONS = [ROOT / "fixtures" / name
               for name in ("nanjie-2024", "monitoring", "unseen", "targets", "self-eval", "reports", "publications")]
REALDOCS = ROOT.parent / "shared" / "realdocs"


def cut(name: str, width: int = 56) -> str:
    """`name` cut and padded to `width` terminal columns (CJK characters take two)."""
    out, used = "", 0
    for ch in name:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def throughput(n: int) -> None:
    """Whole-document processing (extract, classify, parse; no Prefect) over `n` fixture files."""
    from runs.process import process_document

    files = [p for sub in SUBMISSIONS for p in discover(sub)]
    batch = [files[i % len(files)] for i in range(n)]
    t0 = time.perf_counter()
    for path in batch:
        process_document(path, path.parent)
    elapsed = time.perf_counter() - t0
    print(f"\nthroughput: {n} documents in {elapsed:.2f} s = {n / elapsed:.1f} documents/s (one process)")


def pdf_baseline(repeat: int) -> dict:
    """Pages per CPU-second on the real PDFs: raw pdfplumber (extract_text + extract_tables per
    page), pypdfium2 text only, our extractor, and the whole `jixiao extract` path, in this
    process, median of `repeat` interleaved rounds. The ratio against raw pdfplumber is the
    headline."""
    import pdfplumber
    import pypdfium2 as pdfium

    from extractors.pdf import extract_pdf
    from runs.process import process_document

    pdfs = sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []
    if not pdfs:
        return {}

    def interleaved(fns: dict) -> dict[str, float]:
        """CPU seconds of each way over all files, median of `repeat` rounds. The ways take turns
        file by file (in a rotating order), so that the load of a shared machine, which changes
        from minute to minute, weighs on each alike."""
        rounds: dict[str, list[float]] = {k: [] for k in fns}
        names = list(fns)
        for r in range(repeat):
            spent = dict.fromkeys(names, 0.0)
            for i, path in enumerate(pdfs):
                k = (r + i) % len(names)
                for name in names[k:] + names[:k]:
                    t0 = time.process_time()
                    fns[name](path)
                    spent[name] += time.process_time() - t0
            for name in names:
                rounds[name].append(spent[name])
        return {name: statistics.median(v) for name, v in rounds.items()}

    def raw(path: Path) -> None:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()

    def pdfium_text(path: Path) -> None:
        doc = pdfium.PdfDocument(str(path))
        for page in doc:
            page.get_textpage().get_text_range()
        doc.close()

    pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
    figures = interleaved({
        "raw_pdfplumber": raw,
        "pypdfium2_text": pdfium_text,
        "extract_pdf": lambda p: extract_pdf(p, "0" * 64),
        "jixiao_extract": lambda p: process_document(p, p.parent),
    })
    rates = {k: pages / v for k, v in figures.items()}
    print(f"\nreal PDFs: {len(pdfs)} files, {pages} pages; pages per CPU-second (median of {repeat}):")
    for k, v in rates.items():
        print(f"  {k:<16}{v:8.1f}")
    ratio = rates["extract_pdf"] / rates["raw_pdfplumber"]
    print(f"ratio vs raw pdfplumber: {ratio:.2f} (extractor), "
          f"{rates['jixiao_extract'] / rates['raw_pdfplumber']:.2f} (whole jixiao extract path)")
    return {"files": len(pdfs), "pages": pages, "pages_per_cpu_second": rates,
            "ratio_vs_raw_pdfplumber": ratio,
            "ratio_full_path_vs_raw_pdfplumber": rates["jixiao_extract"] / rates["raw_pdfplumber"]}


CHECK_PDF = "上海市普陀区财政局部门25年预算.pdf"
RAW_PASS = """import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.extract_tables()
"""


def process_cpu(cmd: list[str], env: dict) -> float:
    """User + system CPU seconds of a command and the processes it waited for (a document read in
    a child of `jixiao check` is one of them), start-up included."""
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def check_vs_raw(repeat: int) -> dict:
    """`jixiao check DIR` on a folder holding one real PDF against a raw pdfplumber pass (text and
    tables of every page) over it, each a whole new process, start-up included; CPU seconds,
    median of `repeat` rounds taking turns."""
    import shutil
    import tempfile

    pdf = REALDOCS / CHECK_PDF
    if not pdf.is_file():
        return {}
    jixiao = Path(sys.executable).with_name("jixiao")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submission"
        folder.mkdir()
        shutil.copy(pdf, folder / pdf.name)
        # Compiled modules kept (in a folder of their own), as an installation has them, even where
        # the environment says not to write them: each way is run once first to fill it.
        env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / ".prefect"),
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ways = {"raw": [sys.executable, "-c", RAW_PASS, str(folder / pdf.name)],
                "check": [str(jixiao), "check", str(folder)]}
        for cmd in ways.values():
            process_cpu(cmd, env)
        spent: dict[str, list[float]] = {k: [] for k in ways}
        for r in range(repeat):
            for name in (list(ways) if r % 2 == 0 else list(ways)[::-1]):
                spent[name].append(process_cpu(ways[name], env))
    raw, check = statistics.median(spent["raw"]), statistics.median(spent["check"])
    print(f"\njixiao check on one real PDF ({pdf.name}): {check:.2f} CPU-s, raw pdfplumber pass "
          f"{raw:.2f} CPU-s (whole processes, median of {repeat})")
    print(f"jixiao check vs raw pdfplumber (whole process): {check / raw:.2f}")
    return {"file": pdf.name, "check_cpu_seconds": check, "raw_cpu_seconds": raw, "ratio": check / raw}


def scoring(repeat: int) -> None:
    """Cross-document checks and scoring of the sample submission (records already parsed)."""
    from runs.process import check_submission, process_document, submission_records
    from scoring import load_rubric
    from scoring.card import score_submission

    sample = SUBMISSIONS[0]
    results = [process_document(p, sample) for p in discover(sample)]
    findings, t_ch = timed(lambda: check_submission(results), repeat)
    rubric = load_rubric()
    cards, t_sc = timed(lambda: score_submission(submission_records(results), findings, rubric), repeat)
    print(f"\n{sample.name}: all checks {t_ch*1000:.1f} ms ({len(findings)} findings), "
          f"scoring {t_sc*1000:.1f} ms ({len(cards)} card(s))")


def run_phases() -> dict:
    """`jixiao run` on the sample, phase by phase (RunSummary.timings), with a new Prefect home and
    again with the same one (the first run of a machine also sets up Prefect's database)."""
    import subprocess
    import sys
    import tempfile

    jixiao = Path(sys.executable).with_name("jixiao")
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("first run (new Prefect home)", "next run"):
            env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / ".prefect")}
            env.pop("PREFECT_API_URL", None)
            subprocess.run([str(jixiao), "run", str(SUBMISSIONS[0]), "-o", tmp, "--no-cache"], env=env,
                           capture_output=True, check=False)
            summary = json.loads((Path(tmp) / "latest" / "summary.json").read_text("utf-8"))
            out[label] = summary.get("timings", {})
    print(f"\njixiao run {SUBMISSIONS[0].name}, seconds per phase:")
    phases = ["start", "read", "extract", "parse", "checks", "scoring", "writing"]
    print(f"  {'':30} " + " ".join(f"{p:>8}" for p in phases))
    for label, t in out.items():
        print(f"  {label:30} " + " ".join(f"{t.get(p, 0):8.2f}" for p in phases))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=100, help="documents in the throughput run")
    args = ap.parse_args()
    config = load_config()
    print(f"{cut('file')} {'format':6} {'extract ms':>10} {'parse ms':>9} {'tables':>6}")
    total_files, total_time = 0, 0.0
    per_format: dict[str, list[float]] = {}
    for submission in SUBMISSIONS:
        records = []
        for path in discover(submission):
            try:
                doc, t_ex = timed(lambda: extract(path), args.repeat)
            except Exception as exc:  # bad inputs are part of some submissions
                print(f"{cut(path.name)} error: {exc}")
                continue
            kind = best_kind(doc)
            t_pa = 0.0
            if kind is not None:
                recs, t_pa = timed(lambda: kind[0].parse(doc), args.repeat)
                records.extend(recs)
            total_files += 1
            total_time += t_ex + t_pa
            per_format.setdefault(doc.format.value, []).append(t_ex + t_pa)
            print(f"{cut(path.name)} {doc.format.value:6} {t_ex*1000:10.1f} {t_pa*1000:9.1f} {len(doc.tables):6}")
        findings, t_ch = timed(lambda: run_checks(records, config), args.repeat)
        print(f"  checks over {submission.name}: {len(records)} records → {len(findings)} findings in {t_ch*1000:.1f} ms")
    if REALDOCS.is_dir():
        for pdf in sorted(REALDOCS.glob("*.pdf")):
            doc, t_ex = timed(lambda: extract(pdf), 1)
            pages = doc.page_count or 0
            print(f"{cut(pdf.name)} pdf    {t_ex*1000:10.1f} {'':>9} {len(doc.tables):6}  "
                  f"({pages} pages, {t_ex*1000/max(pages,1):.0f} ms/page)")
    rates = {fmt: round(len(times) / sum(times), 1) for fmt, times in sorted(per_format.items()) if sum(times) > 0}
    print("\ndocuments/s per format (extract + parse, fixture documents, one process): "
          + ", ".join(f"{fmt} {rate} ({len(per_format[fmt])} files)" for fmt, rate in rates.items()))
    baseline = pdf_baseline(args.repeat)
    check = check_vs_raw(max(args.repeat, 5))
    scoring(args.repeat)
    phases = run_phases()
    throughput(args.batch)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nfixture documents: {total_files}, extract+parse median total {total_time:.2f} s")
    print(f"peak resident memory: {peak_mb:.0f} MB")
    out = ROOT / "output"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(json.dumps({
        "cores": os.cpu_count(), "repeat": args.repeat, "pdf": baseline, "check_vs_raw": check,
        "fixture_documents": total_files, "extract_parse_seconds": total_time, "peak_mb": peak_mb,
        "run_phases": phases, "documents_per_second_by_format": rates,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures written to {out / 'bench.json'} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
