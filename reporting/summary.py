"""The season summary (`jixiao summary`, and the end of a batch): one row per unit and year (the
latest run of each wins; runs/season.py gathers the rows from the run store or the run folders):
score, grade, dimension rates, findings by severity and the three most serious findings; written
as 汇总.xlsx and 汇总.html into the folder given (output/summary/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, FileSystemLoader, select_autoescape
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from schemas.errors import CATEGORY_LABELS
from schemas.findings import Finding, Severity
from schemas.safe_text import neutralise_workbook
from schemas.scoring import ScoreCard

TEMPLATES = Path(__file__).parent / "templates"
XLSX_NAME = "汇总.xlsx"
HTML_NAME = "汇总.html"
TOP = 3
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


@dataclass
class SummaryRow:
    unit: str
    year: int | None
    run_id: str
    rubric: str
    total: Decimal | None
    grade: str | None
    points: Decimal
    dimensions: list[tuple[str, str, Decimal | None]]  # code, name, rate
    missing: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    # the run's document errors by category (schemas.errors), e.g. {"encrypted": 1, "parse": 2}
    errors: dict[str, int] = field(default_factory=dict)
    top: list[Finding] = field(default_factory=list)


def errors_text(errors: dict[str, int]) -> str:
    """`已加密 1、内容无法解析 2`: a run's document errors by category, for a person."""
    return "、".join(f"{CATEGORY_LABELS.get(c, c)} {n}" for c, n in errors.items())


def summary_row(card: ScoreCard, run_id: str, findings: Sequence[Finding],
                errors: dict[str, int] | None = None) -> SummaryRow:
    """A card's row: its scores, and the counts and most serious of the card's own findings (its unit
    and year) among `findings`."""
    own = [f for f in findings if f.subject.unit == card.unit and f.subject.year == card.year]
    return SummaryRow(
        unit=card.unit, year=card.year, run_id=run_id, rubric=card.rubric_id, total=card.total,
        grade=card.grade, points=card.points,
        dimensions=[(d.code, d.name, d.rate) for d in card.dimensions], missing=card.missing,
        counts={s.value: sum(1 for f in own if f.severity is s) for s in Severity}, errors=dict(errors or {}),
        top=sorted(own, key=lambda f: SEVERITY_ORDER[f.severity])[:TOP],
    )


def write_summary(out: Path, rows: list[SummaryRow]) -> list[Path]:
    """汇总.xlsx and 汇总.html of `rows` in the folder `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    xlsx, html = out / XLSX_NAME, out / HTML_NAME
    write_xlsx(xlsx, rows)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    dim_names = _dimension_names(rows)
    html.write_text(env.get_template("summary.html.j2").render(rows=rows, dims=dim_names, errors_text=errors_text), encoding="utf-8")
    return [xlsx, html]


def _dimension_names(rows: list[SummaryRow]) -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for r in rows:
        for code, name, _ in r.dimensions:
            names.setdefault(code, name)
    return sorted(names.items())


def write_xlsx(path: Path, rows: list[SummaryRow]) -> None:
    dims = _dimension_names(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "评分汇总"
    header = ["单位", "年度", "总分", "等级"] + [f"{c} {n}得分率(%)" for c, n in dims]
    header += ["错误", "警告", "提示", "最严重的问题（前三条）", "待评分", "评分标准", "运行编号", "文件问题（按原因）"]
    ws.append(header)
    for r in rows:
        rates = {c: rate for c, _, rate in r.dimensions}
        top = "\n".join(f"{i}. [{f.severity.label}] {f.rule_id} {f.text}" for i, f in enumerate(r.top, start=1))
        ws.append([r.unit, r.year, float(r.total) if r.total is not None else None, r.grade or ""]
                  + [float(rates[c]) if rates.get(c) is not None else None for c, _ in dims]
                  + [r.counts["error"], r.counts["warning"], r.counts["notice"], top, "、".join(r.missing),
                     r.rubric, r.run_id, errors_text(r.errors)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    top_col = 4 + len(dims) + 4
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == top_col)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions[get_column_letter(top_col)].width = 90
    ws.freeze_panes = "B2"
    neutralise_workbook(wb)  # document texts never become formulas or break the XML
    wb.save(path)
