"""The run store: every run's documents, findings and score cards in a database (SQLAlchemy 2.0 ORM).

The files under `output/<run-id>/` stay the primary record and are written first; the store is a
queryable copy of them, written afterwards in one transaction. By default it is a SQLite file
`<output root>/jixiao.db` (no server to start); `--store URL` or $JIXIAO_STORE_URL selects another
database, e.g. `postgresql+psycopg://user@host/jixiao` (the driver is not a dependency: install
`psycopg[binary]` for PostgreSQL). The schema is created and upgraded on first use with Alembic
(runs/migrations): several runs may open a new store at once, one migrates under a lock.

Readers: `summary_rows` (the latest run of each unit and year, for `jixiao summary`) and
`history` (a unit's runs and, per finding fingerprint, whether it is new, still open or resolved
compared with the unit's previous run, for `jixiao history`).
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Literal, Sequence

from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from reporting.summary import SummaryRow, summary_row
from runs.diff import figures
from runs.paths import output_root
from runs.season import collect
from schemas.errors import JixiaoError
from schemas.findings import Evidence, Finding, Severity, Subject
from schemas.run import DocumentResult, RunSummary
from schemas.scoring import ScoreCard

ENV_STORE = "JIXIAO_STORE_URL"
DB_NAME = "jixiao.db"
# The store's schema is kept with Alembic (runs/migrations/versions); HEAD is its newest revision
# (a test checks it against the migration scripts). Stores written before Alembic carry only the
# table `schema_version`, at most LEGACY_VERSION: they are stamped 0001 and upgraded.
HEAD = "0005"
LEGACY_VERSION = 2

# JSON columns: JSONB on PostgreSQL (indexable), JSON text elsewhere.
Json = JSON().with_variant(JSONB(), "postgresql")


class StoreError(JixiaoError):
    """The store cannot be opened, read or written; the message is Chinese."""

    code = "store.failed"
    category = "store"


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    applied: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    __tablename__ = "runs"

    run_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    submission: Mapped[str] = mapped_column(Text)
    output_dir: Mapped[str | None] = mapped_column(Text)
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    finished: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rules_file: Mapped[str | None] = mapped_column(Text)
    rules_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the merged rule configuration
    documents_total: Mapped[int] = mapped_column(Integer)
    documents_ok: Mapped[int] = mapped_column(Integer)
    documents_error: Mapped[int] = mapped_column(Integer)
    documents_unrecognised: Mapped[int] = mapped_column(Integer)
    documents_partial: Mapped[int | None] = mapped_column(Integer, nullable=True)  # revision 0005
    errors: Mapped[dict[str, int] | None] = mapped_column(Json, nullable=True)  # by category (0005)
    records: Mapped[int] = mapped_column(Integer)
    findings_total: Mapped[int] = mapped_column(Integer)
    findings_error: Mapped[int] = mapped_column(Integer)
    findings_warning: Mapped[int] = mapped_column(Integer)
    findings_notice: Mapped[int] = mapped_column(Integer)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.run_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # discovery order within the run
    path: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    format: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str | None] = mapped_column(String(40))
    kind_label: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None]
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)  # Chinese
    records: Mapped[list[Any]] = mapped_column(Json)
    # {"segments": [...], "unread_tables": [...]}: how the file was cut into parts (version 2)
    parts: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)
    # {"converted_from", "from_cache", "corrections", "seconds"} (revision 0003)
    extra: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)
    # the document's error items (schemas.errors.ErrorItem; revision 0005)
    errors: Mapped[list[Any] | None] = mapped_column(Json, nullable=True)


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.run_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    rule_id: Mapped[str] = mapped_column(String(16), index=True)
    rule_name: Mapped[str] = mapped_column(Text)
    rule_title: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(Text, index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(Text)
    project: Mapped[str] = mapped_column(Text)
    line: Mapped[str] = mapped_column(Text)
    column: Mapped[str] = mapped_column("column", Text)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    message: Mapped[str] = mapped_column(Text)  # without its source (revision 0004)
    evidence: Mapped[list[Any]] = mapped_column(Json)
    details: Mapped[dict[str, Any]] = mapped_column(Json)
    cited: Mapped[int | None] = mapped_column(Integer, nullable=True)  # Finding.cited
    source_file: Mapped[str | None] = mapped_column(Text, nullable=True)  # Finding.source_file


class ScoreRow(Base):
    __tablename__ = "scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.run_id", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(Text, index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    rubric_id: Mapped[str] = mapped_column(Text)
    total: Mapped[str | None] = mapped_column(String(16))  # decimal text, as scores.json prints it
    points: Mapped[str] = mapped_column(String(16))
    grade: Mapped[str | None] = mapped_column(String(8))
    dimensions: Mapped[list[Any]] = mapped_column(Json)
    card: Mapped[dict[str, Any]] = mapped_column(Json)


class ReviewRow(Base):
    """A reviewer's decision on a finding (kept by fingerprint, newest wins; never deleted)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))  # pending / confirmed / dismissed
    note: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    figures_digest: Mapped[str] = mapped_column(String(64))  # the figures decided on (runs/review.py)
    rule_id: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(Text)
    run_id: Mapped[str | None] = mapped_column(String(40))  # the run the reviewer looked at
    via: Mapped[str] = mapped_column(String(16))  # cli / workbook


class CorrectionRow(Base):
    """A value corrected by hand: the cell of one file content, what it should read, and why."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    cell: Mapped[str] = mapped_column(Text)  # as the outputs name it: Sheet1!D7, 第3页 表2 第5行第4列
    value: Mapped[str] = mapped_column(Text)  # as it should be printed ("" withdraws the correction)
    reason: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InboxItemRow(Base):
    """A file or submission folder taken from the inbox, by content hash (runs/inbox.py)."""

    __tablename__ = "inbox_items"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    archived: Mapped[str] = mapped_column(Text)
    claimed_by: Mapped[str] = mapped_column(Text)
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # claimed / done / failed
    run_id: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------------------- opening a store


def store_url(explicit: str | None = None, root: str | Path | None = None) -> str:
    """`explicit`, else $JIXIAO_STORE_URL, else SQLite `<root>/jixiao.db` (root: the output root)."""
    if explicit:
        return explicit
    if os.environ.get(ENV_STORE):
        return os.environ[ENV_STORE]
    return default_url(output_root(root))


def default_url(root: str | Path) -> str:
    return f"sqlite:///{(Path(root) / DB_NAME).resolve().as_posix()}"


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages and summary.json."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for another database or an in-memory one)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    db = parsed.database
    if db.startswith("file:"):  # a SQLite URI (…?mode=ro&uri=true)
        db = db[len("file:"):]
    return Path(db)


def exists(url: str) -> bool:
    """Whether there is a store to read: a SQLite file that exists, or any other database URL."""
    path = sqlite_path(url)
    return path.is_file() if path is not None else True


def _error(url: str, action: str, exc: BaseException) -> StoreError:
    where = display_url(url)
    if isinstance(exc, (NoSuchModuleError, ModuleNotFoundError, ImportError)):
        return StoreError(f"无法{action}结果库“{where}”：缺少该数据库的驱动（{exc}）。"
                          "PostgreSQL 请先安装 psycopg（pip install 'psycopg[binary]'），"
                          "并使用 postgresql+psycopg:// 开头的地址")
    if isinstance(exc, ArgumentError):
        return StoreError(f"结果库地址“{where}”无效：应为 sqlite:///文件路径 或 postgresql+psycopg://用户@主机/库名")
    reason = str(getattr(exc, "orig", None) or exc).strip()
    if isinstance(exc, OSError):  # creating the SQLite file's folder
        return StoreError(f"无法{action}结果库“{where}”：无法创建数据库文件所在的文件夹（路径中有同名文件、"
                          f"不是文件夹或无写权限：{reason}）")
    said = next((cn for words, cn in _REASONS if any(w in reason.lower() for w in words)), None)
    return StoreError(f"无法{action}结果库“{where}”：{said}（{reason}）" if said else f"无法{action}结果库“{where}”：{reason}")


# What the database said → what to tell the user (the original stays in parentheses).
_REASONS: list[tuple[tuple[str, ...], str]] = [
    (("readonly database", "read-only"), "数据库只读，无法写入"),
    (("unable to open database file",), "无法打开数据库文件（路径不存在、不是文件夹或无权限）"),
    (("database is locked",), "数据库正被其他进程占用（已锁定），请稍后重试"),
    (("file is not a database",), "该文件不是 SQLite 数据库"),
    (("password authentication failed",), "数据库用户名或密码错误"),
    (("does not exist",), "数据库或数据表不存在"),
    (("connection refused", "could not connect", "connection failed"), "无法连接数据库服务器"),
]


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")  # ON DELETE CASCADE when a run is written again
    cur.execute("PRAGMA busy_timeout=60000")  # runs finishing at once wait for each other, not fail
    cur.close()


def open_store(url: str, create: bool = True) -> Engine:
    """An engine on the store, its schema brought up to date with Alembic (runs/migrations).
    `create=False` is for readers: a store that does not exist yet is not created."""
    try:
        path = sqlite_path(url)
        if path is not None and create:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, json_serializer=_json_dumps, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _set_sqlite_pragmas)
        if _revision(engine) != HEAD:
            with _migration_lock(engine, path):
                _upgrade(engine, url)
    except StoreError:
        raise
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise _error(url, "打开", exc) from exc
    return engine


def _revision(engine: Engine) -> str | None:
    """The store's Alembic revision; None for a new store or one written before Alembic."""
    from sqlalchemy import inspect as sa_inspect, text

    if not sa_inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def _migration_lock(engine: Engine, path: Path | None) -> Iterator[None]:
    """One process migrates a store at a time: a lock file beside a SQLite store, an advisory
    lock on PostgreSQL (runs finishing together on a new store must not both create tables)."""
    from sqlalchemy import text

    if path is not None:
        import fcntl

        with open(path.with_name(path.name + ".migrate.lock"), "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield
        return
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(7261)"))
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(7261)"))
        return
    yield


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
    return cfg


def _upgrade(engine: Engine, url: str) -> None:
    """Bring the store to HEAD: a new store from nothing; a store written before Alembic (with
    only `schema_version`) is brought to its version 2 by hand, stamped 0001, then upgraded."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import inspect as sa_inspect, text

    cfg = _alembic_config()
    current = _revision(engine)  # again, under the lock: another process may have done it
    if current == HEAD:
        return
    known = {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(f"结果库“{display_url(url)}”的结构版本为 {current}，高于本程序支持的 {HEAD}："
                         "请升级 jixiao 后再使用")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            inspector = sa_inspect(conn)
            if current is None and inspector.has_table("runs"):
                version = conn.execute(text("SELECT max(version) FROM schema_version")).scalar() \
                    if inspector.has_table("schema_version") else None
                if version is not None and version > LEGACY_VERSION:
                    raise StoreError(f"结果库“{display_url(url)}”的结构版本为 {version}，高于本程序支持的 "
                                     f"{LEGACY_VERSION}：请升级 jixiao 后再使用")
                columns = {c["name"] for c in inspector.get_columns("documents")}
                if "parts" not in columns:  # version 1: documents had no parts
                    kind = "JSONB" if conn.dialect.name == "postgresql" else "JSON"
                    conn.execute(text(f"ALTER TABLE documents ADD COLUMN parts {kind}"))
                command.stamp(cfg, "0001")
            command.upgrade(cfg, HEAD)
            if conn.execute(text("SELECT count(*) FROM schema_version")).scalar() == 0:
                conn.execute(text("INSERT INTO schema_version (version, applied) VALUES (:v, :t)"),
                             {"v": LEGACY_VERSION, "t": datetime.now(timezone.utc)})
    except SQLAlchemyError as exc:
        raise _error(url, "升级", exc) from exc


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# ---------------------------------------------------------------------------- writing a run


def rules_hash(config: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(config, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def _instant(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(timezone.utc)


def save_run(
    url: str,
    summary: RunSummary,
    results: Sequence[DocumentResult],
    findings: Sequence[Finding],
    scores: Sequence[ScoreCard] | None = None,
) -> None:
    """Write one run (its row, documents, findings and score cards) in one transaction; a run
    written again replaces its earlier copy. Raises StoreError (Chinese) on any failure."""
    engine = open_store(url)
    try:
        with Session(engine) as session, session.begin():
            session.execute(delete(ScoreRow).where(ScoreRow.run_id == summary.run_id))
            session.execute(delete(FindingRow).where(FindingRow.run_id == summary.run_id))
            session.execute(delete(DocumentRow).where(DocumentRow.run_id == summary.run_id))
            session.execute(delete(RunRow).where(RunRow.run_id == summary.run_id))
            session.add(_run_row(summary))
            session.flush()  # the run row before the rows that refer to it
            session.add_all(_document_row(summary.run_id, i, r) for i, r in enumerate(results))
            session.add_all(_finding_row(summary.run_id, i, f) for i, f in enumerate(findings))
            session.add_all(_score_row(summary.run_id, c) for c in scores or [])
    except (SQLAlchemyError, OSError) as exc:
        raise _error(url, "写入", exc) from exc
    except Exception as exc:  # a bug must not cost the run: the files are already written
        raise StoreError(f"写入结果库“{display_url(url)}”时发生内部错误（{type(exc).__name__}: {exc}）") from exc
    finally:
        engine.dispose()


def _run_row(s: RunSummary) -> RunRow:
    return RunRow(
        run_id=s.run_id, submission=s.submission, output_dir=s.output_dir,
        started=_instant(s.started), finished=_instant(s.finished),
        rules_file=s.rules_file, rules_hash=rules_hash(s.rules_config),
        documents_total=s.documents.total, documents_ok=s.documents.ok, documents_error=s.documents.error,
        documents_unrecognised=s.documents.unrecognised, documents_partial=s.documents.partial,
        errors=s.errors, records=s.records,
        findings_total=s.findings.total, findings_error=s.findings.error,
        findings_warning=s.findings.warning, findings_notice=s.findings.notice,
    )


def _document_row(run_id: str, position: int, r: DocumentResult) -> DocumentRow:
    data = r.model_dump(mode="json")
    return DocumentRow(
        run_id=run_id, position=position, path=r.path, file_name=r.file_name, sha256=r.sha256,
        format=data["format"], kind=r.kind, kind_label=r.kind_label, confidence=r.confidence,
        status=r.status, error=r.error, errors=data["errors"], records=data["records"],
        parts={"segments": data["segments"], "unread_tables": data["unread_tables"]},
        extra={k: data[k] for k in _EXTRA},
    )


_EXTRA = ("converted_from", "from_cache", "corrections", "seconds")


def _finding_row(run_id: str, position: int, f: Finding) -> FindingRow:
    data = f.model_dump(mode="json")
    s = f.subject
    return FindingRow(
        run_id=run_id, position=position, rule_id=f.rule_id, rule_name=f.rule_name, rule_title=f.rule_title,
        severity=f.severity.value, unit=s.unit, year=s.year, period=s.period, project=s.project, line=s.line,
        column=s.column, fingerprint=f.fingerprint, message=f.message, evidence=data["evidence"],
        details=data["details"], cited=f.cited, source_file=f.source_file,
    )


def _score_row(run_id: str, card: ScoreCard) -> ScoreRow:
    data = card.model_dump(mode="json")
    return ScoreRow(
        run_id=run_id, unit=card.unit, year=card.year, rubric_id=card.rubric_id,
        total=None if card.total is None else str(card.total), points=str(card.points), grade=card.grade,
        dimensions=data["dimensions"], card=data,
    )


# ---------------------------------------------------------------------------- reading


@dataclass
class StoredRun:
    """A run as the store holds it."""

    run_id: str
    submission: str
    output_dir: str | None
    started: datetime
    finished: datetime
    rules_hash: str
    documents: dict[str, int]  # total, ok (partial ones too), partial, error, unrecognised
    records: int
    findings: dict[str, int]  # total, error, warning, notice
    errors: dict[str, int] = field(default_factory=dict)  # the documents' error items by category


def _stored_run(row: RunRow) -> StoredRun:
    return StoredRun(
        run_id=row.run_id, submission=row.submission, output_dir=row.output_dir,
        started=_aware(row.started), finished=_aware(row.finished), rules_hash=row.rules_hash,
        documents={"total": row.documents_total, "ok": row.documents_ok, "partial": row.documents_partial or 0,
                   "error": row.documents_error, "unrecognised": row.documents_unrecognised},
        records=row.records,
        findings={"total": row.findings_total, "error": row.findings_error, "warning": row.findings_warning,
                  "notice": row.findings_notice},
        errors=dict(row.errors or {}),
    )


def _aware(when: datetime) -> datetime:
    # SQLite keeps no offset: the store writes UTC, so a naive value read back is UTC.
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def finding_from_row(row: FindingRow) -> Finding:
    return Finding(
        rule_id=row.rule_id, rule_name=row.rule_name, rule_title=row.rule_title, severity=Severity(row.severity),
        message=row.message,
        subject=Subject(unit=row.unit, year=row.year, period=row.period, project=row.project, line=row.line,
                        column=row.column),
        evidence=[Evidence.model_validate(e) for e in row.evidence], details=row.details,
        cited=row.cited, source_file=row.source_file or "",
    )


@contextmanager
def store_session(url: str) -> Iterator[Session]:
    """A session that writes to the store in one transaction; StoreError (Chinese) on failure."""
    engine = open_store(url)
    try:
        with Session(engine) as session, session.begin():
            yield session
    except SQLAlchemyError as exc:
        raise _error(url, "写入", exc) from exc
    finally:
        engine.dispose()


@contextmanager
def reading(url: str) -> Iterator[Session]:
    """A session on an existing store; StoreError (Chinese) when it cannot be read."""
    if not exists(url):
        raise StoreError(f"结果库“{display_url(url)}”不存在：请先用 jixiao run 处理一次材料")
    engine = open_store(url, create=False)
    try:
        with Session(engine) as session:
            yield session
    except SQLAlchemyError as exc:
        raise _error(url, "读取", exc) from exc
    finally:
        engine.dispose()


def load_run(url: str, run_id: str) -> tuple[StoredRun, list[DocumentResult], list[Finding], list[ScoreCard]]:
    """One run read back: its row, documents (with typed records), findings and score cards."""
    with reading(url) as session:
        row = session.get(RunRow, run_id)
        if row is None:
            raise StoreError(f"结果库“{display_url(url)}”中没有运行“{run_id}”")
        docs = session.scalars(select(DocumentRow).where(DocumentRow.run_id == run_id)
                               .order_by(DocumentRow.position)).all()
        found = session.scalars(select(FindingRow).where(FindingRow.run_id == run_id)
                                .order_by(FindingRow.position)).all()
        cards = session.scalars(select(ScoreRow).where(ScoreRow.run_id == run_id).order_by(ScoreRow.id)).all()
        return (
            _stored_run(row),
            [DocumentResult.model_validate(_document_data(d)) for d in docs],
            [finding_from_row(f) for f in found],
            [ScoreCard.model_validate(c.card) for c in cards],
        )


def _document_data(d: DocumentRow) -> dict[str, Any]:
    return {"path": d.path, "file_name": d.file_name, "sha256": d.sha256, "format": d.format, "kind": d.kind,
            "kind_label": d.kind_label, "confidence": d.confidence, "status": d.status, "error": d.error,
            "errors": d.errors or [],
            "records": d.records, **(d.parts or {"segments": [], "unread_tables": []}), **(d.extra or {})}


def reviewed_since(url: str, when: datetime, fingerprints: Sequence[str], shas: Sequence[str]) -> bool:
    """Whether a review decision on one of `fingerprints` or a hand correction of one of the file
    contents `shas` was recorded after `when`."""
    since = when.astimezone(timezone.utc)
    with reading(url) as session:
        for column, wanted, stamp in ((ReviewRow.fingerprint, fingerprints, ReviewRow.decided_at),
                                      (CorrectionRow.file_sha256, shas, CorrectionRow.decided_at)):
            wanted = list(set(wanted))
            for start in range(0, len(wanted), 500):
                latest = session.scalar(select(stamp).where(column.in_(wanted[start:start + 500]))
                                        .order_by(stamp.desc()).limit(1))
                if latest is not None and _aware(latest) > since:
                    return True
    return False


def run_ids(url: str) -> list[str]:
    with reading(url) as session:
        return list(session.scalars(select(RunRow.run_id).order_by(RunRow.started, RunRow.run_id)))


# ---------------------------------------------------------------------------- the season summary


def summary_rows(url: str, root: Path | None = None) -> list[SummaryRow]:
    """One row per unit and year, from the latest stored run that scored it (as
    runs.season.collect does from the files). Run folders under `root` that the store lacks
    (written before the store existed, or when writing it failed) are read from their files."""
    latest: dict[tuple[str, int | None], tuple[str, SummaryRow]] = {}
    with reading(url) as session:
        stored = set(session.scalars(select(RunRow.run_id)))
        rows = session.execute(select(ScoreRow, RunRow.started, RunRow.errors)
                               .join(RunRow, ScoreRow.run_id == RunRow.run_id)
                               .order_by(RunRow.started, RunRow.run_id)).all()
        chosen: dict[tuple[str, int | None], ScoreRow] = {}
        run_errors: dict[str, dict[str, int]] = {}
        for score, _started, errors in rows:  # oldest first: a later run of the same unit and year replaces it
            chosen[(score.unit, score.year)] = score
            run_errors[score.run_id] = dict(errors or {})
        for key, score in chosen.items():
            card = ScoreCard.model_validate(score.card)
            found = session.scalars(
                select(FindingRow).where(FindingRow.run_id == score.run_id, FindingRow.unit == card.unit,
                                         FindingRow.year == card.year if card.year is not None
                                         else FindingRow.year.is_(None))
                .order_by(FindingRow.position)).all()
            latest[key] = (score.run_id, summary_row(card, score.run_id, [finding_from_row(f) for f in found],
                                                     run_errors[score.run_id]))
    if root is not None and root.is_dir():
        for row in collect(root, skip=stored):
            key = (row.unit, row.year)
            if key not in latest or row.run_id > latest[key][0]:  # run ids sort by start time
                latest[key] = (row.run_id, row)
    return sorted((row for _, row in latest.values()), key=lambda r: (r.unit, r.year or 0))


# ---------------------------------------------------------------------------- history


Change = Literal["new", "open", "changed", "resolved"]
CHANGE_LABELS: dict[str, str] = {"new": "新增", "open": "仍存在", "changed": "数字有变化", "resolved": "已解决"}


@dataclass
class FindingChange:
    """One finding fingerprint in a run of a unit, compared with the unit's previous run."""

    status: Change
    finding: Finding  # this run's finding; for "resolved", the previous run's

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.status]


@dataclass
class RunHistory:
    run: StoredRun
    previous: str | None  # the unit's previous run id, None for its first run
    years: list[int]  # the years of the unit's score cards in this run
    totals: list[tuple[int | None, Decimal | None, str | None]]  # year, total, grade per score card
    changes: list[FindingChange] = field(default_factory=list)

    def count(self, status: Change) -> int:
        return sum(1 for c in self.changes if c.status == status)


@dataclass
class UnitHistory:
    unit: str
    runs: list[RunHistory]  # oldest first


def history(url: str, unit: str | None = None) -> list[UnitHistory]:
    """Every unit's runs (oldest first; `unit` keeps the units whose name is or contains it) and,
    per run, each finding fingerprint of the unit as new, still open (changed, when its figures
    differ), or resolved compared with
    the unit's previous runs, year by year (a run resolves only findings of the years it covers). A unit's runs are those that scored it or found something about it."""
    with reading(url) as session:
        runs = {r.run_id: r for r in session.scalars(select(RunRow))}
        by_unit: dict[str, dict[str, list[Finding]]] = {}
        for row in session.scalars(select(FindingRow).order_by(FindingRow.run_id, FindingRow.position)):
            if row.unit:
                by_unit.setdefault(row.unit, {}).setdefault(row.run_id, []).append(finding_from_row(row))
        cards: dict[str, dict[str, list[ScoreCard]]] = {}
        for score in session.scalars(select(ScoreRow).order_by(ScoreRow.id)):
            cards.setdefault(score.unit, {}).setdefault(score.run_id, []).append(ScoreCard.model_validate(score.card))
            by_unit.setdefault(score.unit, {}).setdefault(score.run_id, [])
    out: list[UnitHistory] = []
    for name in sorted(by_unit):
        if unit and unit != name and unit not in name:
            continue
        ordered = sorted(by_unit[name], key=lambda rid: (_aware(runs[rid].started), rid))
        entries: list[RunHistory] = []
        before: dict[str, Finding] = {}
        for i, rid in enumerate(ordered):
            now = {}
            for f in by_unit[name][rid]:
                now.setdefault(f.fingerprint, f)
            own_cards = cards.get(name, {}).get(rid, [])
            # A run speaks only for the years it covers: a run of the 2025 targets alone resolves
            # nothing of 2024, whose open findings carry over to the next run that covers 2024.
            covered = {f.subject.year for f in now.values()} | {c.year for c in own_cards}
            changes = [FindingChange("new" if fp not in before else
                                     "changed" if figures(before[fp]) != figures(f) else "open", f)
                       for fp, f in now.items()]
            changes += [FindingChange("resolved", f) for fp, f in before.items()
                        if fp not in now and f.subject.year in covered]
            entries.append(RunHistory(
                run=_stored_run(runs[rid]), previous=ordered[i - 1] if i else None,
                years=sorted({c.year for c in own_cards if c.year is not None}),
                totals=[(c.year, c.total, c.grade) for c in own_cards], changes=changes))
            before = {fp: f for fp, f in before.items() if f.subject.year not in covered} | now
        out.append(UnitHistory(name, entries))
    return out
