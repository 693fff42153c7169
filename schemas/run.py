"""What a run produces: one `DocumentResult` per file of a submission and a `RunSummary`."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field

from schemas.document import Format
from schemas.errors import ErrorItem
from schemas.final_accounts import Publication
from schemas.monitoring import MonitoringReport
from schemas.narrative_report import NarrativeReport
from schemas.self_evaluation import SelfEvaluation
from schemas.targets import TargetTable
from schemas.safe_text import SafeName, SafeText

# Every typed record a document kind can produce. A new kind adds its record model here (each
# model has a distinct `record_type` literal), and documents.json reads back into the right type.
RECORD_TYPES: tuple[type[BaseModel], ...] = (MonitoringReport, TargetTable, Publication, NarrativeReport,
                                             SelfEvaluation)
Record = Annotated[Union[RECORD_TYPES], Field(discriminator="record_type")]  # type: ignore[valid-type]

# ok: read, nothing went wrong; partial: read, but some part, value or the manifest's word on it
# could not be used (its `errors` say which); error: nothing could be read; unrecognised: read,
# but of no known kind — not a failure of reading, kept apart (its one error item has the
# category "unrecognised"). Results written before `partial` existed (status "ok" with an
# `error` text and no `errors`) still load.
Status = Literal["ok", "partial", "error", "unrecognised"]
STATUS_LABELS: dict[str, str] = {"ok": "成功", "partial": "部分成功", "error": "错误", "unrecognised": "未识别"}
READ_STATUSES = ("ok", "partial")  # the documents whose records are checked and scored


class SegmentResult(BaseModel):
    """One part of a file read by one kind: an annex of a publication, one sheet's form."""

    kind: str | None = None  # None: no kind claimed these pages/sheets (left unread)
    kind_label: str | None = None
    confidence: float | None = None
    pages: list[int] = Field(default_factory=list)
    sheets: list[str] = Field(default_factory=list)
    title: str = ""  # the first line of text of the part, to name it
    status: Literal["ok", "error", "unread"]
    error: SafeText | None = None  # Chinese, when this part could not be read
    records: int = 0  # how many records it gave


class UnreadTable(BaseModel):
    """A table of a read part that no record took a value from."""

    table: int
    pages: list[int] = Field(default_factory=list)
    sheet: str | None = None
    title: str = ""


class DocumentResult(BaseModel):
    """The outcome of reading one file: its typed records, or why there are none."""

    path: SafeName  # relative to the submission folder, with forward slashes
    file_name: SafeName
    sha256: str | None = None  # None only when the file could not even be read
    format: Format | None = None  # sniffed from the content; None when sniffing failed
    converted_from: str | None = None  # a legacy .doc/.xls read through LibreOffice: what it was
    kind: str | None = None  # document kind name, e.g. "monitoring"
    kind_label: str | None = None  # its Chinese label, e.g. "绩效运行监控表"
    confidence: float | None = None  # the detector's confidence for `kind` (best guess if unrecognised)
    status: Status
    # Chinese: what went wrong, in which file, and why — the messages of `errors`, joined by "；"
    error: SafeText | None = None
    errors: list[ErrorItem] = Field(default_factory=list)  # the same as data: code, category, place
    records: list[Record] = Field(default_factory=list)
    # How the file was cut: one segment for a file of one kind; several for a publication with
    # annexed forms or a workbook of one project per sheet.
    segments: list[SegmentResult] = Field(default_factory=list)
    unread_tables: list[UnreadTable] = Field(default_factory=list)
    # True when this result was kept from an earlier run of the same content (runs/cache.py).
    from_cache: bool = False
    # Chinese, one line per hand correction of this file's content (applied, or why it was not).
    corrections: list[SafeText] = Field(default_factory=list)
    # Seconds spent reading it: "extract" (file → neutral model) and "parse" (→ records).
    seconds: dict[str, float] = Field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def read(self) -> bool:
        """Whether its records count (read wholly or in part)."""
        return self.status in READ_STATUSES


class DocumentCounts(BaseModel):
    total: int = 0
    ok: int = 0  # read: wholly or in part (`partial` of them)
    partial: int = 0  # read in part: some part, value or manifest entry could not be used
    error: int = 0
    unrecognised: int = 0


class FindingCounts(BaseModel):
    total: int = 0
    error: int = 0
    warning: int = 0
    notice: int = 0


class RunSummary(BaseModel):
    run_id: str  # YYYYMMDD-HHMMSS-<6 hex>, sorts by time
    submission: str  # absolute path of the submission folder
    # Where the submission came from when it was run from a copy (an inbox item: runs/inbox.py);
    # runs of the same origin are versions of one submission (diffed against each other).
    origin: str | None = None
    started: str  # ISO 8601 with offset
    finished: str
    output_dir: str | None = None  # absolute path of output/<run-id>/, None when nothing was written
    documents: DocumentCounts
    records: int
    findings: FindingCounts
    # error items of the run's documents by category (schemas.errors: unreadable, encrypted,
    # unsupported_format, limit, unrecognised, parse, manifest, internal)
    errors: dict[str, int] = Field(default_factory=dict)
    rules_file: str | None = None  # the user's rule file, None for the built-in checks/rules.yaml
    rules_config: dict[str, Any] = Field(default_factory=dict)  # the merged configuration used
    store: str | None = None  # the run store's URL (password hidden) the run is written to
    store_error: str | None = None  # Chinese: why the run could not be written to the store
    # rule id → records it skipped because their unit or year is unknown (see DOC001)
    skipped_unknown: dict[str, int] = Field(default_factory=dict)
    documents_from_cache: int = 0  # files not read again: same content as in an earlier run
    # The previous run of the same submission folder and what changed since (runs/diff.py):
    # files_changed, findings_new / _resolved / _changed / _open, values_changed; changes.json has the detail.
    previous_run: str | None = None
    changes: dict[str, int] = Field(default_factory=dict)
    pipeline: str | None = None  # digest of the code and data that made this run (runs/cache.py)
    # Seconds per phase: start (the command's start to the flow's first step: imports and
    # Prefect), read (documents, wall-clock), extract and parse (summed over the files read, not
    # kept), checks, scoring, writing (the run folder; the store comes after).
    timings: dict[str, float] = Field(default_factory=dict)
    # Set on the summary a batch returns for a submission it did not run again: nothing in it,
    # in the rules, the code or the reviews changed since this run (never written as true).
    reused: bool = False
