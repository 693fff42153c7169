"""Regenerate the committed fixtures: `python -m tools.fixtures [--fixtures DIR] [--only X ...] [NAME ...]`.

With no NAME every generator runs, in the order listed (`make fixtures` does this); `--list` shows
them. The generated files are committed, so the tests never need LibreOffice; the generators that
write PDFs (or Excel files with cached formula values) do, with fonts-noto-cjk. Re-running
reproduces the same bytes (fixed dates, fixed PDF ids), except in unseen, unseen-targets,
pdf-samples and xlsx-formulas, whose files carry the dates (and PDF ids) of the run. `--fixtures DIR`
writes into another folder (e.g. a copy, to compare); `--only` limits the publications and
pdf-samples generators to some files.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))  # the generators import the building blocks as `fixturegen`

# name → (module in fixturegen/generators/, what it writes under fixtures/). The order matters:
# `tables` rebuilds nanjie-2024 from scratch, and evaluator-inputs, nanjie-final-accounts, self-eval
# and reports add to it after.
GENERATORS = {
    "tables": ("tables", "monitoring/, nanjie-2024/ (rebuilt), targets/, bad/: the tables of data.py, targets_data.py"),
    "unseen": ("unseen", "unseen/: monitoring tables in published layouts"),
    "unseen-targets": ("unseen_targets", "unseen-targets/: 绩效目标表 in published layouts"),
    "pdf-samples": ("pdf_samples", "formats/pdf/: the PDF extractor's samples"),
    "xlsx-formulas": ("xlsx_formulas", "formats/xlsx/: a workbook with cached formula values"),
    "evaluator-inputs": ("evaluator_inputs", "nanjie-2024/: the 评分录入表 (evaluator's scores)"),
    "nanjie-final-accounts": ("nanjie_final_accounts", "nanjie-2024/: the 2024 部门决算 PDF"),
    "publications": ("publications", "publications/: 部门决算 publications and variants with planted errors"),
    "self-eval": ("self_eval", "self-eval/ and nanjie-2024/: 绩效自评表"),
    "reports": ("reports", "reports/ and nanjie-2024/: 监控报告 / 自评报告 with their tables"),
    "dates": ("dates", "dates/: reports that end with a dated signature"),
    "blind": ("blind", "blind/: submissions written from the documentation only"),
    "blind2": ("blind2", "blind2/: the second such set"),
    "scans": ("scans", "scans/: image-only PDFs made from formats/pdf/ (read by OCR)"),
}
ACCEPT_ONLY = {"publications", "pdf-samples"}


def load(name: str):
    return importlib.import_module(f"fixturegen.generators.{GENERATORS[name][0]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.fixtures", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="generators to run (default: all, in order)")
    parser.add_argument("--list", action="store_true", help="list the generators and what each writes")
    parser.add_argument("--fixtures", type=Path, default=TOOLS.parent / "fixtures", help="output folder")
    parser.add_argument("--only", nargs="+", metavar="X",
                        help=f"file stems / sample names to write ({', '.join(sorted(ACCEPT_ONLY))} only)")
    args = parser.parse_args(argv)
    if args.list:
        for name in GENERATORS:
            print(f"{name:22} {GENERATORS[name][1]}")
        return
    unknown = [n for n in args.names if n not in GENERATORS]
    if unknown:
        parser.error(f"unknown generator {', '.join(unknown)}; choose from {', '.join(GENERATORS)}")
    names = [n for n in GENERATORS if n in args.names] if args.names else list(GENERATORS)
    if args.only and not set(names) <= ACCEPT_ONLY:
        parser.error(f"--only works with {', '.join(sorted(ACCEPT_ONLY))} alone")
    fixtures = args.fixtures.resolve()
    for name in names:
        start = time.monotonic()
        print(f"{name}:", flush=True)
        module = load(name)
        if name in ACCEPT_ONLY:
            module.generate(fixtures, only=args.only)
        else:
            module.generate(fixtures)
        print(f"{name}: {time.monotonic() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
