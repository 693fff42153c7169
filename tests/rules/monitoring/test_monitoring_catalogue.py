"""The catalogue: every rule has a valid entry; the MON rules are the expected ones, one module each."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)
import re

from schemas.findings import Severity

# ---------------------------------------------------------------- catalogue


EXPECTED_RULES = {
    "MON001": ("execution_rate_mismatch", "error"),
    "MON002": ("line_sum_mismatch", "error"),
    "MON003": ("cumulative_decrease", "error"),
    "MON004": ("annual_budget_changed", "warning"),
    "MON005": ("execution_below_threshold", "warning"),
    "MON006": ("deviation_without_reason", "warning"),
    "MON007": ("deviation_without_measure", "warning"),
    "MON008": ("forecast_below_target_but_certain", "warning"),
    "MON009": ("negative_amount", "error"),
}


def test_catalogue_entries():
    rules = all_rules()
    config = load_config()["rules"]
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert len({r.name for r in rules}) == len(rules)
    for r in rules:
        entry = config[r.id]
        assert entry["severity"] in {s.value for s in Severity}
        assert isinstance(entry["message"], str) and entry["message"].strip()
        assert "enabled" in entry
    monitoring = {r.id: r for r in rules if r.func.__module__.startswith("checks.monitoring.")}
    assert all(r.func.__module__ == f"checks.monitoring.{r.id.lower()}_{r.name}" for r in monitoring.values())
    assert all(re.fullmatch(r"MON\d{3}", rid) for rid in monitoring)
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in monitoring.items()} == EXPECTED_RULES
