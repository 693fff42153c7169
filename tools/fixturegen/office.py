"""LibreOffice conversions (PDF export, xlsx round trip) and byte-level normalisation.

Every conversion runs with a private LibreOffice profile (so it never collides with another
soffice on the machine) and a private fontconfig file that maps 宋体/黑体 to the installed Noto CJK
fonts (so PDFs show serif Song-style glyphs instead of a sans fallback). Timestamps and PDF ids
are then fixed, so re-running the generator reproduces the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

ZIP_TIME = (2024, 7, 10, 9, 0, 0)
ISO_TIME = "2024-07-10T09:00:00Z"
PDF_TIME = b"20240710090000"

_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family><family>DejaVu Serif</family></prefer></alias>
</fontconfig>
"""


class Office:
    """A private soffice environment for the duration of a generator run."""

    def __init__(self) -> None:
        self.program = shutil.which("soffice") or shutil.which("libreoffice")
        if self.program is None:
            raise SystemExit("需要 LibreOffice（soffice）才能生成 PDF 与带缓存值的 Excel 文件")
        self.tmp = Path(tempfile.mkdtemp(prefix="fixturegen-"))
        (self.tmp / "fonts.conf").write_text(_FONTS_CONF, encoding="utf-8")
        self.env = {**os.environ, "FONTCONFIG_FILE": str(self.tmp / "fonts.conf")}
        self.profile = (self.tmp / "profile").as_uri()

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def convert(self, src: Path, target: str) -> Path:
        """Convert `src` (e.g. to "pdf" or "xlsx"); return the converted file in a scratch dir."""
        outdir = Path(tempfile.mkdtemp(dir=self.tmp))
        cmd = [self.program, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), str(src)]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=300)
        out = outdir / f"{src.stem}.{target.split(':', 1)[0]}"
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"soffice failed on {src.name}: {proc.stdout} {proc.stderr}")
        return out

    def export_pdf(self, src: Path, target: Path) -> Path:
        """`src` converted to the PDF `target`, with its dates and ids fixed (`normalise_pdf`)."""
        shutil.copyfile(self.convert(src, "pdf"), target)
        normalise_pdf(target)
        return target


def plain_convert(source: Path, out_dir: Path, target: str = "pdf", env: dict[str, str] | None = None,
                  profile: Path | None = None) -> Path:
    """`source` converted to `out_dir/<stem>.<format>` by LibreOffice with the system's fonts, without
    fixing dates or ids (the unseen-layout PDFs, the PDF-extractor samples and the workbook with
    cached formula values are made this way). `target` is the format, optionally with the export
    filter and its options ("pdf:writer_pdf_Export:{...}"); `profile` is a LibreOffice profile to
    reuse across conversions (default: a throw-away one)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to make the PDF fixtures")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as throwaway:
        installation = profile.as_uri() if profile is not None else f"file://{throwaway}"
        subprocess.run(
            [soffice, f"-env:UserInstallation={installation}", "--headless", "--convert-to", target,
             "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=180, env=env,
        )
    out = out_dir / f"{source.stem}.{target.split(':', 1)[0]}"
    if not out.exists():
        raise SystemExit(f"LibreOffice did not produce {out}")
    return out


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normalise_zip(path: Path) -> None:
    """Rewrite an Office zip with fixed entry times and fixed core-property dates."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(lambda m: m.group(1) + ISO_TIME.encode() + m.group(3), data)
            out = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o644 << 16
            zout.writestr(out, data)


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")


def normalise_pdf(path: Path) -> None:
    """Fix the PDF's dates, /ID and LibreOffice's /DocChecksum in place, keeping byte offsets."""
    data = _PDF_DATE.sub(lambda m: m.group(1) + PDF_TIME, path.read_bytes())
    digest = hashlib.md5(_PDF_CHECKSUM.sub(b"", _PDF_ID.sub(b"", data))).hexdigest().upper().encode()
    data = _PDF_CHECKSUM.sub(lambda m: m.group(1) + digest, data)
    ids = _PDF_ID.search(data)
    if ids:
        start, end = ids.span()
        old = data[start:end]
        new = old.replace(ids.group(1), digest[: len(ids.group(1))]).replace(
            ids.group(2), digest[: len(ids.group(2))])
        data = data[:start] + new + data[end:]
    path.write_bytes(data)
