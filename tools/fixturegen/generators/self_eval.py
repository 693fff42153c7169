"""Regenerate the 绩效自评表 (self-evaluation) fixtures from tools/fixturegen/selfeval_data.py.

Writes fixtures/self-eval/ (four tables: Excel, HTML, PDF, Excel; two of them in layouts written
blind), nanjie's 2024 self-evaluation into fixtures/nanjie-2024/, and their expected records and
findings into fixtures/expected/. PDFs need LibreOffice; re-running reproduces the same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixturegen.folders import session, write_json
from fixturegen.selfeval_data import NANJIE_SELF_EVAL, SELF_EVAL_FIXTURES
from fixturegen.selfeval_expected import expected_file, findings_entries
from fixturegen.selfeval_render import render


def generate(fixtures: Path) -> None:
    with session("selfeval-", office=bool(shutil.which("soffice") or shutil.which("libreoffice"))) as (office, scratch):
        folder = fixtures / "self-eval"
        folder.mkdir(parents=True, exist_ok=True)
        for t in SELF_EVAL_FIXTURES:
            render(t, folder / t.file_name, office, scratch)
            write_json(fixtures / "expected" / "self-eval" / f"{t.file_name}.json", expected_file(t))
        t = NANJIE_SELF_EVAL
        render(t, fixtures / "nanjie-2024" / t.file_name, office, scratch)
        write_json(fixtures / "expected" / "nanjie-2024" / f"{t.file_name}.json", expected_file(t))
        write_json(fixtures / "expected" / "nanjie-2024" / "findings-self-eval.json", findings_entries(t))
