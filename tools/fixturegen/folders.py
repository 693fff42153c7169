"""The submission folders every generator writes: where fixtures/ is, a folder emptied before it is
written, expected-records JSON files, the planted findings an expected.json lists, and a generator
run's scratch space with its private LibreOffice.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fixturegen.office import Office

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def write_json(path: Path, data, indent: int = 2) -> None:
    """`data` as UTF-8 JSON (Chinese kept as is) with a final newline; parent folders are made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


def fresh_folder(path: Path) -> Path:
    """`path` emptied of what an earlier run wrote (or made), so no stale file survives."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def planted_finding(entry: dict, unit: str, year: int, period_months=None, project=None) -> dict:
    """A planted finding as expected.json lists it: rule, severity, the unit/year/period/project it is
    about, the line and column, then whatever else the planting recorded (notes, stated values)."""
    return {"rule_id": entry["rule_id"], "severity": entry["severity"], "unit": unit, "year": year,
            "period_months": period_months, "project": project, "line": entry.get("line", ""),
            "column": entry.get("column", ""),
            **{k: v for k, v in entry.items() if k not in ("rule_id", "severity", "line", "column")}}


@contextmanager
def session(prefix: str, office: bool = True) -> Iterator[tuple[Office | None, Path]]:
    """A scratch folder and, when asked, a private LibreOffice for one generator run; both are removed
    afterwards, whatever happens."""
    soffice = Office() if office else None
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield soffice, scratch
    finally:
        if soffice is not None:
            soffice.close()
        shutil.rmtree(scratch, ignore_errors=True)
