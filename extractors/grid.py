"""A table resolved into a grid of slots, each pointing at the merged cell that covers it.

Format readers that see merges as spans (Word's gridSpan/vMerge, HTML's rowspan/colspan) build
a `Grid`; `grid_cells` turns it into the neutral model's cells, repeating a merged cell's text
in every slot it covers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from schemas.document import Cell
from schemas.provenance import SourceRef

Origin = tuple[int, int]  # 0-based (row, column) of the cell that starts a merged range


@dataclass
class Grid:
    slots: list[list[Origin | None]]  # per row, per grid column: the covering cell's origin
    text: dict[Origin, str]

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.slots), default=0)

    def row_texts(self, r: int) -> list[str]:
        row = [self.text[o] if o is not None else "" for o in self.slots[r]]
        return row + [""] * (self.n_cols - len(row))


def grid_cells(grid: Grid, index: int, ref: Callable[..., SourceRef]) -> list[list[Cell]]:
    """Rectangular rows of cells; `ref(table=, row=, column=)` makes each cell's 1-based ref."""
    size = Counter(o for row in grid.slots for o in row if o is not None)
    width = grid.n_cols
    rows = []
    for r, row in enumerate(grid.slots):
        padded = list(row) + [None] * (width - len(row))
        rows.append([
            Cell(
                text=grid.text[o] if o is not None else "",
                ref=ref(table=index, row=r + 1, column=c + 1),
                merged_from=(o[0] + 1, o[1] + 1) if o is not None and size[o] > 1 else None,
            )
            for c, o in enumerate(padded)
        ])
    return rows
