"""Render the report drafts of one run: one .docx and/or .html per unit and year, with the chart,
into the run folder's `report/` (or a folder of the user's choosing)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reporting.chart import execution_chart
from reporting.content import build_sections, section_titles
from reporting.data import ReportData, ReportError, build_reports, load_config, load_run
from reporting.docx_report import write_docx
from reporting.html_report import write_html

FORMATS = ("docx", "html")


@dataclass
class Rendered:
    report: ReportData
    files: list[Path]


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ReportError(f"不支持的报告格式“{'、'.join(unknown) or text}”：可选 {', '.join(FORMATS)}")
    return list(dict.fromkeys(formats))


def _slug(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_")


def render_run(folder: Path, *, formats: list[str] = list(FORMATS), output: Path | None = None,
               evaluator: str | None = None, client: str | None = None, when: date | None = None,
               config_file: Path | None = None) -> list[Rendered]:
    """Render every unit/year of a run folder (runs.paths.find_run finds it from a run id)."""
    data = load_run(folder)
    config = load_config(config_file)
    out = Path(output) if output else folder / "report"
    done = []
    for r in build_reports(data, config, evaluator=evaluator, client=client, when=when):
        stem = _slug(f"{r.unit}{r.year}年度绩效目标管理评估报告")
        chart = execution_chart(r.periods, out / f"{stem}-执行率.png", "预算执行率与序时进度",
                                config.get("chart_lines"))
        sections = build_sections(r, chart)
        files = []
        if "docx" in formats:
            files.append(write_docx(r, sections, out / f"{stem}.docx"))
        if "html" in formats:
            files.append(write_html(r, sections, out / f"{stem}.html"))
        done.append(Rendered(r, files))
    if not done:
        raise ReportError(f"运行结果“{folder}”中没有可出报告的单位与年度（未读取到绩效目标表、监控表或决算）")
    return done


__all__ = ["FORMATS", "Rendered", "parse_formats", "render_run", "section_titles", "ReportError"]
