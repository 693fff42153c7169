"""The shared form reader (extractors/forms.py) on hand-built grids: label → value to the right,
below or inline; column roles with `ignore`; a header of two rows with a header cell standing over
a column of row labels; operator words. Every expected value is a cell of the grid in the test."""

from __future__ import annotations

from extractors.forms import (
    ColumnRules,
    header_columns,
    header_texts,
    labelled,
    operator_text,
    value_below,
)
from extractors.freetext import find_amount_unit
from textnorm.text import fold
from extractors.wording import ColumnRule
from tests.builders import make_table

LABELS = ["单位名称", "项目名称", "年度"]
KEYS = {fold(x) for x in LABELS}
STOPS = ["单位:", "填报日期"]


def _find(grid, label, below=False):
    table = make_table(grid)
    return labelled(header_texts(table, range(table.n_rows)), [label], label_keys=KEYS, value_stops=STOPS,
                    below=below)


def test_value_right_of_its_label_skips_the_label_merged_over_two_cells() -> None:
    found = _find([["单位名称：", "<", "南街街道办事处", "年度", "2024"]], "单位名称")
    assert found.value == "南街街道办事处" and found.ref.column == 3


def test_a_label_is_never_the_value_of_the_label_before_it() -> None:
    assert _find([["项目名称", "", "年度", "2024"]], "项目名称") is None


def test_value_below_a_row_of_labels_only_when_asked() -> None:
    grid = [["单位名称", "项目名称"], ["南街街道办事处", "环境整治"]]
    assert _find(grid, "项目名称") is None
    found = _find(grid, "项目名称", below=True)
    assert found.value == "环境整治" and (found.ref.row, found.ref.column) == (2, 2)


def test_a_label_below_is_not_a_value() -> None:
    table = make_table([["单位名称"], ["年度"]])
    (first, _) = header_texts(table, range(2))
    assert value_below(first, KEYS) is None


def test_inline_label_and_value_stop_at_the_next_label() -> None:
    found = _find([["填报单位：x", "单位名称：南街街道办事处 单位：万元"]], "单位名称")
    assert found.value == "南街街道办事处" and found.ref.column == 2


def test_column_rules_first_match_wins_and_ignore_is_no_role() -> None:
    rules = ColumnRules.of([ColumnRule(role="ignore", patterns=["分值"]),
                            ColumnRule(role="score", patterns=["得分", "分"]),
                            ColumnRule(role="name", patterns=["^指标$"])])
    assert rules.classify("分 值") == "ignore"
    assert rules.classify("得分") == "score"
    assert rules.classify("") is None
    row = make_table([["指标", "分值", "得分", "备注"]]).rows[0]
    assert rules.row_roles(row) == {"name", "score"}


def test_header_columns_of_two_rows_with_units() -> None:
    # “年度预算数(万元)” stands over the column of line names; the figures' header is one row lower.
    table = make_table([
        ["年度预算数(万元)", "全年执行情况", "<"],
        ["^", "执行数", "执行率"],
        ["总额", "80", "80%"],
    ])
    rules = ColumnRules.of([ColumnRule(role="executed", patterns=["执行数"]),
                            ColumnRule(role="rate", patterns=["执行率"]),
                            ColumnRule(role="budget", patterns=["预算数"])])
    columns, units = header_columns(table, 0, 1, rules, find_amount_unit)
    assert columns == {"budget": 0, "executed": 1, "rate": 2}
    assert units == {0: "万元"}


def test_operator_words() -> None:
    cells = make_table([["≥", "不低于", "95%"]]).rows[0]
    assert [operator_text(c) for c in cells] == ["≥", "不低于", ""]
    assert operator_text(None) == ""
