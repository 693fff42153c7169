"""The season summary's rows, from the run folders under an output root (runs/store.py reads them
from the store instead), and writing it beside the run folders (output/summary/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Collection

from reporting.summary import SummaryRow, summary_row, write_summary
from runs.paths import FINDINGS_JSON, SCORES_JSON, SUMMARY_DIR, SUMMARY_JSON, run_folders
from schemas.findings import Finding
from schemas.scoring import ScoreCard


def read_scores(folder: Path) -> list[ScoreCard]:
    """A run folder's score cards (none when it was not scored)."""
    path = folder / SCORES_JSON
    if not path.is_file():
        return []
    return [ScoreCard.model_validate(c) for c in json.loads(path.read_text("utf-8"))]


def collect(root: Path, skip: Collection[str] = ()) -> list[SummaryRow]:
    """From the run folders under `root` (except the run ids in `skip`)."""
    latest: dict[tuple[str, int | None], SummaryRow] = {}
    for run in run_folders(root, skip):  # oldest first: a later run of the same unit and year replaces the row
        cards = read_scores(run)
        if not cards:
            continue
        findings_path = run / FINDINGS_JSON
        findings = [Finding.model_validate(f) for f in json.loads(findings_path.read_text("utf-8"))] \
            if findings_path.is_file() else []
        errors = _run_errors(run)
        for card in cards:
            latest[(card.unit, card.year)] = summary_row(card, run.name, findings, errors)
    return sorted(latest.values(), key=lambda r: (r.unit, r.year or 0))


def _run_errors(run: Path) -> dict[str, int]:
    """The run's document errors by category, from its summary.json (none in runs written before)."""
    try:
        data = json.loads((run / SUMMARY_JSON).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    errors = data.get("errors") if isinstance(data, dict) else None
    return {str(k): int(v) for k, v in errors.items()} if isinstance(errors, dict) else {}


def write_season(root: Path, rows: list[SummaryRow] | None = None) -> tuple[list[SummaryRow], list[Path]]:
    """`root/summary/汇总.xlsx` and `汇总.html` of the rows given (e.g. from the run store), else of
    those collected from the run folders under `root`."""
    rows = collect(root) if rows is None else rows
    return rows, write_summary(root / SUMMARY_DIR, rows)
