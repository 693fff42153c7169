"""Render a report draft as one printable HTML page (jinja2): the same sections and blocks as the
.docx, a print stylesheet for A4 with the same margins, and the chart embedded as a data URI so the
file stands alone."""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from reporting.content import Image, Section
from reporting.data import TO_FILL, ReportData

_ENV = Environment(
    loader=PackageLoader("reporting", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _data_uri(path: Path) -> str:
    mime = "image/svg+xml" if path.suffix == ".svg" else "image/png"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def render_html(r: ReportData, sections: list[Section]) -> str:
    images = {b.path: _data_uri(b.path) for s in sections for b in s.blocks if isinstance(b, Image)}
    return _ENV.get_template("report.html.j2").render(r=r, sections=sections, images=images, to_fill=TO_FILL)


def write_html(r: ReportData, sections: list[Section], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(r, sections), encoding="utf-8")
    return path
