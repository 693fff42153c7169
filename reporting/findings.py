"""A finding as one line of text: where its evidence comes from, and the evidence itself
(findings.xlsx, the Prefect artifacts, the terminal). Plain text, no dependencies: the CLI
imports this at start-up."""

from __future__ import annotations

from schemas.findings import Finding


def finding_sources(finding: Finding) -> str:
    """The distinct source locations of a finding's evidence, grouped by file, for one line:
    `a.pdf 第3页 表2 第5行第4列、第5行第3列；b.xlsx Sheet1!C5`."""
    by_file: dict[str, list[str]] = {}
    for ev in finding.evidence:
        ref = ev.ref.with_label()
        labels = by_file.setdefault(ref.file_name, [])
        if ref.label and ref.label != ref.file_name and ref.label not in labels:
            labels.append(ref.label)
    return "；".join(f"{name} {'、'.join(labels)}".strip() for name, labels in by_file.items())


def evidence_text(finding: Finding) -> str:
    lines = []
    for ev in finding.evidence:
        ref = ev.ref.with_label()
        corrected = f"【{ev.corrected}】" if ev.corrected else ""
        lines.append(f"{ev.role}：{ev.raw}{corrected}（{ref.file_name} {ref.label}）")
    return "\n".join(lines)
