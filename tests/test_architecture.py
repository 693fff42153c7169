"""The layers of docs/architecture.md hold: a package imports only packages below it
(schemas → extractors → checks → scoring → reporting → runs → flows), so there is no cycle
between packages; and the lower packages import other project packages at module level, not
inside functions where a cycle would hide. Package level only: how a package is split into
modules is its own business."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["schemas", "extractors", "checks", "scoring", "reporting", "runs", "flows"]
# Packages whose functions may import other packages lazily, each with a comment saying why: the
# CLI (start-up cost of `jixiao`), and checks/ (restructured on its own).
LAZY_ALLOWED = {"flows", "checks"}


def _imports(path: Path, package: str) -> list[tuple[str, int, bool, str]]:
    """(imported top-level project package, line, inside a function, the line's text) per import."""
    source = path.read_text("utf-8")
    lines = source.splitlines()
    module = path.with_suffix("").name
    found: list[tuple[str, int, bool, str]] = []

    def targets(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [a.name for a in node.names]
        if node.level:  # relative: within this package
            return [package]
        return [node.module or ""]

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for name in targets(child):
                    top = name.split(".")[0]
                    if top in LAYERS:
                        found.append((top, child.lineno, in_function, lines[child.lineno - 1]))
            walk(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    walk(ast.parse(source, filename=module), False)
    return found


def _all_imports() -> dict[str, list[tuple[Path, str, int, bool, str]]]:
    out: dict[str, list[tuple[Path, str, int, bool, str]]] = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            for top, line, lazy, text in _imports(path, package):
                out.setdefault(package, []).append((path, top, line, lazy, text))
    return out


def test_packages_import_only_packages_below_them() -> None:
    upward = [f"{path.relative_to(ROOT)}:{line} {package} → {top}"
              for package, found in _all_imports().items()
              for path, top, line, _, _ in found if LAYERS.index(top) > LAYERS.index(package)]
    assert upward == []


def test_no_cycle_between_packages() -> None:
    edges = {(package, top) for package, found in _all_imports().items() for _, top, _, _, _ in found
             if top != package}
    graph = {p: {b for a, b in edges if a == p} for p in LAYERS}
    state: dict[str, int] = {}

    def cycle_from(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return trail + [node, nxt]
            if nxt not in state and (found := cycle_from(nxt, trail + [node])):
                return found
        state[node] = 2
        return None

    cycles = [c for p in LAYERS if p not in state for c in [cycle_from(p, [])] if c]
    assert cycles == []


def test_lower_packages_import_other_packages_at_module_level() -> None:
    """Inside a function only with a comment saying why (an optional dependency, a measured
    start-up cost), on the import's line or the line above it."""
    hidden = []
    for package, found in _all_imports().items():
        if package in LAZY_ALLOWED:
            continue
        for path, top, line, lazy, text in found:
            if not lazy or top == package:
                continue
            above = path.read_text("utf-8").splitlines()[line - 2].strip() if line > 1 else ""
            if "#" not in text and not above.startswith("#"):
                hidden.append(f"{path.relative_to(ROOT)}:{line} {text.strip()}")
    assert hidden == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk finds imports at module level and inside functions, absolute and relative."""
    module = ROOT / "scoring" / "card.py"
    found = _imports(module, "scoring")
    assert found and all(top in LAYERS for top, _, _, _ in found)
    fake = tmp_path / "probe.py"
    fake.write_text("from schemas.run import DocumentResult\nfrom . import sibling\n\n"
                    "def f():\n    from runs.paths import RUN_ID\n", encoding="utf-8")
    assert [(top, lazy) for top, _, lazy, _ in _imports(fake, "schemas")] == [
        ("schemas", False), ("schemas", False), ("runs", True)]
