"""Fixes found by the second blind test (fixtures/blind2/RESULTS.md), one mechanism per test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractors.kinds.final_accounts import match_title


@pytest.mark.parametrize(("printed", "key"), [
    ("五、一般公共预算支出表", "一般公共预算支出功能分类预算表"),
    ("一般公共预算基本支出表", "一般公共预算基本支出部门预算经济分类预算表"),
    ("一般公共预算“三公”经费支出表", "“三公”经费预算表"),
    ("政府性基金预算支出表", "政府性基金预算支出功能分类预算表"),
    ("9.国有资本经营预算支出表", "国有资本经营预算支出功能分类预算表"),
    ("某区卫生健康局一般公共预算支出表", "一般公共预算支出功能分类预算表"),
])
def test_budget_table_titles_without_预算_before_表_are_recognised(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "预算")


@pytest.mark.parametrize(("printed", "key"), [
    ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"),
])
def test_final_accounts_titles_still_match_their_own_keys(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "决算")


def test_a_sentence_naming_a_budget_table_is_no_title() -> None:
    assert match_title("详见一般公共预算支出表，本年无变化。") is None


def _monitoring(indicator_header: list[list[str]]):
    from builders import make_doc, make_table

    from extractors.kinds.monitoring import parse as parse_monitoring
    from schemas.document import Format

    grid = [["支出项目", "年初预算数", "全年预算数", "截至9月底支出数", "执行率(%)", "", ""],
            ["合计", "100.00", "100.00", "75.00", "75.00", "", ""],
            *indicator_header,
            ["产出指标", "数量指标", "养护道路里程", "≥120公里", "95公里", "125公里", "确定能"],
            ["效益指标", "社会效益指标", "道路优良路率", "≥85%", "86%", "87%", "确定能"]]
    doc = make_doc([make_table(grid, file_name="表.docx")], blocks=[(0, "测试镇2024年1-9月部门整体支出绩效运行监控表")],
                   file_name="表.docx", fmt=Format.DOCX)
    (report,) = parse_monitoring(doc)
    return [(i.level1, i.level2, i.level3, i.target.raw, i.forecast.raw) for i in report.indicators]


def test_one_绩效指标_label_across_the_three_level_columns_names_一级_二级_三级() -> None:
    header = [["绩效指标", "<", "<", "年度指标值", "1-9月完成值", "全年预计完成值", "完成目标可能性"]]
    assert _monitoring(header) == [("产出指标", "数量指标", "养护道路里程", "≥120公里", "125公里"),
                                   ("效益指标", "社会效益指标", "道路优良路率", "≥85%", "87%")]


def test_a_label_over_one_column_stays_the_三级_column() -> None:
    header = [["一级指标", "二级指标", "绩效指标", "年度指标值", "1-9月完成值", "全年预计完成值", "完成目标可能性"]]
    assert _monitoring(header)[0] == ("产出指标", "数量指标", "养护道路里程", "≥120公里", "125公里")


def test_an_actual_that_prints_the_度量单位_itself_keeps_it_once() -> None:
    from builders import make_doc, make_table

    from extractors.kinds.self_evaluation import parse as parse_selfeval

    grid = [
        ["部门整体支出绩效自评表", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["部门（单位）名称", "测试县市场监督管理局", "<", "<", "<", "<", "<", "<", "<"],
        ["年度预算执行情况（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "<"],
        ["^", "年度资金总额", "100.00", "100.00", "98.00", "10", "98.00%", "9.80", "<"],
        ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值", "得分"],
        ["产出指标", "质量指标", "特种设备定期检验率", "=", "100", "%", "100%", "50", "50"],
        ["产出指标", "时效指标", "投诉举报按时办结率", "≥", "98", "%", "99.2", "20", "20"],
        ["满意度指标", "服务对象满意度指标", "消费者满意度", "≥", "90", "%", "93%", "20", "20"],
    ]
    (rec,) = parse_selfeval(make_doc([make_table(grid, sheet="S")], [(0, "2024年度部门整体支出绩效自评表")]))
    assert [(i.target.raw, i.actual.raw, i.actual.number) for i in rec.indicators] == [
        ("=100%", "100%", Decimal("100")), ("≥98%", "99.2%", Decimal("99.2")), ("≥90%", "93%", Decimal("93"))]


PARK = [
    ["项目名称", "城区公园绿地提升改造项目", "<", "<", "<"],
    ["主管部门", "梅川市城市管理局", "实施单位", "梅川市园林绿化服务中心", "<"],
    ["项目资金（万元）", "年度资金总额", "<", "850.00", "<"],
    ["年度总体目标", "完成城区4处公园绿地提升改造。", "<", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["^", "产出指标", "数量指标", "改造公园绿地面积", "≥12万平方米"],
    ["^", "满意度指标", "服务对象满意度指标", "周边居民满意度", "≥90%"],
]


def _target(tables):
    from builders import make_doc

    from extractors.kinds.targets import parse as parse_targets
    from schemas.document import Format

    (t,) = parse_targets(make_doc(tables, blocks=[(0, "2024年度项目支出绩效目标表")], file_name="目标.html",
                                  fmt=Format.HTML))
    return t


def test_a_goal_label_in_a_one_column_menu_is_not_the_goal_text() -> None:
    from builders import make_table

    menu = make_table([["栏目导航"], ["绩效目标"], ["绩效评价"]], index=1, order=1, file_name="目标.html")
    t = _target([menu, make_table(PARK, index=2, order=2, file_name="目标.html")])
    assert t.goal_text.text == "完成城区4处公园绿地提升改造。"
    assert [i.level3 for i in t.indicators] == ["改造公园绿地面积", "周边居民满意度"]


def test_a_goal_below_its_label_in_a_form_is_still_read() -> None:
    from builders import make_table

    grid = [row[:] for row in PARK]
    grid[3:4] = [["年度总体目标", "<", "<", "<", "<"], ["完成城区4处公园绿地提升改造。", "<", "<", "<", "<"]]
    t = _target([make_table(grid, file_name="目标.html")])
    assert t.goal_text.text == "完成城区4处公园绿地提升改造。"
