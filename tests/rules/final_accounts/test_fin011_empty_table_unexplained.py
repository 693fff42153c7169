"""FIN011 empty_table_unexplained: an empty table needs a 空表说明."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin011_empty_table_without_statement() -> None:
    pub = key_pub(SOCIAL)
    pub.table("政府性基金预算财政拨款收入支出决算表").empty_statement = None
    found = check([pub], "FIN011")
    assert subjects(found) == {("FIN011", "政府性基金预算财政拨款收入支出决算表", "")}
    assert found[0].severity == Severity.WARNING
    assert check([key_pub(SOCIAL)], "FIN011") == []


def test_fin011_empty_tables_with_their_statements_are_fine() -> None:
    pub = key_pub(SOCIAL)  # three tables declared empty, each with its statement
    assert [t.key for t in pub.tables if t.status == "empty" and t.empty_statement is None] == []
    assert sum(t.status == "empty" for t in pub.tables) == 3
    assert check([pub], "FIN011") == []
