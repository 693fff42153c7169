"""Build the small sample PDFs the PDF-extractor tests read, into fixtures/formats/pdf/.

Each sample is written as a .docx with python-docx and converted with LibreOffice
(`soffice --headless --convert-to pdf`). Next to each PDF the script writes
`<name>.expected.json` with what it put in: the text lines above the tables and every table as
a grid of cell texts, merged cells repeated over the slots they cover. The tests compare the
extractor's output against those files, so the PDFs and JSON files are committed and the tests
do not need LibreOffice.

`only` names the samples to write (default: all).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from fixturegen.office import plain_convert

FONT = "Noto Sans CJK SC"
PASSWORD = "jixiao"


@dataclass
class TableSpec:
    """A table as it is typed in: rows of texts, merges as (row, col, last_row, last_col), 1-based.

    Texts at slots covered by a merge (other than its top-left) are ignored (give "").
    """

    rows: list[list[str]]
    widths_cm: list[float]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    header_rows: int = 1
    repeat_header: bool = False
    wrapped: list[tuple[int, int]] = field(default_factory=list)  # cells whose text must wrap
    three_line: bool = False  # only rules above, below the header and below the table

    def expected_grid(self) -> list[list[str]]:
        grid = [list(r) for r in self.rows]
        for r0, c0, r1, c1 in self.merges:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    grid[r - 1][c - 1] = self.rows[r0 - 1][c0 - 1]
        return grid

    def expected_merges(self) -> list[dict[str, list[int]]]:
        return [{"origin": [r0, c0], "last": [r1, c1]} for r0, c0, r1, c1 in self.merges]


def _font(run, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def _paragraph(doc, text: str, size: float = 10.5, bold: bool = False, center: bool = False) -> None:
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(text), size, bold)


def _set_cell(cell, text: str, width_cm: float, size: float) -> None:
    cell.width = Cm(width_cm)
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    _font(p.add_run(text), size)


def _border(parent, edge: str, size: int) -> None:
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single" if size else "nil")
    if size:
        el.set(qn("w:sz"), str(size))  # eighths of a point
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
    parent.append(el)


def _three_line_borders(table, header_rows: int) -> None:
    """A "三线表": a rule above the table, below the header and below the table; nothing else."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge, size in (("top", 12), ("left", 0), ("bottom", 12), ("right", 0), ("insideH", 0), ("insideV", 0)):
        _border(borders, edge, size)
    tblpr.append(borders)
    for cell in table.rows[header_rows - 1].cells:
        tcpr = cell._tc.get_or_add_tcPr()
        tc_borders = OxmlElement("w:tcBorders")
        _border(tc_borders, "bottom", 6)
        tcpr.append(tc_borders)


def _add_table(doc, spec: TableSpec, size: float = 10.5) -> None:
    n_rows, n_cols = len(spec.rows), len(spec.widths_cm)
    table = doc.add_table(rows=n_rows, cols=n_cols)
    if spec.three_line:
        _three_line_borders(table, spec.header_rows)
    else:
        table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for r0, c0, r1, c1 in spec.merges:
        table.cell(r0 - 1, c0 - 1).merge(table.cell(r1 - 1, c1 - 1))
    covered = {
        (r, c)
        for r0, c0, r1, c1 in spec.merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    for r in range(n_rows):
        for c in range(n_cols):
            if (r + 1, c + 1) in covered:
                continue
            _set_cell(table.cell(r, c), spec.rows[r][c], spec.widths_cm[c], size)
    # Widths must also be on every grid column for LibreOffice to honour them.
    for c, col in enumerate(table.columns):
        col.width = Cm(spec.widths_cm[c])
    if spec.repeat_header:
        for r in range(spec.header_rows):
            trpr = table.rows[r]._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            trpr.append(flag)


def _new_document(landscape: bool = False):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.0)
    return doc


# --------------------------------------------------------------------------- the samples


def monitoring() -> dict:
    """A 1–6月 monitoring table: merged header cells, a wrapped label, an indicator block."""
    doc = _new_document()
    title = "2024年度部门整体支出绩效运行监控表（1-6月）"
    _paragraph(doc, title, size=15, bold=True, center=True)
    _paragraph(doc, "填报单位：南街街道办事处\t\t\t\t\t\t单位：万元")
    _paragraph(doc, "一、预算执行情况", bold=True)
    budget = TableSpec(
        rows=[
            ["项目", "预算数", "", "1-6月执行情况", "", "偏差原因"],
            ["", "年初预算数", "全年预算数", "1-6月执行数", "执行率(%)", ""],
            ["合计", "1,164.62", "1,286.43", "598.31", "46.51", ""],
            ["基本支出", "900.00", "910.50", "455.25", "50.00", ""],
            ["人员经费", "780.00", "785.20", "392.60", "50.00", ""],
            ["公用经费", "120.00", "125.30", "62.65", "50.00", ""],
            [
                "项目支出（含政府采购及专项资金）",
                "264.62",
                "375.93",
                "143.06",
                "38.05",
                "部分项目实施进度滞后，尚未达到付款条件",
            ],
        ],
        widths_cm=[3.2, 2.4, 2.4, 2.6, 2.2, 4.2],
        merges=[(1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 5), (1, 6, 2, 6)],
        header_rows=2,
        wrapped=[(7, 1), (7, 6)],
    )
    _add_table(doc, budget)
    _paragraph(doc, "")
    _paragraph(doc, "二、绩效指标完成情况", bold=True)
    indicators = TableSpec(
        rows=[
            ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "完成目标可能性"],
            ["产出指标", "数量指标", "培训场次", "≥12次", "6次", "确定能"],
            ["", "", "覆盖社区数", "15个", "8个", "确定能"],
            ["", "质量指标", "验收合格率", "100%", "100%", "确定能"],
            ["", "时效指标", "资金拨付及时率", "≥95%", "90%", "有可能"],
            ["效益指标", "社会效益指标", "居民知晓率", "≥90%", "85%", "有可能"],
            ["满意度指标", "服务对象满意度指标", "居民满意度", "≥95%", "96%", "确定能"],
        ],
        widths_cm=[2.4, 3.0, 3.4, 2.4, 2.8, 3.0],
        merges=[(2, 1, 5, 1), (2, 2, 3, 2)],
        header_rows=1,
    )
    _add_table(doc, indicators)
    _paragraph(doc, "")
    _paragraph(doc, "填报人：王某某　　联系电话：0936-1234567")
    return {
        "doc": doc,
        "expected": {
            "blocks_before_table1": [title, "填报单位：南街街道办事处", "单位：万元", "一、预算执行情况"],
            "blocks_before_table2": ["二、绩效指标完成情况"],
            "tables": [budget, indicators],
        },
    }


def long_table() -> dict:
    """80 data rows under a header row repeated on every page: runs over three pages."""
    doc = _new_document()
    title = "附表1 2024年度项目支出明细表"
    _paragraph(doc, title, size=15, bold=True, center=True)
    _paragraph(doc, "单位：万元")
    header = ["序号", "项目名称", "预算数", "1-6月执行数", "执行率(%)"]
    rows = [header]
    for i in range(1, 81):
        budget = 100 + i * 7  # whole 万元, so the rate below is exact to two decimals
        executed_cents = budget * (30 + i % 40)  # budget × (30…69) %, in hundredths of 万元
        rows.append(
            [
                str(i),
                f"社区服务项目{i:02d}",
                f"{budget:,}.00",
                f"{executed_cents // 100:,}.{executed_cents % 100:02d}",
                f"{30 + i % 40}.00",
            ]
        )
    spec = TableSpec(
        rows=rows,
        widths_cm=[1.6, 6.0, 2.8, 3.0, 2.6],
        header_rows=1,
        repeat_header=True,
    )
    _add_table(doc, spec, size=11)
    note = "注：本表数据截至2024年6月30日。"
    _paragraph(doc, note)
    return {"doc": doc, "expected": {"title": title, "note": note, "tables": [spec]}}


def three_line() -> dict:
    """A table ruled only by horizontal lines: found by the text-alignment fallback."""
    doc = _new_document()
    title = "表3 2024年度重点项目执行情况"
    _paragraph(doc, title, size=14, bold=True, center=True)
    spec = TableSpec(
        rows=[
            ["项目名称", "全年预算数", "1-6月执行数", "执行率(%)"],
            ["老旧小区改造", "320.00", "160.00", "50.00"],
            ["社区养老服务", "150.00", "45.00", "30.00"],
            ["垃圾分类宣传", "80.00", "60.00", "75.00"],
            ["合计", "550.00", "265.00", "48.18"],
        ],
        widths_cm=[5.0, 3.2, 3.2, 3.0],
        header_rows=1,
        three_line=True,
    )
    _add_table(doc, spec)
    _paragraph(doc, "")
    note = "注：执行率=1-6月执行数÷全年预算数。"
    _paragraph(doc, note)
    return {"doc": doc, "expected": {"title": title, "note": note, "tables": [spec]}}


def encrypted() -> dict:
    doc = _new_document()
    _paragraph(doc, "本文件设置了打开密码。")
    return {"doc": doc, "expected": {"password": PASSWORD, "tables": []}}


SAMPLES = {
    "monitoring": monitoring,
    "long_table": long_table,
    "three_line": three_line,
    "encrypted": encrypted,
}


# --------------------------------------------------------------------------- conversion


def _convert(docx: Path, outdir: Path, profile: Path, password: str | None) -> Path:
    target = "pdf"
    if password:
        options = {
            "EncryptFile": {"type": "boolean", "value": "true"},
            "DocumentOpenPassword": {"type": "string", "value": password},
        }
        target = "pdf:writer_pdf_Export:" + json.dumps(options)
    return plain_convert(docx, outdir, target, profile=profile)


def _expected_json(expected: dict) -> dict:
    out = {k: v for k, v in expected.items() if k != "tables"}
    out["tables"] = [
        {
            "header_rows": t.header_rows,
            "rows": t.expected_grid(),
            "merges": t.expected_merges(),
            "wrapped": [list(w) for w in t.wrapped],
        }
        for t in expected["tables"]
    ]
    return out


def generate(fixtures: Path, only: list[str] | None = None) -> None:
    out = fixtures / "formats" / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    unknown = sorted(set(only or []) - set(SAMPLES))
    if unknown:
        raise SystemExit(f"no such sample: {', '.join(unknown)} (samples: {', '.join(SAMPLES)})")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for name in only or list(SAMPLES):
            sample = SAMPLES[name]()
            docx = tmpdir / f"{name}.docx"
            sample["doc"].save(docx)
            password = sample["expected"].get("password")
            pdf = _convert(docx, tmpdir, tmpdir / "lo-profile", password)
            shutil.copyfile(pdf, out / pdf.name)
            text = json.dumps(_expected_json(sample["expected"]), ensure_ascii=False, indent=1)
            # One table row (a list of strings or numbers) per line, for a readable diff.
            text = re.sub(
                r"\[\n\s+(?:(?:\"[^\"\n]*\"|\d+),\n\s+)*(?:\"[^\"\n]*\"|\d+)\n\s+\]",
                lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False),
                text,
            )
            (out / f"{name}.expected.json").write_text(text + "\n", encoding="utf-8")
            print(f"  {(out / pdf.name).relative_to(fixtures)}")
