"""A bad rule configuration (`--rules FILE`) is a Chinese error naming the file and the key,
before any document is read — never a traceback, never silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checks import ConfigError, load_config
from flows.cli import app
from tests.conftest import FIXTURES


@pytest.mark.parametrize("text, expected", [
    ("rules:\n  MON001: [\n", "第 3 行不是有效的 YAML"),
    ("rules:\n  MON001:\n    severity: fatal\n", "rules.MON001.severity：应为 error、warning、notice 之一"),
    ("rulez: 1\n", "rulez：不认识的键"),
    ("rules:\n  MON099: {severity: error}\n", "MON099 不是已有的规则编号"),
    ("rules:\n  MON001: {severty: error}\n", "不认识的键“severty”"),
    ("rules:\n  MON001: {enabled: maybe}\n", "rules.MON001.enabled：应为 true 或 false"),
    ("- MON001\n", "应为映射"),
    ("rules:\n  MON005: {message: \"偏差原因笼统（来源：{source}）\"}\n", "“message”不应含 {source}"),
    ("rules:\n  MON002:\n    params: {tolerance_scale: viel}\n", "rules.MON002.params.tolerance_scale：应为数字"),
    ("rules:\n  MON004:\n    params: {adjustment_keyword: [调整]}\n", "rules.MON004.params.adjustment_keyword：不认识的键"),
    ("rules:\n  MON006:\n    params: {min_substantive_chars: 六}\n", "rules.MON006.params.min_substantive_chars：应为整数"),
    ("rules:\n  TGT010:\n    params: {above_tolerance: 一成}\n", "rules.TGT010.params.above_tolerance：应为数字"),
    ("rules:\n  SLF002:\n    params: {full_at: 85%}\n", "rules.SLF002.params.full_at：应为数字"),
    ("rules:\n  SLF011:\n    params: {skip_units: 日期}\n", "rules.SLF011.params.skip_units：应为列表"),
    ("rules:\n  XDC003:\n    params: {flag_shortfall: 也许}\n", "rules.XDC003.params.flag_shortfall：应为 true 或 false"),
])
def test_bad_rule_files_are_named(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "规则.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "规则.yaml" in str(err.value) and expected in str(err.value)


def test_a_partial_override_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "规则.yaml"
    path.write_text("rules:\n  MON005: {severity: error}\n", encoding="utf-8")
    config = load_config(path)
    assert config["rules"]["MON005"]["severity"] == "error"
    assert config["rules"]["MON005"]["message"] == load_config()["rules"]["MON005"]["message"]


def test_the_cli_refuses_a_bad_rule_file_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "规则.yaml"
    path.write_text("rules:\n  MON001:\n    severity: fatal\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(FIXTURES / "nanjie-2024"), "--rules", str(path)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "severity" in result.output and "Traceback" not in result.output
    assert "问题：" not in result.output  # nothing was checked


def test_a_rules_file_error_is_an_error_item_of_category_config(tmp_path) -> None:
    from checks import ConfigError, load_config
    from schemas.errors import JixiaoError

    bad = tmp_path / "rules.yaml"
    bad.write_text("- 不是映射\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(bad)
    assert isinstance(err.value, JixiaoError)
    assert (err.value.code, err.value.category) == ("config.rules", "config")
    assert "应为映射" in str(err.value)
