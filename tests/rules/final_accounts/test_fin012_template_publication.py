"""FIN012 template_publication: a blank template gets one notice."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin012_template_gets_one_notice_and_nothing_else() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "收入支出决算总表", "总计", "支出/决算数", "9,999.99")  # would trip FIN005/006
    pub.template = True
    found = run_checks([pub], load_config(), only=FIN_RULES)
    assert [(f.rule_id, f.severity, f.subject.line) for f in found] == [("FIN012", Severity.NOTICE, "模板")]
    assert "模板，未含实际数据" in found[0].message
    pub.template = False
    assert check([pub], "FIN012") == []


def test_fin012_a_filled_publication_is_no_template() -> None:
    assert check([key_pub(FINANCE)], "FIN012") == []
    assert check([key_pub(SOCIAL)], "FIN012") == []
