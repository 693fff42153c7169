"""The review loop: a reviewer's decisions on findings and hand corrections of misread values.

Decisions (待复核 / 确认 / 排除, with a note, a name and a time) are kept in the store by finding
fingerprint, newest first, with a digest of the figures the reviewer saw. They carry over to every
later run while the figures are the same; when a corrected file changes them, the finding is back
to 待复核 (`Review.reopened`). A finding marked 排除 (a false alarm) is not counted in the scores.

A hand correction names a cell of one file content (by its sha256 and the cell as the outputs
print it: `Sheet1!D7`, `第3页 表2 第5行第4列`) and the number it should read. It is applied to
the records before the checks, so it changes their outcome and the scores, and the value carries
the correction (`PrintedNumber.correction`) into every finding's evidence. A new version of the
file (another sha256) is read as it is: the correction was of the old one.

Decisions and corrections come from the CLI (`jixiao review`, `jixiao correct`) or from the 复核
columns and the 更正 sheet of findings.xlsx filled in and imported back (`jixiao review --import`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from textnorm.numbers import amount, parse_decimal, rate
from runs.diff import figures
from runs.store import CorrectionRow, ReviewRow, StoreError, exists, reading, store_session
from schemas.errors import JixiaoError
from schemas.findings import REVIEW_LABELS, Finding, Review
from schemas.numbers import HandCorrection, PrintedNumber
from schemas.provenance import SourceRef
from schemas.run import DocumentResult

STATUS_BY_LABEL = {label: status for status, label in REVIEW_LABELS.items()}
REVIEW_COLUMNS = ("复核状态", "复核意见", "复核人")
CORRECTION_SHEET = "更正"
CORRECTION_COLUMNS: list[tuple[str, int]] = [("文件SHA-256", 20), ("文件", 36), ("位置", 22), ("更正值", 14),
                                             ("理由", 40), ("更正人", 12)]


class ReviewError(JixiaoError):
    """A decision, correction or workbook that cannot be taken (Chinese, naming what and where)."""

    code = "review.invalid"
    category = "input"


def figures_digest(finding: Finding) -> str:
    """What a decision was made on: the finding's figures (evidence and computed details)."""
    return hashlib.sha256(json.dumps(figures(finding), ensure_ascii=False).encode()).hexdigest()


def parse_status(text: str, where: str = "") -> str:
    value = (text or "").strip()
    if value in STATUS_BY_LABEL:
        return STATUS_BY_LABEL[value]
    if value in REVIEW_LABELS:
        return value
    raise ReviewError(f"{where}复核状态“{value}”无效：应为 待复核、确认 或 排除")


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------- decisions


def record_decision(url: str, finding: Finding, status: str, note: str, reviewer: str,
                    run_id: str | None = None, via: str = "cli") -> None:
    with store_session(url) as session:
        session.add(ReviewRow(fingerprint=finding.fingerprint, status=status, note=note, reviewer=reviewer,
                              decided_at=_now(), figures_digest=figures_digest(finding), rule_id=finding.rule_id,
                              unit=finding.subject.unit, run_id=run_id, via=via))


def latest_decisions(session: Session, fingerprints: Iterable[str]) -> dict[str, Any]:
    wanted = list(set(fingerprints))
    out: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):  # stay under the database's limit of bound parameters
        rows = session.scalars(select(ReviewRow).where(ReviewRow.fingerprint.in_(wanted[start:start + 500]))
                               .order_by(ReviewRow.decided_at, ReviewRow.id))
        for row in rows:  # oldest first: the newest decision wins
            out[row.fingerprint] = row
    return out


def with_reviews(findings: Sequence[Finding], url: str) -> list[Finding]:
    """The findings with their reviewer's decision as it stands (reopened when the figures changed).
    A store that does not exist yet has no decisions."""
    if not findings or not exists(url):
        return list(findings)
    with reading(url) as session:
        decided = latest_decisions(session, (f.fingerprint for f in findings))
    out = []
    for f in findings:
        row = decided.get(f.fingerprint)
        if row is None:
            out.append(f)
            continue
        stamp = row.decided_at if row.decided_at.tzinfo else row.decided_at.replace(tzinfo=timezone.utc)
        same = row.figures_digest == figures_digest(f)
        review = Review(status=row.status if same else "pending", note=row.note, reviewer=row.reviewer,
                        decided_at=stamp.isoformat(timespec="seconds"), reopened=not same)
        out.append(f.model_copy(update={"review": review}))
    return out


def counted_in_scores(findings: Sequence[Finding]) -> list[Finding]:
    """The findings the scores count: all but those a reviewer excluded as a false alarm."""
    return [f for f in findings if not (f.review and f.review.status == "dismissed")]


def review_text(f: Finding) -> str:
    """The decision in one line, for tables."""
    if f.review is None:
        return REVIEW_LABELS["pending"]
    r = f.review
    text = r.label + ("（数字已变化，需重新复核）" if r.reopened else "")
    extra = "，".join(x for x in (r.reviewer, r.note) if x)
    return f"{text}：{extra}" if extra else text


# ---------------------------------------------------------------------------- hand corrections


def cell_key(text: str) -> str:
    """A cell as the outputs name it, compared without spaces: `Sheet1!D7`, `第3页表2第5行第4列`."""
    return re.sub(r"\s+", "", text or "")


def record_correction(url: str, file_sha256: str, file_name: str, cell: str, value: str, reason: str,
                      reviewer: str) -> None:
    with store_session(url) as session:
        session.add(CorrectionRow(file_sha256=file_sha256, file_name=file_name, cell=cell.strip(), value=value.strip(),
                                  reason=reason, reviewer=reviewer, decided_at=_now()))


@dataclass
class Correction:
    file_sha256: str
    file_name: str
    cell: str
    value: str
    reason: str
    reviewer: str
    decided_at: str


def corrections_for(url: str, shas: Iterable[str]) -> list[Correction]:
    """The standing corrections of these file contents: the newest per cell ("" withdraws one)."""
    wanted = [s for s in set(shas) if s]
    if not wanted or not exists(url):
        return []
    latest: dict[tuple[str, str], Correction] = {}
    with reading(url) as session:
        rows = session.scalars(select(CorrectionRow).where(CorrectionRow.file_sha256.in_(wanted))
                               .order_by(CorrectionRow.decided_at, CorrectionRow.id))
        for row in rows:
            stamp = row.decided_at if row.decided_at.tzinfo else row.decided_at.replace(tzinfo=timezone.utc)
            latest[(row.file_sha256, cell_key(row.cell))] = Correction(
                row.file_sha256, row.file_name, row.cell, row.value, row.reason, row.reviewer,
                stamp.isoformat(timespec="seconds"))
    return [c for c in latest.values() if c.value]


def apply_corrections(results: Sequence[DocumentResult], corrections: Sequence[Correction]) -> list[DocumentResult]:
    """The results with the corrected numbers in their records; each corrected file lists its
    corrections in `DocumentResult.corrections`, and those that matched no number (a cell that
    holds none, or a mistyped position), in Chinese."""
    by_file: dict[str, dict[str, Correction]] = {}
    for c in corrections:
        by_file.setdefault(c.file_sha256, {})[cell_key(c.cell)] = c
    out = []
    for r in results:
        wanted = by_file.get(r.sha256 or "")
        if not wanted or r.status != "ok":
            out.append(r)
            continue
        used: dict[str, str] = {}
        records = [_corrected(rec, wanted, used) for rec in r.records]
        notes = [f"人工更正 {c.cell}：“{used[key]}” → “{c.value}”（{c.reviewer}，理由：{c.reason}）" if key in used
                 else f"人工更正 {c.cell} 未能应用：该位置没有读到数字（请核对位置的写法，如 Sheet1!D7 或 第3页 表2 第5行第4列）"
                 for key, c in wanted.items()]
        out.append(r.model_copy(update={"records": records, "corrections": notes}))
    return out


def corrected_results(results: Sequence[DocumentResult], url: str) -> list[DocumentResult]:
    """The results with the store's standing corrections applied (none when the store cannot be
    read: the run goes on, and writing the run says what is wrong with the store)."""
    try:
        corrections = corrections_for(url, (r.sha256 for r in results if r.sha256))
    except StoreError:
        return list(results)
    return apply_corrections(results, corrections) if corrections else list(results)


def reviewed_findings(findings: Sequence[Finding], url: str) -> list[Finding]:
    try:
        return with_reviews(findings, url)
    except StoreError:
        return list(findings)


def _corrected(value: Any, wanted: dict[str, Correction], used: dict[str, str]) -> Any:
    if isinstance(value, PrintedNumber):
        key = cell_key(value.ref.with_label().label)
        c = wanted.get(key)
        if c is None:
            return value
        try:
            new = corrected_number(value, c)
        except ReviewError:  # not a number (the commands refuse one; a store edited by hand may hold it)
            return value
        used[key] = value.raw
        return new
    if isinstance(value, SourceRef):
        return value
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _corrected(old, wanted, used)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_corrected(v, wanted, used) for v in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        items = {k: _corrected(v, wanted, used) for k, v in value.items()}
        return items if any(items[k] is not value[k] for k in value) else value
    return value


def corrected_number(pn: PrintedNumber, c: Correction) -> PrintedNumber:
    try:
        new = rate(c.value, pn.ref) if pn.unit == "%" else amount(c.value, pn.ref, pn.printed_unit)
    except ValueError:
        new = None
    if new is None or new.blank:
        raise ReviewError(f"人工更正值“{c.value}”（文件“{c.file_name}”{c.cell}）不是数字")
    note = HandCorrection(original_raw=pn.raw, reason=c.reason, reviewer=c.reviewer, decided_at=c.decided_at)
    return new.model_copy(update={"correction": note})


def check_correction_value(value: str, where: str = "") -> None:
    if not value.strip():
        return
    try:
        parsed = parse_decimal(value)
    except ValueError:  # NumberError: text that is not a number
        parsed = None
    if parsed is None:
        raise ReviewError(f"{where}更正值“{value}”不是数字")


# ---------------------------------------------------------------------------- the workbook


@dataclass
class Imported:
    decisions: int = 0
    corrections: int = 0
    unchanged: int = 0


def import_workbook(url: str, path: Path, reviewer: str, findings: Sequence[Finding], run_id: str | None) -> Imported:
    """Take the decisions of the 复核 columns and the corrections of the 更正 sheet of a filled-in
    findings.xlsx. Every row is checked first; a bad value is an error naming its row, and then
    nothing is taken (a half-imported workbook would be worse than none)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - whatever the file holds, it is not a workbook to import
        raise ReviewError(f"无法读取复核工作簿“{path.name}”：{type(exc).__name__}（应为 jixiao 写出的 findings.xlsx）") from exc
    try:
        if "问题清单" not in wb.sheetnames:
            raise ReviewError(f"复核工作簿“{path.name}”中没有“问题清单”工作表（应为 jixiao 写出的 findings.xlsx）")
        decisions = _read_decisions(wb["问题清单"], path.name, findings, reviewer)
        corrections = _read_corrections(wb[CORRECTION_SHEET], path.name, reviewer) \
            if CORRECTION_SHEET in wb.sheetnames else []
    finally:
        wb.close()
    result = Imported()
    standing: dict[str, Any] = {}
    if exists(url):
        with reading(url) as session:
            standing = latest_decisions(session, (f.fingerprint for f, *_ in decisions))
    for finding, status, note, who in decisions:
        row = standing.get(finding.fingerprint)
        if row is not None and (row.status, row.note) == (status, note) and row.figures_digest == figures_digest(finding):
            result.unchanged += 1
            continue
        record_decision(url, finding, status, note, who, run_id, via="workbook")
        result.decisions += 1
    for sha, name, cell, value, reason, who in corrections:
        record_correction(url, sha, name, cell, value, reason, who)
        result.corrections += 1
    return result


def _header(ws) -> tuple[list[str], Any]:
    rows = ws.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
    return header, rows


def _read_decisions(ws, name: str, findings: Sequence[Finding], reviewer: str) -> list[tuple[Finding, str, str, str]]:
    header, rows = _header(ws)
    missing = [c for c in ("指纹", *REVIEW_COLUMNS) if c not in header]
    if missing:
        raise ReviewError(f"复核工作簿“{name}”的“问题清单”缺少列：{'、'.join(missing)}")
    col = {h: i for i, h in enumerate(header)}
    by_fp = {f.fingerprint: f for f in findings}
    out = []
    for n, row in enumerate(rows, start=2):
        def cell(h: str) -> str:
            v = row[col[h]] if col[h] < len(row) else None
            return "" if v is None else str(v).strip()

        status_text, fp = cell("复核状态"), cell("指纹")
        if not status_text or not fp:
            continue
        where = f"复核工作簿“{name}”第{n}行："
        status = parse_status(status_text, where)
        if fp not in by_fp:
            raise ReviewError(f"{where}指纹“{fp}”不是该次运行的问题（请导入同一次运行的 findings.xlsx）")
        out.append((by_fp[fp], status, cell("复核意见"), cell("复核人") or reviewer))
    return out


def _read_corrections(ws, name: str, reviewer: str) -> list[tuple[str, str, str, str, str, str]]:
    header, rows = _header(ws)
    wanted = [h for h, _ in CORRECTION_COLUMNS]
    missing = [c for c in wanted if c not in header]
    if missing:
        raise ReviewError(f"复核工作簿“{name}”的“{CORRECTION_SHEET}”工作表缺少列：{'、'.join(missing)}")
    col = {h: i for i, h in enumerate(header)}
    out = []
    for n, row in enumerate(rows, start=2):
        values = {h: ("" if col[h] >= len(row) or row[col[h]] is None else str(row[col[h]]).strip()) for h in wanted}
        if not values["位置"] and not values["更正值"]:
            continue
        where = f"复核工作簿“{name}”的“{CORRECTION_SHEET}”第{n}行："
        if not re.fullmatch(r"[0-9a-f]{64}", values["文件SHA-256"]):
            raise ReviewError(f"{where}文件SHA-256“{values['文件SHA-256']}”无效（应为 64 位十六进制，见“文件”工作表）")
        if not values["位置"]:
            raise ReviewError(f"{where}缺少位置（如 Sheet1!D7 或 第3页 表2 第5行第4列）")
        if not values["理由"]:
            raise ReviewError(f"{where}缺少更正理由")
        check_correction_value(values["更正值"], where)
        out.append((values["文件SHA-256"], values["文件"], values["位置"], values["更正值"], values["理由"],
                    values["更正人"] or reviewer))
    return out


__all__ = ["CORRECTION_COLUMNS", "CORRECTION_SHEET", "Correction", "Imported", "REVIEW_COLUMNS", "ReviewError",
           "apply_corrections", "cell_key", "corrected_results", "corrections_for", "reviewed_findings", "counted_in_scores", "figures_digest",
           "import_workbook", "parse_status", "record_correction", "record_decision", "review_text", "with_reviews"]
