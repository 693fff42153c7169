"""Files the pipeline must reject with a specific Chinese reason (fixtures/bad/)."""

from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from fixturegen.model import Indicator, Line, Report, Style
from fixturegen.office import normalise_zip
from fixturegen.render_docx import FIXED_TIME, _fonts
from fixturegen.render_xlsx import render_xlsx

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

EMPTY = "空文件.xlsx"
CORRUPT_DOCX = "损坏的监控表.docx"
RANDOM_PDF = "扫描件.pdf"
LEGACY_XLS = "旧版监控表.xls"
LETTER_DOCX = "关于报送2024年1-6月绩效运行监控情况的函.docx"
GARBAGE_XLSX = "东街街道办事处2024年1-6月部门整体支出绩效运行监控表.xlsx"

# What the pipeline must say about each file: the stage that rejects it and a phrase the Chinese
# reason must contain ("" when only the stage is fixed).
EXPECTED = [
    {"file": EMPTY, "stage": "extract", "reason_contains": "为空",
     "why": "0 字节的文件"},
    {"file": CORRUPT_DOCX, "stage": "extract", "reason_contains": "损坏",
     "why": "截断的 ZIP：有效 .docx 的前一部分"},
    {"file": RANDOM_PDF, "stage": "extract", "reason_contains": "无法识别",
     "why": "扩展名为 .pdf，内容是随机字节"},
    {"file": LEGACY_XLS, "stage": "extract", "reason_contains": "旧版",
     "why": "OLE2 复合文档（旧版 .xls），只有文件头"},
    {"file": LETTER_DOCX, "stage": "classify", "reason_contains": "",
     "why": "有效的 Word 文件，是一封公函，正文提到绩效运行监控但没有任何表格：不应识别为监控表"},
    {"file": GARBAGE_XLSX, "stage": "finding", "rule": "DOC002", "reason_contains": "约五十万",
     "why": "标题、表头都是监控表，金额单元格是文字（约五十万、待统计）：须给出指明单元格内容的错误或问题"},
]


def _letter(path: Path) -> None:
    document = Document()
    _fonts(document.styles["Normal"].element, "仿宋")
    document.styles["Normal"].font.size = Pt(16)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("关于报送2024年1-6月部门整体支出绩效运行监控情况的函")
    run.bold = True
    run.font.size = Pt(22)
    _fonts(run._r, "方正小标宋简体")
    for text in (
        "区财政局：",
        "　　根据《关于开展2024年度预算绩效运行监控工作的通知》要求，我办对2024年1-6月部门整体支出"
        "绩效目标实现程度和预算执行进度开展了监控，现将有关情况函告如下。",
        "　　一、预算执行情况。截至6月底，我办部门预算支出执行进度总体符合序时进度要求，项目支出"
        "执行进度偏慢，主要原因是部分项目尚处于招标阶段。",
        "　　二、绩效目标完成情况。各项绩效指标按计划推进，预计年底能够完成年度绩效目标。",
        "　　三、下一步工作。我办将加快项目实施进度，确保年度预算执行率达到90%以上。",
        "　　特此函告。",
        "　　附件：部门整体支出绩效运行监控表（另行报送）",
    ):
        document.add_paragraph(text)
    for text in ("东街街道办事处", "2024年7月10日"):
        para = document.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    props = document.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))
    normalise_zip(path)


def _garbage(path: Path) -> None:
    def line(name, label, **show):
        return Line(name, label, None, None, None, rate=None, show=show)

    lines = [
        line("合计", "合计", initial="约五十万", annual="约五十万", executed="待统计", rate="待统计"),
        line("基本支出", "基本支出", initial="三十余万", annual="三十余万", executed="待统计", rate="—"),
        line("人员经费", "其中：人员经费", initial="见附件", annual="见附件", executed="待统计", rate="—"),
        line("公用经费", "公用经费", initial="见附件", annual="见附件", executed="待统计", rate="—"),
        line("项目支出", "项目支出", initial="约二十万", annual="约二十万", executed="待统计", rate="—"),
    ]
    inds = [Indicator("部门管理", "资金投入", "预算编制完整性", "完整", "完整", "完整"),
            Indicator("部门管理", "资金投入", "基本支出预算执行率", "100%", "待统计", "100%")]
    rep = Report("unit", "东街街道办事处", 2024, 6, "万元", lines, inds,
                 Style(title="2024年1-6月部门整体支出绩效运行监控表",
                       before=[("填报单位：东街街道办事处", "单位：万元")]))
    render_xlsx([rep], path, ["Sheet1"])
    normalise_zip(path)


def write_bad(folder: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EMPTY).write_bytes(b"")
    _letter(folder / LETTER_DOCX)
    # A valid Word file cut short: the zip's central directory is gone.
    corrupt = folder / CORRUPT_DOCX
    _letter(corrupt)
    data = corrupt.read_bytes()
    corrupt.write_bytes(data[: len(data) * 2 // 5])
    rng = random.Random(20240710)
    noise = bytes(rng.randrange(256) for _ in range(8192))
    assert b"%PDF" not in noise and not noise.startswith(b"PK")
    (folder / RANDOM_PDF).write_bytes(noise)
    (folder / LEGACY_XLS).write_bytes(OLE2_MAGIC + bytes(512 - len(OLE2_MAGIC)))
    _garbage(folder / GARBAGE_XLSX)
    return EXPECTED
