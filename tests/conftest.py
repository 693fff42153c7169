"""Shared test helpers.

`need(...)` marks a test's dependency on something outside the repo (../shared, a system
program). Locally a missing dependency skips the test; with CI=true it fails, so CI can never
pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
REALDOCS = SHARED / "realdocs"


def need(condition: bool, what: str) -> None:
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"missing test dependency (CI=true): {what}")
    pytest.skip(f"missing test dependency: {what}")


def need_file(path: Path) -> Path:
    need(path.exists(), str(path))
    return path


def need_program(name: str) -> str:
    found = shutil.which(name)
    need(found is not None, f"program {name!r} on PATH")
    return found  # type: ignore[return-value]


@pytest.fixture
def realdocs() -> Path:
    need(REALDOCS.is_dir(), f"{REALDOCS} (../shared beside the clone)")
    return REALDOCS


@pytest.fixture(scope="session")
def prefect_harness():
    """A throw-away Prefect API and database for the whole session (slow to start: share it)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def builtin_kinds_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Some test modules register document kinds of their own, which keeps documents in-process
    (a child process would not know them); a test of the child-process path uses this fixture to
    run with the built-in kinds only."""
    from extractors import kinds
    from runs.isolation import ISOLATION_ENV

    kinds.all_kinds()
    monkeypatch.setattr(kinds, "_REGISTRY", {n: k for n, k in kinds._REGISTRY.items()
                                             if k.parse.__module__.startswith("extractors.kinds")})
    monkeypatch.delenv(ISOLATION_ENV, raising=False)
