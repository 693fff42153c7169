"""What changed between two runs of a submission: files, findings and the values read.

A corrected resubmission is judged by what it changed. Files are matched by their path in the
submission; findings by fingerprint (rule + unit + year + period + project + line + column, which
survives a corrected file); values by document, record and field (runs/values.py). A finding
present in both runs whose figures differ (the numbers its evidence shows, or its computed
details) is **changed**: the old and the new figures are shown side by side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Sequence

from runs.values import values_frame
from schemas.errors import JixiaoError
from schemas.findings import Finding
from schemas.run import DocumentResult, RunSummary


class DiffError(JixiaoError):
    """A run folder cannot be read for a diff (Chinese)."""

    code = "run.unreadable"
    category = "input"


FileStatus = Literal["added", "removed", "changed", "same"]
FindingStatus = Literal["new", "resolved", "changed", "open"]
FILE_LABELS = {"added": "新增", "removed": "删除", "changed": "已修改", "same": "未变"}
FINDING_LABELS = {"new": "新增", "resolved": "已解决", "changed": "数字有变化", "open": "仍存在"}


@dataclass
class RunData:
    """What a diff needs of a run, read from its folder."""

    summary: RunSummary
    documents: list[DocumentResult]
    findings: list[Finding]


@dataclass
class FileChange:
    path: str
    status: FileStatus
    old_sha256: str | None = None
    new_sha256: str | None = None
    old_path: str | None = None  # a new version sent under another name: the file it supersedes

    @property
    def label(self) -> str:
        return FILE_LABELS[self.status]


@dataclass
class FigureChange:
    what: str  # Chinese: the evidence role or the detail's name
    old: str
    new: str


@dataclass
class FindingChange:
    status: FindingStatus
    old: Finding | None
    new: Finding | None
    figures: list[FigureChange] = field(default_factory=list)  # for "changed"

    @property
    def finding(self) -> Finding:
        return self.new or self.old  # type: ignore[return-value]

    @property
    def label(self) -> str:
        return FINDING_LABELS[self.status]


@dataclass
class ValueChange:
    document: str
    record: str
    field: str
    old: str | None  # None: not read in the old run
    new: str | None  # None: not read in the new run
    where: str  # the new cell (the old one when the value is gone)


@dataclass
class RunDiff:
    old_run: str
    new_run: str
    files: list[FileChange]
    findings: list[FindingChange]
    values: list[ValueChange]

    def count(self, status: str) -> int:
        return sum(1 for c in self.findings if c.status == status)

    def changed_files(self) -> list[FileChange]:
        return [f for f in self.files if f.status != "same"]

    def counts(self) -> dict[str, int]:
        return {
            "files_changed": len(self.changed_files()),
            **{f"findings_{s}": self.count(s) for s in ("new", "resolved", "changed", "open")},
            "values_changed": len(self.values),
        }


def read_run(folder: Path) -> RunData:
    """A run folder's summary, documents and findings."""
    try:
        summary = RunSummary.model_validate_json((folder / "summary.json").read_text("utf-8"))
        documents = [DocumentResult.model_validate(d)
                     for d in json.loads((folder / "documents.json").read_text("utf-8"))]
        findings = [Finding.model_validate(f) for f in json.loads((folder / "findings.json").read_text("utf-8"))]
    except (OSError, ValueError) as exc:
        raise DiffError(f"无法读取运行目录“{folder}”（{type(exc).__name__}）：需要 summary.json、documents.json "
                        "和 findings.json") from exc
    return RunData(summary, documents, findings)


def diff_runs(old: RunData, new: RunData) -> RunDiff:
    return RunDiff(
        old_run=old.summary.run_id,
        new_run=new.summary.run_id,
        files=file_changes(old.documents, new.documents),
        findings=finding_changes(old.findings, new.findings),
        values=value_changes(old.documents, new.documents),
    )


def document_identity(d: DocumentResult) -> frozenset[tuple]:
    """What a file is a version of: the kind, unit, year, period and project of its records."""
    out = set()
    for r in d.records:
        unit, project = getattr(r, "unit", None), getattr(r, "project", None)
        out.add((getattr(r, "record_type", ""), getattr(unit, "value", unit), getattr(r, "year", None),
                 getattr(r, "period_months", None), getattr(project, "value", project)))
    return frozenset(out)


def superseded(old: Sequence[DocumentResult], new: Sequence[DocumentResult]) -> dict[str, str]:
    """new path → old path, for files that are gone and files that are new with the same identity
    (a corrected document sent under another name); each old file pairs with one new file."""
    before = {d.path: d for d in old}
    after = {d.path: d for d in new}
    gone = {p: document_identity(d) for p, d in before.items() if p not in after and d.records}
    pairs: dict[str, str] = {}
    for p, d in sorted(after.items()):
        if p in before or not d.records:
            continue
        ident = document_identity(d)
        match = next((q for q, i in sorted(gone.items()) if i == ident and q not in pairs.values()), None)
        if match is not None:
            pairs[p] = match
    return pairs


def file_changes(old: Sequence[DocumentResult], new: Sequence[DocumentResult]) -> list[FileChange]:
    before = {d.path: d.sha256 for d in old}
    after = {d.path: d.sha256 for d in new}
    renamed = superseded(old, new)
    out = []
    for path in sorted(before.keys() | after.keys()):
        if path in renamed.values():
            continue  # listed with the file that supersedes it
        if path in renamed:
            was = renamed[path]
            out.append(FileChange(path, "changed", before[was], after[path], old_path=was))
        elif path not in before:
            out.append(FileChange(path, "added", None, after[path]))
        elif path not in after:
            out.append(FileChange(path, "removed", before[path], None))
        else:
            out.append(FileChange(path, "same" if before[path] == after[path] else "changed", before[path], after[path]))
    return out


def figures(finding: Finding) -> list[tuple[str, str]]:
    """The figures of a finding, (what, value) in order: its evidence and its computed details."""
    out = [(e.role, e.raw) for e in finding.evidence]
    out += [(key, _detail(value)) for key, value in sorted(finding.details.items())]
    return out


def _detail(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def figure_changes(old: Finding, new: Finding) -> list[FigureChange]:
    a, b = dict(_numbered(figures(old))), dict(_numbered(figures(new)))
    return [FigureChange(what, a.get(what, "—"), b.get(what, "—"))
            for what in [*a, *(k for k in b if k not in a)] if a.get(what) != b.get(what)]


def _numbered(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, int] = {}
    out = []
    for what, value in pairs:
        seen[what] = seen.get(what, 0) + 1
        out.append((what if seen[what] == 1 else f"{what}#{seen[what]}", value))
    return out


def finding_changes(old: Sequence[Finding], new: Sequence[Finding]) -> list[FindingChange]:
    before: dict[str, Finding] = {}
    for f in old:
        before.setdefault(f.fingerprint, f)
    after: dict[str, Finding] = {}
    for f in new:
        after.setdefault(f.fingerprint, f)
    out = []
    for fp, f in after.items():
        if fp not in before:
            out.append(FindingChange("new", None, f))
            continue
        changes = figure_changes(before[fp], f)
        out.append(FindingChange("changed" if changes else "open", before[fp], f, changes))
    out += [FindingChange("resolved", f, None) for fp, f in before.items() if fp not in after]
    order = {"new": 0, "changed": 1, "resolved": 2, "open": 3}
    return sorted(out, key=lambda c: order[c.status])


def value_changes(old: Sequence[DocumentResult], new: Sequence[DocumentResult]) -> list[ValueChange]:
    """Values read differently, read only in one run, or no longer read (pandas outer merge).
    A file with the same content and the same records in both runs is left out before
    flattening (most files of a resubmission; comparing records is cheaper than their values)."""
    renamed = superseded(old, new)
    old = [d.model_copy(update={"path": next((n for n, o in renamed.items() if o == d.path), d.path)}) for d in old]
    before = {d.path: d for d in old}
    same = {d.path for d in new if d.path in before and before[d.path].sha256 == d.sha256
            and before[d.path].records == d.records}
    a = values_frame([d for d in old if d.path not in same])
    b = values_frame([d for d in new if d.path not in same])
    merged = a.merge(b, on=["document", "record", "field"], how="outer", suffixes=("_old", "_new"), indicator="side")
    differ = (merged["side"] != "both") | (merged["raw_old"] != merged["raw_new"]) | \
        (merged["value_old"] != merged["value_new"])
    out = []
    for row in merged[differ].itertuples(index=False):
        old_v = None if row.side == "right_only" else row.raw_old
        new_v = None if row.side == "left_only" else row.raw_new
        where = row.where_new if isinstance(row.where_new, str) and row.where_new else row.where_old
        out.append(ValueChange(row.document, row.record, row.field, old_v, new_v, where or ""))
    return out


def diff_json(d: RunDiff) -> dict[str, Any]:
    def finding(f: Finding | None) -> dict[str, Any] | None:
        return None if f is None else {"rule_id": f.rule_id, "message": f.text, "fingerprint": f.fingerprint}

    return {
        "old_run": d.old_run,
        "new_run": d.new_run,
        "counts": d.counts(),
        "files": [{"path": f.path, "status": f.status, "label": f.label, "old_sha256": f.old_sha256,
                   "new_sha256": f.new_sha256, "old_path": f.old_path} for f in d.files],
        "findings": [{"status": c.status, "label": c.label, "fingerprint": c.finding.fingerprint,
                      "rule_id": c.finding.rule_id, "old": finding(c.old), "new": finding(c.new),
                      "figures": [{"what": g.what, "old": g.old, "new": g.new} for g in c.figures]}
                     for c in d.findings],
        "values": [{"document": v.document, "record": v.record, "field": v.field, "old": v.old, "new": v.new,
                    "where": v.where} for v in d.values],
    }


__all__ = ["DiffError", "FileChange", "FindingChange", "FigureChange", "RunData", "RunDiff", "ValueChange",
           "diff_json", "diff_runs", "figures", "read_run"]
