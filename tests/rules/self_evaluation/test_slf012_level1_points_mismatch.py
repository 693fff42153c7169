"""SLF012 level1_points_mismatch: 一级 points that do not add up."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


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
