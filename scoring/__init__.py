"""The scoring stage: a rubric (data, scoring/rubrics/*.yaml) applied to a submission's records
and findings, plus the evaluator's judgements for what the documents cannot show, gives one
`schemas.scoring.ScoreCard` per unit and year. Plain Python, no Prefect."""

from scoring.card import score_submission
from scoring.evaluator import EvaluatorInputError, read_evaluator_inputs
from scoring.rubric import DEFAULT_RUBRIC, Rubric, RubricError, load_rubric

__all__ = [
    "DEFAULT_RUBRIC",
    "EvaluatorInputError",
    "Rubric",
    "RubricError",
    "load_rubric",
    "read_evaluator_inputs",
    "score_submission",
]
