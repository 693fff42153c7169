"""Self-evaluation tables built by hand for the SLF rule tests (moved from
tests/test_rules_self_evaluation.py and tests/test_rules_self_evaluation_scoring.py): grids read by
the parser, figures chosen so the expected result can be checked with a calculator. In the grid of
`self_eval` the indicators start on row 10 of sheet 自评表, columns B 一级, C 二级, D 三级,
E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks import load_config, run_checks
from extractors.kinds.self_evaluation import parse
from textnorm.numbers import amount
from schemas.final_accounts import LineExecution, Publication, PublicationLine, PublicationTable
from schemas.provenance import SourceRef
from schemas.records import Attribute
from schemas.records import unknown_attribute
from schemas.self_evaluation import SelfEvaluation
from tests.rules.targets.builders import NANJIE_2024_INDICATORS, build_table
from tests import builders as doc_builders  # tests/builders.py (a bare `import builders` finds this file)

UNIT = "南街街道办事处"
FILE = f"{UNIT}2024年度部门整体支出绩效自评表.xlsx"
HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
LINES = [
    ["年度资金总额", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"],
    ["其中：当年财政拨款", "1164.62", "1164.62", "1164.62", "—", "100.00%", "—"],
]
INDICATORS = [
    ("部门管理", "资金投入", "项目支出预算执行率", "≥90%", "100%", "45", "45", ""),
    ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%", "95%", "45", "45", ""),
]


def self_eval(lines=LINES, indicators=INDICATORS, total=("100", "100"), unit: str = UNIT,
              file_name: str = FILE) -> SelfEvaluation:
    grid = [["部门整体支出绩效自评表"] + ["<"] * 8, [f"（2024年度）"] + ["<"] * 8,
            ["部门（单位）名称", unit] + ["<"] * 7,
            ["年度预算资金（万元）", "资金来源", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]
    for label, *values in lines:
        grid.append(["^", label, "<", *values])
    grid.append(["年度总体目标", "预期目标", "<", "<", "<", "实际完成情况", "<", "<", "<"])
    grid.append(["^", "保障运转", "<", "<", "<", "已完成", "<", "<", "<"])
    grid.append(HEADER)
    for ind in indicators:
        grid.append(["^", *ind])
    grid.append(["总分", "<", "<", "<", "<", "<", *total, ""])
    doc = doc_builders.make_doc([doc_builders.make_table(grid, file_name=file_name, sheet="自评表")], file_name=file_name)
    (record,) = parse(doc)
    return record


def run(records, rule_id: str, config=None):
    return [f for f in run_checks(records, config) if f.rule_id == rule_id]


def replace(rows, i, **kw):
    names = ("level1", "level2", "level3", "target", "actual", "max_score", "score", "deviation")
    row = dict(zip(names, rows[i]))
    row.update(kw)
    return [*rows[:i], tuple(row[n] for n in names), *rows[i + 1:]]


# ---------------------------------------------------------------- SLF010–SLF012 rows

D = Decimal
DOC = f"{UNIT}2024年度部门整体支出绩效自评表"


def ind(level1, level3, target, actual, max_score, score, deviation="", level2="二级"):
    return (level1, level2, level3, target, actual, max_score, score, deviation)


def unknown(record):
    """The same record with its unit and year unknown (nothing in the submission states them)."""
    return record.model_copy(update={"year": None, "unit": unknown_attribute()})


# 一级 points stated in the labels: 50 = 30 + 20, 40 = 40; with the budget line's 10, 100.
LABELLED = [
    ind("产出指标（50分）", "受益人数", "≥100人", "120人", "30", "30", level2="数量指标"),
    ind("产出指标（50分）", "验收合格率", "100%", "100%", "20", "20", level2="质量指标"),
    ind("满意度指标（40分）", "服务对象满意度", "≥90%", "95%", "40", "40", level2="服务对象满意度指标"),
]
