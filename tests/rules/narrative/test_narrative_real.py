"""The NAR rules on the two real 2024 final accounts: the discrepancies their answer keys classify as
errors and nothing else (none for rounding, wording or the zero-base convention); none on the template."""

from __future__ import annotations

from functools import cache

from extractors import extract
from extractors.kinds.final_accounts import parse
from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)


FINANCE_2024 = "上海市普陀区财政局2024年度部门决算.pdf"
SOCIAL_2024 = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"


@cache
def _findings(path: str) -> list[Finding]:
    return run_checks(parse(extract(path)), only=NAR)


def findings(realdocs: Path, name: str) -> list[Finding]:
    return _findings(str(realdocs / name))


def ids(found: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.subject.line, f.subject.column) for f in found}


def test_finance_bureau_the_two_narrative_errors_and_nothing_else(realdocs: Path) -> None:
    found = findings(realdocs, FINANCE_2024)
    assert ids(found) == {
        ("NAR001", "情况说明/财政拨款收入支出总计", "决算"),  # 0.3万元 vs 总计 2,961.68 (key, error 1)
        ("NAR002", "情况说明/201 一般公共服务支出", "占比"),  # 71.73% vs 2106.66 ÷ 2940.05 (key, error 2)
    }
    total = next(f for f in found if f.rule_id == "NAR001")
    assert "“上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。”" in total.message
    assert "为2961.68万元" in total.message and "相差2961.38万元" in total.message
    assert [e.ref.page for e in total.evidence] == [21, 13]
    assert total.evidence[1].raw == "2,961.68" and total.evidence[1].ref.label == "第13页 表5 第34行第2列"
    share = next(f for f in found if f.rule_id == "NAR002")
    assert "71.73%" in share.message and "按2106.66万元÷2940.05万元计算应为71.65%" in share.message
    assert share.evidence[0].ref.page == 21


def test_social_work_department_completion_rate_over_a_zero_budget_and_procurement(realdocs: Path) -> None:
    found = findings(realdocs, SOCIAL_2024)
    assert ids(found) == {
        ("NAR002", "情况说明/一般公共预算财政拨款支出", "完成率"),  # 完成年初预算的95.89% with 年初预算 0 (key, error 1)
        ("NAR005", "情况说明/政府采购", "预留项目中小企业中标＋其他项目中小企业中标"),  # 21.07 + 21.07 > 21.07 (key, error 2)
    }
    rate = next(f for f in found if f.rule_id == "NAR002")
    assert "年初预算数为0万元" in rate.message and "全年预算数321.02万元" in rate.message
    assert "（95.89%）一致" in rate.message
    procurement = next(f for f in found if f.rule_id == "NAR005")
    assert "合计42.14万元，超过总额" in procurement.message and procurement.severity == "error"


def test_template_gets_no_narrative_findings(realdocs: Path) -> None:
    assert findings(realdocs, TEMPLATE) == []
