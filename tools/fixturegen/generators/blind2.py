"""Write the second blind test's submissions into fixtures/blind2/<case>/, each with an expected.json.

Written as a new user would, without reading the parsers (extractors/kinds/, checks/*.py): from the
README, docs/json.md, the domain guide, the seed report, checks/rules.yaml and
fixtures/blind/RESULTS.md. It covers what the first blind test did not: 1–9月 monitoring tables in
Word (unit-wide) beside project tables (Word, Excel) of the same unit (XDC003), 绩效自评表 as PDF,
绩效目标表 as GB2312/GBK portal pages, and 部门预算 publications as PDF. expected.json holds, from the
generator's inputs, each document's kind, unit, year, period, key figures and the error / warning /
notice findings planted in it (none for the clean cases). fixtures/blind2/RESULTS.md records what the
parser made of them.

The PDFs need LibreOffice.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fixturegen import blind2_budget as bud
from fixturegen import blind2_monitoring as mon
from fixturegen import blind2_selfeval as slf
from fixturegen import blind2_targets as tgt
from fixturegen.folders import fresh_folder, planted_finding, session, write_json
from fixturegen.office import Office, normalise_zip

YEAR = 2024


def _finding(entry: dict, unit: str, period_months=None, project=None) -> dict:
    return planted_finding(entry, unit, YEAR, period_months, project)


def _case(out: Path, name: str) -> Path:
    return fresh_folder(out / name)


def _pdf(office: Office, render, data, case: Path, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / f"{name}.docx"
        render(data, docx)
        office.export_pdf(docx, case / f"{name}.pdf")


def _mon_doc(t: mon.MonTable, file: str) -> dict:
    return {"file": file, "kind": "monitoring", "record_kind": t.kind, "unit": t.unit, "year": YEAR,
            "period_months": mon.MONTHS, "project": t.project, "money_unit": t.money_unit,
            "lines": mon.line_figures(t), "indicators": mon.indicator_figures(t)}


def monitoring_cases(out: Path) -> None:
    unit = mon.fenggang_unit()
    p1, p2 = mon.fenggang_projects()
    case = _case(out, "monitoring-projects-errors")
    f_unit = f"{unit.unit}{YEAR}年1-9月部门整体支出绩效运行监控表.docx"
    f_p1 = f"{p1.project}{YEAR}年1-9月绩效运行监控表.docx"
    f_p2 = f"{p2.project}{YEAR}年1-9月绩效运行监控表.xlsx"
    mon.unit_docx_guangdong(unit, case / f_unit)
    mon.project_docx_zhejiang(p1, case / f_p1)
    mon.project_xlsx(p2, case / f_p2)
    for f in (f_unit, f_p1, f_p2):
        normalise_zip(case / f)
    findings = [_finding(f, unit.unit, mon.MONTHS) for f in unit.findings]
    findings.append(_finding(mon.xdc003_finding(unit, [p1, p2]), unit.unit, mon.MONTHS))
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "凤岗街道办事处1-9月部门整体监控表（Word 横向，年度预算调整数列、两行表头、注释行）及两个项目监控表"
                "（Word、Excel），项目资金总额之和640.00万元超过部门项目支出540.00万元；项目支出执行率按年初预算数计算",
        "documents": [_mon_doc(unit, f_unit), _mon_doc(p1, f_p1), _mon_doc(p2, f_p2)],
        "findings": findings})

    unit = mon.qingshi_unit()
    proj = mon.qingshi_project()
    case = _case(out, "monitoring-projects-clean")
    f_unit = f"{unit.unit}{YEAR}年1-9月部门整体支出绩效运行监控表.docx"
    f_p = f"{proj.project}{YEAR}年1-9月绩效运行监控表.xlsx"
    mon.unit_docx_henan(unit, case / f_unit)
    mon.project_xlsx(proj, case / f_p, fraction_rates=False)
    for f in (f_unit, f_p):
        normalise_zip(case / f)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "青石镇人民政府1-9月部门整体监控表（Word，单位：元，截至9月底支出数列）及一个项目监控表（Excel，元），无差错",
        "documents": [_mon_doc(unit, f_unit), _mon_doc(proj, f_p)],
        "findings": []})


def _slf_doc(s: slf.SelfEval, file: str) -> dict:
    return {"file": file, "kind": "self_evaluation", "record_kind": s.kind, "unit": s.unit, "year": YEAR,
            "project": s.project, "department": s.department, "lines": slf.budget_figures(s),
            "indicators": slf.indicator_figures(s), "total_score": f"{s.printed_total():.2f}",
            "total_max": f"{s.total_max()}"}


def selfeval_cases(out: Path, office: Office) -> None:
    s = slf.water_project()
    case = _case(out, "selfeval-pdf-errors")
    name = f"{s.project}{YEAR}年度项目支出绩效自评表"
    _pdf(office, slf.project_docx, s, case, name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "项目支出绩效自评表 PDF（Word 经 LibreOffice 转换）：一项指标得分12分超过分值10分，总分99.60≠各项得分之和101.60",
        "documents": [_slf_doc(s, f"{name}.pdf")],
        "findings": [_finding(f, s.unit, None, s.project) for f in s.findings]})

    s = slf.market_unit()
    case = _case(out, "selfeval-pdf-clean")
    name = f"{s.unit}{YEAR}年度部门整体支出绩效自评表"
    _pdf(office, slf.unit_docx, s, case, name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "部门整体支出绩效自评表 PDF（横向，指标方向/指标值/度量单位分列，偏差原因与改进措施列为空），无差错",
        "documents": [_slf_doc(s, f"{name}.pdf")],
        "findings": []})


def _tgt_doc(t: tgt.Target, file: str) -> dict:
    return {"file": file, "kind": "targets", "record_kind": t.kind, "unit": t.unit, "year": YEAR,
            "project": t.project, "department": t.department, **tgt.figures(t)}


def target_cases(out: Path) -> None:
    t = tgt.park_project()
    case = _case(out, "targets-html-errors")
    name = f"{t.unit}{YEAR}年度{t.project}绩效目标公开.html"
    tgt.project_html(t, case / name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "项目支出绩效目标表门户网页（GB2312，外层布局表格）：两项指标值为笼统定性表述，任务金额之和800.00≠金额合计850.00",
        "documents": [_tgt_doc(t, name)],
        "findings": [_finding(f, t.unit, None, t.project) for f in t.findings]})

    t = tgt.education_unit()
    case = _case(out, "targets-html-clean")
    name = f"{t.unit}{YEAR}年度部门整体支出绩效目标公开.html"
    tgt.unit_html(t, case / name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "部门整体支出绩效目标表门户网页（GBK，部门管理/部门履职/部门效果，指标值列合并两格），无差错",
        "documents": [_tgt_doc(t, name)],
        "findings": []})


def _bud_doc(b: bud.Budget, file: str) -> dict:
    return {"file": file, "kind": "final_accounts", "record_type": "budget_publication", "unit": b.unit,
            "year": YEAR, "money_unit": b.money_unit, "figures": bud.key_figures(b),
            "tables": [title for title, *_ in bud.tables(b)], "lines": bud.expected_tables(b)}


def budget_cases(out: Path, office: Office) -> None:
    for b, case_name, what in (
            (bud.hetang(), "budget-pdf-errors",
             "部门预算公开 PDF（万元，九张表，两张空表以注释行说明）：一般公共预算支出表中项2100409印为112.00，"
             "款21004公共卫生420.00≠各项之和412.00（合计、项目支出两列）"),
            (bud.liuying(), "budget-pdf-clean", "部门预算公开 PDF（横向，单位：元，九张表及情况说明），无差错")):
        case = _case(out, case_name)
        name = f"{b.unit}{YEAR}年部门预算"
        _pdf(office, bud.budget_docx, b, case, name)
        write_json(case / "expected.json", {
            "case": case.name, "what": what, "documents": [_bud_doc(b, f"{name}.pdf")],
            "findings": [_finding(f, b.unit) for f in b.findings]})


def generate(fixtures: Path) -> None:
    out = fixtures / "blind2"
    out.mkdir(parents=True, exist_ok=True)
    monitoring_cases(out)
    target_cases(out)
    with session("fixturegen-blind2-") as (office, _scratch):
        selfeval_cases(out, office)
        budget_cases(out, office)
    print(f"  {out.relative_to(fixtures)}")
