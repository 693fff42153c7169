"""The audit page of a run: every finding beside its source, for a reviewer.

`write_audit` writes `<run>/audit/`:

- `index.html`: one section per finding (anchor `#f-<fingerprint>`, the link findings.xlsx
  carries) with its message, its figures (reported and expected, each with its cell, hand
  corrections marked), its review status, and the source: for a PDF a crop of the page rendered
  by pypdfium2 with the cells it used boxed in red; for Excel, Word and HTML the region of the
  table around those cells, highlighted. Offline: no script, no external font or stylesheet.
- `crops/*.png`: the PDF crops.
- `marked/<file>.pdf`: a copy of each PDF with a red box (a PDF square annotation whose note is
  the finding) on every cell a finding used. The submitted file is only read.

A source file is shown only when its content is still the one the run read (same sha256);
otherwise the page says so rather than box the wrong figures.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from extractors import ExtractionError, extract, file_sha256
from schemas.document import Document
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.run import DocumentResult

AUDIT_FOLDER = "audit"
SCALE = 2.0  # pixels per PDF point of the rendered pages
MARGIN = 36.0  # points of page kept around the boxes of a crop
CONTEXT_ROWS = 2  # table rows shown above and below the cells of a finding

_ENV = Environment(loader=PackageLoader("reporting", "templates"), autoescape=select_autoescape(["html", "j2"]),
                   trim_blocks=True, lstrip_blocks=True)


@dataclass
class Figure:
    role: str
    raw: str
    where: str
    corrected: str | None


@dataclass
class TableView:
    """The region of a table around a finding's cells: rows of (text, highlighted)."""

    title: str
    rows: list[list[tuple[str, bool]]]
    first_row: int


@dataclass
class SourceView:
    file_name: str
    crops: list[str] = field(default_factory=list)  # relative paths of PNG crops
    tables: list[TableView] = field(default_factory=list)
    marked_pdf: str | None = None
    problem: str | None = None  # Chinese: why the source is not shown


@dataclass
class FindingView:
    finding: Finding
    figures: list[Figure]
    sources: list[SourceView]

    @property
    def review_label(self) -> str:
        r = self.finding.review
        if r is None:
            return "待复核"
        return r.label + ("（数字已变化，需重新复核）" if r.reopened else "")


class _Sources:
    """The run's source files, opened once each and checked against the hash the run read."""

    def __init__(self, submission: Path, documents: Sequence[DocumentResult]):
        self.submission = submission
        self.by_sha = {d.sha256: d for d in documents if d.sha256}
        self._docs: dict[str, Document | str] = {}
        self._pdfs: dict[str, object] = {}

    def path(self, sha: str) -> tuple[Path | None, str | None]:
        d = self.by_sha.get(sha)
        if d is None:
            return None, "该文件不在本次运行的文件中"
        path = self.submission / d.path if self.submission.is_dir() else self.submission
        if not path.is_file():
            return None, f"原文件“{d.path}”已不在提交文件夹中，无法显示原文"
        if file_sha256(path) != sha:
            return None, f"原文件“{d.path}”在本次运行之后已被修改，无法显示当时读取的原文（请重新运行后再复核）"
        return path, None

    def document(self, sha: str, path: Path) -> Document | str:
        if sha not in self._docs:
            try:
                self._docs[sha] = extract(path)
            except ExtractionError as exc:
                self._docs[sha] = str(exc)
        return self._docs[sha]

    def pdf(self, sha: str, path: Path):
        import pypdfium2 as pdfium

        if sha not in self._pdfs:
            self._pdfs[sha] = pdfium.PdfDocument(str(path))
        return self._pdfs[sha]

    def close(self) -> None:
        for pdf in self._pdfs.values():
            pdf.close()  # type: ignore[attr-defined]


def write_audit(run_folder: Path, submission: Path, documents: Sequence[DocumentResult],
                findings: Sequence[Finding], run_id: str) -> Path:
    """Write `<run_folder>/audit/` and return the path of its index.html."""
    out = run_folder / AUDIT_FOLDER
    (out / "crops").mkdir(parents=True, exist_ok=True)
    sources = _Sources(submission, documents)
    try:
        views = [_view(i, f, sources, out) for i, f in enumerate(findings, start=1)]
        marked = _marked_pdfs(findings, sources, out)
    finally:
        sources.close()
    for v in views:
        for s in v.sources:
            s.marked_pdf = marked.get(s.file_name)
    page = out / "index.html"
    html = _ENV.get_template("audit.html.j2").render(run_id=run_id, views=views, submission=str(submission),
                                                     documents=documents)
    page.write_text(html, encoding="utf-8")
    return page


def _figures(f: Finding) -> list[Figure]:
    return [Figure(e.role, e.raw, f"{e.ref.file_name} {e.ref.with_label().label}", e.corrected) for e in f.evidence]


def _view(n: int, f: Finding, sources: _Sources, out: Path) -> FindingView:
    by_file: dict[str, list[SourceRef]] = {}
    for e in f.evidence:
        by_file.setdefault(e.ref.file_sha256, []).append(e.ref)
    views = []
    for sha, refs in by_file.items():
        view = SourceView(file_name=refs[0].file_name)
        path, problem = sources.path(sha)
        if path is None:
            view.problem = problem
        elif any(r.bbox is not None and r.page is not None for r in refs):
            view.crops = _crops(n, f, sha, path, refs, sources, out)
        else:
            doc = sources.document(sha, path)
            if isinstance(doc, str):
                view.problem = f"无法重新读取原文：{doc}"
            else:
                view.tables = _tables(doc, refs)
                if not view.tables:
                    view.problem = "证据不在表格中（见上方各数字的位置）"
        views.append(view)
    return FindingView(f, _figures(f), views)


def _crops(n: int, f: Finding, sha: str, path: Path, refs: list[SourceRef], sources: _Sources, out: Path) -> list[str]:
    from PIL import ImageDraw

    pdf = sources.pdf(sha, path)
    names = []
    pages = sorted({r.page for r in refs if r.page is not None and r.bbox is not None})
    for page_no in pages:
        boxes = [r.bbox for r in refs if r.page == page_no and r.bbox is not None]
        page = pdf[page_no - 1]  # type: ignore[index]
        width, height = page.get_size()
        image = page.render(scale=SCALE).to_pil().convert("RGB")
        draw = ImageDraw.Draw(image)
        for x0, top, x1, bottom in boxes:
            draw.rectangle([x0 * SCALE - 3, top * SCALE - 3, x1 * SCALE + 3, bottom * SCALE + 3],
                           outline=(220, 0, 0), width=4)
        top = max(0.0, min(b[1] for b in boxes) - MARGIN)
        bottom = min(height, max(b[3] for b in boxes) + MARGIN)
        crop = image.crop((0, int(top * SCALE), int(width * SCALE), int(bottom * SCALE)))
        name = f"crops/{n:04d}-{f.fingerprint}-p{page_no}.png"
        crop.save(out / name, optimize=True)
        names.append(name)
    return names


def _cell_key(ref: SourceRef) -> tuple:
    """A cell: by sheet, row and column in a workbook; by table, row and column elsewhere."""
    if ref.sheet is not None:
        return ("sheet", ref.sheet, ref.row, ref.column)
    return ("table", ref.table, ref.row, ref.column)


def _tables(doc: Document, refs: list[SourceRef]) -> list[TableView]:
    """The region of each table holding the finding's cells, cells highlighted."""
    wanted = {_cell_key(r) for r in refs}
    views = []
    for table in doc.tables:
        hits = [(ri, ci) for ri, row in enumerate(table.rows) for ci, cell in enumerate(row)
                if _cell_key(cell.ref) in wanted]
        if not hits:
            continue
        first = max(0, min(ri for ri, _ in hits) - CONTEXT_ROWS)
        last = min(len(table.rows) - 1, max(ri for ri, _ in hits) + CONTEXT_ROWS)
        lit = set(hits)
        rows = [[(cell.text, (ri, ci) in lit) for ci, cell in enumerate(table.rows[ri])] for ri in range(first, last + 1)]
        where = f"工作表“{table.sheet}”" if table.sheet else f"表{table.index}"
        title = where + (f"（第{table.pages[0]}页）" if table.pages else "")
        views.append(TableView(title=title, rows=rows, first_row=first + 1))
    return views


def _marked_pdfs(findings: Sequence[Finding], sources: _Sources, out: Path) -> dict[str, str]:
    """A copy of each PDF a finding used, a red square annotation on every cell (note: the finding)."""
    import pypdfium2.raw as pdfium_c

    notes: dict[str, dict[int, list[tuple[tuple[float, float, float, float], str]]]] = {}
    names: dict[str, str] = {}
    for f in findings:
        for e in f.evidence:
            r = e.ref
            if r.bbox is None or r.page is None:
                continue
            notes.setdefault(r.file_sha256, {}).setdefault(r.page, []).append(
                (r.bbox, f"{f.rule_id} {f.rule_title or f.rule_name}：{e.role} {e.raw}\n{f.text}"))
            names[r.file_sha256] = r.file_name
    done: dict[str, str] = {}
    (out / "marked").mkdir(exist_ok=True)
    for sha, pages in notes.items():
        path, problem = sources.path(sha)
        if path is None:
            continue
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            for page_no, boxes in pages.items():
                page = pdf[page_no - 1]
                _, height = page.get_size()
                seen = set()
                for (x0, top, x1, bottom), note in boxes:
                    if (x0, top, note) in seen:
                        continue
                    seen.add((x0, top, note))
                    annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_SQUARE)
                    pdfium_c.FPDFAnnot_SetRect(annot, pdfium_c.FS_RECTF(x0 - 1, height - top + 1, x1 + 1, height - bottom - 1))
                    pdfium_c.FPDFAnnot_SetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, 220, 0, 0, 255)
                    pdfium_c.FPDFAnnot_SetBorder(annot, 0, 0, 1.5)
                    text = ctypes.create_string_buffer((note + "\x00").encode("utf-16-le"))
                    pdfium_c.FPDFAnnot_SetStringValue(annot, b"Contents", ctypes.cast(text, pdfium_c.FPDF_WIDESTRING))
                    pdfium_c.FPDFPage_CloseAnnot(annot)
                page.close()
            name = f"marked/{Path(names[sha]).stem}-{sha[:8]}.pdf"
            pdf.save(str(out / name))
            done[names[sha]] = name
        finally:
            pdf.close()
    return done


__all__ = ["AUDIT_FOLDER", "write_audit"]
