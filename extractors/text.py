"""Text normalisation shared by extractors and parsers."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "─": "-", "〜": "-", "~": "-", "～": "-", "至": "-"})


def clean(text: str | None) -> str:
    """Collapse whitespace (incl. &nbsp; and ideographic space) and trim."""
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """A matching key: NFKC (full-width → half-width), no whitespace, unified dashes.

    Use for comparing labels and headers, never for storing what was printed.
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = _SPACES.sub("", t)
    return t.translate(_DASHES)
