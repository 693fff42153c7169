"""Rule registry, rule configuration (YAML) and the runner."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Sequence, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from checks.common.params import RuleParams
from schemas.config_errors import read_config_yaml, validation_problems
from schemas.errors import ErrorCategory, JixiaoError
from schemas.findings import Evidence, Finding, Severity, Subject

DEFAULT_CONFIG = Path(__file__).with_name("rules.yaml")
_NOT_RULE_MODULES = {"catalogue", "common"}

R = TypeVar("R", bound=BaseModel)


@dataclass
class RuleContext:
    """What a rule sees: every record of the submission, and its own configuration."""

    rule: "Rule"
    records: Sequence[BaseModel]
    config: dict[str, Any]  # this rule's entry of rules.yaml
    settings: dict[str, Any] = field(default_factory=dict)  # the shared `settings` section
    rules_config: dict[str, Any] = field(default_factory=dict)  # every rule's entry (cross-rule checks)

    def records_of(self, kind: type[R]) -> list[R]:
        return [r for r in self.records if isinstance(r, kind)]

    @property
    def params(self) -> dict[str, Any]:
        return self.config.get("params", {}) or {}

    @property
    def args(self) -> Any:
        """This rule's parameters as its typed model (`@rule(..., params=Params)`), read from its
        rules.yaml entry; the configuration was validated against the model when it loaded."""
        if self.rule.params is None:
            raise TypeError(f"rule {self.rule.id} declares no params model")
        return self.rule.params.model_validate(self.params)

    def finding(
        self,
        subject: Subject,
        evidence: Iterable[Evidence],
        details: dict[str, Any] | None = None,
        template: str = "message",
        cited: int | None = None,
        source_file: str = "",
        **fmt: Any,
    ) -> Finding:
        """Build a finding whose message is this rule's template filled with `fmt`. The source is
        not part of the message: outputs render it from the evidence (`Finding.text`); `cited`
        limits it to the first evidence items, `source_file` names the file when no evidence does."""
        text = self.config[template].format(**fmt)
        return Finding(
            rule_id=self.rule.id,
            rule_name=self.rule.name,
            rule_title=self.config.get("title", ""),
            severity=Severity(self.config.get("severity", self.rule.default_severity)),
            message=text.strip(),
            subject=subject,
            evidence=list(evidence),
            details=details or {},
            cited=cited,
            source_file=source_file,
        )


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    func: Callable[[RuleContext], Iterable[Finding]]
    default_severity: str = "error"
    doc: str = ""
    params: type[RuleParams] | None = None  # the typed parameters, defaults in rules.yaml


_RULES: dict[str, Rule] = {}
_loaded = False


def rule(rule_id: str, name: str, severity: str = "error", params: type[RuleParams] | None = None):
    """Register a rule function under a stable id, with the model of its parameters."""

    def decorate(func: Callable[[RuleContext], Iterable[Finding]]):
        if rule_id in _RULES:
            raise ValueError(f"rule id {rule_id} registered twice")
        _RULES[rule_id] = Rule(rule_id, name, func, severity, (func.__doc__ or "").strip(), params)
        return func

    return decorate


def rule_modules() -> list[str]:
    """The modules that hold rules: `checks/<area>/<id>_<name>.py` (one rule each) and the
    areas not yet split (`checks/<area>.py`); `checks/common/` and the catalogue hold none."""
    pkg = importlib.import_module("checks")
    out = []
    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name.startswith("_") or mod.name in _NOT_RULE_MODULES:
            continue
        if not mod.ispkg:
            out.append(f"checks.{mod.name}")
            continue
        area = importlib.import_module(f"checks.{mod.name}")
        out += [f"checks.{mod.name}.{sub.name}" for sub in pkgutil.iter_modules(area.__path__)
                if not sub.name.startswith("_")]
    return out


def _load_rules() -> None:
    global _loaded
    if _loaded:
        return
    for name in rule_modules():
        importlib.import_module(name)
    _loaded = True


def all_rules() -> list[Rule]:
    _load_rules()
    return sorted(_RULES.values(), key=lambda r: r.id)


class ConfigError(JixiaoError):
    """A rule configuration that cannot be used; the message (Chinese) names the file and the key."""

    code = "config.rules"
    category: ErrorCategory = "config"


class _RuleEntry(BaseModel):
    """One rule's entry of rules.yaml: its fields, plus further message templates `message_*`."""

    model_config = ConfigDict(extra="allow")

    title: str
    severity: Literal["error", "warning", "notice"]
    enabled: bool
    message: str
    params: dict[str, Any] | None = None
    needs: list[Literal["unit", "year"]] = []

    @model_validator(mode="after")
    def _templates_only(self) -> "_RuleEntry":
        for key, value in (self.model_extra or {}).items():
            if not key.startswith("message_"):
                raise ValueError(f"不认识的键“{key}”（规则条目可有 title、severity、enabled、message、message_*、params、needs）")
            if not isinstance(value, str):
                raise ValueError(f"“{key}”应为文字（消息模板）")
        for key, value in [("message", self.message), *(self.model_extra or {}).items()]:
            if "{source}" in value:
                raise ValueError(f"“{key}”不应含 {{source}}：来源（文件和单元格）由输出按证据统一附在消息之后")
        return self


class _RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    settings: dict[str, Any] = {}
    rules: dict[str, _RuleEntry]


def _read_yaml(path: Path) -> Any:
    return read_config_yaml(path, "规则配置文件", ConfigError)


def validate_config(config: Any, source: str | Path) -> None:
    """Raise ConfigError (Chinese, naming `source` and the key) unless `config` is a usable rule
    configuration: known rule ids, known fields, a severity of error / warning / notice."""
    if not isinstance(config, dict):
        raise ConfigError(f"规则配置文件“{source}”应为映射（settings: …, rules: …）")
    try:
        parsed = _RulesFile.model_validate(config)
    except ValidationError as exc:
        raise ConfigError(f"规则配置文件“{source}”有误：{validation_problems(exc)}") from None
    _known_ids(parsed.rules, source)
    _valid_params(parsed.rules, source)


def _valid_params(rules: dict[str, _RuleEntry], source: str | Path) -> None:
    """Each rule's params against the rule's model: `rules.MON002.params.tolerance_scale：…`."""
    models = {r.id: r.params for r in all_rules() if r.params is not None}
    for rid, entry in rules.items():
        model = models.get(rid)
        if model is None:
            continue
        try:
            model.model_validate(entry.params or {})
        except ValidationError as exc:
            problems = validation_problems(exc, within=("rules", rid, "params"))
            raise ConfigError(f"规则配置文件“{source}”有误：{problems}") from None


def _known_ids(rules: Any, source: str | Path) -> None:
    if not isinstance(rules, dict):
        return
    unknown = sorted(set(map(str, rules)) - {r.id for r in all_rules()})
    if unknown:
        raise ConfigError(f"规则配置文件“{source}”有误：rules 中的 {'、'.join(unknown)} 不是已有的规则编号"
                          f"（jixiao rules 列出全部规则）")


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """Read the rule configuration; a user file overrides the defaults entry by entry. The
    merged configuration is validated: a bad file is a ConfigError naming the file and the key."""
    config = _read_yaml(DEFAULT_CONFIG) or {}
    if path is not None:
        override = _read_yaml(Path(path))
        if override is None:
            override = {}
        if not isinstance(override, dict):
            raise ConfigError(f"规则配置文件“{path}”应为映射（settings: …, rules: …）")
        _known_ids(override.get("rules"), path)
        for key, value in override.items():
            if key == "rules" and isinstance(value, dict) and isinstance(config.get(key), dict):
                config[key] = {**config[key], **{rid: _merge_rule(config[key].get(rid), entry)
                                                 for rid, entry in value.items()}}
            elif isinstance(value, dict) and isinstance(config.get(key), dict):
                config[key] = {**config[key], **value}
            else:
                config[key] = value
    validate_config(config, path if path is not None else DEFAULT_CONFIG)
    return config


def _merge_rule(default: Any, override: Any) -> Any:
    """A user's rule entry overrides the default field by field (and `params` key by key), so
    `MON005: {severity: error}` keeps the default message and parameters."""
    if not isinstance(default, dict) or not isinstance(override, dict):
        return override
    merged = {**default, **override}
    if isinstance(default.get("params"), dict) and isinstance(override.get("params"), dict):
        merged["params"] = {**default["params"], **override["params"]}
    return merged


def _rule_failure(r: Rule, exc: Exception) -> Finding:
    return Finding(
        rule_id=r.id,
        rule_name=r.name,
        rule_title="规则运行出错",
        severity=Severity.ERROR,
        message=f"规则{r.id}（{r.name}）运行出错，其结果缺失，请将此信息报告给开发人员：{type(exc).__name__}: {exc}",
        subject=Subject(line="规则运行出错"),
        details={"exception": type(exc).__name__, "error": str(exc)},
    )


def attribute_known(record: BaseModel, name: str) -> bool:
    """Whether a record's unit or year is known (records without the attribute count as known)."""
    if name == "year":
        return getattr(record, "year", 0) is not None
    attr = getattr(record, name, None)
    return attr is None or getattr(attr, "source", "content") != "unknown"


def records_with(records: Sequence[BaseModel], needs: Iterable[str]) -> Sequence[BaseModel]:
    needs = tuple(needs)
    if not needs:
        return records
    return [rec for rec in records if all(attribute_known(rec, n) for n in needs)]


def skipped_records(records: Sequence[BaseModel], config: dict[str, Any]) -> dict[str, int]:
    """Per rule, how many records it skipped because their unit or year is unknown."""
    out = {}
    for rid, cfg in (config.get("rules") or {}).items():
        needs = (cfg or {}).get("needs") or ()
        if needs and (cfg or {}).get("enabled", True):
            n = len(records) - len(records_with(records, needs))
            if n:
                out[rid] = n
    return out


def run_checks(
    records: Sequence[BaseModel],
    config: dict[str, Any] | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Run every enabled rule over all records of a submission."""
    config = config if config is not None else load_config()
    rules_cfg = config.get("rules", {})
    settings = config.get("settings", {})
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for r in all_rules():
        cfg = rules_cfg.get(r.id)
        if cfg is None:
            raise KeyError(f"rule {r.id} has no entry in the rule configuration")
        if not cfg.get("enabled", True) or (wanted is not None and r.id not in wanted):
            continue
        seen = records_with(records, cfg.get("needs") or ())
        try:
            findings.extend(r.func(RuleContext(r, seen, cfg, settings, rules_cfg)))
        except Exception as exc:  # a broken rule must not cost the other rules' findings
            findings.append(_rule_failure(r, exc))
    order = {s: i for i, s in enumerate(Severity)}
    findings.sort(key=lambda f: (order[f.severity], f.rule_id, f.subject.unit, f.subject.period))
    return merge_repeats(findings)


def merge_repeats(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per problem when the same document was handed in twice. A signed PDF and its
    Excel give the same finding (same fingerprint) from different files; an evaluator wants it once,
    with every file that shows it: the first keeps its message and takes the other's evidence, and
    `details["also_in"]` names the other files (its text says so: `Finding.text`). Findings with the same fingerprint from the same
    file are left apart (they are different cells, not a repeat)."""
    first: dict[str, Finding] = {}
    out: list[Finding] = []
    for f in findings:
        kept = first.get(f.fingerprint)
        kept_files = {e.ref.file_name for e in kept.evidence if e.ref is not None} if kept else set()
        files = {e.ref.file_name for e in f.evidence if e.ref is not None}
        if kept is None or not files or not files.isdisjoint(kept_files):
            first.setdefault(f.fingerprint, f)
            out.append(f)
            continue
        kept.evidence.extend(f.evidence)
        also = kept.details.setdefault("also_in", [])
        new = [name for name in sorted(files) if name not in also]
        also.extend(new)
    return out
