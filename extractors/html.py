"""HTML → neutral `Document`.

Government portals publish monitoring tables as web pages (often saved from Word or Excel),
wrapped in navigation bars, footers and layout tables. This reader keeps what a reader of the
page sees: text blocks and data tables in document order, sharing one `order` counter.

Decisions:

- Encoding: a byte-order mark wins; then the `<meta charset>` / `http-equiv` content type (or an
  XML declaration), where GB2312 and GBK are read as GB18030, their superset (pages declared
  GB2312 routinely contain GBK-only characters such as 镕). Bytes that are valid UTF-8 are read as
  UTF-8 even when the page declares something else: re-saving an old page as UTF-8 without
  fixing its `<meta>` is a common portal mistake, and GBK text is practically never valid UTF-8.
  charset-normalizer decides when nothing is declared or the declaration does not decode.
- Layout tables: a table that contains another table is layout; its own text becomes text
  blocks (each cell a block boundary) and its inner tables are read in place. A table with a
  single cell is a framed box of text, not data, and is read as text too. Tables with no text
  at all (spacers) give nothing.
- Not read: `<head>` (the tab title is not on the page), scripts, styles, `<noscript>`,
  `<template>`, `<select>` menus, comments, and anything hidden with the `hidden` attribute or
  an inline `display:none` / `visibility:hidden`.
- Text: a line break in the source between two wide (CJK) characters is dropped, as CSS
  segment-break rules do (Word-exported HTML wraps Chinese text mid-word); other whitespace
  runs collapse to one space (`textnorm.text.clean`: `&nbsp;` and U+3000 too). Outside
  tables every block element, every element styled inline as a box of its own (`float`,
  `display:block`, absolute position) and `<br>` ends a text block. Inside a cell the lines (`<p>`,
  `<div>`, `<br>`) are joined with no separator between two wide characters and with one space
  otherwise, as the Word reader does.
- Tables: rows are taken in rendering order (`<thead>` rows, then body rows in source order,
  then `<tfoot>`); `rowspan`/`colspan` are resolved into a rectangular grid where every covered
  cell repeats the origin's text and has `merged_from`; `rowspan="0"` and spans running past
  the end of their row group stop at the group's end, as in browsers. A `<caption>` becomes a
  text block just before its table. Refs carry table, row and column; HTML has no pages.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from extractors.grid import Grid, grid_cells
from textnorm.text import join_lines, tidy_breaks
from schemas.document import Document, Format, Table, TextBlock
from schemas.provenance import SourceRef

# ---------------------------------------------------------------------------------------------
# Encoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.+\-]+)["']""", re.I)
_GB_LABELS = {
    "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312", "gb_2312-80",
    "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "euc-cn", "x-euc-cn", "gb18030",
}
_PRESCAN = 16 * 1024


def _canonical(label: str) -> str | None:
    """A Python codec name for an encoding label, or None if unknown."""
    label = label.strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return "utf-8"  # an ASCII-compatible page cannot be UTF-16; browsers read it as UTF-8
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"  # the WHATWG mapping browsers use
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> str | None:
    head = data[:_PRESCAN]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m:
            enc = _canonical(m.group(1).decode("ascii", "replace"))
            if enc:
                return enc
    return None


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was read with."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    declared = declared_encoding(data)
    if declared != "utf-8" and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = _canonical(best.encoding) or best.encoding
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    # Last resort for a Chinese portal page: GB18030 maps every byte sequence it can.
    return data.decode("gb18030", errors="replace"), "gb18030"


# ---------------------------------------------------------------------------------------------
# Text

# ---------------------------------------------------------------------------------------------
# Walking the tree

_SKIP = {
    "head", "title", "meta", "link", "script", "style", "noscript", "template", "select",
    "option", "object", "embed", "iframe", "svg", "math", "canvas", "input", "button", "textarea",
}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Inline elements laid out as boxes of their own: `填报单位：…<span style="float:right">单位：万元</span>`.
_BOX_STYLE = re.compile(
    r"float\s*:\s*(left|right)|display\s*:\s*(block|flex|grid|table|list-item)|position\s*:\s*(absolute|fixed)", re.I
)


def _hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(str(style)))


def _is_text(node) -> bool:
    # Comments, doctypes, processing instructions and script/style strings are subclasses.
    return type(node) is NavigableString or type(node) is CData


class _Lines:
    """Collects the lines of a subtree; `brk()` ends the current line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._buf: list[str] = []

    def text(self, s: str) -> None:
        self._buf.append(s)

    def brk(self) -> None:
        if self._buf:
            line = tidy_breaks("".join(self._buf))
            self._buf = []
            if line:
                self.emit(line)

    def emit(self, line: str) -> None:
        self.lines.append(line)

    def table(self, tag: Tag) -> None:  # a table inside a cell only occurs in layout tables
        walk(tag, self)


def walk(node: Tag, sink: _Lines) -> None:
    for child in node.children:
        if _is_text(child):
            sink.text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _SKIP or _hidden(child):
            continue
        if name == "br":
            sink.brk()
            continue
        if name == "table":
            sink.brk()
            sink.table(child)
            sink.brk()
            continue
        block = name in _BLOCK or bool(_BOX_STYLE.search(str(child.get("style") or "")))
        if block:
            sink.brk()
        walk(child, sink)
        if block:
            sink.brk()


def cell_text(tag: Tag) -> str:
    lines = _Lines()
    walk(tag, lines)
    lines.brk()
    return join_lines(lines.lines)


# ---------------------------------------------------------------------------------------------
# Tables


def _span(tag: Tag, attr: str, default: int, limit: int) -> int:
    m = re.match(r"\s*(\d+)", str(tag.get(attr) or ""))
    if not m:
        return default
    return min(int(m.group(1)), limit)


def _owner(tr: Tag, table: Tag) -> Tag | None:
    """The section (thead/tbody/tfoot) of `tr` directly under `table`, or None for a bare row."""
    node = tr.parent
    while node is not None and node is not table:
        if node.name in ("thead", "tbody", "tfoot") and node.parent is table:
            return node
        node = node.parent
    return None


def _row_groups(table: Tag) -> list[list[Tag]]:
    """Rows in rendering order, grouped by row group (spans stop at the group's end)."""
    heads: list[list[Tag]] = []
    bodies: list[list[Tag]] = []
    foots: list[list[Tag]] = []
    groups: dict[object, list[Tag]] = {}
    bare_run, prev_bare = 0, False
    for tr in table.find_all("tr"):
        section = _owner(tr, table)
        if _hidden(tr) or (section is not None and _hidden(section)):
            continue
        if section is None:  # each run of rows outside any section is an implicit tbody
            bare_run += 0 if prev_bare else 1
            key: object = ("bare", bare_run)
        else:
            key = id(section)
        prev_bare = section is None
        if key not in groups:
            groups[key] = []
            kind = section.name if section is not None else "tbody"
            {"thead": heads, "tfoot": foots}.get(kind, bodies).append(groups[key])
        groups[key].append(tr)
    return heads + bodies + foots


def resolve(table: Tag) -> Grid:
    occupied: dict[tuple[int, int], tuple[int, int]] = {}
    text: dict[tuple[int, int], str] = {}
    r = 0
    for group in _row_groups(table):
        end = r + len(group)
        for tr in group:
            c = 0
            for td in tr.find_all(["td", "th"], recursive=False):
                if _hidden(td):
                    continue
                while (r, c) in occupied:
                    c += 1
                rowspan = _span(td, "rowspan", 1, 65534)
                rowspan = end - r if rowspan == 0 else min(rowspan, end - r)
                colspan = max(_span(td, "colspan", 1, 1000), 1)
                origin = (r, c)
                text[origin] = cell_text(td)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        occupied.setdefault((r + dr, c + dc), origin)  # overlaps: first wins
                c += colspan
            r += 1
    n_rows = r
    n_cols = max((col + 1 for _, col in occupied), default=0)
    slots = [[occupied.get((i, j)) for j in range(n_cols)] for i in range(n_rows)]
    return Grid(slots, text)


# ---------------------------------------------------------------------------------------------
# Document


class _DocumentSink(_Lines):
    """Turns the walk into an ordered list of text blocks and data tables."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, object]] = []  # ("block", str) | ("table", Grid)

    def emit(self, line: str) -> None:
        self.items.append(("block", line))

    def table(self, tag: Tag) -> None:
        if tag.find("table") is not None:  # layout: its text as blocks, inner tables in place
            walk(tag, self)
            return
        grid = resolve(tag)
        if len(grid.text) <= 1 or not any(grid.text.values()):
            walk(tag, self)  # a framed box of text, or an empty spacer
            return
        for caption in tag.find_all("caption", recursive=False):
            if not _hidden(caption):
                walk(caption, self)
                self.brk()
        self.items.append(("table", grid))


def extract_html(path: Path, sha256: str) -> Document:
    """Read an HTML page into the neutral model (text blocks and data tables in reading order)."""
    path = Path(path)
    text, _encoding = decode_html(path.read_bytes())
    soup = BeautifulSoup(text, "lxml")

    sink = _DocumentSink()
    walk(soup, sink)
    sink.brk()

    def ref(**kw) -> SourceRef:
        return SourceRef(file_sha256=sha256, file_name=path.name, **kw).with_label()

    doc = Document(path=str(path), file_name=path.name, file_sha256=sha256, format=Format.HTML)
    for order, (kind, payload) in enumerate(sink.items, start=1):
        if kind == "block":
            label = f"第{len(doc.blocks) + 1}段"
            doc.blocks.append(TextBlock(text=payload, order=order, ref=ref(label=label)))
        else:
            index = len(doc.tables) + 1
            doc.tables.append(Table(index=index, order=order, rows=grid_cells(payload, index, ref)))
    return doc
