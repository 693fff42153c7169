"""FIN001 code_nesting_mismatch: 类 (款) = Σ款 (项)."""

from __future__ import annotations

from tests.rules.final_accounts.builders import *  # noqa: F403 (the answer-key publications and their helpers)


def test_fin001_class_beyond_tolerance_of_its_items() -> None:
    pub = key_pub(FINANCE)
    # 302's 27 款 (12 printed, 15 blank) add up to 171.09; tolerance 13 × 0.005 = 0.065;
    # 171.02 is 0.07 off.
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "302", "决算数", "171.02")
    found = check([pub], "FIN001")
    assert subjects(found) == {("FIN001", "一般公共预算财政拨款基本支出决算表 302 商品和服务支出", "决算数")}
    f = found[0]
    assert f.severity == Severity.ERROR and f.subject.unit == "上海市普陀区财政局" and f.subject.year == 2024
    assert f.details["reported"] == "171.02" and f.details["computed"] == "171.09"
    assert f.details["difference"] == "-0.07" and f.details["tolerance"] == "0.065"
    assert "171.02万元" in f.message and "171.09万元" in f.message and "“30229 福利费”42.77万元" in f.message
    assert "其下27个款级科目" in f.message and "第16页" in f.text and len(f.evidence) == 1 + 27


def test_fin001_printed_rounding_is_not_flagged() -> None:
    pub = key_pub(FINANCE)
    set_value(pub, "一般公共预算财政拨款基本支出决算表", "302", "决算数", "171.03")  # 0.06 ≤ 0.065
    assert check([pub], "FIN001") == []
