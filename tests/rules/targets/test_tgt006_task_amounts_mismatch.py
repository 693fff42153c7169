"""TGT006 task_amounts_mismatch: Σ tasks, 金额合计, 资金总额 and 财政拨款 + 其他资金."""

from __future__ import annotations

from schemas.findings import Severity, Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt006_task_total_differs_from_tasks():
    table = build_table([], tasks=TASKS, tasks_total="1164.65", budget=("1164.65", "1164.65", "—"), fmt="docx")
    (f,) = run([table], "TGT006")
    assert f.severity is Severity.ERROR
    assert f.subject == Subject(unit=UNIT, year=2024, line="金额合计", column="任务预算金额")
    assert (f.details["reported"], f.details["computed"], f.details["difference"], f.details["tolerance"]) == (
        "1164.65", "1164.62", "0.03", "0.020")
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，年度主要任务金额合计填报为1164.65万元，"
        "与各任务预算金额“人员经费保障”958.63万元＋“日常运转保障”71.62万元＋“宣传及办公保障”134.37万元之和"
        "1164.62万元不一致，相差0.03万元，超出四舍五入误差（0.02万元）。"
        f"（来源：{file_name(2024, 'docx')} 表1 第9行第3列、表1 第6-8行第3列）"
    )
    assert labels(f) == ["表1 第9行第3列", "表1 第6行第3列", "表1 第7行第3列", "表1 第8行第3列"]


def test_tgt006_within_rounding_and_consistent_budget(nanjie):
    assert run(nanjie, "TGT006") == []
    # a total and three parts at two decimals: 0.02 is rounding
    table = build_table([], tasks=TASKS, tasks_total="1164.64", budget=("1164.64", "1164.64", "—"))
    assert run([table], "TGT006") == []


def test_tgt006_budget_block_mismatches():
    table = build_table([], tasks=TASKS, tasks_total="1164.62", budget=("1286.43", "1164.62", "100.00"))
    found = {(f.subject.line, f.subject.column): f for f in run([table], "TGT006")}
    assert set(found) == {("资金总额", "金额合计"), ("资金总额", "财政拨款、其他资金")}
    budget = found[("资金总额", "金额合计")]
    assert budget.details["difference"] == "121.81"
    assert "年度资金总额1286.43万元与年度主要任务金额合计1164.62万元不一致，相差121.81万元" in budget.message
    assert labels(budget) == [pdf_cell(2, 2), pdf_cell(9, 3)]
    funding = found[("资金总额", "财政拨款、其他资金")]
    assert funding.details["computed"] == "1264.62" and funding.details["difference"] == "21.81"
    assert "年度资金总额填报为1286.43万元，与财政拨款1164.62万元＋其他资金100.00万元之和1264.62万元不一致" in funding.message
    # without a printed 金额合计 the tasks' sum stands for it; amounts printed in 元
    table = build_table([], tasks=[("人员经费保障", "工资", "9586300"), ("日常运转保障", "水电", "716200")],
                        budget=("11646200", "11646200", None), printed_unit="元")
    (f,) = run([table], "TGT006")
    assert f.subject.column == "金额合计" and f.details["tasks_sum"] == "1030.25"
    assert "年度资金总额11,646,200元与年度主要任务预算金额之和10,302,500元不一致，相差1,343,700元" in f.message
