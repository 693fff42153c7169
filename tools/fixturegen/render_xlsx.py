"""Excel (.xlsx) rendering with openpyxl: numbers as numbers, percent formats, formulas, merges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from fixturegen.layout import GCell, Grid, Para, layout
from fixturegen.model import PARTS, Report

FIXED_TIME = datetime(2024, 7, 10, 9, 0, 0)
THIN = Side(style="thin", color="000000")
RULED = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class FormulaCell:
    """A formula the generator wrote, and the text its cached value must display."""

    sheet: str
    coordinate: str
    formula: str
    text: str
    number_format: str


def _font(bold: bool = False, size: float = 10, name: str = "宋体") -> Font:
    return Font(name=name, size=size, bold=bold)


def _place_para(ws, row: int, n_cols: int, block: Para) -> None:
    if block.kind == "title":
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n_cols)
        cell = ws.cell(row=row, column=1, value=block.left)
        cell.font = _font(True, 16, "黑体")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[row].height = 32
        return
    split = max(n_cols - 2, 1)
    if block.left:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=split)
        ws.cell(row=row, column=1, value=block.left).font = _font(size=11)
    if block.right:
        ws.merge_cells(start_row=row, start_column=split + 1, end_row=row, end_column=n_cols)
        cell = ws.cell(row=row, column=split + 1, value=block.right)
        cell.font = _font(size=11)
        cell.alignment = Alignment(horizontal="right", vertical="center")
    ws.row_dimensions[row].height = 20


def _write_cell(ws, row: int, col: int, spec: GCell) -> None:
    cell = ws.cell(row=row, column=col)
    if spec.number is not None:
        cell.value = spec.number  # Decimal: openpyxl writes it exactly
        cell.number_format = spec.number_format
    elif spec.text:
        cell.value = spec.text
    cell.font = _font(spec.bold, 10)
    cell.alignment = Alignment(horizontal=spec.align, vertical="center", wrap_text=True)


def _place_grid(ws, top: int, grid: Grid, positions: dict, pending: list) -> None:
    for r, row in enumerate(grid.rows):
        for c, spec in row.items():
            rr, cc = top + r, 1 + c
            if spec.colspan > 1 or spec.rowspan > 1:
                ws.merge_cells(start_row=rr, start_column=cc,
                               end_row=rr + spec.rowspan - 1, end_column=cc + spec.colspan - 1)
            _write_cell(ws, rr, cc, spec)
            if spec.key is not None:
                positions[spec.key] = (rr, cc)
            if spec.formula is not None:
                pending.append((rr, cc, spec))
        for c in range(grid.n_cols):
            ws.cell(row=top + r, column=1 + c).border = RULED


def _formula(spec: GCell, positions: dict) -> str:
    def ref(line: str, key: str) -> str:
        r, c = positions[(line, key)]
        return f"{get_column_letter(c)}{r}"

    if spec.formula[0] == "sum":
        _, line, key = spec.formula
        return "=" + "+".join(ref(part, key) for part in PARTS[line])
    _, line = spec.formula
    return f"={ref(line, 'executed')}/{ref(line, 'annual')}"


def render_xlsx(reports: list[Report], path: Path, sheet_names: list[str]) -> list[FormulaCell]:
    """Write one sheet per report; return the formulas written (to verify cached values later)."""
    wb = Workbook()
    wb.remove(wb.active)
    formulas: list[FormulaCell] = []
    for rep, name in zip(reports, sheet_names, strict=True):
        ws = wb.create_sheet(name)
        blocks = layout(rep)
        grids = [b for b in blocks if isinstance(b, Grid)]
        n_cols = max(g.n_cols for g in grids)
        weights = max(grids, key=lambda g: g.n_cols).weights
        total = sum(weights)
        for i, w in enumerate(weights):
            ws.column_dimensions[get_column_letter(i + 1)].width = round(150 * w / total, 1)
        row = 1
        positions: dict = {}
        pending: list = []
        for block in blocks:
            if isinstance(block, Para):
                _place_para(ws, row, n_cols, block)
                row += 1
            else:
                _place_grid(ws, row, block, positions, pending)
                row += len(block.rows)
        for r, c, spec in pending:
            cell = ws.cell(row=r, column=c)
            cell.value = _formula(spec, positions)
            formulas.append(FormulaCell(name, cell.coordinate, cell.value, spec.text, spec.number_format))
        ws.page_setup.orientation = "landscape" if rep.style.landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
    wb.properties.creator = "Administrator"
    wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(str(path))
    return formulas


def displayed(value: float | int, number_format: str) -> str:
    """How a spreadsheet shows `value` in the formats the generator uses (half-up, as Excel)."""
    from fixturegen.model import format_amount  # local: keep module imports light

    exact = Decimal(repr(value))
    if number_format.endswith("%"):
        decimals = len(number_format.split(".", 1)[1]) - 1 if "." in number_format else 0
        shown = (exact * 100).quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
        return f"{shown}%"
    if number_format == "#,##0.00":
        return format_amount(exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"), True)
    if number_format == "0.00":
        return format_amount(exact.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"), False)
    raise ValueError(f"unexpected number format {number_format!r}")
