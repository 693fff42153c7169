"""DOC002 unreadable_figure: a cell that should hold a figure but cannot be read as one."""

from __future__ import annotations

from schemas.findings import Severity, Subject
from tests.rules.attributes.builders import *  # noqa: F403 (the record builders)


def test_doc002_names_the_cell_what_it_holds_and_why():
    cells = [("年度资金总额", "约五十万", "不是数字", ref(6, 5)), ("财政拨款", "1e30", "超出合理范围", ref(7, 5))]
    found = run([table(unread=cells)], "DOC002")
    assert [f.subject.line for f in found] == ["年度资金总额", "财政拨款"]
    first = found[0]
    assert first.severity is Severity.ERROR
    assert first.subject == Subject(unit=UNIT, year=2024, project=PROJECT, line="年度资金总额")
    assert first.message == (
        "文件“目标表.xlsx”的“社区服务”绩效目标表中，年度资金总额填写为“约五十万”，不是数字，未能读取；"
        "该数据已空缺，依赖它的核对（执行率、合计等）跳过了这一行，请填写数字后重新提交。")
    assert [(e.role, e.raw, e.ref) for e in first.evidence] == [("年度资金总额", "约五十万", ref(6, 5))]
    assert first.details == {"raw": "约五十万", "problem": "不是数字", "file": FILE}
    assert "财政拨款填写为“1e30”，超出合理范围" in found[1].message


def test_doc002_is_silent_without_unread_cells():
    assert run([table()], "DOC002") == []
    assert run([table(year=None)], "DOC002") == []  # an unknown year is DOC001's, not a figure
