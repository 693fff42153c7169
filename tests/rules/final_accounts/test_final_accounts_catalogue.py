"""The catalogue: the FIN rules are the expected ones, with their severities, one module each."""

from __future__ import annotations

from checks import all_rules, load_config

EXPECTED_RULES = {
    "FIN001": ("code_nesting_mismatch", "error"),
    "FIN002": ("total_row_mismatch", "error"),
    "FIN003": ("total_column_mismatch", "error"),
    "FIN004": ("basic_expenditure_mismatch", "error"),
    "FIN005": ("overview_sides_unequal", "error"),
    "FIN006": ("overview_composition_mismatch", "error"),
    "FIN007": ("cross_table_mismatch", "error"),
    "FIN008": ("part_exceeds_whole", "error"),
    "FIN009": ("required_table_missing", "error"),
    "FIN010": ("publication_without_tables", "warning"),
    "FIN011": ("empty_table_unexplained", "warning"),
    "FIN012": ("template_publication", "notice"),
    "FIN013": ("numbered_items_total_mismatch", "error"),
}


def test_fin_rules_one_module_each():
    config = load_config()["rules"]
    fin = {r.id: r for r in all_rules() if r.id.startswith("FIN")}
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in fin.items()} == EXPECTED_RULES
    assert all(r.func.__module__ == f"checks.final_accounts.{r.id.lower()}_{r.name}" for r in fin.values())
