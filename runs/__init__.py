"""Run machinery in plain Python (no Prefect): find the documents of a submission, process each
one into a `DocumentResult`, check them, and write `output/<run-id>/` (runs.output.write_run,
with runs.options.RunOptions). The Prefect flow and the CLI in `flows/` only orchestrate these
functions. Only the light modules are imported here: `jixiao check` needs no database."""

from runs.discover import SubmissionError, discover
from runs.paths import make_run_id, output_root, update_latest
from runs.process import check_submission, failed_result, process_document

__all__ = [
    "SubmissionError",
    "check_submission",
    "discover",
    "failed_result",
    "make_run_id",
    "output_root",
    "process_document",
    "update_latest",
]
