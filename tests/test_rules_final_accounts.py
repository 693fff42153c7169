"""Final-accounts cross-checks FIN001–FIN013.

Hand-built cases start from the answer keys in tests/data/final_accounts (every figure read by eye
from the two real 2024 publications, independently of the parser): as printed they hold only the
rounding discrepancies the key lists (302: 171.07 vs 171.09 over 12 parts, 105.58 vs 95.36 +
10.23, 326.71 vs 326.72 between tables …), so no rule may fire on them; changing one figure beyond
the half-unit × (n + 1) tolerance must fire exactly the rule that owns the relation. The real-PDF
runs go through extraction and parsing and assert the exact set of findings.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from conftest import need

from checks import load_config, run_checks
from extractors import extract
from extractors.kinds import get_kind
from textnorm.numbers import amount
from schemas.final_accounts import (
    ExpectedTable,
    Publication,
    PublicationColumn,
    PublicationLine,
    PublicationTable,
)
from schemas.findings import Finding, Severity
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue

KEYS = Path(__file__).parent / "data" / "final_accounts"
FINANCE = "上海市普陀区财政局2024年度部门决算"
SOCIAL = "中共上海市普陀区委社会工作部 2024 年度部门决算"
TEMPLATE = "附件2：部门决算模板.pdf"
BUDGET_2025 = "上海市普陀区财政局部门25年预算.pdf"
JIANGSU_PROSE = "江苏省委办公厅2019年度部门预算公开文件.pdf"
JIANGSU_TABLES = "江苏省委办公厅2019年度部门预算公开表格.pdf"
FIN_RULES = [f"FIN{i:03d}" for i in range(1, 14)]
SHA = "c" * 64


# ---------------------------------------------------------------- publications from the answer keys


def _ref(file_name: str, page: int | None, table: int, row: int | None = None, column: int | None = None
         ) -> SourceRef:
    return SourceRef(file_sha256=SHA, file_name=file_name, page=page, table=table, row=row, column=column)


def _role(header: str) -> str:
    last = header.rsplit("/", 1)[-1]
    if "编码" in header or last in ("类", "款", "项"):
        return "code"
    if last in ("项目", "科目名称") or last.endswith("名称"):
        return "name"
    return "amount"


def _level(code: str | None):
    return {3: "类", 5: "款", 7: "项"}.get(len(code)) if code else None


def _parent(code: str | None) -> str | None:
    if not code or len(code) == 3:
        return None
    return code[:3] if len(code) == 5 else code[:5]


def key_table(file_name: str, index: int, spec: dict) -> PublicationTable:
    page = spec["pages"][0]
    columns, side, seen_code = [], 1, False
    for i, header in enumerate(spec["columns"], start=1):
        role = _role(header)
        if role == "code" and seen_code and columns and columns[-1].role == "amount":
            side = 2  # the 基本支出 table prints a second code list to the right
        seen_code = seen_code or role == "code"
        columns.append(PublicationColumn(header=header, role=role, column=i, side=side))
    col_no = {(c.header, c.side): c.column for c in columns}
    lines = []
    for row, item in enumerate(spec["lines"], start=2):
        side = 2 if item.get("side") == "right" else 1
        values, texts = {}, {}
        for header, raw in item["values"].items():
            c = col_no.get((header, side), col_no.get((header, 1)))
            r = _ref(file_name, page, index, row, c)
            if _role(header) == "name":
                if raw:
                    texts[header] = raw
            else:
                values[header] = amount(raw, r, "万元")
        name = item["name"] or next(iter(texts.values()), "")
        lines.append(PublicationLine(code=item["code"], level=_level(item["code"]), parent=_parent(item["code"]),
                                     name=name, values=values, texts=texts, side=side,
                                     ref=_ref(file_name, page, index, row, 1)))
    statement = spec.get("empty_statement")
    return PublicationTable(
        title=spec["title"], key=spec["title"], title_ref=_ref(file_name, page, index), table=index,
        pages=spec["pages"], status=spec["status"],
        empty_statement=TextValue(text=statement, ref=_ref(file_name, page, index)) if statement else None,
        amount_unit="万元", columns=columns, lines=lines)


@cache
def _key_pub(stem: str) -> Publication:
    data = json.loads((KEYS / f"{stem}.json").read_text(encoding="utf-8"))
    file_name = data["file"]
    tables = [key_table(file_name, i, t) for i, t in enumerate(data["tables"], start=1)]
    unit = Attribute(value=data["unit"], raw=data["unit"], ref=_ref(file_name, 1, 0))
    expected = [ExpectedTable(key=t.key, title=t.title, source="目录", status=t.status, table=i)
                for i, t in enumerate(tables)]
    return Publication(unit=unit, year=data["year"], year_attr=Attribute(value=str(data["year"]), raw=""),
                       kind="决算", tables=tables, expected=expected, file_name=file_name, file_sha256=SHA)


def key_pub(stem: str) -> Publication:
    return _key_pub(stem).model_copy(deep=True)


def line_of(pub: Publication, table: str, label: str, side: int | None = None) -> PublicationLine:
    t = pub.table(table)
    assert t is not None, table
    for ln in t.lines:
        if (side is None or ln.side == side) and (
                label == ln.code or label == ln.name or label in ln.texts.values()):
            return ln
    raise AssertionError(f"{table}: no line {label}")


def set_value(pub: Publication, table: str, label: str, column: str, raw: str, side: int | None = None) -> None:
    ln = line_of(pub, table, label, side)
    old = ln.values[column]
    ln.values[column] = amount(raw, old.ref, "万元")


def check(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config or load_config(), only=[rule_id])


def subjects(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.subject.line, f.subject.column) for f in findings}


# ---------------------------------------------------------------- the answer keys as printed


@pytest.mark.parametrize("stem", [FINANCE, SOCIAL])
def test_answer_key_publications_raise_nothing(stem: str) -> None:
    # Every table-internal and between-table discrepancy in these keys is classified rounding.
    assert run_checks([key_pub(stem)], load_config(), only=FIN_RULES) == []


def test_rounding_cases_of_the_key_are_compared_not_skipped() -> None:
    # With a negative tolerance every compared relation is reported: the README's rounding cases
    # must be among them, so "no finding" above means "within tolerance", not "never looked".
    config = load_config()
    for rid in ("FIN001", "FIN002", "FIN004", "FIN007"):
        config["rules"][rid]["params"]["tolerance_scale"] = -1
    finance = subjects(run_checks([key_pub(FINANCE)], config, only=["FIN001", "FIN002", "FIN007"]))
    assert ("FIN001", "一般公共预算财政拨款基本支出决算表 302 商品和服务支出", "决算数") in finance
    assert ("FIN001", "一般公共预算财政拨款基本支出决算表 301 工资福利支出", "决算数") in finance
    assert ("FIN002", "一般公共预算财政拨款支出决算表 合计", "合计") in finance
    pair = "财政拨款收入支出决算总表 八、社会保障和就业支出｜一般公共预算财政拨款支出决算表 208 社会保障和就业支出"
    assert ("FIN007", pair, "支出/一般公共预算财政拨款") in finance
    social = subjects(run_checks([key_pub(SOCIAL)], config, only=["FIN004"]))
    assert social == {("FIN004", "一般公共预算财政拨款支出决算表 合计", "基本支出")}


# ---------------------------------------------------------------- FIN001 nesting


def test_fin001_class_beyond_tolerance_of_its_items() -> None:
    pub = key_pub(FINANCE)
    # 302's 27 款 (12 printed, 15 blank) add up to 171.09; tolerance 13 × 0.005 = 0.065;
    # 171.02 is 0.07 off.
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "302", "决算数", "171.02")
    found = check([pub], "FIN001")
    assert subjects(found) == {("FIN001", "一般公共预算财政拨款基本支出决算表 302 商品和服务支出", "决算数")}
    f = found[0]
    assert f.severity == Severity.ERROR and f.subject.unit == "上海市普陀区财政局" and f.subject.year == 2024
    assert f.details["reported"] == "171.02" and f.details["computed"] == "171.09"
    assert f.details["difference"] == "-0.07" and f.details["tolerance"] == "0.065"
    assert "171.02万元" in f.message and "171.09万元" in f.message and "“30229 福利费”42.77万元" in f.message
    assert "其下27个款级科目" in f.message and "第16页" in f.text and len(f.evidence) == 1 + 27


def test_fin001_printed_rounding_is_not_flagged() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "302", "决算数", "171.03")  # 0.06 ≤ 0.065
    assert check([pub], "FIN001") == []


# ---------------------------------------------------------------- FIN002 合计 row


def test_fin002_total_row_against_classes() -> None:
    pub = key_pub(FINANCE)
    # 类 rows add up to 2,940.06 (four 类 + the total: tolerance 0.025).
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "合计", "2,940.09")
    found = check([pub], "FIN002")
    assert subjects(found) == {("FIN002", "一般公共预算财政拨款支出决算表 合计", "合计")}
    assert found[0].details["computed"] == "2940.06" and "2940.09万元" in found[0].message


def test_fin002_rounding_and_the_personnel_side_total() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "合计", "2,940.08")  # 0.02 ≤ 0.025
    assert check([pub], "FIN002") == []
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "人员经费合计", "决算数", "2,152.36", side=1)
    assert subjects(check([pub], "FIN002")) == {
        ("FIN002", "一般公共预算财政拨款基本支出决算表 人员经费合计", "决算数")}


# ---------------------------------------------------------------- FIN013 list-style tables


def _list_table_pub(rows: list[tuple[str, str, str]]) -> Publication:
    """A publication holding one “三公” table laid out as a list: 项目 | 预算数 | 决算数."""
    spec = {"title": "财政拨款“三公”经费支出决算表", "pages": [7], "status": "present",
            "columns": ["项目", "预算数", "决算数"],
            "lines": [{"code": None, "name": name, "values": {"项目": name, "预算数": b, "决算数": a}}
                      for name, b, a in rows]}
    table = key_table("表.pdf", 1, spec)
    return Publication(unit=Attribute(value="测试局", raw="测试局"), year=2023,
                       year_attr=Attribute(value="2023", raw="2023"), kind="决算", tables=[table],
                       file_name="表.pdf", file_sha256=SHA)


SANGONG_LIST = [("合计", "57.00", "44.97"), ("1.因公出国（境）费", "6.00", "0.00"),
                ("2.公务用车购置及运行费", "47.00", "41.95"), ("其中：（1）公务用车购置费", "25.00", "23.80"),
                ("（2）公务用车运行费", "22.00", "18.15"), ("3.公务接待费", "4.00", "3.02")]


def test_fin013_list_total_against_its_numbered_rows() -> None:
    # As generated for 宁川市生态环境局 (tools/fixturegen/publication_older.py): 合计 = 1. + 2. + 3.;
    # the “其中” rows under 2. are not added again.
    assert check([_list_table_pub(SANGONG_LIST)], "FIN013") == []
    rows = [("合计", "57.00", "45.97")] + SANGONG_LIST[1:]
    found = check([_list_table_pub(rows)], "FIN013")
    assert subjects(found) == {("FIN013", "财政拨款“三公”经费支出决算表 合计", "决算数")}
    assert found[0].details["computed"] == "44.97"


def test_fin013_leaves_coded_and_two_sided_tables_to_the_other_rules() -> None:
    assert check([key_pub(FINANCE)], "FIN013") == []
    rows = [("合计", "57.00", "45.97"), ("1.因公出国（境）费", "6.00", "0.00")]  # one numbered row: no list
    assert check([_list_table_pub(rows)], "FIN013") == []


# ---------------------------------------------------------------- FIN003 合计 columns


def test_fin003_three_public_total_and_basic_plus_project() -> None:
    pub = key_pub(FINANCE)
    three = "财政拨款“三公”经费支出决算表"
    only = pub.table(three).lines[0]
    only.values["财政拨款“三公”经费/合计/预算数"] = amount("0.97", only.ref, "万元")  # parts: 0.95
    set_value(pub, "支出决算表", "2010601", "本年支出合计", "1,511.99")  # 1,503.52 + 8.37 = 1,511.89
    found = check([pub], "FIN003")
    assert subjects(found) == {
        ("FIN003", f"{three} 第2行", "财政拨款“三公”经费/合计/预算数"),
        ("FIN003", "支出决算表 2010601 行政运行", "本年支出合计"),
    }
    three_found = next(f for f in found if f.subject.column.endswith("预算数"))
    assert "“财政拨款“三公”经费/公务接待费/预算数”0.95万元" in three_found.message


def test_fin003_one_unit_off_over_one_part_is_rounding() -> None:
    pub = key_pub(FINANCE)
    only = pub.table("财政拨款“三公”经费支出决算表").lines[0]
    only.values["财政拨款“三公”经费/合计/预算数"] = amount("0.96", only.ref, "万元")
    assert check([pub], "FIN003") == []


# ---------------------------------------------------------------- FIN004 人员 + 公用 = 基本


def test_fin004_personnel_plus_public_against_basic_expenditure() -> None:
    pub = key_pub(SOCIAL)
    # The key's 95.36 + 10.23 = 105.59 vs 105.58 is rounding; 105.55 is 0.04 off (tolerance 0.015).
    set_value(pub, "一般公共预算财政拨款支出决算表", "合计", "基本支出", "105.55")
    found = check([pub], "FIN004")
    assert subjects(found) == {("FIN004", "一般公共预算财政拨款支出决算表 合计", "基本支出")}
    assert "《一般公共预算财政拨款基本支出决算表》“人员经费合计”95.36万元" in found[0].message
    assert "“公用经费合计”10.23万元" in found[0].message and "105.59万元" in found[0].message
    assert check([key_pub(SOCIAL)], "FIN004") == []


# ---------------------------------------------------------------- FIN005, FIN006 总表


def test_fin005_sides_of_the_overview_differ() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "2,995.41")
    found = check([pub], "FIN005")
    assert subjects(found) == {("FIN005", "收入支出决算总表 总计", "支出/决算数")}
    assert "2995.39万元" in found[0].message and "2995.41万元" in found[0].message


def test_fin005_one_unit_apart_is_rounding() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "2,995.40")
    assert check([pub], "FIN005") == []


def test_fin006_items_and_carry_over_rows_of_the_overview() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "八、社会保障和就业支出", "支出/决算数", "326.81")
    set_value(pub, "财政拨款收入支出决算总表", "年末财政拨款结转和结余", "支出/合计", "21.70")
    found = check([pub], "FIN006")
    assert subjects(found) == {
        ("FIN006", "收入支出决算总表 本年支出合计", "支出/决算数"),
        ("FIN006", "财政拨款收入支出决算总表 总计", "支出/合计"),
    }
    total = next(f for f in found if f.subject.line.endswith("总计"))
    assert "“本年支出合计”2940.05万元＋“年末财政拨款结转和结余”21.70万元" in total.message


def test_fin006_rounding_within_the_overview() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "八、社会保障和就业支出", "支出/决算数", "326.72")
    assert check([pub], "FIN006") == []


# ---------------------------------------------------------------- FIN007 same figure, two tables


def test_fin007_class_amount_differs_between_tables() -> None:
    pub = key_pub(FINANCE)
    # 326.71 (p. 12) vs 326.72 (p. 15) is rounding; 326.69 is 0.03 off.
    set_value(pub, "财政拨款收入支出决算总表", "八、社会保障和就业支出", "支出/一般公共预算财政拨款", "326.69")
    found = check([pub], "FIN007")
    assert subjects(found) == {(
        "FIN007",
        "财政拨款收入支出决算总表 八、社会保障和就业支出｜一般公共预算财政拨款支出决算表 208 社会保障和就业支出",
        "支出/一般公共预算财政拨款")}
    assert "326.69万元" in found[0].message and "326.72万元" in found[0].message


def test_fin007_income_total_between_overview_and_income_table() -> None:
    pub = key_pub(SOCIAL)
    set_value(pub, "收入决算表", "合计", "本年收入合计", "307.92")
    assert subjects(check([pub], "FIN007")) == {
        ("FIN007", "收入支出决算总表 本年收入合计｜收入决算表 合计", "收入/决算数")}
    assert check([key_pub(SOCIAL)], "FIN007") == []


# ---------------------------------------------------------------- FIN008 part ≤ whole


def test_fin008_general_budget_figure_exceeds_all_funds() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010607", "项目支出", "135.27")  # 支出决算表: 135.25
    found = check([pub], "FIN008")
    assert subjects(found) == {("FIN008", "一般公共预算财政拨款支出决算表 2010607 信息化建设｜支出决算表", "项目支出")}
    assert found[0].details["excess"] == "0.02"


def test_fin008_less_than_all_funds_is_fine() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010607", "项目支出", "135.26")  # one unit: rounding
    set_value(pub, "一般公共预算财政拨款支出决算表", "2010608", "项目支出", "400.00")  # other funds pay the rest
    assert check([pub], "FIN008") == []


# ---------------------------------------------------------------- FIN009–FIN012 tables and templates


def _drop_table(pub: Publication, key: str) -> None:
    pub.tables = [t for t in pub.tables if t.key != key]
    for e in pub.expected:
        if e.key == key:
            e.status, e.table = "missing", None


def test_fin009_listed_table_missing() -> None:
    pub = key_pub(SOCIAL)
    _drop_table(pub, "财政拨款“三公”经费支出决算表")
    found = check([pub], "FIN009")
    assert subjects(found) == {("FIN009", "财政拨款“三公”经费支出决算表", "")}
    assert found[0].severity == Severity.ERROR and "《财政拨款“三公”经费支出决算表》" in found[0].message


def test_fin009_empty_tables_with_statements_are_fine() -> None:
    pub = key_pub(SOCIAL)  # three tables declared empty
    assert sum(t.status == "empty" for t in pub.tables) == 3
    assert check([pub], "FIN009") == []


def _text_only(pub: Publication) -> Publication:
    text = pub.model_copy(deep=True)
    text.file_name = "情况说明.pdf"
    for t in list(text.tables):
        _drop_table(text, t.key)
    return text


def test_fin010_text_only_file_without_its_tables() -> None:
    text = _text_only(key_pub(SOCIAL))
    found = check([text], "FIN010")
    assert subjects(found) == {("FIN010", "公开表格", "")}
    assert found[0].severity == Severity.WARNING and "9张表格" in found[0].message
    assert check([text], "FIN009") == []


def test_fin010_tables_in_a_companion_file_satisfy_the_list() -> None:
    tables = key_pub(SOCIAL)
    text = _text_only(tables)
    assert check([text, tables], "FIN010") == [] and check([text, tables], "FIN009") == []


def test_fin011_empty_table_without_statement() -> None:
    pub = key_pub(SOCIAL)
    pub.table("政府性基金预算财政拨款收入支出决算表").empty_statement = None
    found = check([pub], "FIN011")
    assert subjects(found) == {("FIN011", "政府性基金预算财政拨款收入支出决算表", "")}
    assert found[0].severity == Severity.WARNING
    assert check([key_pub(SOCIAL)], "FIN011") == []


def test_fin012_template_gets_one_notice_and_nothing_else() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "9,999.99")  # would trip FIN005/006
    pub.template = True
    found = run_checks([pub], load_config(), only=FIN_RULES)
    assert [(f.rule_id, f.severity, f.subject.line) for f in found] == [("FIN012", Severity.NOTICE, "模板")]
    assert "模板，未含实际数据" in found[0].message
    pub.template = False
    assert check([pub], "FIN012") == []


# ---------------------------------------------------------------- real PDFs


@cache
def _real_pub(path: str) -> list:
    return get_kind("final_accounts").parse(extract(path))


def real(realdocs: Path, name: str) -> list:
    path = realdocs / name
    need(path.exists(), str(path))
    return _real_pub(str(path))


@pytest.mark.parametrize(("name", "expected"), [
    (f"{FINANCE}.pdf", set()),
    (f"{SOCIAL}.pdf", set()),
    (BUDGET_2025, set()),
    (JIANGSU_TABLES, set()),
    (TEMPLATE, {("FIN012", "模板", "")}),
    (JIANGSU_PROSE, {("FIN010", "公开表格", "")}),
])
def test_real_publications_exact_findings(realdocs: Path, name: str, expected: set) -> None:
    # The genuine errors the answer keys list are all narrative ↔ table; the tables themselves
    # only disagree by rounding, so the table rules must stay silent on every real publication.
    found = run_checks(real(realdocs, name), load_config(), only=FIN_RULES)
    assert subjects(found) == expected
    assert not [f for f in found if f.severity == Severity.ERROR]


def test_real_jiangsu_text_and_tables_together(realdocs: Path) -> None:
    records = real(realdocs, JIANGSU_PROSE) + real(realdocs, JIANGSU_TABLES)
    assert run_checks(records, load_config(), only=FIN_RULES) == []


def test_real_relations_are_compared(realdocs: Path) -> None:
    # Every sum rule had something to compare on the parsed PDFs (a negative tolerance reports
    # every comparison whose figures are not all blank).
    config = load_config()
    for rid in FIN_RULES[:8]:
        config["rules"][rid]["params"]["tolerance_scale"] = -1

    def compared(name: str) -> dict[tuple[str, str, str], Finding]:
        found = run_checks(real(realdocs, name), config, only=FIN_RULES[:8])
        return {(f.rule_id, f.subject.line, f.subject.column): f for f in found}

    finance = compared(f"{FINANCE}.pdf")
    assert {r for r, _, _ in finance} == set(FIN_RULES[:8])
    basic = "一般公共预算财政拨款基本支出决算表"
    assert finance[("FIN001", f"{basic} 302 商品和服务支出", "决算数")].details["computed"] == "171.09"
    assert finance[("FIN001", f"{basic} 301 工资福利支出", "决算数")].details["computed"] == "2082.86"
    assert finance[("FIN006", "财政拨款收入支出决算总表 总计", "支出/合计")].details["computed"] == "2961.68"
    assert finance[("FIN003", "支出决算表 2010601 行政运行", "本年支出合计")].details["computed"] == "1511.89"
    budget = compared(BUDGET_2025)
    assert budget[("FIN004", "一般公共预算支出功能分类预算表 合计", "一般公共预算支出/基本支出")
                  ].details["computed"] == "2512.1091"
    assert any(r == "FIN003" and line.startswith("“三公”经费预算表") and column == "“三公”经费预算数/合计"
               for r, line, column in budget)
    jiangsu = compared(JIANGSU_TABLES)
    assert jiangsu[("FIN006", "收支预算总表 当年支出小计", "支出/支出用途/金额")].details["computed"] == "27664.22"
    assert ("FIN007", "财政拨款收支预算总表 一、基本支出｜财政拨款基本支出预算表 合计",
            "支出/支出用途/金额") in jiangsu
    assert {column for r, line, column in jiangsu if r == "FIN003" and line.startswith("“三公”")} == {
        "合计", "“三公”经费/小计", "“三公”经费/公务用车购置及运行维护费/小计"}
