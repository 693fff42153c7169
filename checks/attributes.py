"""DOC001: a record whose unit or year nothing in the submission names.

A missing label is not a broken file: the record is kept with the attribute unknown. This notice
says what is missing and where it was looked for, so the evaluator can add a submission.yaml;
rules that match records by unit and year (`needs` in rules.yaml) skip the record meanwhile.
"""

from __future__ import annotations

from typing import Iterable

from checks.catalogue import RuleContext, attribute_known, rule
from checks.evidence import source_labels
from schemas.findings import Evidence, Finding, Subject

_LOOKED = "文件内容、submission.yaml、文件夹名和文件名"
_WHAT = {
    "target_table": "绩效目标表", "monitoring_report": "绩效运行监控表", "budget_publication": "部门预算/决算公开",
    "narrative_report": "报告", "self_evaluation": "绩效自评表",
}


def _what(record) -> str:
    label = _WHAT.get(getattr(record, "record_type", ""), "记录")
    project = getattr(record, "project", None)
    name = getattr(project, "value", "") if project is not None else ""
    return f"“{name}”{label}" if name else label


@rule("DOC001", "attribute_unknown", "notice")
def attribute_unknown(ctx: RuleContext) -> Iterable[Finding]:
    """A record whose unit or year is unknown: the notice names the record and where we looked."""
    for rec in ctx.records:
        missing = [label for name, label in (("unit", "单位"), ("year", "年度")) if not attribute_known(rec, name)]
        if not missing or not hasattr(rec, "file_name"):
            continue
        ref = _first_ref(rec)
        evidence = [Evidence(role="记录", raw=_what(rec), ref=ref)] if ref is not None else []
        unit = getattr(rec, "unit", None)
        yield ctx.finding(
            Subject(unit=getattr(unit, "value", "") or "", year=getattr(rec, "year", None), project=_project(rec),
                    line=f"{_what(rec)}缺少{'和'.join(missing)}"),
            evidence,
            details={"missing": missing, "looked": _LOOKED, "file": rec.file_name},
            file=rec.file_name, what=_what(rec), missing="和".join(missing), looked=_LOOKED,
            source=source_labels(evidence) if evidence else rec.file_name,
        )


def _project(rec) -> str:
    project = getattr(rec, "project", None)
    return getattr(project, "value", "") or "" if project is not None else ""


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
