"""How much a free text says: filler words and stock phrases removed, the Chinese characters left.

Used by the rules on 偏差原因 / 改进措施 (MON006, MON007), the narrative reports' reasons
(RPT004 …) and the self-evaluations' explanations; the phrase lists are each rule's params.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textnorm.text import fold

_CJK = re.compile(r"[\u3400-\u9fff]")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u9fff]")


def _squeeze(text: str, fillers: Iterable[str]) -> str:
    """Matching form of a text: NFKC, punctuation and spaces gone, filler words removed."""
    t = _NOT_WORD.sub("", fold(text))
    for word in sorted({_NOT_WORD.sub("", fold(w)) for w in fillers}, key=len, reverse=True):
        if word:
            t = t.replace(word, "")
    return t


@dataclass(frozen=True)
class TextAnalysis:
    text: str
    residue: str  # what is left once filler words and boilerplate phrases are removed
    matched: tuple[str, ...]  # the configured boilerplate phrases found
    substantive_chars: int

    @property
    def empty(self) -> bool:
        return not _NOT_WORD.sub("", fold(self.text))


def analyse_text(
    text: str | None, phrases: Iterable[str], fillers: Iterable[str]
) -> TextAnalysis:
    """Strip filler words, then boilerplate phrases, and count the Chinese characters left."""
    text = text or ""
    fillers = list(fillers)
    residue = _squeeze(text, fillers)
    matched = []
    for phrase in sorted(phrases, key=lambda p: len(_squeeze(p, fillers)), reverse=True):
        key = _squeeze(phrase, fillers)
        if key and key in residue:
            matched.append(phrase)
            residue = residue.replace(key, "")
    return TextAnalysis(text, residue, tuple(matched), len(_CJK.findall(residue)))


def is_boilerplate(analysis: TextAnalysis, min_chars: int) -> bool:
    """Empty, or nothing substantive (fewer than `min_chars` Chinese characters) beyond stock phrases."""
    return analysis.substantive_chars < min_chars
