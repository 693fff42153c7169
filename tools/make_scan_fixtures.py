"""Regenerate fixtures/scans/: image-only ("scanned") PDFs made from text PDFs of known content.

Each page of the source is rendered to a grey picture at the given resolution and the pictures
are saved as a PDF with no text layer, as a scanner would. The expected values are the source's
(its generator's inputs), so a test can tell what OCR got right.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "fixtures" / "scans"

# file made → (source PDF, its expected values, resolution in dpi)
MADE = {
    "扫描的监控表.pdf": ("fixtures/formats/pdf/monitoring.pdf", "fixtures/formats/pdf/monitoring.expected.json", 200),
}


def scan(source: Path, target: Path, dpi: int, pages: list[int] | None = None) -> None:
    """Write `target`: the pages of `source` (1-based; all when None) as pictures only."""
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        numbers = pages or list(range(1, len(pdf) + 1))
        images = [pdf[n - 1].render(scale=dpi / 72, grayscale=True).to_pil() for n in numbers]
    finally:
        pdf.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:],
                   title="scan", author="", creationDate=None, modDate=None)  # no name or date: the same bytes each time


def main() -> int:
    for name, (source, _expected, dpi) in MADE.items():
        scan(ROOT / source, SCANS / name, dpi)
        print(f"wrote {SCANS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
