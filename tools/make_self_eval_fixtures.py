"""Regenerate the 绩效自评表 (self-evaluation) fixtures from tools/fixturegen/selfeval_data.py.

Writes fixtures/self-eval/ (four tables: Excel, HTML, PDF, Excel; two of them in layouts written
blind), nanjie's 2024 self-evaluation into fixtures/nanjie-2024/, and their expected records and
findings into fixtures/expected/. PDFs need LibreOffice; re-running reproduces the same bytes.

Usage: python tools/make_self_eval_fixtures.py [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixturegen.office import Office  # noqa: E402
from fixturegen.selfeval_data import NANJIE_SELF_EVAL, SELF_EVAL_FIXTURES  # noqa: E402
from fixturegen.selfeval_expected import expected_file, findings_entries  # noqa: E402
from fixturegen.selfeval_render import render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures", help="output folder")
    args = parser.parse_args()
    out: Path = args.fixtures
    office = Office() if shutil.which("soffice") or shutil.which("libreoffice") else None
    scratch = Path(tempfile.mkdtemp(prefix="selfeval-"))
    try:
        folder = out / "self-eval"
        folder.mkdir(parents=True, exist_ok=True)
        for t in SELF_EVAL_FIXTURES:
            render(t, folder / t.file_name, office, scratch)
            _write_json(out / "expected" / "self-eval" / f"{t.file_name}.json", expected_file(t))
        t = NANJIE_SELF_EVAL
        render(t, out / "nanjie-2024" / t.file_name, office, scratch)
        _write_json(out / "expected" / "nanjie-2024" / f"{t.file_name}.json", expected_file(t))
        _write_json(out / "expected" / "nanjie-2024" / "findings-self-eval.json", findings_entries(t))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if office is not None:
            office.close()


if __name__ == "__main__":
    main()
