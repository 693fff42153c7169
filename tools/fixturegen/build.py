"""Generate fixtures/: render every document, verify it, write the expected records and findings."""

from __future__ import annotations

import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from fixturegen import oracle
from fixturegen.bad import write_bad
from fixturegen.data import all_docs
from fixturegen.expected import declared_findings, document_record
from fixturegen.folders import FIXTURES, session, write_json
from fixturegen.model import AMOUNT_KEYS, PARTS, Doc, nfkc_number
from fixturegen.office import Office, normalise_pdf, normalise_zip
from fixturegen.render_docx import render_docx
from fixturegen.render_html import render_html
from fixturegen.render_xlsx import FormulaCell, displayed, render_xlsx
from fixturegen.targets_data import all_target_docs
from fixturegen.targets_expected import target_expected_files
from fixturegen.targets_render import check_target_data, render_target

OWNED = ("monitoring", "nanjie-2024", "bad", "targets")
# Only these folders of fixtures/expected/ are the generator's; others (unseen/) are left alone.
OWNED_EXPECTED = ("monitoring", "nanjie-2024", "bad", "targets")
# Written by hand inside those folders (no generator makes them): kept when the folders are rebuilt.
HAND_WRITTEN = ("expected/nanjie-2024/findings-xdoc.json",)


def check_data(docs: list[Doc]) -> None:
    """The data must be self-consistent before anything is rendered."""
    for doc in docs:
        for rep in doc.reports:
            st = rep.style
            for line in rep.lines:
                for key, text in line.show.items():
                    value = line.printed_rate() if key == "rate" else line.amount(key)
                    if value is not None and nfkc_number(text) != Decimal(value):
                        raise ValueError(f"{doc.file_name}: {line.name} shows {text!r} for {value}")
                if line.formula:
                    parts = [rep.line(p) for p in PARTS[line.name]]
                    for key in AMOUNT_KEYS:
                        if rep.has_column(key) and line.amount(key) != sum(p.amount(key) or 0 for p in parts):
                            raise ValueError(f"{doc.file_name}: formula line {line.name} {key} is not its parts' sum")
                if st.rate_formula and line.rate is None and line.exact_rate() is not None:
                    if (line.rate_mode, line.rate_decimals) != ("half_up", 2):
                        raise ValueError(f"{doc.file_name}: a formula rate is always rounded half-up to 2 places")
                    # Keep clear of .xx5 so binary floating point cannot round the other way.
                    third = (line.exact_rate() * 1000) % 10
                    if abs(third - 5) < Decimal("0.01"):
                        raise ValueError(f"{doc.file_name}: {line.name} rate sits on a rounding boundary")
            if st.ticks and any(i.reason for i in rep.indicators):
                raise ValueError(f"{doc.file_name}: tick columns carry no reason text")
            if st.rate_style == "plain" and "(%)" not in st.headers.get("rate", ""):
                raise ValueError(f"{doc.file_name}: plain rates need a (%) header")


def check_findings(docs: list[Doc]) -> dict[str, list[dict]]:
    """Declared findings must equal what the oracle computes from the expected records."""
    out = {}
    by_sub: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        by_sub[doc.submission].append(doc)
    for sub, group in by_sub.items():
        declared = declared_findings(group)
        computed = oracle.findings([document_record(d) for d in group])
        if declared != computed:
            missing = [f for f in computed if f not in declared]
            extra = [f for f in declared if f not in computed]
            raise ValueError(f"{sub}: findings differ from the data\n computed, not declared: {missing}\n"
                             f" declared, not computed: {extra}")
        out[sub] = declared
    return out


def verify_cached(path: Path, formulas: list[FormulaCell]) -> None:
    """Every formula cell must keep its formula and carry a cached value that displays as intended."""
    with_formulas = load_workbook(path)
    cached = load_workbook(path, data_only=True)
    for f in formulas:
        if not str(with_formulas[f.sheet][f.coordinate].value).startswith("="):
            raise ValueError(f"{path.name}!{f.coordinate}: formula lost in the round trip")
        value = cached[f.sheet][f.coordinate].value
        if not isinstance(value, (int, float)):
            raise ValueError(f"{path.name}!{f.coordinate}: no cached value ({value!r})")
        shown = displayed(value, f.number_format)
        if shown != f.text:
            raise ValueError(f"{path.name}!{f.coordinate}: cached {value!r} shows {shown}, expected {f.text}")


def _xlsx(doc: Doc, scratch: Path, office: Office) -> Path:
    src = scratch / (Path(doc.file_name).stem + ".xlsx")
    formulas = render_xlsx(doc.reports, src, [doc.sheet] * len(doc.reports) if len(doc.reports) == 1
                           else [f"{doc.sheet}{i + 1}" for i in range(len(doc.reports))])
    if formulas:
        # openpyxl writes formulas without results; LibreOffice computes and caches them.
        src = office.convert(src, "xlsx")
        verify_cached(src, formulas)
    normalise_zip(src)
    return src


def render(doc: Doc, target: Path, office: Office, scratch: Path) -> None:
    if doc.format == "html":
        render_html(doc, target)
        return
    if doc.format == "docx" or (doc.format == "pdf" and doc.source == "docx"):
        src = scratch / (Path(doc.file_name).stem + ".docx")
        render_docx(doc.reports, src, title=doc.reports[0].style.title)
        normalise_zip(src)
    elif doc.format == "xlsx" or (doc.format == "pdf" and doc.source == "xlsx"):
        src = _xlsx(doc, scratch, office)
    else:
        raise ValueError(f"{doc.file_name}: unknown format {doc.format}/{doc.source}")
    if doc.format == "pdf":
        pdf = office.convert(src, "pdf")
        normalise_pdf(pdf)
        shutil.copyfile(pdf, target)
    else:
        shutil.copyfile(src, target)


def expected_files(docs: list[Doc]) -> dict[str, object]:
    """Every expected JSON, by path relative to fixtures/expected/, as written."""
    out: dict[str, object] = {}
    for doc in docs:
        out[f"{doc.submission}/{doc.file_name}.json"] = document_record(doc)
    for sub, findings in check_findings(docs).items():
        out[f"{sub}/findings.json"] = findings
    # 绩效目标表: their records, and their findings after a folder's monitoring findings.
    for rel, data in target_expected_files(all_target_docs()).items():
        out[rel] = out.get(rel, []) + data if rel.endswith("findings.json") else data
    return out


def build(fixtures: Path = FIXTURES) -> None:
    docs = all_docs()
    check_data(docs)
    tdocs = all_target_docs()
    check_target_data(tdocs)
    expected = expected_files(docs)  # also checks the declared target findings against the oracle
    kept = {rel: (fixtures / rel).read_bytes() for rel in HAND_WRITTEN if (fixtures / rel).is_file()}
    for name in OWNED:
        shutil.rmtree(fixtures / name, ignore_errors=True)
    for name in OWNED_EXPECTED:
        shutil.rmtree(fixtures / "expected" / name, ignore_errors=True)
    with session("fixturegen-src-") as (office, scratch):
        for doc in docs:
            folder = fixtures / doc.submission
            folder.mkdir(parents=True, exist_ok=True)
            render(doc, folder / doc.file_name, office, scratch)
            print(f"  {doc.submission}/{doc.file_name}")
        for tdoc in tdocs:
            folder = fixtures / tdoc.submission
            folder.mkdir(parents=True, exist_ok=True)
            render_target(tdoc, folder / tdoc.file_name, office, scratch)
            print(f"  {tdoc.submission}/{tdoc.file_name}")
        bad = write_bad(fixtures / "bad")
    for rel, data in expected.items():
        write_json(fixtures / "expected" / rel, data)
    write_json(fixtures / "expected" / "bad" / "errors.json", bad)
    for rel, data in kept.items():
        (fixtures / rel).parent.mkdir(parents=True, exist_ok=True)
        (fixtures / rel).write_bytes(data)
    n = sum(len(v) for k, v in expected.items() if k.endswith("findings.json"))
    print(f"{len(docs) + len(tdocs)} documents, {len(expected) - 3} expected-records files, {n} expected findings, "
          f"{len(bad)} bad files")


__all__ = ["build", "check_data", "check_findings", "expected_files"]
