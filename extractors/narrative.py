"""The narrative (情况说明) of a 部门决算 / 部门预算 publication: sentences and the figures they state.

The narrative is the prose after the tables (or, without tables, from the first “情况说明” heading),
up to the glossary (名词解释). The PDF extractor gives one text block per printed line; paragraphs
are rebuilt from indentation (a first line is indented, continuation lines are not) and from short
last lines, across page breaks, so that a number printed at the start of the next line (or page)
stays with its words. Sentences end at “。”.

Each number with a unit (万元 / 元 / % / 分) becomes a `NarrativeFigure`. What it is about is read
from the words in front of it, back to the previous delimiter (，；：、): a measure word
(年初预算为, 支出决算为, 占, 完成年初预算的, 增加/减少, 增长/下降) and a subject (本年收入合计,
一般公共服务支出（类）…). A clause naming no subject refers to the last one named in its paragraph
(“一般公共预算财政拨款支出年初预算为X万元，支出决算为Y万元，完成年初预算的Z%”); a numbered item
“1、A（类）B（款）C（项）” names the 项 for its whole paragraph. A share (占X%) belongs to the figure
before it and is a share of the paragraph's first total unless it names its base (占本年支出合计的).
Statements such as “决算数小于预算数” are attached, as comparison words, to the 决算 figure they judge.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from textnorm.numbers import NumberError, amount, parse_decimal
from textnorm.text import fold
from schemas.document import Document, TextBlock
from schemas.final_accounts import PublicationTable
from schemas.narrative import NarrativeFigure, NarrativeSentence
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef

# Canonical subject → the wordings that name it (quote marks removed). Longest match wins among
# those ending at the same place.
SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("财政拨款收入支出总计", ("财政拨款收入支出总计", "财政拨款收、支总计", "财政拨款收支总计")),
    ("收入支出总计", ("收入支出总计", "收、支总计", "收支总计")),
    ("本年收入合计", ("本年收入合计",)),
    ("本年支出合计", ("本年支出合计",)),
    ("一般公共预算财政拨款基本支出", ("一般公共预算财政拨款基本支出",)),
    ("一般公共预算财政拨款支出", ("一般公共预算财政拨款支出",)),
    ("一般公共预算财政拨款收入", ("一般公共预算财政拨款收入",)),
    ("政府性基金预算财政拨款收入", ("政府性基金预算财政拨款收入",)),
    ("政府性基金预算财政拨款支出", ("政府性基金预算财政拨款支出",)),
    ("国有资本经营预算财政拨款收入", ("国有资本经营预算财政拨款收入",)),
    ("国有资本经营预算财政拨款支出", ("国有资本经营预算财政拨款支出",)),
    ("财政拨款收入", ("财政拨款收入",)),
    ("上级补助收入", ("上级补助收入",)),
    ("事业收入", ("事业收入",)),
    ("经营收入", ("经营收入",)),
    ("附属单位上缴收入", ("附属单位上缴收入",)),
    ("其他收入", ("其他收入",)),
    ("基本支出", ("基本支出",)),
    ("项目支出", ("项目支出",)),
    ("经营支出", ("经营支出",)),
    ("上缴上级支出", ("上缴上级支出",)),
    ("对附属单位补助支出", ("对附属单位补助支出",)),
    ("年初结转和结余", ("年初结转和结余",)),
    ("年末结转和结余", ("年末结转和结余",)),
    ("人员经费", ("人员经费",)),
    ("公用经费", ("公用经费", "日常公用经费")),
    ("机关运行经费", ("机关运行经费",)),
    ("三公经费", ("三公经费",)),
    ("因公出国（境）费", ("因公出国（境）费", "因公出国(境)费", "因公出国（境）费用")),
    ("公务用车购置及运行费", ("公务用车购置及运行维护费", "公务用车购置及运行费")),
    ("公务用车购置费", ("公务用车购置费", "公务用车购置支出")),
    ("公务用车运行费", ("公务用车运行维护费", "公务用车运行费", "公务用车运行维护支出")),
    ("公务接待费", ("公务接待费",)),
    ("政府采购", ("政府采购金额", "政府采购支出")),
    ("货物采购", ("货物采购金额",)),
    ("工程采购", ("工程采购金额",)),
    ("服务采购", ("服务采购金额",)),
)

# Subjects named by the whole clause rather than a noun in front of the number.
_SEGMENT_SUBJECTS: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(r"在?其他政府采购项目中.*中小企业.*(中标|成交)"), "其他项目中小企业中标", None),
    (re.compile(r"面向中小企业预留的?政府采购项目中.*中小企业.*(中标|成交)"), "预留项目中小企业中标", None),
    (re.compile(r"面向小微企业预留的?政府采购项目中.*小微企业.*(中标|成交)"), "预留项目小微企业中标", None),
    (re.compile(r"面向中小企业预留的?政府采购项目预算金额$"), "面向中小企业预留", "预算金额"),
    (re.compile(r"面向小微企业预留的?政府采购项目预算金额$"), "面向小微企业预留", "预算金额"),
    (re.compile(r"编报绩效目标的.*预算金额$"), "绩效目标项目", "预算金额"),
    (re.compile(r"绩效跟踪评价的.*预算金额$"), "绩效跟踪评价项目", "预算金额"),
    (re.compile(r"绩效自评的.*预算金额$"), "绩效自评项目", "预算金额"),
    (re.compile(r"平均得分$"), "绩效自评项目", "得分"),
    (re.compile(r"单价$"), "大型设备单价", "标准"),
)

NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|亿元|元|%|分)")
_DELIMS = "，,；;：:、。（("
_QUOTES = re.compile(r"[“”\"‘’'「」]")
_LONG_PAREN = re.compile(r"（[^（）]{2,}）|\([^()]{2,}\)")  # （以合同签订为准）, not （类）（境）（含）
_MEASURE = re.compile(r"(年初预算数?|全年预算数?|调整后?预算数?|支出决算数?|决算数?|支出预算数?|预算数?)(为|是)?$")
_FILLER = re.compile(r"^(财政拨款)?(支出)?(决算)?(数)?(总额|金额)?(共计|合计)?(为|是|达)?$")
_SHARE = re.compile(r"占(.*?)的?$")
_BLANK_AMOUNT = re.compile(r"[，,；;：:。\s]|(?:万元|元)(?=[，,；;]?$)")
_COMPLETION = re.compile(r"完成(年初|全年|调整后?)?预算数?的?$")
_CHANGE = re.compile(r"(增加|减少|增长|下降|上升|降低|减少了|增加了)$")
_COMPARED = re.compile(r"(?:与|比|较|同)(上年度?|上一年度?|(20\d{2})年度?)(?:相比|同期)?")
# A 款 or 项 name may carry a short bracket of its own (政府办公厅（室）及相关机构事务).
_NAME_PART = r"(?:[^（）()，。；：、]|[（(](?![类款项][）)])[^（）()，。；：、]{1,3}[）)])+"
_ITEM_CHAIN = re.compile(rf"([^（）()，。；：、\d]+)[（(]类[）)]({_NAME_PART})[（(]款[）)]({_NAME_PART})[（(]项[）)]")
_CLASS = re.compile(r"([^（）()，。；：、\d]+)[（(]类[）)]$")
_BUDGET_WORDING = re.compile(r"决算数?(?:(大于|小于|高于|低于|超过|等于)(年初|全年|调整后?)?预算数?"
                             r"|与(年初|全年|调整后?)?预算数?(基本持平|持平|相当|一致))")
_HEADING = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_GLOSSARY = re.compile(r"名词解释")
_START = re.compile(r"情况说明|决算情况$|预算情况$")
_PART_START = re.compile(r"^第[一二三四五六七八九十]+部分.*(说明|情况)|情况说明$")
_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%"})
_INCREASE = {"增加", "增长", "上升", "增加了"}


# ---------------------------------------------------------------------------------------------
# Paragraphs from printed lines


@dataclass
class Paragraph:
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset in `text` where each block begins
    blocks: list[TextBlock] = field(default_factory=list)

    def add(self, block: TextBlock) -> None:
        self.starts.append(len(self.text))
        self.blocks.append(block)
        self.text += re.sub(r"\s+", "", block.text).translate(_FULLWIDTH)

    def block_at(self, offset: int) -> TextBlock:
        return self.blocks[max(0, bisect_right(self.starts, offset) - 1)]

    def pages(self, lo: int, hi: int) -> list[int]:
        first = max(0, bisect_right(self.starts, lo) - 1)
        last = max(0, bisect_right(self.starts, max(lo, hi - 1)) - 1)
        return sorted({b.ref.page for b in self.blocks[first:last + 1] if b.ref.page is not None})


def narrative_blocks(doc: Document, tables_end: int | None = None) -> list[TextBlock]:
    """The narrative's printed lines: after the last table (or from the first “情况说明” heading
    when there is no table), on pages without a table, up to the glossary (名词解释)."""
    table_pages = {p for t in doc.tables for p in t.pages}
    if tables_end is None:
        tables_end = max((t.order for t in doc.tables), default=None)
    # The narrative may start on the page where the last table ends, below it: from a heading
    # (第三部分 … / …情况说明) on, not the notes under the table.
    last = max(doc.tables, key=lambda t: t.order, default=None)
    end_page = last.pages[-1] if last is not None and last.pages else None
    start_here = next((b.order for b in doc.blocks if tables_end is not None and b.order > tables_end
                       and b.ref.page == end_page and _PART_START.search(fold(b.text))), None)
    blocks = [b for b in doc.blocks if b.ref.page not in table_pages
              or (start_here is not None and b.order >= start_here and b.ref.page == end_page)]
    if tables_end is not None:
        blocks = [b for b in blocks if b.order > tables_end]
    else:
        toc = {b.ref.page for b in doc.blocks if fold(b.text) in ("目录", "目次")}
        start = next((b.order for b in blocks if b.ref.page not in toc and _START.search(fold(b.text))), None)
        blocks = [b for b in blocks if start is not None and b.order >= start]
    out = []
    for b in blocks:
        t = fold(b.text)
        if _GLOSSARY.search(t) and len(t) <= 20:
            break
        out.append(b)
    return out


def text_margins(blocks: list[TextBlock]) -> tuple[float, float]:
    """(left, right) edge of the body text: the most common line start, the usual line end."""
    xs = Counter(round(b.ref.bbox[0]) for b in blocks if b.ref.bbox)
    left = min(x for x, n in xs.items() if n == max(xs.values())) if xs else 0.0
    ends = sorted(b.ref.bbox[2] for b in blocks if b.ref.bbox)
    right = ends[int(len(ends) * 0.9)] if ends else 0.0
    return float(left), float(right)


def paragraphs(blocks: list[TextBlock], margins: tuple[float, float] | None = None) -> list[Paragraph]:
    """Printed lines joined into paragraphs. A line starts a paragraph when it is indented, or
    when the line before ended short of the margin after a full stop (or was a heading).
    `margins` (left, right) overrides the body-text edges measured from the lines."""
    left, right = margins or text_margins(blocks)
    out: list[Paragraph] = []
    prev: TextBlock | None = None
    for b in blocks:
        x0 = b.ref.bbox[0] if b.ref.bbox else left
        # A block without a position (HTML, Word) is a paragraph of its own already.
        new = prev is None or prev.ref.bbox is None or b.ref.bbox is None
        if prev is not None and prev.ref.bbox is not None:
            height = max(prev.ref.bbox[3] - prev.ref.bbox[1], 6.0)
            indented = x0 > left + 2.5
            short = prev.ref.bbox[2] < right - 2.5 * height
            ended = bool(re.search(r"[。；：！？]$", prev.text.strip()))
            heading = bool(_HEADING.match(fold(prev.text))) and "万元" not in prev.text and short
            new = indented or (short and (ended or heading)) or (short and b.ref.page != prev.ref.page)
        if new:
            out.append(Paragraph())
        out[-1].add(b)
        prev = b
    return out


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass
class _Context:
    """What the clauses of a paragraph refer to."""

    subject: tuple[str, str, str | None] | None = None  # (canonical, label, code)
    figures: list[NarrativeFigure] = field(default_factory=list)


def _code_index(tables: list[PublicationTable]) -> dict[tuple[str, str | None], str]:
    """(folded name, parent code) → code, over every coded line of the tables; parent None for 类."""
    index: dict[tuple[str, str | None], str] = {}
    for t in tables:
        for ln in t.lines:
            if ln.code and ln.name:
                index.setdefault((fold(ln.name), ln.parent if ln.level != "类" else None), ln.code)
    return index


def _match_subject(words: str) -> tuple[str, str] | None:
    """The subject named at the end of `words` (before filler words): (canonical, as printed)."""
    best: tuple[int, int, str, str] | None = None
    for canonical, patterns in SUBJECTS:
        for p in patterns:
            i = words.rfind(p)
            if i < 0 or not _FILLER.match(words[i + len(p):]):
                continue
            key = (i + len(p), len(p))
            if best is None or key > best[:2]:
                best = (key[0], key[1], canonical, p)
    return (best[2], best[3]) if best else None


_CLASS_LEAD = re.compile(r"^(其中[:：]?|主要是|主要为|包括|（[一二三四五六七八九十]+）结构情况。?)")


def _bare_class(words: str, codes: dict[tuple[str, str | None], str]) -> tuple[str, str] | None:
    """A 类 named without “（类）” (“社会保障和就业支出43.74万元，占7.91%”): the words are exactly
    the name of a 类 the tables print. Returns (name, code)."""
    name = _CLASS_LEAD.sub("", words.strip())
    code = codes.get((fold(name), None)) if name else None
    return (name, code) if code and len(code) == 3 else None


def _pre_context(sentence: str, start: int) -> str:
    """The words in front of a number, back to the previous delimiter. Parentheses closed before
    the number belong to the words (（类）, （以合同签订为准）); an open one ends them."""
    i = start
    while i > 0:
        ch = sentence[i - 1]
        if ch in "）)":
            j = max(sentence.rfind("（", 0, i - 1), sentence.rfind("(", 0, i - 1))
            if j < 0:
                break
            i = j
            continue
        if ch in _DELIMS and not (ch == "、" and sentence[i - 2:i - 1] == "收" and sentence[i:i + 1] == "支"):
            break  # 收、支总计 is one name
        i -= 1
    return sentence[i:start]


def _segment(sentence: str, start: int) -> str:
    """The sentence part in front of a number, back to the previous “；” (for clause subjects)."""
    i = max(sentence.rfind("；", 0, start), sentence.rfind(";", 0, start))
    return sentence[i + 1:start]


def printed_number(raw: str, unit: str, ref: SourceRef) -> PrintedNumber | None:
    try:
        if unit in ("万元", "元"):
            return amount(raw + unit, ref, "万元")
        parsed = parse_decimal(raw)
    except NumberError:
        return None
    if parsed is None:
        return None
    value, decimals, _ = parsed
    return PrintedNumber(raw=raw + unit, value=value, printed=value, decimals=decimals,
                         printed_unit=unit, unit=unit, ref=ref)


def _resolve_item(m: re.Match[str], codes: dict[tuple[str, str | None], str]) -> str | None:
    cls = codes.get((fold(m.group(1)).lstrip(".．"), None))  # “1.农林水支出（类）…”: not the “.”
    kuan = codes.get((fold(m.group(2)), cls)) if cls else None
    return codes.get((fold(m.group(3)), kuan)) if kuan else None


def _figures_in_sentence(sentence: str, s_lo: int, para: Paragraph, ctx: _Context, section: str,
                         codes: dict[tuple[str, str | None], str], default_measure: str,
                         para_first: list[NarrativeFigure]) -> list[NarrativeFigure]:
    out: list[NarrativeFigure] = []
    chain = _ITEM_CHAIN.search(sentence)
    if chain:
        ctx.subject = (chain.group(3).strip(), chain.group(3).strip(), _resolve_item(chain, codes))
    compared = _COMPARED.search(sentence)
    last_end = 0  # where the last figure claimed in this sentence ends
    for m in NUMBER.finditer(sentence):
        raw, unit = m.group(1), m.group(2)
        if unit == "亿元":
            continue  # not a unit the tables use; never compared
        block = para.block_at(s_lo + m.start())
        value = printed_number(raw, unit, block.ref.with_label())
        if value is None:
            continue
        pre = _LONG_PAREN.sub("", _QUOTES.sub("", _pre_context(sentence, m.start())))
        seg = _LONG_PAREN.sub("", _QUOTES.sub("", _segment(sentence, m.start())))
        fragment = sentence[m.start() - len(_pre_context(sentence, m.start())):m.end()]
        subject: tuple[str, str, str | None] | None = None
        measure: str | None = None
        kind = "amount" if unit in ("万元", "元") else ("score" if unit == "分" else "percent")
        base: str | None = None
        comparison: str | None = None
        compared_to: str | None = None
        for pattern, name, seg_measure in _SEGMENT_SUBJECTS:
            if pattern.search(seg):
                subject, measure = (name, name, None), seg_measure or default_measure
                break
        if subject is None and kind == "percent" and (sm := _COMPLETION.search(pre)):
            measure, base = "完成率", f"{sm.group(1) or ''}预算"
            subject = ctx.subject
        elif subject is None and kind == "percent" and (sm := _SHARE.search(pre)) and pre.startswith("占"):
            measure = "占比"
            named = _match_subject(sm.group(1)) if sm.group(1) else None
            if named:
                base = named[0]
            previous = next((f for f in reversed(ctx.figures) if f.kind == "amount"), None)
            if previous is not None:
                subject = (previous.subject, previous.label, previous.code)
            # A subject named after the last figure, its amount left blank (“其他收入万元，占0.00%”),
            # owns the share, not the figure before it.
            between = _BLANK_AMOUNT.sub("", sentence[last_end:m.start() - len(_pre_context(sentence, m.start()))])
            if (left := _match_subject(between)) is not None:
                subject = (left[0], left[1], None)
            # The whole is the total the sentence opens with (“本年支出合计X万元，其中：…”), else
            # the paragraph's.
            # A 类 or 项 (coded) is a part, never the whole of a later share.
            whole = next((f for f in out + para_first if f.kind == "amount" and f.code is None), None)
            if base is None and whole is not None and whole.subject != (subject or ("",))[0]:
                base = whole.subject
        elif subject is None and (cm := _CHANGE.search(pre)):
            kind, measure = "change", ("变动额" if unit in ("万元", "元") else "变动率")
            comparison = cm.group(1).rstrip("了")
            compared_to = (compared.group(1) if compared else "上年")
            base = compared_to
            named = _match_subject(pre[:cm.start()])
            subject = (named[0], named[1], None) if named else ctx.subject
        if measure is None:
            words = pre
            mm = _MEASURE.search(words)
            if mm:
                word = mm.group(1)
                measure = ("年初预算" if word.startswith("年初") else "全年预算" if word.startswith("全年")
                           else "决算" if "决算" in word else "预算")
                words = words[:mm.start()]
            else:
                measure = default_measure
            cls = _CLASS.search(words)
            named = _match_subject(words)
            bare = _bare_class(words, codes)
            if cls:
                name = cls.group(1).strip()
                subject = (name, name + "（类）", codes.get((fold(name), None)))
            elif bare and not named:
                subject = (bare[0], bare[0] + "（类）", bare[1])
            elif named:
                subject = (named[0], named[1], None)
            else:
                subject = ctx.subject
        if kind == "score":
            measure = "得分"
        if subject is None:
            continue  # a number whose subject cannot be told: not claimed
        fig = NarrativeFigure(
            text=sentence, fragment=fragment, value=value, kind=kind, subject=subject[0],  # type: ignore[arg-type]
            label=subject[1], code=subject[2], measure=measure, base=base,  # type: ignore[arg-type]
            comparison=comparison, compared_to=compared_to, section=section, ref=block.ref.with_label())
        if kind in ("amount",) and measure not in ("标准",):
            ctx.subject = subject
            if not para_first:
                para_first.append(fig)
        ctx.figures.append(fig)
        out.append(fig)
        last_end = m.end()
    return out


def _attach_budget_wording(sentence: str, ref: SourceRef, ctx: _Context) -> None:
    """“决算数小于预算数” judges the latest 决算 figure of the subject the sentence names (or of
    the paragraph's subject)."""
    m = _BUDGET_WORDING.search(_QUOTES.sub("", sentence))
    if not m:
        return
    word = m.group(1) or m.group(4)
    which = m.group(2) or m.group(3) or ""
    named = _match_subject(_QUOTES.sub("", sentence[:m.start()]))
    subject = named[0] if named else (ctx.subject[0] if ctx.subject else None)
    for fig in reversed(ctx.figures):
        if fig.measure == "决算" and fig.kind == "amount" and fig.subject == subject:
            fig.comparison, fig.compared_to = word, f"{which}预算"
            fig.comparison_text, fig.comparison_ref = sentence, ref
            return


def read_narrative(doc: Document, tables: list[PublicationTable], kind: str = "决算",
                   ) -> tuple[list[NarrativeFigure], list[NarrativeSentence]]:
    """The narrative's figures and sentences (empty lists when the document has no narrative)."""
    blocks = narrative_blocks(doc)
    if not blocks:
        return [], []
    codes = _code_index(tables)
    default_measure = "决算" if kind == "决算" else "预算"
    figures: list[NarrativeFigure] = []
    sentences: list[NarrativeSentence] = []
    section = ""
    for para in paragraphs(blocks):
        text = para.text
        if _HEADING.match(text) and not NUMBER.search(text) and len(text) <= 60:
            section = text.rstrip("。")
        ctx = _Context()
        para_first: list[NarrativeFigure] = []
        lo = 0
        for m in re.finditer(r"[^。]+。?", text):
            sentence, lo = m.group(0), m.start()
            first = para.block_at(lo)
            ref = first.ref.with_label()
            sentences.append(NarrativeSentence(text=sentence, section=section, ref=ref,
                                               pages=para.pages(lo, m.end())))
            figures.extend(_figures_in_sentence(sentence, lo, para, ctx, section, codes,
                                                default_measure, para_first))
            _attach_budget_wording(sentence, ref, ctx)
    return figures, sentences


__all__ = ["NUMBER", "SUBJECTS", "Paragraph", "narrative_blocks", "paragraphs", "printed_number", "read_narrative",
           "text_margins"]
