"""Run machinery in plain Python (no Prefect): find the documents of a submission, process each
one into a `DocumentResult`, check them, and write `output/<run-id>/`. The Prefect flow and the
CLI in `flows/` only orchestrate these functions."""

from runs.discover import SubmissionError, discover
from runs.options import RunOptions
from runs.output import write_run
from runs.paths import make_run_id, output_root, update_latest
from runs.process import check_submission, failed_result, process_document

__all__ = [
    "RunOptions",
    "SubmissionError",
    "check_submission",
    "discover",
    "failed_result",
    "make_run_id",
    "output_root",
    "process_document",
    "update_latest",
    "write_run",
]
