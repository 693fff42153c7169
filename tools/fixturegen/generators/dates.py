"""Regenerate fixtures/dates/: narrative reports (监控报告 / 自评报告) that end with a dated
signature (落款: the unit's name, then the date, right-aligned), as Word and as PDF, and
fixtures/expected/dates/<file>.json with the date each one prints.

The generated files are committed, so tests never need LibreOffice; re-running reproduces the
same bytes (fixed document times, fixed PDF ids).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from fixturegen.folders import fresh_folder, session, write_json
from fixturegen.office import normalise_pdf, normalise_zip
from fixturegen.render_docx import FIXED_TIME, _run, a4_document

SUB = "dates"


@dataclass
class DatedReport:
    file_name: str
    title: str
    unit: str
    year: int
    period_months: int
    body: list[tuple[str, str]]  # (heading, paragraph)
    signature: list[str]  # the signature lines as printed
    date: str  # ISO date the signature prints

    @property
    def format(self) -> str:
        return Path(self.file_name).suffix[1:]


MONITORING_BODY = [
    ("一、预算执行情况", "2024年1-6月，我单位部门整体支出预算执行进度与序时进度基本一致，基本支出按月足额保障。"),
    ("二、绩效目标完成情况", "各项产出指标按计划推进，社区工作者工资按月足额发放，办公运转正常。"),
    ("三、存在的问题及原因", "项目支出执行进度偏慢，主要原因是部分项目尚在招标，合同约定验收后付款。"),
    ("四、下一步工作措施", "由财务室负责，每月通报各科室预算执行进度，对执行滞后的项目逐项分析原因。"),
]
SELF_EVAL_BODY = [
    ("一、基本情况", "截至2024年12月31日，我镇年度预算执行率为98.50%，各项工作有序开展。"),
    ("二、绩效目标完成情况", "年度设定的产出指标和效益指标均已完成，服务对象满意度达到预期。"),
    ("三、存在的问题", "部分绩效指标设置偏重过程，量化指标占比不高，主要原因是指标研究不够深入。"),
    ("四、改进措施", "由财政所负责，于2025年6月底前完成结余资金清理并按规定统筹使用。"),
]

REPORTS = [
    DatedReport(
        file_name="东湖街道办事处2024年1-6月绩效运行监控报告（落款）.docx",
        title="东湖街道办事处2024年1-6月绩效运行监控报告", unit="东湖街道办事处", year=2024, period_months=6,
        body=MONITORING_BODY,
        signature=["东湖街道办事处", "2024年7月15日"], date="2024-07-15"),
    DatedReport(
        file_name="东湖街道办事处2024年1-6月绩效运行监控报告（落款）.pdf",
        title="东湖街道办事处2024年1-6月绩效运行监控报告", unit="东湖街道办事处", year=2024, period_months=6,
        body=MONITORING_BODY,
        signature=["东湖街道办事处", "2024年7月15日"], date="2024-07-15"),
    DatedReport(
        file_name="西湖镇人民政府2024年度部门整体支出绩效自评报告（落款）.pdf",
        title="西湖镇人民政府2024年度部门整体支出绩效自评报告", unit="西湖镇人民政府", year=2024,
        period_months=12,
        body=SELF_EVAL_BODY,
        signature=["西湖镇人民政府（盖章）", "二〇二五年一月二十日"], date="2025-01-20"),
    DatedReport(
        file_name="西湖镇人民政府2024年度部门整体支出绩效自评报告（落款）.docx",
        title="西湖镇人民政府2024年度部门整体支出绩效自评报告", unit="西湖镇人民政府", year=2024,
        period_months=12,
        body=SELF_EVAL_BODY,
        signature=["西湖镇人民政府 2025.1.20"], date="2025-01-20"),
]


def render_docx(rep: DatedReport, path: Path) -> None:
    document = a4_document("仿宋", 14, 2.6)
    para = document.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(para, rep.title, 20, bold=True, east_asia="宋体")
    for heading, text in rep.body:
        para = document.add_paragraph()
        para.paragraph_format.first_line_indent = Cm(0.99)
        _run(para, heading, 14, bold=True, east_asia="黑体")
        para = document.add_paragraph()
        para.paragraph_format.first_line_indent = Cm(0.99)
        _run(para, text, 14, east_asia="仿宋")
    document.add_paragraph()
    for line in rep.signature:
        para = document.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(para, line, 14, east_asia="仿宋")
    props = document.core_properties
    props.author = "jixiao fixturegen"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))


def expected(rep: DatedReport) -> dict:
    return {"kind": "narrative_report", "unit": rep.unit, "year": rep.year, "period_months": rep.period_months,
            "signed_date": rep.date, "signature": rep.signature}


def generate(fixtures: Path) -> None:
    folder = fresh_folder(fixtures / SUB)
    exp = fresh_folder(fixtures / "expected" / SUB)
    with session("fixturegen-dates-", office=any(r.format == "pdf" for r in REPORTS)) as (office, scratch):
        for rep in REPORTS:
            src = scratch / (Path(rep.file_name).stem + ".docx")
            render_docx(rep, src)
            normalise_zip(src)
            if rep.format == "pdf":
                assert office is not None
                pdf = office.convert(src, "pdf")
                normalise_pdf(pdf)
                shutil.copyfile(pdf, folder / rep.file_name)
            else:
                shutil.copyfile(src, folder / rep.file_name)
            write_json(exp / f"{rep.file_name}.json", expected(rep))
            print(f"  {SUB}/{rep.file_name}")
