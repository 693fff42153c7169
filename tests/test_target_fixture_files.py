"""The committed 绩效目标表 fixtures: every target document has its expected records, the records
follow from the generator's data, nanjie-2024's figures are those of the issue's spec, the findings
follow from the figures (an independent oracle recomputes them), each planted error sits in its
own document, and the documents themselves show what the records say.

Needs no LibreOffice: it reads the committed files and the generator's data, never re-renders.
"""

from __future__ import annotations

import copy
import json
import sys
from collections import Counter
from decimal import Decimal

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from docx import Document as WordDocument
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from extractors.sniff import sniff
from tests.conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
from fixturegen import targets_oracle  # noqa: E402
from fixturegen.targets_data import all_target_docs  # noqa: E402
from fixturegen.targets_expected import target_expected_files  # noqa: E402

EXPECTED = FIXTURES / "expected"
NANJIE = "南街街道办事处"
NANJIE_24 = f"{NANJIE}2024年度部门整体支出绩效目标表.pdf"
NANJIE_25 = f"{NANJIE}2025年度部门整体支出绩效目标表.docx"
TABLE_KEYS = {"kind", "unit", "year", "project", "department", "implementing_unit", "amount_unit", "budget_total",
              "budget_fiscal", "budget_other", "tasks", "tasks_total", "goal_text", "indicators"}
INDICATOR_KEYS = {"level1", "level2", "level3", "value", "operator", "number", "unit", "quantitative"}
FINDING_KEYS = {"rule_id", "unit", "period_months", "year", "project", "line", "column"}


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _target_expected(sub: str) -> dict[str, dict]:
    out = {}
    for p in sorted((EXPECTED / sub).glob("*.json")):
        if not p.name.startswith("findings"):
            rec = _load(p)
            if rec["kind"] == "targets":
                out[p.name[: -len(".json")]] = rec
    return out


def _target_findings(sub: str) -> list[dict]:
    """The findings of target rules (monitoring findings carry a period, target findings a year)."""
    return [f for f in _load(EXPECTED / sub / "findings.json") if f["period_months"] is None]


def _tables(sub: str) -> list[tuple[str, dict]]:
    return [(name, t) for name, rec in _target_expected(sub).items() for t in rec["tables"]]


def _doc_of(sub: str) -> dict[tuple, str]:
    """(unit, year, project) → file name: each target table is named by its subject."""
    index: dict[tuple, str] = {}
    for name, t in _tables(sub):
        key = (t["unit"], t["year"], t["project"] or "")
        assert key not in index, f"two tables for {key}"
        index[key] = name
    return index


# ---------------------------------------------------------------------------------------------
# Files and records.


def test_every_target_document_has_its_expected_file():
    targets = {p.name for p in (FIXTURES / "targets").iterdir() if p.is_file()}
    assert len(targets) >= 8
    assert targets == set(_target_expected("targets"))
    assert {p.name for p in (EXPECTED / "targets").iterdir()} == {f"{n}.json" for n in targets} | {"findings.json"}
    nanjie = {p.name for p in (FIXTURES / "nanjie-2024").iterdir() if "目标表" in p.name}
    assert nanjie == {NANJIE_24, NANJIE_25} == set(_target_expected("nanjie-2024"))


def test_committed_expected_files_follow_from_the_generator_data():
    """Rebuild the target expected JSON in memory from targets_data (no rendering) and compare."""
    generated = target_expected_files(all_target_docs())
    assert set(generated) == ({f"targets/{n}.json" for n in _target_expected("targets")} | {"targets/findings.json"}
                              | {f"nanjie-2024/{n}.json" for n in _target_expected("nanjie-2024")}
                              | {"nanjie-2024/findings.json"})
    for rel, data in generated.items():
        if rel == "nanjie-2024/findings.json":
            assert _target_findings("nanjie-2024") == data  # after the folder's monitoring findings
        else:
            assert _load(EXPECTED / rel) == data, rel


@pytest.mark.parametrize("sub", ["targets", "nanjie-2024"])
def test_expected_records_are_well_formed(sub):
    for name, rec in _target_expected(sub).items():
        path = FIXTURES / sub / name
        assert rec["file"] == name and rec["kind"] == "targets"
        assert rec["format"] == sniff(path).value == path.suffix.lstrip(".")
        assert rec["tables"]
        for t in rec["tables"]:
            assert set(t) == TABLE_KEYS
            assert t["kind"] in ("unit", "project") and t["amount_unit"] in ("元", "万元")
            assert (t["project"] is None) == (t["kind"] == "unit")
            assert t["kind"] == "unit" or (t["department"] == t["unit"] and t["implementing_unit"])
            assert t["year"] in (2024, 2025) and t["goal_text"]
            for key in ("budget_total", "budget_fiscal", "budget_other", "tasks_total"):
                assert t[key] is None or Decimal(t[key]) >= 0
            assert (t["tasks_total"] is None) == (not t["tasks"])
            for task in t["tasks"]:
                assert task["name"] and task["content"] and Decimal(task["amount"]) > 0
            assert t["indicators"]
            for i in t["indicators"]:
                assert set(i) == INDICATOR_KEYS and i["level1"] and i["level2"] and i["level3"] and i["value"]
                assert i["operator"] in (None, "≥", "≤", ">", "<", "=")
                assert i["quantitative"] == (i["number"] is not None or i["unit"] == "日期")
                if i["number"] is not None:
                    assert i["number"] in i["value"].replace(",", "") and Decimal(i["number"]) >= 0
                else:
                    assert i["operator"] in (None, "≤") and i["unit"] in (None, "日期")


# ---------------------------------------------------------------------------------------------
# nanjie-2024: the figures of the spec, written out here by hand.

NANJIE_INDICATORS = [
    ("部门管理", "资金投入", "预算编制完整性", "完整"),
    ("部门管理", "资金投入", "基本支出预算执行率", "100%"),
    ("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
    ("部门管理", "资金投入", "“三公经费”控制率", "≤100%"),
    ("部门管理", "财务管理", "财务管理制度健全性", "健全"),
    ("部门管理", "财务管理", "资金使用合规性", "规范"),
    ("部门管理", "采购管理", "政府采购规范性", "规范"),
    ("部门管理", "资产管理", "资产管理规范性", "规范"),
    ("部门管理", "资产管理", "固定资产利用率", "≥95%"),
    ("部门管理", "人员管理", "在职人员控制率", "≤100%"),
    ("部门管理", "人员管理", "人员管理制度健全性", "健全"),
    ("部门管理", "制度管理", "内控制度健全性", "健全"),
    ("部门管理", "制度管理", "公用经费控制率", "≤100%"),
    ("部门履职", "重点履职", "部门履职情况提升性", "有效提升"),
    ("部门效果", "社会效益", "部门效果达标率", "达标"),
    ("部门效果", "服务对象满意度", "服务对象满意度", "满意"),
    ("部门效果", "社会影响满意度", "社会影响满意度", "较好"),
]
NANJIE_QUANTITATIVE = {"基本支出预算执行率", "项目支出预算执行率", "“三公经费”控制率", "固定资产利用率",
                       "在职人员控制率", "公用经费控制率"}


def _nanjie(file_name: str) -> dict:
    (t,) = _target_expected("nanjie-2024")[file_name]["tables"]
    assert (t["kind"], t["unit"], t["amount_unit"], t["project"]) == ("unit", NANJIE, "万元", None)
    return t


def test_nanjie_2024_figures_are_those_of_the_spec():
    t = _nanjie(NANJIE_24)
    assert t["year"] == 2024
    assert (t["budget_total"], t["budget_fiscal"], Decimal(t["budget_other"])) == ("1164.62", "1164.62", 0)
    assert [(k["name"], k["amount"]) for k in t["tasks"]] == [
        ("人员经费保障", "958.63"), ("日常运转保障", "71.62"), ("宣传及办公保障", "134.37")]
    assert t["tasks"][1]["content"] == "缴纳街道、社区水费、电费、电话网络费，报销差旅费"
    assert t["tasks_total"] == "1164.62"
    assert t["goal_text"].startswith("2024年通过缴纳街道、社区水费、电费、电话网络费")
    assert "支出不超过预算1286.43万元" in t["goal_text"] and t["goal_text"].endswith("基层党建工作更好发展。")
    assert [(i["level1"], i["level2"], i["level3"], i["value"]) for i in t["indicators"]] == NANJIE_INDICATORS
    quantitative = {i["level3"] for i in t["indicators"] if i["quantitative"]}
    assert quantitative == NANJIE_QUANTITATIVE
    assert len(quantitative) * 10000 // len(t["indicators"]) == 3529  # 6/17 = 35.29%
    by_name = {i["level3"]: i for i in t["indicators"]}
    assert (by_name["项目支出预算执行率"]["operator"], by_name["项目支出预算执行率"]["number"]) == ("≥", "90")
    assert (by_name["基本支出预算执行率"]["operator"], by_name["基本支出预算执行率"]["unit"]) == (None, "%")


def test_nanjie_2025_figures_are_those_of_the_spec():
    t = _nanjie(NANJIE_25)
    assert t["year"] == 2025
    assert (t["budget_total"], t["budget_fiscal"], t["tasks_total"]) == ("1198.40", "1198.40", "1198.40")
    assert [(k["name"], k["amount"]) for k in t["tasks"]] == [
        ("人员经费保障", "985.20"), ("日常运转保障", "73.50"), ("宣传及办公保障", "139.70")]
    assert "支出不超过预算1198.40万元" in t["goal_text"] and "1286.43" not in t["goal_text"]
    rows = [(i["level1"], i["level2"], i["level3"], i["value"]) for i in t["indicators"]]
    assert rows[:13] == NANJIE_INDICATORS[:13] and rows[14:] == NANJIE_INDICATORS[14:]
    assert rows[13] == ("部门履职", "重点履职", "电费缴纳次数", "12次")
    assert sum(i["quantitative"] for i in t["indicators"]) == 7 and len(rows) == 17  # 41.18%


def test_nanjie_target_findings_are_those_of_the_spec():
    got = Counter((f["year"], f["rule_id"]) for f in _target_findings("nanjie-2024"))
    assert got == {(2024, "TGT001"): 1, (2024, "TGT002"): 11, (2024, "TGT004"): 2, (2024, "TGT005"): 3,
                   (2024, "TGT007"): 1,
                   (2025, "TGT001"): 1, (2025, "TGT002"): 10, (2025, "TGT004"): 2, (2025, "TGT005"): 3}
    for f in _target_findings("nanjie-2024"):
        assert set(f) == FINDING_KEYS and (f["unit"], f["project"]) == (NANJIE, "")
    lines = {(f["year"], f["rule_id"], f["line"]) for f in _target_findings("nanjie-2024")}
    assert {(2024, "TGT004", "部门履职"), (2024, "TGT004", "部门效果"), (2025, "TGT004", "部门履职"),
            (2024, "TGT005", "满意度"), (2024, "TGT005", "服务对象满意度"), (2024, "TGT005", "社会影响满意度"),
            (2024, "TGT007", "年度总体目标"), (2024, "TGT002", "部门履职情况提升性")} <= lines
    assert (2025, "TGT002", "部门履职情况提升性") not in lines and (2025, "TGT002", "电费缴纳次数") not in lines
    # The monitoring findings stay first and unchanged: 10, all with a period and no year.
    monitoring = [f for f in _load(EXPECTED / "nanjie-2024" / "findings.json") if f["period_months"] is not None]
    assert len(monitoring) == 10 and all("year" not in f for f in monitoring)


# ---------------------------------------------------------------------------------------------
# Findings follow from the figures; the planted errors.


@pytest.mark.parametrize("sub", ["targets", "nanjie-2024"])
def test_declared_findings_follow_from_the_figures(sub):
    assert targets_oracle.findings(list(_target_expected(sub).values())) == _target_findings(sub)


def test_each_planted_error_sits_in_its_own_document():
    findings = _target_findings("targets")
    doc_of = _doc_of("targets")
    docs_by_rule: dict[str, set[str]] = {}
    rules_by_doc: dict[str, set[str]] = {}
    for f in findings:
        assert set(f) == FINDING_KEYS
        doc = doc_of[(f["unit"], f["year"], f["project"])]
        docs_by_rule.setdefault(f["rule_id"], set()).add(doc)
        rules_by_doc.setdefault(doc, set()).add(f["rule_id"])
    planted = ("TGT003", "TGT006", "TGT007", "TGT008")
    assert set(docs_by_rule) == {"TGT001", "TGT002", *planted}  # TGT004/TGT005: none in fixtures/targets
    homes = [next(iter(docs_by_rule[r])) for r in planted if len(docs_by_rule[r]) == 1]
    assert len(homes) == len(planted) == len(set(homes))
    for rule, home in zip(planted, homes, strict=True):
        assert rules_by_doc[home] == {rule}, home
    assert [(f["line"], f["column"]) for f in findings if f["rule_id"] == "TGT006"] == [("金额合计", "任务预算金额")]
    assert [f["project"] for f in findings if f["rule_id"] in ("TGT003", "TGT008")] == ["食品安全抽检项目",
                                                                                       "农村饮水安全巩固提升项目"]
    clean = set(_target_expected("targets")) - set(rules_by_doc)
    assert len(clean) >= 2


def test_planted_errors_are_in_the_figures():
    tables = {name: t for name, t in _tables("targets")}
    t6 = next(t for t in tables.values() if t["tasks"] and
              sum(Decimal(k["amount"]) for k in t["tasks"]) != Decimal(t["tasks_total"]))
    assert (sum(Decimal(k["amount"]) for k in t6["tasks"]), Decimal(t6["tasks_total"])) == (
        Decimal("1045.60"), Decimal("1065.60"))
    t7 = next(t for t in tables.values() if "1652.80万元" in t["goal_text"])
    assert t7["budget_total"] == "1562.80"
    t8 = next(t for t in tables.values() if t["project"] == "农村饮水安全巩固提升项目")
    assert Counter(i["level3"] for i in t8["indicators"])["受益群众人数"] == 2
    t3 = next(t for t in tables.values() if t["project"] == "食品安全抽检项目")
    assert {i["level1"] for i in t3["indicators"]} == {"产出指标", "效益指标"}


def test_clean_tables_split_satisfaction_by_group_with_numbers():
    doc_of = _doc_of("targets")
    flagged = {doc_of[(f["unit"], f["year"], f["project"])] for f in _target_findings("targets")}
    split = 0
    for name, t in _tables("targets"):
        names = {i["level3"]: i for i in t["indicators"]}
        if name not in flagged and "居民满意度" in names and "企业满意度" in names:
            assert (names["居民满意度"]["value"], names["企业满意度"]["value"]) == ("≥90%", "≥85%")
            assert all(names[n]["quantitative"] for n in ("居民满意度", "企业满意度"))
            split += 1
    assert split >= 1


@pytest.fixture
def nanjie_base() -> list[dict]:
    return list(_target_expected("nanjie-2024").values())


def _edit(docs: list[dict], year: int, change) -> list[dict]:
    """The target findings that a change to one year's table adds to the committed ones."""
    docs = copy.deepcopy(docs)
    for rec in docs:
        for t in rec["tables"]:
            if t["year"] == year:
                change(t)
    base = _target_findings("nanjie-2024")
    return [(f["rule_id"], f["line"]) for f in targets_oracle.findings(docs) if f not in base]


def test_the_oracle_flags_perturbed_copies(nanjie_base):
    """The consistency check can fail: small edits to the figures produce the matching findings."""
    assert targets_oracle.findings(nanjie_base) == _target_findings("nanjie-2024")

    def rounding(t):
        t["tasks"][0]["amount"] = "958.64"  # Σ 1164.63 vs 金额合计 1164.62: within 4 half-cents
    assert _edit(nanjie_base, 2024, rounding) == []

    def task(t):
        t["tasks"][0]["amount"] = "958.66"  # Σ 1164.65: 0.03 is no rounding
    assert _edit(nanjie_base, 2024, task) == [("TGT006", "金额合计")]

    def parts(t):
        t["budget_fiscal"] = "1100.00"
    assert _edit(nanjie_base, 2024, parts) == [("TGT006", "资金总额")]

    def goal(t):
        t["goal_text"] = t["goal_text"].replace("1198.40万元", "1189.40万元")
    assert _edit(nanjie_base, 2025, goal) == [("TGT007", "年度总体目标")]

    def duplicate(t):
        t["indicators"][12]["level3"] = "在职人员 控制率"
    assert _edit(nanjie_base, 2025, duplicate) == [("TGT008", "在职人员 控制率"), ("TGT008", "在职人员控制率")]

    def drop_effect(t):
        t["indicators"] = [i for i in t["indicators"] if i["level1"] != "部门效果"]
    assert _edit(nanjie_base, 2025, drop_effect) == [("TGT003", "部门效果")]

    def grouped(t):
        for i in t["indicators"]:
            if i["level3"] == "服务对象满意度":
                i["level3"] = "辖区居民满意度"
    assert _edit(nanjie_base, 2024, grouped) == [("TGT002", "辖区居民满意度"), ("TGT005", "辖区居民满意度")]

    # Every value quantified: TGT001/TGT002 and the "no number" TGT005s go, the rest stays.
    docs = copy.deepcopy(nanjie_base)
    for rec in docs:
        for t in rec["tables"]:
            for i in t["indicators"]:
                if not i["quantitative"]:
                    i.update(value="100%", number="100", unit="%", quantitative=True)
    left = [(f["year"], f["rule_id"], f["line"]) for f in targets_oracle.findings(docs)]
    assert left == [(2024, "TGT004", "部门履职"), (2024, "TGT004", "部门效果"), (2025, "TGT004", "部门履职"),
                    (2025, "TGT004", "部门效果"), (2024, "TGT005", "满意度"), (2025, "TGT005", "满意度"),
                    (2024, "TGT007", "年度总体目标")]


# ---------------------------------------------------------------------------------------------
# Coverage of the writings, layouts and formats the issue asks for.

WRITINGS = ("≥90%", "＞95", "≥ 90 %", "不低于90%", "不少于12次", "不超过1164.62万元", "≤5万元/人·年", "100%",
            "120人", "按月发放", "健全", "有效提升", "12月底前")


def test_targets_cover_every_writing_and_layout():
    values = {i["value"]: i for _, t in _tables("targets") for i in t["indicators"]}
    assert set(WRITINGS) <= set(values)
    assert (values["＞95"]["operator"], values["＞95"]["number"], values["＞95"]["unit"]) == (">", "95", None)
    assert (values["≥ 90 %"]["operator"], values["≥ 90 %"]["number"]) == ("≥", "90")
    assert (values["不超过1164.62万元"]["operator"], values["不超过1164.62万元"]["unit"]) == ("≤", "万元")
    assert values["≤5万元/人·年"]["unit"] == "万元/人·年" and values["12月底前"]["unit"] == "日期"
    assert not any(values[w]["quantitative"] for w in ("按月发放", "健全", "有效提升"))
    tables = [t for _, t in _tables("targets")]
    assert {t["kind"] for t in tables} == {"unit", "project"} and {t["amount_unit"] for t in tables} == {"元", "万元"}
    assert any(t["tasks"] and t["amount_unit"] == "元" for t in tables)
    formats = Counter(rec["format"] for rec in _target_expected("targets").values())
    assert set(formats) == {"xlsx", "docx", "html", "pdf"} and formats["pdf"] >= 2
    assert sum(len(rec["tables"]) > 1 for rec in _target_expected("targets").values()) >= 1


def _pdf(path):
    with pdfplumber.open(path) as pdf:
        return pdf.metadata.get("Creator", ""), [p.extract_text() or "" for p in pdf.pages], \
            {c["fontname"] for p in pdf.pages for c in p.chars}


def test_pdfs_come_from_word_and_excel():
    creators = {p.name: _pdf(p)[0] for p in (FIXTURES / "targets").glob("*.pdf")}
    assert sorted(c for c in creators.values()) == ["Calc", "Writer"]


@pytest.mark.parametrize("path, header", [
    (FIXTURES / "nanjie-2024" / NANJIE_24, ("一级指标", "二级指标", "三级指标", "指标值")),
    (FIXTURES / "targets" / "青河县教育局2024年度部门整体支出绩效目标表.pdf", ("一级指标", "三级指标", "指标方向", "度量单位")),
])
def test_long_indicator_tables_run_over_two_pages_with_the_header_repeated(path, header):
    _, pages, fonts = _pdf(path)
    assert len(pages) == 2
    first, second = pages
    assert all(h in first and h in second for h in header)
    assert second.index(header[0]) < 20  # the continuation starts with the repeated header
    assert any("NotoSerifCJK" in f for f in fonts)  # Chinese in the mapped Song-style font


def test_nanjie_2024_pdf_shows_both_amounts():
    _, (first, second), _ = _pdf(FIXTURES / "nanjie-2024" / NANJIE_24)
    text = first.replace("\n", "").replace(" ", "")
    assert "1286.43万元" in text and text.count("1164.62") == 3 and NANJIE in text
    assert "较好" in second and "较好" not in first


# ---------------------------------------------------------------------------------------------
# The Word, Excel and HTML documents show exactly what their expected records say.


def _rows(path) -> list[list[str]]:
    """Every table row's cells as a reader meets them: a merged cell once, an empty cell as ""."""
    rows: list[list[str]] = []
    if path.suffix == ".docx":
        for table in WordDocument(str(path)).tables:
            for row in table.rows:
                seen, texts = set(), []
                for c in row.cells:
                    if id(c._tc) not in seen:
                        seen.add(id(c._tc))
                        texts.append(c.text)
                rows.append(texts)
    elif path.suffix == ".xlsx":
        for ws in load_workbook(path):
            for row in ws.iter_rows():
                texts = []
                for c in row:
                    if isinstance(c, MergedCell):
                        continue
                    if isinstance(c.value, (int, float)):
                        texts.append(str(Decimal(str(c.value)).quantize(Decimal("0.01"))))
                    else:
                        texts.append(c.value or "")
                rows.append(texts)
    else:
        raw = path.read_bytes()
        soup = BeautifulSoup(raw.decode("gbk" if b"charset=gbk" in raw else "utf-8"), "html.parser")
        for tr in soup.select("table.jx tr"):
            rows.append([td.get_text().replace("\xa0", " ").strip() for td in tr.find_all("td")])
    return rows


def _printed(amount: str, unit: str) -> Decimal:
    return Decimal(amount) * (10000 if unit == "元" else 1)


@pytest.mark.parametrize("sub, name", [(s, n) for s in ("targets", "nanjie-2024") for n in _target_expected(s)
                                       if not n.endswith(".pdf")])
def test_documents_show_their_expected_records(sub, name):
    rows = _rows(FIXTURES / sub / name)
    cells = [c for row in rows for c in row]
    numbers = {Decimal(c.replace(",", "")) for c in cells if c and c.replace(",", "").replace(".", "").isdigit()}
    layout = "direction" if "指标方向" in cells else "nature" if "指标性质" in cells else "single"
    for t in _target_expected(sub)[name]["tables"]:
        assert t["unit"] in cells and t["goal_text"] in cells
        assert t["project"] is None or t["project"] in cells
        for key in ("budget_total", "budget_fiscal", "tasks_total"):
            if t[key] is not None:
                assert _printed(t[key], t["amount_unit"]) in numbers, key
        for task in t["tasks"]:
            assert task["name"] in cells and task["content"] in cells
            assert _printed(task["amount"], t["amount_unit"]) in numbers
        for i in t["indicators"]:
            assert i["level1"] in cells and i["level2"] in cells
            # The row's last cells: 三级 then the value cell(s) (二级 may read like 三级).
            row = next(r for r in rows if i["level3"] in r[-4:])
            after = row[len(row) - row[::-1].index(i["level3"]):]
            if layout == "single":
                assert after == [i["value"]], i
            elif layout == "direction":
                assert len(after) == 3 and "".join(after) == i["value"], i
            else:  # the 指标性质 cell says 定量/定性 and is not part of the value
                assert len(after) == 3 and after[1] + after[2] == i["value"], i
                assert after[0] == ("定量" if i["quantitative"] else "定性")


def test_gbk_portal_page():
    (path,) = [p for p in (FIXTURES / "targets").glob("*.html") if b"charset=gbk" in p.read_bytes()]
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    page = raw.decode("gbk")
    assert "当前位置" in page and "主办单位" in page and page.count("项目支出绩效目标表") >= 3
    assert "≥ 90 %" in page and "≤5万元/人·年" in page
