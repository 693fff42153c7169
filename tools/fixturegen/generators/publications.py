"""Write generated 部门决算 publications into fixtures/publications/: a clean one for an invented
unit (PDF through Word → LibreOffice, and a GBK portal page with the tables), variants of the PDF
each with injected errors, and their expected files in fixtures/expected/publications/<file>.json
(the tables and line items written, and the findings planted — from the generator's inputs).

`only` limits the run to the given file stems (default: all).
"""

from __future__ import annotations

from pathlib import Path

from fixturegen.folders import session, write_json
from fixturegen.office import Office
from fixturegen.publication import Pub, archive_inputs, expected
from fixturegen.publication_older import municipal
from fixturegen.publication_other import county
from fixturegen.publication_render import render_docx, render_html
from fixturegen.publication_shanghai import shanghai
from fixturegen.publication_variants import html_variants, other_variants, variants

BASE = "上海市普陀区档案馆2024年度部门决算"


def write(pub: Pub, office: Office, scratch: Path, fmt: str, outdir: Path, expdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    expdir.mkdir(parents=True, exist_ok=True)
    if fmt == "pdf":
        docx = scratch / f"{pub.name}.docx"
        render_docx(pub, docx)
        target = office.export_pdf(docx, outdir / f"{pub.name}.pdf")
    else:
        target = outdir / f"{pub.name}.html"
        render_html(pub, target, site=pub.site)
    write_json(expdir / f"{target.name}.json", expected(pub, fmt), indent=1)
    return target


def generate(fixtures: Path, only: list[str] | None = None) -> None:
    out, exp = fixtures / "publications", fixtures / "expected" / "publications"
    clean = shanghai(archive_inputs(), BASE)
    jobs: list[tuple[Pub, str, Path, Path]] = [(clean, "pdf", out, exp), (clean, "html", out, exp)]
    jobs += [(v, "pdf", out, exp) for v in variants(clean)]
    jobs += [(v, "html", out, exp) for v in html_variants(clean)]
    county_pub, city_pub = county(), municipal()
    jobs += [(county_pub, "pdf", out / "other", exp / "other"),
             (city_pub, "pdf", out / "other", exp / "other"),
             (county_pub, "html", out / "other", exp / "other"),
             (city_pub, "html", out / "other", exp / "other")]
    jobs += [(v, "pdf", out / "other", exp / "other") for v in other_variants(county_pub, city_pub)]
    with session("fixturegen-publications-") as (office, scratch):
        for pub, fmt, outdir, expdir in jobs:
            if only and pub.name not in only:
                continue
            print(f"  {write(pub, office, scratch, fmt, outdir, expdir).relative_to(fixtures)}")
