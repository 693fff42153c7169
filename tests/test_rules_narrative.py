"""Narrative rules NAR001–NAR005: the exact findings on the two real 2024 final accounts (the
discrepancies their answer keys classify as errors; none for rounding, wording or the zero-base
convention), none on the template, and synthetic narratives for each rule's other branches."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from checks import run_checks
from checks.narrative import stale_problems
from extractors import extract
from extractors.kinds.final_accounts import parse
from extractors.narrative import read_narrative
from schemas.document import Document, Format, TextBlock
from textnorm.numbers import amount
from schemas.final_accounts import Publication, PublicationColumn, PublicationLine, PublicationTable
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute

FINANCE_2024 = "上海市普陀区财政局2024年度部门决算.pdf"
SOCIAL_2024 = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"
NAR = ["NAR001", "NAR002", "NAR003", "NAR004", "NAR005"]


@cache
def _findings(path: str) -> list[Finding]:
    return run_checks(parse(extract(path)), only=NAR)


def findings(realdocs: Path, name: str) -> list[Finding]:
    return _findings(str(realdocs / name))


def ids(found: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.subject.line, f.subject.column) for f in found}


def test_finance_bureau_the_two_narrative_errors_and_nothing_else(realdocs: Path) -> None:
    found = findings(realdocs, FINANCE_2024)
    assert ids(found) == {
        ("NAR001", "情况说明/财政拨款收入支出总计", "决算"),  # 0.3万元 vs 总计 2,961.68 (key, error 1)
        ("NAR002", "情况说明/201 一般公共服务支出", "占比"),  # 71.73% vs 2106.66 ÷ 2940.05 (key, error 2)
    }
    total = next(f for f in found if f.rule_id == "NAR001")
    assert "“上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。”" in total.message
    assert "为2961.68万元" in total.message and "相差2961.38万元" in total.message
    assert [e.ref.page for e in total.evidence] == [21, 13]
    assert total.evidence[1].raw == "2,961.68" and total.evidence[1].ref.label == "第13页 表5 第34行第2列"
    share = next(f for f in found if f.rule_id == "NAR002")
    assert "71.73%" in share.message and "按2106.66万元÷2940.05万元计算应为71.65%" in share.message
    assert share.evidence[0].ref.page == 21


def test_social_work_department_completion_rate_over_a_zero_budget_and_procurement(realdocs: Path) -> None:
    found = findings(realdocs, SOCIAL_2024)
    assert ids(found) == {
        ("NAR002", "情况说明/一般公共预算财政拨款支出", "完成率"),  # 完成年初预算的95.89% with 年初预算 0 (key, error 1)
        ("NAR005", "情况说明/政府采购", "预留项目中小企业中标＋其他项目中小企业中标"),  # 21.07 + 21.07 > 21.07 (key, error 2)
    }
    rate = next(f for f in found if f.rule_id == "NAR002")
    assert "年初预算数为0万元" in rate.message and "全年预算数321.02万元" in rate.message
    assert "（95.89%）一致" in rate.message
    procurement = next(f for f in found if f.rule_id == "NAR005")
    assert "合计42.14万元，超过总额" in procurement.message and procurement.severity == "error"


def test_template_gets_no_narrative_findings(realdocs: Path) -> None:
    assert findings(realdocs, TEMPLATE) == []


# ---------------------------------------------------------------- synthetic narratives


def _pub(*lines: str, year: int = 2024) -> Publication:
    blocks = [TextBlock(text=t, order=i + 1, ref=SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1,
                                                           bbox=(96, 100 + 20 * i, 300, 114 + 20 * i)).with_label())
              for i, t in enumerate(("部门决算情况说明", *lines))]
    doc = Document(path="t.pdf", file_name="t.pdf", file_sha256="0" * 64, format=Format.PDF, blocks=blocks)
    figures, sentences = read_narrative(doc, [])
    return Publication(unit=Attribute(value="测试局", raw="测试局"), year=year,
                       year_attr=Attribute(value=str(year), raw=str(year)), kind="决算",
                       narrative=figures, narrative_sentences=sentences, file_name="t.pdf", file_sha256="0" * 64)


def _run(pub: Publication, rule_id: str) -> list[Finding]:
    return run_checks([pub], only=[rule_id])


def test_stale_text_placeholders_alternatives_instructions_and_years() -> None:
    words = ["如持平作持平表述"]
    assert stale_problems("上海市XX局2024年度收入支出总计XXX万元。", 2024, words) == ["占位符“XX”"]
    assert stale_problems("收入支出总计增加（减少）5万元，（如持平作持平表述）", 2024, words) == [
        "未选定的“增加（减少）”", "模板说明“如持平作持平表述”"]
    assert stale_problems("本局2023年度收入支出总计5万元。与2022年度相比，增加1万元。", 2024, words) == [
        "年度“2023年”（本文件为2024年度）", "与2022年相比（应为与2023年相比）"]
    assert stale_problems("与2023年度相比持平；截至2024年12月31日共有车辆0辆。", 2024, words) == []
    # A 2025 budget is prepared in 2024 (上海市普陀区财政局部门25年预算, p. 22: 截至2024年8月31日).
    assert stale_problems("截至2024年8月31日，财政局共有车辆0辆。", 2025, words, "预算") == []
    assert stale_problems("截至2024年8月31日，财政局共有车辆0辆。", 2025, words) == ["年度“2024年”（本文件为2025年度）"]
    found = _run(_pub("本局2023年度收入支出总计5.00万元。"), "NAR003")
    assert [f.details["problems"] for f in found] == [["年度“2023年”（本文件为2024年度）"]]
    assert "沿用往年文字" in found[0].message


def test_comparison_words_against_the_stated_budget() -> None:
    wrong = _pub("1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为12.00万元。",
                 "决算数小于预算数的主要原因：人员减少。")
    found = _run(wrong, "NAR004")
    assert len(found) == 1 and found[0].details == {"word": "小于", "actual": "12.00", "budget": "10.00"}
    assert "决算数并非“小于”预算数" in found[0].message
    right = _pub("1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为12.00万元。",
                 "决算数大于预算数的主要原因：追加经费。")
    assert _run(right, "NAR004") == []
    flat = _pub("机关运行经费年初预算为10.00万元，支出决算为9.99万元。决算数与预算数持平。")
    assert len(_run(flat, "NAR004")) == 1
    roughly = _pub("机关运行经费年初预算为10.00万元，支出决算为9.99万元。决算数与预算数基本持平。")
    assert _run(roughly, "NAR004") == []


def test_increase_with_a_falling_rate_is_contradicted() -> None:
    found = _run(_pub("机关运行经费支出50.00万元，比2023年度增加5.00万元，下降11.11%。"), "NAR004")
    assert [(f.details["amount_word"], f.details["rate_word"]) for f in found] == [("增加", "下降")]


@pytest.mark.parametrize(("rate", "flagged"), [("9.09", False), ("10.00", True)])
def test_growth_rate_follows_from_the_change_and_this_year(rate: str, flagged: bool) -> None:
    pub = _pub(f"机关运行经费支出50.00万元，比2023年度减少5.00万元，下降{rate}%。")  # 5 ÷ 55 = 9.0909%
    found = _run(pub, "NAR002")
    assert bool(found) is flagged
    if flagged:
        assert Decimal(found[0].details["computed"]).quantize(Decimal("0.01")) == Decimal("9.09")


def test_growth_against_a_zero_base_is_not_flagged() -> None:
    # A unit founded this year: the whole amount is the increase; “增长100.00%” is the custom.
    assert _run(_pub("机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。"), "NAR002") == []


def test_share_and_completion_rate_at_print_precision() -> None:
    ok = _pub("本年支出合计307.82万元，其中：住房保障支出（类）29.42万元，占9.55%。")  # 9.5575%: rounding
    assert _run(ok, "NAR002") == []
    bad = _pub("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的91.00%。")
    found = _run(bad, "NAR002")
    assert len(found) == 1 and "按90.00万元÷100.00万元计算应为90.00%" in found[0].message


# ---------------------------------------------------------------- layouts of other regions


def _table(title: str, columns: list[tuple[str, str]], rows: list[tuple[str | None, str, list[str]]]
           ) -> PublicationTable:
    """columns: (header, role); rows: (code, name, amounts in the order of the amount columns)."""
    ref = SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1, table=1)
    amounts = [h for h, r in columns if r == "amount"]
    lines = [PublicationLine(code=code, level={7: "项", 5: "款", 3: "类"}.get(len(code)) if code else None,
                             parent=({7: code[:5], 5: code[:3]}.get(len(code)) if code else None), name=name,
                             values={h: amount(v, ref, "万元") for h, v in zip(amounts, vals)}, ref=ref)
             for code, name, vals in rows]
    return PublicationTable(title=title, key=title, title_ref=ref, table=1, pages=[1], status="present",
                            amount_unit="万元", lines=lines,
                            columns=[PublicationColumn(header=h, role=r, column=i) for i, (h, r) in enumerate(columns, 1)])


def _pub_with(tables: list[PublicationTable], *lines: str) -> Publication:
    pub = _pub(*lines)
    blocks = [TextBlock(text=t, order=i + 1, ref=SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1,
                                                           bbox=(96, 100 + 20 * i, 300, 114 + 20 * i)).with_label())
              for i, t in enumerate(("部门决算情况说明", *lines))]
    doc = Document(path="t.pdf", file_name="t.pdf", file_sha256="0" * 64, format=Format.PDF, blocks=blocks)
    figures, sentences = read_narrative(doc, tables)
    return pub.model_copy(update={"tables": tables, "narrative": figures, "narrative_sentences": sentences})


def test_nar001_reads_the_actual_column_of_a_detail_table_with_budget_columns() -> None:
    # Found on the generated county publication: 年初预算数 | 全年预算数 | 决算数/合计 … gave NAR001
    # no column to compare a 项's stated actual with.
    table = _table("一般公共预算财政拨款支出决算表",
                   [("科目编码", "code"), ("科目名称", "name"), ("年初预算数", "amount"), ("全年预算数", "amount"),
                    ("决算数/合计", "amount"), ("决算数/基本支出", "amount"), ("决算数/项目支出", "amount")],
                   [("213", "农林水支出", ["492.00", "492.00", "486.32", "486.32", ""]),
                    ("21301", "农业农村", ["492.00", "492.00", "486.32", "486.32", ""]),
                    ("2130101", "行政运行", ["492.00", "492.00", "486.32", "486.32", ""])])
    line = "1、农林水支出（类）农业农村（款）行政运行（项）。年初预算为492.00万元，支出决算为{}万元。"
    assert _run(_pub_with([table], line.format("486.32")), "NAR001") == []
    found = _run(_pub_with([table], line.format("468.32")), "NAR001")
    assert [(f.subject.line, f.details["table"]) for f in found] == [("情况说明/2130101 行政运行", "486.32")]


def test_nar001_reads_a_three_public_table_laid_out_as_a_list() -> None:
    table = _table("财政拨款“三公”经费支出决算表", [("项目", "name"), ("预算数", "amount"), ("决算数", "amount")],
                   [(None, "合计", ["57.00", "44.97"]), (None, "1.因公出国（境）费", ["6.00", "0.00"]),
                    (None, "2.公务用车购置及运行费", ["47.00", "41.95"]), (None, "3.公务接待费", ["4.00", "3.02"])])
    line = "“三公”经费财政拨款支出年初预算为57.00万元，支出决算为{}万元。"
    assert _run(_pub_with([table], line.format("44.97")), "NAR001") == []
    found = _run(_pub_with([table], line.format("45.97")), "NAR001")
    assert [(f.subject.line, f.details["table"]) for f in found] == [("情况说明/三公经费", "44.97")]
