"""Text normalisation shared by extractors and parsers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "─": "-", "〜": "-", "~": "-", "～": "-", "至": "-"})


def clean(text: str | None) -> str:
    """Collapse whitespace (incl. &nbsp; and ideographic space) and trim."""
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)  # the same labels and cells are folded again by every kind and rule
def fold(text: str | None) -> str:
    """A matching key: NFKC (full-width → half-width), no whitespace, unified dashes.

    Use for comparing labels and headers, never for storing what was printed.
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = _SPACES.sub("", t)
    return t.translate(_DASHES)


def is_wide(ch: str) -> bool:
    """A wide (CJK or full-width) character: no space is written between two of them."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


_SEGMENT_BREAK = re.compile(r"(\S)[^\S\n]*\n\s*(?=(\S))")


def tidy_breaks(text: str) -> str:
    """Collapse whitespace like a browser, except that a line break between two wide characters
    vanishes: Chinese wrapped mid-word ("项目支\n出") reads "项目支出"."""

    def repl(m: re.Match) -> str:
        return m.group(1) if is_wide(m.group(1)) and is_wide(m.group(2)) else m.group(1) + " "

    return clean(_SEGMENT_BREAK.sub(repl, text))


def join_lines(lines: Iterable[str]) -> str:
    """Join the lines of one cell: no separator between wide characters, one space otherwise."""
    out = ""
    for line in lines:
        if not line:
            continue
        if not out:
            out = line
        elif is_wide(out[-1]) and is_wide(line[0]):
            out += line
        else:
            out += " " + line
    return out
