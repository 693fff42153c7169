"""The catalogue: the XDC rules are the expected ones, one module each."""

from __future__ import annotations

from checks import all_rules, load_config


def test_catalogue_entries():
    config = load_config()["rules"]
    found = {r.id: (r.name, config[r.id]["severity"], r.func.__module__) for r in all_rules() if r.id.startswith("XDC")}
    assert found == {
        "XDC001": ("annual_budget_inconsistent", "error", "checks.cross_document.xdc001_annual_budget_inconsistent"),
        "XDC002": ("monitoring_exceeds_final_accounts", "error",
                   "checks.cross_document.xdc002_monitoring_exceeds_final_accounts"),
        "XDC003": ("project_budgets_mismatch_unit", "warning", "checks.cross_document.xdc003_project_budgets_mismatch_unit"),
        "XDC004": ("criticised_indicator_carried_over", "warning",
                   "checks.cross_document.xdc004_criticised_indicator_carried_over"),
    }
