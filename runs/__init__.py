"""Run machinery in plain Python (no Prefect): find the documents of a submission, process each
one into a `DocumentResult`, check them, and write `output/<run-id>/` (runs.output.write_run,
with runs.options.RunOptions). The Prefect flow and the CLI in `flows/` only orchestrate these
functions. Only the light modules are imported here: `jixiao check` needs no database and no
writer of output files (openpyxl), which cost more to import than a small PDF to read."""

from __future__ import annotations

# Imported here (it needs nothing but the standard library): the function `discover` must stand
# in for the submodule of the same name, which the import system sets on the package when it loads it.
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
