"""Score a submission (the step `jixiao run` takes after the checks) and lay its cards out as a
workbook (sheets 评分 and 存在问题; runs/output.py writes it as scores.xlsx beside scores.json)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from schemas.findings import Finding
from schemas.safe_text import neutralise_workbook
from schemas.scoring import ScoreCard
from schemas.workbook import print_setup, row_height
from scoring.card import score_submission
from scoring.evaluator import EvaluatorInputError, EvaluatorInputs, read_evaluator_inputs
from scoring.rubric import load_rubric


def score_run(
    records: Sequence[Any],
    findings: Sequence[Finding],
    rubric: str | Path | None = None,
    evaluator_inputs: str | Path | None = None,
    forms: Sequence[Path] = (),
) -> list[ScoreCard]:
    """The cards of a submission. `evaluator_inputs` is a form given explicitly: it is validated
    here and a bad one raises (it stops the run). Without it, `forms` are the evaluator forms
    found among the submission's files (runs.discover.evaluator_forms): those that fail
    validation are reported on the cards and left out."""
    rub = load_rubric(rubric)
    inputs: list[EvaluatorInputs] = []
    errors: list[str] = []
    paths = [Path(evaluator_inputs)] if evaluator_inputs else list(forms)
    for path in paths:
        try:
            inputs.append(read_evaluator_inputs(path, rub))
        except EvaluatorInputError as exc:
            if evaluator_inputs:
                raise
            errors.append(str(exc))
    cards = score_submission(records, findings, rub, inputs)
    for card in cards:
        card.evaluator_errors = errors
    return cards


def score_text(card: ScoreCard) -> str:
    """One line: 南街街道办事处 2024年 总分82.00 良 — or what is missing."""
    head = f"{card.unit} {card.year or ''}年"
    if card.total is None:
        return f"{head} 总分待定（缺评估人评分：{'、'.join(card.missing)}）"
    return f"{head} 总分{card.total} 等级{card.grade}"


def write_scores_xlsx(path: Path, cards: Sequence[ScoreCard]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "评分"
    ws.append(["单位", "年度", "一级指标", "二级指标编码", "二级指标", "分值", "得分", "评分方式", "来源", "评分说明", "评估人"])
    method = {"automatic": "自动", "manual": "人工"}
    source = {"rule": "规则", "evaluator": "评估人", "missing": "待评分"}
    for card in cards:
        dims = {d.code: d for d in card.dimensions}
        for s in card.sub_indicators:
            ws.append([card.unit, card.year, f"{s.dimension} {dims[s.dimension].name}", s.code, s.name, float(s.points),
                       float(s.score) if s.score is not None else None, method[s.method], source[s.source],
                       s.explanation, s.evaluator])
        for d in card.dimensions:
            ws.append([card.unit, card.year, f"{d.code} {d.name}", "小计", "", float(d.points),
                       float(d.score) if d.score is not None else None, "", "",
                       f"得分率{d.rate}%" if d.rate is not None else "待评分", ""])
        ws.append([card.unit, card.year, "合计", "", "", float(card.points),
                   float(card.total) if card.total is not None else None, "", "",
                   f"等级：{card.grade}" if card.grade else f"待评分：{'、'.join(card.missing)}", ""])
    for col, width in zip("ABCDEFGHIJK", (22, 7, 16, 8, 22, 7, 7, 8, 8, 80, 10)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 10)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in range(2, ws.max_row + 1):
        ws.row_dimensions[row].height = row_height([(str(ws.cell(row=row, column=10).value or ""), 80)])
    print_setup(ws)

    ws = wb.create_sheet("存在问题")
    ws.append(["单位", "年度", "问题", "说明", "规则编号", "对策建议"])
    for card in cards:
        for p in card.problems:
            advice = "；".join(s.title for s in card.suggestions if set(s.rule_ids) & set(p.rule_ids))
            ws.append([card.unit, card.year, p.title, p.text, "、".join(p.rule_ids), advice])
    for col, width in zip("ABCDEF", (22, 7, 30, 90, 16, 30)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 4)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in range(2, ws.max_row + 1):
        ws.row_dimensions[row].height = row_height([(str(ws.cell(row=row, column=4).value or ""), 90)])
    print_setup(ws)
    neutralise_workbook(wb)  # document texts never become formulas or break the XML
    wb.save(path)
