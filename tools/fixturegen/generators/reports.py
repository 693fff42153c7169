"""fixtures/reports/ (narrative 监控报告 / 自评报告 with the monitoring tables they repeat) and
fixtures/expected/reports/, from tools/fixturegen/reports_data.py.

It also writes the 1-9月 监控报告 of the sample submission into fixtures/nanjie-2024/ with
fixtures/expected/nanjie-2024/<file>.json and findings-reports.json; `tables` rebuilds that folder
from scratch, so this runs after it. Re-running overwrites fixtures/reports/ and
fixtures/expected/reports/ and reproduces the same bytes (fixed dates, fixed PDF ids).
"""

from __future__ import annotations

from pathlib import Path

from fixturegen.reports_build import build


def generate(fixtures: Path) -> None:
    build(fixtures)
