"""MON007 deviation_without_measure: a slow line whose 改进措施 says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from tests.rules.monitoring.builders import *  # noqa: F403 (the shared table builders and the nanjie fixture)


@pytest.mark.parametrize("measure", ["加快项目进度，加强管理", "进一步加快预算执行进度", "加强学习，细化措施"])
def test_mon007_boilerplate_measures(measure):
    (f,) = run([low_line(CONCRETE_REASON, measure)], "MON007")
    assert f.subject.column == "改进措施"
    assert f"改进措施仅填写“{measure}”" in f.message
    assert labels(f)[-1] == cell(6, "measure")


def test_mon007_concrete_measure_is_fine():
    assert run([low_line(CONCRETE_REASON, CONCRETE_MEASURE)], "MON007") == []
