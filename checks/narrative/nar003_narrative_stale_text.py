"""NAR003 narrative_stale_text: template text or another year's text left in the narrative.

Finds: in each sentence of a publication's narrative, a placeholder (XX, ××, □□ …), an unresolved
alternative (增加（减少）), an instruction of the official template (`template_instructions`: 如持平作
持平表述 …), a comparison with a year other than the previous one (与2022年度相比 in a 2024 file), or
a year outside those the document may name (a 决算: its year and the next; a 预算: its year and the
previous one).
Why it matters: a narrative copied from the template or from last year's file states facts about
another year or nothing at all; the evaluator must not take it for this year's explanation.
Example: “本局2023年度收入支出总计5万元。与2022年度相比，增加1万元。” in the 2024年度部门决算.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.catalogue import RuleContext, rule
from checks.common.narrative import fmt, publications
from checks.common.params import RuleParams
from schemas.findings import Evidence, Finding, Subject


class Params(RuleParams):
    template_instructions: list[str]  # instructions of the official template (如持平作持平表述 …)


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


@rule("NAR003", "narrative_stale_text", severity="warning", params=Params)
def narrative_stale_text(ctx: RuleContext) -> Iterator[Finding]:
    """Template placeholders, unresolved alternatives (增加（减少）) or a wrong year left in the text."""
    p: Params = ctx.args
    instructions = list(p.template_instructions)
    for pub in publications(ctx):
        for sentence in pub.narrative_sentences:
            problems = stale_problems(sentence.text, pub.year, instructions, pub.kind)
            if not problems:
                continue
            evidence = [Evidence(role="情况说明", raw=sentence.text, value=None, ref=sentence.ref.with_label())]
            yield ctx.finding(
                Subject(unit=pub.unit.value, year=pub.year, line=f"情况说明/{sentence.section}",
                        column=sentence.text[:30]),
                evidence, details={"problems": problems},
                **fmt(pub), sentence=sentence.text, problems="、".join(problems))
