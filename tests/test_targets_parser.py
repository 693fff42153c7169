"""The 绩效目标表 parser on hand-built documents and on small Word/Excel files written here.

Each grid is written the way such tables are laid out in the wild; `"<"` marks a cell merged with
its left neighbour and `"^"` one merged with the cell above (the builder resolves them the way
the extractors do: covered cells repeat the origin's text and point at it). Expected values are
read off the grids by eye.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import builders

from extractors.kinds import ParseError, best_kind, get_kind
from extractors.kinds import monitoring
from extractors.kinds.targets import classify_label, detect, is_title, normalise_label, parse
from schemas.document import Document, Format, Table
from tests.conftest import need

SHA = builders.SHA
D = Decimal


# ---------------------------------------------------------------------------------------------
# Builder


def make_table(grid: list[list[str]], **kw) -> Table:
    return builders.make_table(grid, **{"sheet": "目标表", "file_name": "目标表.xlsx", **kw})


def make_doc(tables: list[Table], blocks: list[tuple[int, str]] = (), **kw) -> Document:
    return builders.make_doc(tables, blocks, **{"file_name": "目标表.xlsx", **kw})


def values(table) -> list[tuple]:
    return [(i.level1, i.level2, i.level3, i.value.raw if i.value else None) for i in table.indicators]


GOAL_2024 = ("2024年通过缴纳街道、社区水费、电费、电话网络费，报销差旅费，足额发放各社区工作者工资及社保等工作，"
             "支出不超过预算1286.43万元，有效保障基层工作有条不紊的进行。")

# The Gansu 部门整体支出绩效目标表 as one Excel sheet: title and 填报单位 inside the grid, a
# 年度预算 group label merged down beside label/value rows, a task block with 金额合计, the goal
# text beside its label, a caption row, the indicator block with merged 一级/二级, a note row.
GANSU = [
    ["南街街道办事处2024年度部门整体支出绩效目标表", "<", "<", "<", "<"],
    ["填报单位（盖章）：南街街道办事处", "<", "<", "单位：万元", "<"],
    ["部门（单位）名称", "<", "南街街道办事处", "<", "<"],
    ["年度预算（万元）", "资金总额", "<", "1164.62", "<"],
    ["^", "其中：财政拨款", "<", "1164.62", "<"],
    ["^", "其他资金", "<", "—", "<"],
    ["年度主要任务", "任务名称", "主要内容", "<", "预算金额（万元）"],
    ["^", "人员经费保障", "足额发放各社区民选副主任及社区工作者工资及社保", "<", "958.63"],
    ["^", "日常运转保障", "缴纳街道、社区水费、电费、电话网络费，报销差旅费", "<", "71.62"],
    ["^", "宣传及办公保障", "购置各类办公用品及印刷各类宣传版面、资料", "<", "134.37"],
    ["^", "金额合计", "<", "<", "1164.62"],
    ["年度总体目标", GOAL_2024, "<", "<", "<"],
    ["年度绩效指标", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "<", "指标值"],
    ["部门管理", "资金投入", "预算编制完整性", "<", "完整"],
    ["^", "^", "基本支出预算执行率", "<", "100%"],
    ["^", "财务管理", "财务管理制度健全性", "<", "健全"],
    ["部门履职", "重点履职", "部门履职情况提升性", "<", "有效提升"],
    ["部门效果", "服务对象满意度", "服务对象满意度", "<", "满意"],
    ["填报说明：指标值应可衡量，定量指标写明运算符、数值和单位。", "<", "<", "<", "<"],
    ["单位负责人：", "<", "填报日期：2024年2月26日", "<", "<"],
]


# ---------------------------------------------------------------------------------------------
# The whole table


def test_registered():
    kind = get_kind("targets")
    assert kind.label == "绩效目标表"
    assert kind.parse is parse and kind.detect is detect


def test_gansu_unit_table_header_and_budget_rows():
    (t,) = parse(make_doc([make_table(GANSU)]))
    assert t.record_type == "target_table" and t.kind == "unit"
    assert (t.unit.value, t.year, t.amount_unit) == ("南街街道办事处", 2024, "万元")
    # the 部门（单位）名称 cell wins over the inline 填报单位 line
    assert t.unit.ref.label == "目标表!C3" and t.unit.source == "content"
    assert t.year_attr.ref.label == "目标表!A1"
    assert (t.project, t.department, t.implementing_unit) == (None, None, None)
    assert t.budget_total.value == D("1164.62") and t.budget_total.ref.label == "目标表!D4"
    assert t.budget_total.printed_unit == "万元" and t.budget_total.decimals == 2
    assert t.budget_fiscal.value == D("1164.62") and t.budget_fiscal.ref.label == "目标表!D5"
    # 其他资金 printed as “—”: a zero, and marked as written blank
    other = t.budget_other
    assert (other.value, other.blank, other.raw, other.ref.label) == (D(0), True, "—", "目标表!D6")
    assert (t.file_name, t.file_sha256) == ("目标表.xlsx", SHA)


def test_gansu_tasks_goal_and_indicators():
    (t,) = parse(make_doc([make_table(GANSU)]))
    assert [(k.name, k.content.text, k.amount.value) for k in t.tasks] == [
        ("人员经费保障", "足额发放各社区民选副主任及社区工作者工资及社保", D("958.63")),
        ("日常运转保障", "缴纳街道、社区水费、电费、电话网络费，报销差旅费", D("71.62")),
        ("宣传及办公保障", "购置各类办公用品及印刷各类宣传版面、资料", D("134.37")),
    ]
    assert [k.ref.label for k in t.tasks] == ["目标表!B8", "目标表!B9", "目标表!B10"]
    assert t.tasks[0].content.ref.label == "目标表!C8" and t.tasks[0].amount.ref.label == "目标表!E8"
    assert t.tasks_total.value == D("1164.62") and t.tasks_total.ref.label == "目标表!E11"
    assert t.goal_text.text == GOAL_2024 and t.goal_text.ref.label == "目标表!B12"
    # the note row under the block is no indicator; merged 一级/二级 cells are carried
    assert values(t) == [
        ("部门管理", "资金投入", "预算编制完整性", "完整"),
        ("部门管理", "资金投入", "基本支出预算执行率", "100%"),
        ("部门管理", "财务管理", "财务管理制度健全性", "健全"),
        ("部门履职", "重点履职", "部门履职情况提升性", "有效提升"),
        ("部门效果", "服务对象满意度", "服务对象满意度", "满意"),
    ]
    second = t.indicators[1]
    assert second.ref.label == "目标表!C16"
    v = second.value
    assert (v.operator, v.number, v.unit, v.quantitative) == (None, D("100"), "%", True)
    assert v.ref.label == "目标表!E16" and [r.label for r in second.value_cells] == ["目标表!E16"]
    assert t.indicators[0].value.quantitative is False


# Qinghe: budget as a header row over a value row, amounts in 元 with thousands separators, the
# value split into 指标方向 | 指标值 | 度量单位 under a two-row header with 指标值 merged over them.
QINGHE = [
    ["部门（单位）名称", "<", "青河县教育局", "<", "<", "<"],
    ["年度资金总额", "<", "财政拨款", "<", "其他资金", "<"],
    ["47,113,200.00", "<", "45,863,200.00", "<", "1,250,000.00", "<"],
    ["年度总体目标", "2024年安排部门预算资金4711.32万元，保障全县中小学校正常运转。", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标值", "<", "<"],
    ["^", "^", "^", "指标方向", "指标值", "度量单位"],
    ["部门管理", "资金投入", "项目支出预算执行率", "≥", "90", "%"],
    ["^", "^", "基本支出预算执行率", "=", "100%", "%"],
    ["^", "财务管理", "财务管理制度健全性", "", "健全", ""],
    ["部门履职", "学前教育", "学前三年毛入园率", "＞", "95", ""],
    ["^", "教师队伍", "教师培训人次", "≥", "≥1500", "人次"],
]


def test_header_budget_layout_in_yuan_and_direction_columns():
    doc = make_doc([make_table(QINGHE, order=3, sheet=None, page=1)],
                   blocks=[(1, "青河县教育局2024年度部门整体支出绩效目标表"), (2, "编报单位：青河县教育局 单位：元")],
                   file_name="青河.pdf", fmt=Format.PDF)
    (t,) = parse(doc)
    assert (t.unit.value, t.year, t.kind, t.amount_unit) == ("青河县教育局", 2024, "unit", "元")
    total = t.budget_total
    assert (total.value, total.printed, total.printed_unit, total.decimals) == (
        D("4711.32"), D("47113200.00"), "元", 2)
    assert total.ref.label == "第1页 表1 第3行第1列"
    assert (t.budget_fiscal.value, t.budget_other.value) == (D("4586.32"), D("125.00"))
    assert t.budget_other.ref.label == "第1页 表1 第3行第5列"
    assert t.tasks == [] and t.tasks_total is None
    got = [(i.level3, i.value.raw, i.value.operator, i.value.number, i.value.unit, i.value.quantitative)
           for i in t.indicators]
    assert got == [
        ("项目支出预算执行率", "≥90%", "≥", D("90"), "%", True),
        ("基本支出预算执行率", "=100%", "=", D("100"), "%", True),  # unit not doubled
        ("财务管理制度健全性", "健全", None, None, None, False),
        ("学前三年毛入园率", "＞95", ">", D("95"), None, True),
        ("教师培训人次", "≥1500人次", "≥", D("1500"), "人次", True),  # operator not doubled
    ]
    first = t.indicators[0]
    assert [r.column for r in first.value_cells] == [4, 5, 6]
    assert first.value.ref.column == 5 and first.value.ref.row == 7
    assert [(i.level1, i.level2) for i in t.indicators] == [
        ("部门管理", "资金投入"), ("部门管理", "资金投入"), ("部门管理", "财务管理"),
        ("部门履职", "学前教育"), ("部门履职", "教师队伍")]


# Xishan: a project table, 指标性质 (定量/定性) | 指标值 | 度量单位, the goal text in the row below its
# label, amounts in 元 named by the group label.
XISHAN = [
    ["项目名称", "<", "农村饮水安全巩固提升项目", "<", "<", "<"],
    ["主管部门", "西山镇人民政府", "<", "实施单位", "西山镇水利站", "<"],
    ["项目资金（元）", "年度资金总额", "<", "2,600,000.00", "<", "<"],
    ["^", "其中：财政拨款", "<", "2,360,000.00", "<", "<"],
    ["^", "其他资金", "<", "240,000.00", "<", "<"],
    ["年度绩效目标", "<", "<", "<", "<", "<"],
    ["新建及改造农村供水管网18公里，解决4200名群众饮水安全问题。", "<", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "新建及改造供水管网长度", "定量", "≥18", "公里"],
    ["^", "时效指标", "工程完工时间", "定性", "按时完成", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "定量", "≥90", "%"],
]


def test_project_table_nature_columns_goal_below_label():
    doc = make_doc([make_table(XISHAN, order=2)], blocks=[(1, "项目支出绩效目标表（2024年度）")])
    (t,) = parse(doc)
    assert (t.kind, t.year) == ("project", 2024)
    assert t.project.value == "农村饮水安全巩固提升项目" and t.project.ref.label == "目标表!C1"
    # a project table's unit is its 主管部门
    assert t.unit.value == "西山镇人民政府" and t.unit.ref.label == "目标表!B2"
    assert t.department.value == "西山镇人民政府"
    assert t.implementing_unit.value == "西山镇水利站" and t.implementing_unit.ref.label == "目标表!E2"
    assert t.amount_unit == "元"
    assert (t.budget_total.value, t.budget_fiscal.value, t.budget_other.value) == (
        D("260"), D("236"), D("24"))
    assert t.budget_total.printed_unit == "元"
    assert t.goal_text.text == "新建及改造农村供水管网18公里，解决4200名群众饮水安全问题。"
    assert t.goal_text.ref.label == "目标表!A7"
    got = [(i.value.raw, i.value.operator, i.value.number, i.value.unit, i.value.quantitative)
           for i in t.indicators]
    assert got == [
        ("≥18公里", "≥", D("18"), "公里", True),
        ("按时完成", None, None, None, False),  # 定性 names the nature, it is not part of the value
        ("≥90%", "≥", D("90"), "%", True),
    ]
    assert [r.label for r in t.indicators[1].value_cells] == ["目标表!D10", "目标表!E10", "目标表!F10"]


def test_blank_levels_on_a_continuation_table_are_carried_down():
    head = make_table([
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
        ["^", "^", "基本支出预算执行率", "100%"],
    ], index=1, order=2, sheet=None, page=1)
    # the next page as a table of its own: no header, the merged 一级/二级 cells lost their text
    tail = make_table([
        ["", "", "项目支出预算执行率", "≥90%"],
        ["", "财务管理", "资金使用合规性", "规范"],
        ["部门效果", "社会效益", "部门效果达标率", "达标"],
        ["", "", "社会公众满意度", "≥90%"],
    ], index=2, order=3, sheet=None, page=2)
    doc = make_doc([head, tail], blocks=[(1, "甲街道办事处2024年度部门整体支出绩效目标表")],
                   file_name="甲.pdf", fmt=Format.PDF)
    (t,) = parse(doc)
    assert [(i.level1, i.level2, i.level3) for i in t.indicators] == [
        ("部门管理", "资金投入", "预算编制完整性"),
        ("部门管理", "资金投入", "基本支出预算执行率"),
        ("部门管理", "资金投入", "项目支出预算执行率"),
        ("部门管理", "财务管理", "资金使用合规性"),
        ("部门效果", "社会效益", "部门效果达标率"),
        ("部门效果", "社会效益", "社会公众满意度"),
    ]
    assert t.indicators[2].ref.label == "第2页 表2 第1行第3列"
    assert t.unit.value == "甲街道办事处"
    # no budget block at all: the amounts are absent, not zero
    assert (t.budget_total, t.budget_fiscal, t.budget_other, t.goal_text) == (None, None, None, None)


def test_continuation_title_does_not_split_a_table():
    main = make_table(GANSU[2:12], index=1, order=2, sheet=None, page=1)
    rest = make_table(GANSU[13:19], index=2, order=4, sheet=None, page=2)
    doc = make_doc([main, rest], blocks=[(1, "南街街道办事处2024年度部门整体支出绩效目标表"),
                                         (3, "南街街道办事处2024年度部门整体支出绩效目标表（续）")],
                   file_name="南街.pdf", fmt=Format.PDF)
    (t,) = parse(doc)
    assert t.budget_total.value == D("1164.62") and len(t.tasks) == 3
    assert [i.level3 for i in t.indicators][:2] == ["预算编制完整性", "基本支出预算执行率"]
    assert len(t.indicators) == 5 and t.indicators[0].ref.table == 2


def test_group_label_column_beside_the_indicator_block():
    grid = [
        ["部门（单位）名称", "<", "癸街道办事处", "<", "<"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["^", "部门管理", "资金投入", "预算编制完整性", "完整"],
        ["^", "^", "人员管理", "在职人员控制率", "≤100%"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert values(t) == [("部门管理", "资金投入", "预算编制完整性", "完整"),
                         ("部门管理", "人员管理", "在职人员控制率", "≤100%")]
    assert t.indicators[1].value.ref.label == "目标表!E4"


def test_task_amounts_in_the_unit_of_their_column_header():
    grid = [
        ["部门（单位）名称", "子街道办事处", "<"],
        ["任务名称", "任务内容", "对应金额（元）"],
        ["困难群众帮扶", "每户补助标准（万元）按文件执行", "120,000.00"],
        ["合计", "<", "120,000.00"],
        ["一级指标", "三级指标", "指标值"],
        ["部门履职", "帮扶户数", "≥30户"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    (task,) = t.tasks
    assert (task.name, task.amount.value, task.amount.printed_unit) == ("困难群众帮扶", D("12"), "元")
    assert task.content.text == "每户补助标准（万元）按文件执行"
    assert (t.tasks_total.value, t.tasks_total.ref.label) == (D("12"), "目标表!C4")
    assert t.indicators[0].level2 == ""  # the table has no 二级 column


def _project(name: str, total: str, fiscal: str, other: str) -> list[list[str]]:
    return [
        ["项目名称", name, "<", "<"],
        ["主管部门", "临河区教育局", "实施单位", "临河区教育局"],
        ["年度资金总额", "<", "财政拨款", "其他资金"],
        [total, "<", fiscal, other],
        ["年度绩效目标", "按时足额发放补助。", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", f"{name}受益人数", "≥100人"],
        ["满意度指标", "服务对象满意度指标", "受益对象满意度", "≥90%"],
    ]


def test_two_project_tables_separated_by_titles_and_unit_carried():
    doc = make_doc(
        [make_table(_project("学生资助项目", "3,864,000.00", "3,864,000.00", "0"), index=1, order=3,
                    sheet=None),
         make_table(_project("人才引进项目", "1,800,000.00", "1,500,000.00", "300,000.00"), index=2,
                    order=5, sheet=None)],
        blocks=[(1, "2024年度项目支出绩效目标表"), (2, "单位：元"), (4, "2024年度项目支出绩效目标表")],
        file_name="临河.html", fmt=Format.HTML)
    first, second = parse(doc)
    assert [t.project.value for t in (first, second)] == ["学生资助项目", "人才引进项目"]
    assert [t.kind for t in (first, second)] == ["project", "project"]
    # the second table prints no unit line: it keeps the unit printed for the first
    assert [t.amount_unit for t in (first, second)] == ["元", "元"]
    assert (first.budget_total.value, first.budget_other.value) == (D("386.4"), D(0))
    assert first.budget_other.blank is False  # written as “0”, not as blank
    assert (second.budget_total.value, second.budget_fiscal.value, second.budget_other.value) == (
        D("180"), D("150"), D("30"))
    assert [i.level3 for i in second.indicators] == ["人才引进项目受益人数", "受益对象满意度"]
    assert second.budget_total.ref.table == 2


def test_two_project_tables_in_one_grid_without_a_title_between():
    grid = _project("学生资助项目", "386.40", "386.40", "") + _project("人才引进项目", "180.00", "150.00", "30.00")
    doc = make_doc([make_table(grid)], blocks=[(0, "2024年度项目支出绩效目标表")])
    first, second = parse(doc)
    assert (first.project.value, second.project.value) == ("学生资助项目", "人才引进项目")
    assert len(first.indicators) == len(second.indicators) == 2
    assert second.budget_total.ref.label == "目标表!A12"
    assert second.year == 2024  # from the one title, kept for the next table
    assert first.budget_other.blank and first.budget_other.value == 0


# ---------------------------------------------------------------------------------------------
# 中期 | 年度 forms, two-row task headers, 收入构成 blocks, one-row-per-indicator lists

# 财政部 中央部门项目支出绩效目标申报表: 中期 | 年度 funding columns, 中期目标 | 年度目标 side by side, the
# indicator block printed twice (中期 二级/三级/指标值 | 年度 二级/三级/指标值), codes beside the names.
CENTRAL = [
    ["项目名称", "水渠维护", "<", "<", "<", "<", "<", "<"],
    ["主管部门及代码", "[153]甲水利局", "<", "<", "实施单位", "甲水利局水渠管理站（153001）", "<", "<"],
    ["项目资金（万元）", "", "<", "<", "中期资金总额", "<", "年度资金总额", "<"],
    ["^", "资金总额", "<", "<", "300.00", "<", "120.00", "<"],
    ["^", "其中：财政拨款", "<", "<", "280.00", "<", "110.00", "<"],
    ["^", "其他资金", "<", "<", "20.00", "<", "10.00", "<"],
    ["总体目标", "中期目标（2024年—2026年）", "<", "<", "<", "年度目标", "<", "<"],
    ["^", "三年维护水渠60公里，中期资金300万元。", "<", "<", "<", "2024年维护水渠20公里。", "<", "<"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
    ["^", "产出指标", "数量指标", "三年维护水渠长度", "60公里", "数量指标", "维护水渠长度", "20公里"],
    ["^", "^", "质量指标", "工程验收合格率", "≥90%", "质量指标", "验收合格率", "≥95%"],
    ["^", "满意度指标", "服务对象满意度指标", "沿线农户满意度", "≥85%", "服务对象满意度指标", "灌区农户满意度", "≥90%"],
]
CENTRAL_ANNUAL = [
    ("产出指标", "数量指标", "维护水渠长度", "20公里"),
    ("产出指标", "质量指标", "验收合格率", "≥95%"),
    ("满意度指标", "服务对象满意度指标", "灌区农户满意度", "≥90%"),
]


def test_midterm_and_annual_side_by_side_reads_the_annual_side():
    doc = make_doc([make_table(CENTRAL, order=2)], blocks=[(1, "项目支出绩效目标申报表（2024年度）")])
    (t,) = parse(doc)
    assert (t.kind, t.year, t.project.value) == ("project", 2024, "水渠维护")
    # the bracketed code printed with an organisation is not part of its name
    assert (t.unit.value, t.unit.raw, t.unit.ref.label) == ("甲水利局", "[153]甲水利局", "目标表!B2")
    assert t.department.value == "甲水利局"
    assert t.implementing_unit.value == "甲水利局水渠管理站"
    # amounts from the 年度资金总额 column, not the 中期 one beside the labels
    got = [(a.value, a.ref.label) for a in (t.budget_total, t.budget_fiscal, t.budget_other)]
    assert got == [(D("120.00"), "目标表!G4"), (D("110.00"), "目标表!G5"), (D("10.00"), "目标表!G6")]
    assert (t.goal_text.text, t.goal_text.ref.label) == ("2024年维护水渠20公里。", "目标表!F8")
    # the 年度 indicator group; 一级 printed once, left of both groups
    assert values(t) == CENTRAL_ANNUAL
    assert [i.ref.label for i in t.indicators] == ["目标表!G10", "目标表!G11", "目标表!G12"]
    assert t.indicators[0].value.ref.label == "目标表!H10"


def test_midterm_and_annual_amount_headers_over_a_value_row():
    grid = [
        ["项目名称", "水渠维护", "<", "<"],
        ["主管部门", "甲水利局", "<", "<"],
        ["项目资金（元）", "中期资金总额", "当年财政拨款", "中期财政拨款"],
        ["^", "3,000,000.00", "1,100,000.00", "2,800,000.00"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维护水渠长度", "20公里"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度项目支出绩效目标表")]))
    assert (t.budget_fiscal.value, t.budget_fiscal.ref.label) == (D("110"), "目标表!C4")
    assert t.budget_total is None and t.amount_unit == "元"


def test_indicator_block_printed_twice_without_period_header_reads_the_last_group():
    grid = [["部门（单位）名称", "乙水利局", "<", "<", "<", "<", "<", "<"]] + CENTRAL[8:]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度项目支出绩效目标表")]))
    assert values(t) == CENTRAL_ANNUAL


def test_midterm_value_column_in_the_indicator_header_is_not_read():
    grid = [
        ["部门（单位）名称", "丙镇人民政府", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["部门履职", "重点履职", "道路养护里程", "≥60公里", "≥20公里"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert values(t) == [("部门履职", "重点履职", "道路养护里程", "≥20公里")]
    assert t.indicators[0].value.ref.label == "目标表!E3"


def test_year_label_is_no_period_header():
    # “年度 | 2024年” beside 中期… text is a header-block label, not a 年度 column
    grid = [
        ["部门（单位）名称", "丁局", "年度", "2024年"],
        ["中期规划", "见附件", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥200人次"],
    ]
    (t,) = parse(make_doc([make_table(grid)]))
    assert (t.year, t.year_attr.ref.label) == (2024, "目标表!D1")


# Gansu task block in 元: 预算金额 over 总额 | 财政拨款 | 其他资金, then 金额合计.
def _tasks_two_row_header(subheads: list[str], rows: list[list[str]]) -> list[list[str]]:
    return [
        ["部门（单位）名称", "戊镇人民政府", "<", "<", "<", "<"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（元）", "<", "<"],
        ["^", "^", "^", *subheads],
        *[["^", *r] for r in rows],
        ["年度总体目标", "保障机关正常运转。", "<", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "<", "<", "指标值"],
        ["部门管理", "资金投入", "基本支出预算执行率", "<", "<", "100%"],
    ]


def test_two_row_task_header_takes_the_total_sub_column():
    grid = _tasks_two_row_header(["总额", "财政拨款", "其他资金"], [
        ["人员经费保障", "发放工资及社保", "6,452,380.00", "6,452,380.00", ""],
        ["环境整治", "村庄清洁", "1,285,000.00", "1,085,000.00", "200,000.00"],
        ["金额合计", "<", "7,737,380.00", "7,537,380.00", "200,000.00"],
    ])
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "戊镇人民政府2024年度部门整体支出绩效目标表")]))
    assert t.amount_unit == "元"
    assert [(k.name, k.content.text, k.amount.value, k.amount.ref.label) for k in t.tasks] == [
        ("人员经费保障", "发放工资及社保", D("645.238"), "目标表!D4"),
        ("环境整治", "村庄清洁", D("128.5"), "目标表!D5"),
    ]
    assert (t.tasks_total.value, t.tasks_total.ref.label) == (D("773.738"), "目标表!D6")
    assert t.goal_text.text == "保障机关正常运转。" and len(t.indicators) == 1
    # 合计 printed last: still the total sub-column
    grid = _tasks_two_row_header(["财政拨款", "其他资金", "合计"], [
        ["环境整治", "村庄清洁", "1,085,000.00", "200,000.00", "1,285,000.00"],
        ["合计", "<", "1,085,000.00", "200,000.00", "1,285,000.00"],
    ])
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "戊镇人民政府2024年度部门整体支出绩效目标表")]))
    assert [(k.name, k.amount.value, k.amount.ref.label) for k in t.tasks] == [("环境整治", D("128.5"), "目标表!F4")]
    assert t.tasks_total.ref.label == "目标表!F5"


def test_income_side_total_row_is_the_budget_total():
    grid = [
        ["部门（单位）名称", "己区文化局", "<", "<", "<", "<"],
        ["部门总体资金情况（万元）", "收入构成", "金额", "支出构成", "金额", "占比"],
        ["^", "财政拨款", "2,368.50", "基本支出", "1,486.30", "62.75%"],
        ["^", "其他资金", "30.00", "项目支出", "912.20", "38.09%"],
        ["^", "合计", "2,398.50", "合计", "2,398.50", "100%"],
        ["一级指标", "二级指标", "三级指标", "指标值", "<", "<"],
        ["产出指标", "数量指标", "送戏下乡演出场次", "120场", "<", "<"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "己区文化局2024年部门整体支出绩效目标")]))
    assert (t.budget_total.value, t.budget_total.ref.label) == (D("2398.50"), "目标表!C5")
    assert (t.budget_fiscal.value, t.budget_other.value) == (D("2368.50"), D("30.00"))
    # a 合计 with no budget label above it in its column names no budget
    lone = [grid[0], ["部门总体资金情况（万元）", "支出构成", "金额", "", "", ""],
            ["^", "基本支出", "1,486.30", "", "", ""], ["^", "合计", "1,486.30", "", "", ""]] + grid[5:]
    (u,) = parse(make_doc([make_table(lone)], blocks=[(0, "己区文化局2024年部门整体支出绩效目标")]))
    assert u.budget_total is None


# Sichuan list: one row per indicator, 单位名称 / 项目名称 / 年度目标 merged down each project's rows.
SICHUAN = [
    ["庚县农业农村局2024年部门预算项目绩效目标表", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
    ["单位名称", "项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（分）"],
    ["庚县农业农村局", "农田管护", "管护农田8.6万亩。", "产出指标", "数量指标", "农田管护面积", "≥", "8.6", "万亩", "45"],
    ["^", "^", "^", "^", "时效指标", "管护任务完成时间", "≤", "12", "月", "45"],
    ["^", "疫病免疫", "免疫密度保持90%以上。", "产出指标", "质量指标", "免疫密度", "≥", "90", "%", "45"],
    ["^", "^", "^", "满意度指标", "服务对象满意度指标", "养殖户满意度", "定性", "满意", "", "45"],
]


def test_one_row_per_indicator_list_splits_by_project():
    first, second = parse(make_doc([make_table(SICHUAN)]))
    assert (first.kind, first.project.value, first.project.ref.label) == ("project", "农田管护", "目标表!B3")
    assert (second.kind, second.project.value, second.project.ref.label) == ("project", "疫病免疫", "目标表!B5")
    assert (first.unit.value, second.unit.value) == ("庚县农业农村局", "庚县农业农村局")
    assert (first.year, second.year) == (2024, 2024)
    assert (first.goal_text.text, first.goal_text.ref.label) == ("管护农田8.6万亩。", "目标表!C3")
    assert (second.goal_text.text, second.goal_text.ref.label) == ("免疫密度保持90%以上。", "目标表!C5")
    assert values(first) == [("产出指标", "数量指标", "农田管护面积", "≥8.6万亩"),
                             ("产出指标", "时效指标", "管护任务完成时间", "≤12月")]
    assert values(second) == [("产出指标", "质量指标", "免疫密度", "≥90%"),
                              ("满意度指标", "服务对象满意度指标", "养殖户满意度", "满意")]
    # 12 in a cell of its own with 月 in the unit column is a number of months, not the date 12月
    v = first.indicators[1].value
    assert (v.operator, v.number, v.unit, v.quantitative) == ("≤", D("12"), "月", True)
    assert second.indicators[1].value.quantitative is False


# ---------------------------------------------------------------------------------------------
# Header facts: kind, year, unit


def test_kind_from_level1_names_without_title_or_project_label():
    grid = [
        ["单位名称", "乙社区卫生服务中心", "年度", "2024年"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "体检人数", "≥1800人"],
        ["效益指标", "社会效益指标", "慢病管理率", "≥80%"],
    ]
    (t,) = parse(make_doc([make_table(grid)]))
    assert t.kind == "project"
    assert (t.unit.value, t.year) == ("乙社区卫生服务中心", 2024)
    assert t.year_attr.ref.label == "目标表!D1" and t.year_attr.raw == "2024年"
    unit_grid = [row[:] for row in grid]
    unit_grid[2][:2] = ["部门管理", "资金投入"]
    unit_grid[3][:2] = ["部门履职", "重点履职"]
    (u,) = parse(make_doc([make_table(unit_grid)]))
    assert u.kind == "unit"


def test_unit_and_year_from_file_name_as_last_resort():
    grid = [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
    ]
    doc = make_doc([make_table(grid)], file_name="丙镇人民政府2025年度部门整体支出绩效目标表.xlsx")
    (t,) = parse(doc)
    assert (t.unit.value, t.unit.source) == ("丙镇人民政府", "filename")
    assert (t.year, t.year_attr.source) == (2025, "filename")
    assert t.amount_unit == "万元"


def test_filing_date_is_not_the_year():
    grid = [
        ["部门（单位）名称", "丁街道办事处"],
        ["一级指标", "三级指标"],
    ]
    grid = [
        ["部门（单位）名称", "丁街道办事处", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
        ["填报日期：2023年12月26日", "<", "<", "<"],
    ]
    doc = make_doc([make_table(grid)], file_name="丁街道2024年度目标表.xlsx")
    (t,) = parse(doc)
    assert t.year == 2024 and t.year_attr.source == "filename"


def test_missing_unit_is_kept_unknown():
    """A missing label is not a broken file: the table is read, its unit left unknown."""
    grid = [["一级指标", "二级指标", "三级指标", "指标值"], ["部门管理", "资金投入", "预算编制完整性", "完整"]]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度部门整体支出绩效目标表")],
                          file_name="目标表.xlsx"))
    assert t.unit.source == "unknown" and t.unit.value == ""
    assert t.year == 2024 and [i.level3 for i in t.indicators] == ["预算编制完整性"]


def test_missing_year_is_kept_unknown_and_not_taken_from_a_cited_title():
    grid = [["申请单位：", "甲街道办事处"], ["政策依据：", "根据《宝安区2022年度城市管理工作要点》"],
            ["一级指标", "三级指标", "指标值"], ["产出", "服务次数", "3次"]]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "项目支出绩效目标申报表")], file_name="目标表.xlsx"))
    assert t.unit.value == "甲街道办事处"
    assert t.year is None and t.year_attr.source == "unknown"


# ---------------------------------------------------------------------------------------------
# Goal text, notes, errors


def test_goal_text_missing_or_blank():
    rows = [["部门（单位）名称", "戊街道办事处", "<"], ["一级指标", "三级指标", "指标值"],
            ["部门管理", "预算编制完整性", "完整"]]
    (t,) = parse(make_doc([make_table(rows)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert t.goal_text is None
    # the label is printed but its cell left empty: blank text that still points at the cell
    rows.insert(1, ["年度总体目标", "", "<"])
    (t,) = parse(make_doc([make_table(rows)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert t.goal_text.text == "" and t.goal_text.ref.label == "目标表!B2"
    # a caption-like label row followed directly by the indicator header is no goal
    rows[1] = ["年度绩效目标", "<", "<"]
    (t,) = parse(make_doc([make_table(rows)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert t.goal_text is None


def test_inline_goal_text_in_a_paragraph():
    grid = [["一级指标", "二级指标", "三级指标", "指标值"], ["部门管理", "资金投入", "预算编制完整性", "完整"]]
    doc = make_doc([make_table(grid, order=3)],
                   blocks=[(1, "己局2024年度部门整体支出绩效目标表"), (2, "年度总体目标：保障机关正常运转。")])
    (t,) = parse(doc)
    assert t.goal_text.text == "保障机关正常运转。"
    assert t.unit.value == "己局"


@pytest.mark.parametrize("note", ["备注：定性指标按年终考核结果填写", "说明：本表由预算系统导出", "注：指标值须可衡量",
                                  "填报人：张三"])
def test_note_rows_end_the_indicator_block(note):
    grid = [
        ["部门（单位）名称", "庚街道办事处", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
        [note, "<", "<", "<"],
        ["其他", "其他", "不应读入", "x"],
    ]
    (t,) = parse(make_doc([make_table(grid)], blocks=[(0, "2024年度部门整体支出绩效目标表")]))
    assert [i.level3 for i in t.indicators] == ["预算编制完整性"]


def test_non_numeric_budget_amount_is_named_and_the_table_still_read():
    grid = [row[:] for row in GANSU]
    grid[3] = ["年度预算（万元）", "资金总额", "<", "约一千万", "<"]
    (t,) = parse(make_doc([make_table(grid)]))
    (cell,) = t.unread_cells
    assert (cell.raw, cell.problem, cell.ref.label) == ("约一千万", "不是数字", "目标表!D4")
    assert "资金总额" in cell.what and t.budget_total is None and t.indicators


def test_non_numeric_task_amount_is_named_and_the_table_still_read():
    grid = [row[:] for row in GANSU]
    grid[8] = ["^", "日常运转保障", "缴纳水电费", "<", "待定"]
    (t,) = parse(make_doc([make_table(grid)]))
    (cell,) = t.unread_cells
    assert (cell.what, cell.raw, cell.problem, cell.ref.label) == ("“日常运转保障”的预算金额", "待定", "不是数字", "目标表!E9")
    assert [task.amount for task in t.tasks if task.name == "日常运转保障"] == [None]


def test_no_indicator_header_is_a_parse_error():
    grid = GANSU[:12]
    with pytest.raises(ParseError, match="未找到绩效指标表头") as err:
        parse(make_doc([make_table(grid)]))
    assert (err.value.code, err.value.category) == ("parse.no_header", "parse")


# ---------------------------------------------------------------------------------------------
# Detection


MONITORING_LIKE = [
    ["南街街道办事处2024年1—6月绩效运行监控表", "<", "<", "<", "<", "<"],
    ["项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率", "偏差原因"],
    ["合计", "1164.62", "1164.62", "531.93", "45.67%", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值"],
    ["部门管理", "资金投入", "基本支出预算执行率", "100%", "49.45%", "100%"],
]
SELF_EVALUATION = [
    ["2024年度项目支出绩效自评表", "<", "<", "<", "<", "<", "<"],
    ["项目名称", "学生资助项目", "<", "<", "<", "<", "<"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "资助人数", "≥3200人", "3260人", "20", "20"],
]


def test_detect_target_table_high():
    assert detect(make_doc([make_table(GANSU)])) >= 0.8
    untitled = make_doc([make_table(QINGHE)])  # no title at all: the indicator block and goal label
    assert detect(untitled) >= 0.5


def test_detect_monitoring_table_lower_than_the_monitoring_detector():
    doc = make_doc([make_table(MONITORING_LIKE)])
    assert detect(doc) < 0.5
    assert detect(doc) < monitoring.detect(doc)
    assert best_kind(doc)[0].name == "monitoring"


def test_detect_self_evaluation_low():
    assert detect(make_doc([make_table(SELF_EVALUATION)])) < 0.5


def test_detect_title_words_without_a_table_low():
    doc = make_doc([], blocks=[(0, "2025年部门预算公开"), (1, "六、项目绩效目标表（见附件）")])
    assert detect(doc) < 0.5


def test_best_kind_picks_targets_over_monitoring():
    doc = make_doc([make_table(GANSU)])
    assert best_kind(doc)[0].name == "targets"
    assert monitoring.detect(doc) < detect(doc)


# ---------------------------------------------------------------------------------------------
# Helpers


@pytest.mark.parametrize("label, expected", [
    ("其中：财政拨款", ("budget", "fiscal")), ("年度资金总额", ("budget", "total")), ("资金总额：", ("budget", "total")),
    ("其他资金", ("budget", "other")), ("年度总体目标", ("goal", "goal")), ("年度绩效目标：", ("goal", "goal")),
    ("部门（单位）名称", ("meta", "unit")), ("主管部门", ("meta", "department")), ("实施单位", ("meta", "implementing")),
    ("项目名称", ("meta", "project")), ("年度", ("meta", "year")), ("年度预算（万元）", None), ("年度绩效指标", None),
    ("金额合计", None), ("", None)])
def test_classify_label(label, expected):
    assert classify_label(label) == expected


def test_normalise_label_and_title():
    assert normalise_label("其中：财政拨款（万元）") == "财政拨款"
    assert is_title("南街街道办事处2024年度部门整体支出绩效目标表")
    assert is_title("2024年度项目支出绩效目标申报表")
    assert not is_title("项目支出绩效目标执行监控表")
    assert not is_title("年度总体目标：" + "按绩效目标表要求完成各项工作，" * 5)


# ---------------------------------------------------------------------------------------------
# Through the real extractors: small Word and Excel files written here


def test_docx_round_trip_with_merges_and_split_indicator_table(tmp_path: Path):
    import docx

    from extractors import extract

    d = docx.Document()
    d.add_paragraph("辛街道办事处2025年度部门整体支出绩效目标表")
    d.add_paragraph("填报单位（盖章）：辛街道办事处            单位：万元")
    main = [
        ["部门（单位）名称", "", "辛街道办事处", ""],
        ["年度预算（万元）", "资金总额", "1198.40", ""],
        ["", "其中：财政拨款", "1198.40", ""],
        ["", "其他资金", "", ""],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
        ["", "人员经费保障", "发放工资及社保", "985.20"],
        ["", "日常运转保障", "水电费、差旅费", "213.20"],
        ["", "金额合计", "", "1198.40"],
        ["年度总体目标", "2025年支出不超过预算1198.40万元。", "", ""],
    ]
    t = d.add_table(rows=len(main), cols=4)
    for i, r in enumerate(main):
        for j, v in enumerate(r):
            if v:
                t.cell(i, j).text = v
    t.cell(0, 0).merge(t.cell(0, 1))
    t.cell(0, 2).merge(t.cell(0, 3))
    t.cell(1, 0).merge(t.cell(3, 0))
    for r in (1, 2, 3):
        t.cell(r, 2).merge(t.cell(r, 3))
    t.cell(4, 0).merge(t.cell(7, 0))
    t.cell(7, 1).merge(t.cell(7, 2))
    t.cell(8, 1).merge(t.cell(8, 3))
    ind = [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["部门管理", "资金投入", "预算编制完整性", "完整"],
        ["", "", "基本支出预算执行率", "100%"],
        ["部门履职", "重点履职", "电费缴纳次数", "12次"],
    ]
    t2 = d.add_table(rows=len(ind), cols=4)
    for i, r in enumerate(ind):
        for j, v in enumerate(r):
            if v:
                t2.cell(i, j).text = v
    t2.cell(1, 0).merge(t2.cell(2, 0))
    t2.cell(1, 1).merge(t2.cell(2, 1))
    d.add_paragraph("单位负责人：            填报日期：2025年2月24日")
    path = tmp_path / "辛街道2025.docx"
    d.save(path)

    doc = extract(path)
    assert detect(doc) >= 0.8 and best_kind(doc)[0].name == "targets"
    (tt,) = parse(doc)
    assert (tt.unit.value, tt.year, tt.kind, tt.amount_unit) == ("辛街道办事处", 2025, "unit", "万元")
    assert (tt.budget_total.value, tt.budget_fiscal.value, tt.budget_other.value) == (
        D("1198.40"), D("1198.40"), D(0))
    assert tt.budget_other.blank is True
    assert [(k.name, k.amount.value) for k in tt.tasks] == [("人员经费保障", D("985.20")), ("日常运转保障", D("213.20"))]
    assert tt.tasks_total.value == D("1198.40")
    assert tt.goal_text.text == "2025年支出不超过预算1198.40万元。"
    assert (tt.goal_text.ref.table, tt.goal_text.ref.row, tt.goal_text.ref.column) == (1, 9, 2)
    assert values(tt) == [
        ("部门管理", "资金投入", "预算编制完整性", "完整"),
        ("部门管理", "资金投入", "基本支出预算执行率", "100%"),
        ("部门履职", "重点履职", "电费缴纳次数", "12次"),
    ]
    last = tt.indicators[-1]
    assert (last.ref.table, last.ref.row, last.ref.column) == (2, 4, 3)
    assert (last.value.number, last.value.unit, last.value.quantitative) == (D("12"), "次", True)


def test_xlsx_round_trip_header_budget_in_yuan(tmp_path: Path):
    import openpyxl

    from extractors import extract

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目目标表"
    ws["A1"] = "2024年度项目支出绩效目标表"
    ws.merge_cells("A1:F1")
    ws["E2"] = "单位：元"
    ws["A3"], ws["C3"] = "项目名称", "食品安全抽检项目"
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:F3")
    ws["A4"], ws["B4"], ws["D4"], ws["E4"] = "主管部门", "壬区市场监督管理局", "实施单位", "壬区检验检测中心"
    for col, label in zip("ACE", ("年度资金总额", "财政拨款", "其他资金")):
        ws[f"{col}5"] = label
    for col, v in zip("ACE", (2000000, 1800000, 200000)):
        c = ws[f"{col}6"]
        c.value = v
        c.number_format = "#,##0.00"
    ws["A7"], ws["B7"] = "年度绩效目标", "完成食品安全监督抽检4500批次。"
    ws.merge_cells("B7:F7")
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位"], 1):
        ws.cell(8, j, h)
    rows = [("产出指标", "数量指标", "食品安全监督抽检批次", "≥", 4500, "批次"),
            (None, "成本指标", "每批次抽检成本", "≤", 450, "元"),
            ("效益指标", "社会效益指标", "不合格食品核查处置率", "=", 100, "%")]
    for i, row in enumerate(rows, 9):
        for j, v in enumerate(row, 1):
            if v is not None:
                ws.cell(i, j, v)
    ws.merge_cells("A9:A10")
    path = tmp_path / "抽检项目.xlsx"
    wb.save(path)

    doc = extract(path)
    assert best_kind(doc)[0].name == "targets"
    (t,) = parse(doc)
    assert (t.kind, t.year, t.amount_unit) == ("project", 2024, "元")
    assert (t.project.value, t.unit.value, t.implementing_unit.value) == (
        "食品安全抽检项目", "壬区市场监督管理局", "壬区检验检测中心")
    assert (t.budget_total.value, t.budget_fiscal.value, t.budget_other.value) == (D(200), D(180), D(20))
    assert t.budget_total.ref.label == "项目目标表!A6" and t.budget_other.ref.label == "项目目标表!E6"
    assert t.goal_text.ref.label == "项目目标表!B7"
    got = [(i.level1, i.level3, i.value.raw, i.value.operator, i.value.number, i.value.unit) for i in t.indicators]
    assert got == [
        ("产出指标", "食品安全监督抽检批次", "≥4500批次", "≥", D("4500"), "批次"),
        ("产出指标", "每批次抽检成本", "≤450元", "≤", D("450"), "元"),
        ("效益指标", "不合格食品核查处置率", "=100%", "=", D("100"), "%"),
    ]
    assert [r.label for r in t.indicators[1].value_cells] == ["项目目标表!D10", "项目目标表!E10", "项目目标表!F10"]


# ---------------------------------------------------------------------------------------------
# Real published documents must not be taken for target tables


def test_detect_real_documents_low(realdocs: Path):
    try:
        from extractors import pdf  # noqa: F401
    except ImportError:
        need(False, "extractors/pdf.py (PDF extractor)")
    from extractors import extract

    # the two final accounts, and the budget publication that mentions “绩效目标表” in its text
    for name in ("上海市普陀区财政局2024年度部门决算.pdf", "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
                 "上海市普陀区财政局部门25年预算.pdf"):
        path = realdocs / name
        need(path.exists(), str(path))
        assert detect(extract(path)) < 0.5, name


# ---------------------------------------------------------------- 年度总体目标 label and text

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
