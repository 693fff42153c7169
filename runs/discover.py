"""Find the documents of a submission folder.

The format of a file is told from its content later (extractors.sniff), so nothing is skipped
for its extension alone; only operating-system and editor junk is left out.
"""

from __future__ import annotations

from pathlib import Path

from runs.manifest import MANIFEST_NAMES
from schemas.errors import JixiaoError
from scoring.evaluator import is_evaluator_form

# Files that are never documents: OS metadata and office lock/backup files.
_JUNK_NAMES = {"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store"}
_JUNK_DIRS = {"__macosx"}  # resource forks macOS adds to zip archives


class SubmissionError(JixiaoError):
    """The submission folder itself cannot be used; the message is Chinese."""

    code = "submission.invalid"
    category = "input"


def is_junk(name: str) -> bool:
    low = name.lower()
    return (
        low.startswith(".")  # hidden files, including ._resource forks
        or low.startswith("~$")  # Office lock files of open documents
        or low.startswith(".~lock.")  # LibreOffice lock files
        or low.endswith("~")  # editor backups
        or low.endswith(".tmp")
        or low in _JUNK_NAMES
    )


def discover(root: str | Path) -> list[Path]:
    """Every document under `root`, recursively, sorted by relative path; junk is skipped."""
    root = Path(root)
    if not root.exists():
        raise SubmissionError(f"提交的文件夹“{root}”不存在，请检查路径")
    if not root.is_dir():
        raise SubmissionError(f"“{root}”不是文件夹：请给出存放被评价单位材料的文件夹")
    found: list[Path] = []
    _walk(root, found)
    # An evaluator's scoring form (评分录入表) travels with the submission but is not a document:
    # the scoring stage reads it (evaluator_forms), so it is never ingested or "unrecognised".
    # The manifest (submission.yaml) describes the submission; it is read, not ingested.
    found = [p for p in found if not is_evaluator_form(p) and p.name.lower() not in MANIFEST_NAMES]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _walk(folder: Path, found: list[Path]) -> None:
    for entry in folder.iterdir():
        if is_junk(entry.name):
            continue
        if entry.is_dir():
            # a symlinked folder could loop back into the submission
            if entry.name.lower() not in _JUNK_DIRS and not entry.is_symlink():
                _walk(entry, found)
        elif entry.is_file() or entry.is_symlink():  # a dangling link is reported, not skipped
            found.append(entry)


def evaluator_forms(root: str | Path) -> list[Path]:
    """Evaluator forms (评分录入表) inside a submission folder, recognised by their content."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not is_junk(p.name) and is_evaluator_form(p))
