"""Fixes found by the second blind test (fixtures/blind2/RESULTS.md), one mechanism per test."""

from __future__ import annotations

import pytest

from extractors.kinds.final_accounts import match_title


@pytest.mark.parametrize(("printed", "key"), [
    ("五、一般公共预算支出表", "一般公共预算支出功能分类预算表"),
    ("一般公共预算基本支出表", "一般公共预算基本支出部门预算经济分类预算表"),
    ("一般公共预算“三公”经费支出表", "“三公”经费预算表"),
    ("政府性基金预算支出表", "政府性基金预算支出功能分类预算表"),
    ("9.国有资本经营预算支出表", "国有资本经营预算支出功能分类预算表"),
    ("某区卫生健康局一般公共预算支出表", "一般公共预算支出功能分类预算表"),
])
def test_budget_table_titles_without_预算_before_表_are_recognised(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "预算")


@pytest.mark.parametrize(("printed", "key"), [
    ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"),
])
def test_final_accounts_titles_still_match_their_own_keys(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "决算")


def test_a_sentence_naming_a_budget_table_is_no_title() -> None:
    assert match_title("详见一般公共预算支出表，本年无变化。") is None
