"""The submission manifest (`submission.yaml`) and what a submission says about its documents.

A document names its unit, year and period in its content; where it does not, the submission
does: its manifest first, then the folder it sits in, then the file's own name. An attribute
nothing names stays unknown (source "unknown") and the record is kept.

```yaml
# submission.yaml, in the submission folder
unit: 深圳市宝安区松岗街道办事处
year: 2023
period: 1-6月        # optional: monitoring documents that print no period
region: 广东省深圳市  # optional, informative
rubric: rubric.yaml  # optional: a scoring rubric beside the manifest
```
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from schemas.config_errors import safe_load
from schemas.errors import JixiaoError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractors.freetext import find_period, find_year, unit_from_title
from textnorm.text import fold
from schemas.records import Attribute

MANIFEST_NAME = "submission.yaml"
MANIFEST_NAMES = (MANIFEST_NAME, "submission.yml")
_FIELD_NAMES = {"unit": "单位（unit）", "year": "年度（year）", "period": "期间（period）",
                "region": "地区（region）", "rubric": "评分体系（rubric）"}
# What a folder name must end like to be read as a unit name.
_ORG_SUFFIXES = ("办事处", "街道", "局", "委员会", "委", "办公室", "中心", "院", "所", "站", "队", "镇", "乡",
                 "政府", "学校", "医院", "部", "厅", "馆", "社", "处", "科", "室", "公司", "党校")
_UNIT_STOPS = ("部门整体", "项目支出", "绩效", "预算", "决算", "监控", "自评", "材料", "资料")


class ManifestError(JixiaoError):
    """The manifest cannot be used; the message (Chinese) names the file and the field."""

    code = "manifest.invalid"
    category = "manifest"


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    unit: str | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)
    period: int | None = Field(default=None, ge=1, le=12)  # N of 1–N月
    region: str | None = None
    rubric: str | None = None
    path: str = ""  # where it was read from (set by `load_manifest`)

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value: Any) -> Any:
        if isinstance(value, str):
            months = find_period(value)
            if months is None:
                raise ValueError(f"“{value}”不是监控期间（应写作 1-6月、1-9月 或 6）")
            return months
        return value

    @field_validator("unit", "region", "rubric", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError("应为文字")
        return value.strip() or None if isinstance(value, str) else value


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def load_manifest(path: Path) -> Manifest:
    """Read and validate a manifest; a Chinese `ManifestError` names the bad field."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ManifestError(f"提交说明文件“{path.name}”无法读取：{type(exc).__name__}（应为 UTF-8 编码的 YAML）") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ManifestError(f"提交说明文件“{path.name}”格式错误：应为“字段: 值”的列表")
    try:
        manifest = Manifest.model_validate({k: v for k, v in data.items() if k != "path"})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            label = _FIELD_NAMES.get(name, f"未知字段“{name}”（可用字段：{'、'.join(_FIELD_NAMES)}）")
            reason = "不是可用的字段" if err["type"] == "extra_forbidden" else _reason(err)
            problems.append(f"{label}{reason}")
        raise ManifestError(f"提交说明文件“{path.name}”有误：" + "；".join(problems)) from None
    return manifest.model_copy(update={"path": str(path)})


def _reason(err: dict) -> str:
    kind = err["type"]
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"超出范围（{err.get('input')}）"
    if kind.startswith("int"):
        return f"应为整数，实为“{err.get('input')}”"
    msg = str(err.get("msg", ""))
    return "：" + msg.removeprefix("Value error, ")


class Hint(BaseModel):
    """What one source of the submission says about a document."""

    source: str  # manifest / folder
    raw: str
    unit: str | None = None
    year: int | None = None
    period: int | None = None


def manifest_hint(manifest: Manifest | None) -> Hint | None:
    if manifest is None:
        return None
    return Hint(source="manifest", raw=manifest.path, unit=manifest.unit, year=manifest.year, period=manifest.period)


def folder_hint(path: Path, root: Path) -> Hint | None:
    """Unit, year and period named by the folders between the submission root and the file
    (nearest first), and by the root folder's own name."""
    folders: list[str] = []
    try:
        rel = path.resolve().parent.relative_to(root.resolve())
        folders = list(reversed(rel.parts))
    except ValueError:
        pass
    folders.append(root.resolve().name if root.is_dir() else root.resolve().parent.name)
    unit = year = period = None
    raw = []
    for name in folders:
        t = fold(name)
        y = find_year(t, allow_dates=True)
        n = find_period(t)
        u = unit_from_title(name, _UNIT_STOPS, _ORG_SUFFIXES)
        if y or n or u:
            raw.append(name)
        year = year or y
        period = period or n
        unit = unit or u
    if not (unit or year or period):
        return None
    return Hint(source="folder", raw="/".join(raw), unit=unit, year=year, period=period)


def submission_hints(path: Path, root: Path) -> tuple[list[Hint], str | None]:
    """The manifest hint of the nearest `submission.yaml` between the file and the submission
    root, and the manifest's error (Chinese) when it cannot be used."""
    found = nearest_manifest(path, root)
    if found is None:
        return [], None
    try:
        return [manifest_hint(_cached(found))], None  # type: ignore[list-item]
    except ManifestError as exc:
        return [], str(exc)


def submission_identity(root: Path) -> tuple[str | None, int | None]:
    """The unit and year a submission folder names (its manifest, else its folder's name), to
    name and tag its run before any document is read; (None, None) when it names neither."""
    hint = None
    found = find_manifest(root) if root.is_dir() else None
    if found is not None:
        try:
            hint = manifest_hint(_cached(found))
        except ManifestError:
            hint = None
    folder = folder_hint(root / "_", root) if root.is_dir() else None
    unit = (hint.unit if hint else None) or (folder.unit if folder else None)
    year = (hint.year if hint else None) or (folder.year if folder else None)
    return unit, year


def nearest_manifest(path: Path, root: Path) -> Path | None:
    """The `submission.yaml` nearest to the file, between it and the submission root."""
    folder = path.resolve().parent
    top = root.resolve() if root.is_dir() else root.resolve().parent
    while True:
        found = find_manifest(folder)
        if found is not None:
            return found
        if folder == top or folder.parent == folder or top not in folder.parents:
            return None
        folder = folder.parent


_CACHE: dict[tuple[str, float], Manifest] = {}


def _cached(path: Path) -> Manifest:
    key = (str(path), path.stat().st_mtime)
    if key not in _CACHE:
        _CACHE[key] = load_manifest(path)
    return _CACHE[key]


def resolve(attr: Attribute | None, hints: list[Hint], what: str) -> Attribute | None:
    """The attribute as the content gave it, else the first hint that names it, else as it was
    (a file name's, or unknown)."""
    if attr is not None and attr.source == "content" and attr.value:
        return attr
    for hint in hints:
        value = getattr(hint, what)
        if value:
            return Attribute(value=str(value), raw=hint.raw, source=hint.source)  # type: ignore[arg-type]
    return attr


def _year_value(attr: Attribute | None) -> int | None:
    if attr is None or attr.source == "unknown":
        return None
    m = re.search(r"\d{4}", attr.value)
    return int(m.group(0)) if m else None


def apply_hints(record: BaseModel, hints: list[Hint]) -> BaseModel:
    """The record with its unit and year (and a monitoring record's period) completed from the
    submission where its content did not name them."""
    hints = [h for h in hints if h is not None]
    if not hints:
        return record
    update: dict[str, Any] = {}
    unit = getattr(record, "unit", None)
    if isinstance(unit, Attribute):
        new = resolve(unit, hints, "unit")
        if new is not unit:
            update["unit"] = new
    year_attr = getattr(record, "year_attr", None)
    if isinstance(year_attr, Attribute):
        new = resolve(year_attr, hints, "year")
        if new is not year_attr:
            update["year_attr"] = new
            update["year"] = _year_value(new)
    return record.model_copy(update=update) if update else record


__all__ = ["MANIFEST_NAME", "Manifest", "ManifestError", "Hint", "find_manifest", "load_manifest", "nearest_manifest",
           "manifest_hint", "folder_hint", "submission_hints", "submission_identity", "apply_hints", "resolve"]
