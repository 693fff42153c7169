"""Hand-built neutral documents for parser tests.

A grid is written as rows of strings; "<" continues the cell on the left and "^" the cell above,
as a merged range does, so a test reads like the table it stands for.
"""

from __future__ import annotations

from schemas.document import Cell, Document, Format, Table, TextBlock
from schemas.provenance import SourceRef

SHA = "ab" * 32


def make_table(grid: list[list[str]], index: int = 1, order: int = 1, sheet: str | None = None,
               file_name: str = "表.xlsx", page: int | None = None, first_row: int = 1) -> Table:
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, line in enumerate(grid):
        for c, text in enumerate(line):
            if text == "<":
                origin[(r, c)] = origin[(r, c - 1)]
            elif text == "^":
                origin[(r, c)] = origin[(r - 1, c)]
            else:
                origin[(r, c)] = (r, c)
    merged_origins = {o for k, o in origin.items() if o != k}
    rows = []
    for r, line in enumerate(grid):
        cells = []
        for c in range(width):
            o = origin[(r, c)]
            ref = SourceRef(file_sha256=SHA, file_name=file_name, sheet=sheet, page=page, table=index,
                            row=r + first_row, column=c + 1).with_label()
            merged = (o[0] + first_row, o[1] + 1) if (o != (r, c) or o in merged_origins) else None
            cells.append(Cell(text=grid[o[0]][o[1]], ref=ref, merged_from=merged))
        rows.append(cells)
    return Table(index=index, rows=rows, sheet=sheet, order=order)


def make_doc(tables: list[Table], blocks: list[tuple[int, str]] = (), file_name: str = "表.xlsx",
             fmt: Format = Format.XLSX) -> Document:
    """A document of `tables` and text `blocks` given as (reading order, text)."""
    text_blocks = [
        TextBlock(text=t, ref=SourceRef(file_sha256=SHA, file_name=file_name, page=1).with_label(), order=o)
        for o, t in blocks
    ]
    return Document(path=f"/in/{file_name}", file_name=file_name, file_sha256=SHA, format=fmt,
                    blocks=text_blocks, tables=tables)
