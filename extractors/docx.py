"""Word (.docx) → neutral `Document`.

The body is read from its XML in document order, so paragraphs and tables interleave as the
reader sees them and share one `order` counter.

Decisions:

- Tracked changes are read as if accepted: deleted text (`w:delText`) and rows marked deleted
  are left out, inserted text is kept. Field codes (`w:instrText`) and ruby annotations are
  left out; field results are kept. Headers and footers are not read.
- Text boxes: their paragraphs become text blocks right after the paragraph that anchors them
  (inside a table cell they are appended to the cell text). `mc:AlternateContent` is read once
  (its first choice), so a text box is not read twice via its VML fallback.
- Joining lines: the paragraphs of a cell and the manual line breaks of a paragraph are joined
  with no separator when both sides of the join are wide (CJK) characters — a label wrapped as
  `1-6月` / `执行数` reads `1-6月执行数` — and with one space otherwise. The result is cleaned
  with `textnorm.text.clean` (nbsp and ideographic spaces collapse, full-width characters stay).
- Nested tables are flattened into their parent cell: each nested row becomes its cells' texts
  separated by spaces, rows separated by spaces.
- Merged cells are resolved from `w:gridSpan`, `w:vMerge`, legacy `w:hMerge` and the row's
  `w:gridBefore`/`w:gridAfter`, so columns line up even when rows have different cell counts.
- Pages: `SourceRef.page` is left unset. Word stores no layout; explicit breaks
  (`w:br w:type="page"`, page-break-before, section breaks) only give a lower bound because
  content that overflows a page starts a new one without any mark, and Word's own
  `w:lastRenderedPageBreak` marks are known to be missing or misplaced (notably in tables).
  A wrong page number would send the reader to the wrong place; table/row/column already
  locate every cell.
- A table split in two (e.g. by a page break) is merged back into one `Table` when the two are
  consecutive body tables with only empty paragraphs, page/section breaks or a bare “续表”
  between them, the same number of columns and compatible column widths, and either the second
  repeats the first's leading header row(s) (which are dropped) or a page break separates them.
  Anything else, notably real text between them, keeps them separate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from extractors.errors import ExtractionError
from extractors.grid import Grid, grid_cells
from textnorm.text import clean, fold, is_wide
from schemas.document import Document, Format, Table, TextBlock
from schemas.provenance import SourceRef

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{_W_NS}}}{name}"


W_BODY, W_P, W_TBL, W_TR, W_TC = _w("body"), _w("p"), _w("tbl"), _w("tr"), _w("tc")
W_T, W_TAB, W_PTAB, W_BR, W_CR = _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NOBREAK_HYPHEN = _w("noBreakHyphen")
W_PPR, W_RPR, W_TCPR, W_TRPR, W_TBLPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr"), _w("tblPr")
W_TBLGRID, W_GRIDCOL = _w("tblGrid"), _w("gridCol")
W_GRIDSPAN, W_VMERGE, W_HMERGE = _w("gridSpan"), _w("vMerge"), _w("hMerge")
W_GRIDBEFORE, W_GRIDAFTER = _w("gridBefore"), _w("gridAfter")
W_SECTPR, W_PAGEBREAKBEFORE = _w("sectPr"), _w("pageBreakBefore")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = _w("sdt"), _w("sdtContent"), _w("customXml")
W_TXBXCONTENT, W_RT, W_DEL, W_ALTCHUNK = _w("txbxContent"), _w("rt"), _w("del"), _w("altChunk")
W_VAL, W_TYPE, W_W = _w("val"), _w("type"), _w("w")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (
    f"{{{_MC_NS}}}AlternateContent",
    f"{{{_MC_NS}}}Choice",
    f"{{{_MC_NS}}}Fallback",
)

# Subtrees that hold no visible text of the paragraph itself.
_SKIP = {W_PPR, W_RPR, W_RT, W_SECTPR}
_OFF = {"0", "false", "off"}
_CONTINUATION = re.compile(r"^\(?续(上)?表?\d*\)?$")  # “续表”, “（续表）”, “续上表”, “续表1”


# ---------------------------------------------------------------------------------------------
# Text


@dataclass
class _Seg:
    """A piece of text to join; `tight` pieces may join without a space across CJK boundaries."""

    text: str
    tight: bool = True


def _join(segs: list[_Seg]) -> str:
    out = ""
    prev: _Seg | None = None
    for seg in segs:
        text = clean(seg.text)
        if not text:
            continue
        if prev is None:
            out = text
        elif prev.tight and seg.tight and is_wide(out[-1]) and is_wide(text[0]):
            out += text
        else:
            out += " " + text
        prev = _Seg(text, seg.tight)
    return out


def _on(el: etree._Element | None) -> bool:
    """A toggle property: present and not switched off."""
    return el is not None and el.get(W_VAL, "true").lower() not in _OFF


def _int_val(parent: etree._Element | None, tag: str, default: int) -> int:
    if parent is None:
        return default
    el = parent.find(tag)
    if el is None:
        return default
    try:
        return max(int(el.get(W_VAL, default)), 0)
    except ValueError:
        return default


def _unwrap(parent: etree._Element):
    """Children of a block container, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _unwrap(content)
        elif child.tag == W_CUSTOMXML:
            yield from _unwrap(child)
        else:
            yield child


@dataclass
class _Para:
    lines: list[str] = field(default_factory=lambda: [""])
    textboxes: list[etree._Element] = field(default_factory=list)
    page_break: bool = False

    @property
    def text(self) -> str:
        return _join([_Seg(line) for line in self.lines])


def _read_paragraph(p: etree._Element) -> _Para:
    para = _Para()
    ppr = p.find(W_PPR)
    if ppr is not None and (_on(ppr.find(W_PAGEBREAKBEFORE)) or ppr.find(W_SECTPR) is not None):
        para.page_break = True

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue  # comments, processing instructions, properties
            if tag == W_T:
                para.lines[-1] += child.text or ""
            elif tag in (W_TAB, W_PTAB):
                para.lines[-1] += "\t"
            elif tag == W_BR:
                if child.get(W_TYPE) == "page":
                    para.page_break = True
                para.lines.append("")
            elif tag == W_CR:
                para.lines.append("")
            elif tag == W_NOBREAK_HYPHEN:
                para.lines[-1] += "-"
            elif tag == W_TXBXCONTENT:
                para.textboxes.append(child)
            elif tag == MC_ALTERNATE:
                # Read one alternative only, or a text box would be read twice (DrawingML + VML).
                # (lxml elements without children are falsy, hence the explicit None tests.)
                alt = child.find(MC_CHOICE)
                if alt is None:
                    alt = child.find(MC_FALLBACK)
                if alt is not None:
                    walk(alt)
            else:
                walk(child)

    walk(p)
    return para


def _container_segs(container: etree._Element) -> list[_Seg]:
    """Text of a cell or text box: its paragraphs, text boxes and nested tables, in order."""
    segs: list[_Seg] = []
    for child in _unwrap(container):
        if child.tag == W_P:
            para = _read_paragraph(child)
            segs.append(_Seg(para.text))
            for box in para.textboxes:
                segs.extend(_Seg(s.text, tight=False) for s in _container_segs(box))
        elif child.tag == W_TBL:
            grid = _resolve(_live_rows(child))
            for r in range(len(grid.slots)):
                texts = []
                seen: set[tuple[int, int]] = set()
                for origin in grid.slots[r]:
                    if origin is not None and origin not in seen:
                        seen.add(origin)
                        texts.append(grid.text[origin])
                segs.append(_Seg(" ".join(t for t in texts if t), tight=False))
    return segs


# ---------------------------------------------------------------------------------------------
# Tables


def _live_rows(tbl: etree._Element) -> list[etree._Element]:
    """The table's rows, without rows deleted as a tracked change."""
    rows = []
    for tr in _unwrap(tbl):
        if tr.tag != W_TR:
            continue
        trpr = tr.find(W_TRPR)
        if trpr is not None and trpr.find(W_DEL) is not None:
            continue
        rows.append(tr)
    return rows


def _resolve(rows: list[etree._Element]) -> Grid:
    slots: list[list[tuple[int, int] | None]] = []
    text: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(rows):
        trpr = tr.find(W_TRPR)
        col = _int_val(trpr, W_GRIDBEFORE, 0)
        row: list[tuple[int, int] | None] = [None] * col
        above = slots[r - 1] if r > 0 else []
        for tc in _unwrap(tr):
            if tc.tag != W_TC:
                continue
            tcpr = tc.find(W_TCPR)
            span = max(_int_val(tcpr, W_GRIDSPAN, 1), 1)
            vmerge = tcpr.find(W_VMERGE) if tcpr is not None else None
            hmerge = tcpr.find(W_HMERGE) if tcpr is not None else None
            origin: tuple[int, int] | None = None
            if hmerge is not None and hmerge.get(W_VAL) != "restart" and row and row[-1] is not None:
                origin = row[-1]  # legacy horizontal merge: continues the cell to its left
            elif vmerge is not None and vmerge.get(W_VAL) != "restart":
                if col < len(above) and above[col] is not None:
                    origin = above[col]  # vertical merge: continues the cell above
            if origin is None:  # a cell of its own (or a merge continuation with nothing to continue)
                origin = (r, col)
                text[origin] = _join(_container_segs(tc))
            row.extend([origin] * span)
            col += span
        row.extend([None] * _int_val(trpr, W_GRIDAFTER, 0))
        slots.append(row)
    width = max((len(r) for r in slots), default=0)
    for row in slots:
        row.extend([None] * (width - len(row)))
    return Grid(slots, text)


def _grid_widths(tbl: etree._Element) -> list[int] | None:
    grid = tbl.find(W_TBLGRID)
    if grid is None:
        return None
    try:
        return [int(gc.get(W_W)) for gc in grid.findall(W_GRIDCOL)]
    except (TypeError, ValueError):
        return None


@dataclass
class _TablePart:
    element: etree._Element
    rows: list[etree._Element]
    grid: Grid
    widths: list[int] | None


def _widths_match(a: _TablePart, b: _TablePart, n_cols: int) -> bool:
    """Column widths agree within 5 % (unknown or inconsistent widths do not block a merge)."""
    if not a.widths or not b.widths or len(a.widths) != n_cols or len(b.widths) != n_cols:
        return True
    return all(abs(x - y) <= 0.05 * max(x, y) + 15 for x, y in zip(a.widths, b.widths))


def _repeated_header(first: _TablePart, nxt: _TablePart) -> int:
    """How many leading rows of `nxt` repeat the leading rows of `first` (0 if none)."""
    k = 0
    limit = min(len(first.grid.slots) - 1, len(nxt.grid.slots))
    while k < limit:
        a = [fold(t) for t in first.grid.row_texts(k)]
        if not any(a) or a != [fold(t) for t in nxt.grid.row_texts(k)]:
            break
        k += 1
    return k


def _continuation(first: _TablePart, nxt: _TablePart, page_break: bool) -> int | None:
    """Header rows to drop if `nxt` continues `first`'s logical table, else None."""
    n_cols = first.grid.n_cols
    if n_cols == 0 or nxt.grid.n_cols != n_cols or not _widths_match(first, nxt, n_cols):
        return None
    k = _repeated_header(first, nxt)
    if k:
        return k
    return 0 if page_break else None


# ---------------------------------------------------------------------------------------------
# Document


def _open_body(path: Path) -> etree._Element:
    try:
        part = Package.open(str(path)).main_document_part
    except KeyError as exc:
        raise ExtractionError(path.name, "Word 文档缺少主文档部件（找不到 word/document.xml 的引用）",
                              code="docx.damaged") from exc
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(path.name, f"Word 文档内部的 XML 已损坏，无法解析（{exc}）", code="docx.damaged") from exc
    # .docm/.dotx/.dotm main parts are not typed by python-docx; their XML is the same.
    root = getattr(part, "element", None)
    if root is None:
        try:
            root = parse_xml(part.blob)
        except etree.XMLSyntaxError as exc:
            raise ExtractionError(path.name, f"Word 文档正文的 XML 已损坏，无法解析（{exc}）",
                                  code="docx.damaged") from exc
    if isinstance(root.tag, str) and root.tag.startswith(f"{{{_W_STRICT_NS}}}"):
        raise ExtractionError(
            path.name, "Word 文档为“严格 Open XML”（Strict）格式，暂不支持，请在 Word 中另存为普通 .docx 后重新提交",
            code="docx.strict", category="unsupported_format",
        )
    body = root.find(W_BODY)
    if body is None:
        raise ExtractionError(path.name, "Word 文档没有正文（document.xml 中缺少 w:body 元素）", code="docx.no_body")
    if body.find(f".//{W_ALTCHUNK}") is not None:
        raise ExtractionError(
            path.name,
            "Word 文档的正文嵌入了外部内容（altChunk，常见于系统导出的文档），无法直接读取，"
            "请在 Word 中打开并另存为 .docx 后重新提交",
            code="docx.altchunk", category="unsupported_format",
        )
    return body


@dataclass
class _Block:
    text: str


@dataclass
class _Break:
    pass


def _events(body: etree._Element) -> list[_Block | _Break | _TablePart]:
    events: list[_Block | _Break | _TablePart] = []
    for child in _unwrap(body):
        if child.tag == W_P:
            para = _read_paragraph(child)
            if para.text:
                events.append(_Block(para.text))
            for box in para.textboxes:
                events.extend(_Block(clean(s.text)) for s in _container_segs(box) if clean(s.text))
            if para.page_break:
                events.append(_Break())
        elif child.tag == W_TBL:
            rows = _live_rows(child)
            if rows:
                events.append(_TablePart(child, rows, _resolve(rows), _grid_widths(child)))
    return events


def extract_docx(path: Path, sha256: str) -> Document:
    """Read a .docx file into the neutral model (text blocks and tables in reading order)."""
    path = Path(path)
    body = _open_body(path)

    def ref(**kw) -> SourceRef:
        return SourceRef(file_sha256=sha256, file_name=path.name, **kw).with_label()

    # Group table parts into logical tables: (order, parts as (part, header rows dropped)).
    items: list[tuple[str, int, object]] = []
    order = 0
    current: list[tuple[_TablePart, int]] | None = None  # the open logical table
    page_break = False
    for ev in _events(body):
        if isinstance(ev, _Break):
            page_break = True
            continue
        if isinstance(ev, _Block):
            order += 1
            items.append(("block", order, ev.text))
            if current is not None and not _CONTINUATION.match(fold(ev.text)):
                current = None  # real text ends the logical table
            continue
        drop = _continuation(current[0][0], ev, page_break) if current is not None else None
        if current is not None and drop is not None:
            current.append((ev, drop))
        else:
            order += 1
            current = [(ev, 0)]
            items.append(("table", order, current))
        page_break = False

    doc = Document(path=str(path), file_name=path.name, file_sha256=sha256, format=Format.DOCX)
    for kind, item_order, payload in items:
        if kind == "block":
            doc.blocks.append(
                TextBlock(text=payload, order=item_order, ref=ref(label=f"第{len(doc.blocks) + 1}段"))
            )
            continue
        rows: list[etree._Element] = []
        for part, drop in payload:  # type: ignore[union-attr]
            rows.extend(part.rows[drop:])
        index = len(doc.tables) + 1
        doc.tables.append(Table(index=index, order=item_order, rows=grid_cells(_resolve(rows), index, ref)))
    return doc


