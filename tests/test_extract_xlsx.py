"""Excel extractor: workbooks are generated here with openpyxl (cached formula results are
patched into the sheet XML, as Excel would have saved them), so every expected cell is known
exactly from what the test wrote. Displayed texts follow Excel's number-format rules."""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import FIXTURES, need_file, need_program
from extractors import ExtractionError, extract
from extractors.xlsx import extract_xlsx, format_number, shown
from schemas.document import Format

SHA = "e" * 64


def texts(table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def monitoring_workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2024年1-6月项目支出绩效运行监控表"
    ws.merge_cells("A1:E1")
    ws["A2"] = "填报单位：某某局\u3000\u3000"
    ws.merge_cells("A2:C2")
    ws["E2"] = "单位：万元"
    ws.append(["项目名称", "全年预算数", "1-6月\n执行数", "执行率", "是否完成"])
    ws.append(["办公经费", 1164.62, 690.47, 0.5929, True])
    ws.append(["培训费", 100.0, 59.285, 0.59285, False])
    ws.append(["合计", 1264.62, 749.755, 0.5929, None])
    ws.merge_cells("E5:E6")
    for row in (4, 5, 6):
        ws[f"B{row}"].number_format = "#,##0.00"
        ws[f"D{row}"].number_format = "0.00%"
    ws["C4"].number_format = "0.00"
    ws["C5"].number_format = "0.00"
    ws["C6"].number_format = "General"
    ws["B5"].number_format = "General"
    wb.save(path)


@pytest.fixture
def monitoring(tmp_path):
    path = tmp_path / "监控表.xlsx"
    monitoring_workbook(path)
    return extract_xlsx(path, SHA)


# --- cells as Excel shows them -----------------------------------------------------------------


def test_cell_texts_are_what_excel_shows(monitoring):
    (t,) = monitoring.tables
    title = "2024年1-6月项目支出绩效运行监控表"
    assert texts(t) == [
        [title] * 5,
        ["填报单位：某某局"] * 3 + ["", "单位：万元"],
        ["项目名称", "全年预算数", "1-6月执行数", "执行率", "是否完成"],
        ["办公经费", "1,164.62", "690.47", "59.29%", "TRUE"],
        ["培训费", "100", "59.29", "59.29%", "FALSE"],
        ["合计", "1,264.62", "749.755", "59.29%", "FALSE"],
    ]


def test_values_and_number_formats_are_kept(monitoring):
    t = monitoring.tables[0]
    d4 = t.cell(4, 4)
    assert (d4.value, d4.number_format) == ("0.5929", "0.00%")
    assert (t.cell(5, 4).value, t.cell(5, 4).text) == ("0.59285", "59.29%")
    assert (t.cell(4, 2).value, t.cell(4, 2).number_format) == ("1164.62", "#,##0.00")
    assert t.cell(5, 2).value == "100"  # stored as the float 100.0
    assert t.cell(3, 3).value == "1-6月\n执行数"  # the stored string; the text is cleaned
    assert t.cell(4, 5).value == "TRUE"
    assert t.cell(2, 4).value is None and t.cell(2, 4).number_format is None


def test_refs_are_real_excel_addresses(monitoring):
    t = monitoring.tables[0]
    c5 = t.cell(5, 3)
    assert (c5.ref.sheet, c5.ref.table, c5.ref.row, c5.ref.column, c5.ref.page) == ("Sheet1", 1, 5, 3, None)
    assert c5.ref.label == "Sheet1!C5"
    assert c5.text == "59.29"
    assert t.sheet == "Sheet1" and t.index == 1 and t.order == 1
    assert monitoring.format is Format.XLSX and monitoring.blocks == []


def test_merged_ranges_repeat_the_origin(monitoring):
    t = monitoring.tables[0]
    assert [c.merged_from for c in t.rows[0]] == [(1, 1)] * 5
    assert [c.merged_from for c in t.rows[1]] == [(2, 1)] * 3 + [None, None]
    assert t.cell(1, 3).is_merge_origin is False and t.cell(1, 1).is_merge_origin
    # E5:E6 holds FALSE at its origin; the covered E6 repeats it.
    assert (t.cell(6, 5).text, t.cell(6, 5).merged_from, t.cell(6, 5).value) == ("FALSE", (5, 5), "FALSE")
    assert monitoring.all_text().count("2024年1-6月项目支出绩效运行监控表") == 1


@pytest.mark.parametrize(
    "value, fmt, shown",
    [
        (0.5929, "0.00%", "59.29%"),
        (0.59285, "0.00%", "59.29%"),  # 59.285 rounds half up, not to the float below it
        (0.5, "0%", "50%"),
        (0.5929, "0.0%", "59.3%"),
        (1164.62, "#,##0.00", "1,164.62"),
        (1234567.891, "#,##0", "1,234,568"),
        (-1164.62, "#,##0.00", "-1,164.62"),
        (1164.62, "General", "1164.62"),
        (100.0, "General", "100"),
        (0.1 + 0.2, "General", "0.3"),  # 0.30000000000000004: Excel shows 15 digits
        (1e-05, "General", "0.00001"),
        (1.005, "0.00", "1.01"),
        (2.5, "0", "3"),
        (-2.5, "0", "-3"),  # half away from zero
        (99.999, "0.00", "100.00"),
        (3, '0.00"万元"', "3.00万元"),
        (5, '"¥"#,##0.00', "¥5.00"),
        (5, "[$¥-804]#,##0.00", "¥5.00"),
        (1164.62, "#,##0.00_ ;[Red]-#,##0.00 ", "1,164.62"),  # padding (_x) shows nothing
        (-5, "0.00;(0.00)", "(5.00)"),
        (-1234.5, "#,##0.00;[Red]\\-#,##0.00", "-1,234.50"),
        (0, "0;-0;;@", ""),  # an empty zero section hides zeros
        (0, '#,##0.00;-#,##0.00;"-"', "-"),
        (1234567, "#,##0,", "1,235"),  # a trailing comma divides by 1000
        (1234567, "0.0,,", "1.2"),
        (12, "000-0000", "000-0012"),
        (0.5, "#.00", ".50"),
        (1, "0.##", "1."),
        (1.25, "0.0#", "1.25"),
        (0, "#,###", ""),
        (12345.678, "0.00E+00", "1.23E+04"),
        (0.00012, "0.0E+0", "1.2E-4"),
        (50, "[>=100]0.0;0.00", "50.00"),
        (150, "[>=100]0.0;0.00", "150.0"),
        (7, "@", "7"),
    ],
)
def test_number_formats(value, fmt, shown):
    assert format_number(value, fmt) == shown


def test_dates_strings_and_errors(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = dt.date(2024, 6, 30)
    ws["A1"].number_format = 'yyyy"年"m"月"d"日"'
    ws["B1"] = dt.datetime(2024, 6, 30, 14, 5, 0)
    ws["C1"] = "  1,164.62 "  # a number stored as text stays as written
    ws["D1"] = "备注 "
    ws["E1"] = 7
    ws["E1"].number_format = "@"
    path = tmp_path / "a.xlsx"
    wb.save(path)
    t = extract_xlsx(path, SHA).tables[0]
    assert texts(t) == [["2024-06-30", "2024-06-30 14:05:00", "1,164.62", "备注", "7"]]
    assert (t.cell(1, 1).value, t.cell(1, 3).value) == ("2024-06-30", "  1,164.62 ")


def test_number_under_a_date_format_outside_the_calendar_shows_its_digits():
    assert shown(-5.0, "yyyy-mm-dd") == ("-5", "-5")
    assert shown(0.5929, "0.00%") == ("59.29%", "0.5929")


# --- sheets and extent -------------------------------------------------------------------------


def test_visible_non_empty_sheets_become_tables_numbered_across_the_workbook(tmp_path):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "说明"
    first["A1"] = "填表说明"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "不应读取"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("深度隐藏")
    very["A1"] = "也不应读取"
    very.sheet_state = "veryHidden"
    empty = wb.create_sheet("空表")
    empty["A1"].number_format = "0.00"  # formatted but empty
    empty["B2"] = "   "
    data = wb.create_sheet("表2")
    data["C5"] = 0.5929
    data["C5"].number_format = "0.00%"
    path = tmp_path / "a.xlsx"
    wb.save(path)

    doc = extract_xlsx(path, SHA)
    assert [(t.index, t.sheet, t.order) for t in doc.tables] == [(1, "说明", 1), (2, "表2", 2)]
    cell = doc.tables[1].cell(1, 1)
    assert (cell.text, cell.ref.label, cell.ref.table) == ("59.29%", "表2!C5", 2)


def test_extent_is_trimmed_to_the_content_and_refs_stay_real(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["B3"] = "项目"
    ws["D4"] = 12.5
    ws.merge_cells("B5:E5")
    ws["B5"] = "合计"
    ws["H20"].number_format = "0.00"  # styled, empty: outside the table
    ws["A30"] = ""
    path = tmp_path / "a.xlsx"
    wb.save(path)
    t = extract_xlsx(path, SHA).tables[0]
    assert texts(t) == [
        ["项目", "", "", ""],
        ["", "", "12.5", ""],
        ["合计", "合计", "合计", "合计"],
    ]
    assert [c.ref.label for c in t.rows[0]] == ["Sheet1!B3", "Sheet1!C3", "Sheet1!D3", "Sheet1!E3"]
    assert t.cell(2, 3).ref.label == "Sheet1!D4"
    assert t.cell(3, 4).merged_from == (5, 2)


# --- formulas ----------------------------------------------------------------------------------


def formula_workbook(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目", "预算数", "执行数", "执行率", "说明"])
    ws.append(["甲", 1164.62, 690.47, "=C2/B2", '=IF(D2>0.5,"达标","未达标")'])
    ws["D2"].number_format = "0.00%"
    ws["B3"] = "=SUM(B2:B2)"
    ws["B3"].number_format = "#,##0.00"
    ws["C3"] = "=C2/0"
    wb.save(path)


def patch_cached(path: Path, cached: dict[str, tuple[str | None, str]]) -> None:
    """Write Excel-style cached results (`<v>`) into the formula cells of the first sheet."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, (typ, value) in cached.items():
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>')
        def cell(m: re.Match, ref=ref, typ=typ, value=value) -> str:
            attrs = re.sub(r' t="[a-z]+"', "", m.group(1)) + (f' t="{typ}"' if typ else "")
            return f'<c r="{ref}"{attrs}><f>{m.group(2)}</f><v>{value}</v></c>'

        xml, n = pattern.subn(cell, xml)
        assert n == 1, ref
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_cached_formula_results_are_shown(tmp_path):
    path = tmp_path / "a.xlsx"
    formula_workbook(path)
    patch_cached(
        path,
        {"D2": (None, "0.592871494564751"), "E2": ("str", "达标"), "B3": (None, "1164.62"), "C3": ("e", "#DIV/0!")},
    )
    t = extract_xlsx(path, SHA).tables[0]
    assert texts(t) == [
        ["项目", "预算数", "执行数", "执行率", "说明"],
        ["甲", "1164.62", "690.47", "59.29%", "达标"],
        ["", "1,164.62", "#DIV/0!", "", ""],
    ]
    assert t.cell(2, 4).value == "0.592871494564751"
    assert t.cell(3, 3).value == "#DIV/0!"


def test_formula_without_cached_value_is_blank_and_listed(tmp_path):
    path = tmp_path / "a.xlsx"
    formula_workbook(path)
    patch_cached(path, {"E2": ("str", "达标"), "C3": ("e", "#DIV/0!")})  # D2 and B3 stay uncalculated
    doc = extract_xlsx(path, SHA)
    t = doc.tables[0]
    assert (t.cell(2, 4).text, t.cell(2, 4).value, t.cell(2, 4).number_format) == ("", None, None)
    assert t.cell(2, 5).text == "达标"
    assert t.cell(3, 2).text == "" and t.cell(3, 2).value is None
    assert t.cell(3, 3).text == "#DIV/0!"
    assert doc.uncalculated_formulas == ["Sheet!D2（=C2/B2）", "Sheet!B3（=SUM(B2:B2)）"]


def test_a_workbook_of_uncalculated_formulas_is_calculated_by_libreoffice(tmp_path):
    """Written by openpyxl, which calculates nothing: extract() has LibreOffice calculate it.
    Expected values from the generator's inputs: 690.47 / 1164.62 = 59.29%; SUM(B2:B2) = 1164.62."""
    need_program("soffice")
    path = tmp_path / "未计算.xlsx"
    formula_workbook(path)
    before = path.read_bytes()
    doc = extract(path)
    t = doc.tables[0]
    assert texts(t)[1][:4] == ["甲", "1164.62", "690.47", "59.29%"] and t.cell(2, 5).text == "达标"
    assert t.cell(3, 2).text == "1,164.62" and t.cell(3, 3).text == "#DIV/0!"
    assert doc.uncalculated_formulas == [] and "2 个公式单元格没有保存计算结果" not in (doc.converted_from or "")
    assert "经 LibreOffice 重新计算后读取" in doc.converted_from
    assert doc.file_name == "未计算.xlsx" and t.cell(2, 4).ref.file_name == "未计算.xlsx"
    assert t.cell(2, 4).ref.file_sha256 == doc.file_sha256 and path.read_bytes() == before


def test_without_libreoffice_the_blank_formulas_are_named_for_the_document(tmp_path, monkeypatch):
    import extractors
    from runs.process import process_document

    monkeypatch.setattr(extractors, "soffice", lambda: None)
    path = tmp_path / "甲单位监控表.xlsx"
    monitoring_with_formulas(path)
    doc = extract(path)
    assert doc.converted_from is None and doc.uncalculated_formulas == ["Sheet!B4（=B5+B6）", "Sheet!C4（=C5+C6）",
                                                                         "Sheet!D4（=D5+D6）"]
    result = process_document(path, tmp_path)
    assert result.status == "partial" and result.records  # read, with the cells named that were read blank
    assert [(e.code, e.category) for e in result.errors] == [("xlsx.uncalculated_formulas", "unreadable")]
    assert "中有 3 个公式单元格没有保存计算结果，已按空白读取（Sheet!B4（=B5+B6）" in (result.error or "")
    assert "安装 LibreOffice" in result.error


def monitoring_with_formulas(path: Path) -> None:
    """A 1-6月 monitoring table whose 合计 line is formulas (written by openpyxl: no cached values).
    Inputs: 基本支出 100.00 / 100.00 / 50.00, 项目支出 20.50 / 20.50 / 10.25 → 合计 120.50 / 120.50 / 60.25."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet"
    ws.append(["2024年1-6月部门整体支出绩效运行监控表"])
    ws.append(["填报单位：甲单位", None, None, None, "单位：万元"])
    ws.append(["项目", "年初预算数", "全年预算数", "1-6月执行数", "执行率"])
    ws.append(["合计", "=B5+B6", "=C5+C6", "=D5+D6", "50.00%"])
    ws.append(["基本支出", 100, 100, 50, "50.00%"])
    ws.append(["项目支出", 20.5, 20.5, 10.25, "50.00%"])
    for row in ws.iter_rows(min_row=4, max_row=6, min_col=2, max_col=4):
        for cell in row:
            cell.number_format = "0.00"
    wb.save(path)


def test_a_monitoring_table_of_formulas_is_checked_on_its_calculated_values(tmp_path):
    need_program("soffice")
    from runs.process import check_submission, process_document

    path = tmp_path / "甲单位监控表.xlsx"
    monitoring_with_formulas(path)
    result = process_document(path, tmp_path)
    (report,) = result.records
    total = next(line for line in report.lines if line.name == "合计")
    assert (total.initial_budget.raw, total.annual_budget.raw, total.executed.raw) == ("120.50", "120.50", "60.25")
    assert not [f for f in check_submission([result]) if f.rule_id == "MON002"]  # the lines add up


def test_libreoffice_saved_workbook_with_formulas():
    # Generated by tools/fixturegen/generators/xlsx_formulas.py: LibreOffice calculated
    # the formulas =C3/B3, =C4/B4, =SUM(B3:B4), =SUM(C3:C4), =C5/B5 and =DATE(2024,6,30).
    path = need_file(FIXTURES / "formats" / "xlsx" / "libreoffice_formulas.xlsx")
    t = extract_xlsx(path, SHA).tables[0]
    assert t.sheet == "监控表"
    assert texts(t)[1:] == [
        ["项目名称", "全年预算数", "1-6月执行数", "执行率"],
        ["办公经费", "1,164.62", "690.47", "59.29%"],  # 690.47 / 1164.62 = 0.59287…
        ["培训费", "80.00", "40.50", "50.63%"],  # 0.50625: half up
        ["合计", "1,244.62", "730.97", "58.73%"],  # 730.97 / 1244.62 = 0.58730…
        ["截止日期", "2024-06-30", "", ""],
    ]
    assert t.cell(1, 4).merged_from == (1, 1)
    assert t.cell(5, 2).ref.label == "监控表!B5"


# --- dispatch and errors -----------------------------------------------------------------------


def test_xlsx_content_with_xls_name_is_read(tmp_path):
    path = tmp_path / "监控表.xls"  # openpyxl alone would refuse the extension
    monitoring_workbook(path)
    doc = extract(path)
    assert doc.format is Format.XLSX
    assert doc.tables[0].cell(4, 2).text == "1,164.62"


def rewrite_part(path: Path, name: str, data: bytes | None) -> None:
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    if data is None:
        del parts[name]
    else:
        parts[name] = data
    with zipfile.ZipFile(path, "w") as zf:
        for n, d in parts.items():
            zf.writestr(n, d)


def test_missing_sheet_part_is_an_error_not_an_empty_workbook(tmp_path):
    path = tmp_path / "坏表.xlsx"
    monitoring_workbook(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml", None)
    with pytest.raises(ExtractionError) as err:
        extract(path)
    assert (err.value.code, err.value.category, err.value.sheet) == ("xlsx.sheet_missing", "unreadable", "Sheet1")
    assert str(err.value).startswith("无法读取文件“坏表.xlsx”：Excel 文件不完整：工作表“Sheet1”")


def test_malformed_sheet_xml_gives_a_chinese_error(tmp_path):
    path = tmp_path / "坏表.xlsx"
    monitoring_workbook(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r='1'><c")
    with pytest.raises(ExtractionError) as err:
        extract_xlsx(path, SHA)
    assert (err.value.code, err.value.category) == ("xlsx.damaged", "unreadable")
    assert "坏表.xlsx" in str(err.value) and "Excel 文件已损坏或结构不完整" in str(err.value)
