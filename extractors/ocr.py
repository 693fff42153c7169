"""Scanned pages → words with boxes and ruled grids, with tesseract's Chinese model (chi_sim).

A scanned PDF has pictures of pages and no text layer. This module renders such a page with
pypdfium2, finds the table rulings in the picture (long dark runs of pixels), paints them out so
tesseract does not read them as 一 or |, runs tesseract once per page (TSV: every word with its
box and confidence) and returns both in PDF points. `extractors/pdf.py` builds tables and text
blocks from them exactly as from a text layer, and marks every value read this way as OCR'd.

tesseract is a program, not a Python package (Debian: tesseract-ocr, tesseract-ocr-chi-sim); when
it or its Chinese data is missing, `ocr_problem()` says so and names the remedy.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

BBox = tuple[float, float, float, float]

DPI = 300  # tesseract reads Chinese best at about 300 dpi
# chi_sim alone: with eng beside it tesseract reads Chinese words as Latin ("合计" → "ait").
LANGUAGES = "chi_sim"
# One block of uniform text (6): a table's rows read as lines; sparse text (11) loses the context
# that tells 执行率 from look-alikes.
PAGE_SEGMENTATION = "6"
# Marks tesseract sees in the gaps between columns, where ruling lines were painted out. Never
# read: a scanned table loses its real quotation marks, which no check depends on.
_BLACKLIST = "\"“”|丨"
_STRAY = set("\"“”'‘’|丨")
# Look-alikes inside figures: "1 164.62" (a comma read as a gap) is 1,164.62, and chi_sim reads ≥
# as 亏 or 之 in front of a figure. Only these; anything else stays as read: a figure misread
# ("96o%" for 96%) must fail to parse and be reported, not be guessed into another number.
_IN_FIGURE = [
    (re.compile(r"^(\d{1,3}) (\d{3}(?:[.,]\d+)?)$"), r"\1,\2"),
    (re.compile(r"^[亏之](?=\s*\d)"), "≥"),
    (re.compile(r"^(\d{1,3})\.(\d{3})\.(\d{1,2})$"), r"\1,\2.\3"),  # 2.940.05: a comma read as a point
    (re.compile(r"^(\d{1,3})\.(\d{3})\.(\d{3})\.(\d{1,2})$"), r"\1,\2,\3.\4"),
    (re.compile(r"^[。，、]+(?=\S)"), ""),  # specks before a cell's text
    (re.compile(r"^(\d+)\s*[，。、]$"), r"\1"),  # and after a code
]
_DARK = 160  # grey level below which a pixel is ink
_MIN_H_LINE_PT = 20.0  # a horizontal ruling is at least this long; a stroke of 一 is shorter
_MIN_V_LINE_PT = 12.0  # a vertical ruling spans a row at least; a glyph's stroke is shorter
_MAX_LINE_PT = 2.5  # rulings are thin; thicker dark bands are pictures or bold text
_JOIN_PX = 4  # line pieces this close (pixels) are one line
_COVER = 0.6  # a grid edge exists when a ruling covers this share of it
_SECONDS_PER_PAGE = 120
_MAX_CELL_PASSES = 40  # cells read one at a time, per page (each is a tesseract start, ~0.3 s)
_MAX_TEXT_PT = 72.0
_MIN_CELL_INK = 40  # dark pixels: less is a speck, not a word  # tesseract on one page; a page that takes longer is abandoned

NO_TESSERACT = ("本机未安装文字识别程序 tesseract（或其中文数据 chi_sim），扫描件无法识别；"
                "请安装 tesseract-ocr 与 tesseract-ocr-chi-sim（Debian/Ubuntu：apt-get install "
                "tesseract-ocr tesseract-ocr-chi-sim），或提供可复制文字的 PDF、原始 Word/Excel 文件")


@dataclass(frozen=True)
class OcrWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # tesseract's, 0–1


@dataclass
class OcrPage:
    words: list[OcrWord]
    grids: list[list[BBox]]  # each ruled table as its cells' boxes, in PDF points


@lru_cache(maxsize=1)
def ocr_problem() -> str | None:
    """None when tesseract with chi_sim can be used, otherwise the Chinese reason and remedy."""
    exe = shutil.which("tesseract")
    if exe is None:
        return NO_TESSERACT
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return NO_TESSERACT
    langs = set((out.stdout + out.stderr).split())
    return None if "chi_sim" in langs else NO_TESSERACT


# --------------------------------------------------------------------------- rulings


@dataclass
class _Line:
    pos: float  # y of a horizontal line, x of a vertical one (pixels, centre)
    lo: float  # start along the line
    hi: float  # end along the line


def _runs(row: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    """Start and end (exclusive) of every run of True at least `min_len` long."""
    padded = np.concatenate(([False], row, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = edges[0::2], edges[1::2]
    keep = ends - starts >= min_len
    return list(zip(starts[keep].tolist(), ends[keep].tolist()))


def _lines(ink: np.ndarray, min_len: int, max_thick: int) -> list[_Line]:
    """Rulings along axis 1 of `ink` (rows of pixels): runs at least `min_len` long, joined
    across the few adjacent rows a ruling is thick."""
    candidates = np.flatnonzero(ink.sum(axis=1) >= min_len)
    open_: list[list[float]] = []  # [first row, last row, lo, hi]
    done: list[list[float]] = []
    for y in candidates.tolist():
        for lo, hi in _runs(ink[y], min_len):
            for piece in open_:
                if y - piece[1] <= 1 and lo < piece[3] and hi > piece[2]:
                    piece[1] = y
                    piece[2], piece[3] = min(piece[2], lo), max(piece[3], hi)
                    break
            else:
                open_.append([y, y, lo, hi])
        still = []
        for piece in open_:
            (still if y - piece[1] <= 1 else done).append(piece)
        open_ = still
    done.extend(open_)
    return [_Line((a + b) / 2, lo, hi) for a, b, lo, hi in done if b - a + 1 <= max_thick]


def _merge(lines: list[_Line]) -> list[_Line]:
    """Pieces of one ruling (broken by a faint scan) into one line."""
    out: list[_Line] = []
    for ln in sorted(lines, key=lambda l: (round(l.pos / _JOIN_PX), l.lo)):
        prev = out[-1] if out else None
        if prev and abs(prev.pos - ln.pos) <= _JOIN_PX and ln.lo <= prev.hi + _JOIN_PX:
            prev.hi = max(prev.hi, ln.hi)
        else:
            out.append(_Line(ln.pos, ln.lo, ln.hi))
    return out


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _covered(lines: list[_Line], pos: float, lo: float, hi: float, tol: float) -> bool:
    """Is the edge at `pos` from `lo` to `hi` drawn, for the most part?"""
    span = hi - lo
    covered = sum(max(0.0, min(hi, l.hi) - max(lo, l.lo)) for l in lines if abs(l.pos - pos) <= tol)
    return span <= 0 or covered >= _COVER * span


def _grids(hs: list[_Line], vs: list[_Line], tol: float) -> tuple[list[list[BBox]], list[_Line], list[_Line]]:
    """Ruled tables as cell boxes (pixels), and the rulings they are made of: rulings that cross
    form one table; a grid slot whose edge is not drawn is merged with its neighbour. A line that
    crosses nothing (an underscore to write on, the stroke of a large 一) is not a ruling."""
    # Tables: connected groups of crossing rulings.
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.lo - tol <= v.pos <= h.hi + tol and v.lo - tol <= h.pos <= v.hi + tol:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[_Line], list[_Line]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    tables: list[list[BBox]] = []
    used_h: list[_Line] = []
    used_v: list[_Line] = []
    for gh, gv in groups.values():
        ys, xs = _cluster([h.pos for h in gh], tol), _cluster([v.pos for v in gv], tol)
        if len(ys) < 2 or len(xs) < 2 or (len(ys) == 2 and len(xs) == 2):
            continue  # a lone box (a framed title or stamp), not a table
        used_h.extend(gh)
        used_v.extend(gv)
        rows, cols = len(ys) - 1, len(xs) - 1
        slot = list(range(rows * cols))

        def root(i: int) -> int:
            while slot[i] != i:
                slot[i] = slot[slot[i]]
                i = slot[i]
            return i

        for r in range(rows):
            for c in range(cols):
                if c + 1 < cols and not _covered(gv, xs[c + 1], ys[r], ys[r + 1], tol):
                    slot[root(r * cols + c + 1)] = root(r * cols + c)
                if r + 1 < rows and not _covered(gh, ys[r + 1], xs[c], xs[c + 1], tol):
                    slot[root((r + 1) * cols + c)] = root(r * cols + c)
        cells: dict[int, list[float]] = {}
        for r in range(rows):
            for c in range(cols):
                box = cells.setdefault(root(r * cols + c), [xs[c], ys[r], xs[c + 1], ys[r + 1]])
                box[0], box[1] = min(box[0], xs[c]), min(box[1], ys[r])
                box[2], box[3] = max(box[2], xs[c + 1]), max(box[3], ys[r + 1])
        tables.append([(b[0], b[1], b[2], b[3]) for b in cells.values()])
    return tables, used_h, used_v


# --------------------------------------------------------------------------- tesseract


def _tesseract_words(image: Any, timeout: float, segmentation: str = PAGE_SEGMENTATION,
                     ) -> list[tuple[str, int, int, int, int, float]]:
    """(text, left, top, width, height, confidence 0–100) of every word tesseract reads."""
    exe = shutil.which("tesseract")
    assert exe is not None
    with tempfile.TemporaryDirectory(prefix="jixiao-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per document: documents run in parallel
        out = subprocess.run(
            [exe, str(png), "stdout", "-l", LANGUAGES, "--dpi", str(DPI), "--psm", segmentation,
             "-c", f"tessedit_char_blacklist={_BLACKLIST}", "tsv"],
            capture_output=True, timeout=timeout, env=env, check=True,
        )
    words = []
    rows = csv.reader(io.StringIO(out.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(rows, None)
    line = (0, 0)  # top and height of the printed line tesseract is in
    for row in rows:
        if len(row) >= 12 and row[0] == "4":
            line = (int(row[7]), int(row[9]))
        if len(row) < 12 or row[0] != "5" or not row[11].strip():
            continue
        text, conf = row[11].strip(), float(row[10])
        if set(text) <= _STRAY and conf < 60:
            continue
        # A word's own box is as tall as its glyphs: 一 is a few pixels, and spacing measured in
        # its height would split 一般 into "一 般". The line's height is the text's size.
        top, height = int(row[7]), int(row[9])
        if line[1] and line[0] <= top + height / 2 <= line[0] + line[1]:
            top, height = line
        words.append((text, int(row[6]), top, int(row[8]), height, conf))
    return words


def figure_text(text: str) -> str:
    """A cell's OCR text with the look-alikes of figures put right (see `_IN_FIGURE`)."""
    for pattern, replacement in _IN_FIGURE:
        text = pattern.sub(replacement, text)
    return text


def _missed_cells(clean: np.ndarray, grids: list[list[BBox]], found: list, timeout: float) -> list:
    """Words of cells that hold ink but got no word from the page pass, read one cell at a time.

    Read as one block, a page can lose a short label alone in a large merged cell (项目 over four
    columns of a 收入决算表), and without it the header is not recognised.
    """
    from PIL import Image

    centres = [(left + width / 2, top + height / 2) for _, left, top, width, height, _ in found]
    extra: list = []
    tried = 0
    for grid in grids:
        for x0, top, x1, bottom in grid:
            if tried >= _MAX_CELL_PASSES:
                return extra
            if any(x0 <= cx <= x1 and top <= cy <= bottom for cx, cy in centres):
                continue
            box = clean[int(top) + 2: int(bottom) - 1, int(x0) + 2: int(x1) - 1]
            if box.size == 0 or (box < _DARK).sum() < _MIN_CELL_INK:
                continue
            tried += 1
            margin = 20  # tesseract wants white around the text
            crop = np.pad(box, margin, constant_values=255)
            for text, left, wtop, width, height, conf in _tesseract_words(Image.fromarray(crop), timeout, "7"):
                extra.append((text, left - margin + int(x0) + 2, wtop - margin + int(top) + 2, width, height, conf))
    return extra


def read_image(image: Any, timeout: float = _SECONDS_PER_PAGE) -> OcrPage:
    """Read one page image rendered at `DPI`: words and ruled grids, in PDF points."""
    scale = DPI / 72
    grey = image.convert("L")
    ink = np.asarray(grey) < _DARK
    tol = _JOIN_PX * 2
    thick = max(2, round(_MAX_LINE_PT * scale))
    hs = _merge(_lines(ink, round(_MIN_H_LINE_PT * scale), thick))
    vs = _merge(_lines(ink.T, round(_MIN_V_LINE_PT * scale), thick))
    grids, hs, vs = _grids(hs, vs, tol)
    # Paint the rulings out: tesseract would read a ruling as 一, |, or a row of dashes.
    clean = np.asarray(grey).copy()
    pad = thick // 2 + 2
    for h in hs:
        clean[max(0, int(h.pos) - pad): int(h.pos) + pad + 1, int(h.lo): int(h.hi) + 1] = 255
    for v in vs:
        clean[int(v.lo): int(v.hi) + 1, max(0, int(v.pos) - pad): int(v.pos) + pad + 1] = 255
    from PIL import Image  # Pillow comes with pdfplumber and pypdfium2

    found = _tesseract_words(Image.fromarray(clean), timeout)
    found += _missed_cells(clean, grids, found, timeout)
    words = [
        OcrWord(text, left / scale, top / scale, (left + width) / scale, (top + height) / scale, conf / 100)
        for text, left, top, width, height, conf in found
        # tesseract finds an unsure "word" in a blot or photo; no print in these documents is an inch tall
        if not (height / scale > _MAX_TEXT_PT and conf < 50)
    ]
    in_points = [[(b[0] / scale, b[1] / scale, b[2] / scale, b[3] / scale) for b in grid] for grid in grids]
    return OcrPage(words=words, grids=in_points)


def read_pdf_page(path: Path, page_index: int, timeout: float = _SECONDS_PER_PAGE) -> OcrPage:
    """Render page `page_index` (0-based) of the PDF at `DPI` and read it."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        image = pdf[page_index].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    return read_image(image, timeout)


__all__ = ["DPI", "NO_TESSERACT", "OcrPage", "OcrWord", "figure_text", "ocr_problem", "read_image", "read_pdf_page"]
