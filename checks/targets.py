"""Cross-checks over 绩效目标表 records (TGT001–TGT008): the quality of approved targets.

What an evaluator criticises in a target table (domain.md, "Cross-checks → Targets"): too few
quantitative indicators, vague qualitative values, missing or catch-all sections, undifferentiated
satisfaction indicators, task amounts that do not add up, and a goal text quoting another budget.
Word lists, section names, suggestions and the benchmark are configuration (`rules.yaml`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Callable

from checks.catalogue import RuleContext, rule
from checks.common.evidence import (
    MessageUnit,
    amount_decimals,
    amount_text,
    format_amount,
    indicator_names,
    message_unit,
    number_evidence,
    plain,
)
from checks.common.target_names import name_ev, name_key, table_title, value_ev, value_ref, value_text  # noqa: F401
from checks.common.tolerance import HUNDRED, definitely_different, round_half_up, sum_mismatch
from textnorm.numbers import amount as parse_amount
from textnorm.text import fold
from schemas.findings import Evidence, Finding, Subject
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.targets import TargetIndicator, TargetTable

_SECTION_SUFFIX = re.compile(r"(指标|目标)$")
_SECTION_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(（][一二三四五六七八九十\d]+[)）])")


# ---------------------------------------------------------------- names and sections


def section_core(name: str) -> str:
    """`产出指标` → `产出`, `一、部门履职目标` → `部门履职`: the part that identifies a 一级 section."""
    key = _SECTION_NUMBERING.sub("", fold(name))
    return _SECTION_SUFFIX.sub("", name_key(key)) or name_key(key)


def section_of(level1: str, sections: Iterable[str]) -> str | None:
    """The configured section a printed 一级 name belongs to (its core appears in it), else None."""
    printed = name_key(_SECTION_NUMBERING.sub("", fold(level1)))
    if not printed:
        return None
    for section in sections:
        core = section_core(section)
        if core and core in printed:
            return section
    return None


def _per_kind(value: Any, kind: str) -> list[str]:
    """A configured list that may be given per table kind ({unit: [...], project: [...]})."""
    if isinstance(value, dict):
        value = value.get(kind, [])
    return [str(v) for v in value or []]


def base_fmt(ctx: RuleContext, table: TargetTable) -> dict[str, Any]:
    return {"unit": table.unit.value, "year": table.year, "title": table_title(ctx.settings, table)}


def subject(table: TargetTable, line: str, column: str, period: str = "") -> Subject:
    return Subject(unit=table.unit.value, year=table.year, period=period,
                   project=table.project_name, line=line, column=column)


# ---------------------------------------------------------------- evidence and sources


def quoted(names: Iterable[str]) -> str:
    return "、".join(f"“{n}”" for n in names)


def _percent(part: int, total: int) -> Decimal:
    return Decimal(part) / Decimal(total) * HUNDRED


def _tables(ctx: RuleContext) -> list[TargetTable]:
    return ctx.records_of(TargetTable)


# ---------------------------------------------------------------- TGT001


@rule("TGT001", "quantitative_share_below_benchmark", severity="warning")
def quantitative_share_below_benchmark(ctx: RuleContext) -> Iterator[Finding]:
    """The share of quantitative 三级 indicators is below the configured benchmark (80%)."""
    benchmark = Decimal(str(ctx.settings.get("quantitative_benchmark", 80)))
    for table in _tables(ctx):
        indicators = table.indicators
        if not indicators:
            continue
        quantitative = [i for i in indicators if i.value is not None and i.value.quantitative]
        share = _percent(len(quantitative), len(indicators))
        if share >= benchmark:
            continue
        names = indicator_names(indicators)
        evidence = [value_ev(ind, name) for ind, name in zip(indicators, names)]
        percent = format(round_half_up(share, 2), "f")
        details = {
            "total": len(indicators),
            "quantitative": len(quantitative),
            "percent": percent,
            "benchmark": plain(benchmark),
            "quantitative_indicators": [n for i, n in zip(indicators, names) if i in quantitative],
            "qualitative_indicators": [n for i, n in zip(indicators, names) if i not in quantitative],
        }
        qualitative = [
            f"{n}（{i.value.raw if i.value else '未填'}）"
            for i, n in zip(indicators, names) if i not in quantitative
        ]
        yield ctx.finding(
            subject(table, "", "指标值"),
            evidence,
            details,
            **base_fmt(ctx, table),
            total=len(indicators),
            quantitative=len(quantitative),
            qualitative=len(qualitative),
            qualitative_list="、".join(qualitative),
            percent=percent,
            benchmark=plain(benchmark),
        )


# ---------------------------------------------------------------- TGT002


def vague_word(text: str, words: Iterable[str]) -> str | None:
    """The longest configured vague word in a value text, else None."""
    key = name_key(text)
    found = [w for w in words if name_key(w) and name_key(w) in key]
    return max(found, key=lambda w: len(name_key(w))) if found else None


def suggestion_for(name: str, suggestions: dict[str, str], default: str) -> str:
    """The first suggestion whose pattern (a regular expression) is found in the indicator name."""
    key = fold(name)
    for pattern, text in (suggestions or {}).items():
        if re.search(str(pattern), key):
            return str(text)
    return default


@rule("TGT002", "vague_qualitative_value", severity="notice")
def vague_qualitative_value(ctx: RuleContext) -> Iterator[Finding]:
    """A qualitative indicator whose value is a vague word (规范, 健全, 满意, 提升 …)."""
    words = [str(w) for w in ctx.params.get("vague_words", []) or []]
    suggestions = ctx.params.get("suggestions", {}) or {}
    default = str(ctx.params.get("default_suggestion", ""))
    for table in _tables(ctx):
        for ind, name in zip(table.indicators, indicator_names(table.indicators)):
            if ind.value is None or ind.value.quantitative:
                continue
            word = vague_word(ind.value.raw, words)
            if word is None:
                continue
            suggestion = suggestion_for(ind.level3, suggestions, default)
            evidence = [name_ev(ind, name), value_ev(ind, name)]
            details = {"indicator": ind.level3, "value": ind.value.raw, "vague_word": word,
                       "suggestion": suggestion, "level1": ind.level1, "level2": ind.level2}
            yield ctx.finding(
                subject(table, name, "指标值"),
                evidence,
                details,
                **base_fmt(ctx, table),
                indicator=ind.level3,
                value=ind.value.raw,
                suggestion=suggestion,
            )


# ---------------------------------------------------------------- TGT003, TGT004


def by_section(table: TargetTable, sections: Sequence[str]) -> dict[str, list[TargetIndicator]]:
    """The table's indicators grouped by the configured 一级 section they belong to."""
    groups: dict[str, list[TargetIndicator]] = defaultdict(list)
    for ind in table.indicators:
        section = section_of(ind.level1, sections)
        if section is not None:
            groups[section].append(ind)
    return groups


def section_alternatives(value: Any, kind: str) -> list[list[str]]:
    """The configured sets of required sections of a table kind. Each set is one legitimate form
    (a unit-wide table by 部门管理/部门履职/部门效果, or by 产出/效益/满意度指标); a flat list is a
    single set."""
    if isinstance(value, dict):
        value = value.get(kind, [])
    value = list(value or [])
    if value and all(isinstance(v, (list, tuple)) for v in value):
        return [[str(s) for s in alt] for alt in value if alt]
    return [[str(v) for v in value]] if value else []


def best_alternative(table: TargetTable, alternatives: Sequence[Sequence[str]]) -> list[str]:
    """The set of required sections the table follows most closely (most sections present; the
    first listed on a tie)."""
    best: list[str] = []
    best_present = -1
    for alt in alternatives:
        present = len(by_section(table, alt))
        if present > best_present:
            best, best_present = list(alt), present
    return best


@rule("TGT003", "required_section_missing", severity="warning")
def required_section_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A required 一级 section has no indicator, measured against the set of required sections
    (部门管理/部门履职/部门效果, or 产出/效益/满意度指标 …) the table follows most closely."""
    for table in _tables(ctx):
        if not table.indicators:  # nothing was read: a parse problem, not a missing section
            continue
        required = best_alternative(table, section_alternatives(ctx.params.get("required_sections"), table.kind))
        present = by_section(table, required)
        printed: list[str] = []
        firsts: list[TargetIndicator] = []
        for ind in table.indicators:
            if ind.level1 and ind.level1 not in printed:
                printed.append(ind.level1)
                firsts.append(ind)
        for section in required:
            if section in present:
                continue
            evidence = [Evidence(role=f"三级指标（{ind.level1}）", raw=ind.level3, ref=ind.ref.with_label())
                        for ind in firsts]
            details = {"section": section, "present_sections": printed, "required_sections": required}
            yield ctx.finding(
                subject(table, section, "一级指标"),
                evidence,
                details,
                **base_fmt(ctx, table),
                section=section,
                present=quoted(printed) or "无",
                source_file=table.file_name,
            )


def restates_section(name: str, section: str, min_chars: int) -> bool:
    """The indicator name repeats its own 一级 section name (部门履职情况提升性 under 部门履职)."""
    core = section_core(section)
    return len(core) >= min_chars and core in name_key(name)


@rule("TGT004", "catch_all_indicator", severity="warning")
def catch_all_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """A key 一级 section carries a single indicator, or indicators that restate the section name."""
    min_chars = int(ctx.params.get("restate_min_chars", 3))
    for table in _tables(ctx):
        key_sections = _per_kind(ctx.params.get("key_sections"), table.kind)
        groups = by_section(table, key_sections)
        names = dict(zip(map(id, table.indicators), indicator_names(table.indicators)))
        for section in key_sections:
            members = groups.get(section, [])
            if not members:
                continue
            single = len(members) == 1
            restating = [i for i in members if restates_section(i.level3, section, min_chars)]
            if not single and not restating:
                continue
            listed = members if single else restating
            template = "message" if single and restating else ("message_single" if single else "message_restates")
            evidence = [name_ev(i, names[id(i)]) for i in listed]
            details = {
                "section": section,
                "indicator_count": len(members),
                "single": single,
                "restating": [i.level3 for i in restating],
                "indicators": [i.level3 for i in listed],
            }
            yield ctx.finding(
                subject(table, section, "三级指标"),
                evidence,
                details,
                template=template,
                **base_fmt(ctx, table),
                section=members[0].level1,
                indicators=quoted(i.level3 for i in listed),
                count=len(members),
            )


# ---------------------------------------------------------------- TGT005


@rule("TGT005", "satisfaction_undifferentiated", severity="warning")
def satisfaction_undifferentiated(ctx: RuleContext) -> Iterator[Finding]:
    """Satisfaction indicators not split by service-object group, or stating no number."""
    words = [name_key(w) for w in ctx.params.get("satisfaction_words", ["满意度"]) or [] if name_key(w)]
    groups = [name_key(w) for w in ctx.params.get("group_words", []) or [] if name_key(w)]
    for table in _tables(ctx):
        pairs = [(i, n) for i, n in zip(table.indicators, indicator_names(table.indicators))
                 if any(w in name_key(i.level3) for w in words)]
        if not pairs:
            continue
        if not any(g in name_key(i.level3) for i, _ in pairs for g in groups):
            evidence = [name_ev(i, n) for i, n in pairs]
            yield ctx.finding(
                subject(table, "满意度", "三级指标"),
                evidence,
                {"indicators": [i.level3 for i, _ in pairs]},
                **base_fmt(ctx, table),
                indicators=quoted(i.level3 for i, _ in pairs),
            )
        for ind, name in pairs:
            if ind.value is not None and ind.value.number is not None:
                continue
            evidence = [name_ev(ind, name), value_ev(ind, name)]
            yield ctx.finding(
                subject(table, name, "指标值"),
                evidence,
                {"indicator": ind.level3, "value": value_text(ind)},
                template="message_no_number",
                **base_fmt(ctx, table),
                indicator=ind.level3,
                value=value_text(ind) or "（空）",
            )


# ---------------------------------------------------------------- TGT006


@rule("TGT006", "task_amounts_mismatch", severity="error")
def task_amounts_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Σ 任务预算金额 ≠ 金额合计; 金额合计 ≠ 资金总额; 资金总额 ≠ 财政拨款 + 其他资金."""
    scale = Decimal(str(ctx.params.get("tolerance_scale", 1)))
    for table in _tables(ctx):
        fmt = base_fmt(ctx, table)
        # Σ checks need every task's amount (a blank amount is an exact zero, a missing one unknown).
        tasks = [(t.name, t.amount) for t in table.tasks if t.amount is not None]
        if len(tasks) != len(table.tasks):
            tasks = []
        task_evs = [number_evidence(f"预算金额（{name}）", pn) for name, pn in tasks]
        task_amounts = [pn for _, pn in tasks]
        def parts_text(mu: MessageUnit) -> str:
            return "＋".join(f"“{name}”{mu.amount(pn)}{mu.unit}" for name, pn in tasks)

        # Σ tasks vs the task block's 金额合计
        if table.tasks_total is not None and tasks:
            mismatch = sum_mismatch(table.tasks_total, task_amounts, scale)
            if mismatch is not None:
                yield _sum_finding(ctx, table, fmt, "message", "金额合计", "任务预算金额",
                                   table.tasks_total, task_amounts,
                                   [number_evidence("金额合计", table.tasks_total), *task_evs],
                                   mismatch, parts_text)

        # the task block vs the budget block's 资金总额
        budget = table.budget_total
        if budget is not None and budget.blank:  # 资金总额 left empty: nothing to compare with
            budget = None
        if budget is not None and (table.tasks_total is not None or tasks):
            if table.tasks_total is not None:
                if definitely_different(table.tasks_total, budget):
                    total = table.tasks_total
                    decimals = max(amount_decimals(total), amount_decimals(budget))
                    difference = budget.value - total.value
                    mu = message_unit([budget, total])
                    evidence = [number_evidence("资金总额", budget), number_evidence("金额合计", total)]
                    yield ctx.finding(
                        subject(table, "资金总额", "金额合计"),
                        evidence,
                        {"budget_total": amount_text(budget), "tasks_total": amount_text(total),
                         "difference": format_amount(difference, decimals)},
                        template="message_budget",
                        **fmt,
                        budget=mu.amount(budget),
                        tasks=f"年度主要任务金额合计{mu.amount(total)}{mu.unit}",
                        difference=mu.value(difference),
                        amount_unit=mu.unit,
                    )
            else:
                mismatch = sum_mismatch(budget, task_amounts, scale)
                if mismatch is not None:
                    computed, difference, _tol = mismatch
                    decimals = max(amount_decimals(x) for x in [budget, *task_amounts])
                    mu = message_unit([budget, *task_amounts], [computed])
                    evidence = [number_evidence("资金总额", budget), *task_evs]
                    yield ctx.finding(
                        subject(table, "资金总额", "金额合计"),
                        evidence,
                        {"budget_total": amount_text(budget), "tasks_sum": format_amount(computed, decimals),
                         "difference": format_amount(difference, decimals)},
                        template="message_budget",
                        **fmt,
                        budget=mu.amount(budget),
                        tasks=f"年度主要任务预算金额之和{mu.value(computed)}{mu.unit}",
                        difference=mu.value(difference),
                        amount_unit=mu.unit,
                    )

        # 资金总额 vs 财政拨款 + 其他资金
        if budget is not None and table.budget_fiscal is not None:
            named = [("财政拨款", table.budget_fiscal)]
            if table.budget_other is not None:
                named.append(("其他资金", table.budget_other))
            parts = [pn for _, pn in named]
            mismatch = sum_mismatch(budget, parts, scale)
            if mismatch is not None:
                yield _sum_finding(ctx, table, fmt, "message_funding", "资金总额", "财政拨款、其他资金",
                                   budget, parts,
                                   [number_evidence("资金总额", budget), *(number_evidence(n, pn) for n, pn in named)],
                                   mismatch, lambda mu: "＋".join(f"{n}{mu.amount(pn)}{mu.unit}" for n, pn in named))


def _sum_finding(ctx: RuleContext, table: TargetTable, fmt: dict[str, Any], template: str,
                 line: str, column: str, total: PrintedNumber, part_numbers: Sequence[PrintedNumber],
                 evidence: list[Evidence], mismatch: tuple[Decimal, Decimal, Decimal],
                 parts: Callable[[MessageUnit], str]) -> Finding:
    computed, difference, tolerance = mismatch
    decimals = max(amount_decimals(x) for x in [total, *part_numbers])
    mu = message_unit([total, *part_numbers], [computed])
    details = {
        "reported": amount_text(total),
        "computed": format_amount(computed, decimals),
        "difference": format_amount(difference, decimals),
        "tolerance": format(tolerance, "f"),
    }
    return ctx.finding(
        subject(table, line, column),
        evidence,
        details,
        template=template,
        **fmt,
        total=mu.amount(total),
        parts=parts(mu),
        computed=mu.value(computed),
        difference=mu.value(difference),
        tolerance=mu.tolerance(tolerance),
        amount_unit=mu.unit,
    )


# ---------------------------------------------------------------- TGT007

# An amount in running text: full-width digits count (\d is Unicode), a thousands separator only
# before exactly three digits, the unit right after (spaces allowed).
_TEXT_AMOUNT = re.compile(r"\d+(?:[,，]\d{3}(?!\d))*(?:[.．]\d+)?\s*(?:万元|元)")
_SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,：:"


def quoted_amounts(text: str, budget_words: Sequence[str], before: int, after: int
                   ) -> Iterator[tuple[str, str, int]]:
    """(amount as written, the clause around it, its offset) for each amount with a budget word
    within `before` characters ahead of it or `after` characters behind it in the same sentence."""
    for m in _TEXT_AMOUNT.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "0123456789.．":
            continue
        sentence_start = max((text.rfind(c, 0, m.start()) for c in _SENTENCE_END), default=-1) + 1
        sentence_end = min((i for i in (text.find(c, m.end()) for c in _SENTENCE_END) if i != -1),
                           default=len(text))
        lead = text[max(sentence_start, m.start() - before):m.start()]
        tail = text[m.end():min(sentence_end, m.end() + after)]
        hits = [lead.rfind(w) for w in budget_words if w and w in lead]
        if not hits and not any(w and w in tail for w in budget_words):
            continue
        clause_start = max((text.rfind(c, 0, m.start()) for c in _CLAUSE_END), default=-1) + 1
        if hits:  # the nearest budget word may sit in a clause before: quote from that clause
            word_at = m.start() - len(lead) + max(hits)
            if word_at < clause_start:
                clause_start = max((text.rfind(c, 0, word_at) for c in _CLAUSE_END), default=-1) + 1
        clause_end = min((i for i in (text.find(c, m.end()) for c in _CLAUSE_END) if i != -1),
                         default=len(text))
        yield m.group(0), text[clause_start:clause_end].strip(), m.start()


@rule("TGT007", "goal_text_amount_mismatch", severity="error")
def goal_text_amount_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An amount the 年度总体目标 quotes as the budget differs from the table's 资金总额."""
    words = [str(w) for w in ctx.params.get("budget_words", []) or []]
    before = int(ctx.params.get("window_before", 12))
    after = int(ctx.params.get("window_after", 4))
    for table in _tables(ctx):
        goal, budget = table.goal_text, table.budget_total
        if goal is None or budget is None or budget.blank:
            continue
        # Figures the text may legitimately quote: the total, its sources and each task.
        known = [pn for pn in (budget, table.tasks_total, table.budget_fiscal, table.budget_other)
                 if pn is not None and not pn.blank]
        known += [t.amount for t in table.tasks if t.amount is not None and not t.amount.blank]
        count = 0
        for raw, fragment, _offset in quoted_amounts(goal.text, words, before, after):
            quoted_pn = parse_amount(raw, goal.ref, None)
            if not any(not definitely_different(quoted_pn, pn) for pn in known):
                count += 1
                decimals = max(amount_decimals(quoted_pn), amount_decimals(budget))
                difference = quoted_pn.value - budget.value
                mu = message_unit([quoted_pn, budget])
                evidence = [
                    Evidence(role="年度总体目标", raw=fragment, value=quoted_pn.value,
                             ref=goal.ref.with_label()),
                    number_evidence("资金总额", budget),
                ]
                details = {"fragment": fragment, "quoted": amount_text(quoted_pn),
                           "budget_total": amount_text(budget),
                           "difference": format_amount(difference, decimals)}
                line = "年度总体目标" if count == 1 else f"年度总体目标（第{count}处）"
                yield ctx.finding(
                    subject(table, line, "资金总额"),
                    evidence,
                    details,
                    **base_fmt(ctx, table),
                    fragment=fragment,
                    quoted=mu.amount(quoted_pn),
                    budget=mu.amount(budget),
                    difference=mu.value(abs(difference)),
                    amount_unit=mu.unit,
                )


# ---------------------------------------------------------------- TGT008


@rule("TGT008", "duplicate_indicator", severity="warning")
def duplicate_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """The same 三级 indicator name (folded, punctuation ignored) appears twice in one table."""
    for table in _tables(ctx):
        seen: dict[str, list[TargetIndicator]] = defaultdict(list)
        for ind in table.indicators:
            if name_key(ind.level3):
                seen[name_key(ind.level3)].append(ind)
        for same in seen.values():
            if len(same) < 2:
                continue
            first = same[0].level3
            evidence = [Evidence(role=f"三级指标（{'-'.join(p for p in (i.level1, i.level2) if p) or first}）",
                                 raw=i.level3, ref=i.ref.with_label()) for i in same]
            places = "、".join("-".join(p for p in (i.level1, i.level2) if p) or "未注明" for i in same)
            yield ctx.finding(
                subject(table, first, "三级指标"),
                evidence,
                {"indicator": first, "count": len(same), "places": places},
                **base_fmt(ctx, table),
                indicator=first,
                count=len(same),
                places=places,
            )
