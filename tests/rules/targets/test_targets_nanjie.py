"""TGT001–TGT008 together on the nanjie 2024 and 2025 tables: the expected findings and nothing else."""

from __future__ import annotations

from checks import load_config, run_checks
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_nanjie_expected_target_findings_and_nothing_else(nanjie):
    findings = run_checks(nanjie, config=load_config(), only=TARGET_RULES)
    vague_2024 = ["预算编制完整性", "财务管理制度健全性", "资金使用合规性", "政府采购规范性", "资产管理规范性",
                  "人员管理制度健全性", "内控制度健全性", "部门履职情况提升性", "部门效果达标率",
                  "服务对象满意度", "社会影响满意度"]
    vague_2025 = [n for n in vague_2024 if n != "部门履职情况提升性"]
    expected = set()
    for year, vague in ((2024, vague_2024), (2025, vague_2025)):
        expected |= {("TGT001", year, ""), ("TGT004", year, "部门履职"), ("TGT004", year, "部门效果"),
                     ("TGT005", year, "满意度"), ("TGT005", year, "服务对象满意度"),
                     ("TGT005", year, "社会影响满意度")}
        expected |= {("TGT002", year, name) for name in vague}
    expected.add(("TGT007", 2024, "年度总体目标"))
    got = [(f.rule_id, f.subject.year, f.subject.line) for f in findings]
    assert set(got) == expected
    assert len(got) == len(expected) == 2 * 6 + 11 + 10 + 1
    assert all(f.subject.unit == UNIT and f.subject.project == "" and f.subject.period == "" for f in findings)
