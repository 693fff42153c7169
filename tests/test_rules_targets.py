"""Target-quality cross-checks TGT001–TGT008, on TargetTable records built by hand.

The nanjie 2024 and 2025 tables are the fixed data of the issue spec (figures and indicator values
as the seed report quotes them); the other cases are small constructed tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import all_rules, load_config, run_checks
from checks.targets import quoted_amounts, section_of
from schemas.findings import source_text
from extractors.indicator_values import parse_indicator_value
from textnorm.numbers import amount
from schemas.findings import Evidence, Finding, Severity, Subject
from schemas.provenance import SourceRef
from schemas.records import Attribute, TextValue
from schemas.targets import TargetIndicator, TargetTable, TargetTask

UNIT = "南街街道办事处"
PAGE_BREAK = 20  # PDF tables: rows after this one print on page 2 (one table index throughout)

# ---------------------------------------------------------------- builders
#
# Layout of a constructed table (1-based rows and columns):
#   1 部门（单位）名称 | unit          2 年度资金总额 | total (col 2)
#   3 其中：财政拨款 | fiscal         4 其他资金 | other
#   5 任务名称 | 主要内容 | 预算金额   6.. one row per task (name, content, amount in col 3)
#   then 金额合计 (col 3), 年度总体目标 (text in col 2), the indicator header, and the
#   indicators: 一级 | 二级 | 三级 | 指标值.


def file_name(year: int, fmt: str, unit: str = UNIT, project: str | None = None) -> str:
    return f"{unit}{year}年{project or '部门整体支出'}绩效目标表.{fmt}"


def make_ref(fname: str, fmt: str, row: int, column: int) -> SourceRef:
    if fmt == "xlsx":
        return SourceRef(file_sha256="e" * 64, file_name=fname, sheet="目标表", row=row, column=column)
    page = (1 if row <= PAGE_BREAK else 2) if fmt == "pdf" else None
    return SourceRef(file_sha256="e" * 64, file_name=fname, page=page, table=1, row=row, column=column)


def build_table(
    indicators: list[tuple[str, str, str, str]],
    *,
    year: int = 2024,
    fmt: str = "pdf",
    unit: str = UNIT,
    kind: str = "unit",
    project: str | None = None,
    budget: tuple[str, str, str | None] | None = ("1164.62", "1164.62", "—"),
    tasks: list[tuple[str, str, str]] = (),
    tasks_total: str | None = None,
    goal: str | None = None,
    printed_unit: str = "万元",
) -> TargetTable:
    fname = file_name(year, fmt, unit, project)

    def r(row: int, col: int) -> SourceRef:
        return make_ref(fname, fmt, row, col)

    total = fiscal = other = None
    if budget is not None:
        total = amount(budget[0], r(2, 2), printed_unit)
        fiscal = amount(budget[1], r(3, 2), printed_unit)
        other = None if budget[2] is None else amount(budget[2], r(4, 2), printed_unit)
    built_tasks = []
    row = 6
    for name, content, amt in tasks:
        built_tasks.append(TargetTask(name=name, ref=r(row, 1), content=TextValue(text=content, ref=r(row, 2)),
                                      amount=amount(amt, r(row, 3), printed_unit)))
        row += 1
    total_row, goal_row, first_indicator = row, row + 1, row + 3
    built = []
    for i, (l1, l2, l3, value) in enumerate(indicators):
        ir = first_indicator + i
        built.append(TargetIndicator(level1=l1, level2=l2, level3=l3, ref=r(ir, 3),
                                     value=parse_indicator_value(value, r(ir, 4)), value_cells=[r(ir, 4)]))
    return TargetTable(
        kind=kind,
        unit=Attribute(value=unit, raw=unit, ref=r(1, 2)),
        year=year,
        year_attr=Attribute(value=str(year), raw=f"{year}年度"),
        project=Attribute(value=project, raw=project) if project else None,
        amount_unit=printed_unit,
        budget_total=total,
        budget_fiscal=fiscal,
        budget_other=other,
        tasks=built_tasks,
        tasks_total=None if tasks_total is None else amount(tasks_total, r(total_row, 3), printed_unit),
        goal_text=None if goal is None else TextValue(text=goal, ref=r(goal_row, 2)),
        indicators=built,
        file_name=fname,
        file_sha256="e" * 64,
    )


def run(records, rule_id: str, config=None) -> list[Finding]:
    return run_checks(records, config=config or load_config(), only=[rule_id])


def labels(finding: Finding) -> list[str]:
    return [e.ref.label for e in finding.evidence]


# ---------------------------------------------------------------- nanjie-2024 (fixed data)

MANAGEMENT = [
    ("部门管理", "资金投入", "预算编制完整性", "完整"),
    ("部门管理", "资金投入", "基本支出预算执行率", "100%"),
    ("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
    ("部门管理", "资金投入", "“三公经费”控制率", "≤100%"),
    ("部门管理", "财务管理", "财务管理制度健全性", "健全"),
    ("部门管理", "财务管理", "资金使用合规性", "规范"),
    ("部门管理", "采购管理", "政府采购规范性", "规范"),
    ("部门管理", "资产管理", "资产管理规范性", "规范"),
    ("部门管理", "资产管理", "固定资产利用率", "≥95%"),
    ("部门管理", "人员管理", "在职人员控制率", "≤100%"),
    ("部门管理", "人员管理", "人员管理制度健全性", "健全"),
    ("部门管理", "制度管理", "内控制度健全性", "健全"),
    ("部门管理", "制度管理", "公用经费控制率", "≤100%"),
]
EFFECT = [
    ("部门效果", "社会效益", "部门效果达标率", "达标"),
    ("部门效果", "服务对象满意度", "服务对象满意度", "满意"),
    ("部门效果", "社会影响满意度", "社会影响满意度", "较好"),
]
NANJIE_2024_INDICATORS = MANAGEMENT + [("部门履职", "重点履职", "部门履职情况提升性", "有效提升")] + EFFECT
NANJIE_2025_INDICATORS = MANAGEMENT + [("部门履职", "重点履职", "电费缴纳次数", "12次")] + EFFECT

GOAL_2024 = (
    "2024年通过缴纳街道、社区水费、电费、电话网络费，报销差旅费，购置各类办公用品及印刷各类宣传版面、资料，"
    "足额发放各社区民选副主任及社区工作者工资及社保等工作，支出不超过预算1286.43万元，不断促进街道社区精神文明"
    "和物质文明建设，进一步做到改革、发展、稳定相互协调、相互促进，有效保障基层工作有条不紊的进行，为街道社区各项"
    "事业又好又快发展提供可靠的组织保障，同时调整优化街道工作力量，着力提升队伍带动力，推动社区基层治理和基层党建"
    "工作更好发展。"
)
GOAL_2025 = GOAL_2024.replace("2024年", "2025年").replace("1286.43万元", "1198.40万元")
TASK_CONTENT = {
    "人员经费保障": "足额发放各社区民选副主任及社区工作者工资及社保",
    "日常运转保障": "缴纳街道、社区水费、电费、电话网络费，报销差旅费",
    "宣传及办公保障": "购置各类办公用品及印刷各类宣传版面、资料",
}


def nanjie_table(year: int) -> TargetTable:
    if year == 2024:
        amounts, total, goal, inds, fmt = ("958.63", "71.62", "134.37"), "1164.62", GOAL_2024, NANJIE_2024_INDICATORS, "pdf"
    else:
        amounts, total, goal, inds, fmt = ("985.20", "73.50", "139.70"), "1198.40", GOAL_2025, NANJIE_2025_INDICATORS, "docx"
    tasks = [(name, content, amt) for (name, content), amt in zip(TASK_CONTENT.items(), amounts)]
    return build_table(inds, year=year, fmt=fmt, budget=(total, total, "—"), tasks=tasks,
                       tasks_total=total, goal=goal)


@pytest.fixture
def nanjie() -> list[TargetTable]:
    return [nanjie_table(2024), nanjie_table(2025)]


TARGET_RULES = [f"TGT00{i}" for i in range(1, 9)]
F2024 = file_name(2024, "pdf")
F2025 = file_name(2025, "docx")
# Rows of the nanjie tables: 3 tasks (6–8), 金额合计 9, goal 10, header 11, indicators 12–28.
ROW = {name: 12 + i for i, (_, _, name, _) in enumerate(NANJIE_2024_INDICATORS)}


def pdf_cell(row: int, col: int) -> str:
    return f"第{1 if row <= PAGE_BREAK else 2}页 表1 第{row}行第{col}列"


def test_nanjie_expected_target_findings_and_nothing_else(nanjie):
    findings = run_checks(nanjie, config=load_config(), only=TARGET_RULES)
    vague_2024 = ["预算编制完整性", "财务管理制度健全性", "资金使用合规性", "政府采购规范性", "资产管理规范性",
                  "人员管理制度健全性", "内控制度健全性", "部门履职情况提升性", "部门效果达标率",
                  "服务对象满意度", "社会影响满意度"]
    vague_2025 = [n for n in vague_2024 if n != "部门履职情况提升性"]
    expected = set()
    for year, vague in ((2024, vague_2024), (2025, vague_2025)):
        expected |= {("TGT001", year, ""), ("TGT004", year, "部门履职"), ("TGT004", year, "部门效果"),
                     ("TGT005", year, "满意度"), ("TGT005", year, "服务对象满意度"),
                     ("TGT005", year, "社会影响满意度")}
        expected |= {("TGT002", year, name) for name in vague}
    expected.add(("TGT007", 2024, "年度总体目标"))
    got = [(f.rule_id, f.subject.year, f.subject.line) for f in findings]
    assert set(got) == expected
    assert len(got) == len(expected) == 2 * 6 + 11 + 10 + 1
    assert all(f.subject.unit == UNIT and f.subject.project == "" and f.subject.period == "" for f in findings)


# ---------------------------------------------------------------- TGT001


def test_tgt001_nanjie_quantitative_share(nanjie):
    f2024, f2025 = sorted(run(nanjie, "TGT001"), key=lambda f: f.subject.year)
    assert f2024.severity is Severity.WARNING
    assert f2024.subject == Subject(unit=UNIT, year=2024, line="", column="指标值")
    assert (f2024.details["total"], f2024.details["quantitative"], f2024.details["percent"],
            f2024.details["benchmark"]) == (17, 6, "35.29", "80")
    assert f2024.details["quantitative_indicators"] == [
        "基本支出预算执行率", "项目支出预算执行率", "“三公经费”控制率", "固定资产利用率", "在职人员控制率", "公用经费控制率"]
    assert f2024.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表共设三级指标17项，其中可量化指标6项，占比35.29%，"
        "低于80%的标准；其余11项为定性表述：预算编制完整性（完整）、财务管理制度健全性（健全）、"
        "资金使用合规性（规范）、政府采购规范性（规范）、资产管理规范性（规范）、人员管理制度健全性（健全）、"
        "内控制度健全性（健全）、部门履职情况提升性（有效提升）、部门效果达标率（达标）、服务对象满意度（满意）、"
        f"社会影响满意度（较好）。（来源：{F2024} 第1页 表1 第12-20行第4列、第2页 表1 第21-28行第4列）"
    )
    # evidence: every 指标值 cell, in table order
    assert labels(f2024) == [pdf_cell(row, 4) for row in range(12, 29)]
    assert f2024.evidence[1].raw == "100%" and f2024.evidence[1].role == "指标值（基本支出预算执行率）"
    assert (f2025.details["quantitative"], f2025.details["percent"]) == (7, "41.18")
    assert "共设三级指标17项，其中可量化指标7项，占比41.18%，低于80%的标准" in f2025.message
    assert f2025.text.endswith(f"（来源：{F2025} 表1 第12-28行第4列）")


def test_tgt001_exactly_at_the_benchmark_is_not_below():
    rows = [("产出指标", "数量指标", f"指标{i}", "≥90%") for i in range(4)] + [("满意度指标", "服务对象满意度指标", "群众满意度", "满意")]
    assert run([build_table(rows, kind="project", project="社区服务")], "TGT001") == []  # 4/5 = 80.00%
    rows.append(("效益指标", "社会效益指标", "服务质量", "良好"))  # 4/6 = 66.67%
    (f,) = run([build_table(rows, kind="project", project="社区服务")], "TGT001")
    assert f.details["percent"] == "66.67" and f.subject.project == "社区服务"
    assert f.message.startswith("南街街道办事处2024年度“社区服务”项目支出绩效目标表共设三级指标6项，其中可量化指标4项，占比66.67%")


def test_tgt001_benchmark_is_configuration(nanjie, tmp_path: Path):
    user = tmp_path / "rules.yaml"
    user.write_text("settings:\n  quantitative_benchmark: 30\n", encoding="utf-8")
    assert run(nanjie, "TGT001", config=load_config(user)) == []  # 35.29% and 41.18% ≥ 30%
    user.write_text("settings:\n  quantitative_benchmark: 40\n", encoding="utf-8")
    (f,) = run(nanjie, "TGT001", config=load_config(user))
    assert f.subject.year == 2024 and "低于40%的标准" in f.message


# ---------------------------------------------------------------- TGT002


def test_tgt002_vague_values_with_suggestions(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT002")}
    assert len([k for k in found if k[0] == 2024]) == 11
    asset = found[(2024, "资产管理规范性")]
    assert asset.severity is Severity.NOTICE
    assert asset.subject == Subject(unit=UNIT, year=2024, line="资产管理规范性", column="指标值")
    assert asset.details["value"] == "规范" and asset.details["vague_word"] == "规范"
    assert asset.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，三级指标“资产管理规范性”的指标值为“规范”，属定性表述，"
        "缺乏可衡量的数值标准，建议细化（如：违规问题发生数=0个 / 抽查合规率≥98%）。"
        f"（来源：{F2024} 第1页 表1 第19行第3列、第1页 表1 第19行第4列）"
    )
    assert labels(asset) == [pdf_cell(19, 3), pdf_cell(19, 4)]
    assert [e.raw for e in asset.evidence] == ["资产管理规范性", "规范"]
    duty = found[(2024, "部门履职情况提升性")]
    assert duty.details["vague_word"] == "有效提升"  # the longest listed word
    assert "建议细化（如：党建活动开展次数≥12次/年）" in duty.message
    assert "“服务对象满意度”的指标值为“满意”" in found[(2024, "服务对象满意度")].message
    assert "如：满意度≥90%（问卷样本≥200份）" in found[(2024, "社会影响满意度")].message
    assert "如：预算编制完整率100%" in found[(2024, "预算编制完整性")].message
    assert "如：制度覆盖率100%、制度执行检查≥2次/年" in found[(2024, "内控制度健全性")].message
    assert "如：达标率≥95%" in found[(2024, "部门效果达标率")].message
    assert (2025, "电费缴纳次数") not in found and (2024, "固定资产利用率") not in found


def test_tgt002_default_suggestion_and_non_vague_words():
    table = build_table([
        ("部门履职", "一般履职", "档案管理工作", "良好"),
        ("部门履职", "一般履职", "工资发放", "按月发放"),  # qualitative but not a vague word
        ("部门履职", "一般履职", "矛盾纠纷调解成功率", "≥95%"),
    ])
    (f,) = run([table], "TGT002")
    assert f.subject.line == "档案管理工作"
    assert "建议细化（请以“运算符+数值+单位”表述，如 ≥90%）" in f.message


def test_tgt002_word_list_is_configuration(tmp_path: Path):
    table = build_table([("部门履职", "一般履职", "工资发放", "按月发放")])
    user = tmp_path / "rules.yaml"
    user.write_text("rules:\n  TGT002:\n    params:\n      vague_words: [按月]\n", encoding="utf-8")
    (f,) = run([table], "TGT002", config=load_config(user))
    assert f.details["vague_word"] == "按月"
    assert load_config(user)["rules"]["TGT002"]["params"]["suggestions"]  # other params kept


# ---------------------------------------------------------------- TGT003


PROJECT_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥200人次"),
    ("产出指标", "质量指标", "培训合格率", "≥95%"),
    ("效益指标", "社会效益指标", "居民参与率", "≥60%"),
    ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"),
]


def test_tgt003_missing_required_section():
    table = build_table(PROJECT_ROWS[:3], kind="project", project="居民技能培训", fmt="xlsx")
    (f,) = run([table], "TGT003")
    assert f.severity is Severity.WARNING
    assert f.subject == Subject(unit=UNIT, year=2024, project="居民技能培训", line="满意度指标", column="一级指标")
    assert f.details["present_sections"] == ["产出指标", "效益指标"]
    assert f.text == (
        "南街街道办事处2024年度“居民技能培训”项目支出绩效目标表未设置一级指标“满意度指标”"
        "（现有一级指标：“产出指标”、“效益指标”），指标体系不完整。"
        f"（来源：{file_name(2024, 'xlsx', project='居民技能培训')} 目标表!C9、目标表!C11）"
    )
    assert labels(f) == ["目标表!C9", "目标表!C11"]


def test_tgt003_all_sections_present_in_printed_variants(nanjie):
    assert run(nanjie, "TGT003") == []
    rows = [("一、产出", *r[1:]) if r[0] == "产出指标" else r for r in PROJECT_ROWS]
    assert run([build_table(rows, kind="project", project="居民技能培训")], "TGT003") == []
    assert section_of("一、产出", ["产出指标", "效益指标"]) == "产出指标"
    assert section_of("部门履职目标", ["部门管理", "部门履职"]) == "部门履职"


def test_tgt003_unit_table_with_project_style_sections_is_a_legitimate_form():
    # Hubei form: a unit-wide table with 产出/效益/满意度 sections has all of that alternative
    unit_rows = [("一、产出指标", *r[1:]) if r[0] == "产出指标" else r for r in PROJECT_ROWS]
    assert run([build_table(unit_rows, kind="unit")], "TGT003") == []
    # measured against the alternative it follows most closely: 产出 + 效益 → only 满意度指标 missing
    (f,) = run([build_table(PROJECT_ROWS[:3], kind="unit")], "TGT003")
    assert f.subject == Subject(unit=UNIT, year=2024, line="满意度指标", column="一级指标")
    assert f.details["required_sections"] == ["产出指标", "效益指标", "满意度指标"]
    assert "南街街道办事处2024年度部门整体支出绩效目标表未设置一级指标“满意度指标”" in f.message
    # one 部门管理 section and nothing else: the first alternative (部门履职, 部门效果 missing)
    mixed = [("部门管理", "资金投入", "预算执行率", "≥90%")]
    got = run([build_table(mixed, kind="unit")], "TGT003")
    assert sorted(f.subject.line for f in got) == ["部门履职", "部门效果"]


def test_tgt003_alternatives_are_configuration(tmp_path: Path):
    user = tmp_path / "rules.yaml"
    # a flat list is a single set of required sections
    user.write_text("rules:\n  TGT003:\n    params:\n      required_sections:\n"
                    "        unit: [部门管理, 部门履职, 部门效果]\n", encoding="utf-8")
    got = run([build_table(PROJECT_ROWS, kind="unit")], "TGT003", config=load_config(user))
    assert sorted(f.subject.line for f in got) == ["部门履职", "部门效果", "部门管理"]


# ---------------------------------------------------------------- TGT004


def test_tgt004_nanjie_catch_all_sections(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT004")}
    assert set(found) == {(2024, "部门履职"), (2024, "部门效果"), (2025, "部门履职"), (2025, "部门效果")}
    duty = found[(2024, "部门履职")]
    assert duty.subject.column == "三级指标"
    assert duty.details["single"] is True and duty.details["restating"] == ["部门履职情况提升性"]
    assert duty.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，“部门履职”板块仅设置三级指标“部门履职情况提升性”1项，"
        "且指标名称仅复述板块名称，过于笼统，未根据实际工作内容进行细化。"
        f"（来源：{F2024} 第2页 表1 第25行第3列）"
    )
    effect = found[(2024, "部门效果")]
    assert effect.details["single"] is False and effect.details["indicators"] == ["部门效果达标率"]
    assert "“部门效果”板块（共3项三级指标）下的“部门效果达标率”仅复述板块名称" in effect.message
    assert labels(effect) == [pdf_cell(26, 3)]
    electricity = found[(2025, "部门履职")]
    assert electricity.details["restating"] == []
    assert "“部门履职”板块仅设置三级指标“电费缴纳次数”1项，不能全面反映该板块的核心工作" in electricity.message
    assert labels(electricity) == ["表1 第25行第3列"]


def test_tgt004_single_indicator_outside_key_sections_is_fine():
    # 满意度指标 (not a key section) with one indicator; 产出指标 names its own 二级 words only
    rows = PROJECT_ROWS + [("效益指标", "可持续影响指标", "长效机制建立", "建立")]
    rows[1] = ("产出指标", "质量指标", "产出质量合格率", "≥95%")
    assert run([build_table(rows, kind="project", project="居民技能培训")], "TGT004") == []
    unit_rows = [("部门管理", "资金投入", "预算执行率", "≥90%"),
                 ("部门履职", "重点履职", "党建活动开展次数", "≥12次"),
                 ("部门履职", "重点履职", "矛盾纠纷调解成功率", "≥95%"),
                 ("部门效果", "服务对象满意度", "居民满意度", "≥90%"),
                 ("部门效果", "服务对象满意度", "企业满意度", "≥85%")]
    assert run([build_table(unit_rows)], "TGT004") == []


# ---------------------------------------------------------------- TGT005


def test_tgt005_nanjie_satisfaction(nanjie):
    found = {(f.subject.year, f.subject.line): f for f in run(nanjie, "TGT005")}
    assert set(found) == {(y, line) for y in (2024, 2025) for line in ("满意度", "服务对象满意度", "社会影响满意度")}
    split = found[(2024, "满意度")]
    assert split.subject.column == "三级指标"
    assert split.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，满意度指标“服务对象满意度”、“社会影响满意度”"
        "未按服务对象类型（如居民、企业、社区工作者等）分别设定，评价针对性不足。"
        f"（来源：{F2024} 第2页 表1 第27-28行第3列）"
    )
    assert labels(split) == [pdf_cell(27, 3), pdf_cell(28, 3)]
    social = found[(2024, "社会影响满意度")]
    assert social.subject.column == "指标值" and social.details["value"] == "较好"
    assert "满意度指标“社会影响满意度”的指标值为“较好”，未设定量化的满意度标准" in social.message
    assert labels(social) == [pdf_cell(28, 3), pdf_cell(28, 4)]


def test_tgt005_split_and_numbered_satisfaction_is_fine():
    rows = [("部门效果", "服务对象满意度", "居民满意度", "≥90%"),
            ("部门效果", "服务对象满意度", "企业满意度", "≥85%")]
    assert run([build_table(rows)], "TGT005") == []
    rows.append(("部门效果", "服务对象满意度", "社区工作者满意度", "满意"))
    (f,) = run([build_table(rows)], "TGT005")  # split, but one states no number
    assert f.subject.line == "社区工作者满意度" and f.subject.column == "指标值"


# ---------------------------------------------------------------- TGT006

TASKS = [("人员经费保障", "工资", "958.63"), ("日常运转保障", "水电", "71.62"), ("宣传及办公保障", "办公", "134.37")]


def test_tgt006_task_total_differs_from_tasks():
    table = build_table([], tasks=TASKS, tasks_total="1164.65", budget=("1164.65", "1164.65", "—"), fmt="docx")
    (f,) = run([table], "TGT006")
    assert f.severity is Severity.ERROR
    assert f.subject == Subject(unit=UNIT, year=2024, line="金额合计", column="任务预算金额")
    assert (f.details["reported"], f.details["computed"], f.details["difference"], f.details["tolerance"]) == (
        "1164.65", "1164.62", "0.03", "0.020")
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，年度主要任务金额合计填报为1164.65万元，"
        "与各任务预算金额“人员经费保障”958.63万元＋“日常运转保障”71.62万元＋“宣传及办公保障”134.37万元之和"
        "1164.62万元不一致，相差0.03万元，超出四舍五入误差（0.02万元）。"
        f"（来源：{file_name(2024, 'docx')} 表1 第9行第3列、表1 第6-8行第3列）"
    )
    assert labels(f) == ["表1 第9行第3列", "表1 第6行第3列", "表1 第7行第3列", "表1 第8行第3列"]


def test_tgt006_within_rounding_and_consistent_budget(nanjie):
    assert run(nanjie, "TGT006") == []
    # a total and three parts at two decimals: 0.02 is rounding
    table = build_table([], tasks=TASKS, tasks_total="1164.64", budget=("1164.64", "1164.64", "—"))
    assert run([table], "TGT006") == []


def test_tgt006_budget_block_mismatches():
    table = build_table([], tasks=TASKS, tasks_total="1164.62", budget=("1286.43", "1164.62", "100.00"))
    found = {(f.subject.line, f.subject.column): f for f in run([table], "TGT006")}
    assert set(found) == {("资金总额", "金额合计"), ("资金总额", "财政拨款、其他资金")}
    budget = found[("资金总额", "金额合计")]
    assert budget.details["difference"] == "121.81"
    assert "年度资金总额1286.43万元与年度主要任务金额合计1164.62万元不一致，相差121.81万元" in budget.message
    assert labels(budget) == [pdf_cell(2, 2), pdf_cell(9, 3)]
    funding = found[("资金总额", "财政拨款、其他资金")]
    assert funding.details["computed"] == "1264.62" and funding.details["difference"] == "21.81"
    assert "年度资金总额填报为1286.43万元，与财政拨款1164.62万元＋其他资金100.00万元之和1264.62万元不一致" in funding.message
    # without a printed 金额合计 the tasks' sum stands for it; amounts printed in 元
    table = build_table([], tasks=[("人员经费保障", "工资", "9586300"), ("日常运转保障", "水电", "716200")],
                        budget=("11646200", "11646200", None), printed_unit="元")
    (f,) = run([table], "TGT006")
    assert f.subject.column == "金额合计" and f.details["tasks_sum"] == "1030.25"
    assert "年度资金总额11,646,200元与年度主要任务预算金额之和10,302,500元不一致，相差1,343,700元" in f.message


# ---------------------------------------------------------------- TGT007


def test_tgt007_nanjie_goal_text_quotes_another_budget(nanjie):
    (f,) = run(nanjie, "TGT007")
    assert f.severity is Severity.ERROR
    assert f.subject == Subject(unit=UNIT, year=2024, line="年度总体目标", column="资金总额")
    assert (f.details["quoted"], f.details["budget_total"], f.details["difference"]) == ("1286.43", "1164.62", "121.81")
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表的年度总体目标表述为“支出不超过预算1286.43万元”，"
        "其中1286.43万元与表中年度资金总额1164.62万元不一致（相差121.81万元），目标表述与预算数据不符。"
        f"（来源：{F2024} 第1页 表1 第10行第2列、第1页 表1 第2行第2列）"
    )
    assert labels(f) == [pdf_cell(10, 2), pdf_cell(2, 2)]
    assert [e.raw for e in f.evidence] == ["支出不超过预算1286.43万元", "1164.62"]
    assert [e.role for e in f.evidence] == ["年度总体目标", "资金总额"]


def test_tgt007_task_amounts_and_other_numbers_are_fine():
    goal = ("全年安排资金1164.62万元，其中人员经费预算958.63万元，保障社区工作者工资；"
            "带动辖区居民人均增收500元，服务居民3.2万人。")
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal=goal)
    assert run([table], "TGT007") == []
    # the same amount in 元 is the same amount
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal="年度预算资金11,646,200元，保障基层运转。")
    assert run([table], "TGT007") == []


def test_tgt007_amount_in_yuan_is_normalised():
    table = build_table([], tasks=TASKS, tasks_total="1164.62", goal="全年保障基层运转，安排资金12864300元。")
    (f,) = run([table], "TGT007")
    assert f.details["quoted"] == "1286.43" and f.evidence[0].raw == "安排资金12864300元"


def test_quoted_amounts_context():
    words = ["预算", "资金"]
    text = "年度预算资金，合计1,286.43万元；人均增收500元。"
    assert list(quoted_amounts(text, words, 12, 4)) == [("1,286.43万元", "年度预算资金，合计1,286.43万元", 9)]


# ---------------------------------------------------------------- TGT008


def test_tgt008_duplicate_indicator():
    rows = [("部门管理", "资金投入", "“三公经费”控制率", "≤100%"),
            ("部门管理", "资产管理", "固定资产利用率", "≥95%"),
            ("部门管理", "制度管理", "三公经费控制率", "≤100%")]
    (f,) = run([build_table(rows)], "TGT008")
    assert f.subject == Subject(unit=UNIT, year=2024, line="“三公经费”控制率", column="三级指标")
    assert f.details["count"] == 2
    assert f.text == (
        "南街街道办事处2024年度部门整体支出绩效目标表中，三级指标““三公经费”控制率”重复设置2次"
        "（部门管理-资金投入、部门管理-制度管理），请核实并合并或区分。"
        f"（来源：{F2024} 第1页 表1 第9行第3列、第1页 表1 第11行第3列）"
    )
    assert labels(f) == [pdf_cell(9, 3), pdf_cell(11, 3)]


def test_tgt008_similar_but_different_names_are_fine(nanjie):
    assert run(nanjie, "TGT008") == []
    rows = [("部门管理", "制度管理", "公用经费控制率", "≤100%"), ("部门管理", "资金投入", "三公经费控制率", "≤100%")]
    assert run([build_table(rows)], "TGT008") == []


# ---------------------------------------------------------------- sources and catalogue


def test_source_text_collapses_consecutive_rows_only():
    def ev(row: int, col: int, fmt: str = "xlsx", fname: str = "a.xlsx") -> Evidence:
        return Evidence(role="x", raw="", ref=make_ref(fname, fmt, row, col).with_label())

    assert source_text([ev(5, 4), ev(6, 4), ev(7, 4), ev(9, 4), ev(10, 3)]) == "a.xlsx 目标表!D5:D7、目标表!D9、目标表!C10"
    assert source_text([ev(19, 4, "pdf", "b.pdf"), ev(20, 4, "pdf", "b.pdf"), ev(21, 4, "pdf", "b.pdf"),
                        ev(2, 2)]) == "b.pdf 第1页 表1 第19-20行第4列、第2页 表1 第21行第4列；a.xlsx 目标表!B2"


EXPECTED_RULES = {
    "TGT001": ("quantitative_share_below_benchmark", "warning"),
    "TGT002": ("vague_qualitative_value", "notice"),
    "TGT003": ("required_section_missing", "warning"),
    "TGT004": ("catch_all_indicator", "warning"),
    "TGT005": ("satisfaction_undifferentiated", "warning"),
    "TGT006": ("task_amounts_mismatch", "error"),
    "TGT007": ("goal_text_amount_mismatch", "error"),
    "TGT008": ("duplicate_indicator", "warning"),
}


def test_catalogue_entries():
    config = load_config()["rules"]
    targets = {r.id: r for r in all_rules() if r.func.__module__ == "checks.targets"}
    assert {rid: (r.name, config[rid]["severity"]) for rid, r in targets.items()} == EXPECTED_RULES
    for rid in targets:
        assert config[rid]["enabled"] is True and config[rid]["title"] and config[rid]["message"].strip()
    assert load_config()["settings"]["quantitative_benchmark"] == 80
