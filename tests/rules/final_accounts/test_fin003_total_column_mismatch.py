"""FIN003 total_column_mismatch: a 合计 / 小计 column = Σ part columns."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin003_three_public_total_and_basic_plus_project() -> None:
    pub = key_pub(FINANCE)
    three = "财政拨款“三公”经费支出决算表"
    only = pub.table(three).lines[0]
    only.values["财政拨款“三公”经费/合计/预算数"] = amount("0.97", only.ref, "万元")  # parts: 0.95
    set_value(pub, "支出决算表", "2010601", "本年支出合计", "1,511.99")  # 1,503.52 + 8.37 = 1,511.89
    found = check([pub], "FIN003")
    assert subjects(found) == {
        ("FIN003", f"{three} 第2行", "财政拨款“三公”经费/合计/预算数"),
        ("FIN003", "支出决算表 2010601 行政运行", "本年支出合计"),
    }
    three_found = next(f for f in found if f.subject.column.endswith("预算数"))
    assert "“财政拨款“三公”经费/公务接待费/预算数”0.95万元" in three_found.message


def test_fin003_one_unit_off_over_one_part_is_rounding() -> None:
    pub = key_pub(FINANCE)
    only = pub.table("财政拨款“三公”经费支出决算表").lines[0]
    only.values["财政拨款“三公”经费/合计/预算数"] = amount("0.96", only.ref, "万元")
    assert check([pub], "FIN003") == []
