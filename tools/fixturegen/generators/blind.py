"""Write the blind-test submissions into fixtures/blind/<case>/, each with an expected.json.

The documents were designed without reading the parsers (extractors/kinds/, checks/*.py): only
the README, docs/json.md, the domain guide, the seed report and checks/rules.yaml. expected.json
holds, from the generator's own inputs, the kind each document should be recognised as, key
figures a reader sees in it, and the error/warning findings planted in it (none for the clean
ones). fixtures/blind/RESULTS.md records what the parser made of them.

The PDFs need LibreOffice.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fixturegen.blind_accounts import totals
from fixturegen.blind_accounts_units import baixi, key_figures, printed_tables, qinghe, sangong_figures, stated_figures
from fixturegen.blind_monitoring import (
    luwan_monitoring, monitoring_xlsx_wan, monitoring_xlsx_yuan, report_docx, report_figures, weitang_monitoring)
from fixturegen.blind_render import accounts_docx, accounts_html
from fixturegen.blind_tables import (
    huayuan_selfeval, rate, selfeval_docx, selfeval_report_docx, selfeval_xlsx, yunxi_selfeval)
from fixturegen.folders import planted_finding, session, write_json
from fixturegen.office import Office, normalise_zip


def _selfeval_indicators(s) -> list[dict]:
    """Every indicator as printed (target = 指标方向 + 指标值 + 度量单位 when split)."""
    return [{"level1": i.level1, "level2": i.level2, "level3": i.name,
             "target": f"{i.direction}{i.target}{i.unit}", "actual": i.actual,
             "max_score": f"{i.weight}", "score": f"{i.score}"} for i in s.indicators]


def accounts_cases(out: Path, office: Office) -> None:
    pub = baixi()
    case = out / "accounts-pdf-clean"
    case.mkdir(parents=True, exist_ok=True)
    name = f"{pub.unit}{pub.year}年度部门决算"
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / f"{name}.docx"
        accounts_docx(pub, docx)
        office.export_pdf(docx, case / f"{name}.pdf")
    t = totals(pub)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "部门决算 PDF（Word 横向页面经 LibreOffice 转换），九张表含年初/全年预算数列与注释行，无差错",
        "documents": [{"file": f"{name}.pdf", "kind": "final_accounts", "unit": pub.unit, "year": pub.year,
                       "money_unit": pub.money_unit, "figures": key_figures(pub),
                       "fiscal_total": f"{t['fiscal']:.2f}", "tables": printed_tables(pub),
                       "narrative": stated_figures(pub), "sangong": sangong_figures(pub)}],
        "findings": []})

    pub = qinghe()
    case = out / "accounts-html-errors"
    case.mkdir(parents=True, exist_ok=True)
    name = f"{pub.unit}{pub.year}年度部门决算公开.html"
    accounts_html(pub, case / name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "部门决算门户网页（单位：元，rowspan/colspan 表头，网站页眉页脚），注入4处差错",
        "documents": [{"file": name, "kind": "final_accounts", "unit": pub.unit, "year": pub.year,
                       "money_unit": pub.money_unit, "figures": key_figures(pub),
                       "tables": printed_tables(pub), "narrative": stated_figures(pub),
                       "sangong": sangong_figures(pub)}],
        "findings": [planted_finding(p, pub.unit, pub.year) for p in pub.planted]})


def selfeval_cases(out: Path) -> None:
    s = huayuan_selfeval()
    case = out / "selfeval-unit-xlsx-errors"
    case.mkdir(parents=True, exist_ok=True)
    name = f"{s.unit}{s.year}年度部门整体支出绩效自评表.xlsx"
    selfeval_xlsx(s, case / name)
    normalise_zip(case / name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "部门整体支出绩效自评表（Excel 三个工作表，执行率为百分比格式的小数），执行率错误、未完成指标得满分",
        "documents": [{"file": name, "kind": "self_evaluation", "unit": s.unit, "year": s.year,
                       "budget": {b[0]: {"年初预算数": f"{b[1]:.2f}", "全年预算数": f"{b[2]:.2f}",
                                         "全年执行数": f"{b[3]:.2f}", "执行率": f"{s.printed_rate(b):.2f}"}
                                  for b in s.budget},
                       "indicator_count": len(s.indicators), "total_score": f"{s.total:.2f}",
                       "indicators": _selfeval_indicators(s)}],
        "findings": [planted_finding(p, s.unit, s.year) for p in s.planted]})

    s = yunxi_selfeval()
    case = out / "selfeval-project-docx-clean"
    case.mkdir(parents=True, exist_ok=True)
    name = f"{s.project}{s.year}年度项目支出绩效自评表.docx"
    selfeval_docx(s, case / name)
    normalise_zip(case / name)
    write_json(case / "expected.json", {
        "case": case.name,
        "what": "项目支出绩效自评表（Word，表前有说明文字，指标方向/指标值/度量单位分列，执行率列在分值前），无差错",
        "documents": [{"file": name, "kind": "self_evaluation", "unit": s.unit, "department": s.department,
                       "project": s.project, "year": s.year,
                       "budget": {b[0]: {"年初预算数": f"{b[1]:.2f}", "全年预算数": f"{b[2]:.2f}",
                                         "全年执行数": f"{b[3]:.2f}"} for b in s.budget[:1]},
                       "budget_rate": f"{s.printed_rate(s.budget[0]):.2f}",
                       "indicator_count": len(s.indicators), "total_score": f"{s.total:.2f}",
                       "indicators": _selfeval_indicators(s)}],
        "findings": []})


def monitoring_cases(out: Path) -> None:
    for m, case_name, writer in ((luwan_monitoring(), "monitoring-report-errors", monitoring_xlsx_wan),
                                 (weitang_monitoring(), "monitoring-report-clean", monitoring_xlsx_yuan)):
        case = out / case_name
        case.mkdir(parents=True, exist_ok=True)
        table = f"{m.unit}{m.year}年1-{m.months}月部门整体支出绩效运行监控表.xlsx"
        report = f"{m.unit}{m.year}年1-{m.months}月绩效运行监控报告.docx"
        writer(m, case / table)
        normalise_zip(case / table)
        report_docx(m, case / report)
        normalise_zip(case / report)
        lines = {n: {"年初预算数": f"{a:,.2f}", "全年预算数": f"{b:,.2f}", "执行数": f"{e:,.2f}",
                     "执行率": f"{rate(e, b):.2f}"} for n, a, b, e, _, _ in m.lines}
        write_json(case / "expected.json", {
            "case": case.name,
            "what": ("1-6月监控表（Excel，含预算调整数列，执行率为百分比格式）与监控报告（Word），报告公用经费执行数与表不符"
                     if m.planted else
                     "1-6月监控表（Excel，单位：元，指标在第二个工作表）与监控报告（Word，万元），无差错"),
            "documents": [
                {"file": table, "kind": "monitoring", "unit": m.unit, "year": m.year, "period_months": m.months,
                 "money_unit": m.money_unit, "lines": lines, "indicator_count": len(m.indicators),
                 "indicators": [dict(zip(("level1", "level2", "level3", "target", "actual", "forecast",
                                          "deviation_reason", "likelihood"), i)) for i in m.indicators]},
                {"file": report, "kind": "narrative_report", "unit": m.unit, "year": m.year,
                 "period_months": m.months, "figures": report_figures(m)}],
            "findings": [planted_finding(p, m.unit, m.year, m.months) for p in m.planted]})


def round_two(out: Path, office: Office) -> None:
    """Round 2, written after the first fixes (the author had read the parsers by then): the two
    publications in each other's format, and a 自评报告 with its 自评表."""
    for pub, case_name, fmt in ((qinghe(), "accounts-pdf-errors", "pdf"), (baixi(), "accounts-html-clean", "html")):
        case = out / case_name
        case.mkdir(parents=True, exist_ok=True)
        if fmt == "pdf":
            name = f"{pub.unit}{pub.year}年度部门决算.pdf"
            with tempfile.TemporaryDirectory() as tmp:
                docx = Path(tmp) / f"{pub.unit}{pub.year}年度部门决算.docx"
                accounts_docx(pub, docx)
                office.export_pdf(docx, case / name)
        else:
            name = f"{pub.unit}{pub.year}年度部门决算公开.html"
            accounts_html(pub, case / name)
        write_json(case / "expected.json", {
            "case": case.name, "round": 2,
            "what": ("部门决算（青禾区林业局，单位：元）的 Word 横向页面 PDF 版，与网页版注入同样差错" if pub.planted else
                     "部门决算（柏溪县水务局，万元）的门户网页版，无差错"),
            "documents": [{"file": name, "kind": "final_accounts", "unit": pub.unit, "year": pub.year,
                           "money_unit": pub.money_unit, "figures": key_figures(pub),
                           "tables": printed_tables(pub), "narrative": stated_figures(pub),
                           "sangong": sangong_figures(pub)}],
            "findings": [planted_finding(p, pub.unit, pub.year) for p in pub.planted]})

    s = huayuan_selfeval()
    case = out / "selfeval-report-errors"
    case.mkdir(parents=True, exist_ok=True)
    table = f"{s.unit}{s.year}年度部门整体支出绩效自评表.xlsx"
    report = f"{s.unit}{s.year}年度部门整体支出绩效自评报告.docx"
    selfeval_xlsx(s, case / table)
    normalise_zip(case / table)
    planted = selfeval_report_docx(s, case / report)
    normalise_zip(case / report)
    total, basic, project = s.budget
    figures = [("合计", "全年预算", total[2]), ("合计", "执行数", total[3]), ("合计", "执行率", rate(total[3], total[2])),
               ("基本支出", "全年预算", basic[2]), ("基本支出", "执行数", basic[3]),
               ("基本支出", "执行率", rate(basic[3], basic[2])),
               ("项目支出", "全年预算", project[2]), ("项目支出", "执行数", project[3]),
               ("项目支出", "执行率", s.printed_rate(project))]
    write_json(case / "expected.json", {
        "case": case.name, "round": 2,
        "what": "部门整体支出绩效自评表（同 selfeval-unit-xlsx-errors）与自评报告（Word，正文含预算执行表），报告所述项目支出执行率有误",
        "documents": [
            {"file": table, "kind": "self_evaluation", "unit": s.unit, "year": s.year,
             "budget": {b[0]: {"年初预算数": f"{b[1]:.2f}", "全年预算数": f"{b[2]:.2f}", "全年执行数": f"{b[3]:.2f}",
                               "执行率": f"{s.printed_rate(b):.2f}"} for b in s.budget},
             "indicator_count": len(s.indicators), "total_score": f"{s.total:.2f}",
             "indicators": _selfeval_indicators(s)},
            {"file": report, "kind": "narrative_report", "unit": s.unit, "year": s.year,
             "figures_prose": [{"line": a, "measure": b, "value": f"{v:.2f}"} for a, b, v in figures],
             "figures_table": [{"line": line, "measure": m, "value": f"{v:.2f}"}
                               for line, (_, ini, adj, exe, *_rest) in zip(("合计", "基本支出", "项目支出"), s.budget)
                               for m, v in (("年初预算", ini), ("全年预算", adj), ("执行数", exe),
                                            ("执行率", rate(exe, adj)))]}],
        "findings": [planted_finding(p, s.unit, s.year) for p in s.planted + planted]})


def generate(fixtures: Path) -> None:
    out = fixtures / "blind"
    with session("fixturegen-blind-") as (office, _scratch):
        accounts_cases(out, office)
        round_two(out, office)
    selfeval_cases(out)
    monitoring_cases(out)
    print(f"  {out.relative_to(fixtures)}")
