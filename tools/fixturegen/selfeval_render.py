"""Lay a 绩效自评表 out (three regional layouts) and render it to .docx, .xlsx, .html or .pdf.

Grids are written as rows of tokens the way tests/builders.py reads them: "<" continues the cell on
the left, "^" the cell above; `grid()` turns them into the shared `Grid`/`GCell` of layout.py, so the
existing Word, Excel and HTML table writers draw them.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from fixturegen.layout import GCell, Grid, Para
from fixturegen.office import Office, normalise_pdf, normalise_zip
from fixturegen.render_docx import FIXED_TIME, _fonts, _run, _table, _tight
from fixturegen.render_html import _CSS, _grid_html, _para_html
from fixturegen.render_xlsx import _place_grid, _place_para
from fixturegen.selfeval_data import Table

Token = str | GCell


def grid(rows: list[list[Token]], weights: list[float]) -> Grid:
    """Rows of tokens ("<" / "^" merges) → a Grid of spanning cells."""
    n = len(weights)
    rows = [r + [""] * (n - len(r)) for r in rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(rows):
        for c, tok in enumerate(row):
            if tok == "<":
                owner[(r, c)] = owner[(r, c - 1)]
            elif tok == "^":
                owner[(r, c)] = owner[(r - 1, c)]
            else:
                owner[(r, c)] = (r, c)
    g = Grid(n_cols=n, weights=weights)
    for r, row in enumerate(rows):
        out = g.add_row()
        for c, tok in enumerate(row):
            if owner[(r, c)] != (r, c):
                continue
            cells = [k for k, o in owner.items() if o == (r, c)]
            rowspan = max(k[0] for k in cells) - r + 1
            colspan = max(k[1] for k in cells) - c + 1
            spec = tok if isinstance(tok, GCell) else GCell(text=tok)
            spec.rowspan, spec.colspan = rowspan, colspan
            out[c] = spec
    return g


def _num(text: str, fmt: str, numeric: bool) -> Token:
    """An amount/score cell; in a numeric Excel layout a number with its format."""
    if not numeric or not text or text == "—":
        return text
    if text.endswith("%"):
        value = Decimal(text[:-1]) / 100
        decimals = len(text[:-1].split(".", 1)[1]) if "." in text else 0
        return GCell(text=text, number=value, number_format="0." + "0" * decimals + "%" if decimals else "0%")
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    shown = "0." + "0" * decimals if decimals else "0"  # the format shows what the text prints
    return GCell(text=text, number=Decimal(text.replace(",", "")), number_format=shown)


# ---------------------------------------------------------------------------------------------
# Layouts


def _gansu(t: Table, numeric: bool) -> list[Para | Grid]:
    title = "部门整体支出绩效自评表" if t.kind == "unit" else "项目支出绩效自评表"
    rows: list[list[Token]] = []
    if t.kind == "unit":
        rows.append(["部门（单位）名称", t.unit, "<", "<", "<", "<", "<", "<", "<"])
    else:
        rows.append(["项目名称", t.project or "", "<", "<", "<", "<", "<", "<", "<"])
        rows.append(["主管部门", t.department or "", "<", "<", "实施单位", t.implementing_unit or "", "<", "<", "<"])
    group = f"{'年度预算资金' if t.kind == 'unit' else '项目资金'}（{t.amount_unit}）"
    rows.append([group, "资金来源", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    for ln in t.lines:
        rows.append(["^", ln.label, "<", _num(ln.initial, "0.00", numeric), _num(ln.annual, "0.00", numeric),
                     _num(ln.executed, "0.00", numeric), _num(ln.max_score, "0", numeric),
                     _num(ln.rate, "", numeric), _num(ln.score, "0.00" if "." in ln.score else "0", numeric)])
    rows.append(["年度总体目标", "预期目标", "<", "<", "<", "实际完成情况", "<", "<", "<"])
    rows.append(["^", GCell(t.goal_expected, align="left"), "<", "<", "<", GCell(t.goal_actual, align="left"),
                 "<", "<", "<"])
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"])
    prev = None
    for ind in t.indicators:
        l1 = "^" if prev and prev.level1 == ind.level1 else ind.level1
        l2 = "^" if prev and prev.level1 == ind.level1 and prev.level2 == ind.level2 else ind.level2
        rows.append(["^", l1, l2, ind.level3, ind.target, ind.actual, _num(ind.max_score, "0", numeric),
                     _num(ind.score, "0.0" if "." in ind.score else "0", numeric), GCell(ind.deviation, align="left")])
        prev = ind
    rows.append(["总分", "<", "<", "<", "<", "<", _num(t.total_max, "0", numeric),
                 _num(t.total_score, "0.0" if "." in t.total_score else "0", numeric), ""])
    weights = [1.1, 1.3, 1.4, 2.2, 1.3, 1.3, 0.8, 0.8, 3.0]
    return [Para(title, kind="title"), Para(f"（{t.year}年度）"), grid(rows, weights)]


def _sichuan(t: Table, numeric: bool) -> list[Para | Grid]:
    rows: list[list[Token]] = [
        ["项目名称", t.project or "", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["主管部门", t.department or "", "<", "<", "<", "实施单位", t.implementing_unit or "", "<", "<", "<", "<"],
        [f"项目资金（{t.amount_unit}）", "", "<", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值",
         "执行率（B/A）", "得分", "<", "<"],
    ]
    for ln in t.lines:
        rows.append(["^", ln.label, "<", ln.initial, ln.annual, ln.executed, ln.max_score, ln.rate, ln.score, "<", "<"])
    rows.append(["年度总体目标", "预期目标", "<", "<", "<", "<", "实际完成情况", "<", "<", "<", "<"])
    rows.append(["^", GCell(t.goal_expected, align="left"), "<", "<", "<", "<", GCell(t.goal_actual, align="left"),
                 "<", "<", "<", "<"])
    rows.append(["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值", "得分",
                 "偏差原因", "改进措施"])
    prev = None
    for ind in t.indicators:
        label = f"{ind.level1}（{ind.level1_points}分）" if ind.level1_points else ind.level1
        l1 = "^" if prev and prev.level1 == ind.level1 else label
        rows.append([l1, ind.level2, ind.level3, ind.op, ind.value, ind.unit or "—", ind.actual, ind.max_score,
                     ind.score, GCell(ind.deviation, align="left"), GCell(ind.measure or "", align="left")])
        prev = ind
    rows.append(["总分", "<", "<", "<", "<", "<", "<", t.total_max, t.total_score, "", "<"])
    weights = [1.4, 1.5, 2.2, 0.8, 1.0, 0.8, 1.0, 0.7, 0.7, 2.0, 2.4]
    return [Para("项目支出绩效自评表", kind="title"), Para(f"（{t.year}年度）"), grid(rows, weights)]


def _hubei(t: Table, numeric: bool) -> list[Para | Grid]:
    rows: list[list[Token]] = [["资金情况", "<", "年初预算数", "调整后预算数", "实际支出数", "分值", "执行率", "得分"]]
    for ln in t.lines:
        rows.append([ln.label, "<", ln.initial, ln.annual, ln.executed, ln.max_score, ln.rate, ln.score])
    rows.append(["年度总体目标", GCell(f"预期目标：{t.goal_expected}", align="left"), "<", "<",
                 GCell(f"实际完成情况：{t.goal_actual}", align="left"), "<", "<", "<"])
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "未完成原因和改进措施"])
    prev = None
    for ind in t.indicators:
        l1 = "^" if prev and prev.level1 == ind.level1 else ind.level1
        l2 = "^" if prev and prev.level1 == ind.level1 and prev.level2 == ind.level2 else ind.level2
        rows.append([l1, l2, ind.level3, ind.target, ind.actual, ind.max_score, ind.score,
                     GCell(ind.deviation, align="left")])
        prev = ind
    rows.append(["自评总分", "<", "<", "<", "<", t.total_max, t.total_score, ""])
    weights = [1.3, 1.3, 2.4, 1.3, 1.3, 0.8, 0.8, 3.2]
    return [Para(f"{t.unit}{t.year}年度部门整体绩效自评表", kind="title"),
            Para(f"填报单位（盖章）：{t.unit}", f"金额单位：{t.amount_unit}"), grid(rows, weights)]


def _split(t: Table, numeric: bool) -> list[Para | Grid]:
    """Two Word tables per project: header rows and budget, then (under a caption) goal and indicators."""
    first: list[list[Token]] = [
        ["项目名称", t.project or "", "<", "<", "<", "<", "<"],
        ["主管部门", t.department or "", "<", "<", "实施单位", t.implementing_unit or "", "<"],
        [f"项目资金（{t.amount_unit}）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ]
    for ln in t.lines:
        first.append([ln.label, ln.initial, ln.annual, ln.executed, ln.max_score, ln.rate, ln.score])
    second: list[list[Token]] = [
        ["年度总体目标", "预期目标", "<", "<", "实际完成情况", "<", "<", "<"],
        ["^", GCell(t.goal_expected, align="left"), "<", "<", GCell(t.goal_actual, align="left"), "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ]
    prev = None
    for ind in t.indicators:
        l1 = "^" if prev and prev.level1 == ind.level1 else ind.level1
        second.append([l1, ind.level2, ind.level3, ind.target, ind.actual, ind.max_score, ind.score,
                       GCell(ind.deviation, align="left")])
        prev = ind
    second.append(["总分", "<", "<", "<", "<", t.total_max, t.total_score, ""])
    return [Para("项目支出绩效自评表", kind="title"), Para(f"（{t.year}年度）"),
            grid(first, [2.2, 1.4, 1.4, 1.4, 1.0, 1.0, 1.0]), Para("绩效目标及指标完成情况"),
            grid(second, [1.3, 1.5, 2.2, 1.3, 1.3, 0.8, 0.8, 3.0])]


LAYOUTS = {"gansu": _gansu, "sichuan": _sichuan, "hubei": _hubei, "split": _split}


def blocks(t: Table, numeric: bool = False) -> list[Para | Grid]:
    return LAYOUTS[t.layout](t, numeric)


# ---------------------------------------------------------------------------------------------
# Formats


def render_docx(t: Table, path: Path, landscape: bool = True) -> None:
    from docx.enum.section import WD_ORIENT

    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    _fonts(normal.element, "宋体")
    section = document.sections[0]
    if landscape:
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.orientation = WD_ORIENT.LANDSCAPE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.6))
    usable = (29.7 if landscape else 21.0) - 3.2
    all_blocks: list[Para | Grid | None] = []
    for i, part in enumerate(t.tables):
        all_blocks += ([None] if i else []) + blocks(part)  # None: a page break
    for block in all_blocks:
        if block is None:
            from docx.enum.text import WD_BREAK

            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if isinstance(block, Para):
            para = document.add_paragraph()
            _tight(para)
            if block.kind == "title":
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _run(para, block.left, 16, bold=True, east_asia="黑体")
            else:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER if not block.right else WD_ALIGN_PARAGRAPH.LEFT
                _run(para, block.left + ("    " + block.right if block.right else ""), 10.5)
        else:
            _table(document, block, usable, 9, repeat_header=False)
            _tight(document.add_paragraph())
    props = document.core_properties
    props.author = props.last_modified_by = "Administrator"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    document.save(str(path))


def render_xlsx(t: Table, path: Path, numeric: bool) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    bl = blocks(t, numeric)
    grids = [b for b in bl if isinstance(b, Grid)]
    n_cols = grids[0].n_cols
    total = sum(grids[0].weights)
    for i, w in enumerate(grids[0].weights):
        ws.column_dimensions[get_column_letter(i + 1)].width = round(150 * w / total, 1)
    row = 1
    for block in bl:
        if isinstance(block, Para):
            _place_para(ws, row, n_cols, block)
            row += 1
        else:
            _place_grid(ws, row, block, {}, [])
            row += len(block.rows)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    wb.properties.creator = wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(str(path))
    normalise_zip(path)


def render_html(t: Table, path: Path) -> None:
    body = "\n".join(_grid_html(b, False) if isinstance(b, Grid) else _para_html(b, False) for b in blocks(t))
    title = "部门整体支出绩效自评表" if t.kind == "unit" else f"{t.project}项目支出绩效自评表"
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    path.write_text(page, encoding="utf-8")


def render(t: Table, target: Path, office: Office | None, scratch: Path) -> None:
    suffix = target.suffix
    if suffix == ".docx":
        render_docx(t, target)
        normalise_zip(target)
    elif suffix == ".xlsx":
        render_xlsx(t, target, numeric=t.layout == "gansu")
    elif suffix == ".html":
        render_html(t, target)
    elif suffix == ".pdf":
        if office is None:
            raise SystemExit("需要 LibreOffice（soffice）才能生成 PDF")
        if t.pdf_from == "xlsx":
            src = scratch / (target.stem + ".xlsx")
            render_xlsx(t, src, numeric=True)
        else:
            src = scratch / (target.stem + ".docx")
            render_docx(t, src)
            normalise_zip(src)
        pdf = office.convert(src, "pdf")
        normalise_pdf(pdf)
        shutil.copyfile(pdf, target)
    else:
        raise ValueError(f"{target.name}: unknown format")
