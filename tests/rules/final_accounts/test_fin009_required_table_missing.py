"""FIN009 required_table_missing: every listed table is there."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin009_listed_table_missing() -> None:
    pub = key_pub(SOCIAL)
    drop_table(pub, "财政拨款“三公”经费支出决算表")
    found = check([pub], "FIN009")
    assert subjects(found) == {("FIN009", "财政拨款“三公”经费支出决算表", "")}
    assert found[0].severity == Severity.ERROR and "《财政拨款“三公”经费支出决算表》" in found[0].message


def test_fin009_empty_tables_with_statements_are_fine() -> None:
    pub = key_pub(SOCIAL)  # three tables declared empty
    assert sum(t.status == "empty" for t in pub.tables) == 3
    assert check([pub], "FIN009") == []
