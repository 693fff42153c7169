"""Regenerate fixtures/reports/ (narrative 监控报告 / 自评报告 with the monitoring tables they repeat)
and fixtures/expected/reports/ from tools/fixturegen/reports_data.py.

Usage: python tools/make_report_fixtures.py [--fixtures DIR]   (`make fixtures`; needs LibreOffice)

It also writes the 1-9月 监控报告 of the sample submission into fixtures/nanjie-2024/ with
fixtures/expected/nanjie-2024/<file>.json and findings-reports.json. tools/make_fixtures.py
rebuilds that folder from scratch, so run this after it (`make fixtures` does).

The generated files are committed, so tests never need LibreOffice. Re-running overwrites
fixtures/reports/ and fixtures/expected/reports/ and reproduces the same bytes (fixed dates,
fixed PDF ids).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixturegen.reports_build import ROOT, build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures", help="output folder")
    args = parser.parse_args()
    build(args.fixtures)


if __name__ == "__main__":
    main()
