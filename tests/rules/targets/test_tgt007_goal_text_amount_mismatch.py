"""TGT007 goal_text_amount_mismatch: an amount the 年度总体目标 quotes as the budget."""

from __future__ import annotations

from checks.targets.tgt007_goal_text_amount_mismatch import quoted_amounts
from schemas.findings import Severity, Subject
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_tgt007_nanjie_goal_text_quotes_another_budget(nanjie):
    (f,) = run(nanjie, "TGT007")
    assert f.severity is Severity.ERROR
    assert f.subject == Subject(unit=UNIT, year=2024, line="年度总体目标", column="资金总额")
    assert (f.details["quoted"], f.details["budget_total"], f.details["difference"]) == ("1286.43", "1164.62", "121.81")
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表的年度总体目标表述为“支出不超过预算1286.43万元”，"
        "其中1286.43万元与表中年度资金总额1164.62万元不一致（相差121.81万元），目标表述与预算数据不符。"
        f"（来源：{F2024} 第1页 表1 第10行第2列、第1页 表1 第2行第2列）"
    )
    assert labels(f) == [pdf_cell(10, 2), pdf_cell(2, 2)]
    assert [e.raw for e in f.evidence] == ["支出不超过预算1286.43万元", "1164.62"]
    assert [e.role for e in f.evidence] == ["年度总体目标", "资金总额"]


def test_tgt007_task_amounts_and_other_numbers_are_fine():
    goal = ("全年安排资金1164.62万元，其中人员经费预算958.63万元，保障社区工作者工资；"
            "带动辖区居民人均增收500元，服务居民3.2万人。")
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal=goal)
    assert run([table], "TGT007") == []
    # the same amount in 元 is the same amount
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal="年度预算资金11,646,200元，保障基层运转。")
    assert run([table], "TGT007") == []


def test_tgt007_amount_in_yuan_is_normalised():
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal="全年保障基层运转，安排资金12864300元。")
    (f,) = run([table], "TGT007")
    assert f.details["quoted"] == "1286.43" and f.evidence[0].raw == "安排资金12864300元"


def test_quoted_amounts_context():
    words = ["预算", "资金"]
    text = "年度预算资金，合计1,286.43万元；人均增收500元。"
    assert list(quoted_amounts(text, words, 12, 4)) == [("1,286.43万元", "年度预算资金，合计1,286.43万元", 9)]
