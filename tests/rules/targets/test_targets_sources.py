"""The source of a target finding: consecutive rows of one column collapse, others are listed."""

from __future__ import annotations

from schemas.findings import Evidence, source_text
from tests.rules.targets.builders import *  # noqa: F403 (the table builders and the nanjie fixture)


def test_source_text_collapses_consecutive_rows_only():
    def ev(row: int, col: int, fmt: str = "xlsx", fname: str = "a.xlsx") -> Evidence:
        return Evidence(role="x", raw="", ref=make_ref(fname, fmt, row, col).with_label())

    assert source_text([ev(5, 4), ev(6, 4), ev(7, 4), ev(9, 4), ev(10, 3)]) == "a.xlsx 目标表!D5:D7、目标表!D9、目标表!C10"
    assert source_text([ev(19, 4, "pdf", "b.pdf"), ev(20, 4, "pdf", "b.pdf"), ev(21, 4, "pdf", "b.pdf"),
                        ev(2, 2)]) == "b.pdf 第1页 表1 第19-20行第4列、第2页 表1 第21行第4列；a.xlsx 目标表!B2"
