"""Targets ↔ monitoring cross-checks LNK001–LNK002: monitoring indicators against the approved
target table of the same unit, year and project."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import all_rules, load_config, run_checks
from checks.links import same_unit, same_value, similarity
from extractors.indicator_values import parse_indicator_value
from schemas.findings import Finding, Severity, Subject
from schemas.monitoring import IndicatorProgress, MonitoringReport
from schemas.provenance import SourceRef
from schemas.records import Attribute
from tests.rules.targets.builders import (
    F2024,
    NANJIE_2024_INDICATORS,
    UNIT,
    build_table,
    nanjie_table,
    pdf_cell,
)

SHEET = "监控表"
IND_FIRST_ROW = 20  # monitoring indicator block: A 一级, B 二级, C 三级, D 年度指标值


def monitoring_file(months: int, unit: str, year: int) -> str:
    return f"{unit}{year}年1-{months}月部门整体绩效运行监控表.xlsx"


def build_monitoring(indicators: list[tuple[str, str, str, str]], *, months: int = 6, unit: str = UNIT,
                     year: int = 2024, kind: str = "unit", project: str | None = None) -> MonitoringReport:
    fname = monitoring_file(months, unit, year)

    def r(row: int, col: int) -> SourceRef:
        return SourceRef(file_sha256="d" * 64, file_name=fname, sheet=SHEET, row=row, column=col)

    inds = [
        IndicatorProgress(level1=l1, level2=l2, level3=l3, ref=r(IND_FIRST_ROW + i, 3),
                          target=parse_indicator_value(target, r(IND_FIRST_ROW + i, 4)))
        for i, (l1, l2, l3, target) in enumerate(indicators)
    ]
    return MonitoringReport(
        kind=kind, unit=Attribute(value=unit, raw=unit), year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年"), period_months=months,
        period_attr=Attribute(value=f"1-{months}月", raw=f"1-{months}月"),
        project=Attribute(value=project, raw=project) if project else None,
        amount_unit="万元", file_name=fname, file_sha256="d" * 64, indicators=inds,
    )


def run(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=[rule_id])


def links(records, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=["LNK001", "LNK002"])


def replaced(name: str, new: tuple[str, str, str, str]) -> list[tuple[str, str, str, str]]:
    """nanjie's 17 indicators with one row replaced."""
    return [new if row[2] == name else row for row in NANJIE_2024_INDICATORS]


SMALL_TARGETS = [("部门管理", "资产管理", "固定资产利用率", "≥95%"),
                 ("部门管理", "人员管理", "在职人员控制率", "≤100%")]


# ---------------------------------------------------------------- nanjie-2024


def test_nanjie_monitoring_matches_the_approved_targets():
    records = [nanjie_table(2024), nanjie_table(2025),
               build_monitoring(NANJIE_2024_INDICATORS, months=6), build_monitoring(NANJIE_2024_INDICATORS, months=9)]
    assert links(records) == []


def test_nanjie_changed_target_is_found_in_each_period():
    changed = replaced("项目支出预算执行率", ("部门管理", "资金投入", "项目支出预算执行率", "≥85%"))
    records = [nanjie_table(2024), nanjie_table(2025), build_monitoring(changed, months=6),
               build_monitoring(changed, months=9)]
    found = links(records)
    assert {(f.rule_id, f.subject.period, f.subject.line) for f in found} == {
        ("LNK002", "1-6月", "项目支出预算执行率"), ("LNK002", "1-9月", "项目支出预算执行率")}
    f = next(x for x in found if x.subject.period == "1-6月")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, period="1-6月", line="项目支出预算执行率", column="年度指标值")
    assert (f.details["monitored"], f.details["approved"]) == ("≥85%", "≥90%")
    assert f.text == (
        "南街街道办事处2024年1-6月部门整体绩效运行监控表中，指标“项目支出预算执行率”的年度指标值填报为“≥85%”，"
        "与批复的2024年度部门整体支出绩效目标表中的指标值“≥90%”不一致，请核实是否经批准调整。"
        f"（来源：{monitoring_file(6, UNIT, 2024)} 监控表!D22；{F2024} 第1页 表1 第14行第4列）"
    )
    assert [e.ref.label for e in f.evidence] == ["监控表!D22", pdf_cell(14, 4)]
    assert [e.raw for e in f.evidence] == ["≥85%", "≥90%"]
    assert [e.role for e in f.evidence] == ["年度指标值（项目支出预算执行率）", "批复指标值（项目支出预算执行率）"]


# ---------------------------------------------------------------- LNK001


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


def test_lnk002_qualitative_value_changed():
    changed = replaced("资产管理规范性", ("部门管理", "资产管理", "资产管理规范性", "基本规范"))
    (f,) = run([nanjie_table(2024), build_monitoring(changed)], "LNK002")
    assert f.subject.line == "资产管理规范性"
    assert "年度指标值填报为“基本规范”，与批复的2024年度部门整体支出绩效目标表中的指标值“规范”不一致" in f.message


def test_lnk002_same_target_written_differently_is_fine():
    changed = replaced("项目支出预算执行率", ("部门管理", "资金投入", "项目支出预算执行率", "≥90.0%"))
    changed = [("部门管理", "资金投入", "基本支出预算执行率", "=100%") if r[2] == "基本支出预算执行率" else r
               for r in changed]
    changed = [("部门管理", "制度管理", "内控制度健全性", "健 全") if r[2] == "内控制度健全性" else r for r in changed]
    assert links([nanjie_table(2024), build_monitoring(changed)]) == []
    # a monitoring table that leaves 年度指标值 blank reports nothing to compare
    blank = replaced("固定资产利用率", ("部门管理", "资产管理", "固定资产利用率", ""))
    assert links([nanjie_table(2024), build_monitoring(blank)]) == []


def test_same_value_and_same_unit():
    p = parse_indicator_value
    assert same_value(p("≥90%"), p("不低于90%"))
    assert not same_value(p("≥90%"), p("≤90%"))
    assert not same_value(p("12次"), p("12个"))
    assert not same_value(p("12次"), p("按月"))
    assert same_unit("甘州区南街街道办事处", "南街街道办事处") and same_unit("南街街道办事处", "南街街道办事处 ")
    assert not same_unit("南街街道办事处", "东街街道办事处") and not same_unit("", "南街街道办事处")


def test_catalogue_entries():
    config = load_config()["rules"]
    found = {r.id: (r.name, config[r.id]["severity"]) for r in all_rules() if r.func.__module__ == "checks.links"}
    assert found == {"LNK001": ("monitoring_indicator_not_approved", "warning"),
                     "LNK002": ("monitoring_target_changed", "warning")}
