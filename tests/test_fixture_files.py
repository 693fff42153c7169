"""The committed fixtures: every document has expected records, the records are well formed and in
sync with the generator's data, and the declared findings follow from the figures.

Needs no LibreOffice: it reads the committed files and the generator's data, never re-renders.
"""

from __future__ import annotations

import copy
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from docx import Document as WordDocument
from openpyxl import load_workbook

from tests.conftest import FIXTURES, ROOT
from extractors.sniff import sniff
from schemas.monitoring import LINE_NAMES
from scoring.evaluator import is_evaluator_form

sys.path.insert(0, str(ROOT / "tools"))
from fixturegen import oracle  # noqa: E402
from fixturegen.build import expected_files  # noqa: E402
from fixturegen.data import all_docs  # noqa: E402

EXPECTED = FIXTURES / "expected"
SUBMISSIONS = ("monitoring", "nanjie-2024")
NANJIE = "南街街道办事处"


def _documents(sub: str) -> list[Path]:
    """The documents of a submission: every file but the evaluator's form, which is not ingested."""
    return sorted(p for p in (FIXTURES / sub).iterdir() if p.is_file() and not is_evaluator_form(p))


def _all_records(sub: str) -> dict[str, dict]:
    return {p.name[: -len(".json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((EXPECTED / sub).glob("*.json")) if not p.name.startswith("findings")}


def _expected(sub: str) -> dict[str, dict]:
    """The monitoring records (绩效目标表 records are tested in test_target_fixture_files.py)."""
    return {name: rec for name, rec in _all_records(sub).items() if rec["kind"] == "monitoring"}


def _findings(sub: str) -> list[dict]:
    """The monitoring findings (target findings carry no period)."""
    findings = json.loads((EXPECTED / sub / "findings.json").read_text(encoding="utf-8"))
    return [f for f in findings if f["period_months"] is not None]


def _all_expected() -> list[tuple[str, str, dict]]:
    return [(sub, name, rec) for sub in SUBMISSIONS for name, rec in _expected(sub).items()]


@pytest.mark.parametrize("sub", SUBMISSIONS)
def test_every_document_has_exactly_one_expected_file(sub):
    docs = {p.name for p in _documents(sub)}
    assert docs, f"fixtures/{sub} is empty"
    assert docs == set(_all_records(sub))
    assert (EXPECTED / sub / "findings.json").is_file()


def test_nanjie_folder_holds_only_its_two_tables():
    names = [p.name for p in _documents("nanjie-2024") if "监控表" in p.name]
    assert names == [f"{NANJIE}2024年1-6月部门整体绩效运行监控表.xlsx",
                     f"{NANJIE}2024年1-9月部门整体绩效运行监控表.pdf"]


@pytest.mark.parametrize("sub, name, rec", _all_expected(), ids=lambda v: v if isinstance(v, str) else "")
def test_expected_records_are_well_formed(sub, name, rec):
    path = FIXTURES / sub / name
    assert rec["file"] == name
    assert rec["kind"] == "monitoring"
    assert rec["format"] == sniff(path).value == path.suffix.lstrip(".")
    assert rec["reports"]
    for rep in rec["reports"]:
        assert set(rep) == {"kind", "unit", "year", "period_months", "project", "amount_unit", "lines", "indicators"}
        assert rep["kind"] in ("unit", "project")
        assert (rep["project"] is None) == (rep["kind"] == "unit")
        assert rep["amount_unit"] in ("元", "万元")
        assert rep["year"] == 2024 and 1 <= rep["period_months"] <= 12
        assert rep["unit"].endswith(("办事处", "局"))
        names = [ln["name"] for ln in rep["lines"]]
        assert len(names) == len(set(names)) and set(names) <= set(LINE_NAMES)
        for ln in rep["lines"]:
            for key in ("initial_budget", "annual_budget", "executed", "reported_rate"):
                assert ln[key] is None or Decimal(ln[key]) >= 0
            assert isinstance(ln["deviation_reason"], str) and isinstance(ln["measure"], str)
        assert rep["indicators"]
        for ind in rep["indicators"]:
            assert set(ind) == {"level1", "level2", "level3", "target", "actual", "forecast",
                                "likelihood", "deviation_reason"}
            assert ind["level3"] and ind["target"]
            assert ind["likelihood"] in ("确定能", "有可能", "完全不可能")


def test_committed_expected_files_match_the_generator_data():
    """Regenerate the expected JSON in memory (no rendering) and compare with what is committed."""
    for rel, data in expected_files(all_docs()).items():
        committed = json.loads((EXPECTED / rel).read_text(encoding="utf-8"))
        assert committed == data, rel


@pytest.mark.parametrize("sub", SUBMISSIONS)
def test_declared_findings_follow_from_the_figures(sub):
    assert oracle.findings(list(_expected(sub).values())) == _findings(sub)


def test_nanjie_figures_are_those_of_the_brief():
    recs = _expected("nanjie-2024")
    # line: (全年预算数, 1–6 执行数, 1–6 reported, 1–9 执行数, 1–9 reported), from the sample brief.
    brief = {
        "合计": ("1164.62", "531.93", "45.67", "831.13", "71.36"),
        "基本支出": ("1030.25", "509.47", "43.75", "769.28", "66.05"),
        "人员经费": ("958.63", "479.32", "50.00", "718.97", "75.00"),
        "公用经费": ("71.62", "30.15", "42.10", "50.31", "70.25"),
        "项目支出": ("134.37", "22.46", "1.93", "61.85", "5.31"),
    }
    by_period = {}
    for rec in recs.values():
        (rep,) = rec["reports"]
        assert (rep["unit"], rep["kind"], rep["amount_unit"]) == (NANJIE, "unit", "万元")
        by_period[rep["period_months"]] = rep
    assert sorted(by_period) == [6, 9]
    for months, ex_i, rate_i in ((6, 1, 2), (9, 3, 4)):
        lines = {ln["name"]: ln for ln in by_period[months]["lines"]}
        assert list(lines) == list(brief)
        for name, row in brief.items():
            ln = lines[name]
            assert Decimal(ln["initial_budget"]) == Decimal(ln["annual_budget"]) == Decimal(row[0])
            assert Decimal(ln["executed"]) == Decimal(row[ex_i])
            assert ln["reported_rate"] == row[rate_i]
        assert lines["项目支出"]["deviation_reason"] == {6: "部分项目不具备付款条件", 9: "项目尚不具备付款条件"}[months]
        assert all(ln["measure"] == "" for ln in lines.values())
        inds = by_period[months]["indicators"]
        assert len(inds) == 17
        assert all(i["forecast"] == i["target"] and i["likelihood"] == "确定能" for i in inds)
        actual = {i["level3"]: i["actual"] for i in inds}
        assert (actual["基本支出预算执行率"], actual["项目支出预算执行率"]) == {
            6: ("49.45%", "16.72%"), 9: ("74.67%", "46.03%")}[months]
    got = {(f["rule_id"], f["period_months"], f["line"], f["column"]) for f in _findings("nanjie-2024")}
    want = {("MON001", m, line, "执行率") for m in (6, 9) for line in ("基本支出", "项目支出")}
    want |= {(rule, m, "项目支出", column) for m in (6, 9)
             for rule, column in (("MON005", "执行率"), ("MON006", "偏差原因"), ("MON007", "改进措施"))}
    assert got == want and len(_findings("nanjie-2024")) == 10


def _lines(sub: str) -> list[tuple[dict, dict]]:
    return [(rep, ln) for rec in _expected(sub).values() for rep in rec["reports"] for ln in rep["lines"]]


def test_monitoring_covers_the_rounding_cases_without_flagging_them():
    cases = {"half_down": None, "truncated": None, "one_decimal": None, "sum_off_by_cent": None}
    for rep, ln in _lines("monitoring"):
        if ln["annual_budget"] is None or ln["executed"] is None or not Decimal(ln["annual_budget"]):
            continue
        exact = Decimal(ln["executed"]) / Decimal(ln["annual_budget"]) * 100
        key = (rep["unit"], rep["period_months"], rep["project"] or "", ln["name"])
        if ln["reported_rate"] == "59.28" and exact == Decimal("59.285"):
            cases["half_down"] = key
        if ln["reported_rate"] == "53.69" and Decimal("53.695") < exact < Decimal("53.70"):
            cases["truncated"] = key
        if ln["reported_rate"] == "72.3" and abs(exact - Decimal("72.26")) < Decimal("0.005"):
            cases["one_decimal"] = key
    for rec in _expected("monitoring").values():
        for rep in rec["reports"]:
            lines = {ln["name"]: ln for ln in rep["lines"]}
            if {"合计", "基本支出", "项目支出"} <= set(lines):
                for col in ("annual_budget", "executed"):
                    parts = Decimal(lines["基本支出"][col]) + Decimal(lines["项目支出"][col])
                    if abs(Decimal(lines["合计"][col]) - parts) == Decimal("0.01"):
                        cases["sum_off_by_cent"] = (rep["unit"], rep["period_months"], "", "合计")
    assert all(cases.values()), cases
    findings = _findings("monitoring")
    mon001 = {(f["unit"], f["period_months"], f["project"], f["line"]) for f in findings if f["rule_id"] == "MON001"}
    mon002 = {(f["unit"], f["period_months"], f["project"], f["line"]) for f in findings if f["rule_id"] == "MON002"}
    for case in ("half_down", "truncated", "one_decimal"):
        assert cases[case] not in mon001, case
    assert cases["sum_off_by_cent"] not in mon002


def test_monitoring_findings_cover_every_rule_once_per_document():
    findings = _findings("monitoring")
    assert {f["rule_id"] for f in findings} == {f"MON00{i}" for i in range(1, 9)}
    # Each injected error sits in its own document: no document carries two different rules,
    # except MON005–007, which one low line triggers together.
    docs_by_rule: dict[str, set] = {}
    for f in findings:
        docs_by_rule.setdefault(f["rule_id"], set()).add((f["unit"], f["period_months"], f["project"]))
    assert len(docs_by_rule["MON002"]) == 2 and len(docs_by_rule["MON005"]) == 2
    assert docs_by_rule["MON006"] == docs_by_rule["MON007"] < docs_by_rule["MON005"]
    singles = [docs_by_rule[r] for r in ("MON001", "MON002", "MON003", "MON004", "MON005", "MON008")]
    seen = [d for group in singles for d in group]
    assert len(seen) == len(set(seen))


def test_the_oracle_flags_a_perturbed_copy():
    """The consistency check can fail: small edits to the figures produce the matching findings."""
    base = list(_expected("nanjie-2024").values())
    assert oracle.findings(base) == _findings("nanjie-2024")

    def edited(months: int, line: str, **changes) -> list[dict]:
        docs = copy.deepcopy(base)
        for rec in docs:
            for rep in rec["reports"]:
                if rep["period_months"] == months:
                    next(ln for ln in rep["lines"] if ln["name"] == line).update(changes)
        return [f for f in oracle.findings(docs) if f not in _findings("nanjie-2024")]

    new = edited(6, "人员经费", reported_rate="10.74")
    assert [(f["rule_id"], f["line"]) for f in new] == [("MON001", "人员经费")]
    assert edited(6, "人员经费", reported_rate="50.0") == []  # 50.0005 printed to one decimal
    new = edited(9, "人员经费", annual_budget="958.65", executed="718.99")  # base no longer = parts + 0.02
    assert {(f["rule_id"], f["line"], f["column"]) for f in new} >= {("MON002", "基本支出", "全年预算数")}
    new = edited(9, "公用经费", executed="30.14", reported_rate="42.08")
    assert ("MON003", "公用经费") in {(f["rule_id"], f["line"]) for f in new}
    new = edited(9, "合计", annual_budget="1200.00", executed="831.13", reported_rate="69.26")
    assert ("MON004", "合计") in {(f["rule_id"], f["line"]) for f in new}


def test_xlsx_formula_cells_carry_cached_values():
    checked = 0
    for path in [*_documents("monitoring"), *_documents("nanjie-2024")]:
        if path.suffix != ".xlsx":
            continue
        formulas, cached = load_workbook(path), load_workbook(path, data_only=True)
        for ws in formulas:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        value = cached[ws.title][cell.coordinate].value
                        assert isinstance(value, (int, float)), f"{path.name}!{cell.coordinate}"
                        checked += 1
    assert checked >= 15
    ws = load_workbook(FIXTURES / "nanjie-2024" / f"{NANJIE}2024年1-6月部门整体绩效运行监控表.xlsx")["Sheet1"]
    rates = {ws.cell(r, 1).value: ws.cell(r, 5) for r in range(4, 9)}
    assert rates["基本支出"].value == pytest.approx(0.4375) and rates["基本支出"].number_format == "0.00%"
    assert ws["A1"].value == "2024年1-6月部门整体支出绩效运行监控表" and "A1:I1" in ws.merged_cells
    assert ws["A2"].value == f"填报单位：{NANJIE}"
    assert ws["B4"].value == "=B5+B8" and ws["B5"].value == "=B6+B7"


def test_gbk_portal_page():
    (path,) = [p for p in _documents("monitoring") if p.name.startswith("临河区卫生健康局2024年1-6月")]
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    page = raw.decode("gbk")
    assert 'charset=gbk' in page and "当前位置" in page and "主办单位" in page
    for marker in ("rowspan=", "colspan=", "<p class=\"MsoNormal\"", "<span", "&nbsp;", "５３．６９％"):
        assert marker in page


def test_long_pdf_repeats_its_indicator_header():
    (path,) = [p for p in _documents("monitoring") if p.name.startswith("东关街道办事处2024年1-9月")]
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        second = pdf.pages[1].extract_text()
    assert "一级指标" in second and "三级指标" in second and "偏差原因分析" in second


def test_bad_files():
    bad = FIXTURES / "bad"
    listed = json.loads((EXPECTED / "bad" / "errors.json").read_text(encoding="utf-8"))
    assert {e["file"] for e in listed} == {p.name for p in bad.iterdir()}
    by_stage = {e["file"]: e["stage"] for e in listed}
    files = {p.name: p for p in bad.iterdir()}
    empty = [n for n in files if files[n].stat().st_size == 0]
    assert len(empty) == 1 and by_stage[empty[0]] == "extract"
    ole = [n for n in files if files[n].read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
    assert len(ole) == 1 and ole[0].endswith(".xls")
    for name, path in files.items():
        head = path.read_bytes()[:8]
        if name.endswith(".pdf"):
            assert path.stat().st_size > 1000 and not head.startswith(b"%PDF")
        if name.endswith(".docx") and by_stage[name] == "extract":
            assert head.startswith(b"PK") and not zipfile.is_zipfile(path)
        if name.endswith(".docx") and by_stage[name] == "classify":
            doc = WordDocument(str(path))
            assert doc.tables == [] and "绩效运行监控" in "".join(p.text for p in doc.paragraphs)
        if by_stage[name] == "finding":
            ws = load_workbook(path).active
            assert "约五十万" in [c.value for row in ws.iter_rows() for c in row]
