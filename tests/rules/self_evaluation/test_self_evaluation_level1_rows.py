"""The parser's 一级 row of its own (`产出指标 | | | 50`) and what SLF004 / SLF012 make of it."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


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
