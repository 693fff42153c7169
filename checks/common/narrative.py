"""What the rules over a publication's narrative (情况说明, NAR001–NAR005, checks/narrative/) share:
the matching form of labels, the publications with a narrative, placeholders, subjects and evidence
of a narrative figure, the table cell that prints the figure a sentence states (`table_figure`; a
table's total row, `total_row`, is also what narrative reports' rules read from a 部门决算), and the
figures stated before a given one."""

from __future__ import annotations

import re
from typing import Any

from textnorm.text import fold
from checks.catalogue import RuleContext
from schemas.final_accounts import Publication, PublicationLine, PublicationTable
from schemas.findings import Evidence, Subject
from schemas.narrative import NarrativeFigure

QUOTES = re.compile(r"[“”\"'‘’]")
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
BUDGETS = ("年初预算", "全年预算", "预算")


def key(text: str | None) -> str:
    return _NUMBERING.sub("", QUOTES.sub("", fold(text)))


def publications(ctx: RuleContext) -> list[Publication]:
    return [p for p in ctx.records_of(Publication) if not p.template and p.narrative_sentences]


def fmt(pub: Publication) -> dict[str, Any]:
    return {"unit": pub.unit.value, "year": pub.year, "doc": f"{pub.year}年度部门{pub.kind}"}


def subject(pub: Publication, fig: NarrativeFigure, column: str) -> Subject:
    line = f"{fig.code} {fig.subject}" if fig.code else fig.subject
    return Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{line}", column=column)


def sentence_evidence(fig: NarrativeFigure, role: str) -> Evidence:
    return Evidence(role=role, raw=fig.text, value=fig.value.value, ref=fig.ref.with_label())


def what(fig: NarrativeFigure) -> str:
    name = f"{fig.label or fig.subject}"
    measure = {"决算": "", "预算": "预算", "年初预算": "年初预算", "全年预算": "全年预算"}.get(fig.measure, fig.measure)
    return f"{name}{measure}"


# ---------------------------------------------------------------- table figures


def _line(table: PublicationTable, name: str) -> tuple[PublicationLine, str | None] | None:
    """The line named `name` (by its name or, in a two-sided 总表, by one side's label) and the
    label column it was found in."""
    want = key(name)
    for ln in table.lines:
        for header, text in ln.texts.items():
            if key(text) == want:
                return ln, header
        if key(ln.name) == want and not ln.code:
            return ln, None
    return None


def _column(ln: PublicationLine, label_header: str | None, prefer: tuple[str, ...]) -> str | None:
    """The amount column of `ln` on the side of its label: `收入/决算数` for a 收入/项目 label."""
    side = label_header.split("/", 1)[0] if label_header and "/" in label_header else None
    for p in prefer:
        for header in ln.values:
            if header == p or (side and header == f"{side}/{p}"):
                return header
    # A 决算 group beside budget columns (年初预算数 | 全年预算数 | 决算数/合计 …): its column.
    for p in prefer:
        for header in ln.values:
            if header == f"决算数/{p}":
                return header
    return None


def _cell(pub: Publication, table_key: str, line: str | None = None, code: str | None = None,
          prefer: tuple[str, ...] = ("决算数", "合计")) -> tuple[PublicationTable, PublicationLine, str] | None:
    table = pub.table(table_key)
    if table is None or table.status != "present":
        return None
    if code is not None:
        ln = next((x for x in table.lines if x.code == code), None)
        found = (ln, None) if ln else None
    else:
        found = _line(table, line or "")
    if not found:
        return None
    ln, label = found
    header = _column(ln, label, prefer)
    return (table, ln, header) if header else None


_TOTALS = ("合计", "总计")
_INCOME_COLUMNS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
_SPENDING_COLUMNS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
_SANGONG_ITEM = re.compile(r"^(其中[:：])?([0-9]+[.．、]|[(（][0-9]+[)）])?")
SANGONG = {"三公经费": "合计", "因公出国（境）费": "因公出国（境）费", "公务用车购置及运行费": "公务用车购置及运行费",
           "公务用车购置费": "公务用车购置费", "公务用车运行费": "公务用车运行费", "公务接待费": "公务接待费"}


def total_row(pub: Publication, table_key: str, column: str):
    """(table, its uncoded 合计 / 总计 row, column) when the table is present and the row prints
    `column`, else None."""
    table = pub.table(table_key)
    if table is None or table.status != "present":
        return None
    ln = next((x for x in table.lines if not x.code and key(x.name) in _TOTALS and column in x.values), None)
    return (table, ln, column) if ln else None


def sangong(pub: Publication, subject: str, budget: bool):
    table = pub.table("财政拨款“三公”经费支出决算表")
    if table is None or not table.lines or subject not in SANGONG:
        return None
    part, suffix = SANGONG[subject], ("预算数" if budget else "决算数")
    ln = table.lines[0]
    headers = [h for h in ln.values if h.endswith(suffix) and f"/{part}/" in QUOTES.sub("", h) + "/"]
    headers.sort(key=lambda h: ("小计" not in h, len(h)))  # 公务用车购置及运行费: its 小计
    if headers:
        return table, ln, headers[0]
    # Laid out as a list: one row per kind of expense (“1.因公出国（境）费”), 预算数 | 决算数 columns.
    for row in table.lines:
        if _SANGONG_ITEM.sub("", key(row.name)) == part and suffix in row.values:
            return table, row, suffix
    return None


def table_figure(pub: Publication, fig: NarrativeFigure) -> tuple[PublicationTable, PublicationLine, str] | None:
    """The table cell holding the figure the narrative states, or None when no table prints it."""
    s = fig.subject
    if fig.kind != "amount":
        return None
    if s in SANGONG:
        if fig.measure in ("决算", "年初预算", "预算"):
            return sangong(pub, s, fig.measure != "决算")
        return None
    if fig.measure != "决算":
        return None  # Shanghai's tables print no budget outside the 三公 table
    if fig.code:
        return _cell(pub, "一般公共预算财政拨款支出决算表", code=fig.code, prefer=("合计",))
    if s == "收入支出总计":
        return _cell(pub, "收入支出决算总表", "总计", prefer=("决算数",))
    if s == "财政拨款收入支出总计":
        return _cell(pub, "财政拨款收入支出决算总表", "总计", prefer=("决算数", "合计"))
    if s == "本年收入合计":
        return total_row(pub, "收入决算表", "本年收入合计") or _cell(pub, "收入支出决算总表", s, prefer=("决算数",))
    if s == "本年支出合计":
        return total_row(pub, "支出决算表", "本年支出合计") or _cell(pub, "收入支出决算总表", s, prefer=("决算数",))
    if s in _INCOME_COLUMNS:
        return total_row(pub, "收入决算表", s)
    if s in _SPENDING_COLUMNS:
        return total_row(pub, "支出决算表", s)
    if s == "一般公共预算财政拨款支出":
        return total_row(pub, "一般公共预算财政拨款支出决算表", "合计")
    if s == "一般公共预算财政拨款基本支出":
        return total_row(pub, "一般公共预算财政拨款支出决算表", "基本支出")
    if s in ("人员经费", "公用经费"):
        return _cell(pub, "一般公共预算财政拨款基本支出决算表", f"{s}合计", prefer=("决算数",))
    return None


def cell_label(table: PublicationTable, ln: PublicationLine, header: str) -> str:
    name = ln.name or next(iter(ln.texts.values()), "")
    if ln.code:
        name = f"{ln.code} {name}"
    return f"《{table.title or table.key}》“{name}”{header}" if name else f"《{table.title or table.key}》{header}"


# ---------------------------------------------------------------- narrative lookups


def before(pub: Publication, fig: NarrativeFigure) -> list[NarrativeFigure]:
    i = next(k for k, f in enumerate(pub.narrative) if f is fig)
    return pub.narrative[:i]


def same(a: NarrativeFigure, subject: str, code: str | None) -> bool:
    return a.subject == subject and (code is None or a.code is None or a.code == code)


def stated_before(pub: Publication, fig: NarrativeFigure, subject: str, measures: tuple[str, ...],
                  code: str | None = None, same_sentence: bool = False) -> NarrativeFigure | None:
    """The nearest amount figure before `fig` stating `subject` with one of `measures`."""
    for f in reversed(before(pub, fig)):
        if same_sentence and f.text != fig.text:
            continue
        if f.kind == "amount" and f.measure in measures and same(f, subject, code):
            return f
    return None
