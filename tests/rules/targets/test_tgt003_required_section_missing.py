"""TGT003 required_section_missing: required 一级 sections, measured against the closest set."""

from __future__ import annotations

from pathlib import Path

from checks import load_config
from checks.common.targets import section_of
from schemas.findings import Severity, Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt003_missing_required_section():
    table = build_table(PROJECT_ROWS[:3], kind="project", project="居民技能培训", fmt="xlsx")
    (f,) = run([table], "TGT003")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, project="居民技能培训", line="满意度指标", column="一级指标")
    assert f.details["present_sections"] == ["产出指标", "效益指标"]
    assert f.text == (
        "南街街道办事处2024年度“居民技能培训”项目支出绩效目标表未设置一级指标“满意度指标”"
        "（现有一级指标：“产出指标”、“效益指标”），指标体系不完整。"
        f"（来源：{file_name(2024, 'xlsx', project='居民技能培训')} 目标表!C9、目标表!C11）"
    )
    assert labels(f) == ["目标表!C9", "目标表!C11"]


def test_tgt003_all_sections_present_in_printed_variants(nanjie):
    assert run(nanjie, "TGT003") == []
    rows = [("一、产出", *r[1:]) if r[0] == "产出指标" else r for r in PROJECT_ROWS]
    assert run([build_table(rows, kind="project", project="居民技能培训")], "TGT003") == []
    assert section_of("一、产出", ["产出指标", "效益指标"]) == "产出指标"
    assert section_of("部门履职目标", ["部门管理", "部门履职"]) == "部门履职"


def test_tgt003_unit_table_with_project_style_sections_is_a_legitimate_form():
    # Hubei form: a unit-wide table with 产出/效益/满意度 sections has all of that alternative
    unit_rows = [("一、产出指标", *r[1:]) if r[0] == "产出指标" else r for r in PROJECT_ROWS]
    assert run([build_table(unit_rows, kind="unit")], "TGT003") == []
    # measured against the alternative it follows most closely: 产出 + 效益 → only 满意度指标 missing
    (f,) = run([build_table(PROJECT_ROWS[:3], kind="unit")], "TGT003")
    assert f.subject == Subject(unit=UNIT, year=2024, line="满意度指标", column="一级指标")
    assert f.details["required_sections"] == ["产出指标", "效益指标", "满意度指标"]
    assert "南街街道办事处2024年度部门整体支出绩效目标表未设置一级指标“满意度指标”" in f.message
    # one 部门管理 section and nothing else: the first alternative (部门履职, 部门效果 missing)
    mixed = [("部门管理", "资金投入", "预算执行率", "≥90%")]
    got = run([build_table(mixed, kind="unit")], "TGT003")
    assert sorted(f.subject.line for f in got) == ["部门履职", "部门效果"]


def test_tgt003_alternatives_are_configuration(tmp_path: Path):
    user = tmp_path / "rules.yaml"
    # a flat list is a single set of required sections
    user.write_text("rules:\n  TGT003:\n    params:\n      required_sections:\n"
                    "        unit: [部门管理, 部门履职, 部门效果]\n", encoding="utf-8")
    got = run([build_table(PROJECT_ROWS, kind="unit")], "TGT003", config=load_config(user))
    assert sorted(f.subject.line for f in got) == ["部门履职", "部门效果", "部门管理"]
