"""Workbooks as an evaluator prints and hands them on: page set-up and row heights."""

from __future__ import annotations


def row_height(texts: list[tuple[str, int]]) -> float:
    """A row tall enough for its wrapped texts (Excel does not grow rows written by a program):
    a CJK character is about two width units; 15 points a line."""
    lines = 1
    for text, width in texts:
        n = sum(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) // max(1, width - 2)))
                for part in (text or "").split("\n"))
        lines = max(lines, n)
    return min(409, 15 * lines + 3)


def print_setup(ws) -> None:
    """Printed as an evaluator hands it on: landscape A4, fitted to the page width, the header
    row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
