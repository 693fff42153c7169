"""fixtures/monitoring, nanjie-2024, targets, bad and their records in fixtures/expected/, from
tools/fixturegen/data.py and tools/fixturegen/targets_data.py (绩效目标表).

Re-running overwrites the folders above (in expected/ only their own subfolders) and reproduces the
same bytes (fixed dates, fixed PDF ids). nanjie-2024 is rebuilt from scratch, so the generators that
add to it (evaluator-inputs, nanjie-final-accounts, self-eval, reports) run after this one.
"""

from __future__ import annotations

from pathlib import Path

from fixturegen.build import build


def generate(fixtures: Path) -> None:
    build(fixtures)
