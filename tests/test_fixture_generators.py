"""The fixture generators' entry point (tools/fixtures.py, `python -m tools.fixtures`): every
generator module is listed once and can be run by name, the tools stay in files of at most 500
lines, and a generator that needs no LibreOffice reproduces its committed file byte for byte."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT))
from tools import fixtures as entry  # noqa: E402

GENERATORS_DIR = ROOT / "tools" / "fixturegen" / "generators"


def test_every_generator_module_is_listed_once() -> None:
    modules = sorted(p.stem for p in GENERATORS_DIR.glob("*.py") if p.stem != "__init__")
    listed = [module for module, _ in entry.GENERATORS.values()]
    assert sorted(listed) == modules
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("name", list(entry.GENERATORS))
def test_every_generator_takes_the_fixtures_folder(name: str) -> None:
    params = list(inspect.signature(entry.load(name).generate).parameters)
    assert params[0] == "fixtures"
    assert ("only" in params) == (name in entry.ACCEPT_ONLY)


def test_no_tool_file_is_over_500_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "tools").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert long == {}


def test_the_list_names_every_generator_in_order() -> None:
    out = subprocess.run([sys.executable, "-m", "tools.fixtures", "--list"], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert [line.split()[0] for line in out.splitlines()] == list(entry.GENERATORS)


def test_an_unknown_generator_is_refused() -> None:
    proc = subprocess.run([sys.executable, "-m", "tools.fixtures", "no-such-generator"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "unknown generator no-such-generator" in proc.stderr


def test_evaluator_inputs_reproduces_the_committed_form(tmp_path) -> None:
    rel = entry.load("evaluator-inputs").FILE
    (tmp_path / rel).parent.mkdir(parents=True)
    entry.main(["--fixtures", str(tmp_path), "evaluator-inputs"])
    assert (tmp_path / rel).read_bytes() == (FIXTURES / rel).read_bytes()
