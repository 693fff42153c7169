"""fixtures/formats/xlsx/libreoffice_formulas.xlsx: a workbook whose formula cells carry cached values.

openpyxl writes formulas without results; LibreOffice calculates them and saves the results the way
Excel does, so the committed file exercises the reading of cached formula values (the tests only
read the committed result). LibreOffice stamps the file's dates, so a re-run differs in those.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import openpyxl

from fixturegen.office import plain_convert

FILE = Path("formats") / "xlsx" / "libreoffice_formulas.xlsx"


def build(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "监控表"
    ws["A1"] = "2024年1-6月项目支出绩效运行监控表"
    ws.merge_cells("A1:D1")
    ws.append(["项目名称", "全年预算数", "1-6月执行数", "执行率"])
    ws.append(["办公经费", 1164.62, 690.47, "=C3/B3"])
    ws.append(["培训费", 80, 40.5, "=C4/B4"])
    ws.append(["合计", "=SUM(B3:B4)", "=SUM(C3:C4)", "=C5/B5"])
    ws.append(["截止日期", "=DATE(2024,6,30)"])
    for row in range(3, 6):
        ws[f"B{row}"].number_format = "#,##0.00"
        ws[f"C{row}"].number_format = "#,##0.00"
        ws[f"D{row}"].number_format = "0.00%"
    ws["B6"].number_format = "yyyy-mm-dd"
    wb.save(path)


def generate(fixtures: Path) -> None:
    target = fixtures / FILE
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src" / target.name
        src.parent.mkdir()
        build(src)
        out = Path(tmp) / "out"
        shutil.copyfile(plain_convert(src, out, "xlsx:Calc MS Excel 2007 XML", profile=Path(tmp) / "profile"), target)
    print(f"  {FILE}")
