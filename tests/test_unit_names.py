"""Unit names across documents: `unit_key` / `same_unit` (checks/common/links.py) match the everyday
variants of one unit's name — a scope suffix (（本级）, 本部, 机关), a region prefix, the party
prefix 中共, full- or half-width brackets — and keep different units apart; XDC001 then compares
the budgets of a target table and a monitoring table that name their unit differently."""

from __future__ import annotations

import pytest

from checks import load_config, run_checks
from checks.common.links import same_unit, unit_key
from tests.rules.monitoring.builders import L, build_report
from tests.rules.monitoring.builders import file_name as monitoring_file
from tests.rules.targets.builders import build_table
from tests.rules.targets.builders import file_name as target_file

SAME = [
    ("甘州区教育局（本级）", "甘州区教育局"),
    ("甘州区教育局(本级)", "甘州区教育局"),
    ("甘州区教育局（本级）", "甘州区教育局(本级)"),
    ("深圳市宝安区松岗街道办事处（本级）", "松岗街道办事处"),
    ("甘州区教育局本部", "甘州区教育局"),
    ("甘州区教育局机关", "甘州区教育局"),
    ("甘州区教育局机关本级", "甘州区教育局（本级）"),
    ("中共上海市普陀区委社会工作部", "普陀区委社会工作部"),
    ("中共上海市普陀区委社会工作部", "上海市普陀区委社会工作部"),
    ("张掖市甘州区教育局", "甘州区教育局"),
    ("甘肃省张掖市甘州区教育局", "张掖市甘州区教育局（本级）"),
    ("张掖市甘州区教育局", "教育局"),
    ("甘州区南街街道办事处", "南街街道办事处"),
    ("南街街道办事处", "南街街道办事处 "),
    ("内蒙古自治区教育厅", "教育厅"),
    ("甘肃省临夏回族自治州教育局", "临夏回族自治州教育局"),
    ("徐州市沛县教育局", "沛县教育局"),
]

DIFFERENT = [
    ("甘州区教育局", "甘州区卫生健康局"),
    ("南街街道办事处", "北街街道办事处"),
    ("南街街道办事处", "东街街道办事处"),
    ("甘州区教育局", "临泽县教育局"),
    ("张掖市甘州区教育局（本级）", "张掖市临泽县教育局"),
    ("教育局（本级）", "教育局下属学校"),
    ("南京市鼓楼区教育局", "福州市鼓楼区教育局"),  # a level both state differs
    ("张掖市教育局", "张掖市甘州区教育局"),  # the city's bureau, not the district's
    ("深圳市教育局", "宝安区教育局"),
    ("普陀区委社会工作部", "静安区委社会工作部"),
    ("甘州区教育局（汇总）", "甘州区教育局"),  # 汇总 is a wider scope, not a listed suffix
    ("", "南街街道办事处"),
    ("  ", "  "),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_unit_through_everyday_variation(a: str, b: str) -> None:
    assert same_unit(a, b) and same_unit(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_units_stay_apart(a: str, b: str) -> None:
    assert not same_unit(a, b) and not same_unit(b, a)


def test_unit_key_drops_scope_suffix_party_prefix_and_width() -> None:
    assert unit_key("甘州区教育局（本级）") == "甘州区教育局"
    assert unit_key("甘州区教育局(本级)") == "甘州区教育局"
    assert unit_key("甘州区 教育局机关") == "甘州区教育局"
    assert unit_key("中共上海市普陀区委社会工作部") == "上海市普陀区委社会工作部"
    assert unit_key("深圳市宝安区松岗街道办事处（本级）") == "深圳市宝安区松岗街道办事处"
    assert unit_key("甘州区教育局下属学校") == "甘州区教育局下属学校"
    assert unit_key("") == "" and unit_key(None) == ""


def test_every_configured_suffix_is_set_aside() -> None:
    settings = load_config()["settings"]
    suffixes = settings["unit_name_suffixes"]
    assert {"（本级）", "本级", "本部", "机关", "机关本级"} <= set(suffixes)
    for suffix in suffixes:
        assert unit_key("甘州区教育局" + suffix) == "甘州区教育局", suffix
        assert same_unit("张掖市甘州区教育局" + suffix, "甘州区教育局"), suffix
        assert not same_unit("临泽县教育局" + suffix, "甘州区教育局"), suffix


# ---------------------------------------------------------------- XDC001 end to end

TARGET_UNIT = "甘州区教育局（本级）"
MONITORING_UNIT = "甘州区教育局"
INDICATORS = [("产出指标", "数量指标", "教师培训人次", "≥500人次")]


def xdc001(target_budget: str, monitoring_budget: str, monitoring_unit: str = MONITORING_UNIT):
    target = build_table(INDICATORS, unit=TARGET_UNIT, year=2024, budget=(target_budget, target_budget, "—"))
    report = build_report(6, [L("合计", None, monitoring_budget, "500.00")], unit=monitoring_unit, year=2024)
    return run_checks([target, report], config=load_config(), only=["XDC001"])


def test_xdc001_compares_budgets_of_the_same_unit_named_differently() -> None:
    found = xdc001("1200.00", "1400.00")
    assert len(found) == 1
    f = found[0]
    assert f.rule_id == "XDC001"
    assert f.subject.unit in (TARGET_UNIT, MONITORING_UNIT) and f.subject.year == 2024
    assert sorted(f.details["figures"].values()) == ["1200.00", "1400.00"]
    assert "1200.00万元" in f.message and "1400.00万元" in f.message
    assert f.details["files"] == sorted([target_file(2024, "pdf", TARGET_UNIT),
                                         monitoring_file(6, unit=MONITORING_UNIT, year=2024)])


def test_xdc001_equal_budgets_do_not_fire() -> None:
    assert xdc001("1200.00", "1200.00") == []


def test_xdc001_leaves_another_countys_bureau_alone() -> None:
    assert xdc001("1200.00", "1400.00", monitoring_unit="临泽县教育局") == []
