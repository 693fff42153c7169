"""Builders for the narrative rule tests (NAR001–NAR005): publications whose narrative is read
from the given sentences, and small tables built cell by cell (expected values come from them)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checks import run_checks
from extractors.narrative import read_narrative
from schemas.document import Document, Format, TextBlock
from textnorm.numbers import amount
from schemas.final_accounts import Publication, PublicationColumn, PublicationLine, PublicationTable
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute

NAR = ["NAR001", "NAR002", "NAR003", "NAR004", "NAR005"]


def make_pub(*lines: str, year: int = 2024) -> Publication:
    blocks = [TextBlock(text=t, order=i + 1, ref=SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1,
                                                           bbox=(96, 100 + 20 * i, 300, 114 + 20 * i)).with_label())
              for i, t in enumerate(("部门决算情况说明", *lines))]
    doc = Document(path="t.pdf", file_name="t.pdf", file_sha256="0" * 64, format=Format.PDF, blocks=blocks)
    figures, sentences = read_narrative(doc, [])
    return Publication(unit=Attribute(value="测试局", raw="测试局"), year=year,
                       year_attr=Attribute(value=str(year), raw=str(year)), kind="决算",
                       narrative=figures, narrative_sentences=sentences, file_name="t.pdf", file_sha256="0" * 64)


def run(pub: Publication, rule_id: str) -> list[Finding]:
    return run_checks([pub], only=[rule_id])


def make_table(title: str, columns: list[tuple[str, str]], rows: list[tuple[str | None, str, list[str]]]
           ) -> PublicationTable:
    """columns: (header, role); rows: (code, name, amounts in the order of the amount columns)."""
    ref = SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1, table=1)
    amounts = [h for h, r in columns if r == "amount"]
    lines = [PublicationLine(code=code, level={7: "项", 5: "款", 3: "类"}.get(len(code)) if code else None,
                             parent=({7: code[:5], 5: code[:3]}.get(len(code)) if code else None), name=name,
                             values={h: amount(v, ref, "万元") for h, v in zip(amounts, vals)}, ref=ref)
             for code, name, vals in rows]
    return PublicationTable(title=title, key=title, title_ref=ref, table=1, pages=[1], status="present",
                            amount_unit="万元", lines=lines,
                            columns=[PublicationColumn(header=h, role=r, column=i) for i, (h, r) in enumerate(columns, 1)])


def make_pub_with(tables: list[PublicationTable], *lines: str) -> Publication:
    pub = make_pub(*lines)
    blocks = [TextBlock(text=t, order=i + 1, ref=SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=1,
                                                           bbox=(96, 100 + 20 * i, 300, 114 + 20 * i)).with_label())
              for i, t in enumerate(("部门决算情况说明", *lines))]
    doc = Document(path="t.pdf", file_name="t.pdf", file_sha256="0" * 64, format=Format.PDF, blocks=blocks)
    figures, sentences = read_narrative(doc, tables)
    return pub.model_copy(update={"tables": tables, "narrative": figures, "narrative_sentences": sentences})
