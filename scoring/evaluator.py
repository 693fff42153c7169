"""The evaluator-input form (评分录入表): the evaluator's scores for the sub-indicators the
documents cannot show. Written by `jixiao evaluator-template`, filled in by the evaluator, read
back by `jixiao run --evaluator-inputs FILE` (or found, by its marker, in the submission folder).

YAML form:                               xlsx form (sheet 评分录入):
  jixiao: 评分录入表   (the marker)         A1  "jixiao 评分录入表" (the marker)
  rubric: ganzhou-2024                     row 2: 评分标准 | <id>; row 3: 单位 | <unit>; row 4: 年度 | <year>
  unit: 南街街道办事处                       row 5: 默认评估人 | <name>
  year: 2024                               row 7: 编码 | 指标名称 | 分值 | 得分 | 扣分理由 | 评估人
  evaluator: 张三   (default evaluator)     rows 8…: one sub-indicator each
  scores:
    - {code: A1, name: …, points: 10, score: 10, reasoning: …, evaluator: …}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Sequence

import yaml

from schemas.config_errors import safe_load
from schemas.errors import JixiaoError

from schemas.scoring import ScoreCard
from scoring.rubric import Rubric
from schemas.safe_text import neutralise_workbook

MARKER = "评分录入表"
XLSX_MARKER = f"jixiao {MARKER}"
SHEET = "评分录入"
HEADER = ["编码", "指标名称", "分值", "得分", "扣分理由", "评估人"]
HEADER_ROW = 7
ZIP_MAGIC = b"PK\x03\x04"


class EvaluatorInputError(JixiaoError):
    """An evaluator form that cannot be used; the message is Chinese, names the file and the rows."""

    code = "evaluator_form.invalid"
    category = "input"


@dataclass
class EvaluatorEntry:
    code: str
    score: Decimal
    reasoning: str
    evaluator: str
    row: str  # where it was read: "第8行" / "第3项"


@dataclass
class EvaluatorInputs:
    path: str
    rubric: str = ""
    unit: str = ""
    year: int | None = None
    evaluator: str = ""
    entries: list[EvaluatorEntry] = field(default_factory=list)

    def applies_to(self, unit: str, year: int | None) -> bool:
        return (not self.unit or self.unit == unit) and (self.year is None or self.year == year)

    def entry(self, code: str) -> EvaluatorEntry | None:
        return next((e for e in self.entries if e.code == code), None)


# ------------------------------------------------------------------ recognising a form


def is_evaluator_form(path: str | Path) -> bool:
    """True when the file's content is an evaluator form (YAML with `jixiao: 评分录入表`, or an
    xlsx whose first cell of sheet 评分录入 is the marker); never raises."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if head.startswith(ZIP_MAGIC):
        if b"xl/" not in head and not path.suffix.lower() == ".xlsx":
            return False
        try:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
            try:
                return SHEET in wb.sheetnames and wb[SHEET]["A1"].value == XLSX_MARKER
            finally:
                wb.close()
        except Exception:
            return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(line.strip().replace('"', "").replace("'", "") == f"jixiao: {MARKER}" for line in text.splitlines()[:20])


# ------------------------------------------------------------------ writing the template


def template_rows(cards: Sequence[ScoreCard]) -> list[dict[str, Any]]:
    """One row per sub-indicator an evaluator must score: manual ones, and automatic ones the
    documents gave no evidence for."""
    rows = []
    for card in cards:
        for sub in card.sub_indicators:
            if sub.method == "manual" or sub.source != "rule":
                rows.append({"code": sub.code, "name": sub.name, "points": sub.points,
                             "score": sub.score if sub.source == "evaluator" else None,
                             "reasoning": next((d.reason for d in sub.deductions), "") if sub.source == "evaluator" else "",
                             "evaluator": sub.evaluator})
    return rows


def write_template(cards: Sequence[ScoreCard], path: Path, fmt: str) -> Path:
    card = cards[0]
    rows = template_rows([card])
    if fmt == "yaml":
        data = {
            "jixiao": MARKER,
            "rubric": card.rubric_id,
            "unit": card.unit,
            "year": card.year,
            "evaluator": "",
            "scores": [
                {"code": r["code"], "name": r["name"], "points": _num(r["points"]),
                 "score": _num(r["score"]) if r["score"] is not None else None,
                 "reasoning": r["reasoning"], "evaluator": r["evaluator"]}
                for r in rows
            ],
        }
        head = ("# 评分录入表：请填写 score（得分）与 reasoning（扣分理由；扣分时必填），evaluator 为评估人。\n"
                "# 用法：jixiao run 材料文件夹 --evaluator-inputs 本文件（或把本文件放入材料文件夹）。\n")
        path.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = XLSX_MARKER
    ws["A1"].font = Font(bold=True)
    ws["C1"] = "请填写“得分”和“扣分理由”（扣分时必填）；评估人可逐行填写，或填在“默认评估人”。"
    for r, (label, value) in enumerate(
        [("评分标准", card.rubric_id), ("单位", card.unit), ("年度", card.year), ("默认评估人", "")], start=2
    ):
        ws.cell(r, 1, label).font = Font(bold=True)
        ws.cell(r, 2, value)
    for c, name in enumerate(HEADER, start=1):
        ws.cell(HEADER_ROW, c, name).font = Font(bold=True)
    for i, r in enumerate(rows, start=HEADER_ROW + 1):
        values = [r["code"], r["name"], _num(r["points"]),
                  _num(r["score"]) if r["score"] is not None else None, r["reasoning"], r["evaluator"]]
        for c, v in enumerate(values, start=1):
            ws.cell(i, c, v).alignment = Alignment(vertical="top", wrap_text=c == 5)
    for col, width in zip("ABCDEF", (8, 24, 8, 8, 70, 12)):
        ws.column_dimensions[col].width = width
    neutralise_workbook(wb)  # document texts never become formulas or break the XML
    wb.save(path)
    return path


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# ------------------------------------------------------------------ reading a filled form


def read_evaluator_inputs(path: str | Path, rubric: Rubric) -> EvaluatorInputs:
    """Read and validate a form against `rubric`; every problem is reported at once."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise EvaluatorInputError(f"评分录入表“{name}”不存在或不是普通文件")
    if not is_evaluator_form(path):
        raise EvaluatorInputError(
            f"文件“{name}”不是评分录入表：YAML 须含“jixiao: {MARKER}”，xlsx 须有工作表“{SHEET}”且 A1 为“{XLSX_MARKER}”"
            "（可用 jixiao evaluator-template 生成）"
        )
    with path.open("rb") as fh:
        is_xlsx = fh.read(4) == ZIP_MAGIC
    inputs, raw_rows = _read_xlsx(path) if is_xlsx else _read_yaml(path)
    errors: list[str] = []
    if inputs.rubric and inputs.rubric != rubric.id:
        errors.append(f"表中评分标准为“{inputs.rubric}”，与本次使用的“{rubric.id}”不一致")
    seen: set[str] = set()
    for where, row in raw_rows:
        entry, problems = _entry(where, row, rubric, inputs.evaluator, seen)
        errors += [f"{where}：{p}" for p in problems]
        if entry is not None:
            inputs.entries.append(entry)
    if errors:
        raise EvaluatorInputError(f"评分录入表“{name}”有误：" + "；".join(errors))
    return inputs


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _read_yaml(path: Path) -> tuple[EvaluatorInputs, list[tuple[str, dict[str, Any]]]]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise EvaluatorInputError(f"评分录入表“{path.name}”不是有效的 YAML：{exc}") from exc
    scores = data.get("scores") if isinstance(data, dict) else None
    if not isinstance(scores, list):
        raise EvaluatorInputError(f"评分录入表“{path.name}”缺少评分列表 scores")
    inputs = EvaluatorInputs(
        path=str(path), rubric=_text(data.get("rubric")), unit=_text(data.get("unit")),
        year=_year(data.get("year"), path.name), evaluator=_text(data.get("evaluator")),
    )
    rows = []
    for i, item in enumerate(scores, start=1):
        if not isinstance(item, dict):
            raise EvaluatorInputError(f"评分录入表“{path.name}”第{i}项：应为键值结构（code、score、reasoning …）")
        code = _text(item.get("code"))
        rows.append((f"第{i}项（{code or '无编码'}）", item))
    return inputs, rows


def _read_xlsx(path: Path) -> tuple[EvaluatorInputs, list[tuple[str, dict[str, Any]]]]:
    from openpyxl import load_workbook

    ws = load_workbook(path, data_only=True)[SHEET]
    meta = {_text(ws.cell(r, 1).value): ws.cell(r, 2).value for r in range(2, HEADER_ROW)}
    inputs = EvaluatorInputs(
        path=str(path), rubric=_text(meta.get("评分标准")), unit=_text(meta.get("单位")),
        year=_year(meta.get("年度"), path.name), evaluator=_text(meta.get("默认评估人")),
    )
    header = [_text(ws.cell(HEADER_ROW, c).value) for c in range(1, len(HEADER) + 1)]
    if header != HEADER:
        raise EvaluatorInputError(f"评分录入表“{path.name}”第{HEADER_ROW}行表头应为：{'、'.join(HEADER)}")
    keys = ["code", "name", "points", "score", "reasoning", "evaluator"]
    rows = []
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        values = [ws.cell(r, c).value for c in range(1, len(HEADER) + 1)]
        if all(_text(v) == "" for v in values):
            continue
        item = dict(zip(keys, values))
        rows.append((f"第{r}行（{_text(item['code']) or '无编码'}）", item))
    return inputs, rows


def _year(value: Any, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip().rstrip("年"))
    except ValueError as exc:
        raise EvaluatorInputError(f"评分录入表“{name}”的年度“{value}”不是年份") from exc


def _entry(where: str, row: dict[str, Any], rubric: Rubric, default_evaluator: str,
           seen: set[str]) -> tuple[EvaluatorEntry | None, list[str]]:
    code = _text(row.get("code")).upper()
    sub = rubric.sub_indicator(code)
    if sub is None:
        known = "、".join(s.code for _, s in rubric.sub_indicators())
        return None, [f"指标编码“{code}”不在评分标准“{rubric.id}”中（应为 {known} 之一）"]
    if code in seen:
        return None, [f"指标{code}重复填写"]
    seen.add(code)
    raw = row.get("score")
    if _text(raw) == "":
        return None, []  # left blank: stays missing
    try:
        score = Decimal(_text(raw))
    except InvalidOperation:
        return None, [f"得分“{raw}”不是数字"]
    problems = []
    if score < 0:
        problems.append(f"得分{_text(raw)}为负数")
    if score > sub.points:
        problems.append(f"得分{_text(raw)}超过{code}（{sub.name}）的分值{_num(sub.points)}")
    reasoning = _text(row.get("reasoning"))
    if score < sub.points and not reasoning:
        problems.append(f"{code}扣分（{_text(raw)}/{_num(sub.points)}）但未填写扣分理由")
    if problems:
        return None, problems
    evaluator = _text(row.get("evaluator")) or default_evaluator
    return EvaluatorEntry(code, score, reasoning, evaluator, where), []
