"""The catalogue: the TGT rules are the expected ones, one module each (checks/targets/)."""

from __future__ import annotations

import re

from checks import all_rules, load_config


EXPECTED_RULES = {
    "TGT001": ("quantitative_share_below_benchmark", "warning"),
    "TGT002": ("vague_qualitative_value", "notice"),
    "TGT003": ("required_section_missing", "warning"),
    "TGT004": ("catch_all_indicator", "warning"),
    "TGT005": ("satisfaction_undifferentiated", "warning"),
    "TGT006": ("task_amounts_mismatch", "error"),
    "TGT007": ("goal_text_amount_mismatch", "error"),
    "TGT008": ("duplicate_indicator", "warning"),
}


def test_catalogue_entries():
    config = load_config()["rules"]
    targets = {r.id: r for r in all_rules() if r.id in EXPECTED_RULES}
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in targets.items()} == EXPECTED_RULES
    for rid in targets:
        assert config[rid]["enabled"] is True and config[rid]["title"] and config[rid]["message"].strip()
    assert load_config()["settings"]["quantitative_benchmark"] == 80


def test_amount_rules_catalogue_entries() -> None:
    config = load_config()["rules"]
    ours = {r.id: r for r in all_rules() if r.id in ("TGT009", "TGT010", "TGT011")}
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in ours.items()} == {
        "TGT009": ("amount_unit_contradiction", "warning"),
        "TGT010": ("cost_ceiling_mismatch", "warning"),
        "TGT011": ("basis_amount_mismatch", "warning"),
    }
    for rid in ours:
        entry = config[rid]
        assert entry["enabled"] is True and entry["title"] and entry["params"]
        assert "{source}" not in entry["message"]  # outputs render the source


def test_every_target_rule_has_its_own_module():
    rules = {r.id: r for r in all_rules() if r.func.__module__.startswith("checks.targets.")}
    assert sorted(rules) == [f"TGT{i:03d}" for i in range(1, 12)]
    assert all(re.fullmatch(r"TGT\d{3}", rid) for rid in rules)
    assert all(r.func.__module__ == f"checks.targets.{r.id.lower()}_{r.name}" for r in rules.values())
