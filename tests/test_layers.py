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
        assert {m for m in _imports(p) if m.startswith("schemas")} <= {"schemas.numbers", "schemas.provenance", "schemas.errors"}, p


def test_a_rule_module_importing_extractors_is_caught(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from extractors.text import fold\nimport extractors.kinds\n", encoding="utf-8")
    assert _imports(bad) == {"extractors.text", "extractors.kinds"}


# ---------------------------------------------------------------- one rule, one module


def _split_rule_modules() -> list[Path]:
    """checks/<area>/<id>_<name>.py: the areas already split into one module per rule."""
    return sorted(p for p in (ROOT / "checks").glob("*/*.py")
                  if p.parent.name != "common" and not p.name.startswith("_"))


def test_rule_modules_import_no_other_rule_module():
    areas = {p.parent.name for p in _split_rule_modules()} | {
        p.stem for p in (ROOT / "checks").glob("*.py") if p.stem not in ("__init__", "catalogue")}
    for p in _split_rule_modules():
        bad = sorted(m for m in _imports(p) if m.startswith("checks.") and m.split(".")[1] in areas)
        assert bad == [], p


def test_common_imports_no_rule_module():
    for p in sorted((ROOT / "checks" / "common").glob("*.py")):
        assert all(m.split(".")[:2] in (["checks", "common"], ["checks", "catalogue"]) or m == "checks"
                   for m in _imports(p) if m.startswith("checks")), p


def test_every_split_rule_has_a_docstring_params_and_both_tests():
    from checks import all_rules, load_config
    from checks.common.params import RuleParams

    config = load_config()["rules"]
    by_module = {r.func.__module__: r for r in all_rules()}
    assert _split_rule_modules()
    for p in _split_rule_modules():
        module = f"checks.{p.parent.name}.{p.stem}"
        r = by_module[module]
        assert p.stem == f"{r.id.lower()}_{r.name}"
        assert sum(1 for x in all_rules() if x.func.__module__ == module) == 1
        doc = ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or ""
        assert doc.startswith(f"{r.id} {r.name}:") and "Finds:" in doc and "Why it matters:" in doc \
            and "Example:" in doc, p
        # parameters: a model whose fields have no default (the one copy is rules.yaml)
        assert r.params is not None and issubclass(r.params, RuleParams), p
        assert all(f.is_required() for f in r.params.model_fields.values()), p
        assert set(r.params.model_fields) == set(config[r.id].get("params") or {}), p
        test = ROOT / "tests" / "rules" / p.parent.name / f"test_{p.stem}.py"
        tests = [n for n in ast.walk(ast.parse(test.read_text(encoding="utf-8")))
                 if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]
        assert len(tests) >= 2, test  # one that triggers the rule, one that does not
