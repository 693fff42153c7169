"""XDC001–XDC004 together on the nanjie-2024 submission, and the rubric's use of XDC004."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)


def test_nanjie_budgets_agree_and_monitoring_stays_below_the_actual() -> None:
    found = run(nanjie_all(), "XDC001", "XDC002", "XDC003")
    assert found == []


def test_e3_takes_half_a_point_per_carried_indicator_at_most_one() -> None:
    from scoring import load_rubric
    from scoring.methods import Context, deduct_per_finding

    e3 = load_rubric().sub_indicator("E3")
    part = next(p for p in e3.rule.parts if "XDC004" in (p.model_extra or {}).get("rules", []))
    found = run(nanjie_all(), "XDC004")  # findings of the 2025 table, scored on the 2024 card
    one = deduct_per_finding(part, Context(UNIT, 2024, found[:1], []))
    assert one.deduct == D("0.5")
    result = deduct_per_finding(part, Context(UNIT, 2024, found, []))
    assert result.deduct == D("1") and len(result.deduction.fingerprints) == 10
    assert deduct_per_finding(part, Context(UNIT, 2024, [], [])).deduct == 0
