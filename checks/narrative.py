"""Cross-checks of a publication's narrative (情况说明) against its tables (NAR001–NAR005).

The narrative repeats the tables' figures in words: totals, their parts and shares, the budget and
the actual of every 项, year-on-year changes. An auditor checks that each stated amount equals the
table's (NAR001), that each stated percentage follows from the stated amounts (NAR002), that no
template text or a stale year was left in (NAR003), that comparison words (大于/小于/持平, 增加/下降)
agree with the numbers (NAR004) and that the narrative's own parts fit in their whole (NAR005).

Every comparison is at print precision (`checks.common.tolerance`): a narrative printing 6.2 for a table's
6.20, or 9.55% for 29.42 ÷ 307.82 = 9.5575%, is not an error. A growth rate against a zero base
(a unit founded this year: “增加307.82万元，增长100.00%”) cannot be computed and is left alone; a
completion rate over a zero budget for a non-zero actual is reported. Templates are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from checks.catalogue import RuleContext, rule
from checks.common.evidence import (
    amount_text,
    message_unit,
    number_evidence,
    plain,
    rate_text,
)
from checks.common.tolerance import (
    HUNDRED,
    definitely_different,
    definitely_less,
    rate_matches,
    round_half_up,
    sum_mismatch,
)
from textnorm.text import fold
from schemas.final_accounts import Publication, PublicationLine, PublicationTable
from schemas.findings import Evidence, Finding, Subject
from schemas.narrative import NarrativeFigure
from schemas.numbers import PrintedNumber

_QUOTES = re.compile(r"[“”\"'‘’]")
_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")
_BUDGETS = ("年初预算", "全年预算", "预算")


def _key(text: str | None) -> str:
    return _NUMBERING.sub("", _QUOTES.sub("", fold(text)))


def _publications(ctx: RuleContext) -> list[Publication]:
    return [p for p in ctx.records_of(Publication) if not p.template and p.narrative_sentences]


def _fmt(pub: Publication) -> dict[str, Any]:
    return {"unit": pub.unit.value, "year": pub.year, "doc": f"{pub.year}年度部门{pub.kind}"}


def _subject(pub: Publication, fig: NarrativeFigure, column: str) -> Subject:
    line = f"{fig.code} {fig.subject}" if fig.code else fig.subject
    return Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{line}", column=column)


def _sentence_evidence(fig: NarrativeFigure, role: str) -> Evidence:
    return Evidence(role=role, raw=fig.text, value=fig.value.value, ref=fig.ref.with_label())


def _what(fig: NarrativeFigure) -> str:
    name = f"{fig.label or fig.subject}"
    measure = {"决算": "", "预算": "预算", "年初预算": "年初预算", "全年预算": "全年预算"}.get(fig.measure, fig.measure)
    return f"{name}{measure}"


# ---------------------------------------------------------------- table figures


def _line(table: PublicationTable, name: str) -> tuple[PublicationLine, str | None] | None:
    """The line named `name` (by its name or, in a two-sided 总表, by one side's label) and the
    label column it was found in."""
    want = _key(name)
    for ln in table.lines:
        for header, text in ln.texts.items():
            if _key(text) == want:
                return ln, header
        if _key(ln.name) == want and not ln.code:
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
_SANGONG = {"三公经费": "合计", "因公出国（境）费": "因公出国（境）费", "公务用车购置及运行费": "公务用车购置及运行费",
            "公务用车购置费": "公务用车购置费", "公务用车运行费": "公务用车运行费", "公务接待费": "公务接待费"}


def _total_row(pub: Publication, table_key: str, column: str):
    table = pub.table(table_key)
    if table is None or table.status != "present":
        return None
    ln = next((x for x in table.lines if not x.code and _key(x.name) in _TOTALS and column in x.values), None)
    return (table, ln, column) if ln else None


def _sangong(pub: Publication, subject: str, budget: bool):
    table = pub.table("财政拨款“三公”经费支出决算表")
    if table is None or not table.lines or subject not in _SANGONG:
        return None
    part, suffix = _SANGONG[subject], ("预算数" if budget else "决算数")
    ln = table.lines[0]
    headers = [h for h in ln.values if h.endswith(suffix) and f"/{part}/" in _QUOTES.sub("", h) + "/"]
    headers.sort(key=lambda h: ("小计" not in h, len(h)))  # 公务用车购置及运行费: its 小计
    if headers:
        return table, ln, headers[0]
    # Laid out as a list: one row per kind of expense (“1.因公出国（境）费”), 预算数 | 决算数 columns.
    for row in table.lines:
        if _SANGONG_ITEM.sub("", _key(row.name)) == part and suffix in row.values:
            return table, row, suffix
    return None


def table_figure(pub: Publication, fig: NarrativeFigure) -> tuple[PublicationTable, PublicationLine, str] | None:
    """The table cell holding the figure the narrative states, or None when no table prints it."""
    s = fig.subject
    if fig.kind != "amount":
        return None
    if s in _SANGONG:
        if fig.measure in ("决算", "年初预算", "预算"):
            return _sangong(pub, s, fig.measure != "决算")
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
        return _total_row(pub, "收入决算表", "本年收入合计") or _cell(pub, "收入支出决算总表", s, prefer=("决算数",))
    if s == "本年支出合计":
        return _total_row(pub, "支出决算表", "本年支出合计") or _cell(pub, "收入支出决算总表", s, prefer=("决算数",))
    if s in _INCOME_COLUMNS:
        return _total_row(pub, "收入决算表", s)
    if s in _SPENDING_COLUMNS:
        return _total_row(pub, "支出决算表", s)
    if s == "一般公共预算财政拨款支出":
        return _total_row(pub, "一般公共预算财政拨款支出决算表", "合计")
    if s == "一般公共预算财政拨款基本支出":
        return _total_row(pub, "一般公共预算财政拨款支出决算表", "基本支出")
    if s in ("人员经费", "公用经费"):
        return _cell(pub, "一般公共预算财政拨款基本支出决算表", f"{s}合计", prefer=("决算数",))
    return None


def _cell_label(table: PublicationTable, ln: PublicationLine, header: str) -> str:
    name = ln.name or next(iter(ln.texts.values()), "")
    if ln.code:
        name = f"{ln.code} {name}"
    return f"《{table.title or table.key}》“{name}”{header}" if name else f"《{table.title or table.key}》{header}"


# ---------------------------------------------------------------- narrative lookups


def _before(pub: Publication, fig: NarrativeFigure) -> list[NarrativeFigure]:
    i = next(k for k, f in enumerate(pub.narrative) if f is fig)
    return pub.narrative[:i]


def _same(a: NarrativeFigure, subject: str, code: str | None) -> bool:
    return a.subject == subject and (code is None or a.code is None or a.code == code)


def _stated(pub: Publication, fig: NarrativeFigure, subject: str, measures: tuple[str, ...],
            code: str | None = None, same_sentence: bool = False) -> NarrativeFigure | None:
    """The nearest amount figure before `fig` stating `subject` with one of `measures`."""
    for f in reversed(_before(pub, fig)):
        if same_sentence and f.text != fig.text:
            continue
        if f.kind == "amount" and f.measure in measures and _same(f, subject, code):
            return f
    return None


# ---------------------------------------------------------------- NAR001


@rule("NAR001", "narrative_amount_mismatch", severity="error")
def narrative_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An amount stated in the narrative differs from the table's beyond print precision."""
    for pub in _publications(ctx):
        for fig in pub.narrative:
            found = table_figure(pub, fig)
            if not found:
                continue
            table, ln, header = found
            cell = ln.values[header]
            if not definitely_different(fig.value, cell):
                continue
            evidence = [_sentence_evidence(fig, f"情况说明：{_what(fig)}"),
                        number_evidence(_cell_label(table, ln, header), cell)]
            mu = message_unit([fig.value, cell])
            yield ctx.finding(
                _subject(pub, fig, fig.measure), evidence,
                details={"narrative": str(fig.value.value), "table": str(cell.value),
                         "difference": str(fig.value.value - cell.value)},
                **_fmt(pub), sentence=fig.text, what=_what(fig), narrative=mu.amount(fig.value),
                cell=_cell_label(table, ln, header), table_value=mu.amount(cell),
                difference=mu.value(abs(fig.value.value - cell.value)), amount_unit=mu.unit)


# ---------------------------------------------------------------- NAR002


def _share_parts(pub: Publication, fig: NarrativeFigure) -> tuple[NarrativeFigure | None, PrintedNumber | None, Evidence | None]:
    part = _stated(pub, fig, fig.subject, ("决算", "预算"), fig.code)
    if fig.base is None:
        return part, None, None
    whole = _stated(pub, fig, fig.base, ("决算", "预算"))
    if whole is not None and (part is None or whole is not part):
        return part, whole.value, _sentence_evidence(whole, f"情况说明：{whole.label or whole.subject}")
    probe = NarrativeFigure(text="", fragment="", value=fig.value, kind="amount", subject=fig.base,
                            measure="决算", ref=fig.ref)
    found = table_figure(pub, probe)
    if found:
        table, ln, header = found
        return part, ln.values[header], number_evidence(_cell_label(table, ln, header), ln.values[header])
    return part, None, None


@rule("NAR002", "narrative_percentage_mismatch", severity="error")
def narrative_percentage_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A stated share, completion rate or growth rate does not follow from the stated amounts."""
    units = ctx.params.get("rounding_units", 1)
    for pub in _publications(ctx):
        for fig in pub.narrative:
            if fig.measure == "占比":
                yield from _check_share(ctx, pub, fig, units)
            elif fig.measure == "完成率":
                yield from _check_completion(ctx, pub, fig, units)
            elif fig.measure == "变动率":
                yield from _check_growth(ctx, pub, fig, units)


def _check_share(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    part, whole, whole_ev = _share_parts(pub, fig)
    if part is None or whole is None or whole.value <= 0 or whole_ev is None:
        return
    if rate_matches(fig.value, part.value, whole, units):
        return
    computed = part.value.value / whole.value * HUNDRED
    evidence = [_sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}占比"),
                _sentence_evidence(part, f"情况说明：{part.label or part.subject}"), whole_ev]
    yield ctx.finding(
        _subject(pub, fig, "占比"), evidence,
        details={"reported": str(fig.value.value), "computed": str(computed)},
        **_fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}占{fig.base}的比例",
        reported=rate_text(fig.value), formula=_quotient(part.value, whole),
        computed=_round2(computed))


def _quotient(numerator: PrintedNumber, denominator: PrintedNumber) -> str:
    """`a万元÷b万元` (or in 元, when both were printed in 元) for a message's formula."""
    mu = message_unit([numerator, denominator])
    return f"{mu.amount(numerator)}{mu.unit}÷{mu.amount(denominator)}{mu.unit}"


def _round2(value: Decimal) -> str:
    return format(round_half_up(value, 2), "f")


def _check_completion(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    actual = _stated(pub, fig, fig.subject, ("决算",), fig.code, same_sentence=True) \
        or _stated(pub, fig, fig.subject, ("决算",), fig.code)
    if actual is None:
        return
    stated = {m: _stated(pub, fig, fig.subject, (m,), fig.code, same_sentence=True) for m in _BUDGETS}
    if fig.base in stated and stated[fig.base] is not None:
        budget_fig = stated[fig.base]
    elif fig.base == "预算":
        budget_fig = stated["全年预算"] or stated["年初预算"]
    else:
        budget_fig = None
    budget_ev: Evidence | None = None
    if budget_fig is not None:
        budget, budget_ev = budget_fig.value, _sentence_evidence(budget_fig, f"情况说明：{_what(budget_fig)}")
    else:
        found = _sangong(pub, fig.subject, budget=True) if fig.subject in _SANGONG else None
        if not found:
            return
        table, ln, header = found
        budget, budget_ev = ln.values[header], number_evidence(_cell_label(table, ln, header), ln.values[header])
    base_word = f"{fig.base}数" if fig.base else "预算数"
    evidence = [_sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}完成率"),
                _sentence_evidence(actual, f"情况说明：{_what(actual)}"), budget_ev]
    if budget.value - budget.half_unit <= 0:
        if actual.value.value == 0 and fig.value.value == 0:
            return  # nothing budgeted, nothing spent: “0%” is the customary wording
        alt = _alternative(fig, actual, stated, units)
        alt_figure = alt.pop("figure") if alt else None  # a NarrativeFigure, for the message only
        mu = message_unit([budget, actual.value, *([alt_figure.value] if alt_figure else [])])
        yield ctx.finding(
            _subject(pub, fig, "完成率"), evidence,
            details={"reported": str(fig.value.value), "budget": str(budget.value), "alternative": alt},
            template="message_zero_base" if not alt else "message_zero_base_alt",
            **_fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}完成{base_word}的比例",
            reported=rate_text(fig.value), base=base_word, budget=mu.amount(budget),
            actual=mu.amount(actual.value), alt_base=(alt or {}).get("base", ""),
            alt_budget=mu.amount(alt_figure.value) if alt_figure else "",
            alt_computed=(alt or {}).get("computed", ""), amount_unit=mu.unit)
        return
    if rate_matches(fig.value, actual.value, budget, units):
        return
    computed = actual.value.value / budget.value * HUNDRED
    alt = _alternative(fig, actual, {k: v for k, v in stated.items() if v is not budget_fig}, units)
    if alt:
        alt.pop("figure")
    yield ctx.finding(
        _subject(pub, fig, "完成率"), evidence,
        details={"reported": str(fig.value.value), "computed": str(computed), "alternative": alt},
        **_fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}完成{base_word}的比例",
        reported=rate_text(fig.value), formula=_quotient(actual.value, budget),
        computed=_round2(computed))


def _alternative(fig: NarrativeFigure, actual: NarrativeFigure, stated: dict, units) -> dict | None:
    """Another budget stated in the sentence that the reported rate does agree with."""
    for measure, other in stated.items():
        if other is None or other.value.value <= 0 or measure == fig.base:
            continue
        if rate_matches(fig.value, actual.value, other.value, units):
            return {"base": f"{measure}数", "budget": amount_text(other.value),
                    "computed": _round2(actual.value.value / other.value.value * HUNDRED), "figure": other}
    return None


def _check_growth(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, units) -> Iterator[Finding]:
    change = next((f for f in reversed(_before(pub, fig)) if f.measure == "变动额" and f.text == fig.text
                   and _same(f, fig.subject, fig.code)), None)
    current = _stated(pub, fig, fig.subject, ("决算", "预算"), fig.code)
    if change is None or current is None:
        return
    sign = Decimal(1) if change.comparison in ("增加", "增长", "上升") else Decimal(-1)
    prior = current.value.value - sign * change.value.value
    slack = current.value.half_unit + change.value.half_unit
    if prior - slack <= 0:
        return  # no base last year (a unit founded this year): a growth rate cannot be computed
    low_change = max(change.value.value - change.value.half_unit, Decimal(0))
    high_change = change.value.value + change.value.half_unit
    low, high = low_change / (prior + slack) * HUNDRED, high_change / (prior - slack) * HUNDRED
    reported = fig.value.value
    distance = low - reported if reported < low else (reported - high if reported > high else Decimal(0))
    if distance < fig.value.resolution * Decimal(units):
        return
    computed = change.value.value / prior * HUNDRED
    evidence = [_sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}变动率"),
                _sentence_evidence(change, f"情况说明：{fig.label or fig.subject}变动额"),
                _sentence_evidence(current, f"情况说明：{_what(current)}")]
    mu = message_unit([change.value, current.value])
    prior_text = mu.value(prior) if mu.unit == "元" else plain(prior)
    yield ctx.finding(
        _subject(pub, fig, "变动率"), evidence,
        details={"reported": str(reported), "computed": str(computed), "prior": str(prior)},
        **_fmt(pub), sentence=fig.text, what=f"{fig.label or fig.subject}{fig.comparison}率",
        reported=rate_text(fig.value),
        formula=f"{mu.amount(change.value)}{mu.unit}÷上年{prior_text}{mu.unit}（{mu.amount(current.value)}{mu.unit}"
                f"{'－' if sign > 0 else '＋'}{mu.amount(change.value)}{mu.unit}）",
        computed=_round2(computed))


# ---------------------------------------------------------------- NAR003


_PLACEHOLDER = re.compile(r"[XＸ]{2,}|[xｘ]{2,}|[×＊*]{2,}|[□■○]{2,}")
_ALTERNATIVES = re.compile(r"(增加|减少|增长|下降|大于|小于|高于|低于|上升)[（(](增加|减少|增长|下降|大于|小于|高于|低于|上升)[）)]")
_YEAR = re.compile(r"(?<!\d)(20\d{2})年")
_COMPARED_YEAR = re.compile(r"(?:与|比|较|同)(20\d{2})年度?(?:相比|同期)?")


def stale_problems(text: str, year: int, instructions: list[str], kind: str = "决算") -> list[str]:
    """What in a sentence looks left over from a template or from another year's text.

    Outside a comparison (与2023年度相比) a 决算 may name its year and the next (when it was
    published); a 预算, prepared the year before, its year and the previous one (截至2024年8月31日)."""
    allowed = (year, year + 1) if kind == "决算" else (year - 1, year)
    problems: list[str] = []
    m = _PLACEHOLDER.search(text)
    if m:
        problems.append(f"占位符“{m.group(0)}”")
    m = _ALTERNATIVES.search(text)
    if m:
        problems.append(f"未选定的“{m.group(0)}”")
    for word in instructions:
        if word in text:
            problems.append(f"模板说明“{word}”")
    compared = {m.start(1) for m in _COMPARED_YEAR.finditer(text)}
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if m.start(1) in compared:
            if y != year - 1:
                problems.append(f"与{y}年相比（应为与{year - 1}年相比）")
        elif y not in allowed:
            problems.append(f"年度“{m.group(0)}”（本文件为{year}年度）")
    return problems


@rule("NAR003", "narrative_stale_text", severity="warning")
def narrative_stale_text(ctx: RuleContext) -> Iterator[Finding]:
    """Template placeholders, unresolved alternatives (增加（减少）) or a wrong year left in the text."""
    instructions = list(ctx.params.get("template_instructions", []))
    for pub in _publications(ctx):
        for sentence in pub.narrative_sentences:
            problems = stale_problems(sentence.text, pub.year, instructions, pub.kind)
            if not problems:
                continue
            evidence = [Evidence(role="情况说明", raw=sentence.text, value=None, ref=sentence.ref.with_label())]
            yield ctx.finding(
                Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{sentence.section}",
                        column=sentence.text[:30]),
                evidence, details={"problems": problems},
                **_fmt(pub), sentence=sentence.text, problems="、".join(problems))


# ---------------------------------------------------------------- NAR004


_AGREEING = {"增加": "增", "增长": "增", "上升": "增", "减少": "减", "下降": "减", "降低": "减"}


def _contradicted(word: str, actual: PrintedNumber, budget: PrintedNumber, roughly: Decimal) -> bool:
    if word in ("小于", "低于"):
        return not definitely_less(actual, budget)
    if word in ("大于", "高于", "超过"):
        return not definitely_less(budget, actual)
    if word in ("持平", "等于", "一致", "相当"):
        return definitely_different(actual, budget)
    if word == "基本持平":
        if budget.value <= 0:
            return actual.value > actual.half_unit
        return abs(actual.value - budget.value) / budget.value * HUNDRED > roughly
    return False


@rule("NAR004", "narrative_comparison_contradicted", severity="error")
def narrative_comparison_contradicted(ctx: RuleContext) -> Iterator[Finding]:
    """A comparison word (大于/小于/持平, 增加/下降) that the stated numbers contradict."""
    roughly = Decimal(str(ctx.params.get("roughly_equal_percent", 2)))
    for pub in _publications(ctx):
        for fig in pub.narrative:
            if fig.measure == "决算" and fig.comparison and fig.compared_to:
                yield from _check_budget_word(ctx, pub, fig, roughly)
            elif fig.measure == "变动率" and fig.comparison:
                change = next((f for f in reversed(_before(pub, fig)) if f.measure == "变动额"
                               and f.text == fig.text and _same(f, fig.subject, fig.code)), None)
                if change is None or not change.comparison:
                    continue
                if _AGREEING.get(change.comparison) == _AGREEING.get(fig.comparison):
                    continue
                evidence = [_sentence_evidence(change, f"情况说明：{fig.label or fig.subject}变动额"),
                            _sentence_evidence(fig, f"情况说明：{fig.label or fig.subject}变动率")]
                yield ctx.finding(
                    _subject(pub, fig, "变动方向"), evidence, template="message_direction",
                    details={"amount_word": change.comparison, "rate_word": fig.comparison},
                    **_fmt(pub), sentence=fig.text, what=fig.label or fig.subject,
                    amount_word=change.comparison, amount=message_unit([change.value]).amount(change.value),
                    amount_unit=message_unit([change.value]).unit,
                    rate_word=fig.comparison, rate=rate_text(fig.value))


def _check_budget_word(ctx: RuleContext, pub: Publication, fig: NarrativeFigure, roughly: Decimal) -> Iterator[Finding]:
    word, base = fig.comparison or "", fig.compared_to or "预算"
    measures = (base,) if base in ("年初预算", "全年预算") else _BUDGETS
    budgets: list[tuple[str, PrintedNumber, Evidence]] = []
    for m in measures:
        b = _stated(pub, fig, fig.subject, (m,), fig.code)
        if b is not None and b.section == fig.section:  # the budget stated for the same item
            budgets.append((f"{m}数", b.value, _sentence_evidence(b, f"情况说明：{_what(b)}")))
    if not budgets and fig.subject in _SANGONG:
        found = _sangong(pub, fig.subject, budget=True)
        if found:
            table, ln, header = found
            budgets.append(("预算数", ln.values[header], number_evidence(_cell_label(table, ln, header), ln.values[header])))
    if not budgets or not all(_contradicted(word, fig.value, b, roughly) for _, b, _ in budgets):
        return
    name, budget, budget_ev = budgets[0]
    evidence = [Evidence(role="情况说明：比较表述", raw=fig.comparison_text or fig.text, value=None,
                         ref=(fig.comparison_ref or fig.ref).with_label()),
                _sentence_evidence(fig, f"情况说明：{_what(fig)}"), budget_ev]
    mu = message_unit([fig.value, budget])
    yield ctx.finding(
        _subject(pub, fig, f"决算与{name}比较"), evidence,
        details={"word": word, "actual": str(fig.value.value), "budget": str(budget.value)},
        **_fmt(pub), sentence=fig.comparison_text or fig.text, what=fig.label or fig.subject, word=word,
        actual=mu.amount(fig.value), base=name, budget=mu.amount(budget), amount_unit=mu.unit)


# ---------------------------------------------------------------- NAR005


@rule("NAR005", "narrative_parts_exceed_whole", severity="error")
def narrative_parts_exceed_whole(ctx: RuleContext) -> Iterator[Finding]:
    """Parts the narrative states (货物/工程/服务采购; 中小企业中标 in reserved and other projects)
    that do not fit in the whole it states."""
    relations: list[dict[str, Any]] = ctx.params.get("relations", []) or []
    for pub in _publications(ctx):
        latest = {f.subject: f for f in pub.narrative if f.kind == "amount"}
        for spec in relations:
            whole = latest.get(spec["whole"])
            parts = [latest[p] for p in spec.get("parts", []) if p in latest]
            if whole is None or len(parts) < 2:
                continue
            exact = spec.get("relation", "equal") == "equal"
            mismatch = sum_mismatch(whole.value, [p.value for p in parts])
            if mismatch is None:
                continue
            computed, difference, tolerance = mismatch
            if not exact and difference >= 0:
                continue  # parts below the whole are allowed: not every purchase is listed
            labels = spec.get("labels", {}) or {}
            mu = message_unit([whole.value, *(p.value for p in parts)], [computed])
            evidence = [_sentence_evidence(whole, f"情况说明：{whole.label or whole.subject}")]
            evidence += [_sentence_evidence(p, f"情况说明：{labels.get(p.subject, p.subject)}") for p in parts]
            yield ctx.finding(
                Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{spec['whole']}",
                        column="＋".join(p.subject for p in parts)),
                evidence, details={"whole": str(whole.value.value), "sum": str(computed),
                                   "difference": str(difference), "tolerance": str(tolerance)},
                template="message" if exact else "message_exceeds",
                **_fmt(pub), whole=labels.get(whole.subject, whole.subject), whole_value=mu.amount(whole.value),
                parts="＋".join(f"{labels.get(p.subject, p.subject)}{mu.amount(p.value)}{mu.unit}" for p in parts),
                computed=mu.value(computed), amount_unit=mu.unit)


__all__ = ["stale_problems", "table_figure"]
