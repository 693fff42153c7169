"""FIN013 numbered_items_total_mismatch: a list table's 合计 = Σ numbered rows."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def _list_table_pub(rows: list[tuple[str, str, str]]) -> Publication:
    """A publication holding one “三公” table laid out as a list: 项目 | 预算数 | 决算数."""
    spec = {"title": "财政拨款“三公”经费支出决算表", "pages": [7], "status": "present",
            "columns": ["项目", "预算数", "决算数"],
            "lines": [{"code": None, "name": name, "values": {"项目": name, "预算数": b, "决算数": a}}
                      for name, b, a in rows]}
    table = key_table("表.pdf", 1, spec)
    return Publication(unit=Attribute(value="测试局", raw="测试局"), year=2023,
                       year_attr=Attribute(value="2023", raw="2023"), kind="决算", tables=[table],
                       file_name="表.pdf", file_sha256=SHA)


SANGONG_LIST = [("合计", "57.00", "44.97"), ("1.因公出国（境）费", "6.00", "0.00"),
                ("2.公务用车购置及运行费", "47.00", "41.95"), ("其中：（1）公务用车购置费", "25.00", "23.80"),
                ("（2）公务用车运行费", "22.00", "18.15"), ("3.公务接待费", "4.00", "3.02")]


def test_fin013_list_total_against_its_numbered_rows() -> None:
    # As generated for 宁川市生态环境局 (tools/fixturegen/publication_older.py): 合计 = 1. + 2. + 3.;
    # the “其中” rows under 2. are not added again.
    assert check([_list_table_pub(SANGONG_LIST)], "FIN013") == []
    rows = [("合计", "57.00", "45.97")] + SANGONG_LIST[1:]
    found = check([_list_table_pub(rows)], "FIN013")
    assert subjects(found) == {("FIN013", "财政拨款“三公”经费支出决算表 合计", "决算数")}
    assert found[0].details["computed"] == "44.97"


def test_fin013_leaves_coded_and_two_sided_tables_to_the_other_rules() -> None:
    assert check([key_pub(FINANCE)], "FIN013") == []
    rows = [("合计", "57.00", "45.97"), ("1.因公出国（境）费", "6.00", "0.00")]  # one numbered row: no list
    assert check([_list_table_pub(rows)], "FIN013") == []
