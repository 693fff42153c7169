"""Run machinery in plain Python (no Prefect): find the documents of a submission, process each
one into a `DocumentResult`, check them, and write `output/<run-id>/`. The Prefect flow and the
CLI in `flows/` only orchestrate these functions.

The names below are loaded when first used: `jixiao check` needs `discover` and `process_document`
but not the writers of output files (openpyxl), which cost more to import than a small PDF to read.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Imported here (it needs nothing but the standard library): the function `discover` must stand
# in for the submodule of the same name, which the import system sets on the package when it loads it.
from runs.discover import SubmissionError, discover

_WHERE = {
    "make_run_id": "runs.output",
    "output_root": "runs.output",
    "update_latest": "runs.output",
    "write_run": "runs.output",
    "check_submission": "runs.process",
    "failed_result": "runs.process",
    "process_document": "runs.process",
}

__all__ = sorted([*_WHERE, "SubmissionError", "discover"])


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'runs' has no attribute {name!r}")
    return getattr(import_module(module), name)
