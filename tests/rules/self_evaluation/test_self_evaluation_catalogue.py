"""The catalogue: the SLF rules, one module each."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)

from checks import all_rules, load_config


def test_catalogue_entries_slf001_to_slf009():
    config = load_config()["rules"]
    for rid in [f"SLF00{i}" for i in range(1, 10)]:
        assert config[rid]["title"] and config[rid]["severity"] in ("error", "warning", "notice")


def test_catalogue_entries_slf010_to_slf012():
    config = load_config()["rules"]
    rules = {r.id: r for r in all_rules() if r.func.__module__.startswith("checks.self_evaluation.") and r.id >= "SLF010"}
    assert sorted(rules) == ["SLF010", "SLF011", "SLF012"]
    for rid, r in rules.items():
        entry = config[rid]
        assert entry["enabled"] is True and entry["severity"] == r.default_severity and entry["title"]
        assert "params" in entry
        for key, text in entry.items():
            if key.startswith("message"):
                assert "{source}" not in text, (rid, key)  # outputs render the source


def test_one_module_per_rule():
    modules = {r.id: r.func.__module__ for r in all_rules() if r.id.startswith("SLF")}
    assert modules == {r.id: f"checks.self_evaluation.{r.id.lower()}_{r.name}" for r in all_rules() if r.id.startswith("SLF")}
    assert sorted(modules) == [f"SLF{i:03d}" for i in range(1, 13)]
