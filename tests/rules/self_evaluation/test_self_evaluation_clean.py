"""A clean self-evaluation raises no finding of any rule."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)


def test_clean_table_raises_nothing():
    assert run_checks([self_eval()]) == []
