"""Rules SLF001–SLF009 on self-evaluation tables built by hand (grids read by the parser), each
with a case that triggers it and one that must not. Figures are chosen so the expected result can
be checked with a calculator."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import builders
from checks import load_config, run_checks
from extractors.kinds.self_evaluation import parse
from textnorm.numbers import amount
from schemas.final_accounts import LineExecution, Publication, PublicationLine, PublicationTable
from schemas.provenance import SourceRef
from schemas.records import Attribute
from schemas.self_evaluation import SelfEvaluation
from tests.rules.targets.builders import NANJIE_2024_INDICATORS, build_table

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
    doc = builders.make_doc([builders.make_table(grid, file_name=file_name, sheet="自评表")], file_name=file_name)
    (record,) = parse(doc)
    return record


def run(records, rule_id: str, config=None):
    return [f for f in run_checks(records, config) if f.rule_id == rule_id]


def replace(rows, i, **kw):
    names = ("level1", "level2", "level3", "target", "actual", "max_score", "score", "deviation")
    row = dict(zip(names, rows[i]))
    row.update(kw)
    return [*rows[:i], tuple(row[n] for n in names), *rows[i + 1:]]


def test_clean_table_raises_nothing():
    assert run_checks([self_eval()]) == []


# ---------------------------------------------------------------- SLF001


def test_slf001_wrong_rate_is_found_with_its_cells():
    lines = [["年度资金总额", "1100.00", "1164.62", "1030.25", "10", "93.66%", "8.85"]]
    (f,) = run([self_eval(lines=lines, total=("100", "98.85"))], "SLF001")
    # 1030.25 ÷ 1164.62 = 88.46%; 93.66% is 1030.25 ÷ 1100.00 (the 年初预算数)
    assert f.details["computed"] == "88.46" and f.details["reported"] == "93.66"
    assert "应为88.46%" in f.message and "自评表!H5" in f.text
    assert [e.ref.label for e in f.evidence] == ["自评表!H5", "自评表!F5", "自评表!E5"]
    assert (f.subject.unit, f.subject.year, f.subject.line, f.subject.column) == (UNIT, 2024, "资金总额", "执行率")


def test_slf001_rate_within_print_precision_is_fine():
    # 1030.25 ÷ 1164.62 = 88.4623…: 88.46 and the truncated 88.4 both agree
    for printed in ("88.46%", "88.4%", "88%"):
        lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", printed, "8.85"]]
        assert run([self_eval(lines=lines, total=("100", "98.85"))], "SLF001") == []


# ---------------------------------------------------------------- SLF002


def test_slf002_full_score_despite_low_execution():
    lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "10"]]
    (f,) = run([self_eval(lines=lines, total=("100", "100"))], "SLF002")
    assert f.details["expected"] == "8.85" and "应为8.85分" in f.message


def test_slf002_proportional_score_and_configured_full_marks(tmp_path: Path):
    lines = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "8.8"]]
    assert run([self_eval(lines=lines, total=("100", "98.8"))], "SLF002") == []  # 8.846 truncated
    # a region that gives full marks from 85% on: 10 points are right, 8.8 are not
    override = tmp_path / "rules.yaml"
    override.write_text("rules:\n  SLF002:\n    params:\n      full_at: 85\n", encoding="utf-8")
    config = load_config(override)
    full = [["年度资金总额", "1164.62", "1164.62", "1030.25", "10", "88.46%", "10"]]
    assert run([self_eval(lines=full, total=("100", "100"))], "SLF002", config) == []
    assert len(run([self_eval(lines=lines, total=("100", "98.8"))], "SLF002", config)) == 1


# ---------------------------------------------------------------- SLF003


def test_slf003_score_above_its_maximum():
    rows = replace(INDICATORS, 0, score="46")
    (f,) = run([self_eval(indicators=rows, total=("100", "101"))], "SLF003")
    assert f.subject.line == "项目支出预算执行率" and "得分46分，超过其分值45分" in f.message


def test_slf003_full_score_is_not_above():
    assert run([self_eval()], "SLF003") == []


# ---------------------------------------------------------------- SLF004


def test_slf004_total_differs_from_the_parts():
    (f,) = run([self_eval(total=("100", "97"))], "SLF004")
    assert f.details["computed"] == "100" and f.details["difference"] == "-3"


def test_slf004_sub_lines_scored_too_count_once():
    lines = [["年度资金总额", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"],
             ["其中：当年财政拨款", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"]]
    assert run([self_eval(lines=lines)], "SLF004") == []


def test_slf004_total_rounded_to_its_print_precision_is_fine():
    rows = replace(INDICATORS, 0, score="44.6")
    assert run([self_eval(indicators=rows, total=("100", "99.6"))], "SLF004") == []
    assert run([self_eval(indicators=rows, total=("100", "100"))], "SLF004") == []  # 99.6 printed as 100
    assert len(run([self_eval(indicators=rows, total=("100", "99.5"))], "SLF004")) == 1


# ---------------------------------------------------------------- SLF005


def test_slf005_unmet_indicator_with_full_marks():
    rows = replace(INDICATORS, 0, actual="85%", deviation="部分项目未达付款条件。下一步由财务室负责，3月底前完成支付")
    (f,) = run([self_eval(indicators=rows)], "SLF005")
    assert f.subject.line == "项目支出预算执行率" and "实际完成值85%未达到目标" in f.message


def test_slf005_met_or_marked_down_is_fine():
    rows = replace(INDICATORS, 0, actual="85%", score="40", deviation="部分项目未达付款条件。下一步由财务室负责，3月底前完成支付")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF005") == []
    assert run([self_eval()], "SLF005") == []


# ---------------------------------------------------------------- SLF006


def test_slf006_reason_without_measure():
    rows = replace(INDICATORS, 1, actual="86%", score="40", deviation="部分居民对办事等候时间有意见")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF006")
    assert f.subject.line == "服务对象满意度" and f.subject.column == "改进措施"
    assert "仅标注原因“部分居民对办事等候时间有意见”，未提出整改措施" in f.message
    assert f.evidence[-1].raw == "部分居民对办事等候时间有意见"


def test_slf006_blank_deviation_and_qualitative_shortfall():
    rows = replace(INDICATORS, 1, target="满意", actual="基本满意", score="40")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF006")
    assert "未填写偏差原因及改进措施" in f.message


def test_slf006_qualitative_value_reached_but_marked_down_is_fine():
    rows = replace(INDICATORS, 1, target="满意", actual="满意", score="40")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF006") == []


def test_slf006_reason_and_measure_or_met_indicator_is_fine():
    rows = replace(INDICATORS, 1, actual="86%", score="40",
                   deviation="部分居民对办事等候时间有意见；改进措施：2025年3月底前由党政办牵头增设自助服务窗口")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF006") == []
    # met, with a blank deviation cell
    assert run([self_eval()], "SLF006") == []


# ---------------------------------------------------------------- SLF007


def test_slf007_stock_phrases_only():
    rows = replace(INDICATORS, 1, actual="86%", score="40", deviation="部分居民有意见。下一步将加强学习，细化措施")
    (f,) = run([self_eval(indicators=rows, total=("100", "95"))], "SLF007")
    assert "加强学习" in f.details["phrases"] and "细化措施" in f.details["phrases"]


def test_slf007_measure_with_owner_and_date_is_fine():
    rows = replace(INDICATORS, 1, actual="86%", score="40",
                   deviation="部分居民有意见。下一步将加强学习，由党政办负责，2025年3月底前增设自助服务窗口")
    assert run([self_eval(indicators=rows, total=("100", "95"))], "SLF007") == []


# ---------------------------------------------------------------- SLF008


def _approved(indicators):
    return build_table(indicators, year=2024)


def test_slf008_indicator_and_value_differ_from_the_approved_targets():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥95%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%"),
                          ("部门管理", "资产管理", "固定资产利用率", "≥95%")])
    found = run([self_eval(), approved], "SLF008")
    keys = sorted((f.subject.line, f.subject.column) for f in found)
    # 90% instead of the approved 95%; 固定资产利用率 was approved but not evaluated
    assert keys == [("固定资产利用率", "三级指标"), ("项目支出预算执行率", "年度指标值")]
    changed = next(f for f in found if f.subject.column == "年度指标值")
    assert "“≥90%”" in changed.message and "批复的“≥95%”" in changed.message


def test_slf008_unapproved_indicator():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%")])
    rows = [*INDICATORS[:1], ("部门效果", "社会效益", "社区治理创新项目数", "≥3个", "3个", "45", "45", "")]
    found = {f.subject.line: f for f in run([self_eval(indicators=rows), approved], "SLF008")}
    # the new indicator is not approved, and the approved 服务对象满意度 went unevaluated
    assert set(found) == {"社区治理创新项目数", "服务对象满意度"}
    assert "不在2024年度批复的" in found["社区治理创新项目数"].message
    assert "未在南街街道办事处2024年度部门整体支出绩效自评表中自评" in found["服务对象满意度"].message


def test_slf008_same_indicators_or_no_target_table_is_fine():
    approved = _approved([("部门管理", "资金投入", "项目支出预算执行率", "≥90%"),
                          ("部门效果", "服务对象满意度", "服务对象满意度", "≥90%")])
    assert run([self_eval(), approved], "SLF008") == []
    assert run([self_eval()], "SLF008") == []
    # another year's targets do not count
    assert run([self_eval(), build_table(NANJIE_2024_INDICATORS, year=2025)], "SLF008") == []


# ---------------------------------------------------------------- SLF009


def _final_accounts(actual: str, unit: str = UNIT, year: int = 2024) -> Publication:
    """A 决算 publication whose 支出决算表 prints 合计 本年支出合计 = `actual`, and whose narrative
    gives the 财政拨款 execution (not the unit's total: it must not be used)."""
    name = f"{unit}{year}年度部门决算.pdf"

    def ref(row: int, col: int) -> SourceRef:
        return SourceRef(file_sha256="0" * 64, file_name=name, page=3, table=3, row=row, column=col).with_label()

    table = PublicationTable(
        title="支出决算表", key="支出决算表", title_ref=ref(1, 1), table=3, pages=[3], status="present",
        amount_unit="万元",
        lines=[PublicationLine(name="合计", key="合计", ref=ref(5, 1), values={
            "本年支出合计": amount(actual, ref(5, 3), "万元"), "基本支出": amount("1030.25", ref(5, 4), "万元")})])
    return Publication(
        unit=Attribute(value=unit, raw=unit), year=year, year_attr=Attribute(value=str(year), raw=str(year)),
        kind="决算", file_name=name, file_sha256="0" * 64, tables=[table],
        executions=[LineExecution(subject="一般公共预算财政拨款支出", budget_kind="年初预算",
                                  budget=amount("1000.00", ref(9, 1), "万元"), actual=amount("990.00", ref(9, 1), "万元"),
                                  source="narrative")],
    )


def test_slf009_executed_differs_from_the_final_accounts():
    (f,) = run([self_eval(), _final_accounts("1150.20")], "SLF009")
    assert f.details["difference"] == "14.42"
    assert "与南街街道办事处2024年度部门决算.pdf中支出决算表“合计”本年支出合计1150.20万元不一致" in f.message
    assert [e.ref.label for e in f.evidence] == ["自评表!F5", "第3页 表3 第5行第3列"]


def test_slf009_same_amount_or_other_unit_is_fine():
    assert run([self_eval(), _final_accounts("1164.62")], "SLF009") == []
    assert run([self_eval(), _final_accounts("1150.20", unit="东街街道办事处")], "SLF009") == []
    assert run([self_eval(), _final_accounts("1150.20", year=2023)], "SLF009") == []


def test_catalogue_entries():
    config = load_config()["rules"]
    for rid in [f"SLF00{i}" for i in range(1, 10)]:
        assert config[rid]["title"] and config[rid]["severity"] in ("error", "warning", "notice")


def test_slf009_against_a_real_published_final_accounts(realdocs):
    """上海市普陀区财政局2024年度部门决算 (realdocs), 支出决算表 on the PDF's 10th page: 合计
    本年支出合计 2,940.05 万元 (read off the page). A self-evaluation stating 2940.05 agrees; one
    stating 2946.25 (the 本年收入合计 of the 收入决算表) does not."""
    from extractors import extract
    from extractors.kinds.final_accounts import parse as parse_final

    (pub,) = parse_final(extract(realdocs / "上海市普陀区财政局2024年度部门决算.pdf"))
    unit = "上海市普陀区财政局"
    ok = [["年度资金总额", "2993.92", "2993.92", "2940.05", "10", "98.20%", "9.82"]]
    bad = [["年度资金总额", "2993.92", "2993.92", "2946.25", "10", "98.41%", "9.84"]]
    assert run([self_eval(lines=ok, total=("100", "99.82"), unit=unit), pub], "SLF009") == []
    (f,) = run([self_eval(lines=bad, total=("100", "99.84"), unit=unit), pub], "SLF009")
    assert f.details["final"] == "2940.05" and "支出决算表“合计”本年支出合计" in f.message
