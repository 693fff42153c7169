"""SLF002 budget_score_mismatch: a 预算执行得分 that the score rule does not give."""

from __future__ import annotations

from tests.rules.self_evaluation.builders import *  # noqa: F403 (the self-evaluation grids)

from pathlib import Path


def test_slf002_full_score_despite_low_execution():
    lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "10"]]
    (f,) = run([self_eval(lines=lines, total=("100", "100"))], "SLF002")
    assert f.details["expected"] == "8.85" and "应为8.85分" in f.message


def test_slf002_proportional_score_and_configured_full_marks(tmp_path: Path):
    lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "8.8"]]
    assert run([self_eval(lines=lines, total=("100", "98.8"))], "SLF002") == []  # 8.846 truncated
    # a region that gives full marks from 85% on: 10 points are right, 8.8 are not
    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  SLF002:\n    params:\n      full_at: 85\n", encoding="utf-8")
    config = load_config(override)
    full = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "10"]]
    assert run([self_eval(lines=full, total=("100", "100"))], "SLF002", config) == []
    assert len(run([self_eval(lines=lines, total=("100", "98.8"))], "SLF002", config)) == 1
