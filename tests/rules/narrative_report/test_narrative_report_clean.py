"""A clean report raises no RPT finding, alone or with its table."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_the_clean_report_raises_nothing_alone_or_with_its_table():
    clean = clean_report()
    assert [f.rule_id for f in run_checks([clean], load_config()) if f.rule_id.startswith("RPT")] == []
    assert [f.rule_id for f in run_checks([clean, table()], load_config()) if f.rule_id.startswith("RPT")] == []
