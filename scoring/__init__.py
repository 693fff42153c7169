"""The scoring stage: a rubric (data, scoring/rubrics/*.yaml) applied to a submission's records
and findings, plus the evaluator's judgements for what the documents cannot show, gives one
`schemas.scoring.ScoreCard` per unit and year. Plain Python, no Prefect.

The names below are loaded when first used: finding a submission's documents asks only
`scoring.evaluator` whether a file is an evaluator's form, and should not load the scorer."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "DEFAULT_RUBRIC": "scoring.rubric",
    "EvaluatorInputError": "scoring.evaluator",
    "Rubric": "scoring.rubric",
    "RubricError": "scoring.rubric",
    "load_rubric": "scoring.rubric",
    "read_evaluator_inputs": "scoring.evaluator",
    "score_submission": "scoring.card",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    return getattr(import_module(module), name)
