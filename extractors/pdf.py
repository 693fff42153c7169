"""PDF → neutral `Document`, with pdfplumber.

Tables come from ruling lines (lattice). Each pdfplumber table is turned into a rectangular grid
whose column/row boundaries are the distinct cell edges; a cell whose box covers several grid
slots is a merged cell, and every slot it covers repeats its text and points at its top-left slot.
Cell text is rebuilt from the characters (not pdfplumber's `extract()`), so that labels wrapped
over several lines or printed with letter spacing come out as a reader sees them ("项目支出", not
"项目支 出"). A table that continues on the next page is joined into one logical table. Text
outside tables becomes one `TextBlock` per printed line (segments far apart on one line are
separate blocks, e.g. "编制部门：…" and "单位：万元").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import pdfplumber
from pdfplumber.utils.clustering import cluster_objects
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import ExtractionError, limit_error
from extractors.limits import exceeded, limits
from extractors.ocr import OcrPage, figure_text, ocr_problem, read_pdf_page
from textnorm.text import clean, fold
from schemas.document import Cell, Document, Format, Table, TextBlock
from schemas.provenance import SourceRef

BBox = tuple[float, float, float, float]

NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件），无法提取；请提供可复制文字的 PDF 或原始 Word/Excel 文件"
OCR_FOUND_NOTHING = ("PDF 没有文字层，是扫描图像，用 OCR（tesseract chi_sim）也未识别出任何文字（图像可能过于模糊、"
                     "过小或不含文字）；请提供清晰的扫描件、可复制文字的 PDF 或原始 Word/Excel 文件")

# Lattice only: budget tables are ruled. The text strategy is used only for "three-line" tables
# (horizontal rules, no vertical ones), see `_rule_bounded_tables`.
_LATTICE = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

_EDGE_TOL = 1.5  # pt: cell edges closer than this are the same grid boundary (within a page)
_PAGE_TOL = 3.0  # pt: column boundaries of a table's parts on different pages may differ this much
_SEGMENT_GAP = 3.0  # × text height: a wider horizontal gap splits a printed line into two blocks
_CONT_MIN_BOTTOM = 0.70  # a table continues on the next page only if it ends below 70 % of the page
_MARGIN_ZONE = 0.10  # top/bottom 10 % of a page: where running headers and page numbers live
_MAX_HEADER_BAND = 60.0  # pt: a three-line table's header band is a line or three, not a page
_PAGE_NUMBER = re.compile(r"[-—–\s第页共/]*\d+[-—–\s第页共/\d]*")


# --------------------------------------------------------------------------- text assembly


def _is_cjk(ch: str) -> bool:
    """Ideographs, CJK punctuation and full-width forms: no spaces between them in Chinese."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: （），：
        or 0x20000 <= o <= 0x2FA1F
        or ch in "“”‘’—…·"
    )


@dataclass
class _Item:
    """A char or a word with its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


def _items(objs: Iterable[dict[str, Any]]) -> list[_Item]:
    return [
        _Item(o["text"], o["x0"], o["x1"], o["top"], o["bottom"])
        for o in objs
        if o["text"].strip()
    ]


def _group_lines(items: list[_Item]) -> list[list[_Item]]:
    """Group items into printed lines by vertical overlap, each line left to right.

    Overlap (not equal `top`) keeps glyphs from another font on their line: the quote marks of
    “三公” and the digits of a year sit a few points lower than the ideographs around them.
    """
    lines: list[tuple[float, float, list[_Item]]] = []
    for it in sorted(items, key=lambda i: ((i.top + i.bottom) / 2, i.x0)):
        if lines:
            top, bottom, members = lines[-1]
            overlap = min(bottom, it.bottom) - max(top, it.top)
            if overlap >= 0.5 * min(bottom - top, it.height):
                lines[-1] = (min(top, it.top), max(bottom, it.bottom), members + [it])
                continue
        lines.append((it.top, it.bottom, [it]))
    return [sorted(members, key=lambda i: i.x0) for _, _, members in lines]


def _join_line(items: Sequence[_Item]) -> str:
    """Join one line's items, writing a space only where a reader sees one.

    Gaps are measured in ems (text height). Between two CJK characters letter spacing (justified
    or spaced-out labels, "目  录") is no space; only a wide gap is. Between CJK and Latin/digits,
    word processors add about a quarter em of automatic spacing ("1-6 月"): not a space either.
    """
    out = items[0].text
    for prev, cur in zip(items, items[1:]):
        h = min(prev.height, cur.height)
        gap = (cur.x0 - prev.x1) / h
        left, right = _is_cjk(prev.text[-1]), _is_cjk(cur.text[0])
        if left and right:
            threshold = 1.5
        elif left or right:
            threshold = 0.35
        else:
            threshold = 0.15
        out += (" " if gap > threshold else "") + cur.text
    return out


def _join_wrapped(lines: Sequence[str]) -> str:
    """Join the lines of one cell: a wrap next to a CJK character is not a space ("项目支\n出")."""
    out = ""
    for line in lines:
        if not line:
            continue
        if out and not (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += " "
        out += line
    return clean(out)


def _split_segments(line: list[_Item]) -> list[list[_Item]]:
    """Split a printed line where a gap is far wider than the text (separate blocks)."""
    segments = [[line[0]]]
    for prev, cur in zip(line, line[1:]):
        if cur.x0 - prev.x1 > _SEGMENT_GAP * min(prev.height, cur.height):
            segments.append([cur])
        else:
            segments[-1].append(cur)
    return segments


def _union(items: Sequence[_Item]) -> BBox:
    return (
        round(min(i.x0 for i in items), 2),
        round(min(i.top for i in items), 2),
        round(max(i.x1 for i in items), 2),
        round(max(i.bottom for i in items), 2),
    )


# --------------------------------------------------------------------------- table parts


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Sorted distinct values, values within `tol` of a cluster's first value merged into it."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _span(lo: float, hi: float, bounds: Sequence[float], tol: float) -> range:
    """Indices of the grid intervals [bounds[k], bounds[k+1]) a box from lo to hi covers."""
    first = last = None
    for k in range(len(bounds) - 1):
        if bounds[k] >= lo - tol and bounds[k] < hi - tol:
            first = k if first is None else first
            last = k
    if first is None:  # a sliver thinner than the tolerance: the nearest interval
        k = max(0, min(len(bounds) - 2, bisect_right(bounds, (lo + hi) / 2) - 1))
        return range(k, k + 1)
    return range(first, last + 1)


@dataclass
class _PhysCell:
    """A cell as drawn on the page; it may cover several grid slots."""

    bbox: BBox
    rows: range  # rows of its part's grid
    text: str = ""
    cols: range = range(0)  # columns of the logical table's grid, set when parts are joined
    ocr_confidence: float | None = None  # lowest word confidence, for a cell read by OCR


@dataclass
class _Part:
    """The piece of a table on one page."""

    page: int
    bbox: BBox
    xs: list[float]  # column boundaries on this page
    ys: list[float]  # row boundaries
    cells: list[_PhysCell]
    continues: bool = False  # joined to the table part before it (previous page)
    drop_rows: int = 0  # leading rows that repeat the table's header
    ocr: bool = False  # read from a page picture


def _build_part(page: Any, table: Any, chars: list[_Item]) -> _Part | None:
    boxes: list[BBox] = [tuple(map(float, c)) for c in table.cells]  # type: ignore[misc]
    xs = _cluster([b[0] for b in boxes] + [max(b[2] for b in boxes)], _EDGE_TOL)
    ys = _cluster([b[1] for b in boxes] + [max(b[3] for b in boxes)], _EDGE_TOL)
    if len(xs) < 2 or len(ys) < 2:
        return None
    if len(xs) == 2 and len(ys) == 2:
        return None  # one framed box (a boxed note or title), not a table: keep it as text
    owner: dict[tuple[int, int], int] = {}
    cells: list[_PhysCell] = []
    col_spans: list[range] = []
    for b in boxes:
        rows = _span(b[1], b[3], ys, _EDGE_TOL)
        cols = _span(b[0], b[2], xs, _EDGE_TOL)
        if any((r, c) in owner for r in rows for c in cols):
            continue  # overlapping duplicate box
        for r in rows:
            for c in cols:
                owner[(r, c)] = len(cells)
        cells.append(_PhysCell(b, rows))
        col_spans.append(cols)
    # Slots no drawn cell covers (a missing ruling): empty cells of their own.
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if (r, c) not in owner:
                owner[(r, c)] = len(cells)
                cells.append(_PhysCell((xs[c], ys[r], xs[c + 1], ys[r + 1]), range(r, r + 1)))
                col_spans.append(range(c, c + 1))
    # Each char goes to the cell under its centre.
    per_cell: dict[int, list[_Item]] = {}
    x0, top, x1, bottom = xs[0], ys[0], xs[-1], ys[-1]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        c = min(bisect_right(xs, cx) - 1, len(xs) - 2)
        r = min(bisect_right(ys, cy) - 1, len(ys) - 2)
        per_cell.setdefault(owner[(r, c)], []).append(ch)
    for k, members in per_cell.items():
        cells[k].text = _join_wrapped([_join_line(line) for line in _group_lines(members)])
    part = _Part(page.page_number, (x0, top, x1, bottom), xs, ys, cells)
    # Until parts are joined, the logical columns are this page's columns.
    for cell, cols in zip(cells, col_spans):
        cell.cols = cols
    return part


def _row_texts(part: _Part, n_cols: int) -> list[list[str]]:
    grid = [[""] * n_cols for _ in range(len(part.ys) - 1)]
    for cell in part.cells:
        for r in cell.rows:
            for c in cell.cols:
                grid[r][c] = cell.text
    return grid


# --------------------------------------------------------------------------- page reading


def _is_background(obj: dict[str, Any]) -> bool:
    """A filled, unstroked white rectangle: a page or title background, not a ruling.

    Some exporters (Excel via PScript) paint one behind the title and the table; its edges would
    pull the title into the table as a first row.
    """
    if obj.get("object_type") != "rect" or obj.get("stroke") or not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    if isinstance(color, (int, float)):
        color = (color,)
    if not color:
        return False
    values = tuple(float(v) for v in color if isinstance(v, (int, float)))
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 0.02 for v in values)
    return bool(values) and all(v >= 0.98 for v in values)


def _inside(item: _Item, boxes: Sequence[BBox]) -> bool:
    cx, cy = (item.x0 + item.x1) / 2, (item.top + item.bottom) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _rule_bounded_tables(page: Any, chars: list[_Item]) -> list[Any]:
    """Fallback for pages with no lattice table but a "three-line" table (三线表).

    Only when at least three long horizontal rules share the same left and right ends and no
    vertical ruling runs between them. Columns then come from the text alignment (pdfplumber's
    text strategy); rows are the band between the first two rules (the header, however it
    wraps) and, below it, one row per printed line.
    """
    width = float(page.width)
    hrules = sorted(
        (e for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= 0.3 * width),
        key=lambda e: (e["x0"], e["x1"]),
    )
    groups: list[list[dict[str, Any]]] = []
    for e in hrules:
        g = groups[-1] if groups else None
        if g and abs(e["x0"] - g[0]["x0"]) <= _PAGE_TOL and abs(e["x1"] - g[0]["x1"]) <= _PAGE_TOL:
            g.append(e)
        else:
            groups.append([e])
    found = []
    for rules in groups:
        tops = _cluster([e["top"] for e in rules], _EDGE_TOL)
        if len(tops) < 3 or tops[1] - tops[0] > _MAX_HEADER_BAND:
            continue  # page-wide separators around prose are not a table header
        x0, x1 = min(e["x0"] for e in rules), max(e["x1"] for e in rules)
        if any(
            e["orientation"] == "v" and x0 - 1 <= e["x0"] <= x1 + 1
            and e["bottom"] > tops[0] + 1 and e["top"] < tops[-1] - 1
            for e in page.edges
        ):
            continue
        inside = [
            c for c in chars
            if x0 <= (c.x0 + c.x1) / 2 <= x1 and tops[0] <= (c.top + c.bottom) / 2 <= tops[-1]
        ]
        if not inside:
            continue
        bounds = [min(c.top for c in inside) - 0.5]
        for k, (upper, lower) in enumerate(zip(tops, tops[1:])):
            band = [c for c in inside if upper <= (c.top + c.bottom) / 2 <= lower]
            if k > 0:  # body bands: a row per printed line
                lines = _group_lines(band)
                for a, b in zip(lines, lines[1:]):
                    bounds.append((max(c.bottom for c in a) + min(c.top for c in b)) / 2)
            if lower < tops[-1]:
                bounds.append(lower)
        bounds.append(max(c.bottom for c in inside) + 0.5)
        settings = {
            "vertical_strategy": "text",
            "horizontal_strategy": "explicit",
            "explicit_horizontal_lines": bounds,
        }
        region = page.crop((x0, tops[0], x1, tops[-1]), strict=False)
        for t in region.find_tables(settings):
            if len(t.rows) >= 2 and len({c[0] for c in t.cells}) >= 2:
                found.append(t)
    return found


@dataclass
class _PageItems:
    page: int
    height: float
    blocks: list[TextBlock] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)


_CHAR_KEY = itemgetter("upright", "text", "fontname", "size")
_DOCTOP, _X0, _POSITION = itemgetter("doctop"), itemgetter("x0"), itemgetter("doctop", "x0")


def _unique_chars(chars: list[dict[str, Any]]) -> set[int]:
    """The ids of the characters pdfplumber's `dedupe_chars` (tolerance 1, same font and size)
    keeps. Most characters share their text, font and size with no other character close to
    them; only those that do are clustered (as `dedupe_chars` clusters them: by `doctop`, then
    `x0`, the first by position in each cluster kept). The same set, without sorting the page's
    characters by a tuple key nor putting them back in stream order."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for c in chars:
        groups.setdefault(_CHAR_KEY(c), []).append(c)
    kept: set[int] = set()
    for members in groups.values():
        if len(members) == 1:
            kept.add(id(members[0]))
            continue
        for y_cluster in cluster_objects(members, _DOCTOP, 1):
            for x_cluster in cluster_objects(y_cluster, _X0, 1):
                kept.add(id(min(x_cluster, key=_POSITION)))
    return kept


def _cleaned(page: Any) -> Any:
    """The page without background rectangles (`_is_background`) and without duplicate
    characters: fake bold (the same glyph drawn twice, slightly offset) would double every
    character. One filtering pass over the page's objects."""
    kept = _unique_chars(page.chars)

    def keep(o: dict[str, Any]) -> bool:
        kind = o.get("object_type")
        if kind == "char":
            return id(o) in kept
        return kind != "rect" or not _is_background(o)

    return page.filter(keep)


def _read_page(page: Any, ref: SourceRef) -> tuple[_PageItems, int]:
    page = _cleaned(page)
    chars = _items(page.chars)
    tables = page.find_tables(_LATTICE)
    if not tables and chars:
        tables = _rule_bounded_tables(page, chars)
    parts = [p for t in tables if (p := _build_part(page, t, chars)) is not None]
    parts.sort(key=lambda p: (p.bbox[1], p.bbox[0]))
    boxes = [p.bbox for p in parts]
    items = _PageItems(page.page_number, float(page.height), parts=parts)
    outside = page.filter(
        lambda o: o.get("object_type") != "char"
        or not _inside(_Item("", o["x0"], o["x1"], o["top"], o["bottom"]), boxes)
    ) if boxes else page  # no table: every character is outside one
    words = _items(outside.extract_words(keep_blank_chars=False, use_text_flow=False))
    items.blocks = _blocks(words, ref.model_copy(update={"page": page.page_number}))
    return items, len(chars)


def _blocks(words: list[_Item], ref: SourceRef, confidence: dict[int, float] | None = None) -> list[TextBlock]:
    """One text block per printed line segment. `confidence` (OCR) maps id(word) to its own."""
    blocks = []
    for line in _group_lines(words):
        for seg in _split_segments(line):
            text = clean(_join_line(seg))
            if text:
                update: dict[str, Any] = {"bbox": _union(seg)}
                if confidence is not None:
                    update.update(ocr=True, ocr_confidence=round(min(confidence[id(w)] for w in seg), 2))
                blocks.append(TextBlock(text=text, ref=ref.model_copy(update=update).with_label()))
    return blocks


def _read_scanned_page(path: Path, page: Any, ref: SourceRef) -> _PageItems:
    """A page that is a picture: tables and lines from tesseract's words and the rulings drawn
    in the picture, built as from a text layer; every cell and block marked OCR'd."""
    number = page.page_number
    scan: OcrPage = read_pdf_page(path, number - 1)
    words = [_Item(w.text, w.x0, w.x1, w.top, w.bottom) for w in scan.words]
    confidence = {id(item): w.confidence for item, w in zip(words, scan.words)}
    items = _PageItems(number, float(page.height))
    for grid in scan.grids:
        part = _build_part(page, _Grid(grid), words)
        if part is None:
            continue
        part.ocr = True
        for cell in part.cells:
            cell.text = figure_text(cell.text)
            inside = [confidence[id(w)] for w in words if _inside(w, [cell.bbox])]
            cell.ocr_confidence = round(min(inside), 2) if inside else None
        items.parts.append(part)
    items.parts.sort(key=lambda p: (p.bbox[1], p.bbox[0]))
    boxes = [p.bbox for p in items.parts]
    outside = [w for w in words if not _inside(w, boxes)]
    items.blocks = _blocks(outside, ref.model_copy(update={"page": number}), confidence)
    return items


@dataclass
class _Grid:
    """A ruled table found in a page picture, shaped like pdfplumber's table (its cells)."""

    cells: list[BBox]


# --------------------------------------------------------------------------- joining pages


def _is_margin_note(block: TextBlock, height: float, top_zone: bool) -> bool:
    """A running header or a page number, which does not interrupt a table across pages."""
    assert block.ref.bbox is not None
    _, top, _, bottom = block.ref.bbox
    in_zone = bottom <= _MARGIN_ZONE * height if top_zone else top >= (1 - _MARGIN_ZONE) * height
    return in_zone and bool(_PAGE_NUMBER.fullmatch(block.text))


def _compatible(a: Sequence[float], b: Sequence[float]) -> bool:
    """Same outer edges and one part's column boundaries a subset of the other's."""
    if abs(a[0] - b[0]) > _PAGE_TOL or abs(a[-1] - b[-1]) > _PAGE_TOL:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(abs(x - y) <= _PAGE_TOL for y in big) for x in small)


def _continues(prev: _PageItems, nxt: _PageItems) -> bool:
    """Does the first table on `nxt` continue the last table on `prev`?"""
    if not prev.parts or not nxt.parts or nxt.page != prev.page + 1:
        return False
    last, first = prev.parts[-1], nxt.parts[0]
    if last.bbox[3] < _CONT_MIN_BOTTOM * prev.height:
        return False
    below = [b for b in prev.blocks if b.ref.bbox and b.ref.bbox[1] >= last.bbox[3] - 1]
    if any(not _is_margin_note(b, prev.height, top_zone=False) for b in below):
        return False
    above = [b for b in nxt.blocks if b.ref.bbox and b.ref.bbox[3] <= first.bbox[1] + 1]
    if any(not _is_margin_note(b, nxt.height, top_zone=True) for b in above):
        return False
    return _compatible(last.xs, first.xs)


def _regrid(parts: list[_Part]) -> list[float]:
    """Put the parts of one logical table on shared column boundaries."""
    xs = _cluster([x for p in parts for x in p.xs], _PAGE_TOL)
    for p in parts:
        for cell in p.cells:
            cell.cols = _span(cell.bbox[0], cell.bbox[2], xs, _PAGE_TOL)
    return xs


def _drop_repeated_header(head: _Part, part: _Part, n_cols: int) -> int:
    """How many leading rows of a continuation repeat the table's first rows."""
    head_rows = _row_texts(head, n_cols)
    rows = _row_texts(part, n_cols)
    k = 0
    while k < min(len(rows) - 1, len(head_rows)):
        a, b = [fold(t) for t in head_rows[k]], [fold(t) for t in rows[k]]
        if a != b or not any(a):
            break
        k += 1
    return k


def _to_table(parts: list[_Part], index: int, order: int, ref: SourceRef) -> Table:
    xs = _regrid(parts)
    n_cols = len(xs) - 1
    for p in parts[1:]:
        p.drop_rows = _drop_repeated_header(parts[0], p, n_cols)
    grid: list[list[Cell]] = []
    for p in parts:
        n_rows = len(p.ys) - 1 - p.drop_rows
        offset = len(grid) - p.drop_rows  # part row r → logical row offset + r (0-based)
        rows: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
        for cell in p.cells:
            kept = [r for r in cell.rows if r >= p.drop_rows]
            if not kept:
                continue
            origin = (offset + kept[0] + 1, cell.cols[0] + 1)
            merged = len(kept) > 1 or len(cell.cols) > 1
            for r in kept:
                for c in cell.cols:
                    if (r, c) == (kept[0], cell.cols[0]):
                        bbox = cell.bbox  # the origin carries the whole merged box
                    else:
                        bbox = (xs[c], p.ys[r], xs[c + 1], p.ys[r + 1])
                    update: dict[str, Any] = {
                        "page": p.page,
                        "table": index,
                        "row": offset + r + 1,
                        "column": c + 1,
                        "bbox": tuple(round(v, 2) for v in bbox),
                    }
                    if p.ocr:
                        update.update(ocr=True, ocr_confidence=cell.ocr_confidence)
                    cell_ref = ref.model_copy(update=update)
                    rows[r - p.drop_rows][c] = Cell(
                        text=cell.text,
                        ref=cell_ref.with_label(),
                        merged_from=origin if merged else None,
                    )
        for r, row in enumerate(rows):
            for c, cell_or_none in enumerate(row):
                if cell_or_none is None:  # a part narrower than the joined grid: pad, stay rectangular
                    row[c] = Cell(
                        text="",
                        ref=ref.model_copy(
                            update={"page": p.page, "table": index, "row": len(grid) + r + 1, "column": c + 1,
                                    "ocr": p.ocr}
                        ).with_label(),
                    )
        grid.extend(rows)  # type: ignore[arg-type]
    pages = sorted({p.page for p in parts})
    return Table(index=index, rows=grid, pages=pages, order=order)


# --------------------------------------------------------------------------- entry point


def _open(path: Path) -> Any:
    try:
        return pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractionError(path.name, "PDF 已加密（需要密码才能打开），无法提取；请提供未加密的文件",
                              code="pdf.encrypted", category="encrypted") from exc
    except (PdfminerException, PDFSyntaxError) as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError(
                path.name, "PDF 已加密（需要密码才能打开），无法提取；请提供未加密的文件",
                code="pdf.encrypted", category="encrypted",
            ) from exc
        raise ExtractionError(path.name, "PDF 文件已损坏或格式不正确，无法打开", code="pdf.damaged") from exc


def _read_scans(
    path: Path, scanned: list[Any], read: list[tuple[_PageItems, int]], ref: SourceRef, has_text: bool
) -> tuple[list[int], list[int], str | None]:
    """OCR the scanned pages into `read` in place: (pages read, pages left unread, why)."""
    if not scanned:
        return [], [], None
    numbers = [p.page_number for p in scanned]
    problem, code, category = ocr_problem(), "pdf.ocr_unavailable", "unsupported_format"
    cap = limits().ocr_pages
    if problem is None and len(scanned) > cap:
        problem = exceeded("ocr_pages", f"PDF 中有 {len(scanned)} 页是扫描图像", cap)
        code, category = "limit.ocr_pages", "limit"
    if problem is not None:
        if not has_text:
            raise ExtractionError(path.name, f"{NO_TEXT_LAYER}；{problem}", code=code, category=category)
        return [], numbers, problem
    done = []
    for page in scanned:
        items = _read_scanned_page(path, page, ref)
        read[page.page_number - 1] = (items, 0)
        if items.blocks or items.parts:
            done.append(page.page_number)
    if not has_text and not done:
        raise ExtractionError(path.name, OCR_FOUND_NOTHING, code="pdf.ocr_found_nothing")
    return numbers, [], None


def extract_pdf(path: Path, sha256: str) -> Document:
    """Read a PDF with a text layer into the neutral model."""
    path = Path(path)
    ref = SourceRef(file_sha256=sha256, file_name=path.name)
    pdf = _open(path)
    try:
        try:
            pages = list(pdf.pages)
        except (PdfminerException, PDFSyntaxError) as exc:
            raise ExtractionError(path.name, "PDF 文件已损坏或格式不正确，无法读取页面", code="pdf.damaged") from exc
        if not pages:
            raise ExtractionError(path.name, "PDF 没有任何页面", code="pdf.no_pages")
        cap = limits().pdf_pages
        if len(pages) > cap:
            raise limit_error(path.name, "pdf_pages", exceeded("pdf_pages", f"PDF 共 {len(pages)} 页", cap))
        try:
            read = []
            scanned: list[Any] = []  # pages with no text but a picture: scans
            for page in pages:
                items, n_chars = _read_page(page, ref)
                read.append((items, n_chars))
                if n_chars == 0 and page.images:
                    scanned.append(page)
                page.close()  # drop the page's parsed objects: long documents stay small in memory
        except (PdfminerException, PDFSyntaxError) as exc:
            raise ExtractionError(path.name, "PDF 文件已损坏或格式不正确，页面内容无法读取",
                                  code="pdf.damaged") from exc
        has_text = sum(n for _, n in read) > 0
        if not has_text and not scanned:
            raise ExtractionError(path.name, NO_TEXT_LAYER, code="pdf.no_text_layer")
        ocr_pages, unread_scans, ocr_note = _read_scans(path, scanned, read, ref, has_text)
    finally:
        pdf.close()
    page_items = [items for items, _ in read]

    # Mark continuations, then walk pages in reading order giving blocks and tables one counter.
    for prev, nxt in zip(page_items, page_items[1:]):
        if _continues(prev, nxt):
            nxt.parts[0].continues = True
    groups: list[list[_Part]] = []
    orders: list[int] = []
    blocks: list[TextBlock] = []
    order = 0
    for items in page_items:
        entries: list[tuple[float, float, TextBlock | _Part]] = [
            (b.ref.bbox[1], b.ref.bbox[0], b) for b in items.blocks if b.ref.bbox
        ]
        entries += [(p.bbox[1], p.bbox[0], p) for p in items.parts]
        for _, _, entry in sorted(entries, key=lambda e: (e[0], e[1])):
            if isinstance(entry, _Part):
                if entry.continues and groups:
                    groups[-1].append(entry)
                    continue
                order += 1
                groups.append([entry])
                orders.append(order)
            else:
                order += 1
                blocks.append(entry.model_copy(update={"order": order}))
    tables = [_to_table(g, i + 1, orders[i], ref) for i, g in enumerate(groups)]
    return Document(
        path=str(path),
        file_name=path.name,
        file_sha256=sha256,
        format=Format.PDF,
        blocks=blocks,
        tables=tables,
        page_count=len(pages),
        ocr_pages=ocr_pages,
        unread_scanned_pages=unread_scans,
        ocr_note=ocr_note,
    )
