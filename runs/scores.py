"""The scoring step of a run: the rubric over a submission's records and findings, with the
evaluator forms found in the submission folder (or the one given)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from runs.discover import evaluator_forms
from schemas.findings import Finding
from schemas.scoring import ScoreCard
from scoring.output import score_run


def score_records(records: Sequence[Any], findings: Sequence[Finding], submission: str | Path,
                  rubric: str | Path | None = None, evaluator_inputs: str | Path | None = None) -> list[ScoreCard]:
    """The score cards of a submission: `evaluator_inputs` when given (a bad form raises), else the
    evaluator forms found in the submission folder (a bad one is reported on the cards)."""
    forms = [] if evaluator_inputs else evaluator_forms(submission)
    return score_run(records, findings, rubric, evaluator_inputs, forms)
