"""Score a run (the step `jixiao run` takes after the checks) and write its results:
scores.json (a JSON list of ScoreCard) and scores.xlsx (sheets 评分 and 存在问题)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from schemas.findings import Finding
from schemas.scoring import ScoreCard
from scoring.card import score_submission
from scoring.evaluator import EvaluatorInputError, EvaluatorInputs, is_evaluator_form, read_evaluator_inputs
from scoring.rubric import load_rubric
from schemas.safe_text import neutralise_workbook

SCORES_JSON = "scores.json"
SCORES_XLSX = "scores.xlsx"


def find_evaluator_forms(root: str | Path) -> list[Path]:
    """Evaluator forms inside a submission folder, recognised by their content."""
    from runs.discover import is_junk

    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not is_junk(p.name) and is_evaluator_form(p))


def score_run(
    records: Sequence[Any],
    findings: Sequence[Finding],
    submission: str | Path,
    rubric: str | Path | None = None,
    evaluator_inputs: str | Path | None = None,
) -> list[ScoreCard]:
    """The cards of a submission. The form given explicitly is validated by the caller (a bad one
    stops the run); forms found in the submission folder that fail validation are reported on
    the cards and left out."""
    rub = load_rubric(rubric)
    inputs: list[EvaluatorInputs] = []
    errors: list[str] = []
    paths = [Path(evaluator_inputs)] if evaluator_inputs else find_evaluator_forms(submission)
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


def write_scores(folder: Path, cards: Sequence[ScoreCard]) -> None:
    (folder / SCORES_JSON).write_text(
        json.dumps([c.model_dump(mode="json") for c in cards], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    write_scores_xlsx(folder / SCORES_XLSX, cards)


def write_scores_xlsx(path: Path, cards: Sequence[ScoreCard]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from schemas.workbook import print_setup, row_height

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


def read_scores(folder: Path) -> list[ScoreCard]:
    path = folder / SCORES_JSON
    if not path.is_file():
        return []
    return [ScoreCard.model_validate(c) for c in json.loads(path.read_text("utf-8"))]
