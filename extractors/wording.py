"""The wording of each document kind, as data: `extractors/kinds/<kind>.yaml`, validated here by
one pydantic model per kind when it is loaded (a key the model does not know, a missing key, a
list where a word is expected or a regular expression that does not compile is a `WordingError`
in Chinese that names the file and the key).

A run may override the wording like it overrides the rules (`jixiao run --wording DIR`): a
`<kind>.yaml` in DIR is merged over the built-in file section by section (a mapping key by key,
a list or a word replaced whole), so a user adds the labels of a local form without copying the
whole vocabulary. The directory is set for the current context (`directory(...)`), so documents
read in parallel threads of one run all see it and another run in the same process does not.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Iterator, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from schemas.config_errors import read_config_yaml, validation_problems
from schemas.errors import JixiaoError

BUILTIN_DIR = Path(__file__).parent / "kinds"


class WordingError(JixiaoError):
    """A wording file that cannot be used, with a Chinese message naming the file and the key."""

    code = "wording.invalid"
    category = "config"


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"正则表达式“{pattern}”无效（{exc}）") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
Words = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnRule(_Strict):
    """A column role and the patterns of header texts (folded) that give it."""

    role: str
    patterns: list[Regex]


# ---------------------------------------------------------------------------------------------
# 绩效目标表


class TargetsDetect(_Strict):
    title_words: Words
    section_words: Words
    budget_words: Words
    other_kind_words: Words


class TargetsHeader(_Strict):
    unit_labels: Words
    department_labels: Words
    implementing_labels: Words
    project_labels: Words
    project_code_labels: Words
    year_labels: Words
    value_stops: Words
    title_unit_stops: Words
    org_suffixes: Words


class TargetsKind(_Strict):
    project_title_words: Words
    unit_title_words: Words
    project_level1: Words
    unit_level1: Words


class TargetsBudget(_Strict):
    total: Words
    multi_year: Words
    fiscal: Words
    other: Words
    label_prefixes: list[Regex]
    sum_labels: Words


class Labels(_Strict):
    labels: Words


class TargetsTasks(_Strict):
    columns: list[ColumnRule]
    amount_total_subheads: Words
    total_words: Words


class TargetsPeriods(_Strict):
    annual: list[Regex]
    multi_year: list[Regex]


class TargetsIndicators(_Strict):
    columns: list[ColumnRule]
    placeholders: Words
    stop_words: Words


class TargetsWording(_Strict):
    detect: TargetsDetect
    header: TargetsHeader
    kind: TargetsKind
    budget: TargetsBudget
    basis: Labels
    goal: Labels
    tasks: TargetsTasks
    periods: TargetsPeriods
    indicators: TargetsIndicators


# ---------------------------------------------------------------------------------------------
# 绩效运行监控表


class MonitoringDetect(_Strict):
    title_words: Words
    other_kind_words: Words


class MonitoringBudget(_Strict):
    columns: list[ColumnRule]
    lines: dict[str, Words]  # canonical line → its synonyms
    label_prefixes: list[Regex]
    index_labels: Words
    stop_words: Words


class MonitoringIndicators(_Strict):
    columns: list[ColumnRule]
    required_with_level3: Words
    deviation_categories: Words
    likelihood_categories: Words
    tick_marks: Words
    untick_marks: Words
    stop_words: Words


class MonitoringHeader(_Strict):
    unit_labels: Words
    project_labels: Words
    year_labels: Words
    period_labels: Words
    value_stops: Words
    title_unit_stops: Words
    org_suffixes: Words


class MonitoringWording(_Strict):
    detect: MonitoringDetect
    budget: MonitoringBudget
    indicators: MonitoringIndicators
    header: MonitoringHeader


# ---------------------------------------------------------------------------------------------
# 绩效自评表


class SelfEvaluationDetect(_Strict):
    title_words: Words
    score_words: Words


class SelfEvaluationBudget(_Strict):
    columns: list[ColumnRule]
    lines: dict[str, Words]
    stop_words: Words


class SelfEvaluationGoal(_Strict):
    labels: Words
    expected: Words
    actual: Words


class SelfEvaluationIndicators(_Strict):
    columns: list[ColumnRule]
    required_with_level3: Words
    total_labels: Words
    operator_words: dict[str, str]
    stop_words: Words
    points_in_label: Regex


class SelfEvaluationDeviation(_Strict):
    measure_markers: Words
    reason_labels: Words


class SelfEvaluationHeader(_Strict):
    unit_labels: Words
    project_labels: Words
    department_labels: Words
    implementing_labels: Words
    other_labels: Words
    value_stops: Words
    title_unit_stops: Words
    org_suffixes: Words


class SelfEvaluationWording(_Strict):
    detect: SelfEvaluationDetect
    budget: SelfEvaluationBudget
    goal: SelfEvaluationGoal
    indicators: SelfEvaluationIndicators
    deviation: SelfEvaluationDeviation
    header: SelfEvaluationHeader


# ---------------------------------------------------------------------------------------------
# 部门预算 / 决算 publications


class PublicationTitle(_Strict):
    key: str
    patterns: list[Regex]


class FinalAccountsDetect(_Strict):
    words: Words


class FinalAccountsWording(_Strict):
    titles: dict[str, list[PublicationTitle]]  # publication kind (预算 / 决算) → its tables
    standard: dict[str, list[Words]]  # publication kind → the tables it should publish
    empty_statements: list[Regex]
    not_statements: Words
    placeholders: Words
    min_placeholders: int
    label_header: Regex
    code_header: Regex
    code_header_words: Words
    total_words: Words
    unit_labels: Words
    value_stops: Words
    title_unit_stops: Words
    org_suffixes: Words
    detect: FinalAccountsDetect


# ---------------------------------------------------------------------------------------------
# 监控报告 / 自评报告 (prose)


class NarrativeDetect(_Strict):
    title_patterns: list[Regex]
    prose_paragraphs: int
    prose_chars: int


class Measure(_Strict):
    measure: str
    unit: str
    patterns: list[Regex]


class TableColumn(_Strict):
    measure: str
    patterns: list[Regex]


class NarrativeReportWording(_Strict):
    detect: NarrativeDetect
    types: dict[str, Words]
    title_unit_stops: Words
    org_suffixes: Words
    lines: dict[str, Words]
    measures: list[Measure]
    compared: Regex
    not_prose: list[Regex]
    not_line_amount: list[Regex]
    bare_line_words: Regex
    indicator_words: Regex
    roles: dict[str, list[Regex]]
    table_columns: list[TableColumn]


# ---------------------------------------------------------------------------------------------
# 项目经费情况说明


class ProjectStatementDetect(_Strict):
    titles: Words
    sections: Words
    min_sections: int


class ProjectStatementSections(_Strict):
    budget: Words
    goal: Words
    period: Words
    body: Words


class ProjectStatementWording(_Strict):
    detect: ProjectStatementDetect
    sections: ProjectStatementSections
    elsewhere: Words


# ---------------------------------------------------------------------------------------------
# 日期 labels per record type


class DatesWording(_Strict):
    labels: dict[str, Words]


MODELS: dict[str, type[BaseModel]] = {
    "targets": TargetsWording,
    "monitoring": MonitoringWording,
    "self_evaluation": SelfEvaluationWording,
    "final_accounts": FinalAccountsWording,
    "narrative_report": NarrativeReportWording,
    "project_statement": ProjectStatementWording,
    "dates": DatesWording,
}

# ---------------------------------------------------------------------------------------------
# Loading

_DIRECTORY: ContextVar[str | None] = ContextVar("jixiao_wording_directory", default=None)
M = TypeVar("M", bound=BaseModel)


@contextmanager
def directory(path: str | Path | None) -> Iterator[None]:
    """Read the wording overrides of `path` (a folder of `<kind>.yaml`) in this context."""
    token = _DIRECTORY.set(str(Path(path).resolve()) if path else None)
    try:
        yield
    finally:
        _DIRECTORY.reset(token)


def current_directory() -> str | None:
    return _DIRECTORY.get()


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        return {**base, **{k: _merge(base.get(k), v) for k, v in override.items()}}
    return override


def _read(path: Path) -> Any:
    return read_config_yaml(path, "措辞配置文件", WordingError)


def _explain(exc: ValidationError, path: Path) -> WordingError:
    return WordingError(f"措辞配置文件“{path}”有误：{validation_problems(exc)}")


@lru_cache(maxsize=32)
def _load(name: str, override_dir: str | None) -> BaseModel:
    model = MODELS[name]
    builtin = BUILTIN_DIR / f"{name}.yaml"
    data = _read(builtin)
    source = builtin
    if override_dir is not None:
        override = Path(override_dir) / f"{name}.yaml"
        if override.is_file():
            extra = _read(override)
            if extra is not None and not isinstance(extra, dict):
                raise WordingError(f"措辞配置文件“{override}”应为映射（键: 值），而不是{type(extra).__name__}")
            data, source = _merge(data, extra or {}), override
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _explain(exc, source) from None


def load(name: str, model: type[M]) -> M:
    """The validated wording of kind `name` in the current context (built-in, plus overrides)."""
    found = _load(name, current_directory())
    assert isinstance(found, model)
    return found


def check_directory(path: str | Path) -> None:
    """Validate every override file of a wording folder; raise `WordingError` on the first bad one."""
    folder = Path(path)
    if not folder.is_dir():
        raise WordingError(f"措辞配置目录“{folder}”不存在或不是目录")
    names = sorted(p.stem for p in folder.glob("*.yaml"))
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        raise WordingError(f"措辞配置目录“{folder}”中的 {'、'.join(u + '.yaml' for u in unknown)} 不对应任何文档类型"
                           f"（可用：{'、'.join(m + '.yaml' for m in MODELS)}）")
    for n in names:
        _load(n, str(folder.resolve()))
