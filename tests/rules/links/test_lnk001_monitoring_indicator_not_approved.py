"""LNK001 monitoring_indicator_not_approved: a monitoring indicator the approved target table does not hold."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import load_config
from tests.rules.links.builders import *  # noqa: F403 (the monitoring builders and the target tables)
from checks.common.links import similarity


def test_lnk001_indicator_not_approved_unit_with_district_prefix():
    target = build_table(SMALL_TARGETS)
    report = build_monitoring([SMALL_TARGETS[0], ("部门管理", "人员管理", "在职人员数量", "≤30人")],
                              unit="甘州区南街街道办事处")
    (f,) = run([target, report], "LNK001")
    assert f.subject == Subject(unit="甘州区南街街道办事处", year=2024, period="1-6月", line="在职人员数量",
                                column="三级指标")
    # 在职人员数量 / 在职人员控制率: 4 characters in common, 2·4 / (6 + 7)
    assert f.details["closest"] == "在职人员控制率" and f.details["similarity"] == "61.54"
    assert f.text == (
        "甘州区南街街道办事处2024年1-6月部门整体绩效运行监控表中，三级指标“在职人员数量”未见于批复的"
        "2024年度部门整体支出绩效目标表（最接近的批复指标为“在职人员控制率”，相似度61.54%），"
        "监控指标与批复的绩效目标不一致。"
        f"（来源：{monitoring_file(6, '甘州区南街街道办事处', 2024)} 监控表!C21；{F2024} 第1页 表1 第10行第3列）"
    )
    assert [e.raw for e in f.evidence] == ["在职人员数量", "在职人员控制率"]
    assert run([target, report], "LNK002") == []  # an unmatched indicator has no approved value


def test_lnk001_renamed_but_similar_indicator_matches():
    target = build_table(SMALL_TARGETS)
    report = build_monitoring([("部门管理", "资产管理", "固定资产的利用率", "≥95%"), SMALL_TARGETS[1]])
    assert links([target, report]) == []
    assert similarity("固定资产利用率", "固定资产的利用率") == Decimal(14) / Decimal(15)
    # matched, so a changed value is LNK002 (not LNK001)
    report = build_monitoring([("部门管理", "资产管理", "固定资产的利用率", "≥90%")])
    (f,) = links([target, report])
    assert f.rule_id == "LNK002" and f.details["approved_indicator"] == "固定资产利用率"
    assert f.details["similarity"] == "93.33"


def test_lnk001_only_where_the_target_table_is_in_the_submission():
    odd = [("部门履职", "重点履职", "党建活动开展次数", "≥12次")]
    target = build_table(SMALL_TARGETS)
    assert links([build_monitoring(odd)]) == []  # no target table at all
    assert links([target, build_monitoring(odd, unit="东关街道办事处")]) == []  # another unit
    assert links([target, build_monitoring(odd, year=2025)]) == []  # another year
    assert links([target, build_monitoring(odd, kind="project", project="社区服务")]) == []  # a project table
    project_target = build_table(SMALL_TARGETS, kind="project", project="社区服务")
    (f,) = links([project_target, build_monitoring(odd, kind="project", project="社区服务")])
    assert f.rule_id == "LNK001" and f.subject.project == "社区服务"
    assert "批复的2024年度“社区服务”项目支出绩效目标表" in f.message


def test_lnk_similarity_threshold_is_configuration(tmp_path: Path):
    target = build_table(SMALL_TARGETS)
    report = build_monitoring([("部门管理", "资产管理", "固定资产的利用率", "≥95%")])
    user = tmp_path / "rules.yaml"
    user.write_text("settings:\n  indicator_name_similarity: 0.95\n", encoding="utf-8")
    (f,) = links([target, report], config=load_config(user))
    assert f.rule_id == "LNK001" and f.details["similarity"] == "93.33" and f.details["threshold"] == "95.00"


# ---------------------------------------------------------------- LNK002

