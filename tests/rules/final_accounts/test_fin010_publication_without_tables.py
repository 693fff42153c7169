"""FIN010 publication_without_tables: a text-only file and its tables."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def _text_only(pub: Publication) -> Publication:
    text = pub.model_copy(deep=True)
    text.file_name = "情况说明.pdf"
    for t in list(text.tables):
        drop_table(text, t.key)
    return text


def test_fin010_text_only_file_without_its_tables() -> None:
    text = _text_only(key_pub(SOCIAL))
    found = check([text], "FIN010")
    assert subjects(found) == {("FIN010", "公开表格", "")}
    assert found[0].severity == Severity.WARNING and "9张表格" in found[0].message
    assert check([text], "FIN009") == []


def test_fin010_tables_in_a_companion_file_satisfy_the_list() -> None:
    tables = key_pub(SOCIAL)
    text = _text_only(tables)
    assert check([text, tables], "FIN010") == [] and check([text, tables], "FIN009") == []
