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

# The CLI's rich console takes its width from COLUMNS when it is created: a wide one, so that
# messages are not wrapped mid-word whether the tests run in a terminal or in xdist workers.
os.environ["COLUMNS"] = "250"
# As `jixiao run` has it (flows/cli.py): Prefect's console shows warnings only. The flows log at
# INFO; in one test process a console handler would outlive the streams CliRunner swaps in.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

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


POSTGRES_ENV = "JIXIAO_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database for one test, on the server $JIXIAO_TEST_POSTGRES_URL
    names (.ci/run starts one); dropped afterwards. Skipped locally without a server, failed
    under CI=true."""
    import uuid

    base = os.environ.get(POSTGRES_ENV)
    need(bool(base), f"a PostgreSQL server: set {POSTGRES_ENV} (.ci/run starts one)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        need(False, "the PostgreSQL driver psycopg (requirements.lock)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    name = f"jixiao_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        need(False, f"a PostgreSQL server reachable at {base} ({exc.orig})")
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """The run store's URL, once on SQLite and once on PostgreSQL: the same code on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("postgres_url")
