"""Regenerate fixtures/ (monitoring, nanjie-2024, targets, bad, expected) from tools/fixturegen/data.py
and tools/fixturegen/targets_data.py (绩效目标表).

Usage: python tools/make_fixtures.py [--fixtures DIR]   (`make fixtures`; needs LibreOffice)

The generated files are committed, so tests never need LibreOffice. Re-running overwrites the
folders above (in expected/ only their own subfolders) and reproduces the same bytes (fixed dates, fixed PDF ids).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixturegen.build import ROOT, build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures", help="output folder")
    args = parser.parse_args()
    build(args.fixtures)


if __name__ == "__main__":
    main()
