"""RPT006 report_change_miscalculated: a stated year-on-year change against the two years' amounts."""

from __future__ import annotations

from tests.rules.narrative_report.builders import *  # noqa: F403 (report builders, tables, fact sources)


def test_rpt006_year_on_year_change():
    text = CLEAN_BUDGET + "上年同期执行480.00万元，较上年同期增长6.14%。"
    assert ids([clean_report(text)], "RPT006") == []  # 509.47 ÷ 480.00 = 1.0614
    found = ids([clean_report(text.replace("增长6.14%", "增长8.00%"))], "RPT006")
    assert [(f.subject.line, f.details["reported"], f.details["computed"]) for f in found] == [
        ("合计", "8.00", "6.1396")]
    down = CLEAN_BUDGET + "上年同期执行520.00万元，较上年同期下降2.03%。"
    assert ids([clean_report(down)], "RPT006") == []
    assert len(ids([clean_report(down.replace("下降2.03%", "增长2.03%"))], "RPT006")) == 1


def test_rpt006_a_fall_stated_as_a_rise_names_the_computed_fall():
    # 509.47 ÷ 520.00 = 97.975%: a fall of 2.025%, printed 2.03
    down = CLEAN_BUDGET + "上年同期执行520.00万元，较上年同期增长2.03%。"
    (f,) = ids([clean_report(down)], "RPT006")
    assert (f.subject.line, f.subject.column) == ("合计", "变动率")
    assert (f.details["reported"], f.details["computed"]) == ("2.03", "-2.0250")
    assert "计算应为下降2.03%" in f.message


def test_rpt006_a_change_without_the_previous_amount_is_not_checked():
    assert ids([clean_report(CLEAN_BUDGET + "较上年同期增长8.00%。")], "RPT006") == []
