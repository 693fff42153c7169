"""The catalogue: the RPT rules are the expected ones, one module each in checks/narrative_report/."""

from __future__ import annotations

from checks import all_rules, load_config

EXPECTED_RULES = {
    "RPT001": ("report_rate_miscalculated", "error"),
    "RPT002": ("report_amount_mismatch", "error"),
    "RPT003": ("report_rate_differs_from_table", "error"),
    "RPT004": ("report_deviation_analysis_missing", "warning"),
    "RPT005": ("report_measures_not_concrete", "warning"),
    "RPT006": ("report_change_miscalculated", "error"),
    "RPT007": ("report_indicator_differs_from_table", "error"),
    "RPT008": ("report_parts_differ_from_total", "error"),
}


def test_the_rpt_rules_live_one_per_module():
    config = load_config()["rules"]
    rpt = {r.id: r for r in all_rules() if r.id.startswith("RPT")}
    assert all(r.func.__module__ == f"checks.narrative_report.{r.id.lower()}_{r.name}" for r in rpt.values())
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in rpt.items()} == EXPECTED_RULES
