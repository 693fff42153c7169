"""Load and validate a rubric file (scoring/rubrics/*.yaml)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from schemas.config_errors import validation_problems, yaml_problem, safe_load
from schemas.errors import JixiaoError

from schemas.scoring import Method

DEFAULT_RUBRIC = Path(__file__).parent / "rubrics" / "default.yaml"


class RubricError(JixiaoError):
    """A rubric file that cannot be used; the message is Chinese and names the file."""

    code = "rubric.invalid"
    category = "config"


class RulePart(BaseModel, extra="allow"):
    kind: Literal["deduct_per_finding", "finding_metric_bands", "execution_rate_bands", "date_deadline"]
    reason: str = ""


class AutomaticRule(BaseModel):
    requires: list[str] = Field(default_factory=list)
    parts: list[RulePart]


class SubIndicator(BaseModel):
    code: str
    name: str
    points: Decimal
    method: Method
    guidance: str = ""
    rule: AutomaticRule | None = None


class Dimension(BaseModel):
    code: str
    name: str
    points: Decimal
    sub_indicators: list[SubIndicator]


class GradeBand(BaseModel):
    grade: str
    min: Decimal


class Rubric(BaseModel):
    id: str
    name: str
    region: str = ""
    points: Decimal
    card_record_types: list[str] = Field(default_factory=list)
    grades: list[GradeBand]
    dimensions: list[Dimension]
    path: str = ""

    def sub_indicators(self) -> list[tuple[Dimension, SubIndicator]]:
        return [(d, s) for d in self.dimensions for s in d.sub_indicators]

    def sub_indicator(self, code: str) -> SubIndicator | None:
        return next((s for _, s in self.sub_indicators() if s.code == code), None)

    def grade(self, total: Decimal) -> str:
        for band in sorted(self.grades, key=lambda b: b.min, reverse=True):
            if total >= band.min:
                return band.grade
        return self.grades[-1].grade


def _date_deadline_errors(params: dict[str, Any]) -> list[str]:
    """What is wrong with the parameters of a `date_deadline` part (Chinese)."""
    errors = []
    if not params.get("record_type"):
        errors.append("date_deadline 未写记录类型（record_type）")
    if not (params.get("fields") or params.get("field")):
        errors.append("date_deadline 未写日期字段（fields）")
    for year, value in (params.get("deadlines") or {}).items():
        try:
            int(year)
            if not isinstance(value, date):
                date.fromisoformat(str(value))
        except (TypeError, ValueError):
            errors.append(f"date_deadline 的截止日期“{year}: {value}”应写作 年份: YYYY-MM-DD")
    relative = params.get("relative_to")
    if relative is not None and (not isinstance(relative, dict) or "days" not in relative):
        errors.append("date_deadline 的 relative_to 应写明 record_type、fields 和天数（days）")
    for band in params.get("bands") or []:
        if not isinstance(band, dict) or "min_days" not in band or "deduct" not in band:
            errors.append("date_deadline 的扣分档（bands）每档应写 min_days 和 deduct")
            break
    return errors


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Read a rubric file (default: the built-in one) and check that its points add up."""
    path = Path(path) if path else DEFAULT_RUBRIC
    name = path.name
    try:
        data: Any = safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RubricError(f"评分标准文件“{name}”无法读取：{exc.strerror or type(exc).__name__}") from exc
    except yaml.YAMLError as exc:
        raise RubricError(f"评分标准文件“{name}”{yaml_problem(exc)}不是有效的 YAML") from None
    if not isinstance(data, dict):
        raise RubricError(f"评分标准文件“{name}”的内容应为键值结构（id、name、dimensions …）")
    try:
        rubric = Rubric.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        raise RubricError(f"评分标准文件“{name}”格式有误：{validation_problems(exc)}") from None
    errors = []
    codes: set[str] = set()
    for dim in rubric.dimensions:
        total = sum((s.points for s in dim.sub_indicators), Decimal(0))
        if total != dim.points:
            errors.append(f"一级指标{dim.code}分值{dim.points}与其二级指标分值之和{total}不符")
        for sub in dim.sub_indicators:
            if sub.code in codes:
                errors.append(f"指标编码{sub.code}重复")
            codes.add(sub.code)
            if sub.method == "automatic" and sub.rule is None:
                errors.append(f"{sub.code}为自动评分但未写评分规则（rule）")
            for part in (sub.rule.parts if sub.rule else []):
                if part.kind == "date_deadline":
                    errors += [f"{sub.code}：{e}" for e in _date_deadline_errors(part.model_extra or {})]
    dims = sum((d.points for d in rubric.dimensions), Decimal(0))
    if dims != rubric.points:
        errors.append(f"总分{rubric.points}与一级指标分值之和{dims}不符")
    if errors:
        raise RubricError(f"评分标准文件“{name}”有误：" + "；".join(errors))
    return rubric
