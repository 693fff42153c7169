"""Every value a run read, one row each: which file, which record, which field, its printed text
and its cell. The shape that diffs of resubmissions, hand corrections and the audit page share.

A field is named by the path to it in the record, list items by what they are rather than by
their position (`lines[基本支出].executed`, `indicators[产出指标/数量指标/培训人次].target`), so a
row inserted above does not make every value below it look changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterator, Sequence

from pydantic import BaseModel

from schemas.provenance import SourceRef
from schemas.run import DocumentResult

# Leaf values: models that carry their printed text and their cell.
_TEXT_FIELDS = ("raw", "text")
# What names a list item, in order of preference.
_ITEM_NAMES = ("key", "code", "level3", "name", "raw_name", "role", "what", "label", "title")


@dataclass(frozen=True)
class ExtractedValue:
    document: str  # path in the submission
    record: str  # which record of the file, e.g. 绩效运行监控表 / 某项目 / 1-6月
    field: str  # path to the value in the record
    raw: str  # as printed
    value: str  # as read: a number, a date, the text
    ref: SourceRef | None

    @property
    def where(self) -> str:
        if self.ref is None:
            return ""
        return f"{self.ref.file_name} {self.ref.with_label().label}"


def record_label(record: BaseModel) -> str:
    """A record's name within its file: its type, project, unit and period as read."""
    parts = [str(getattr(record, "record_type", type(record).__name__))]
    for name in ("kind", "project", "unit"):
        attr = getattr(record, name, None)
        text = getattr(attr, "value", attr)
        if isinstance(text, str) and text:
            parts.append(text)
    months = getattr(record, "period_months", None)
    if months:
        parts.append(f"1-{months}月")
    year = getattr(record, "year", None)
    if year:
        parts.append(str(year))
    return "/".join(parts)


def document_values(result: DocumentResult) -> list[ExtractedValue]:
    out: list[ExtractedValue] = []
    seen: dict[str, int] = {}
    for record in result.records:
        label = record_label(record)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label}#{seen[label]}"
        for field, leaf in _leaves(record, ""):
            out.append(ExtractedValue(result.path, label, field, _text(leaf), _value(leaf), getattr(leaf, "ref", None)))
    return out


def run_values(results: Sequence[DocumentResult]) -> list[ExtractedValue]:
    return [v for r in results if r.read for v in document_values(r)]


def values_frame(results: Sequence[DocumentResult]):
    """The values as a pandas DataFrame (columns: document, record, field, raw, value, where)."""
    import pandas as pd

    rows = [{"document": v.document, "record": v.record, "field": v.field, "raw": v.raw, "value": v.value,
             "where": v.where} for v in run_values(results)]
    return pd.DataFrame(rows, columns=["document", "record", "field", "raw", "value", "where"])


def _is_leaf(value: Any) -> bool:
    return (isinstance(value, BaseModel) and not isinstance(value, SourceRef)
            and "ref" in type(value).model_fields and any(f in type(value).model_fields for f in _TEXT_FIELDS))


def _leaves(model: BaseModel, prefix: str) -> Iterator[tuple[str, BaseModel]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}.{name}" if prefix else name
        yield from _walk(value, path)


def _walk(value: Any, path: str) -> Iterator[tuple[str, BaseModel]]:
    if isinstance(value, SourceRef) or value is None:
        return
    if _is_leaf(value):
        yield path, value
        return
    if isinstance(value, BaseModel):
        yield from _leaves(value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}[{key}]")
    elif isinstance(value, (list, tuple)):
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            name = _item_name(item) or str(i + 1)
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name = f"{name}#{seen[name]}"
            yield from _walk(item, f"{path}[{name}]")


def _item_name(item: Any) -> str:
    if not isinstance(item, BaseModel):
        return ""
    if hasattr(item, "level3"):  # an indicator: its three levels
        return "/".join(x for x in (getattr(item, "level1", ""), getattr(item, "level2", ""), item.level3) if x)
    names = [getattr(item, n, None) for n in _ITEM_NAMES]
    if getattr(item, "code", None) and getattr(item, "name", None):
        return f"{item.code} {item.name}"
    return next((str(n) for n in names if isinstance(n, str) and n), "")


def _text(leaf: BaseModel) -> str:
    for name in _TEXT_FIELDS:
        text = getattr(leaf, name, None)
        if isinstance(text, str):
            return text
    return ""


def _value(leaf: BaseModel) -> str:
    for name in ("value", "number"):
        v = getattr(leaf, name, None)
        if isinstance(v, Decimal):
            return format(v.normalize(), "f")
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, str):
            return v
    return _text(leaf)


__all__ = ["ExtractedValue", "document_values", "record_label", "run_values", "values_frame"]
