"""Excel (.xlsx/.xlsm) → neutral `Document`.

Each visible worksheet with content becomes one `Table` (hidden and very hidden sheets are
skipped; chart sheets hold no cells). Tables are numbered 1, 2, … across the workbook.

Decisions:

- Extent: the table is the bounding box of the cells that show something (including the cells
  their merged ranges cover), so empty margins and formatted-but-empty rows/columns around the
  content are trimmed on every side. Refs keep the real Excel row and column, so a cell's label
  is the real address (`Sheet1!C5`) even when the grid starts further down or right; hidden
  rows and columns inside the box are kept.
- Text is what Excel shows: the cell's number format is applied to numbers (sections, percent,
  fixed and optional decimals, thousands separators, scaling commas, literals, currency tags,
  scientific) with exact `Decimal` arithmetic: the stored float goes through `repr` (its
  shortest round-trip form), is cut to Excel's 15 significant digits, then rounded half away
  from zero as Excel does (0.59285 in `0.00%` shows 59.29%). General shows the 15-digit value
  without trailing zeros (1164.62, 100) in plain notation — column width is ignored, so long
  fractions show more digits than a narrow Excel column would. Fraction formats (`# ?/?`) and
  `[DBNum]` Chinese numerals fall back to General digits. Dates show as ISO (`2024-06-30`, with
  ` HH:MM:SS` when there is a time). Booleans show as TRUE/FALSE, error values as written
  (`#DIV/0!`). Strings are cleaned (`textnorm.text.clean`); a line break inside a cell between
  two wide (CJK) characters is dropped, as the HTML and Word readers do.
- `Cell.value` is the stored value as a string (numbers in plain decimal notation from their
  shortest round-trip form, dates in ISO); `Cell.number_format` is the cell's format code.
- Formulas: the values Excel cached when it last saved the file are read. A formula with no
  cached value (a file written by a program that does not calculate, and never opened in Excel)
  shows as blank with `value=None` and is listed in `Document.uncalculated_formulas`; `extract()`
  then has LibreOffice calculate the workbook and reads its copy, or, without LibreOffice, the
  document says which cells were read blank (a blank total must not pass for a zero unnoticed).
- Merged ranges: every covered cell repeats the origin's text, value and number format and has
  `merged_from` (the origin too).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from openpyxl.styles.numbers import is_date_format

from extractors.errors import ExtractionError, limit_error
from extractors.limits import exceeded, limits
from textnorm.text import clean, tidy_breaks
from schemas.document import Cell, Document, Format, Table
from schemas.provenance import SourceRef, column_letter

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Numbers as Excel shows them

_EXCEL_DIGITS = 15


def to_decimal(value: int | float | Decimal) -> Decimal:
    """The exact decimal a stored number stands for (a float via its shortest round-trip form)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _excel_precision(d: Decimal) -> Decimal:
    """Excel keeps 15 significant digits of a number; display rounding starts from those."""
    if not d.is_finite() or d == 0:
        return d
    exp = d.adjusted() - _EXCEL_DIGITS + 1
    if exp <= d.as_tuple().exponent:
        return d
    return d.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_UP)


def plain(d: Decimal) -> str:
    """Plain decimal notation without trailing zeros: 100.0 → '100', 1e-05 → '0.00001'."""
    return "0" if d == 0 else format(d.normalize(), "f")


def general(value: int | float | Decimal) -> str:
    return plain(_excel_precision(to_decimal(value)))


def _split_sections(fmt: str) -> list[str]:
    sections, cur, i = [], "", 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            j = fmt.find('"', i + 1)
            j = len(fmt) - 1 if j < 0 else j
            cur += fmt[i : j + 1]
            i = j + 1
            continue
        if ch in "\\_*" and i + 1 < len(fmt):
            cur += fmt[i : i + 2]
            i += 2
            continue
        if ch == "[":
            j = fmt.find("]", i + 1)
            j = len(fmt) - 1 if j < 0 else j
            cur += fmt[i : j + 1]
            i = j + 1
            continue
        if ch == ";":
            sections.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    sections.append(cur)
    return sections


_CONDITION = re.compile(r"^\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+)\]")


def _tokenize(section: str) -> tuple[list[tuple[str, str]], tuple[str, Decimal] | None]:
    """Tokens: ('lit', text) ('digit', 0|#|?) ('dot','.') ('comma',',') ('pct','%')
    ('exp', +|-) ('general','') ('at','') ('slash','/'); plus the section's condition."""
    tokens: list[tuple[str, str]] = []
    condition = None
    i, seen_dot = 0, False
    n = len(section)
    while i < n:
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = n if j < 0 else j
            tokens.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\":
            tokens.append(("lit", section[i + 1 : i + 2]))
            i += 2
        elif ch in "_*":
            i += 2  # padding to a character's width / fill: nothing to show in text
        elif ch == "[":
            j = section.find("]", i + 1)
            j = n if j < 0 else j
            body = section[i + 1 : j]
            m = _CONDITION.match(section[i : j + 1])
            if m:
                try:
                    condition = (m.group(1), Decimal(m.group(2)))
                except InvalidOperation:
                    pass
            elif body.startswith("$"):
                tokens.append(("lit", body[1:].split("-", 1)[0]))  # [$¥-804] → ¥
            # colours, locales, [DBNumN], elapsed-time brackets: nothing to show
            i = j + 1
        elif ch in "0#?":
            tokens.append(("digit", ch))
            i += 1
        elif ch == "." and not seen_dot:
            seen_dot = True
            tokens.append(("dot", "."))
            i += 1
        elif ch == ",":
            tokens.append(("comma", ","))
            i += 1
        elif ch == "%":
            tokens.append(("pct", "%"))
            i += 1
        elif ch in "Ee" and i + 1 < n and section[i + 1] in "+-":
            tokens.append(("exp", section[i + 1]))
            i += 2
        elif section[i : i + 7].lower() == "general":
            tokens.append(("general", ""))
            i += 7
        elif ch == "@":
            tokens.append(("at", ""))
            i += 1
        elif ch == "/":
            tokens.append(("slash", "/"))
            i += 1
        else:
            tokens.append(("lit", ch))
            i += 1
    return tokens, condition


def _group(digits: str) -> str:
    head = digits.lstrip(" ")
    pad = digits[: len(digits) - len(head)]
    parts = []
    while len(head) > 3:
        parts.insert(0, head[-3:])
        head = head[:-3]
    parts.insert(0, head)
    return pad + ",".join(p for p in parts if p)


def _fill_integer(int_tokens: list[tuple[str, str]], digits: str, grouping: bool) -> str:
    """Place the integer digits right to left into the placeholders (and literals among them)."""
    out: list[str] = []
    rest = digits
    placeholders = [k for k, t in enumerate(int_tokens) if t[0] == "digit"]
    first = placeholders[0] if placeholders else -1
    for k in range(len(int_tokens) - 1, -1, -1):
        kind, ch = int_tokens[k]
        if kind != "digit":
            out.append(ch)
            continue
        if rest:
            piece, rest = rest[-1], rest[:-1]
        else:
            piece = {"0": "0", "?": " "}.get(ch, "")
        if k == first and rest:
            piece, rest = rest + piece, ""
        out.append(piece)
    text = "".join(reversed(out))
    if grouping and all(t[0] == "digit" for t in int_tokens):
        text = _group(text)
    return text


def _fill_fraction(frac_tokens: list[tuple[str, str]], digits: str) -> str:
    placeholders = [t[1] for t in frac_tokens if t[0] == "digit"]
    shown = list(digits)
    # Optional trailing places: '#' drops a trailing zero, '?' turns it into a space.
    for k in range(len(placeholders) - 1, -1, -1):
        if shown[k] != "0" or placeholders[k] == "0":
            break
        shown[k] = " " if placeholders[k] == "?" else ""
    out, k = [], 0
    for kind, ch in frac_tokens:
        if kind == "digit":
            out.append(shown[k])
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def _render_section(tokens: list[tuple[str, str]], value: Decimal) -> str:
    """Format a non-negative `value` with one section's tokens (the sign is the caller's)."""
    if any(t[0] in ("general", "slash") for t in tokens):
        # General inside a format (with literals); fractions fall back to General digits.
        out, shown = [], False
        for kind, ch in tokens:
            if kind == "general" or (kind == "digit" and not shown):
                if not shown:
                    out.append(general(value))
                shown = True
            elif kind in ("lit", "pct"):
                out.append(ch)
        return "".join(out) if shown else general(value) + "".join(out)

    exp = next((k for k, t in enumerate(tokens) if t[0] == "exp"), None)
    number_end = exp if exp is not None else len(tokens)
    digits = [k for k, t in enumerate(tokens) if t[0] == "digit" and k < number_end]
    if not digits and any(t[0] == "at" for t in tokens):  # a text format: numbers show as General
        return general(value)
    if not digits:  # only literals, e.g. "-" for zero
        return "".join(ch for kind, ch in tokens if kind in ("lit", "pct"))
    dot = next((k for k, t in enumerate(tokens) if t[0] == "dot" and k < number_end), None)
    int_end = dot if dot is not None else digits[-1] + 1
    int_slots = [k for k in digits if k < int_end]
    frac_slots = [k for k in digits if k > int_end]
    start = min(digits[0], dot) if dot is not None else digits[0]
    end = max(digits[-1], dot) if dot is not None else digits[-1]

    # Commas: between integer placeholders they group; right after the last placeholder of the
    # integer or fraction part they divide by 1000 each; elsewhere they are literal.
    grouping, scale, literal_commas = False, 0, set()
    for k, (kind, _) in enumerate(tokens):
        if kind != "comma":
            continue
        if int_slots and int_slots[0] < k < int_slots[-1]:
            grouping = True
            continue
        j = k - 1
        while j >= 0 and tokens[j][0] == "comma":
            j -= 1
        if j >= 0 and tokens[j][0] == "digit" and (j == digits[-1] or (int_slots and j == int_slots[-1])):
            scale += 1
        else:
            literal_commas.add(k)

    x = value * Decimal(100) ** sum(1 for t in tokens if t[0] == "pct") / Decimal(1000) ** scale
    nfrac = len(frac_slots)
    quantum = Decimal(1).scaleb(-nfrac)
    exponent_text = ""
    if exp is not None:
        n_int = max(len(int_slots), 1)
        e = 0
        if x != 0:
            e = x.adjusted()
            e -= e % n_int  # engineering formats (##0.0E+0) keep the exponent a multiple
        mant = x.scaleb(-e).quantize(quantum, rounding=ROUND_HALF_UP)
        if mant >= Decimal(10) ** n_int:  # rounding carried into a new digit
            e += n_int
            mant = x.scaleb(-e).quantize(quantum, rounding=ROUND_HALF_UP)
        x = mant
        exp_digits = sum(1 for k, t in enumerate(tokens) if t[0] == "digit" and k > exp)
        sign = "-" if e < 0 else ("+" if tokens[exp][1] == "+" else "")
        exponent_text = "E" + sign + str(abs(e)).zfill(exp_digits)
    else:
        x = x.quantize(quantum, rounding=ROUND_HALF_UP)

    int_part = int(x)
    int_digits = str(int_part) if int_part else ""
    frac_digits = format(x, "f").split(".")[1] if nfrac else ""

    def inner(lo: int, hi: int) -> list[tuple[str, str]]:
        picked = []
        for k in range(lo, hi):
            kind, ch = tokens[k]
            if kind == "digit":
                picked.append((kind, ch))
            elif kind in ("lit", "pct") or k in literal_commas:
                picked.append(("lit", ch))
        return picked

    number = ""
    if int_slots:
        number += _fill_integer(inner(int_slots[0], int_end), int_digits, grouping)
    if dot is not None:
        number += "." + (_fill_fraction(inner(dot + 1, end + 1), frac_digits) if frac_slots else "")

    out: list[str] = []
    for k, (kind, ch) in enumerate(tokens):
        if k == start:
            out.append(number)
        if start <= k <= end:
            continue
        if kind == "exp":
            out.append(exponent_text)
        elif kind in ("lit", "pct") or k in literal_commas:
            out.append(ch)
    return "".join(out)


def _matches(condition: tuple[str, Decimal], v: Decimal) -> bool:
    op, limit = condition
    return {
        "<": v < limit, "<=": v <= limit, ">": v > limit, ">=": v >= limit, "=": v == limit, "<>": v != limit
    }[op]


def format_number(value: int | float | Decimal, fmt: str | None) -> str:
    """The text Excel shows for a number stored as `value` with number format `fmt`."""
    d = _excel_precision(to_decimal(value))
    if not fmt or fmt.strip().lower() == "general":
        return plain(d)
    sections = [_tokenize(s) for s in _split_sections(fmt)]
    numeric = sections[:3]
    if any(cond for _, cond in numeric):
        # Conditional sections: the first whose condition holds; the sign stays on the number.
        chosen = None
        for tokens, cond in numeric:
            if cond is None or _matches(cond, d):
                chosen = tokens
                break
        if chosen is None:
            return general(d)
        text = _render_section(chosen, abs(d))
        return ("-" + text) if d < 0 and chosen is numeric[0][0] else text
    if len(numeric) == 1 or d > 0 or (d == 0 and len(numeric) < 3):
        tokens = numeric[0][0]
        text = _render_section(tokens, abs(d))
        if d < 0 and text:
            return "-" + text
        return text
    if d < 0:
        return _render_section(numeric[1][0], abs(d))
    return _render_section(numeric[2][0], d)


def format_text(value: str, fmt: str | None) -> str:
    """A string through the format's text section (`@` stands for the string)."""
    if fmt:
        sections = _split_sections(fmt)
        section = sections[3] if len(sections) >= 4 else (sections[0] if len(sections) == 1 else None)
        if section is not None and "@" in section:
            tokens, _ = _tokenize(section)
            return "".join(value if kind == "at" else ch for kind, ch in tokens if kind in ("at", "lit"))
    return value


# ---------------------------------------------------------------------------------------------
# Cells


def _iso(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    h, rem = divmod(abs(seconds), 3600)
    return f"{sign}{h}:{rem // 60:02d}:{rem % 60:02d}"


def shown(value, fmt: str | None) -> tuple[str, str | None]:
    """(text Excel shows, stored value as a string) for a cell value read by openpyxl."""
    if value is None:
        return "", None
    if isinstance(value, bool):  # before numbers: bool is an int
        return ("TRUE" if value else "FALSE"), ("TRUE" if value else "FALSE")
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return "#NUM!", repr(value)
        if fmt and is_date_format(fmt):  # a serial openpyxl could not turn into a date
            return general(value), plain(to_decimal(value))
        try:
            return clean(format_number(value, fmt)), plain(to_decimal(value))
        except (ArithmeticError, ValueError):  # 1e30 under a 0.00 format: Excel shows it in E notation
            return general(value), repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        iso = _iso(value)
        return iso, iso
    text = str(value)
    return tidy_breaks(format_text(text, fmt)), text


# ---------------------------------------------------------------------------------------------
# Workbook


def _load(path: Path, data_only: bool):
    from openpyxl.reader.excel import ExcelReader

    # A file object, not the path: openpyxl refuses names not ending in .xlsx/.xlsm/…, and the
    # format was already decided from the content.
    with open(path, "rb") as fh, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unsupported extensions (data validation, slicers, …)
        reader = ExcelReader(fh, read_only=False, data_only=data_only, rich_text=False)
        reader.read()
        # openpyxl silently drops a sheet whose part is missing from the package.
        for sheet, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files:
                raise ExtractionError(path.name, f"Excel 文件不完整：工作表“{sheet.name}”的数据部件缺失，文件可能已损坏",
                                      code="xlsx.sheet_missing", sheet=sheet.name)
        return reader.wb


def _count_cells(path: Path) -> None:
    """Refuse a workbook of more cells than the limit before openpyxl builds them all (a million
    cells cost it minutes and gigabytes): the sheets' XML is streamed and its cell tags counted."""
    cap = limits().xlsx_cells
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with zf.open(name) as part:
                    tail = b""  # the last 2 bytes: a 3-byte tag cut between chunks is counted once
                    while chunk := part.read(1 << 20):
                        block = tail + chunk
                        total += block.count(b"<c ") + block.count(b"<c>")
                        tail = block[-2:]
                if total > cap:
                    raise limit_error(path.name, "xlsx_cells", exceeded("xlsx_cells", f"工作簿至少有 {total} 个单元格", cap))
    except (zipfile.BadZipFile, OSError):
        return  # reported by the reader with its own message


def _open(path: Path):
    """(workbook with cached values, workbook with formulas or None if there are none)."""
    from openpyxl.utils.exceptions import InvalidFileException

    _count_cells(path)
    try:
        formulas = _load(path, data_only=False)
        has_formula = any(
            c.data_type == "f" for ws in formulas.worksheets for c in ws._cells.values()
        )
        values = _load(path, data_only=True) if has_formula else formulas
    except (zipfile.BadZipFile, KeyError, InvalidFileException, OSError, ValueError, SyntaxError) as exc:
        # SyntaxError covers the XML parsers' errors (lxml's and ElementTree's ParseError).
        raise ExtractionError(
            path.name, f"Excel 文件已损坏或结构不完整，无法打开（{type(exc).__name__}: {exc}）",
            code="xlsx.damaged",
        ) from exc
    return values, (formulas if has_formula else None)


def extract_xlsx(path: Path, sha256: str) -> Document:
    """Read an .xlsx workbook into the neutral model: one table per visible, non-empty sheet."""
    path = Path(path)
    wb, wb_formulas = _open(path)
    doc = Document(path=str(path), file_name=path.name, file_sha256=sha256, format=Format.XLSX)
    uncalculated: list[str] = []

    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        fws = wb_formulas[ws.title] if wb_formulas is not None else None
        # ws._cells holds only the cells the file defines; iterating the dimension instead
        # would materialise every position of a sheet whose used range reaches row 1048576.
        content: dict[tuple[int, int], tuple[str, str | None, str]] = {}
        for (r, c), cell in ws._cells.items():
            if cell.__class__.__name__ == "MergedCell":
                continue
            value = cell.value
            fmt = cell.number_format
            text, stored = shown(value, fmt)
            if value is None and fws is not None:
                fcell = fws._cells.get((r, c))
                if fcell is not None and fcell.data_type == "f":
                    formula = fcell.value if isinstance(fcell.value, str) else getattr(fcell.value, "text", "")
                    uncalculated.append(f"{ws.title}!{column_letter(c)}{r}（{formula}）")
            if text:
                content[(r, c)] = (text, stored, fmt)
        if not content:
            continue

        # Merged ranges: origin → covered positions (only ranges whose origin shows something).
        merged_from: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            origin = (rng.min_row, rng.min_col)
            if origin not in content:
                continue
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged_from[(r, c)] = origin

        positions = list(content) + list(merged_from)
        top = min(r for r, _ in positions)
        bottom = max(r for r, _ in positions)
        left = min(c for _, c in positions)
        right = max(c for _, c in positions)

        index = len(doc.tables) + 1
        rows: list[list[Cell]] = []
        for r in range(top, bottom + 1):
            row = []
            for c in range(left, right + 1):
                origin = merged_from.get((r, c))
                text, stored, fmt = content.get(origin or (r, c), ("", None, None))
                ref = SourceRef(
                    file_sha256=sha256, file_name=path.name, sheet=ws.title, table=index, row=r, column=c
                ).with_label()
                row.append(Cell(text=text, ref=ref, merged_from=origin, value=stored, number_format=fmt))
            rows.append(row)
        doc.tables.append(Table(index=index, rows=rows, sheet=ws.title, order=index))
    doc.uncalculated_formulas = uncalculated
    return doc
