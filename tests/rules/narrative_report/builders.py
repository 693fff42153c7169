"""Builders for the narrative-report rule tests (RPT001–RPT008).

Reports are small hand-written texts (a .docx paragraph per entry) parsed by the narrative_report
kind; the monitoring tables they are checked against are built by hand (tests/rules/monitoring/builders.py),
as are the target tables and final accounts of the other fact sources. Expected values come from
these inputs.
"""

from __future__ import annotations

from tests.builders import SHA, make_doc
from checks import load_config, run_checks
from extractors.kinds import best_kind
from extractors.kinds.narrative_report import parse
from schemas.document import Format, TextBlock
from schemas.narrative_report import NarrativeReport
from schemas.provenance import SourceRef
from tests.rules.monitoring.builders import I, L, build_report

UNIT = "南街街道办事处"
TITLE = f"{UNIT}2024年1-6月绩效运行监控报告"
CLEAN_BUDGET = ("2024年全年预算1164.62万元，1-6月执行509.47万元，执行率43.75%。其中：基本支出预算1030.25万元，"
                "执行486.99万元，执行率47.27%；项目支出预算134.37万元，执行22.48万元，执行率16.73%。")
CONCRETE_REASON = "项目支出执行率偏低，主要是社区道路改造项目6月中旬才完成招标，合同约定验收合格后一次性支付工程款。"
CONCRETE_MEASURE = "由项目办负责，于9月30日前完成道路改造项目竣工验收并支付工程款。"


def report(*paragraphs: str, title: str = TITLE) -> NarrativeReport:
    doc = make_doc([], file_name=f"{title}.docx", fmt=Format.DOCX)
    doc.blocks = [TextBlock(text=t, order=i, ref=SourceRef(file_sha256=SHA, file_name=doc.file_name, label=f"第{i}段"))
                  for i, t in enumerate([title, *paragraphs], start=1)]
    kind = best_kind(doc)
    assert kind is not None and kind[0].name == "narrative_report"
    return parse(doc)[0]


def clean_report(budget: str = CLEAN_BUDGET, reason: str = CONCRETE_REASON,
                 measure: str = CONCRETE_MEASURE) -> NarrativeReport:
    return report("一、预算执行情况", budget, "二、偏差原因分析", reason, "三、下一步改进措施", measure)


def table(months: int = 6, basic_exec: str = "486.99", rate_basic: str | None = "47.27"):
    return build_report(months, [
        L("合计", "1164.62", "1164.62", "509.47", "43.75"),
        L("基本支出", "1030.25", "1030.25", basic_exec, rate_basic),
        L("项目支出", "134.37", "134.37", "22.48", "16.73", "不具备付款条件", "加快支付"),
    ])


def ids(records, rule_id: str):
    return [f for f in run_checks(records, load_config(), only=[rule_id]) if f.rule_id == rule_id]


def _ref(file_name: str, label: str) -> SourceRef:
    return SourceRef(file_sha256=SHA, file_name=file_name, label=label)


def target_table(total: str, kind: str = "unit"):
    from textnorm.numbers import amount
    from schemas.records import Attribute
    from schemas.targets import TargetTable

    name = f"{UNIT}2024年度部门整体支出绩效目标表.xlsx"
    return TargetTable(kind=kind, unit=Attribute(value=UNIT, raw=UNIT, ref=_ref(name, "A2"), source="content"),
                       year=2024, year_attr=Attribute(value="2024", raw="2024年度", ref=None, source="content"),
                       amount_unit="万元", budget_total=amount(total, _ref(name, "C5"), "万元"),
                       file_name=name, file_sha256=SHA)


def final_accounts(total: str, basic: str, project: str):
    from textnorm.numbers import amount
    from schemas.final_accounts import Publication, PublicationLine, PublicationTable
    from schemas.records import Attribute

    name = f"{UNIT}2024年度部门决算.pdf"
    values = {h: amount(v, _ref(name, f"第5页 {h}"), "万元")
              for h, v in (("本年支出合计", total), ("基本支出", basic), ("项目支出", project))}
    table = PublicationTable(title="支出决算表", key="支出决算表", title_ref=_ref(name, "第5页"), table=3, pages=[5],
                             status="present", amount_unit="万元",
                             lines=[PublicationLine(name="合计", values=values, ref=_ref(name, "第5页 表3 第6行"))])
    return Publication(unit=Attribute(value=UNIT, raw=UNIT, ref=None, source="content"), year=2024,
                       year_attr=Attribute(value="2024", raw="2024年度", ref=None, source="content"), kind="决算",
                       tables=[table], file_name=name, file_sha256=SHA)


SELF_EVALUATION = "南街街道办事处2024年度部门整体支出绩效自评报告"
YEAR_BUDGET = ("2024年度全年预算1164.62万元，全年执行1164.62万元，执行率100.00%。其中基本支出执行1030.25万元，"
               "项目支出执行134.37万元。")
