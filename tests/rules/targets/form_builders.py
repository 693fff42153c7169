"""Builders of 深圳-style project forms for the TGT009–TGT011 tests (a 绩效目标表's amount against its
测算依据 and its 成本指标).

The constructed records imitate the 深圳 project form (本年度项目金额 under a 万元 label, a
项目总金额（中期规划）, 测算依据 text, no year printed); figures come from the real sheets quoted in
the tests' comments.
"""

from __future__ import annotations

from collections import Counter

from checks import load_config, run_checks
from extractors.indicator_values import parse_indicator_value
from textnorm.numbers import amount
from schemas.findings import Finding
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue, unknown_attribute
from schemas.targets import TargetIndicator, TargetTable

UNIT = "深圳市宝安区松岗街道办事处（本级）"
FILE = "二级项目支出绩效目标申报表.xlsx"
SHEET = "1.测试项目"
RULES = ["TGT009", "TGT010", "TGT011"]


def ref(row: int, column: int, sheet: str = SHEET) -> SourceRef:
    return SourceRef(file_sha256="f" * 64, file_name=FILE, sheet=sheet, row=row, column=column)

def form(
    total: str,
    *,
    project: str = "测试项目",
    basis: str | None = None,
    costs: list[tuple[str, str]] = (),
    multi: str | None = None,
    year: int | None = None,
    unit: str = UNIT,
    printed_unit: str = "万元",
    sheet: str = SHEET,
) -> TargetTable:
    """A 深圳-style project form: 本年度项目金额 in E6, 项目总金额 in E7, 测算依据 in B8, the
    indicators from row 12 (三级 in C, 目标值 in D); `costs` are (三级指标, 目标值) under 成本指标/成本."""
    indicators = [
        TargetIndicator(level1="产出指标", level2="数量指标", level3="服务次数", ref=ref(12, 3, sheet),
                        value=parse_indicator_value("≥12次", ref(12, 4, sheet)), value_cells=[ref(12, 4, sheet)]),
    ]
    for i, (name, value) in enumerate(costs):
        row = 13 + i
        indicators.append(TargetIndicator(level1="成本指标", level2="成本", level3=name, ref=ref(row, 3, sheet),
                                          value=parse_indicator_value(value, ref(row, 4, sheet)),
                                          value_cells=[ref(row, 4, sheet)]))
    return TargetTable(
        kind="project",
        unit=Attribute(value=unit, raw=unit, ref=ref(4, 2, sheet)) if unit else unknown_attribute(),
        year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年") if year else unknown_attribute(),
        project=Attribute(value=project, raw=project, ref=ref(3, 2, sheet)),
        amount_unit=printed_unit,
        budget_total=amount(total, ref(6, 5, sheet), printed_unit),
        budget_multi_year=None if multi is None else amount(multi, ref(7, 5, sheet), printed_unit),
        basis_text=None if basis is None else TextValue(text=basis, ref=ref(8, 2, sheet)),
        indicators=indicators,
        file_name=FILE,
        file_sha256="f" * 64,
    )

def run(records, *rule_ids: str) -> list[Finding]:
    return run_checks(records, config=load_config(), only=list(rule_ids or RULES))

def by_rule(findings: list[Finding]) -> Counter:
    return Counter(f.rule_id for f in findings)
