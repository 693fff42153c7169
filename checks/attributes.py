"""DOC001: a record whose unit or year nothing in the submission names.
DOC002: a figure a parser could not read (`约五十万`, `1e30`), kept out of its line.

A missing label is not a broken file: the record is kept with the attribute unknown. This notice
says what is missing and where it was looked for, so the evaluator can add a submission.yaml;
rules that match records by unit and year (`needs` in rules.yaml) skip the record meanwhile.
"""

from __future__ import annotations

from typing import Iterable

from checks.catalogue import RuleContext, attribute_known, rule
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
            source_file=rec.file_name,
        )


@rule("DOC002", "unreadable_figure", "error")
def unreadable_figure(ctx: RuleContext) -> Iterable[Finding]:
    """A cell that should hold a figure but cannot be read as one. The record is kept without it
    (the checks that need that figure skip the line); this error names the cell, what it holds
    and why it cannot be read. Example: 年初预算数 “约五十万” — 不是数字."""
    for rec in ctx.records:
        for cell in getattr(rec, "unread_cells", None) or []:
            evidence = [Evidence(role=cell.what, raw=cell.raw, ref=cell.ref)]
            unit = getattr(rec, "unit", None)
            yield ctx.finding(
                Subject(unit=getattr(unit, "value", "") or "", year=getattr(rec, "year", None), project=_project(rec),
                        line=cell.what),
                evidence,
                details={"raw": cell.raw, "problem": cell.problem, "file": rec.file_name},
                file=rec.file_name, what=_what(rec), cell=cell.what, raw=cell.raw, problem=cell.problem,
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
