"""Run machinery in plain Python (no Prefect): find the documents of a submission, process each
one into a `DocumentResult`, check them, and write `output/<run-id>/`. The Prefect flow and the
CLI in `flows/` only orchestrate these functions.

The names below are loaded when first used: `jixiao check` needs `discover` and `process_document`
but not the writers of output files (openpyxl), which cost more to import than a small PDF to read.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "SubmissionError": "runs.discover",
    "discover": "runs.discover",
    "make_run_id": "runs.output",
    "output_root": "runs.output",
    "update_latest": "runs.output",
    "write_run": "runs.output",
    "check_submission": "runs.process",
    "failed_result": "runs.process",
    "process_document": "runs.process",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'runs' has no attribute {name!r}")
    return getattr(import_module(module), name)
