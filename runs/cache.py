"""Reading results kept by content, so that a re-run reads only the files that changed.

A corrected resubmission usually changes one file of twenty; reading the other nineteen again
costs the whole run. The key of a kept result is everything the reading depends on:

- the file's content (sha256) and where it sits in the submission (folder and file names give
  the unit, year and period when the content does not),
- the nearest `submission.yaml` (it names the unit, year and period too),
- the wording overrides and the limits file of the run,
- the code that reads: every source and wording file of `extractors/` and `schemas/`, and of the
  modules of `runs/` that turn a document into records. A new version of the parser is a miss.

Only results that depend on nothing else are kept: read (`ok`) and not recognised. An error may
be the machine's (a time or memory limit, a file that vanished) and is tried again next time.
The cache is plain files under `<output root>/.cache/documents/`: delete the folder to empty it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from extractors.limits import LIMITS_ENV
from runs.manifest import nearest_manifest
from runs.process import relative_path
from schemas.run import DocumentResult

CACHE_FOLDER = Path(".cache") / "documents"
_CODE = ("extractors", "schemas", "textnorm")
_CODE_FILES = ("runs/process.py", "runs/manifest.py")
CACHED_STATUSES = ("ok", "partial", "unrecognised")


def cache_dir(output_root: Path) -> Path:
    return output_root / CACHE_FOLDER


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code and wording that read documents (a changed parser is a new version)."""
    return _code_digest(_CODE, _CODE_FILES)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A digest of all the code and data a run's results depend on: reading, checks, scoring,
    and writing (recorded in summary.json; an unchanged submission is reused only under it)."""
    return _code_digest(_CODE + ("checks", "scoring", "runs"), ())


def _code_digest(packages: tuple[str, ...], files: tuple[str, ...]) -> str:
    base = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    found = [p for pkg in packages for p in (base / pkg).rglob("*") if p.suffix in (".py", ".yaml")]
    found += [base / f for f in files]
    for p in sorted(set(found)):
        h.update(p.relative_to(base).as_posix().encode())
        h.update(_digest(p).encode())
    return h.hexdigest()


def _digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_digest(folder: str | Path | None) -> str:
    if not folder:
        return ""
    folder = Path(folder)
    if not folder.is_dir():
        return str(folder)
    return "|".join(f"{p.name}:{_digest(p)}" for p in sorted(folder.glob("*.yaml")))


def cache_key(path: Path, root: Path, sha256: str, wording_dir: str | Path | None = None) -> str:
    root_name = root.resolve().name if root.is_dir() else root.resolve().parent.name
    parts = {
        "sha256": sha256,
        "path": relative_path(path, root),
        "root": root_name,
        "manifest": _digest(nearest_manifest(path, root)),
        "wording": _folder_digest(wording_dir),
        "limits": _digest(Path(os.environ[LIMITS_ENV])) if os.environ.get(LIMITS_ENV) else "",
        "code": code_version(),
    }
    # ensure_ascii: a file name in GBK bytes (surrogate escapes) is hashed like any other
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _entry(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json"


def load(folder: Path, key: str) -> DocumentResult | None:
    """The kept result, or None (not kept, or unreadable: then it is simply read again)."""
    entry = _entry(folder, key)
    try:
        return DocumentResult.model_validate_json(entry.read_bytes())
    except (OSError, ValueError, ValidationError):
        return None


def save(folder: Path, key: str, result: DocumentResult) -> None:
    """Keep a result (written under a temporary name and renamed: a reader never sees half)."""
    if result.status not in CACHED_STATUSES:
        return
    entry = _entry(folder, key)
    tmp: str | None = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(result.model_dump_json().encode("utf-8"))
        os.replace(tmp, entry)
    except OSError:  # a full or read-only disk costs the next run time, never this run's result
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


__all__ = ["CACHED_STATUSES", "cache_dir", "cache_key", "code_version", "load", "pipeline_version", "save"]
