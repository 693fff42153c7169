"""Builders for the final-accounts rule tests (FIN001–FIN013).

Hand-built cases start from the answer keys in tests/data/final_accounts (every figure read by eye
from the two real 2024 publications, independently of the parser): as printed they hold only the
rounding discrepancies the key lists (302: 171.07 vs 171.09 over 12 parts, 105.58 vs 95.36 +
10.23, 326.71 vs 326.72 between tables …), so no rule may fire on them; changing one figure beyond
the half-unit × (n + 1) tolerance must fire exactly the rule that owns the relation. The real-PDF
runs go through extraction and parsing and assert the exact set of findings.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from checks import load_config, run_checks
from textnorm.numbers import amount
from schemas.final_accounts import (
    ExpectedTable,
    Publication,
    PublicationColumn,
    PublicationLine,
    PublicationTable,
)
from schemas.findings import Finding, Severity
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue

KEYS = Path(__file__).resolve().parents[2] / "data" / "final_accounts"
FINANCE = "上海市普陀区财政局2024年度部门决算"
SOCIAL = "中共上海市普陀区委社会工作部 2024 年度部门决算"
TEMPLATE = "附件2：部门决算模板.pdf"
BUDGET_2025 = "上海市普陀区财政局部门25年预算.pdf"
JIANGSU_PROSE = "江苏省委办公厅2019年度部门预算公开文件.pdf"
JIANGSU_TABLES = "江苏省委办公厅2019年度部门预算公开表格.pdf"
FIN_RULES = [f"FIN{i:03d}" for i in range(1, 14)]
SHA = "c" * 64


# ---------------------------------------------------------------- publications from the answer keys


def _ref(file_name: str, page: int | None, table: int, row: int | None = None, column: int | None = None
         ) -> SourceRef:
    return SourceRef(file_sha256=SHA, file_name=file_name, page=page, table=table, row=row, column=column)


def _role(header: str) -> str:
    last = header.rsplit("/", 1)[-1]
    if "编码" in header or last in ("类", "款", "项"):
        return "code"
    if last in ("项目", "科目名称") or last.endswith("名称"):
        return "name"
    return "amount"


def _level(code: str | None):
    return {3: "类", 5: "款", 7: "项"}.get(len(code)) if code else None


def _parent(code: str | None) -> str | None:
    if not code or len(code) == 3:
        return None
    return code[:3] if len(code) == 5 else code[:5]


def key_table(file_name: str, index: int, spec: dict) -> PublicationTable:
    page = spec["pages"][0]
    columns, side, seen_code = [], 1, False
    for i, header in enumerate(spec["columns"], start=1):
        role = _role(header)
        if role == "code" and seen_code and columns and columns[-1].role == "amount":
            side = 2  # the 基本支出 table prints a second code list to the right
        seen_code = seen_code or role == "code"
        columns.append(PublicationColumn(header=header, role=role, column=i, side=side))
    col_no = {(c.header, c.side): c.column for c in columns}
    lines = []
    for row, item in enumerate(spec["lines"], start=2):
        side = 2 if item.get("side") == "right" else 1
        values, texts = {}, {}
        for header, raw in item["values"].items():
            c = col_no.get((header, side), col_no.get((header, 1)))
            r = _ref(file_name, page, index, row, c)
            if _role(header) == "name":
                if raw:
                    texts[header] = raw
            else:
                values[header] = amount(raw, r, "万元")
        name = item["name"] or next(iter(texts.values()), "")
        lines.append(PublicationLine(code=item["code"], level=_level(item["code"]), parent=_parent(item["code"]),
                                     name=name, values=values, texts=texts, side=side,
                                     ref=_ref(file_name, page, index, row, 1)))
    statement = spec.get("empty_statement")
    return PublicationTable(
        title=spec["title"], key=spec["title"], title_ref=_ref(file_name, page, index), table=index,
        pages=spec["pages"], status=spec["status"],
        empty_statement=TextValue(text=statement, ref=_ref(file_name, page, index)) if statement else None,
        amount_unit="万元", columns=columns, lines=lines)


@cache
def _key_pub(stem: str) -> Publication:
    data = json.loads((KEYS / f"{stem}.json").read_text(encoding="utf-8"))
    file_name = data["file"]
    tables = [key_table(file_name, i, t) for i, t in enumerate(data["tables"], start=1)]
    unit = Attribute(value=data["unit"], raw=data["unit"], ref=_ref(file_name, 1, 0))
    expected = [ExpectedTable(key=t.key, title=t.title, source="目录", status=t.status, table=i)
                for i, t in enumerate(tables)]
    return Publication(unit=unit, year=data["year"], year_attr=Attribute(value=str(data["year"]), raw=""),
                       kind="决算", tables=tables, expected=expected, file_name=file_name, file_sha256=SHA)


def key_pub(stem: str) -> Publication:
    return _key_pub(stem).model_copy(deep=True)


def line_of(pub: Publication, table: str, label: str, side: int | None = None) -> PublicationLine:
    t = pub.table(table)
    assert t is not None, table
    for ln in t.lines:
        if (side is None or ln.side == side) and (
                label == ln.code or label == ln.name or label in ln.texts.values()):
            return ln
    raise AssertionError(f"{table}: no line {label}")


def set_value(pub: Publication, table: str, label: str, column: str, raw: str, side: int | None = None) -> None:
    ln = line_of(pub, table, label, side)
    old = ln.values[column]
    ln.values[column] = amount(raw, old.ref, "万元")


def check(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config or load_config(), only=[rule_id])


def subjects(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.subject.line, f.subject.column) for f in findings}


def drop_table(pub: Publication, key: str) -> None:
    pub.tables = [t for t in pub.tables if t.key != key]
    for e in pub.expected:
        if e.key == key:
            e.status, e.table = "missing", None
