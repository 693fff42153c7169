"""SLF009 executed_differs_from_final_accounts: a 全年执行数 that the year's 部门决算 does not confirm."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def _final_accounts(actual: str, unit: str = UNIT, year: int = 2024) -> Publication:
    """A 决算 publication whose 支出决算表 prints 合计 本年支出合计 = `actual`, and whose narrative
    gives the 财政拨款 execution (not the unit's total: it must not be used)."""
    name = f"{unit}{year}年度部门决算.pdf"

    def ref(row: int, col: int) -> SourceRef:
        return SourceRef(file_sha256="0" * 64, file_name=name, page=3, table=3, row=row, column=col).with_label()

    table = PublicationTable(
        title="支出决算表", key="支出决算表", title_ref=ref(1, 1), table=3, pages=[3], status="present",
        amount_unit="万元",
        lines=[PublicationLine(name="合计", key="合计", ref=ref(5, 1), values={
            "本年支出合计": amount(actual, ref(5, 3), "万元"), "基本支出": amount("1030.25", ref(5, 4), "万元")})])
    return Publication(
        unit=Attribute(value=unit, raw=unit), year=year, year_attr=Attribute(value=str(year), raw=str(year)),
        kind="决算", file_name=name, file_sha256="0" * 64, tables=[table],
        executions=[LineExecution(subject="一般公共预算财政拨款支出", budget_kind="年初预算",
                                  budget=amount("1000.00", ref(9, 1), "万元"), actual=amount("990.00", ref(9, 1), "万元"),
                                  source="narrative")],
    )


def test_slf009_executed_differs_from_the_final_accounts():
    (f,) = run([self_eval(), _final_accounts("1150.20")], "SLF009")
    assert f.details["difference"] == "14.42"
    assert "与南街街道办事处2024年度部门决算.pdf中支出决算表“合计”本年支出合计1150.20万元不一致" in f.message
    assert [e.ref.label for e in f.evidence] == ["自评表!F5", "第3页 表3 第5行第3列"]


def test_slf009_same_amount_or_other_unit_is_fine():
    assert run([self_eval(), _final_accounts("1164.62")], "SLF009") == []
    assert run([self_eval(), _final_accounts("1150.20", unit="东街街道办事处")], "SLF009") == []
    assert run([self_eval(), _final_accounts("1150.20", year=2023)], "SLF009") == []


def test_slf009_against_a_real_published_final_accounts(realdocs):
    """上海市普陀区财政局2024年度部门决算 (realdocs), 支出决算表 on the PDF's 10th page: 合计
    本年支出合计 2,940.05 万元 (read off the page). A self-evaluation stating 2940.05 agrees; one
    stating 2946.25 (the 本年收入合计 of the 收入决算表) does not."""
    from extractors import extract
    from extractors.kinds.final_accounts import parse as parse_final

    (pub,) = parse_final(extract(realdocs / "上海市普陀区财政局2024年度部门决算.pdf"))
    unit = "上海市普陀区财政局"
    ok = [["年度资金总额", "2993.92", "2993.92", "2940.05", "10", "98.20%", "9.82"]]
    bad = [["年度资金总额", "2993.92", "2993.92", "2946.25", "10", "98.41%", "9.84"]]
    assert run([self_eval(lines=ok, total=("100", "99.82"), unit=unit), pub], "SLF009") == []
    (f,) = run([self_eval(lines=bad, total=("100", "99.84"), unit=unit), pub], "SLF009")
    assert f.details["final"] == "2940.05" and "支出决算表“合计”本年支出合计" in f.message
