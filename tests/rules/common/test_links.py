"""checks/common/links.py: 指标值 and unit names that state the same thing."""

from __future__ import annotations

from checks.common.links import same_unit, same_value
from extractors.indicator_values import parse_indicator_value


def test_same_value_and_same_unit():
    p = parse_indicator_value
    assert same_value(p("≥90%"), p("不低于90%"))
    assert not same_value(p("≥90%"), p("≤90%"))
    assert not same_value(p("12次"), p("12个"))
    assert not same_value(p("12次"), p("按月"))
    assert same_unit("甘州区南街街道办事处", "南街街道办事处") and same_unit("南街街道办事处", "南街街道办事处 ")
    assert not same_unit("南街街道办事处", "东街街道办事处") and not same_unit("", "南街街道办事处")
