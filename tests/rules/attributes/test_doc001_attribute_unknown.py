"""DOC001 attribute_unknown: a record whose unit or year nothing in the submission names."""

from __future__ import annotations

from schemas.findings import Severity, Subject
from tests.rules.attributes.builders import *  # noqa: F403 (the record builders)


def test_doc001_names_the_record_and_what_is_missing():
    (f,) = run([table(year=None)], "DOC001")
    assert f.severity is Severity.NOTICE
    assert f.subject == Subject(unit=UNIT, year=None, project=PROJECT, line="“社区服务”绩效目标表缺少年度")
    assert f.message.startswith(
        "文件“目标表.xlsx”中的“社区服务”绩效目标表未能确定年度：已查找文件内容、submission.yaml、文件夹名和文件名，均未写明；")
    assert f.details["missing"] == ["年度"] and f.details["file"] == FILE
    # the evidence is the record's first located cell: its project name
    assert [(e.role, e.raw, e.ref) for e in f.evidence] == [("记录", "“社区服务”绩效目标表", ref(3, 2))]
    # neither unit nor year; a unit-wide table is named by its kind alone
    (f,) = run([table(unit="", year=None, project=None)], "DOC001")
    assert f.details["missing"] == ["单位", "年度"]
    assert "中的绩效目标表未能确定单位和年度" in f.message
    assert f.evidence == [] and f.source_file == FILE  # no located cell: the source names the file


def test_doc001_is_silent_when_unit_and_year_are_known():
    assert run([table()], "DOC001") == []
    assert run([table(project=None)], "DOC001") == []
