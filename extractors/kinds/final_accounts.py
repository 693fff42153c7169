"""部门预算 / 部门决算 publications: detector and parser.

A publication prints a standard set of tables (Shanghai's nine 决算 tables: 收入支出决算总表 …
国有资本经营预算财政拨款收入支出决算表; a budget's 财务收支预算总表, 收入预算表 …), each under a
title line with “单位：万元” (or 元) beside it, possibly declared empty by a note below it
(“本部门无…，故本表无数据”), and a narrative repeating many of the numbers.

Tables are found by the title printed above them: the text lines between the previous table and
this one, on its page or the page before, are matched (singly and joined, since a title may be
split over lines or have its year or quote marks on a line of their own) against the canonical
titles in `final_accounts.yaml`. A table with no title right after a titled one on the next page
with the same columns is its continuation. The 目录 (table of contents), when printed, says which
tables the publication should contain. Wording lives in `final_accounts.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from extractors.dates import date_labels, labelled_date, signature_date
from extractors.kinds import DocumentKind, ParseError, register
from extractors.forms import cell_ref, inline_labelled
from extractors.freetext import find_amount_unit, find_year, unit_from_title
from extractors import wording
from extractors.wording import FinalAccountsWording
from extractors.executions import line_executions
from extractors.narrative import read_narrative
from extractors.kinds.monitoring import strip_line_label
from textnorm.numbers import NumberError, amount, parse_decimal
from textnorm.text import clean, fold, join_lines
from schemas.document import Cell, Document, Table, TextBlock
from schemas.final_accounts import (
    ExpectedTable,
    Publication,
    PublicationColumn,
    PublicationLine,
    PublicationTable,
)
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue, UnreadCell, unknown_attribute

_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
_NUMBERING = re.compile(r"^(第[一二三四五六七八九十]+部分)?(附?表[\d一二三四五六七八九十-]*[:.、]?)?"
                        r"(\(?[一二三四五六七八九十]+\)?[、.]|\(?\d{1,2}\)?[、.](?!\d*[%元]))?")
_YEAR_IN_TITLE = re.compile(r"20\d{2}年度?")
_LEADERS = re.compile(r"(\.{2,}|…+|-{3,}).*$")
_QUALIFIER_PREFIX = re.compile(r"^(一般公共预算|财政拨款|部门|本部门|本级)*$")
_AMOUNT_LIKE = re.compile(r"^[(（-]?[\d,，]*\d[.．]\d+[)）]?$|^\d{1,3}([,，]\d{3})+$")
_CODE_LIKE = re.compile(r"^\d{2,7}$")
_SPACE = re.compile(r"\s+")
_DATA_LABEL = re.compile(r"^(\(?[一二三四五六七八九十]+\)?、|\d{1,2}[.、](?!\d))")


# ---------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class _Title:
    key: str
    kind: str  # 决算 / 预算
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class _Config:
    raw: dict
    titles: tuple[_Title, ...]
    statements: tuple[re.Pattern[str], ...]
    label_header: re.Pattern[str]
    code_header: re.Pattern[str]
    total_words: frozenset[str]


def config() -> _Config:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> _Config:
    raw = wording.load("final_accounts", FinalAccountsWording).model_dump()
    titles = tuple(_Title(e["key"], kind, tuple(re.compile(p) for p in e["patterns"]))
                   for kind, entries in raw["titles"].items() for e in entries)
    return _Config(
        raw=raw,
        titles=titles,
        statements=tuple(re.compile(p) for p in raw["empty_statements"]),
        label_header=re.compile(raw["label_header"]),
        code_header=re.compile(raw["code_header"]),
        total_words=frozenset(fold(w) for w in raw["total_words"]),
    )


# ---------------------------------------------------------------------------------------------
# Titles


_TABLE_NUMBER = re.compile(r"^\s*附?表\s*[0-9一二三四五六七八九十]+(\s*-\s*[0-9]+)?\s*[：:.、]?\s*$")


def title_text(text: str) -> str:
    """A title as a matching key: folded, without quotes, numbering, year, a leading 部门, a
    trailing bracket (（功能科目）) and 目录 leaders with their page number."""
    t = _QUOTES.sub("", fold(text))
    t = _LEADERS.sub("", t)
    t = re.sub(r"\d+$", "", t) if re.search(r"\D\d{1,3}$", t) and not t.endswith("表") else t
    t = _NUMBERING.sub("", t, count=1)
    t = _YEAR_IN_TITLE.sub("", t)
    t = re.sub(r"\([^()]*\)$", "", t)
    return re.sub(r"^部门(?=.)", "", t)


def match_title(text: str) -> _Title | None:
    """The canonical table a printed title (or 目录 entry) names, or None."""
    t = title_text(text)
    if not t or len(t) > 50 or re.search(r"[,，。;；:：]", t):
        return None
    suffixes = tuple(config().raw["org_suffixes"])
    for title in config().titles:
        for p in title.patterns:
            m = p.search(t)
            if not m:
                continue
            prefix = t[: m.start()]
            # The text before the title may only be a unit name or qualifiers (一般公共预算, 部门).
            if prefix and not _QUALIFIER_PREFIX.match(prefix) and not prefix.endswith(suffixes):
                prefix = _YEAR_IN_TITLE.sub("", prefix)
                if not prefix.endswith(suffixes) and not _QUALIFIER_PREFIX.match(prefix):
                    continue
            return title
    return None


def _candidates(blocks: list[TextBlock]) -> list[tuple[_Title, str, TextBlock, int]]:
    """Titles among consecutive blocks: each block alone, and joined with the next one or two
    (a title split over lines, a year or quote marks on a line of their own). Returns
    (title, printed text, first block, index of the last block used)."""
    out = []
    for i in range(len(blocks)):
        if _TABLE_NUMBER.match(fold(blocks[i].text)):
            continue  # “表1” on a line of its own above the title numbers the table, it is not its title
        for n in (1, 2, 3):
            part = blocks[i:i + n]
            if len(part) < n or len({b.ref.page for b in part}) > 1:
                break
            text = "".join(b.text for b in part) if n > 1 else part[0].text
            title = match_title(text)
            if title is not None:
                out.append((title, clean(join_lines(b.text for b in part)), part[0], i + n - 1))
                break
    # Nearest the table first; of titles ending on the same line, the one starting earliest
    # (“财政拨款三公经费” / “” / “支出决算表” is one title, not 支出决算表).
    out.sort(key=lambda hit: (hit[3], -blocks.index(hit[2])))
    return out


# ---------------------------------------------------------------------------------------------
# Cells


def _is_amount_like(text: str) -> bool:
    return bool(_AMOUNT_LIKE.match(fold(text)))


def _is_code(text: str) -> bool:
    return bool(_CODE_LIKE.match(fold(text)))


def _is_total(text: str) -> bool:
    return fold(text) in config().total_words


def _origin_column(cell: Cell) -> int | None:
    return cell.merged_from[1] if cell.merged_from else cell.ref.column


def _own(cell: Cell) -> bool:
    """The cell's text belongs to its column: not carried in from a merge on its left."""
    return _origin_column(cell) == cell.ref.column


_NOTE_ROW = re.compile(r"^(注|说明|备注)\s*\d*\s*[:：]")


def _note_text(row: list[Cell]) -> str | None:
    """The text of a notes row (one text across the row, “注：…”), else None."""
    texts = {c.text for c in row if c.text}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    return text if _NOTE_ROW.match(fold(text)) else None


def _number_or_blank(text: str) -> bool:
    try:
        parse_decimal(text)
        return True
    except NumberError:
        return False


def _amount_column(texts: list[str]) -> bool:
    """Figures, maybe with a few misprinted or misread ones among them (`1,5l1.90`: digits, no
    figure), which must not turn the column into text and lose every figure in it: those cells
    are reported one by one (`_lines`)."""
    misread = [t for t in texts if not _number_or_blank(t)]
    if not misread:
        return True
    figures = len(texts) - len(misread)
    return figures >= 2 and figures >= 2 * len(misread) and all(any(ch.isdigit() for ch in t) for t in misread)


# ---------------------------------------------------------------------------------------------
# Table layout


@dataclass
class _Layout:
    header_rows: int
    headers: list[str]
    roles: list[str]  # code / name / amount / text
    sides: list[int]
    lifted: dict[tuple[int, int], str] = field(default_factory=dict)  # cells read as header


def _is_data_row(row: list[Cell]) -> bool:
    texts = [c.text for c in row]
    if not any(texts):
        return True
    if any(_is_amount_like(t) or _is_code(t) for t in texts if t):
        return True
    first = next(t for t in texts if t)
    # A total row or a numbered line (一、… 1.…) of an empty table has no figure but is data.
    return (_is_total(first) or bool(_DATA_LABEL.match(fold(first)))) and any(not t for t in texts)


def _header_text(table: Table, top: int, col: int) -> str:
    parts: list[str] = []
    for r in range(top):
        t = _SPACE.sub("", table.rows[r][col].text)
        if t and t not in parts:
            parts.append(t)
    return "/".join(parts)


def _layout(rows: list[list[Cell]]) -> _Layout:
    cfg = config()
    n_cols = max(len(r) for r in rows)
    top = 0
    while top < len(rows) and not _is_data_row(rows[top]):
        top += 1
    grid = Table(index=0, rows=rows)
    headers = [_header_text(grid, top, c) for c in range(n_cols)]
    body = rows[top:]
    lifted: dict[tuple[int, int], str] = {}

    def last(h: str) -> str:
        return fold(h.rsplit("/", 1)[-1]) if h else ""

    label = [bool(cfg.label_header.match(last(h))) for h in headers]
    code = [label[c] and bool(cfg.code_header.search(last(headers[c]))) for c in range(n_cols)]
    # The first data row may carry header words: 类 | 款 | 项 under 科目编码 (Shanghai), or 合计 |
    # 基本支出 | 项目支出 under 本年支出 printed on the 合计 row. Words in a label column are data.
    if body:
        code_words = {fold(w) for w in cfg.raw["code_header_words"]}
        for c, cell in enumerate(body[0]):
            t = fold(cell.text)
            if not t or not _own(cell):
                continue
            if t in code_words and (label[c] or code[c] or not headers[c]):
                lifted[(0, c)] = t
                code[c] = label[c] = True
            elif not label[c] and c > 0 and headers[c] and not _number_or_blank(cell.text):
                lifted[(0, c)] = _SPACE.sub("", cell.text)
        for (_, c), t in lifted.items():
            if t not in headers[c].split("/"):
                headers[c] = f"{headers[c]}/{t}" if headers[c] else t

    def cells(c: int) -> list[str]:
        return [row[c].text for i, row in enumerate(body) if c < len(row) and row[c].text
                and _own(row[c]) and (i, c) not in lifted and _note_text(row) is None]

    roles: list[str] = []
    for c in range(n_cols):
        texts = cells(c)
        if code[c]:
            roles.append("code")
        elif not label[c] and len(texts) >= 2 and all(_is_code(t) and len(fold(t)) in (3, 5, 7) for t in texts):
            roles.append("code")  # an unlabelled column of 科目编码: never amounts
        elif label[c]:
            roles.append("name")
        elif _amount_column(texts):
            roles.append("amount")
        else:
            roles.append("text")
    if roles and "name" not in roles and "text" in roles:
        roles[roles.index("text")] = "name"  # no 项目 header: the leftmost text column names lines
    # Sides: a second code list printed to the right (基本支出决算表: 301 … | 302 …).
    sides, side, seen_code = [], 1, False
    for c, r in enumerate(roles):
        if r == "code" and seen_code and roles[c - 1] != "code":
            side += 1
        seen_code = seen_code or r == "code"
        sides.append(side)
    return _Layout(top, headers, roles, sides, lifted)


def _join_code(parts: list[str]) -> str | None:
    digits = [fold(p) for p in parts if fold(p)]
    if not digits or not all(d.isdigit() for d in digits):
        return None
    code = "".join(digits)
    return code if len(code) in (3, 5, 7) else None


_LEVELS = {3: "类", 5: "款", 7: "项"}


def _keys(lay: _Layout) -> list[str]:
    """Column keys: the header as printed; a header repeated within one side gets its column."""
    keys = []
    for c, h in enumerate(lay.headers):
        h = h or f"第{c + 1}列"
        twins = [d for d, other in enumerate(lay.headers) if other == lay.headers[c] and lay.sides[d] == lay.sides[c]]
        keys.append(h if len(twins) == 1 or twins[0] == c else f"{h}（第{c + 1}列）")
    return keys


def _lines(rows: list[list[Cell]], lay: _Layout, unit: str, title: str = "",
           unread: list[UnreadCell] | None = None) -> list[PublicationLine]:
    """The table's lines. An amount cell holding text with a digit that is no figure (`96o`,
    `1e30`: a misprint or an OCR misread) is left out of its line and added to `unread`
    (reported as DOC002); a placeholder without digits (—, /, 无) is kept as text."""
    out: list[PublicationLine] = []
    body = rows[lay.header_rows:]
    keys = _keys(lay)
    for side in sorted(set(lay.sides)):
        cols = [c for c, s in enumerate(lay.sides) if s == side]
        name_cols = [c for c in cols if lay.roles[c] == "name"]
        # Adjacent label columns are a hierarchy (大类 | 专项 | 品目): the rightmost label names
        # the line. Label columns apart (收入 项目 | 决算数 | 支出 项目 …) are the sides of a 总表.
        nested = len(name_cols) > 1 and name_cols[-1] - name_cols[0] == len(name_cols) - 1
        for i, row in enumerate(body):
            if _note_text(row) is not None:
                continue  # a notes row under the table (注：本表反映…) is no line
            codes: list[str] = []
            labels: list[str] = []
            values: dict[str, PrintedNumber] = {}
            texts: dict[str, str] = {}
            first_ref: SourceRef | None = None
            for c in cols:
                if c >= len(row):
                    continue
                cell = row[c]
                text = "" if (i, c) in lay.lifted else cell.text
                role = lay.roles[c]
                if first_ref is None and text:
                    first_ref = cell_ref(cell)
                if not text:
                    if role == "amount":
                        values[keys[c]] = amount("", cell_ref(cell), unit)
                    continue
                own = _own(cell)
                if role == "code":
                    if own and _is_code(text):
                        codes.append(text)
                    elif own:
                        labels.append(text)  # a label spanning the code columns (人员经费合计)
                elif role == "name":
                    if own:
                        labels.append(text)
                        texts[keys[c]] = text
                elif role == "amount":
                    if not own:
                        continue  # a label merged across the amount column (当年支出小计)
                    try:
                        values[keys[c]] = amount(text, cell_ref(cell), unit)
                    except NumberError as exc:
                        if unread is not None and any(ch.isdigit() for ch in text):
                            unread.append(UnreadCell(
                                what=f"《{title}》第{cell.ref.row}行的“{keys[c]}”", raw=text,
                                problem=exc.problem, ref=cell_ref(cell)))
                        else:
                            texts[keys[c]] = text  # a placeholder or stray text: never a figure
                elif own:
                    texts[keys[c]] = text
            blank = not any(not v.blank for v in values.values())
            if not codes and not labels and not texts and blank:
                continue
            if not codes and blank and labels and all(_is_total(t) for t in labels) and len(name_cols) <= 1:
                continue  # an empty table's 合计 row states nothing
            name = (labels[-1] if nested else labels[0]) if labels else ""
            if len(name_cols) <= 1:
                texts = {k: v for k, v in texts.items() if v != name}
            code = _join_code(codes)
            out.append(PublicationLine(
                code=code, level=_LEVELS.get(len(code)) if code else None,  # type: ignore[arg-type]
                parent=code[:-2] if code and len(code) > 3 else None,
                name=name, key=strip_line_label(name), values=values, texts=texts, side=side,
                ref=first_ref or cell_ref(row[cols[0]])))
    return out


# ---------------------------------------------------------------------------------------------
# Reading the document


@dataclass
class _Found:
    title: _Title
    printed: str
    title_block: TextBlock
    table: Table
    rows: list[list[Cell]]
    pages: list[int]


def _blocks_between(doc: Document, lo: int, hi: int) -> list[TextBlock]:
    return [b for b in doc.blocks if lo < b.order < hi]


def _find_tables(doc: Document) -> list[_Found]:
    found: list[_Found] = []
    prev_order = -1
    for table in sorted(doc.tables, key=lambda t: t.order):
        first_page = table.pages[0] if table.pages else None
        before = [b for b in _blocks_between(doc, prev_order, table.order)
                  if first_page is None or b.ref.page in (first_page, first_page - 1)]
        hits = _candidates(before)
        prev_order = table.order
        if hits:
            title, printed, block, _ = hits[-1]  # the nearest title above the table
            found.append(_Found(title, printed, block, table, [list(r) for r in table.rows],
                                list(table.pages)))
            continue
        last = found[-1] if found else None
        if (last is not None and table.pages and last.pages and table.n_cols == len(last.rows[0])
                and table.pages[0] == last.pages[-1] + 1):
            # A continuation the extractor did not join: drop a repeated header.
            rows = [list(r) for r in table.rows]
            lay = _layout(last.rows)
            head = [[c.text for c in r] for r in last.rows[:lay.header_rows]]
            while rows and [c.text for c in rows[0]] in head:
                rows.pop(0)
            last.rows.extend(rows)
            last.pages.extend(p for p in table.pages if p not in last.pages)
    return found


def _toc(doc: Document) -> list[tuple[_Title, str, TextBlock]]:
    """Tables listed in the 目录: title lines on the 目录 page and the next, before any table."""
    first_table = min((t.order for t in doc.tables), default=10 ** 9)
    start = next((b for b in doc.blocks if fold(b.text) in ("目录", "目次")), None)
    if start is None:
        return []
    pages = {start.ref.page, (start.ref.page or 0) + 1}
    blocks = [b for b in doc.blocks if b.order > start.order and b.order < first_table
              and b.ref.page in pages]
    out = []
    seen: set[str] = set()
    for title, printed, block, _ in _candidates(blocks):
        if title.key not in seen:
            seen.add(title.key)
            out.append((title, printed, block))
    return out


def _amount_unit(doc: Document, f: _Found, previous: str | None) -> tuple[str, SourceRef | None]:
    near = [b for b in _blocks_between(doc, f.title_block.order - 1, f.table.order)]
    for b in near:
        u = find_amount_unit(b.text)
        if u:
            return u, b.ref.with_label()
    for row in f.rows[:4]:
        for c in row:
            u = find_amount_unit(c.text) if c.text else None
            if u:
                return u, cell_ref(c)
    return (previous or "万元"), None


def _statement(doc: Document, f: _Found, next_order: int) -> TextValue | None:
    cfg = config()
    last_page = f.pages[-1] if f.pages else None
    after = [b for b in _blocks_between(doc, f.table.order, next_order)
             if last_page is None or b.ref.page == last_page]
    near = _blocks_between(doc, f.title_block.order, f.table.order) + after
    def verdict(text: str) -> bool | None:
        t = _QUOTES.sub("", fold(text))
        if any(w in t for w in cfg.raw["not_statements"]):
            return None  # an instruction of the template, not a statement
        return any(p.search(t) for p in cfg.statements)

    for i, b in enumerate(near):
        v = verdict(b.text)
        nxt = near[i + 1] if i + 1 < len(near) and near[i + 1].ref.page == b.ref.page else None
        # A statement wrapped over two lines: the next line continues it unless it is a note of
        # its own (注：/说明：/单位：) or a statement itself.
        wrapped = (nxt is not None and not re.search(r"[。.]$", fold(b.text))
                   and not re.match(r"(注|说明|备注|单位)", fold(nxt.text)) and not verdict(nxt.text))
        if v:
            text = join_lines([b.text, nxt.text]) if wrapped and nxt is not None else b.text
            return TextValue(text=_without_note_label(text), ref=b.ref.with_label())
        if v is not None and wrapped and nxt is not None and verdict(b.text + nxt.text):
            return TextValue(text=_without_note_label(join_lines([b.text, nxt.text])), ref=b.ref.with_label())
    # A statement printed as the table's own last row (a notes row merged across the columns).
    for row in f.rows:
        note = _note_text(row)
        if note is not None and verdict(note):
            cell = next(c for c in row if c.text)
            return TextValue(text=_without_note_label(note), ref=cell_ref(cell))
    return None


def _without_note_label(text: str) -> str:
    """The statement itself, without its “注：” / “说明：” label."""
    return re.sub(r"^(注|说明|备注)\s*\d*\s*[:：]\s*", "", clean(text))


def _is_template(doc: Document, tables: list[PublicationTable]) -> bool:
    cfg = config()
    text = doc.all_text()
    hits = sum(text.count(p) for p in cfg.raw["placeholders"])
    figures = any(not v.blank and v.value != 0 for t in tables for ln in t.lines for v in ln.values.values())
    return hits >= cfg.raw["min_placeholders"] and not figures


def _file_attr(doc: Document, value: str) -> Attribute:
    ref = SourceRef(file_sha256=doc.file_sha256, file_name=doc.file_name).with_label()
    return Attribute(value=value, raw=doc.file_name, ref=ref, source="filename")


def _unit(doc: Document) -> Attribute | None:
    cfg = config().raw
    for label in cfg["unit_labels"]:
        for b in doc.blocks:
            v = inline_labelled(b.text, [label], cfg["value_stops"], word_start=True)
            if v and len(v) >= 3:
                return Attribute(value=v, raw=b.text, ref=b.ref.with_label())
    first = [b for b in doc.blocks if b.ref.page == (doc.blocks[0].ref.page if doc.blocks else 1)][:4]
    for n in range(len(first), 0, -1):
        text = "".join(b.text for b in first[:n])
        name = unit_from_title(text, cfg["title_unit_stops"], cfg["org_suffixes"])
        if name:
            return Attribute(value=name, raw=clean(" ".join(b.text for b in first[:n])),
                             ref=first[0].ref.with_label())
    name = unit_from_title(PurePath(doc.file_name).stem, cfg["title_unit_stops"], cfg["org_suffixes"])
    return _file_attr(doc, name) if name else None


def _year(doc: Document, found: list[_Found]) -> Attribute | None:
    first_page = doc.blocks[0].ref.page if doc.blocks else None
    cover = [b for b in doc.blocks if b.ref.page == first_page][:4]
    text = "".join(b.text for b in cover)
    y = find_year(text)
    if y:
        ref = next((b.ref for b in cover if str(y) in fold(b.text)), cover[0].ref)
        return Attribute(value=str(y), raw=clean(text), ref=ref.with_label())
    for f in found:
        y = find_year(f.printed)
        if y:
            return Attribute(value=str(y), raw=f.printed, ref=f.title_block.ref.with_label())
    y = find_year(PurePath(doc.file_name).stem, allow_dates=True) or _short_year(doc.file_name)
    if y:
        return _file_attr(doc, str(y))
    return None


def _short_year(name: str) -> int | None:
    """`部门25年预算` → 2025."""
    m = re.search(r"(?<!\d)(\d{2})年", fold(name))
    return 2000 + int(m.group(1)) if m else None


def _kind(doc: Document, keys: list[_Title]) -> str:
    votes = {"决算": 0, "预算": 0}
    for t in keys:
        votes[t.kind] += 1
    if votes["决算"] != votes["预算"]:
        return max(votes, key=votes.get)  # type: ignore[arg-type]
    head = fold(" ".join(b.text for b in doc.blocks[:6]) + doc.file_name)
    return "决算" if "决算" in head and "预算" not in head.replace("预算公开", "") else "预算"


def parse(doc: Document) -> list[Publication]:
    found = _find_tables(doc)
    toc = _toc(doc)
    if not found and not toc:
        raise ParseError(doc.file_name, "未找到部门预算/决算表的标题（如“收入支出决算总表”“财务收支预算总表”），"
                                        "也没有列出这些表的目录，无法按预算/决算公开文件读取", code="parse.no_title")
    kind = _kind(doc, [f.title for f in found] or [t for t, _, _ in toc])
    tables: list[PublicationTable] = []
    unit: str | None = None
    orders = [f.table.order for f in found] + [10 ** 9]
    titles_after = [f.title_block.order for f in found[1:]] + [10 ** 9]
    unread: list[UnreadCell] = []
    for i, f in enumerate(found):
        unit, unit_ref = _amount_unit(doc, f, unit)
        lay = _layout(f.rows)
        lines = _lines(f.rows, lay, unit, f.printed, unread)
        nonzero = any(not v.blank and v.value != 0 for ln in lines for v in ln.values.values())
        stmt = _statement(doc, f, min(orders[i + 1], titles_after[i]))
        keys = _keys(lay)
        columns = [PublicationColumn(header=keys[c], role=lay.roles[c], column=c + 1,  # type: ignore[arg-type]
                                     side=lay.sides[c]) for c in range(len(lay.roles))]
        tables.append(PublicationTable(
            title=f.printed, key=f.title.key, title_ref=f.title_block.ref.with_label(), table=f.table.index,
            pages=f.pages, status="present" if nonzero else "empty", empty_statement=stmt,
            amount_unit=unit, amount_unit_ref=unit_ref,  # type: ignore[arg-type]
            columns=columns, lines=lines))
    template = _is_template(doc, tables)
    if template:
        for t in tables:
            t.lines = []
    expected = _expected(kind, toc, tables)
    unit_attr = _unit(doc)
    if unit_attr is None:  # kept unknown: the submission (manifest, folder) may name it
        unit_attr = unknown_attribute()
    year = _year(doc, found) or unknown_attribute()
    narrative, sentences = read_narrative(doc, tables, kind)
    return [Publication(unit=unit_attr, year=int(year.value) if year.known else None, year_attr=year, kind=kind,  # type: ignore[arg-type]
                        template=template, tables=tables, expected=expected,
                        narrative=narrative, narrative_sentences=sentences,
                        executions=line_executions(tables, narrative),
                        published_date=labelled_date(doc, date_labels("budget_publication")),
                        signed_date=signature_date(doc),
                        approved_date=labelled_date(doc, date_labels("approval")),
                        unread_cells=[] if template else unread,
                        file_name=doc.file_name, file_sha256=doc.file_sha256)]


def _expected(kind: str, toc: list[tuple[_Title, str, TextBlock]],
              tables: list[PublicationTable]) -> list[ExpectedTable]:
    def status(keys: list[str]) -> tuple[str, int | None]:
        for i, t in enumerate(tables):
            if t.key in keys:
                return t.status, i
        return "missing", None

    out: list[ExpectedTable] = []
    covered: set[str] = set()
    for title, printed, block in toc:
        st, idx = status([title.key])
        out.append(ExpectedTable(key=title.key, title=printed, source="目录", ref=block.ref.with_label(),
                                 status=st, table=idx))  # type: ignore[arg-type]
        covered.add(title.key)
    for keys in config().raw["standard"][kind]:
        if covered.intersection(keys):
            continue
        st, idx = status(keys)
        key = tables[idx].key if idx is not None else keys[0]
        out.append(ExpectedTable(key=key, title=key, source="标准", status=st, table=idx))  # type: ignore[arg-type]
        covered.add(key)
    return out


# ---------------------------------------------------------------------------------------------
# Detection


def detect(doc: Document) -> float:
    """How sure we are that `doc` is a 部门预算 / 部门决算 publication (0–1)."""
    titled = {f.title.key for f in _find_tables(doc)}
    listed = {t.key for t, _, _ in _toc(doc)}
    head = fold(" ".join(b.text for b in doc.blocks[:40]))
    words = any(w in head for w in config().raw["detect"]["words"])
    score = 0.0
    if titled:
        score += 0.45 + 0.1 * min(len(titled) - 1, 3)
    if len(listed) >= 3:
        score += 0.45 if not titled else 0.2
    if words:
        score += 0.15
    return min(score, 1.0)


KIND = register(DocumentKind(name="final_accounts", label="部门预算/决算公开", detect=detect, parse=parse))

__all__ = ["KIND", "config", "detect", "match_title", "parse", "title_text"]
