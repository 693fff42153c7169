"""Configuration files (rules, wording, rubric, manifest) explained to the user in Chinese:
which key, what is wrong — pydantic's and PyYAML's English stays out of the messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

PROBLEMS = {
    "extra_forbidden": "不认识的键（拼写错误？）",
    "missing": "缺少此项",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "list_type": "应为列表",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "literal_error": "取值不在允许范围内",
    "greater_than": "数值过小",
    "greater_than_equal": "数值过小",
    "less_than": "数值过大",
    "less_than_equal": "数值过大",
}


def validation_problems(exc: ValidationError, limit: int = 5, within: tuple[str, ...] = ()) -> str:
    """`key：problem；…` for the first `limit` errors, with a count of the rest. `within` is the
    path of the validated part in its file (`rules.MON002.params`)."""
    errors = exc.errors()
    parts = []
    for err in errors[:limit]:
        key = ".".join(str(x) for x in (*within, *err["loc"])) or "（整个文件）"
        ctx_error = (err.get("ctx") or {}).get("error")
        problem = PROBLEMS.get(err["type"]) or (str(ctx_error) if ctx_error else None) or "取值无效"
        if err["type"] == "literal_error" and (err.get("ctx") or {}).get("expected"):
            expected = str(err["ctx"]["expected"]).replace("'", "").replace(" or ", ", ").replace(", ", "、")
            problem = f"应为 {expected} 之一"
        parts.append(f"{key}：{problem}")
    more = f"（另有 {len(errors) - limit} 处）" if len(errors) > limit else ""
    return "；".join(parts) + more


def yaml_problem(exc: Exception) -> str:
    """Where a YAML file stops being YAML: `第 3 行`, or an empty string."""
    mark = getattr(exc, "problem_mark", None)
    return f"第 {mark.line + 1} 行" if mark is not None else ""


# libyaml's loader where PyYAML was built with it (ten times the pure-Python one on rules.yaml).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """yaml.safe_load, with the C loader when there is one (the same documents, the same errors)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def read_config_yaml(path: Path, what: str, error: type[Exception]) -> Any:
    """The YAML of a configuration file, or `error` (Chinese) saying why it cannot be read:
    `what` names the kind of file (规则配置文件, 措辞配置文件 …)."""
    try:
        return safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"无法读取{what}“{path}”：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise error(f"{what}“{path}”不是 UTF-8 编码的文本") from None
    except yaml.YAMLError as exc:
        raise error(f"{what}“{path}”{yaml_problem(exc)}不是有效的 YAML") from None
