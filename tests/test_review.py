"""The review loop (runs/review.py): decisions that survive re-runs and reopen when the figures
change, hand corrections that change the checks and the scores, and the findings workbook filled
in and imported back. Figures come from the generator's inputs (test_resubmissions.V1/V2) or
from the nanjie fixture's generator (tools/fixturegen/data.py)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import FIXTURES, need_file
from runs import review
from runs.discover import discover
from runs.isolation import ISOLATION_ENV
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document, submission_records
from runs.scores import score_records
from test_resubmissions import V1, V2, write_version

ENV = {"COLUMNS": "250"}


@pytest.fixture
def in_process(monkeypatch):
    monkeypatch.setenv(ISOLATION_ENV, "0")


def _check(root: Path, url: str):
    """What the flow does between reading and writing: corrections, checks, decisions."""
    results = review.corrected_results([process_document(p, root) for p in discover(root)], url)
    findings = review.reviewed_findings(check_submission(results), url)
    return results, findings


def _write(root: Path, out: Path, url: str, minute: int):
    results, findings = _check(root, url)
    return write_run(results, findings, root, datetime(2026, 3, 2, 9, minute), RunOptions(output_root=out, store=url)), findings


def _by_unit(findings) -> dict:
    return {f.subject.unit: f for f in findings}


def test_a_decision_carries_over_while_the_figures_hold_and_reopens_when_they_change(store_url, tmp_path, in_process) -> None:
    root = write_version(tmp_path / "提交材料", V1)
    url = store_url
    _, findings = _check(root, url)
    jia, bing = _by_unit(findings)["甲单位"], _by_unit(findings)["丙单位"]
    assert jia.review is None
    review.record_decision(url, jia, "confirmed", "执行率确实填错", "张三", via="cli")
    review.record_decision(url, bing, "dismissed", "", "张三", via="cli")

    _, again = _check(root, url)  # the same files: the decisions stand
    r = _by_unit(again)["甲单位"].review
    assert (r.status, r.label, r.note, r.reviewer, r.reopened) == ("confirmed", "确认", "执行率确实填错", "张三", False)
    assert _by_unit(again)["丙单位"].review.status == "dismissed"
    assert _by_unit(again)["乙单位"].review is None if "乙单位" in _by_unit(again) else True

    write_version(root, {"甲": V2["甲"]})  # 甲's rate 40.00 → 45.00: same finding, other figures
    _, later = _check(root, url)
    r = _by_unit(later)["甲单位"].review
    assert (r.status, r.reopened, r.note) == ("pending", True, "执行率确实填错")
    assert review.review_text(_by_unit(later)["甲单位"]).startswith("待复核（数字已变化，需重新复核）")


def test_a_dismissed_finding_is_not_counted_in_the_scores() -> None:
    from schemas.findings import Finding, Review, Severity, Subject

    kept = Finding(rule_id="MON001", rule_name="x", severity=Severity.ERROR, message="m", subject=Subject(unit="甲"))
    gone = kept.model_copy(update={"review": Review(status="dismissed")})
    confirmed = kept.model_copy(update={"review": Review(status="confirmed")})
    assert review.counted_in_scores([kept, gone, confirmed]) == [kept, confirmed]


def test_a_hand_correction_changes_the_check_and_is_marked_in_the_evidence(store_url, tmp_path, in_process) -> None:
    root = write_version(tmp_path / "提交材料", V1)
    url = store_url
    results, findings = _check(root, url)
    assert set(_by_unit(findings)) == {"甲单位", "丙单位"}
    jia = next(r for r in results if r.path == "甲单位监控表.docx")
    bing = next(r for r in results if r.path == "丙单位监控表.docx")
    rate_cell = jia.records[0].lines[0].reported_rate.ref.with_label().label
    executed_cell = bing.records[0].lines[0].executed.ref.with_label().label
    # 甲's rate misread: it is 50.00 (50.00 ÷ 100.00); 丙's 执行数 is 32.00 (40.00% of 80.00)
    review.record_correction(url, jia.sha256, jia.file_name, rate_cell, "50.00", "纸质件为50.00", "李四")
    review.record_correction(url, bing.sha256, bing.file_name, executed_cell, "32.00", "按凭证核对", "李四")
    review.record_correction(url, bing.sha256, bing.file_name, "第9页 表9 第9行第9列", "1", "写错位置", "李四")

    results, findings = _check(root, url)
    assert findings == []  # both MON001 gone: 50.00 = 50.00 ÷ 100.00, 40.00 = 32.00 ÷ 80.00
    jia = next(r for r in results if r.path == "甲单位监控表.docx")
    pn = jia.records[0].lines[0].reported_rate
    assert (pn.raw, pn.value, pn.correction.original_raw, pn.correction.reviewer) == ("50.00", Decimal("50.00"), "40.00", "李四")
    assert jia.corrections == [f"人工更正 {rate_cell}：“40.00” → “50.00”（李四，理由：纸质件为50.00）"]
    bing = next(r for r in results if r.path == "丙单位监控表.docx")
    assert any("第9页 表9 第9行第9列 未能应用" in n for n in bing.corrections)

    # withdrawn (an empty value): 丙's finding is back, its evidence unmarked
    review.record_correction(url, bing.sha256, bing.file_name, executed_cell, "", "撤销", "李四")
    _, findings = _check(root, url)
    assert [f.subject.unit for f in findings] == ["丙单位"] and not any(e.corrected for e in findings[0].evidence)
    # a new version of the file is read as it is: the correction was of the old content
    write_version(root, {"甲": ["100.00", "60.00", "40.00"]})
    _, findings = _check(root, url)
    assert sorted(f.subject.unit for f in findings) == ["丙单位", "甲单位"]


def test_a_hand_correction_changes_the_score_of_the_nanjie_fixture(store_url, tmp_path) -> None:
    """nanjie's 1-6月 table prints 项目支出 执行率 1.93% (tools/fixturegen/data.py plants it; 22.46 ÷
    134.37 = 16.72%). Corrected by hand to 16.72%, that MON001 goes and the total rises."""
    root = tmp_path / "nanjie-2024"
    shutil.copytree(need_file(FIXTURES / "nanjie-2024"), root)
    url = store_url
    before_results, before = _check(root, url)
    (before_card,) = score_records(submission_records(before_results), before, root)
    name = "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"
    doc = next(r for r in before_results if r.path == name)
    review.record_correction(url, doc.sha256, name, "Sheet1!E8", "16.72%", "纸质件为16.72%", "李四")
    after_results, after = _check(root, url)
    (after_card,) = score_records(submission_records(after_results), after, root)
    gone = {f.fingerprint for f in before} - {f.fingerprint for f in after}
    assert [f.subject.line for f in before if f.fingerprint in gone and f.rule_id == "MON001"] == ["项目支出"]
    assert before_card.total == Decimal("82.00") and after_card.total > before_card.total


# ------------------------------------------------------------------ the workbook, filled in and imported


def _fill(path: Path, rows: dict[int, tuple[str, str, str]], corrections: list[list[str]] | None = None) -> None:
    wb = load_workbook(path)
    ws = wb["问题清单"]
    header = [c.value for c in ws[1]]
    for row, (status, note, who) in rows.items():
        ws.cell(row=row, column=header.index("复核状态") + 1, value=status)
        ws.cell(row=row, column=header.index("复核意见") + 1, value=note)
        ws.cell(row=row, column=header.index("复核人") + 1, value=who)
    for values in corrections or []:
        wb["更正"].append(values)
    wb.save(path)


def test_the_findings_workbook_round_trip(store_url, tmp_path, in_process) -> None:
    from flows.cli import app

    root = write_version(tmp_path / "提交材料", V1)
    out = tmp_path / "out"
    url = store_url
    summary, findings = _write(root, out, url, 0)
    book = Path(summary.output_dir) / "findings.xlsx"
    wb = load_workbook(book)
    ws = wb["问题清单"]
    header = [c.value for c in ws[1]]
    assert header[-4:] == ["复核状态", "复核意见", "复核人", "原文"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    rows = {ws.cell(row=r, column=header.index("单位") + 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(row=2, column=header.index("原文") + 1).hyperlink.target.startswith("audit/index.html#f-")
    jia = next(r for r in discover(root) if r.name.startswith("甲"))
    documents = json.loads(Path(summary.output_dir, "documents.json").read_text("utf-8"))
    sha = next(d["sha256"] for d in documents if d["path"] == jia.name)
    _fill(book, {rows["甲单位"]: ("确认", "已与单位核实", "王五"), rows["丙单位"]: ("排除", "口径不同", "")},
          [[sha, jia.name, "表1 第2行第4列", "50.00", "纸质件为50.00", "王五"]])

    result = CliRunner().invoke(app, ["review", "--import", str(book), "--run", summary.run_id, "-o", str(out),
                                      "--store", url, "--by", "赵六"], env=ENV)
    assert result.exit_code == 0, result.output
    assert "复核结论 2 条（未变 0 条），人工更正 1 条" in result.output
    again = CliRunner().invoke(app, ["review", "--import", str(book), "--run", summary.run_id, "-o", str(out),
                                     "--store", url], env=ENV)
    assert "复核结论 0 条（未变 2 条）" in again.output  # importing twice changes nothing

    second, findings = _write(root, out, url, 5)
    by_unit = _by_unit(findings)
    assert "甲单位" not in by_unit  # corrected to 50.00 by the workbook's 更正 row
    assert (by_unit["丙单位"].review.status, by_unit["丙单位"].review.reviewer) == ("dismissed", "赵六")
    ws = load_workbook(Path(second.output_dir) / "findings.xlsx")["问题清单"]
    assert [ws.cell(row=2, column=header.index(h) + 1).value for h in ("复核状态", "复核意见", "复核人")] == [
        "排除", "口径不同", "赵六"]
    listing = CliRunner().invoke(app, ["review", "-o", str(out), "--store", url], env=ENV)
    assert listing.exit_code == 0 and "排除：赵六，口径不同" in listing.output


def test_a_bad_workbook_value_is_an_error_naming_the_row_and_nothing_is_taken(store_url, tmp_path, in_process) -> None:
    root = write_version(tmp_path / "提交材料", V1)
    out = tmp_path / "out"
    url = store_url
    summary, findings = _write(root, out, url, 0)
    book = Path(summary.output_dir) / "findings.xlsx"
    _fill(book, {2: ("确认", "", ""), 3: ("同意", "", "")})
    with pytest.raises(review.ReviewError, match="第3行：复核状态“同意”无效：应为 待复核、确认 或 排除"):
        review.import_workbook(url, book, "赵六", findings, summary.run_id)
    _, again = _check(root, url)
    assert all(f.review is None for f in again)

    _fill(book, {3: ("确认", "", "")}, [["abc", "x.docx", "Sheet1!A1", "1", "理由", ""]])
    with pytest.raises(review.ReviewError, match="“更正”第2行：文件SHA-256“abc”无效"):
        review.import_workbook(url, book, "赵六", findings, summary.run_id)
    not_a_book = tmp_path / "x.xlsx"
    not_a_book.write_bytes(b"not a workbook")
    with pytest.raises(review.ReviewError, match="无法读取复核工作簿“x.xlsx”"):
        review.import_workbook(url, not_a_book, "赵六", findings, summary.run_id)


def test_review_and_correct_commands(store_url, tmp_path, in_process) -> None:
    from flows.cli import app

    root = write_version(tmp_path / "提交材料", V1)
    out = tmp_path / "out"
    url = store_url
    summary, findings = _write(root, out, url, 0)
    fp = _by_unit(findings)["甲单位"].fingerprint
    ok = CliRunner().invoke(app, ["review", fp, "--status", "确认", "--note", "属实", "--by", "张三", "-o", str(out),
                                  "--store", url], env=ENV)
    assert ok.exit_code == 0 and "已记录 1 条复核结论：确认（复核人 张三）" in ok.output
    bad = CliRunner().invoke(app, ["review", fp, "--status", "同意", "-o", str(out), "--store", url], env=ENV)
    assert bad.exit_code == 1 and "复核状态“同意”无效" in bad.output
    unknown = CliRunner().invoke(app, ["review", "0123456789abcdef", "--status", "确认", "-o", str(out),
                                       "--store", url], env=ENV)
    assert unknown.exit_code == 1 and "没有指纹为 0123456789abcdef 的问题" in unknown.output

    corrected = CliRunner().invoke(app, ["correct", "-f", "甲单位监控表.docx", "-c", "表1 第2行第4列", "-v", "50.00",
                                         "-r", "纸质件", "--by", "李四", "-o", str(out), "--store", url], env=ENV)
    assert corrected.exit_code == 0 and "“40.00” → “50.00”" in corrected.output, corrected.output
    nowhere = CliRunner().invoke(app, ["correct", "-f", "甲单位监控表.docx", "-c", "Sheet9!Z99", "-v", "1", "-r", "x",
                                       "-o", str(out), "--store", url], env=ENV)
    assert nowhere.exit_code == 1 and "没有读到数值" in nowhere.output
    not_number = CliRunner().invoke(app, ["correct", "-f", "甲单位监控表.docx", "-c", "表1 第2行第4列", "-v", "abc",
                                          "-r", "x", "-o", str(out), "--store", url], env=ENV)
    assert not_number.exit_code == 1 and "更正值“abc”不是数字" in not_number.output
    _, findings = _check(root, url)
    assert "甲单位" not in _by_unit(findings)
