"""Render fixtures/reports/ and write fixtures/expected/reports/ from reports_data.

Expected records come from the generator's inputs: every `Fig` a sentence or table was built
from, every heading, every sentence with the role the generator gave it. The findings are the
planted ones (`ReportDoc.expect`) plus what the monitoring-table oracle computes for the tables.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixturegen import oracle
from fixturegen.build import render
from fixturegen.expected import document_record, sort_findings
from fixturegen.folders import FIXTURES, session, write_json
from fixturegen.office import Office, normalise_pdf, normalise_zip
from fixturegen.reports_data import SUB, nanjie_9, reports, table_docs
from fixturegen.reports_model import Heading, ReportDoc
from fixturegen.reports_render import render_report_docx

NANJIE_SUB = "nanjie-2024"  # the main generator owns the folder; this writes one file into it


def report_record(doc: ReportDoc) -> dict:
    return {
        "file": doc.file_name,
        "format": doc.format,
        "kind": "narrative_report",
        "report_type": doc.report_type,
        "unit": doc.unit,
        "year": doc.year,
        "period_months": doc.months,
        "note": doc.note,
        "blind": doc.blind,
        "first_try": doc.first_try,
        "sections": [{"heading": b.text.rstrip("。"), "level": b.level} for b in doc.blocks if isinstance(b, Heading)],
        "sentences": [{"text": s.text, "role": s.role} for s in doc.sentences()],
        "figures": [
            {"line": f.line, "measure": f.measure, "period_months": f.period or doc.months,
             "value": f.expected_value(), "indicator": f.indicator, "printed": f.text}
            for f in doc.figures()
        ],
    }


def planted(doc: ReportDoc) -> list[dict]:
    return sort_findings([{"rule_id": exp.rule_id, "unit": doc.unit, "period_months": exp.period or doc.months,
                           "project": "", "line": exp.line, "column": exp.column} for exp in doc.expect])


def findings() -> list[dict]:
    out = oracle.findings([document_record(d) for d in table_docs()])
    for doc in reports():
        out += planted(doc)
    return sort_findings(out)


def expected_files() -> dict[str, object]:
    out: dict[str, object] = {}
    for doc in table_docs():
        out[f"{SUB}/{doc.file_name}.json"] = document_record(doc)
    for rdoc in reports():
        out[f"{SUB}/{rdoc.file_name}.json"] = report_record(rdoc)
    out[f"{SUB}/findings.json"] = findings()
    # the sample submission: one report added beside the main generator's documents
    nanjie = nanjie_9()
    out[f"{NANJIE_SUB}/{nanjie.file_name}.json"] = report_record(nanjie)
    out[f"{NANJIE_SUB}/findings-reports.json"] = planted(nanjie)
    return out


def _render_report(doc: ReportDoc, target: Path, office: Office, scratch: Path) -> None:
    src = scratch / (Path(doc.file_name).stem + ".docx")
    render_report_docx(doc, src)
    normalise_zip(src)
    if doc.format == "pdf":
        pdf = office.convert(src, "pdf")
        normalise_pdf(pdf)
        shutil.copyfile(pdf, target)
    else:
        shutil.copyfile(src, target)


def build(fixtures: Path = FIXTURES) -> None:
    expected = expected_files()
    folder = fixtures / SUB
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(fixtures / "expected" / SUB, ignore_errors=True)
    folder.mkdir(parents=True)
    with session("fixturegen-reports-") as (office, scratch):
        for doc in table_docs():
            render(doc, folder / doc.file_name, office, scratch)
            print(f"  {SUB}/{doc.file_name}")
        for rdoc in reports():
            _render_report(rdoc, folder / rdoc.file_name, office, scratch)
            print(f"  {SUB}/{rdoc.file_name}")
        nanjie = nanjie_9()
        _render_report(nanjie, fixtures / NANJIE_SUB / nanjie.file_name, office, scratch)
        print(f"  {NANJIE_SUB}/{nanjie.file_name}")
    for rel, data in expected.items():
        write_json(fixtures / "expected" / rel, data)
    n_fig = sum(len(v["figures"]) for v in expected.values() if isinstance(v, dict) and "figures" in v)
    print(f"{len(table_docs())} tables, {len(reports())} reports, {n_fig} expected figures, "
          f"{len(expected[f'{SUB}/findings.json'])} expected findings")


__all__ = ["build", "expected_files", "report_record"]
