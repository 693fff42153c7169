"""项目经费情况说明: a project's targets published as prose inside a budget publication.

Shanghai's 部门预算 ends with a 项目经费情况说明: numbered sections (一、项目概述 … 六、年度预算安排,
七、绩效目标) and a line saying the indicator table is published elsewhere (“详见单位的项目绩效目标表”).
It is read as a project `TargetTable`: the goal text, one task per amount of the budget section,
no indicators, and `indicators_note` pointing at that line, so target rules that need
indicators know they were not published here rather than missing. The unit and year are the
publication's (the statement prints neither). Wording lives in `project_statement.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors import wording
from extractors.kinds import DocumentKind, register
from extractors.wording import ProjectStatementWording
from textnorm.numbers import NumberError, amount
from textnorm.text import clean, fold
from schemas.document import Document, TextBlock
from schemas.records import Attribute, TextValue, unknown_attribute
from schemas.targets import TargetTable, TargetTask

_HEADING = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.+)$")
_ITEM = re.compile(r"([^，,、；;。：:\d]{2,30}?)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


def config() -> dict:
    return _config(wording.current_directory())


@lru_cache(maxsize=4)
def _config(_directory: str | None) -> dict:
    return wording.load("project_statement", ProjectStatementWording).model_dump()


def _title_index(blocks: list[TextBlock]) -> int | None:
    titles = {fold(t) for t in config()["detect"]["titles"]}
    return next((i for i, b in enumerate(blocks) if fold(b.text) in titles), None)


def _sections(blocks: list[TextBlock]) -> list[tuple[str, list[TextBlock], TextBlock]]:
    """(heading name, body blocks, heading block) in order."""
    out: list[tuple[str, list[TextBlock], TextBlock]] = []
    for b in blocks:
        m = _HEADING.match(clean(b.text))
        if m and len(fold(m.group(1))) <= 12:
            out.append((fold(m.group(1)), [], b))
        elif out:
            out[-1][1].append(b)
    return out


def detect(doc: Document) -> float:
    blocks = sorted(doc.blocks, key=lambda b: b.order)
    start = _title_index(blocks)
    if start is None:
        return 0.0
    names = {name for name, _, _ in _sections(blocks[start + 1:])}
    wanted = [fold(s) for s in config()["detect"]["sections"]]
    found = sum(1 for w in wanted if w in names)
    if found < config()["detect"]["min_sections"]:
        return 0.2
    return min(0.6 + 0.05 * found, 0.95)


def _section(sections, role: str):
    names = {fold(n) for n in config()["sections"][role]}
    return next(((body, head) for name, body, head in sections if name in names), (None, None))


def parse(doc: Document) -> list[TargetTable]:
    blocks = sorted(doc.blocks, key=lambda b: b.order)
    start = _title_index(blocks) or 0
    title = blocks[start]
    sections = _sections(blocks[start + 1:])
    elsewhere = tuple(config()["elsewhere"])

    goal_blocks, _ = _section(sections, "goal")
    note = None
    goal_lines = []
    for b in goal_blocks or []:
        if clean(b.text).startswith(elsewhere):
            note = TextValue(text=clean(b.text), ref=b.ref.with_label())
        else:
            goal_lines.append(b)
    goal = (TextValue(text="".join(clean(b.text) for b in goal_lines), ref=goal_lines[0].ref.with_label())
            if goal_lines else None)

    tasks = []
    budget_blocks, _ = _section(sections, "budget")
    for b in budget_blocks or []:
        for m in _ITEM.finditer(clean(b.text)):
            name = re.sub(r"^(其中|包括)[:：]?", "", m.group(1).strip())
            try:
                value = amount(m.group(2) + m.group(3), b.ref.with_label(), m.group(3))
            except NumberError:
                continue
            tasks.append(TargetTask(name=name, ref=b.ref.with_label(), amount=value))

    project_name = re.sub(r"(情况)?说明$", "", clean(title.text)) or clean(title.text)
    return [TargetTable(
        kind="project",
        unit=unknown_attribute(),  # the publication names it: completed from the same file
        year=None,
        year_attr=unknown_attribute(),
        project=Attribute(value=project_name, raw=title.text, ref=title.ref.with_label()),
        amount_unit="万元",
        tasks=tasks,
        goal_text=goal,
        indicators=[],
        indicators_note=note,
        file_name=doc.file_name,
        file_sha256=doc.file_sha256,
    )]


KIND = register(DocumentKind(name="project_statement", label="项目经费情况说明", detect=detect, parse=parse))
