"""Legacy Office files (.doc, .xls, and WPS's .wps/.et, which are the same binary formats) read
through LibreOffice: converted headless to .docx/.xlsx in a private temporary folder, then read
like any other file. The original is never touched; the document keeps the original's name and
hash in every source reference and says it was converted (`Document.converted_from`).

Without LibreOffice on the machine the error names the remedy (install it, or save as .docx/.xlsx).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.errors import ExtractionError

# A conversion of a normal form takes seconds; a file that makes LibreOffice hang must not hold
# the document past this (the document's own time limit also applies, runs/isolation.py).
CONVERT_SECONDS = 180
INSTALL_HINT = "（Debian/Ubuntu：apt install libreoffice-writer-nogui libreoffice-calc-nogui）"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class LegacyFormatError(ExtractionError):
    """A legacy binary Office file; `target` is the format LibreOffice can turn it into (docx or
    xlsx), or None when it cannot be converted (encrypted, or of no known kind)."""

    def __init__(self, file_name: str, reason: str, target: str | None, label: str):
        super().__init__(file_name, reason, code="format.legacy", category="unsupported_format")
        self.target = target
        self.label = label


def convert(path: Path, target: str, folder: Path, label: str) -> Path:
    """`path` converted to `target` (docx/xlsx) inside `folder`; raises ExtractionError (Chinese)."""
    program = soffice()
    if program is None:
        raise ExtractionError(path.name, f"这是{label}，本机未安装 LibreOffice，无法自动转换：请安装 LibreOffice"
                                         f"{INSTALL_HINT}，或另存为 .{target} 后重新提交",
                              code="legacy.no_libreoffice", category="unsupported_format")
    source = folder / f"source{path.suffix.lower() or '.bin'}"
    shutil.copyfile(path, source)  # a plain name: LibreOffice mishandles some characters in names
    profile = folder / "profile"  # a private profile: conversions may run side by side
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(folder / "out"), str(source)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False,
                              env={**os.environ, "HOME": str(folder)})
    except subprocess.TimeoutExpired:
        raise ExtractionError(path.name, f"这是{label}，用 LibreOffice 转换超过 {CONVERT_SECONDS} 秒仍未完成：请另存为 "
                                         f".{target} 后重新提交", code="legacy.convert_timeout", category="limit") from None
    except OSError as exc:
        raise ExtractionError(path.name, f"这是{label}，无法启动 LibreOffice 转换（{exc.strerror or exc}）：请另存为 "
                                         f".{target} 后重新提交", code="legacy.convert_failed",
                              category="unsupported_format") from None
    out = folder / "out" / f"source.{target}"
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise ExtractionError(path.name, f"这是{label}，但 LibreOffice 无法转换它（文件可能已损坏）：请在 Office/WPS 中"
                                         f"打开并另存为 .{target} 后重新提交", code="legacy.convert_failed")
    return out


def temporary_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="jixiao-convert-")


__all__ = ["CONVERT_SECONDS", "LegacyFormatError", "convert", "soffice", "temporary_folder"]
