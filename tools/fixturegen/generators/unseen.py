"""Generate monitoring tables in layouts the monitoring parser was not designed against.

Each document reproduces the shape of a real published template (central-department, Gansu,
Hubei, Sichuan, Guangdong-style and portal HTML pages) with fictitious units and figures, in
.xlsx, .docx, .html (UTF-8 and GB18030) and .pdf (converted from a generated .docx/.xlsx by
LibreOffice). The expected records and findings are written from the same inputs, never from
the parser's output:

    fixtures/unseen/<file>                      the documents
    fixtures/expected/unseen/<file>.json        what the parser must read from each
    fixtures/expected/unseen/findings.json      what the checks must find over all of them

Every figure is arithmetically clean (rates rounded half-up from the printed amounts) except the
planted errors listed in `PLANTED` below.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from fixturegen.folders import write_json
from fixturegen.office import plain_convert
from fixturegen.unseen_data import LOW_EXECUTION, PLANTED, R1, R2, R3, R4, R5A, R5B, R6, R7, R8, YEAR, Report, to_wan
from fixturegen.unseen_html import make_portal_gb_html, make_portal_utf8_html
from fixturegen.unseen_word import make_gansu_docx, make_hubei_docx, make_sichuan_docx
from fixturegen.unseen_xlsx import make_central_xlsx, make_guangdong_xlsx, make_street_xlsx


# ---------------------------------------------------------------------------------- expectations


def expected_report(r: Report) -> dict:
    lines = []
    for line in r.lines:
        if line.name is None:
            continue
        rate = r.printed_rate(line)
        lines.append({
            "name": line.name,
            "initial_budget": to_wan(line.initial, r.amount_unit) if r.has_initial else None,
            "annual_budget": to_wan(line.annual, r.amount_unit),
            "executed": to_wan(line.executed, r.amount_unit),
            "reported_rate": None if rate is None else format(rate, "f"),
            "deviation_reason": line.reason,
            "measure": line.measure,
        })
    indicators = [{
        "level1": i.level1, "level2": i.level2, "level3": i.level3, "target": i.target,
        "actual": i.actual, "forecast": i.forecast, "likelihood": i.likelihood,
        "deviation_reason": i.reason,
    } for i in r.indicators]
    return {"kind": r.kind, "unit": r.unit, "year": YEAR, "period_months": r.period, "project": r.project,
            "amount_unit": r.amount_unit, "lines": lines, "indicators": indicators}


DOCUMENTS: list[tuple[str, str, str, list[Report], str]] = [
    # (file name, short ASCII case id, format, reports, where the layout comes from)
    ("中央部门项目支出绩效目标执行监控表-大气监测-2024年1-7月.xlsx", "central-project-xlsx", "xlsx", [R1],
     "财政部 中央部门项目支出绩效目标执行监控表 (财预〔2019〕136号 附件)"),
    ("河西镇2024年1-8月部门整体支出绩效运行监控表.docx", "gansu-unit-docx", "docx", [R2],
     "甘肃 部门整体支出绩效运行监控表 (seed report form)"),
    ("青山区教育局1-7月监控情况表.html", "portal-unit-yuan-gb-html", "html", [R3],
     "区县政府门户 监控情况表 (GB2312 page)"),
    ("青山区项目支出绩效监控表-健康体检-1-8月.pdf", "hubei-project-pdf", "pdf", [R4],
     "湖北 黄石市项目支出绩效监控表"),
    ("某市生态环境局2024年1-7月绩效运行监控.xlsx", "guangdong-two-sheets-xlsx", "xlsx", [R5A, R5B],
     "广东-style workbook, two sheets"),
    ("农村公路养护工程绩效运行监控.html", "portal-project-utf8-html", "html", [R6],
     "portal HTML, two-row header"),
    ("和平街道2024年部门整体绩效运行监控表.pdf", "street-unit-xlsx-pdf", "pdf", [R7],
     "Excel exported to PDF, 截至8月底"),
    ("白石县部门预算项目绩效运行监控表-公共文化-1-8月.docx", "sichuan-project-docx", "docx", [R8],
     "四川 部门预算项目绩效运行监控表"),
]


def generate(fixtures: Path) -> None:
    out, expected = fixtures / "unseen", fixtures / "expected" / "unseen"
    out.mkdir(parents=True, exist_ok=True)
    expected.mkdir(parents=True, exist_ok=True)
    for old in list(out.iterdir()) + list(expected.iterdir()):
        if old.is_file():
            old.unlink()
    # LibreOffice's headless rendering plugin, as these PDFs were first made with.
    env = {**os.environ, "SAL_USE_VCLPLUGIN": os.environ.get("SAL_USE_VCLPLUGIN", "svp")}
    with tempfile.TemporaryDirectory(prefix="unseen-src-") as tmp:
        work = Path(tmp)
        for name, _case, _fmt, _reports, _origin in DOCUMENTS:
            target = out / name
            if name.startswith("中央部门"):
                make_central_xlsx(target, R1)
            elif name.startswith("河西镇"):
                make_gansu_docx(target, R2)
            elif name.startswith("青山区教育局"):
                make_portal_gb_html(target, R3)
            elif name.startswith("青山区项目支出"):
                src = work / (Path(name).stem + ".docx")
                make_hubei_docx(src, R4)
                shutil.move(plain_convert(src, work, env=env), target)
            elif name.startswith("某市生态环境局"):
                make_guangdong_xlsx(target, R5A, R5B)
            elif name.startswith("农村公路"):
                make_portal_utf8_html(target, R6)
            elif name.startswith("和平街道"):
                src = work / (Path(name).stem + ".xlsx")
                make_street_xlsx(src, R7)
                shutil.move(plain_convert(src, work, env=env), target)
            elif name.startswith("白石县"):
                make_sichuan_docx(target, R8)
            else:  # pragma: no cover - the table above and this dispatch must agree
                raise AssertionError(name)
    for name, case, fmt_name, reports, origin in DOCUMENTS:
        data = {"file": name, "case": case, "format": fmt_name, "kind": "monitoring", "layout": origin,
                "reports": [expected_report(r) for r in reports]}
        write_json(expected / f"{name}.json", data)
    findings = [{"rule_id": rid, "unit": unit, "year": YEAR, "period_months": months, "project": project,
                 "line": line, "column": column}
                for rid, unit, months, project, line, column in PLANTED + LOW_EXECUTION]
    write_json(expected / "findings.json", findings)
    print(f"  {len(DOCUMENTS)} documents in {out.relative_to(fixtures)}")
