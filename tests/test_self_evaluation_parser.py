"""The 绩效自评表 parser on hand-built documents ("<" merges left, "^" merges up). Expected values
are read off the grids by eye."""

from __future__ import annotations

from decimal import Decimal

import pytest

import builders
from extractors.kinds import ParseError, best_kind
from extractors.kinds.self_evaluation import detect, parse, split_deviation, split_points
from schemas.provenance import SourceRef

D = Decimal
REF = SourceRef(file_sha256="0" * 64, file_name="x.xlsx", sheet="S", row=1, column=1).with_label()

# A project table in the layout of a provincial budget system: scores in the 一级 labels,
# 指标方向 / 指标值 / 度量单位 split, 偏差原因 and 改进措施 in two columns, amounts in 元,
# a blank actual, and a 一级 cell left blank after a page break.
PROJECT = [
    ["项目支出绩效自评表", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ["（2024年度）", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ["项目名称", "农村饮水安全巩固提升", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ["主管部门", "[301]某县水利局", "<", "<", "<", "实施单位", "某县农村供水站", "<", "<", "<", "<"],
    ["项目资金（元）", "", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "<", "<"],
    ["^", "年度资金总额", "<", "1,000,000.00", "1,200,000.00", "1,080,000.00", "10", "90.00%", "9", "<", "<"],
    ["^", "其中：财政拨款", "<", "1,000,000.00", "1,200,000.00", "1,080,000.00", "—", "90.00%", "—", "<", "<"],
    ["年度总体目标", "预期目标", "<", "<", "<", "<", "实际完成情况", "<", "<", "<", "<"],
    ["^", "巩固提升12处供水工程", "<", "<", "<", "<", "完成11处", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因", "改进措施"],
    ["产出指标（50分）", "数量指标", "供水工程处数", "≥", "12", "处", "11", "30", "27", "1处因征地延后", "2025年5月底前由工程股负责完工"],
    ["^", "时效指标", "完工及时率", "正向", "100", "%", "", "20", "18", "", ""],
    ["", "质量指标", "水质达标率", "≥", "95", "%", "96", "10", "10", "", ""],
    ["满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "92", "10", "10", "", ""],
    ["总分", "<", "<", "<", "<", "<", "<", "100", "74", "", "<"],
]


def _doc(grid, file_name="自评表.xlsx", blocks=()):
    return builders.make_doc([builders.make_table(grid, file_name=file_name, sheet="S", order=10)], list(blocks),
                             file_name=file_name)


def test_project_table_in_a_split_layout():
    (rec,) = parse(_doc(PROJECT))
    assert rec.kind == "project" and rec.project.value == "农村饮水安全巩固提升"
    assert rec.unit.value == "某县农村供水站" and rec.department.value == "某县水利局"  # code dropped
    assert rec.year == 2024 and rec.amount_unit == "元"
    total = rec.line("资金总额")
    assert (total.annual_budget.value, total.executed.value, total.reported_rate.value) == (D(120), D(108), D("90.00"))
    assert total.annual_budget.printed == D("1200000.00") and total.annual_budget.raw == "1,200,000.00"
    assert (total.max_score.value, total.score.value) == (D(10), D(9))
    assert rec.line("财政拨款").max_score is None
    assert (rec.goal_expected.text, rec.goal_actual.text) == ("巩固提升12处供水工程", "完成11处")
    first, second, third, fourth = rec.indicators
    assert (first.level1, first.level1_points.value, first.level1_points.ref.label) == ("产出指标", D(50), "S!A11")
    assert (first.target.raw, first.target.operator, first.target.number, first.target.unit) == ("≥12处", "≥", D(12), "处")
    assert (first.actual.raw, first.actual.number) == ("11处", D(11))
    assert (first.reason.text, first.measure.text) == ("1处因征地延后", "2025年5月底前由工程股负责完工")
    # 正向 reads as ≥; a blank actual stays None; blank deviation cells give no reason or measure
    assert (second.target.raw, second.target.operator) == ("≥100%", "≥")
    assert second.actual is None and second.reason is None and second.measure is None
    # the 一级 cell blank after a page break continues the row above
    assert (third.level1, third.level1_points.value, third.level2) == ("产出指标", D(50), "质量指标")
    assert (fourth.level1, fourth.level1_points.value) == ("满意度指标", D(10))
    assert (rec.total_max.value, rec.total_score.value) == (D(100), D(74))


def test_detection_prefers_self_evaluation_over_monitoring_and_targets():
    doc = _doc(PROJECT)
    kind, confidence = best_kind(doc)
    assert kind.name == "self_evaluation" and confidence >= 0.9
    # a monitoring table (no 分值/得分 columns) is not a self-evaluation
    monitoring = [["南街街道办事处2024年1-6月绩效运行监控表", "<", "<", "<", "<"],
                  ["项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率"],
                  ["合计", "1164.62", "1164.62", "509.47", "43.75%"]]
    assert detect(_doc(monitoring)) < 0.5
    assert best_kind(_doc(monitoring))[0].name == "monitoring"


def test_inline_goal_and_unit_from_a_filled_in_line():
    grid = [
        ["资金情况", "<", "年初预算数", "调整后预算数", "实际支出数", "分值", "执行率", "得分"],
        ["部门预算总额", "<", "100.00", "100.00", "95.00", "10", "95.00%", "9.5"],
        ["年度总体目标", "预期目标：完成甲乙两项工作", "<", "<", "实际完成情况：已完成甲项", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "未完成原因和改进措施"],
        ["履职", "重点", "甲项工作完成率", "100%", "100%", "90", "90", ""],
        ["自评总分", "<", "<", "<", "<", "100", "99.5", ""],
    ]
    doc = _doc(grid, blocks=[(1, "某县农业农村局2024年度部门整体绩效自评表"), (2, "填报单位（盖章）：某县农业农村局  金额单位：万元")])
    (rec,) = parse(doc)
    assert (rec.kind, rec.unit.value, rec.year) == ("unit", "某县农业农村局", 2024)
    assert rec.lines[0].name == "合计" and rec.lines[0].executed.value == D("95.00")
    assert (rec.goal_expected.text, rec.goal_actual.text) == ("完成甲乙两项工作", "已完成甲项")
    assert rec.total_score.value == D("99.5")


def test_a_word_in_a_score_cell_is_named_and_the_form_still_read():
    grid = [row[:] for row in PROJECT]
    grid[5][8] = "九分"
    (rec,) = parse(_doc(grid))
    (cell,) = rec.unread_cells
    assert (cell.what, cell.raw, cell.problem, cell.ref.label) == ("第6行“资金总额”的“得分”", "九分", "不是数字", "S!I6")
    assert rec.line("资金总额").score is None and rec.indicators


def test_no_scored_block_is_a_clear_error():
    grid = [["部门整体支出绩效自评表", "<"], ["说明", "本单位2024年度无项目支出"]]
    with pytest.raises(ParseError, match="未找到自评表的预算执行表头") as err:
        parse(_doc(grid))
    assert (err.value.code, err.value.category) == ("parse.no_header", "parse")


@pytest.mark.parametrize("text, reason, measure", [
    ("部分设备老化，使用率下降", "部分设备老化，使用率下降", None),
    ("偏差原因：资金到位晚。改进措施：2025年3月前完成支付", "资金到位晚。", "2025年3月前完成支付"),
    ("原因：2个村暂缓；措施：由乡村建设股负责", "2个村暂缓", "由乡村建设股负责"),
    ("受天气影响。下一步将加强调度", "受天气影响。", "下一步将加强调度"),
    ("—", None, None),
])
def test_deviation_splits_into_reason_and_measure(text, reason, measure):
    r, m = split_deviation(text, REF)
    assert (r.text if r else None, m.text if m else None) == (reason.rstrip("。") if reason else None, measure)


def test_points_in_labels():
    assert split_points("产出指标（50分）", REF)[1].value == D(50)
    assert split_points("效益指标(30.5分)", REF)[0] == "效益指标"
    assert split_points("产出指标", REF) == ("产出指标", None)


def test_indicator_block_in_a_table_of_its_own_joins_the_budget_table():
    budget = [
        ["部门（单位）名称", "某街道办事处", "<", "<", "<", "<", "<"],
        ["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "200.00", "200.00", "180.00", "10", "90.00%", "9"],
    ]
    indicators = [
        ["年度总体目标", "预期目标", "<", "<", "实际完成情况", "<", "<"],
        ["^", "保障运转", "<", "<", "基本完成", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "服务人次", "≥1000人次", "1200人次", "90", "90"],
        ["总分", "<", "<", "<", "<", "100", "99"],
    ]
    doc = builders.make_doc(
        [builders.make_table(budget, index=1, order=2, file_name="自评表.docx"),
         builders.make_table(indicators, index=2, order=3, file_name="自评表.docx")],
        [(1, "部门整体支出绩效自评表（2024年度）")], file_name="自评表.docx")
    (rec,) = parse(doc)
    assert (rec.unit.value, rec.year, rec.line("资金总额").score.value) == ("某街道办事处", 2024, D(9))
    assert (rec.goal_expected.text, rec.goal_actual.text) == ("保障运转", "基本完成")
    assert [i.level3 for i in rec.indicators] == ["服务人次"] and rec.indicators[0].ref.table == 2
    assert rec.total_score.value == D(99)


def test_a_budget_list_without_scores_is_no_self_evaluation():
    grid = [["部门整体支出绩效自评表", "<", "<", "<"], ["项目", "全年预算数", "全年执行数", "执行率"],
            ["合计", "100.00", "90.00", "90.00%"]]
    with pytest.raises(ParseError, match="未找到自评表"):
        parse(_doc(grid))


def test_two_row_budget_header():
    grid = [
        ["单位名称", "某县林业局", "<", "<", "<", "<", "<"],
        ["资金来源", "年初预算数", "全年预算数", "全年执行情况", "<", "评分", "<"],
        ["^", "^", "^", "执行数", "执行率", "分值", "得分"],
        ["年度资金总额", "50.00", "60.00", "54.00", "90.00%", "10", "9"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "造林面积", "≥500亩", "520亩", "90", "90"],
        ["总分", "<", "<", "<", "<", "100", "99"],
    ]
    (rec,) = parse(_doc(grid, blocks=[(1, "2024年度部门整体支出绩效自评表")]))
    line = rec.line("资金总额")
    assert (line.initial_budget.value, line.annual_budget.value, line.executed.value) == (D(50), D(60), D(54))
    assert (line.reported_rate.value, line.max_score.value, line.score.value) == (D("90.00"), D(10), D(9))
    assert rec.unit.value == "某县林业局" and rec.indicators[0].actual.number == D(520)


def test_a_word_in_an_amount_cell_is_named_and_the_form_still_read():
    grid = [row[:] for row in PROJECT]
    grid[5][5] = "见附件"
    (rec,) = parse(_doc(grid))
    (cell,) = rec.unread_cells
    assert (cell.what, cell.raw, cell.problem, cell.ref.label) == ("第6行“资金总额”的“全年执行数”", "见附件", "不是数字", "S!F6")
    line = rec.line("资金总额")
    assert line.executed is None and line.annual_budget is not None


# ---------------------------------------------------------------- 度量单位 printed in the actual

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
