"""checks/common/text.py: how much a free text says beyond stock phrases."""

from __future__ import annotations

from checks import load_config
from checks.common.text import analyse_text, is_boilerplate
from tests.rules.monitoring.builders import CONCRETE_REASON


def test_boilerplate_analysis():
    cfg = load_config()["rules"]["MON006"]["params"]
    a = analyse_text("部分项目不具备付款条件", cfg["boilerplate"], cfg["filler_words"])
    assert (a.residue, a.matched, a.substantive_chars) == ("", ("不具备付款条件",), 0)
    b = analyse_text(CONCRETE_REASON, cfg["boilerplate"], cfg["filler_words"])
    assert not is_boilerplate(b, 6) and b.substantive_chars >= 20
    c = analyse_text("工程未验收", cfg["boilerplate"], cfg["filler_words"])
    assert c.substantive_chars == 2 and is_boilerplate(c, 6)
