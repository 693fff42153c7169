"""What the rules about a record's own attributes (DOC001, DOC002; checks/attributes/) share: how
a notice names the record (`“项目名”绩效目标表`) and its project."""

from __future__ import annotations

RECORD_KINDS = {
    "target_table": "绩效目标表", "monitoring_report": "绩效运行监控表", "budget_publication": "部门预算/决算公开",
    "narrative_report": "报告", "self_evaluation": "绩效自评表",
}


def record_what(record) -> str:
    """How a notice names the record: its kind, after its project name in quotes when it has one."""
    label = RECORD_KINDS.get(getattr(record, "record_type", ""), "记录")
    project = getattr(record, "project", None)
    name = getattr(project, "value", "") if project is not None else ""
    return f"“{name}”{label}" if name else label


def record_project(rec) -> str:
    """The record's project name, or "" (a unit-wide record, or a record without projects)."""
    project = getattr(rec, "project", None)
    return getattr(project, "value", "") or "" if project is not None else ""
