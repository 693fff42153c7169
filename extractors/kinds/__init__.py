"""Document kinds as plug-ins.

Each module in this package registers one `DocumentKind`: a detector (does this document hold
my tables, and how sure am I, 0–1) and a parser (neutral model → typed records). The flow only
calls `classify` and `parse`; adding a kind means adding a module here, nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable

from pydantic import BaseModel

from schemas.document import Document
from schemas.errors import ErrorCategory, JixiaoError
from schemas.provenance import SourceRef

MIN_CONFIDENCE = 0.5


class ParseError(JixiaoError):
    """The document is of a known kind but its content cannot be read; message in Chinese.
    `code` names what was missing (schemas.errors); `cell` the row or cell, where known."""

    code = "parse.failed"
    category: ErrorCategory = "parse"

    def __init__(self, file_name: str, reason: str, *, code: str | None = None, ref: SourceRef | None = None):
        self.file_name = file_name
        where = {} if ref is None else dict(page=ref.page, sheet=ref.sheet, cell=ref.with_label().label or None)
        super().__init__(f"文件“{file_name}”内容无法解析：{reason}", code=code, file=file_name, reason=reason,
                         **where)


@dataclass(frozen=True)
class DocumentKind:
    name: str  # stable identifier, e.g. "monitoring"
    label: str  # Chinese, for users, e.g. "绩效运行监控表"
    detect: Callable[[Document], float]
    parse: Callable[[Document], list[BaseModel]]


_REGISTRY: dict[str, DocumentKind] = {}
_loaded = False


def register(kind: DocumentKind) -> DocumentKind:
    if kind.name in _REGISTRY and _REGISTRY[kind.name] is not kind:
        raise ValueError(f"document kind {kind.name!r} registered twice")
    _REGISTRY[kind.name] = kind
    return kind


def _load_plugins() -> None:
    global _loaded
    if _loaded:
        return
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")
    _loaded = True


def all_kinds() -> list[DocumentKind]:
    """Every kind, in name order: a tie of confidences never depends on which module was
    imported first."""
    _load_plugins()
    return sorted(_REGISTRY.values(), key=lambda k: k.name)


def get_kind(name: str) -> DocumentKind:
    _load_plugins()
    return _REGISTRY[name]


def classify(doc: Document) -> list[tuple[DocumentKind, float]]:
    """Every kind with its confidence, most confident first."""
    scored = [(k, float(k.detect(doc))) for k in all_kinds()]
    return sorted(scored, key=lambda pair: pair[1], reverse=True)


def best_kind(doc: Document) -> tuple[DocumentKind, float] | None:
    ranked = classify(doc)
    if ranked and ranked[0][1] >= MIN_CONFIDENCE:
        return ranked[0]
    return None
