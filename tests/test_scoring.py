"""The scoring stage: rubric as data, the rule kinds, the evaluator form, the nanjie card."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from textnorm.numbers import amount
from runs.discover import discover
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document, submission_records
from schemas.final_accounts import LineExecution, Publication
from schemas.findings import Evidence, Finding, Severity, Subject
from schemas.provenance import SourceRef
from schemas.records import Attribute
from scoring import EvaluatorInputError, RubricError, load_rubric, read_evaluator_inputs
from scoring.card import score_card, score_submission
from scoring.evaluator import is_evaluator_form, write_template
from scoring.methods import Context, deduct_per_finding, execution_rate_bands, finding_metric_bands
from runs.scores import score_records
from runs.season import read_scores, write_season
from scoring.rubric import DEFAULT_RUBRIC, RulePart
from reporting.summary import HTML_NAME, XLSX_NAME
from runs.paths import SUMMARY_DIR

ROOT = Path(__file__).resolve().parent.parent
NANJIE = ROOT / "fixtures" / "nanjie-2024"
FORM = NANJIE / "南街街道办事处2024年度评分录入表.yaml"
UNIT = "南街街道办事处"
D = Decimal


@pytest.fixture(scope="module")
def nanjie():
    results = [process_document(p, NANJIE) for p in discover(NANJIE)]
    return results, check_submission(results)


@pytest.fixture
def rubric():
    return load_rubric()


def ref(name: str = "t.xlsx", row: int = 1) -> SourceRef:
    return SourceRef(file_sha256="0" * 64, file_name=name, sheet="Sheet1", row=row, column=1)


def finding(rule_id: str, line: str = "", year: int = 2024, unit: str = UNIT, **details) -> Finding:
    return Finding(rule_id=rule_id, rule_name=rule_id.lower(), severity=Severity.WARNING, message=f"{rule_id} {line}",
                   subject=Subject(unit=unit, year=year, line=line), details=details,
                   evidence=[Evidence(role=line or rule_id, raw="x", ref=ref())])


def ctx(findings=(), records=(), year: int = 2024) -> Context:
    return Context(UNIT, year, list(findings), list(records))


# ------------------------------------------------------------------ the nanjie card, end to end


def _dims(card) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {d.code: (d.score, d.rate) for d in card.dimensions}


def test_nanjie_card_matches_the_seed(nanjie, rubric) -> None:
    results, findings = nanjie
    # the form sits in the submission folder: it is used, not ingested as a document
    assert FORM.name not in {r.file_name for r in results}
    cards = score_records(submission_records(results), findings, NANJIE)
    assert [(c.unit, c.year) for c in cards] == [(UNIT, 2024)]  # the 2025 targets make no card
    card = cards[0]
    assert _dims(card) == {
        "A": (D("24.00"), D("80.00")), "B": (D("20.00"), D("100.00")), "C": (D("11.00"), D("73.33")),
        "D": (D("10.00"), D("100.00")), "E": (D("17.00"), D("68.00")),
    }
    assert card.total == D("82.00") and card.grade == "良" and card.missing == []
    assert card.evaluator_inputs == str(FORM)
    subs = {s.code: s for s in card.sub_indicators}
    # B1 from the 2024 target table's 填报日期 (2024年2月26日, the generator's) against the rubric's
    # 2024 deadline; D1 stays the evaluator's: nanjie carries no 预算 publication
    assert {c for c, s in subs.items() if s.source == "rule"} == {"A2", "A3", "B1", "E1", "E2", "E3"}
    assert (subs["B1"].score, subs["B1"].deductions) == (D("10.00"), [])
    assert "绩效目标表填报日期为2024年2月26日，在规定时限2024年2月29日之前" in subs["B1"].explanation
    assert [(ev.raw, ev.ref.file_name) for ev in subs["B1"].evidence] == [
        ("填报日期：2024年2月26日", "南街街道办事处2024年度部门整体支出绩效目标表.pdf")]
    assert (subs["D1"].source, subs["D1"].score) == ("evaluator", D("5.00"))
    # E3, the seed's two points: two unmet indicators with a reason but no measure (SLF006, 1 point
    # each, cap 1) and ten 2025 indicators still carrying criticised values (XDC004, 0.5 each, cap 1)
    assert subs["E3"].score == D("3.00")
    assert [(d.rule_ids, d.points) for d in subs["E3"].deductions] == [(["SLF006"], D(1)), (["XDC004"], D(1))]
    assert (subs["A2"].score, subs["A3"].score, subs["E2"].score) == (D("11.00"), D("3.00"), D("2.00"))
    # A2: 6 of 17 quantitative (35.29% < 40 → 3 points) and 11 vague values (0.1 each, cap 1)
    assert [d.points for d in subs["A2"].deductions] == [D(3), D(1)]
    assert "35.29%（6项/17项）" in subs["A2"].deductions[0].reason
    assert subs["A2"].deductions[1].rule_ids == ["TGT002"] and len(subs["A2"].deductions[1].fingerprints) == 11
    assert all(ev.ref.file_name == "南街街道办事处2024年度部门整体支出绩效目标表.pdf" for ev in subs["A2"].evidence)
    # E2: four execution-rate errors (0.5 each, cap 2), four vague reasons/measures (0.25 each)
    assert [(d.rule_ids, d.points) for d in subs["E2"].deductions] == [
        (["MON001"], D(2)), (["MON006", "MON007"], D(1))]
    assert subs["C1"].source == "evaluator" and subs["C1"].score == D("7.00") and subs["C1"].evaluator == "蒙立铖"
    # E1 from the final accounts' narrative: 1164.62 ÷ 1164.62 = 100.00%, the seed's figure
    assert (subs["E1"].method, subs["E1"].source, subs["E1"].score) == ("automatic", "rule", D("5.00"))
    assert "年度预算执行率100.00%（一般公共预算财政拨款支出决算1164.62万元÷预算1164.62万元）" in subs["E1"].explanation
    assert [(ev.value, ev.ref.file_name) for ev in subs["E1"].evidence] == [
        (D("1164.62"), "南街街道办事处2024年度部门决算.pdf")] * 2
    titles = [p.title for p in card.problems]
    assert titles[:2] == ["绩效目标量化程度不足，影响考核精准性", "目标体系细化不够，重点履职体现不充分"]
    assert "可量化指标占比仅为35.29%（6项/17项），远低于80%的优良标准" in card.problems[0].text
    # the seed's 五: unmet indicators with a reason and no measure, and 2025 targets left unchanged
    loop = next(p for p in card.problems if p.title == "绩效评价缺乏深度反馈，未形成管理闭环")
    assert "对未完成指标“固定资产利用率”、“服务对象满意度”仅标注原因而未提出整改措施" in loop.text
    assert "等10项被指出问题的指标" in loop.text and loop.rule_ids == ["SLF006", "XDC004"]
    monitoring = next(p for p in card.problems if p.title.startswith("绩效监控"))
    assert "不具备付款条件" in monitoring.text and "1-6月、1-9月" in monitoring.text
    assert "1286.43万元" in next(p.text for p in card.problems if "金额" in p.title)
    assert [s.title for s in card.suggestions][0] == "全面推行绩效指标量化管理"


def test_without_inputs_the_card_lists_what_is_missing(nanjie, rubric) -> None:
    results, findings = nanjie
    card = score_submission(submission_records(results), findings, rubric)[0]
    # E1, E3: final accounts, self-evaluation; B1: the target table's 填报日期
    assert card.missing == ["A1", "B2", "C1", "C2", "D1", "D2", "E4"]
    assert card.total is None and card.grade is None
    assert _dims(card)["A"] == (None, None)
    assert {s.code: s.score for s in card.sub_indicators if s.source == "rule"} == {
        "A2": D("11.00"), "A3": D("3.00"), "B1": D("10.00"), "E1": D("5.00"), "E2": D("2.00"), "E3": D("3.00")}


@pytest.mark.parametrize(
    "edit, total, grade",
    [
        # E2: 0.25 instead of 0.5 per monitoring data error → E2 3 (5 − 1 − 1), total 83
        (lambda r: r["dimensions"][4]["sub_indicators"][1]["rule"]["parts"][0].update(points=0.25), "83.00", "良"),
        # A2: 7 points instead of 3 below a 40% quantitative share → A2 7, total 78, 中
        (lambda r: r["dimensions"][0]["sub_indicators"][1]["rule"]["parts"][0]["bands"][0].update(deduct=7),
         "78.00", "中"),
    ],
)
def test_a_changed_weight_in_a_copied_rubric_changes_the_total(nanjie, tmp_path, edit, total, grade) -> None:
    data = yaml.safe_load(DEFAULT_RUBRIC.read_text("utf-8"))
    edit(data)
    copy = tmp_path / "my-rubric.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    results, findings = nanjie
    card = score_records(submission_records(results), findings, NANJIE, rubric=copy)[0]
    assert (card.total, card.grade) == (D(total), grade)


def test_rubric_whose_points_do_not_add_up_is_refused(tmp_path) -> None:
    data = yaml.safe_load(DEFAULT_RUBRIC.read_text("utf-8"))
    data["dimensions"][0]["sub_indicators"][0]["points"] = 12
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RubricError, match="bad.yaml.*一级指标A分值30与其二级指标分值之和32不符"):
        load_rubric(bad)


# ------------------------------------------------------------------ the rule kinds


def part(**params) -> RulePart:
    return RulePart.model_validate(params)


def test_deduct_per_finding_counts_the_units_findings_up_to_the_cap() -> None:
    p = part(kind="deduct_per_finding", rules=["TGT002", "FIN*"], points=0.4, cap=1, reason="{count}项，扣{deduct}分")
    found = [finding("TGT002", "甲"), finding("FIN003", "乙"), finding("TGT002", "丙"),
             finding("TGT002", "丁", year=2025), finding("TGT002", "戊", unit="别的单位"), finding("TGT001")]
    result = deduct_per_finding(p, ctx(found))
    assert result.deduct == D(1) and result.deduction.reason == "3项，扣1分"
    assert result.deduction.rule_ids == ["FIN003", "TGT002"] and len(result.deduction.evidence) == 3
    assert deduct_per_finding(p, ctx(found[:1])).deduct == D("0.4")
    # next year's findings count only with year_offsets
    p_next = part(kind="deduct_per_finding", rules=["TGT002"], points=1, year_offsets=[1])
    assert deduct_per_finding(p_next, ctx(found)).deduct == D(1)


def test_deduct_per_finding_neutral() -> None:
    p = part(kind="deduct_per_finding", rules=["TGT002"], points=1, cap=2)
    result = deduct_per_finding(p, ctx([finding("TGT001")]))
    assert result.deduct == 0 and result.deduction is None


def test_finding_metric_bands() -> None:
    p = part(kind="finding_metric_bands", rule_id="TGT001", metric="percent",
             bands=[{"below": 40, "deduct": 3}, {"below": 60, "deduct": 2}, {"below": 80, "deduct": 1}],
             reason="{percent}%（{quantitative}/{total}），扣{deduct}分")
    assert finding_metric_bands(p, ctx([finding("TGT001", percent="35.29", quantitative=6, total=17)])).deduct == 3
    r = finding_metric_bands(p, ctx([finding("TGT001", percent="41.18", quantitative=7, total=17)]))
    assert r.deduct == 2 and r.deduction.reason == "41.18%（7/17），扣2分"
    assert finding_metric_bands(p, ctx([finding("TGT001", percent="79.99")])).deduct == 1
    assert finding_metric_bands(p, ctx([])).deduct == 0  # no finding: the share met the benchmark
    assert finding_metric_bands(p, ctx([finding("TGT001", percent="35.29", year=2025)])).deduct == 0


def publication(budget: str, actual: str, subject: str = "支出合计", year: int = 2024) -> Publication:
    r = ref("决算.pdf")
    return Publication(
        unit=Attribute(value=UNIT, raw=UNIT), year=year, year_attr=Attribute(value=str(year), raw=str(year)),
        kind="决算", file_name="决算.pdf", file_sha256="0" * 64,
        executions=[LineExecution(subject=subject, budget_kind="全年预算", budget=amount(budget, r, "万元"),
                                  actual=amount(actual, r, "万元"), source="table")],
    )


def test_execution_rate_bands() -> None:
    p = part(kind="execution_rate_bands", subjects=["支出合计"],
             bands=[{"min": 95, "deduct": 0}, {"min": 80, "deduct": 2}, {"min": 0, "deduct": 5}],
             reason="执行率{value}%（{actual}/{budget}），扣{deduct}分")
    full = execution_rate_bands(p, ctx(records=[publication("1164.62", "1164.62")]))
    assert full.deduct == 0 and full.note == "执行率100.00%（1164.62/1164.62），扣0分" and len(full.evidence) == 2
    low = execution_rate_bands(p, ctx(records=[publication("1000.00", "850.00")]))
    assert low.deduct == 2 and low.deduction.reason.startswith("执行率85.00%")
    assert execution_rate_bands(p, ctx(records=[publication("100", "50")])).deduct == 5
    # no final accounts of the year, or no such line: no evidence, not a full score
    assert execution_rate_bands(p, ctx(records=[publication("100", "50", year=2023)])) is None
    assert execution_rate_bands(p, ctx(records=[publication("100", "50", subject="行政运行")])) is None


def test_an_automatic_sub_indicator_without_its_records_falls_back_to_the_form(rubric, tmp_path) -> None:
    pub = publication("1164.62", "1164.62")
    card = score_card(rubric, UNIT, 2024, [pub], [])
    e1 = next(s for s in card.sub_indicators if s.code == "E1")
    assert (e1.source, e1.score) == ("rule", D("5.00")) and "100.00%" in e1.explanation
    card = score_card(rubric, UNIT, 2024, [], [])
    assert "E1" in card.missing and "A2" in card.missing  # no target table: A2 is not a free 15


# ------------------------------------------------------------------ the evaluator form


def _form(tmp_path: Path, scores: list[dict], **head) -> Path:
    path = tmp_path / "form.yaml"
    data = {"jixiao": "评分录入表", "rubric": "ganzhou-2024", "unit": UNIT, "year": 2024, **head, "scores": scores}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"code": "C1", "score": 12, "reasoning": "x"}, "第1项（C1）：得分12超过C1（内部审核质量）的分值10"),
        ({"code": "C2", "score": -1, "reasoning": "x"}, "第1项（C2）：得分-1为负数"),
        ({"code": "C1", "score": 7}, "第1项（C1）：C1扣分（7/10）但未填写扣分理由"),
        ({"code": "Z9", "score": 1}, "第1项（Z9）：指标编码“Z9”不在评分标准“ganzhou-2024”中"),
        ({"code": "C1", "score": "七"}, "第1项（C1）：得分“七”不是数字"),
    ],
)
def test_form_validation_names_file_and_row(tmp_path, rubric, entry, message) -> None:
    with pytest.raises(EvaluatorInputError) as err:
        read_evaluator_inputs(_form(tmp_path, [entry]), rubric)
    assert "评分录入表“form.yaml”有误" in str(err.value) and message in str(err.value)


def test_form_of_another_rubric_and_not_a_form(tmp_path, rubric) -> None:
    with pytest.raises(EvaluatorInputError, match="与本次使用的“ganzhou-2024”不一致"):
        read_evaluator_inputs(_form(tmp_path, [], rubric="other"), rubric)
    plain = tmp_path / "notes.yaml"
    plain.write_text("scores: []\n", encoding="utf-8")
    with pytest.raises(EvaluatorInputError, match="文件“notes.yaml”不是评分录入表"):
        read_evaluator_inputs(plain, rubric)


def test_xlsx_form_errors_name_the_row(nanjie, rubric, tmp_path) -> None:
    from openpyxl import load_workbook

    results, findings = nanjie
    card = score_submission(submission_records(results), findings, rubric)[0]
    path = write_template([card], tmp_path / "form.xlsx", "xlsx")
    wb = load_workbook(path)
    ws = wb["评分录入"]
    assert ws["A1"].value == "jixiao 评分录入表" and ws["A8"].value == "A1"
    ws["D9"] = 11  # B2, 10 points (B1 is scored from the target table's 填报日期, not in the form)
    wb.save(path)
    with pytest.raises(EvaluatorInputError, match="第9行（B2）：得分11超过B2（编报质量）的分值10"):
        read_evaluator_inputs(path, rubric)


@pytest.mark.parametrize("fmt", ["yaml", "xlsx"])
def test_template_round_trip(nanjie, rubric, tmp_path, fmt) -> None:
    results, findings = nanjie
    records = submission_records(results)
    card = score_submission(records, findings, rubric)[0]
    path = write_template([card], tmp_path / f"form.{fmt}", fmt)
    assert is_evaluator_form(path)
    seed = read_evaluator_inputs(FORM, rubric)
    if fmt == "yaml":
        data = yaml.safe_load(path.read_text("utf-8"))
        assert [s["code"] for s in data["scores"]] == card.missing
        for s in data["scores"]:
            e = seed.entry(s["code"])
            s.update(score=float(e.score), reasoning=e.reasoning)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    else:
        from openpyxl import load_workbook

        wb = load_workbook(path)
        ws = wb["评分录入"]
        ws["B5"] = "评估人甲"
        for row in range(8, ws.max_row + 1):
            e = seed.entry(ws.cell(row, 1).value)
            ws.cell(row, 4, float(e.score))
            ws.cell(row, 5, e.reasoning)
        wb.save(path)
    inputs = read_evaluator_inputs(path, rubric)
    filled = score_submission(records, findings, rubric, [inputs])[0]
    assert (filled.total, filled.grade, filled.missing) == (D("82.00"), "良", [])
    if fmt == "xlsx":
        assert {s.evaluator for s in filled.sub_indicators if s.source == "evaluator"} == {"评估人甲"}


def test_a_bad_form_in_the_submission_folder_is_reported_not_fatal(nanjie, tmp_path) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "评分.yaml").write_text(
        "jixiao: 评分录入表\nrubric: ganzhou-2024\nscores:\n  - {code: C1, score: 20, reasoning: x}\n", encoding="utf-8")
    (folder / "说明.txt").write_text("其他材料\n", encoding="utf-8")
    assert [p.name for p in discover(folder)] == ["说明.txt"]
    results, findings = nanjie
    card = score_records(submission_records(results), findings, folder)[0]
    assert card.evaluator_inputs is None and "C1" in card.missing
    assert card.evaluator_errors and "评分.yaml" in card.evaluator_errors[0] and "第1项（C1）" in card.evaluator_errors[0]


# ------------------------------------------------------------------ outputs and the summary


def test_run_outputs_and_summary_take_the_latest_run(nanjie, tmp_path) -> None:
    from openpyxl import load_workbook

    results, findings = nanjie
    records = submission_records(results)
    partial = score_records(records, findings, tmp_path)  # no form: incomplete
    full = score_records(records, findings, NANJIE)
    out = tmp_path / "output"
    first = write_run(results, findings, NANJIE, datetime(2025, 3, 1, 9, 0, 0), RunOptions(output_root=out), scores=partial)
    second = write_run(results, findings, NANJIE, datetime(2025, 3, 2, 9, 0, 0), RunOptions(output_root=out), scores=full)
    assert read_scores(Path(first.output_dir))[0].total is None
    saved = json.loads((Path(second.output_dir) / "scores.json").read_text("utf-8"))
    assert saved[0]["record_type"] == "score_card" and saved[0]["total"] == "82.00"
    ws = load_workbook(Path(second.output_dir) / "scores.xlsx")["评分"]
    totals = [row for row in ws.iter_rows(values_only=True) if row[2] == "合计"]
    assert totals == [(UNIT, 2024, "合计", None, None, 100, 82, None, None, "等级：良", None)]

    rows, written = write_season(out)
    assert [(r.unit, r.year, r.total, r.grade, r.run_id) for r in rows] == [
        (UNIT, 2024, D("82.00"), "良", second.run_id)]
    # the 2024 findings of fixtures/expected/nanjie-2024/findings*.json (the 2025 targets' are another
    # year): findings.json's, the self-evaluation's two SLF006 warnings and the 1-9月 监控报告's
    # two errors and two warnings (findings-reports.json)
    assert rows[0].counts == {"error": 7, "warning": 16, "notice": 11}
    assert [f.rule_id for f in rows[0].top] == ["MON001", "MON001", "MON001"]
    assert written == [out / SUMMARY_DIR / XLSX_NAME, out / SUMMARY_DIR / HTML_NAME]
    html = written[1].read_text("utf-8")
    assert "82.00" in html and "73.33%" in html and "良" in html
    sheet = load_workbook(written[0])["评分汇总"]
    assert [c.value for c in sheet[2]][:9] == [UNIT, 2024, 82, "良", 80, 100, 73.33, 100, 68]


# ------------------------------------------------------------------ the commands


def test_cli_template_summary_and_a_bad_form(nanjie, tmp_path) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    results, findings = nanjie
    out = tmp_path / "output"
    run = write_run(results, findings, NANJIE, datetime(2025, 3, 1, 9, 0, 0), RunOptions(output_root=out), scores=score_records(submission_records(results), findings, tmp_path))
    env = {"COLUMNS": "200", "JIXIAO_OUTPUT": str(out)}
    runner = CliRunner()
    result = runner.invoke(app, ["evaluator-template", run.run_id, "--format", "xlsx"], env=env)
    assert result.exit_code == 0, result.output
    form = Path(run.output_dir) / f"评分录入表-{UNIT}-2024.xlsx"
    assert is_evaluator_form(form) and "已写出评分录入表" in result.output
    assert runner.invoke(app, ["evaluator-template", str(tmp_path)], env=env).exit_code == 1

    result = runner.invoke(app, ["summary", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "待定" in result.output and (out / SUMMARY_DIR / HTML_NAME).is_file()

    bad = _form(tmp_path, [{"code": "C1", "score": 12, "reasoning": "x"}])
    result = runner.invoke(app, ["run", str(NANJIE), "--evaluator-inputs", str(bad), "-o", str(out)], env=env)
    assert result.exit_code == 1 and "得分12超过C1（内部审核质量）的分值10" in result.output


@pytest.mark.parametrize("rule_id, problem, suggestion", [
    ("RPT004", "绩效监控与分析浅表化，改进措施不具体", "构建问题导向的监控分析体系"),
    ("SLF002", "自评数据与评分不够严谨", "规范自评计分与数据衔接"),
    ("XDC002", "各类材料之间预算数据不一致", "建立跨材料数据核对机制"),
])
def test_report_self_evaluation_and_cross_document_findings_reach_problems_and_suggestions(
        rule_id, problem, suggestion) -> None:
    from scoring.card import build_problems, build_suggestions

    problems = build_problems(ctx([finding(rule_id, "合计")]))
    assert [p.title for p in problems] == [problem]
    assert problems[0].rule_ids == [rule_id] and "{" not in problems[0].text
    assert [s.title for s in build_suggestions(problems)] == [suggestion]
    # another unit's finding raises no problem for this one
    assert build_problems(ctx([finding(rule_id, "合计", unit="北街街道办事处")])) == []


def test_a_form_score_for_an_item_the_documents_scored_is_compared_not_used(nanjie, rubric, tmp_path) -> None:
    results, findings = nanjie
    records = submission_records(results)
    form = read_evaluator_inputs(FORM, rubric)
    card = score_card(rubric, UNIT, 2024, records, findings, [form])
    e1 = next(s for s in card.sub_indicators if s.code == "E1")
    assert e1.source == "rule" and e1.explanation.endswith("（评分录入表中评估人评分亦为5分）")
    # the evaluator wrote 4 for E1: the documents' 5.00 stands, and the card says they disagree
    data = yaml.safe_load(FORM.read_text("utf-8"))
    next(e for e in data["scores"] if e["code"] == "E1")["score"] = 4
    changed = tmp_path / FORM.name
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    card = score_card(rubric, UNIT, 2024, records, findings, [read_evaluator_inputs(changed, rubric)])
    e1 = next(s for s in card.sub_indicators if s.code == "E1")
    assert e1.score == D("5.00") and card.total == D("82.00")
    assert "评分录入表中评估人评分为4分，与按材料自动计算的得分不一致，以自动评分为准，请复核" in e1.explanation
