"""The catalogue: the LNK rules are the expected ones, one module each."""

from __future__ import annotations

from checks import all_rules, load_config


def test_catalogue_entries():
    config = load_config()["rules"]
    found = {r.id: (r.name, config[r.id]["severity"]) for r in all_rules() if r.func.__module__.startswith("checks.links.")}
    assert found == {"LNK001": ("monitoring_indicator_not_approved", "warning"),
                     "LNK002": ("monitoring_target_changed", "warning")}
    assert {r.id: r.func.__module__ for r in all_rules() if r.id.startswith("LNK")} == {
        "LNK001": "checks.links.lnk001_monitoring_indicator_not_approved",
        "LNK002": "checks.links.lnk002_monitoring_target_changed"}
