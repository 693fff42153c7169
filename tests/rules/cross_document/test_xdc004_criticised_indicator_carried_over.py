"""XDC004 criticised_indicator_carried_over: next year's targets repeat an indicator criticised this year."""

from __future__ import annotations

from tests.rules.cross_document.builders import *  # noqa: F403 (the nanjie records and the final accounts)

import json


def _expected_xdc004() -> list[tuple]:
    """From the generator's expected files, not from the parser: the 2025 indicators whose name
    and value repeat a 2024 indicator that the planted TGT002/TGT004/TGT005 findings criticise."""
    folder = FIXTURES / "expected" / "nanjie-2024"
    planted = json.loads((folder / "findings.json").read_text("utf-8"))
    criticised = {f["line"] for f in planted if f.get("year") == 2024 and f["rule_id"] in ("TGT002", "TGT005")
                  and f["column"] == "指标值"}
    tables = {}
    for p in folder.glob("*绩效目标表*.json"):
        rec = json.loads(p.read_text("utf-8"))
        t = rec["tables"][0]
        tables[t["year"]] = {i["level3"]: i["value"] for i in t["indicators"]}
    return sorted((UNIT, 2025, name, "指标值") for name in criticised
                  if name in tables[2025] and tables[2025][name] == tables[2024][name])


def test_nanjie_2025_targets_carry_the_criticised_indicators() -> None:
    found = run(nanjie_all(), "XDC004")
    keys = sorted((f.subject.unit, f.subject.year, f.subject.line, f.subject.column) for f in found)
    assert keys == _expected_xdc004()
    assert len(keys) == 10 and "部门履职情况提升性" not in {k[2] for k in keys}  # replaced in 2025
    planted = json.loads((FIXTURES / "expected" / "nanjie-2024" / "findings-xdoc.json").read_text("utf-8"))
    assert sorted((e["unit"], e["year"], e["line"], e["column"]) for e in planted) == keys
    satisfaction = next(f for f in found if f.subject.line == "服务对象满意度")
    assert satisfaction.details["criticised_by"] == ["TGT002", "TGT005"]
    assert "2025年部门整体支出绩效目标表仍沿用“服务对象满意度”（指标值“满意”）" in satisfaction.message
    assert [e.ref.file_name for e in satisfaction.evidence] == [F2025, F2025, F2024, F2024]


def test_xdc004_not_when_next_year_fixed_the_indicators() -> None:
    fixed = [(l1, l2, l3, "≥95%" if value in ("完整", "健全", "规范", "达标", "满意", "较好") else value)
             for l1, l2, l3, value in NANJIE_2025_INDICATORS]
    assert run([nanjie_table(2024), build_table(fixed, year=2025, fmt="docx")], "XDC004") == []
    # no next year's table, or next year's table of another unit: nothing to compare
    assert run([nanjie_table(2024)], "XDC004") == []
    other = build_table(NANJIE_2025_INDICATORS, year=2025, fmt="docx", unit="东街街道办事处")
    assert run([nanjie_table(2024), other], "XDC004") == []


def test_xdc004_respects_the_criticising_rules_configuration() -> None:
    config = load_config()
    config["rules"]["TGT002"]["enabled"] = False
    found = run_checks([nanjie_table(2024), nanjie_table(2025)], config=config, only=["XDC004"])
    assert sorted(f.subject.line for f in found) == ["服务对象满意度", "社会影响满意度", "部门效果达标率"]


# ---------------------------------------------------------------- the rubric's use of XDC004
