"""Narrative reports: 绩效运行监控报告 (a period 1–N月) and 部门整体支出绩效自评报告 (a year).

A report is mostly prose. Its title (one of the first paragraphs) names the unit, the year and the
period (the file name is the fallback); headings (一、 （一） 1.) make sections; sentences end at
“。”. Every number with a unit (万元 / 元 / % / 分, and counts after an indicator's quoted name) is
a `ReportFigure` when the words in front of it (back to the previous ，；：。) say what it measures
(预算 / 执行 / 执行率 / 增长 …, wording in narrative_report.yaml); the budget line is the last one
named earlier in the sentence, else 合计. A clause without a measure word
inherits the previous figure's (“1-6月执行509.47万元，其中基本支出447.62万元”). Tables inside a
report (a budget-execution summary) give figures too, cell by cell.

PDF paragraphs are rebuilt from printed lines with the final-accounts narrative reader
(`extractors.narrative.paragraphs`); a .docx paragraph is one text block.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.dates import signature_date
from extractors.kinds import DocumentKind, ParseError, register
from extractors.freetext import find_amount_unit, find_period, find_year, unit_from_title
from extractors import wording
from extractors.wording import NarrativeReportWording
from extractors.narrative import NUMBER, Paragraph, paragraphs, printed_number, text_margins
from textnorm.numbers import NumberError, amount, rate
from textnorm.text import fold
from schemas.document import Document, Format, Table, TextBlock
from schemas.narrative_report import NarrativeReport, ReportFigure, ReportSection, ReportSentence
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, unknown_attribute

_HEADINGS = (
    (re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[、.．](?!\d)"), 3),
)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,30})[”\"]")
_COUNT = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)(人次|万人|次|人|个|项|户|台|件|天|场|期|篇|份|家|所|名|"
                    r"平方米|公里|千米|米|亩|吨|辆|座|条|盏|处)")
_CLAUSE_DELIMS = "，,；;：:。"


@dataclass(frozen=True)
class _Config:
    raw: dict
    lines: tuple[tuple[str, str], ...]  # (folded wording, canonical), longest first
    measures: tuple[tuple[str, str, re.Pattern[str]], ...]  # (measure, unit kind, pattern)
    compared: re.Pattern[str]
    table_columns: tuple[tuple[str, re.Pattern[str]], ...]


def sentence_lines(sentence: str) -> list[str]:
    """The canonical budget lines a sentence names (a word of the line's wording occurs in it)."""
    folded = fold(sentence)
    return list(dict.fromkeys(canonical for word, canonical in config().lines if word in folded))


def config() -> _Config:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> _Config:
    raw = wording.load("narrative_report", NarrativeReportWording).model_dump()
    lines = sorted(((fold(w), canonical) for canonical, words in raw["lines"].items() for w in words),
                   key=lambda p: len(p[0]), reverse=True)
    measures = tuple((m["measure"], m["unit"], re.compile("|".join(m["patterns"]))) for m in raw["measures"])
    columns = tuple((c["measure"], re.compile("|".join(c["patterns"]))) for c in raw["table_columns"])
    return _Config(raw, tuple(lines), measures, re.compile(raw["compared"]), columns)


def _matches(text: str, patterns: list[str]) -> bool:
    return any(re.search(p, text) for p in patterns)


# ---------------------------------------------------------------------------------------------
# Paragraphs, title, detection


def _paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs in reading order: a .docx block is one; PDF lines are joined."""
    blocks = [b for b in doc.blocks if b.text.strip()]
    if doc.format == Format.PDF and any(b.ref.bbox for b in blocks):
        return paragraphs(blocks, _report_margins(blocks))
    out = []
    for b in blocks:
        p = Paragraph()
        p.add(b)
        out.append(p)
    return out


def _report_margins(blocks: list[TextBlock]) -> tuple[float, float]:
    """Body-text edges of a report. A short report has more first lines (indented two characters)
    and headings than continuation lines, so the most common start is the indent: the left edge
    is the leftmost start shared by two lines or more."""
    left, right = text_margins(blocks)
    starts = Counter(round(b.ref.bbox[0]) for b in blocks if b.ref.bbox)
    shared = [x for x, n in starts.items() if n >= 2]
    return (float(min(shared)) if shared else left), right


def _title(paras: list[Paragraph]) -> tuple[str, TextBlock, int] | None:
    """The report's title: among the first paragraphs, the one matching a title pattern. A title
    printed over two lines is joined: the unit on a line of its own above a line that starts with
    the year (or has no year), or the title's last characters wrapped onto the next line.
    Returns (title, its first block, index of its last paragraph)."""
    patterns = config().raw["detect"]["title_patterns"]
    head = paras[:6]
    for i, p in enumerate(head):
        t = fold(p.text)
        last = i
        if len(t) > 80 or t.endswith("表"):
            continue
        if not _matches(t, patterns) and i + 1 < len(head):
            tail = fold(head[i + 1].text)
            if len(tail) <= 12 and not _heading_level(head[i + 1].text) and "。" not in tail \
                    and _matches(t + tail, patterns):
                t, last = t + tail, i + 1
        if _matches(t, patterns):
            if i > 0:
                above = fold(head[i - 1].text)
                if len(above) <= 30 and not _heading_level(head[i - 1].text) and "。" not in above \
                        and find_year(above) is None and (find_year(t) is None or re.match(r"^(关于)?20\d{2}年", t)):
                    return above + t, head[i - 1].blocks[0], last
            return t, p.blocks[0], last
    return None


def _prose_count(paras: list[Paragraph]) -> int:
    n = config().raw["detect"]["prose_chars"]
    return sum(1 for p in paras if "。" in p.text and len(fold(p.text)) >= n)


def detect(doc: Document) -> float:
    """How sure we are that `doc` is a narrative monitoring / self-evaluation report (0–1)."""
    paras = _paragraphs(doc)
    if _title(paras) is None:
        return 0.0
    prose = _prose_count(paras)
    if prose >= config().raw["detect"]["prose_paragraphs"]:
        return 0.9
    return 0.3 if prose else 0.1


# ---------------------------------------------------------------------------------------------
# Sections and sentences


def _heading_level(text: str) -> int | None:
    t = text.strip()
    for pattern, level in _HEADINGS:
        if pattern.match(t):
            # a heading is short; a numbered paragraph of prose (“1.加强……。”) is not one
            body = t.rstrip("。")
            # a numbered point of prose (“1.由疾控科牵头，7月底前完成……。”) has clauses
            prose = t.endswith("。") and re.search(r"[，,；;]", body)
            if len(fold(body)) <= 40 and "。" not in body and not NUMBER.search(t) and not prose:
                return level
    return None


def _role(sentence: str, headings: list[str]) -> str:
    """reason / measure / other: from the innermost heading that says (a point “1.项目支出进度偏慢”
    under “二、存在的问题及原因分析” is a reason), else from the sentence's own words."""
    roles = config().raw["roles"]
    s = fold(sentence)
    for heading in reversed(headings):
        h = fold(heading)
        if _matches(h, roles["measure_headings"]):
            return "measure"
        if _matches(h, roles["reason_headings"]):
            return "reason"
    body = re.sub(r"^([一二三四五六七八九十]+是|[(（]?\d+[)）.、]?)", "", s)
    if _matches(body, roles["measure_sentence"]):
        return "measure"
    if _matches(s, roles["reason_sentence"]):
        return "reason"
    return "other"


def _line_in(text: str) -> tuple[str, str, int] | None:
    """The last budget line named in `text`: (canonical, wording, end offset)."""
    t = text
    best: tuple[str, str, int] | None = None
    for word, canonical in config().lines:
        i = t.rfind(word)
        if i >= 0 and (best is None or i + len(word) > best[2]):
            best = (canonical, word, i + len(word))
    return best


def _clause_start(sentence: str, pos: int) -> int:
    i = pos
    while i > 0 and sentence[i - 1] not in _CLAUSE_DELIMS:
        i -= 1
    return i


def _measure(pre: str, unit_kind: str) -> str | None:
    if unit_kind == "amount" and _matches(pre, config().raw["not_line_amount"]):
        return None  # 追加预算X万元, 结余X万元: a part of a line's figure, not the figure
    for measure, kind, pattern in config().measures:
        if kind == unit_kind and pattern.search(pre):
            return measure
    return None


# ---------------------------------------------------------------------------------------------
# Figures in sentences


@dataclass
class _State:
    line: tuple[str, str] | None = None  # (canonical, wording) named last in the sentence
    measure: str | None = None  # the last figure's measure in the sentence
    amount_measure: str | None = None  # the last amount's measure in the paragraph


def _sentence_figures(sentence: str, lo: int, para: Paragraph, state: _State, section: str,
                      default_period: int) -> list[ReportFigure]:
    cfg = config()
    out: list[ReportFigure] = []
    state.measure = None
    state.line = None  # a sentence naming no line is about the whole unit
    hits = [(m.start(), m.end(), m.group(1), m.group(2), False) for m in NUMBER.finditer(sentence)]
    hits += [(m.start(), m.end(), m.group(1), m.group(2), True) for m in _COUNT.finditer(sentence)]
    for start, end, raw, unit, count in sorted(hits):
        if unit == "亿元":
            continue
        c0 = _clause_start(sentence, start)
        pre = sentence[c0:start]
        before = sentence[:start]
        quoted = list(_QUOTED.finditer(before))
        ref = para.block_at(lo + start).ref.with_label()
        unit_kind = "amount" if unit in ("万元", "元") else "rate" if unit == "%" else "score" if unit == "分" else "count"
        # indicator statements: “指标名”…完成…N% / N次
        between = sentence[quoted[-1].end():start] if quoted else ""
        states = quoted and ("完成" in pre or "完成" in between or (
            quoted[-1].start() >= c0 and re.fullmatch(cfg.raw["indicator_words"], fold(between))))
        if states and unit_kind in ("rate", "count"):
            name = quoted[-1].group(1)
            measure = "完成率" if unit_kind == "rate" and "完成率" in sentence[quoted[-1].end():start] else "完成值"
            value = _count(raw, unit, ref) if count else printed_number(raw, unit, ref)
            if value is not None:
                out.append(ReportFigure(text=sentence, fragment=sentence[c0:end], value=value, measure=measure,
                                        line=name, label=name, indicator=True, period_months=default_period,
                                        section=section, ref=ref))
            continue
        if count:
            continue
        line_pre = _line_in(fold(before))
        words = fold(pre)
        for w, _ in cfg.lines:  # line names are not measure words (基本支出 is not 支出)
            words = words.replace(w, "")
        measure = _measure(words, unit_kind)
        if measure is None and unit_kind == "amount" and _matches(pre, cfg.raw["not_line_amount"]):
            continue  # “年中追加…资金24.60万元” never takes the measure of the figure before it
        if measure is None and unit_kind == "amount" and state.measure in ("年初预算", "全年预算", "执行数", "上年执行数"):
            measure = state.measure
        if measure is None and unit_kind == "amount" and line_pre is not None and state.amount_measure \
                and re.fullmatch(cfg.raw["bare_line_words"], words):
            # “全年实际支出912.40万元。基本支出中人员经费612.35万元，…”: a clause that only names a
            # line states the same measure as the paragraph's last amount
            measure = state.amount_measure
        if measure is None:
            continue  # a number whose meaning cannot be told (占X%, 节约X万元): not claimed
        if line_pre is not None:
            state.line = line_pre[:2]
        line = state.line or ("合计", "")
        value = printed_number(raw, unit, ref)
        if value is None:
            continue
        compared = comparison = None
        if measure in ("变动额", "变动率", "上年执行数"):
            cm = cfg.compared.search(fold(sentence[:start]))
            compared = cm.group(1) if cm else "上年"
            if measure != "上年执行数":
                comparison = re.search(r"(增长|增加|上升|下降|减少|降低)了?$", words).group(1)  # type: ignore[union-attr]
            if measure == "上年执行数" and (ym := re.search(r"(20\d{2})年", words)):
                compared = f"{ym.group(1)}年"
        period = find_period(words) or default_period
        state.measure = measure
        if unit_kind == "amount" and measure in ("年初预算", "全年预算", "执行数"):
            state.amount_measure = measure
        out.append(ReportFigure(text=sentence, fragment=sentence[c0:end], value=value, measure=measure,  # type: ignore[arg-type]
                                line=line[0], label=line[1], period_months=period, compared_to=compared,
                                comparison=comparison, section=section, ref=ref))
    return out


def _count(raw: str, unit: str, ref: SourceRef) -> PrintedNumber | None:
    pn = printed_number(raw, "%", ref)
    if pn is None:
        return None
    return pn.model_copy(update={"raw": raw + unit, "printed_unit": unit, "unit": unit})


# ---------------------------------------------------------------------------------------------
# Figures in tables


def _table_figures(doc: Document, table: Table, section: str, default_period: int) -> list[ReportFigure]:
    """A budget-execution summary inside the report: a header row naming 预算 / 执行 columns and
    rows labelled with budget lines."""
    cfg = config()
    lines = dict(cfg.lines)
    before = " ".join(b.text for b in doc.text_before(table, 3))
    for h in range(min(table.n_rows, 3)):
        roles: dict[int, str] = {}
        for c, cell in enumerate(table.rows[h]):
            t = fold(cell.text)
            for measure, pattern in cfg.table_columns:
                if t and pattern.search(t):
                    if measure != "ignore":
                        roles[c] = measure
                    break
        if not ({"全年预算", "年初预算"} & set(roles.values()) and "执行数" in roles.values()):
            continue
        header_text = " ".join(cell.text for cell in table.rows[h])
        printed_unit = find_amount_unit(header_text) or find_amount_unit(before) or "万元"
        period = find_period(header_text) or default_period
        out: list[ReportFigure] = []
        for row in table.rows[h + 1:]:
            label = re.sub(r"^[一二三四五六七八九十\d]+[、.．]|^[(（][一二三四五六七八九十\d]+[)）]|^其中[:：]?", "",
                           fold(row[0].text))
            canonical = lines.get(label) or next((v for k, v in cfg.lines if label.startswith(k)), None)
            if canonical is None:
                continue
            for c, measure in roles.items():
                cell = row[c]
                if not cell.text.strip() or c == 0:
                    continue
                try:
                    value = rate(cell.text, cell.ref.with_label()) if measure == "执行率" else \
                        amount(cell.text, cell.ref.with_label(), printed_unit)
                except NumberError:
                    continue
                if value is None or value.blank:
                    continue
                out.append(ReportFigure(
                    text=" | ".join(x.text for x in row), fragment=f"{row[0].text} {table.rows[h][c].text} {cell.text}",
                    value=value, measure=measure, line=canonical, label=row[0].text,  # type: ignore[arg-type]
                    period_months=period, section=section, ref=cell.ref.with_label()))
        return out
    return []


# ---------------------------------------------------------------------------------------------
# Parsing


def _attribute(value: str | None, raw: str, ref: SourceRef | None, fallback: str | None,
               file_name: str) -> Attribute | None:
    if value:
        return Attribute(value=value, raw=raw, ref=ref, source="content")
    if fallback:
        return Attribute(value=fallback, raw=file_name, ref=None, source="filename")
    return None


def parse(doc: Document) -> list[NarrativeReport]:
    cfg = config()
    paras = _paragraphs(doc)
    found = _title(paras)
    if found is None:
        raise ParseError(doc.file_name, "未找到报告标题（如“……绩效运行监控报告”“……绩效自评报告”）",
                         code="parse.no_title")
    title, title_block, title_end = found
    title_ref = title_block.ref.with_label()
    stem = fold(Path(doc.file_name).stem)
    report_type = next((t for t, words in cfg.raw["types"].items() if any(w in title for w in words)),
                       None) or next((t for t, words in cfg.raw["types"].items() if any(w in stem for w in words)),
                                     "monitoring")
    unit_name = unit_from_title(title, cfg.raw["title_unit_stops"], cfg.raw["org_suffixes"])
    unit = _attribute(unit_name, title, title_ref,
                      unit_from_title(stem, cfg.raw["title_unit_stops"], cfg.raw["org_suffixes"]), doc.file_name)
    if unit is None:  # kept unknown: the submission (manifest, folder) may name it
        unit = unknown_attribute()
    year_value = find_year(title, allow_dates=True)
    year = _attribute(str(year_value) if year_value else None, title, title_ref,
                      str(find_year(stem, allow_dates=True) or "") or None, doc.file_name)
    if year is None:
        year = unknown_attribute()
    if report_type == "self_evaluation":
        period = Attribute(value="12", raw=title, ref=title_ref, source="content")
    else:
        months = find_period(title)
        period = _attribute(str(months) if months else None, title, title_ref,
                            str(find_period(stem) or "") or None, doc.file_name)
        if period is None:
            # the first sentence that names a period (“截至6月底，…”)
            first = next(((find_period(p.text), p) for p in paras if find_period(p.text)), None)
            if first is None:
                raise ParseError(doc.file_name, f"报告标题“{title}”、正文和文件名中均未找到监控期间（如1-6月）",
                                 code="parse.no_period")
            period = Attribute(value=str(first[0]), raw=first[1].text[:60],
                               ref=first[1].blocks[0].ref.with_label(), source="content")
    months = int(period.value)

    report = NarrativeReport(report_type=report_type, title=title, unit=unit, year=int(year.value) if year.known else None, year_attr=year,
                             period_months=months, period_attr=period, signed_date=signature_date(doc),
                             file_name=doc.file_name,
                             file_sha256=doc.file_sha256)
    section = ""
    headings: list[tuple[int, str]] = []  # the open headings, outermost first
    # Tables and paragraphs in reading order: a table takes the section it stands under.
    tables = sorted(doc.tables, key=lambda t: t.order)
    ti = 0
    for pi, para in enumerate(paras):
        order = para.blocks[0].order
        while ti < len(tables) and tables[ti].order < order:
            report.figures.extend(_table_figures(doc, tables[ti], section, months))
            ti += 1
        if pi <= title_end:
            continue
        level = _heading_level(para.text)
        if level is not None:
            section = para.text.strip().rstrip("。：:")
            report.sections.append(ReportSection(heading=section, level=level, ref=para.blocks[0].ref.with_label()))
            headings = [h for h in headings if h[0] < level] + [(level, section)]
            continue
        if _matches(fold(para.text), cfg.raw["not_prose"]):
            continue  # a table's unit line (“单位：元”) above a table
        state = _State()
        for m in re.finditer(r"[^。]+。?", para.text):
            sentence = m.group(0)
            if not fold(sentence):
                continue
            ref = para.block_at(m.start()).ref.with_label()
            report.sentences.append(ReportSentence(text=sentence, section=section, role=_role(sentence, [h for _, h in headings]),  # type: ignore[arg-type]
                                                   lines=sentence_lines(sentence), ref=ref))
            report.figures.extend(_sentence_figures(sentence, m.start(), para, state, section, months))
    while ti < len(tables):
        report.figures.extend(_table_figures(doc, tables[ti], section, months))
        ti += 1
    if not report.sentences and not report.figures:
        raise ParseError(doc.file_name, "报告正文为空，未读到任何句子", code="parse.empty")
    return [report]


KIND = register(DocumentKind(name="narrative_report", label="绩效监控/自评报告", detect=detect, parse=parse))

__all__ = ["KIND", "config", "detect", "parse"]
