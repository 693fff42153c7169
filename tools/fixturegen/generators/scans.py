"""fixtures/scans/: image-only ("scanned") PDFs made from text PDFs of known content.

Each page of the source is rendered to a grey picture at the given resolution and the pictures are
saved as a PDF with no text layer, as a scanner would. The expected values are the source's (its
generator's inputs), so a test can tell what OCR got right. The same bytes on every run.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2

# file made under fixtures/scans/ → (source PDF and its expected values under fixtures/, dpi)
MADE = {
    "扫描的监控表.pdf": ("formats/pdf/monitoring.pdf", "formats/pdf/monitoring.expected.json", 200),
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
                   title="scan", author="", creationDate=None, modDate=None)  # no name or date: the same bytes


def generate(fixtures: Path) -> None:
    for name, (source, _expected, dpi) in MADE.items():
        scan(fixtures / source, fixtures / "scans" / name, dpi)
