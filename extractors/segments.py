"""A file is not a kind: the parts of one document that each document kind reads.

A budget publication may carry 绩效目标 forms as an annex on its last pages; a workbook may hold
one project's target form per sheet. `split` cuts a document into pages (PDF) or sheets (Excel);
`segment` classifies each part and groups them into `Segment`s — runs of pages of one kind, one
sheet per form for kinds whose forms stand alone — each a `Document` view holding only its own
blocks and tables (provenance untouched: a cell keeps its page and sheet).

Nothing changes for a document whose parts all agree with the whole: it is one segment, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.kinds import MIN_CONFIDENCE, DocumentKind, classify
from textnorm.text import clean
from schemas.document import Document, Format, Table, TextBlock

# A part claims a kind other than the document's own only when it is this sure: an annex must
# look like a document of its kind on its own (title and table), not merely mention one.
ANNEX_CONFIDENCE = 0.75
# Kinds whose forms stand alone: a workbook with one form per sheet gives one segment per sheet
# (values never leak from one project's sheet into the next).
ONE_FORM_PER_SHEET = frozenset({"targets", "self_evaluation", "monitoring"})


@dataclass
class Part:
    """One page (PDF) or sheet (Excel) of a document, as a document of its own."""

    doc: Document
    pages: list[int] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The first line of text of the part, to name it where nothing reads it."""
        for text in [b.text for b in self.doc.blocks] + [c.text for t in self.doc.tables for r in t.rows for c in r]:
            if clean(text):
                return clean(text).splitlines()[0][:60]
        return ""


@dataclass
class Segment:
    """Parts of a document read together by one kind (`kind` None: no kind claimed them)."""

    kind: DocumentKind | None
    confidence: float | None
    parts: list[Part]
    primary: bool = False  # the kind of the document as a whole

    @property
    def pages(self) -> list[int]:
        return sorted({p for part in self.parts for p in part.pages})

    @property
    def sheets(self) -> list[str]:
        return [s for part in self.parts for s in part.sheets]

    @property
    def doc(self) -> Document:
        return view(self.parts[0].doc, [b for p in self.parts for b in p.doc.blocks],
                    [t for p in self.parts for t in p.doc.tables])


def view(doc: Document, blocks: list[TextBlock], tables: list[Table]) -> Document:
    """The same file with only these blocks and tables."""
    return doc.model_copy(update={"blocks": blocks, "tables": tables})


def _table_page(table: Table) -> int | None:
    if table.pages:
        return table.pages[0]
    for row in table.rows:
        for cell in row:
            if cell.ref.page is not None:
                return cell.ref.page
    return None


def split(doc: Document) -> list[Part]:
    """The pages of a PDF or the sheets of a workbook; one part for anything else."""
    if doc.format == Format.XLSX:
        names: list[str] = []
        for t in doc.tables:
            if t.sheet is not None and t.sheet not in names:
                names.append(t.sheet)
        return [Part(view(doc, [], [t for t in doc.tables if t.sheet == name]), sheets=[name]) for name in names]
    if doc.format == Format.PDF:
        pages: dict[int, tuple[list[TextBlock], list[Table]]] = {}
        for b in doc.blocks:
            pages.setdefault(b.ref.page or 0, ([], []))[0].append(b)
        for t in doc.tables:
            pages.setdefault(_table_page(t) or 0, ([], []))[1].append(t)
        return [Part(view(doc, blocks, tables), pages=[p] if p else []) for p, (blocks, tables) in sorted(pages.items())]
    return [Part(doc)]


def _top(part: Part) -> tuple[DocumentKind, float] | None:
    """The kind a part is surest of, with its confidence (classified once per part)."""
    ranked = classify(part.doc)
    return ranked[0] if ranked else None


def _label(top: tuple[DocumentKind, float] | None, primary: DocumentKind | None) -> tuple[DocumentKind, float] | None:
    """The kind a part claims on its own, if any: an annex of another kind must be surer."""
    if top is None:
        return None
    kind, confidence = top
    needed = ANNEX_CONFIDENCE if primary is not None and kind.name != primary.name else MIN_CONFIDENCE
    return top if confidence >= needed else None


def _break_tie(ranked, tops: list, whole):
    """Kinds equally sure of the whole file: the one most of its parts claim (`tops`, each
    part's surest kind) is the file's own (a publication with two annexed forms is a publication)."""
    if whole is None:
        return None
    tied = [pair for pair in ranked if pair[1] == whole[1]]
    if len(tied) < 2:
        return whole
    claims = {k.name: 0 for k, _ in tied}
    for top in tops:
        if top and top[1] >= MIN_CONFIDENCE and top[0].name in claims:
            claims[top[0].name] += 1
    return max(tied, key=lambda pair: claims[pair[0].name])  # first of the most claimed


def segment(doc: Document) -> tuple[tuple[DocumentKind, float] | None, list[Segment]]:
    """The document's own kind (or None) and its segments, in document order.

    A segment with `kind` None holds parts (sheets) that no kind claimed: what was left unread.
    """
    ranked = classify(doc)
    whole = ranked[0] if ranked and ranked[0][1] >= MIN_CONFIDENCE else None
    parts = split(doc)
    if len(parts) <= 1:
        primary = whole[0] if whole else None
        return whole, ([Segment(primary, whole[1], parts or [Part(doc)], primary=True)] if whole else [])
    tops = [_top(part) for part in parts]
    whole = _break_tie(ranked, tops, whole)
    primary = whole[0] if whole else None
    labels = [_label(top, primary) for top in tops]
    foreign = {k.name for k, _ in filter(None, labels)} - ({primary.name} if primary else set())
    own_sheets = sum(1 for lab in labels if lab and primary and lab[0].name == primary.name)
    per_sheet = (doc.format == Format.XLSX and primary is not None and primary.name in ONE_FORM_PER_SHEET
                 and own_sheets >= 2)
    if not foreign and not per_sheet:
        return whole, ([Segment(primary, whole[1], parts, primary=True)] if whole else [])
    if doc.format == Format.XLSX:
        return whole, _sheet_segments(parts, labels, primary, whole)
    return whole, _page_segments(parts, labels, primary, whole)


def _sheet_segments(parts: list[Part], labels: list, primary: DocumentKind | None, whole) -> list[Segment]:
    """One segment per form sheet; sheets of other kinds together per kind; sheets no kind
    claims go with the document's own kind when it reads whole workbooks, else stay unread."""
    out: list[Segment] = []
    grouped: dict[str, Segment] = {}
    for part, lab in zip(parts, labels):
        if lab is None:
            if primary is not None and primary.name not in ONE_FORM_PER_SHEET:
                lab = (primary, whole[1])
            else:
                out.append(Segment(None, None, [part]))
                continue
        kind, confidence = lab
        if kind.name in ONE_FORM_PER_SHEET:
            out.append(Segment(kind, confidence, [part], primary=primary is not None and kind.name == primary.name))
        elif kind.name in grouped:
            grouped[kind.name].parts.append(part)
        else:
            grouped[kind.name] = Segment(kind, confidence, [part], primary=primary is not None and kind.name == primary.name)
            out.append(grouped[kind.name])
    return out


def _page_segments(parts: list[Part], labels: list, primary: DocumentKind | None, whole) -> list[Segment]:
    """Runs of pages: a page that claims another kind starts an annex, pages that claim nothing
    continue the run they follow; every page of the document's own kind is one segment."""
    runs: list[Segment] = []
    for part, lab in zip(parts, labels):
        if lab is None:
            if runs:
                runs[-1].parts.append(part)
                continue
            lab = whole  # a cover or contents page before anything is claimed
            if lab is None:
                runs.append(Segment(None, None, [part]))
                continue
        kind, confidence = lab
        if runs and runs[-1].kind is not None and runs[-1].kind.name == kind.name:
            runs[-1].parts.append(part)
            runs[-1].confidence = max(runs[-1].confidence or 0, confidence)
        else:
            runs.append(Segment(kind, confidence, [part]))
    out: list[Segment] = []
    main: Segment | None = None
    for run in runs:
        if primary is not None and run.kind is not None and run.kind.name == primary.name:
            if main is None:
                main = Segment(primary, whole[1], [], primary=True)
                out.append(main)
            main.parts.extend(run.parts)
        else:
            out.append(run)
    return out


__all__ = ["ANNEX_CONFIDENCE", "ONE_FORM_PER_SHEET", "Part", "Segment", "segment", "split", "view"]
