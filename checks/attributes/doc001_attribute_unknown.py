"""DOC001 attribute_unknown: a record whose unit or year nothing in the submission names.

Finds: a record (绩效目标表, 监控表, 预算/决算公开, 报告, 自评表) whose unit or year is unknown after
the file's content, submission.yaml, the folder name and the file name were all looked at. The
notice names the file, the record and what is missing; its evidence is the record's first
located cell (project, unit, title, else its first indicator, line or table).
Why it matters: a missing label is not a broken file, so the record is kept; but the rules that
match records by unit and year (`needs` in rules.yaml: cross-period, cross-document) skip it,
and the evaluator must know why, and that a submission.yaml fixes it.
Example: 文件“目标表.xlsx”中的绩效目标表未能确定年度：已查找文件内容、submission.yaml、文件夹名和文件名，均未写明.
"""

from __future__ import annotations

from typing import Iterable

from checks.catalogue import RuleContext, attribute_known, rule
from checks.common.attributes import record_project, record_what
from checks.common.params import NoParams
from schemas.findings import Evidence, Finding, Subject

_LOOKED = "文件内容、submission.yaml、文件夹名和文件名"


@rule("DOC001", "attribute_unknown", "notice", params=NoParams)
def attribute_unknown(ctx: RuleContext) -> Iterable[Finding]:
    """A record whose unit or year is unknown: the notice names the record and where we looked."""
    for rec in ctx.records:
        missing = [label for name, label in (("unit", "单位"), ("year", "年度")) if not attribute_known(rec, name)]
        if not missing or not hasattr(rec, "file_name"):
            continue
        ref = _first_ref(rec)
        evidence = [Evidence(role="记录", raw=record_what(rec), ref=ref)] if ref is not None else []
        unit = getattr(rec, "unit", None)
        yield ctx.finding(
            Subject(unit=getattr(unit, "value", "") or "", year=getattr(rec, "year", None), project=record_project(rec),
                    line=f"{record_what(rec)}缺少{'和'.join(missing)}"),
            evidence,
            details={"missing": missing, "looked": _LOOKED, "file": rec.file_name},
            file=rec.file_name, what=record_what(rec), missing="和".join(missing), looked=_LOOKED,
            source_file=rec.file_name,
        )


def _first_ref(rec):
    for name in ("project", "unit", "title_ref"):
        value = getattr(rec, name, None)
        ref = getattr(value, "ref", value if name == "title_ref" else None)
        if ref is not None:
            return ref
    for name in ("indicators", "lines", "tables"):
        items = getattr(rec, name, None) or []
        for item in items:
            ref = getattr(item, "ref", None) or getattr(item, "title_ref", None)
            if ref is not None:
                return ref
    return None
