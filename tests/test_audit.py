"""The audit page (reporting/audit.py): each finding beside a crop of its source with the cells
boxed, the marked-up PDF copy, and the page as headless Chromium (Debian's `chromium`) shows it.

Expected cells come from the nanjie fixture's generator (`python -m tools.fixtures tables`): the 1-9月 PDF
table prints 基本支出 执行率 66.05% (769.28 ÷ 1030.25 = 74.67%), the 1-6月 workbook 43.75% in E5."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from typer.testing import CliRunner

from conftest import FIXTURES, need_file, need_program
from reporting.audit import write_audit
from runs.discover import discover
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document

ENV = {"COLUMNS": "250"}
PDF_NAME = "南街街道办事处2024年1-9月部门整体绩效运行监控表.pdf"
XLSX_NAME = "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit") / "nanjie-2024"
    shutil.copytree(need_file(FIXTURES / "nanjie-2024"), root)
    results = [process_document(p, root) for p in discover(root)]
    findings = check_submission(results)
    from datetime import datetime

    summary = write_run(results, findings, root, datetime(2026, 3, 3, 9, 0), RunOptions(output_root=tmp_path_factory.mktemp("out")))
    folder = Path(summary.output_dir)
    page = write_audit(folder, root, results, findings, summary.run_id)
    return root, folder, page, findings


def _mon001(findings, period: str):
    return next(f for f in findings if f.rule_id == "MON001" and f.subject.period == period and f.subject.line == "基本支出")


def test_each_finding_has_its_section_its_figures_and_its_source(audited) -> None:
    _, folder, page, findings = audited
    html = page.read_text("utf-8")
    assert len(re.findall(r'<section class="finding', html)) == len(findings)
    pdf_finding = _mon001(findings, "1-9月")
    section = html.split(f'id="f-{pdf_finding.fingerprint}"')[1].split("</section>")[0]
    assert "66.05%" in section and "769.28" in section and "1030.25" in section
    (crop,) = re.findall(r'src="(crops/[^"]+\.png)"', section)
    image = Image.open(folder / "audit" / crop).convert("RGB")
    red = sum(n for n, px in image.getcolors(maxcolors=1 << 24) if px[0] > 190 and px[1] < 60 and px[2] < 60)
    assert red > 200  # the boxes around the cells it used
    xlsx_finding = _mon001(findings, "1-6月")
    section = html.split(f'id="f-{xlsx_finding.fingerprint}"')[1].split("</section>")[0]
    hits = re.findall(r'<td class="hit">([^<]*)</td>', section)
    assert sorted(hits) == sorted(["43.75%", "509.47", "1030.25", "1164.62"])
    assert "<script" not in html and "http://" not in html and "https://" not in html  # offline


def test_the_marked_pdf_boxes_the_cells_with_notes_and_the_original_is_untouched(audited) -> None:
    root, folder, page, findings = audited
    html = page.read_text("utf-8")
    (marked,) = {m for m in re.findall(r'href="(marked/[^"]+\.pdf)"', html) if PDF_NAME[:-4] in m}
    with pdfplumber.open(folder / "audit" / marked) as pdf:
        annots = pdf.pages[0].annots
    finding = _mon001(findings, "1-9月")
    rate = next(e for e in finding.evidence if e.role.startswith("执行率"))
    boxed = [a for a in annots if abs(a["x0"] - (rate.ref.bbox[0] - 1)) < 0.5 and abs(a["top"] - (rate.ref.bbox[1] - 1)) < 0.5]
    assert boxed and any("MON001" in (a["contents"] or "") and "66.05%" in a["contents"] for a in boxed)
    with pdfplumber.open(root / PDF_NAME) as original:
        assert original.pages[0].annots == []


def test_a_source_changed_after_the_run_is_not_shown(audited, tmp_path) -> None:
    root, folder, _, findings = audited
    moved = tmp_path / "nanjie"
    shutil.copytree(root, moved)
    (moved / XLSX_NAME).write_bytes((moved / XLSX_NAME).read_bytes() + b"\0")
    docs = [json.loads(json.dumps(d)) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    from schemas.run import DocumentResult

    page = write_audit(tmp_path / "run", moved, [DocumentResult.model_validate(d) for d in docs], findings, "x")
    section = page.read_text("utf-8").split(f'id="f-{_mon001(findings, "1-6月").fingerprint}"')[1].split("</section>")[0]
    assert "在本次运行之后已被修改，无法显示当时读取的原文" in section


def test_the_audit_page_in_headless_chromium(audited, tmp_path) -> None:
    chromium = need_program("chromium")
    _, folder, page, findings = audited
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "audit.png"
    subprocess.run([*flags, "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=180)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables and crops, not a blank page
    red = sum(n for n, px in colours if px[0] > 190 and px[1] < 60 and px[2] < 60)
    assert red > 100  # the first finding's highlighted cells show
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], check=True, capture_output=True, timeout=180,
                         text=True).stdout
    assert dom.count('class="finding') == len(findings)
    assert _mon001(findings, "1-9月").message[:30] in dom


def test_audit_command_writes_the_page_for_the_latest_run(tmp_path, monkeypatch) -> None:
    from flows.cli import app

    monkeypatch.setenv("JIXIAO_ISOLATION", "0")
    from test_resubmissions import V1, write_version

    root = write_version(tmp_path / "提交材料", V1)
    results = [process_document(p, root) for p in discover(root)]
    from datetime import datetime

    out = tmp_path / "out"
    write_run(results, check_submission(results), root, datetime(2026, 3, 3, 9, 0), RunOptions(output_root=out))
    result = CliRunner().invoke(app, ["audit", "-o", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    html = (out / "latest" / "audit" / "index.html").read_text("utf-8")
    # the Word table region around 甲's 执行率 cell (40.00, generator input), highlighted
    assert '<td class="hit">40.00</td>' in html and "问题 2 条" in result.output
