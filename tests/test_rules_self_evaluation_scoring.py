"""Rules SLF010–SLF012 (checks/self_evaluation_scoring.py) on self-evaluation tables built by
hand, each with a case that triggers it and one that must not, and the parser's 一级 row of its own
(`产出指标 | | | 50`). Figures are chosen so the expected result can be checked by eye: in the grid of
test_rules_self_evaluation.self_eval the indicators start on row 10 of sheet 自评表, columns B 一级,
C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施."""

from __future__ import annotations

from decimal import Decimal

from checks import all_rules, load_config
from schemas.records import unknown_attribute
from test_rules_self_evaluation import UNIT, run, self_eval

D = Decimal
DOC = f"{UNIT}2024年度部门整体支出绩效自评表"


def ind(level1, level3, target, actual, max_score, score, deviation="", level2="二级"):
    return (level1, level2, level3, target, actual, max_score, score, deviation)


def unknown(record):
    """The same record with its unit and year unknown (nothing in the submission states them)."""
    return record.model_copy(update={"year": None, "unit": unknown_attribute()})


# ---------------------------------------------------------------- SLF010

MET_MARKED_DOWN = [
    ind("部门管理", "项目支出预算执行率", "≥90%", "90%", "30", "25"),  # reached exactly, 5 points lost
    ind("部门履职", "防汛演练次数", "12次", "12次", "30", "28"),  # reached, 2 points lost
    ind("部门效果", "部门效果达标率", "达标", "达标", "30", "27"),  # qualitative, reached, 3 lost
]


def test_slf010_met_indicators_marked_down_without_reason():
    found = run([self_eval(indicators=MET_MARKED_DOWN, total=("100", "90"))], "SLF010")
    assert [(f.subject.line, f.details["lost"]) for f in found] == [
        ("项目支出预算执行率", "5"), ("防汛演练次数", "2"), ("部门效果达标率", "3")]
    first = found[0]
    assert first.severity.value == "warning" and first.subject.column == "得分"
    assert first.text == (
        f"{DOC}中，“项目支出预算执行率”实际完成值“90%”已达到年度指标值“≥90%”，但得分25分，低于分值30分（扣5分），"
        "且未说明扣分原因。（来源：南街街道办事处2024年度部门整体支出绩效自评表.xlsx 自评表!D10、自评表!E10、自评表!F10、自评表!H10、自评表!G10）")
    assert [e.ref.label for e in first.evidence] == ["自评表!D10", "自评表!E10", "自评表!F10", "自评表!H10",
                                                   "自评表!G10"]


def test_slf010_above_target_and_measure_only():
    rows = [ind("部门管理", "项目支出预算执行率", "≥90%", "100%", "45", "40", "下一步加强资金调度"),
            ind("部门效果", "服务对象满意度", "≥90%", "95%", "45", "45")]
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF010")
    assert f.details["measure"] == "下一步加强资金调度"
    assert "实际完成值“100%”已达到年度指标值“≥90%”，但得分40分，低于分值45分（扣5分），偏差说明仅填写“下一步加强资金调度”，未说明扣分原因" \
        in f.message


def test_slf010_reason_given_unmet_full_marks_or_outside_a_range_is_fine():
    rows = [
        ind("部门管理", "项目支出预算执行率", "≥90%", "90%", "20", "15", "年底集中支付，部分资金未及时拨付"),  # reason
        ind("部门管理", "固定资产利用率", "≥95%", "92%", "20", "18"),  # not met: SLF006's case
        ind("部门履职", "防汛演练次数", "12次", "12次", "20", "20"),  # full marks
        ind("部门履职", "督查次数", "1-2次", "3次", "20", "18"),  # above the range: not met exactly
        ind("部门效果", "服务对象满意度", "满意", "基本满意", "10", "8"),  # words differ
        ind("部门效果", "社会影响满意度", "≥90%", "≥90%", "10", "9"),  # a target expression: SLF011
    ]
    record = self_eval(indicators=rows, total=("100", "88"))
    assert run([record], "SLF010") == []
    assert [f.subject.line for f in run([record], "SLF011")] == ["社会影响满意度"]


def test_slf010_tolerance_is_a_parameter(tmp_path):
    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  SLF010:\n    params:\n      min_points_lost: 2\n", encoding="utf-8")
    found = run([self_eval(indicators=MET_MARKED_DOWN, total=("100", "90"))], "SLF010", load_config(override))
    assert [f.subject.line for f in found] == ["项目支出预算执行率", "部门效果达标率"]  # 2 points lost is tolerated


def test_slf010_message_without_unit_and_year():
    (f, *_) = run([unknown(self_eval(indicators=MET_MARKED_DOWN, total=("100", "90")))], "SLF010")
    assert f.message.startswith("部门整体支出绩效自评表中，“项目支出预算执行率”实际完成值“90%”")
    assert "None" not in f.message and f.subject.year is None


# ---------------------------------------------------------------- SLF011


def test_slf011_actual_written_as_a_target_expression():
    rows = [ind("部门履职", "道路清扫长度", "≥266米", "≥266米", "45", "45"),
            ind("部门效果", "服务对象满意度", "≥95%", "不低于95%", "45", "45")]
    found = run([self_eval(indicators=rows)], "SLF011")
    assert [(f.subject.line, f.details["actual"], f.details["same_as_target"]) for f in found] == [
        ("道路清扫长度", "≥266米", True), ("服务对象满意度", "不低于95%", False)]
    assert found[0].text == (
        f"{DOC}中，“道路清扫长度”年度指标值为“≥266米”，实际完成值填报为“≥266米”，沿用了目标值的比较表述，"
        "未填写实际达到的数值。（来源：南街街道办事处2024年度部门整体支出绩效自评表.xlsx 自评表!D10、自评表!E10、自评表!F10）")
    assert found[0].severity.value == "warning" and found[1].details["operator"] == "不低于"


def test_slf011_blank_target_and_unknown_unit():
    rows = [ind("部门效果", "服务对象满意度", "", "95%以上", "90", "90")]
    (f,) = run([unknown(self_eval(indicators=rows))], "SLF011")
    assert f.message.startswith("部门整体支出绩效自评表中，“服务对象满意度”实际完成值填报为“95%以上”，属带比较符号的目标表述")


def test_slf011_measured_figures_and_deadlines_are_fine():
    rows = [ind("部门履职", "道路清扫长度", "≥266米", "266米", "30", "30"),
            ind("部门效果", "服务对象满意度", "≥95%", "达到95%", "30", "30"),  # 达到 reports a result
            ind("部门管理", "资金拨付时限", "12月底前", "12月底前", "30", "30")]  # a deadline: skip_units
    assert run([self_eval(indicators=rows)], "SLF011") == []


# ---------------------------------------------------------------- SLF012

LABELLED = [
    ind("产出指标（50分）", "受益人数", "≥100人", "120人", "30", "30", level2="数量指标"),
    ind("产出指标（50分）", "验收合格率", "100%", "100%", "20", "20", level2="质量指标"),
    ind("满意度指标（40分）", "服务对象满意度", "≥90%", "95%", "40", "40", level2="服务对象满意度指标"),
]


def test_slf012_group_points_differ_from_the_indicators():
    rows = [*LABELLED[:1], ind("产出指标（50分）", "验收合格率", "100%", "100%", "15", "15", level2="质量指标"),
            LABELLED[2]]
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF012")  # 10 + 50 + 40 = 100: total fine
    assert f.severity.value == "error" and (f.subject.line, f.subject.column) == ("产出指标", "分值")
    assert (f.details["stated"], f.details["computed"], f.details["difference"]) == ("50", "45", "5")
    assert f.text == (
        f"{DOC}中，一级指标“产出指标”标明分值为50分，而其下2项三级指标分值之和为45分，相差5分。"
        "（来源：南街街道办事处2024年度部门整体支出绩效自评表.xlsx 自评表!B10）")
    assert [e.ref.label for e in f.evidence] == ["自评表!B10", "自评表!G10", "自评表!G11"]


def test_slf012_level1_points_differ_from_the_form_total():
    rows = [*LABELLED[:2], ind("满意度指标（30分）", "服务对象满意度", "≥90%", "95%", "30", "30",
                               level2="服务对象满意度指标")]
    (f,) = run([self_eval(indicators=rows, total=("100", "90"))], "SLF012")  # 50 + 30 + 10 = 90
    assert (f.subject.line, f.details["computed"], f.details["total"], f.details["difference"]) == \
        ("总分", "90", "100", "10")
    assert f.text.startswith(
        f"{DOC}中，各一级指标标明分值（“产出指标”50分＋“满意度指标”30分）之和为80分，加“年度资金总额”预算执行分值10分共90分，"
        "与总分分值100分不符，相差10分。（来源：")
    # no 分值 on the 总分 row: the configured form_total (100) stands in, and the message says so
    (g,) = run([self_eval(indicators=rows, total=("", "90"))], "SLF012")
    assert "与自评表满分100分不符，相差10分" in g.message and g.details["total_printed"] is False


def test_slf012_consistent_points_or_none_stated_are_fine(tmp_path):
    assert run([self_eval(indicators=LABELLED)], "SLF012") == []
    assert run([self_eval()], "SLF012") == []  # no 一级 states its points
    # a total 分值 left blank with form_total: null is not checked
    rows = [*LABELLED[:2], ind("满意度指标（30分）", "服务对象满意度", "≥90%", "95%", "30", "30")]
    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  SLF012:\n    params:\n      form_total: null\n", encoding="utf-8")
    assert run([self_eval(indicators=rows, total=("", "90"))], "SLF012", load_config(override)) == []


def test_slf012_message_without_unit_and_year():
    rows = [*LABELLED[:1], ind("产出指标（50分）", "验收合格率", "100%", "100%", "15", "15"), LABELLED[2]]
    (f,) = run([unknown(self_eval(indicators=rows, total=("100", "95")))], "SLF012")
    assert f.message.startswith("部门整体支出绩效自评表中，一级指标“产出指标”标明分值为50分")
    # indicators above the stated points: the message gives the gap, details keep its sign
    rows = [*LABELLED[:1], ind("产出指标（50分）", "验收合格率", "100%", "100%", "25", "25"), LABELLED[2]]
    (f,) = run([self_eval(indicators=rows, total=("100", "105"))], "SLF012")  # 10 + 50 + 40 = 100: total fine
    assert (f.details["computed"], f.details["difference"]) == ("55", "-5") and "55分，相差5分。" in f.message


# ---------------------------------------------------------------- parser: a 一级 row of its own

# 一级 rows carry the group's 分值 (G): 产出指标 on a row of its own with the next rows' 一级 cells
# blank; 效益指标 spanning the 一级–三级 columns, merged down beside its indicators (`^`).
LEVEL1_ROWS = [
    ("产出指标", "", "", "", "", "50", "", ""),  # row 10
    ind("", "受益人数", "≥100人", "120人", "30", "30", level2="数量指标"),  # row 11
    ind("", "验收合格率", "100%", "100%", "20", "20", level2="质量指标"),  # row 12
    ("效益指标", "<", "<", "", "", "40", "", ""),  # row 13
    ind("^", "群众知晓率", "≥90%", "92%", "25", "25", level2="社会效益指标"),  # row 14
    ind("^", "服务对象满意度", "≥90%", "95%", "10", "10", level2="满意度指标"),  # row 15
]


def test_parser_reads_the_points_of_a_level1_row():
    record = self_eval(indicators=LEVEL1_ROWS, total=("100", "95"))
    assert [(i.level1, i.level2, i.level3) for i in record.indicators] == [
        ("产出指标", "数量指标", "受益人数"), ("产出指标", "质量指标", "验收合格率"),
        ("效益指标", "社会效益指标", "群众知晓率"), ("效益指标", "满意度指标", "服务对象满意度")]
    assert [(i.level1_points.value, i.level1_points.ref.label) for i in record.indicators] == [
        (D(50), "自评表!G10"), (D(50), "自评表!G10"), (D(40), "自评表!G13"), (D(40), "自评表!G13")]
    assert [i.max_score.value for i in record.indicators] == [D(30), D(20), D(25), D(10)]
    # the 一级 rows are no indicators, and their 分值 is no part of the 总分
    assert run([record], "SLF004") == []
    # 效益指标 states 40 points, its indicators carry 25 + 10 = 35; 10 + 50 + 40 = 100 is fine
    (f,) = run([record], "SLF012")
    assert (f.subject.line, f.details["stated"], f.details["computed"]) == ("效益指标", "40", "35")
    assert [e.ref.label for e in f.evidence] == ["自评表!G13", "自评表!G14", "自评表!G15"]


def test_parser_without_level1_rows_is_unchanged():
    record = self_eval(indicators=LABELLED)
    assert [(i.level1, i.level1_points.value, i.level1_points.ref.label) for i in record.indicators] == [
        ("产出指标", D(50), "自评表!B10"), ("产出指标", D(50), "自评表!B11"), ("满意度指标", D(40), "自评表!B12")]
    assert all(i.level1_points is None for i in self_eval().indicators)


# ---------------------------------------------------------------- catalogue


def test_catalogue_entries():
    config = load_config()["rules"]
    rules = {r.id: r for r in all_rules() if r.func.__module__ == "checks.self_evaluation_scoring"}
    assert sorted(rules) == ["SLF010", "SLF011", "SLF012"]
    for rid, r in rules.items():
        entry = config[rid]
        assert entry["enabled"] is True and entry["severity"] == r.default_severity and entry["title"]
        assert "params" in entry
        for key, text in entry.items():
            if key.startswith("message"):
                assert "{source}" not in text, (rid, key)  # outputs render the source


# ---------------------------------------------------------------- scoring: 存在问题 and 对策建议


def test_findings_reach_problems_and_suggestions():
    from scoring.card import build_problems, build_suggestions
    from test_scoring import ctx, finding

    for rule_id in ("SLF010", "SLF012"):
        (problem,) = build_problems(ctx([finding(rule_id, "产出指标")]))
        assert problem.title == "自评完成值填报与分值设置不够规范" and problem.rule_ids == [rule_id]
        assert problem.text.startswith("绩效自评表中实际完成值的填报") and "共1处" in problem.text
        assert [s.title for s in build_suggestions([problem])] == ["规范自评完成值填报与分值设置"]
    (problem,) = build_problems(ctx([finding("SLF011", "道路清扫长度"), finding("SLF010", "防汛演练次数")]))
    assert problem.text.startswith("绩效自评表中“道路清扫长度”等1项指标的实际完成值照抄目标值的比较表述")
    assert "共2处" in problem.text and "{" not in problem.text
