"""Text that came from outside (file names, cell texts) made safe to show and to write.

A file name may hold control characters (ESC, BEL, a newline) or bytes that are not UTF-8 (a
name unpacked from a zip made on Chinese Windows arrives as GBK bytes, which Python keeps as
lone surrogates). Either one breaks the output writers (XML forbids control characters; JSON
and UTF-8 cannot encode a lone surrogate) and hides what the user has to look for. So names are
decoded as GB18030 where UTF-8 fails, and control characters are shown as `\\x07`, before a name
enters any record, message or output.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

# C0 controls but tab/newline/carriage return, DEL, C1 controls, and the XML non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _decoded(text: str) -> str:
    """A text read with `surrogateescape` (undecodable bytes as lone surrogates), decoded as
    UTF-8, else GB18030, else with the bytes shown as `\\xNN`."""
    if not _SURROGATE.search(text):
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return _SURROGATE.sub("\ufffd", text)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def _shown(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}" if ord(match.group(0)) < 0x100 else f"\\u{ord(match.group(0)):04x}"


def visible_text(text: str) -> str:
    """A message or cell text: decodable, every control character but tab and line breaks shown."""
    return _CONTROL.sub(_shown, _decoded(text))


def visible_name(name: str) -> str:
    """A file name or path: decodable, every control character (line breaks too) shown."""
    return _CONTROL_OR_BREAK.sub(_shown, _decoded(name))


def printed_text(text: str) -> str:
    """A document's own text (a cell, a paragraph): control characters are dropped, as a reader
    of the page sees nothing there; tab and line breaks stay."""
    return _CONTROL.sub("", _decoded(text))


def xml_safe(text: str) -> str:
    """A text an XML writer (.xlsx, .docx) accepts: characters XML forbids are shown, not dropped."""
    return visible_text(text)


_FORMULA_START = ("=", "+", "-", "@")


def neutralise_workbook(workbook) -> None:
    """Make every cell of an openpyxl workbook safe to save and to open: texts keep only what
    XML allows, and a text starting like a formula (`=HYPERLINK(…)` as a file name or a cell of
    a submitted document) stays text — none of our sheets writes a formula."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                safe = xml_safe(value)
                if safe != value:
                    cell.value = safe
                if cell.data_type == "f" or safe.startswith(_FORMULA_START) and cell.data_type != "s":
                    cell.data_type = "s"


SafeName = Annotated[str, AfterValidator(visible_name)]
SafeText = Annotated[str, AfterValidator(visible_text)]
PrintedText = Annotated[str, AfterValidator(printed_text)]

__all__ = ["PrintedText", "SafeName", "SafeText", "neutralise_workbook", "printed_text", "visible_name",
           "visible_text", "xml_safe"]
