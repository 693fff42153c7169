"""The layers of the code: rules (checks/) read records and text utilities, never the parsers."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def test_checks_import_nothing_from_extractors():
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in _imports(p) if m.split(".")[0] == "extractors")
                 for p in sorted((ROOT / "checks").rglob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_textnorm_imports_no_pipeline_layer():
    """textnorm is below parsers, rules and outputs: it may use the number model only."""
    for p in sorted((ROOT / "textnorm").rglob("*.py")):
        layers = {m.split(".")[0] for m in _imports(p)}
        assert not layers & {"extractors", "checks", "runs", "flows", "reporting", "scoring"}, p
        assert {m for m in _imports(p) if m.startswith("schemas")} <= {"schemas.numbers", "schemas.provenance"}, p


def test_a_rule_module_importing_extractors_is_caught(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from extractors.text import fold\nimport extractors.kinds\n", encoding="utf-8")
    assert _imports(bad) == {"extractors.text", "extractors.kinds"}
