"""The evaluation report draft (reporting/): figures from the records and the card, the .docx
format, the chart's font, the HTML, the CLI, and a LibreOffice rendering."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from typer.testing import CliRunner

from textnorm.numbers import amount
from reporting.content import build_sections, section_titles
from reporting.data import ReportError, build_reports, load_config, load_run
from reporting.render import parse_formats, render_run
from runs.discover import discover
from runs.paths import DOCUMENTS_JSON, find_run
from runs.output import write_run
from runs.options import RunOptions
from runs.process import check_submission, process_document, submission_records
from schemas.final_accounts import LineExecution, Publication
from schemas.findings import Evidence
from schemas.provenance import SourceRef
from schemas.records import Attribute
from schemas.run import DocumentResult
from schemas.scoring import Deduction, DimensionScore, Problem, ScoreCard, SubIndicatorScore, Suggestion
from runs.scores import score_records
from tests.conftest import FIXTURES, ROOT, need_program

sys.path.insert(0, str(ROOT / "tools"))
from fixturegen.data import nanjie_docs  # noqa: E402
from fixturegen.generators import nanjie_final_accounts as final_accounts  # noqa: E402

NANJIE = FIXTURES / "nanjie-2024"
UNIT = "南街街道办事处"
D = Decimal
WHEN = date(2025, 3, 20)
TITLE = f"{UNIT}2024年度部门整体绩效目标管理评估报告"


# ------------------------------------------------------------------ runs to report on


@pytest.fixture(scope="module")
def nanjie_results():
    results = [process_document(p, NANJIE) for p in discover(NANJIE)]
    return results, check_submission(results)


@pytest.fixture(scope="module")
def scored_run(nanjie_results, tmp_path_factory) -> Path:
    """The nanjie submission run as `jixiao run` writes it, scores.json included."""
    results, findings = nanjie_results
    cards = score_records(submission_records(results), findings, NANJIE)
    root = tmp_path_factory.mktemp("scored")
    summary = write_run(results, findings, NANJIE, datetime.now(), RunOptions(output_root=root), scores=cards)
    return Path(summary.output_dir)


@pytest.fixture(scope="module")
def unscored_run(nanjie_results, tmp_path_factory) -> Path:
    """The same run without a scores.json (the scoring stage has not run)."""
    results, findings = nanjie_results
    root = tmp_path_factory.mktemp("unscored")
    summary = write_run(results, findings, NANJIE, datetime.now(), RunOptions(output_root=root))
    assert not (Path(summary.output_dir) / "scores.json").exists()
    return Path(summary.output_dir)


def _ref(name: str = "评分.yaml") -> SourceRef:
    return SourceRef(file_sha256="0" * 64, file_name=name, row=1, column=1)


# The seed report's figures (section 四 and 八), and its 存在问题 / 对策建议 headings.
SEED_SUBS = [  # code, name, points, score
    ("A1", "目标依据充分性", "10", "10"), ("A2", "目标科学性", "15", "11"), ("A3", "部门绩效管理目标规范性", "5", "3"),
    ("B1", "编报及时性", "10", "10"), ("B2", "编报质量", "10", "10"),
    ("C1", "内部审核质量", "10", "7"), ("C2", "审核程序规范性", "5", "4"),
    ("D1", "公开及时性", "5", "5"), ("D2", "公开规范性", "5", "5"),
    ("E1", "预算执行应用", "5", "5"), ("E2", "绩效监控应用", "5", "2"), ("E3", "绩效评价应用", "5", "3"),
    ("E4", "管理改进应用", "10", "7"),
]
SEED_DIMS = [("A", "目标设定质量", "30", "24.00", "80.00"), ("B", "目标编报过程", "20", "20.00", "100.00"),
             ("C", "目标审核机制", "15", "11.00", "73.33"), ("D", "目标公开情况", "10", "10.00", "100.00"),
             ("E", "目标应用效果", "25", "17.00", "68.00")]
SEED_PROBLEMS = ["绩效目标量化程度不足，影响考核精准性", "目标体系细化不够，重点履职体现不充分",
                 "审核工作不够深入，指标设置缺乏专业性", "绩效监控与分析浅表化，改进措施不具体",
                 "绩效评价缺乏深度反馈，未形成管理闭环", "管理改进措施落地效果有限"]
SEED_SUGGESTIONS = ["全面推行绩效指标量化管理", "建立分层分类的目标细化机制", "实施多维度联合审核机制",
                    "构建问题导向的监控分析体系", "强化评价结果应用与反馈机制", "建立改进措施落地跟踪机制"]


def seed_card() -> ScoreCard:
    subs = []
    for code, name, points, score in SEED_SUBS:
        lost = D(points) - D(score)
        deductions = [Deduction(points=lost, reason=f"{name}扣分理由（评估人填写）")] if lost else []
        subs.append(SubIndicatorScore(code=code, name=name, dimension=code[0], points=D(points), method="manual",
                                      source="evaluator", score=D(score), deductions=deductions))
    dims = [DimensionScore(code=c, name=n, points=D(p), score=D(s), rate=D(r)) for c, n, p, s, r in SEED_DIMS]
    problems = [Problem(title=t, text=f"问题{i}的说明。", rule_ids=["TGT001"] if i == 0 else [],
                        evidence=[Evidence(role="可量化指标占比", raw="6/17", ref=_ref("目标表.pdf"))] if i == 0 else [])
                for i, t in enumerate(SEED_PROBLEMS)]
    suggestions = [Suggestion(title=t, text=f"建议{i}的内容。") for i, t in enumerate(SEED_SUGGESTIONS)]
    return ScoreCard(rubric_id="seed", rubric_name="甘州区绩效目标管理评估指标体系", unit=UNIT, year=2024,
                     sub_indicators=subs, dimensions=dims, total=D("82.00"), points=D("100"), grade="良",
                     problems=problems, suggestions=suggestions)


@pytest.fixture
def seed_run(unscored_run, tmp_path) -> Path:
    """The nanjie run with a score card built from the seed report's figures."""
    folder = tmp_path / unscored_run.name
    folder.mkdir()
    for name in ("documents.json", "findings.json"):
        (folder / name).write_bytes((unscored_run / name).read_bytes())
    (folder / "scores.json").write_text(json.dumps([seed_card().model_dump(mode="json")], ensure_ascii=False), "utf-8")
    return folder


def _pct(part: Decimal, whole: Decimal) -> str:
    return f"{(part / whole * 100).quantize(D('0.01'), rounding=ROUND_HALF_UP)}%"


def generator_rates() -> dict[tuple[int, str], str]:
    """The execution rate of each line per period, from the fixture generator's inputs."""
    out = {}
    for doc in nanjie_docs():
        for rep in doc.reports:
            for line in rep.lines:
                out[(rep.months, line.name)] = _pct(line.executed, line.annual)
    return out


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def render(folder: Path, out: Path, formats=("docx", "html")) -> dict[str, Path]:
    done = render_run(folder, formats=list(formats), output=out, when=WHEN)
    assert len(done) == 1
    return {p.suffix[1:]: p for p in done[0].files}


# ------------------------------------------------------------------ the report's content


def test_report_data_from_the_records(unscored_run) -> None:
    run = load_run(unscored_run)
    (r,) = build_reports(run, load_config())
    assert (r.unit, r.year, r.title) == (UNIT, 2024, TITLE)
    assert r.budget is not None and r.budget.value == D("1164.62")
    assert (r.indicator_total, r.quantitative, f"{r.quantitative_share}%") == (17, 6, "35.29%")
    rates = generator_rates()
    # the year from the final accounts the generator wrote: 决算 ÷ 年初预算
    year_rate = f"{(final_accounts.TOTAL / final_accounts.INITIAL_BUDGET * 100).quantize(D('0.01'))}%"
    assert [(p.label, f"{p.rate}%", f"{p.time_progress}%") for p in r.periods] == [
        ("1-6月", rates[(6, "合计")], "50.00%"), ("1-9月", rates[(9, "合计")], "75.00%"),
        ("全年", year_rate, "100.00%")]
    # every line's computed rate, per monitoring period, as the generator's inputs give it
    for p in r.periods[:2]:
        for ln in p.lines:
            assert f"{ln.rate}%" == rates[(p.months, ln.name)], (p.label, ln.name)
    # the 2025 target table is reviewed (a document of the unit) but its findings are not this year's
    assert len(r.documents) == 7
    assert all(f.subject.year in (2024, None) for f in r.findings) and r.findings
    assert r.card is None and not r.scored


def test_scored_report_holds_the_records_and_the_card(seed_run, tmp_path) -> None:
    files = render(seed_run, tmp_path)
    text = docx_text(files["docx"])
    rates = generator_rates()
    for figure in (UNIT, TITLE, "1164.62", "35.29%", "2025年3月20日", rates[(6, "合计")], rates[(9, "合计")],
                   rates[(6, "项目支出")], "1286.43"):  # 1286.43: the goal text as the target table prints it
        assert figure in text, figure
    # the score table: each dimension's points, score and 得分率, the total and the grade
    for code, name, points, score, rate in SEED_DIMS:
        assert f"{code}.{name}" in text and score in text and f"{rate}%" in text
    assert "82.00" in text and "“良”" in text
    for code, name, points, score in SEED_SUBS:
        assert f"{code} {name}" in text
    assert "扣4分：目标科学性扣分理由（评估人填写）" in text  # A2: 15 − 11, the reason from the card
    for title in SEED_PROBLEMS + SEED_SUGGESTIONS:
        assert title in text, title
    assert "可量化指标占比：6/17（目标表.pdf" in text  # a problem's evidence, with its source
    assert "评分尚未完成" not in text


def test_deductions_that_state_their_points_are_not_repeated(scored_run) -> None:
    (r,) = build_reports(load_run(scored_run), load_config())
    sections = build_sections(r, None)
    table = next(b for b in sections[3].blocks if getattr(b, "caption", "").startswith("表7"))
    a2 = next(row for row in table.rows if row[0].startswith("A2"))
    card_a2 = next(s for s in r.card.sub_indicators if s.code == "A2")
    assert a2[2] == f"{card_a2.score}"
    for d in card_a2.deductions:  # the scoring stage's reasons end with 扣N分 already
        assert d.reason in a2[3]
    assert "扣3分：可量化" not in a2[3]


def test_unscored_run_says_so_and_shows_no_scores(unscored_run, tmp_path) -> None:
    files = render(unscored_run, tmp_path)
    text = docx_text(files["docx"])
    assert load_config()["no_scores"] in text
    assert "表6 评估得分" not in text and "评估等级为" not in text and "82.00" not in text
    # the document-derived sections are there, and the findings stand in for the problems
    assert "1164.62" in text and "35.29%" in text and "MON001" in text
    assert [s.title for s in build_sections(build_reports(load_run(unscored_run))[0], None)] == section_titles()


def test_final_accounts_give_the_year_execution(unscored_run, tmp_path) -> None:
    run = load_run(unscored_run)
    r = _ref("南街街道办事处2024年度部门决算.pdf")
    pub = Publication(unit=Attribute(value=UNIT, raw=UNIT), year=2024, year_attr=Attribute(value="2024", raw="2024"),
                      kind="决算", file_name=r.file_name, file_sha256="0" * 64,
                      executions=[LineExecution(subject="支出合计", budget_kind="全年预算", budget=amount("1164.62", r, "万元"),
                                                actual=amount("1164.62", r, "万元"), source="table")])
    # this test's own publication stands in for the one in the fixture
    run.documents = [d for d in run.documents if d.kind != "final_accounts"]
    run.documents.append(DocumentResult(path=r.file_name, file_name=r.file_name, format="pdf", kind="final_accounts", status="ok",
                                        records=[pub]))
    (rep,) = build_reports(run, load_config())
    assert [(p.label, p.rate, p.time_progress) for p in rep.periods][-1] == ("全年", D("100.00"), D("100.00"))
    text = "\n".join(b.text for b in build_sections(rep, None)[0].blocks if hasattr(b, "text"))
    assert ("据《南街街道办事处2024年度部门决算》，“支出合计”全年预算数1164.62万元，实际支出资金1164.62万元，"
            "预算执行率100.00%") in text


def test_unreadable_documents_are_listed_with_their_error(unscored_run) -> None:
    run = load_run(unscored_run)
    error = "文件“损坏的监控表.docx”无法读取：不是有效的 Word 文件"
    run.documents.append(DocumentResult(path="损坏的监控表.docx", file_name="损坏的监控表.docx", status="error", error=error))
    (r,) = build_reports(run, load_config())
    scope = build_sections(r, None)[2]
    table = next(b for b in scope.blocks if b.kind == "grid")
    assert table.caption == "表5 审阅资料（共8份）"  # the fixture's seven documents and the broken one
    assert table.rows[-1][1] == "损坏的监控表.docx" and table.rows[-1][4] == DocumentResult(
        path="x", file_name="x", status="error").status_label
    assert any(b.kind == "para" and b.text == f"损坏的监控表.docx：{error}" for b in scope.blocks)


def test_incomplete_card_gives_no_total(seed_run, tmp_path) -> None:
    card = seed_card()
    c1 = next(s for s in card.sub_indicators if s.code == "C1")
    c1.source, c1.score, c1.deductions = "missing", None, []
    card.dimensions[2].score = card.dimensions[2].rate = None
    card.total, card.grade, card.missing = None, None, ["C1"]
    (seed_run / "scores.json").write_text(json.dumps([card.model_dump(mode="json")], ensure_ascii=False), "utf-8")
    text = docx_text(render(seed_run, tmp_path, ("docx",))["docx"])
    assert "评分尚未完成：尚缺评估人员评分的指标C1" in text
    assert "评估得分" in text and "82.00" not in text and "评估等级为" not in text
    assert "待评估人员评分" in text  # C1's row in the sub-indicator table


def test_evidence_is_capped_and_cut() -> None:
    from reporting.content import evidence_note

    ev = [Evidence(role=f"指标值{i}", raw="甲" * 50 if i == 0 else f"值{i}", ref=_ref("目标表.pdf")) for i in range(7)]
    note = evidence_note(ev + ev[:2], 5)  # repeated evidence is counted once
    assert note.startswith("依据：指标值0：" + "甲" * 40 + "…（目标表.pdf")
    assert "指标值4：值4" in note and "指标值5" not in note and "等共7处" in note


# ------------------------------------------------------------------ the .docx format


def test_docx_format(seed_run, tmp_path) -> None:
    path = render(seed_run, tmp_path, ("docx",))["docx"]
    doc = Document(str(path))
    sec = doc.sections[0]
    assert abs(sec.page_width - Cm(21.0)) < Cm(0.01) and abs(sec.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(sec.top_margin - Cm(2.54)) < Cm(0.01) and abs(sec.left_margin - Cm(3.17)) < Cm(0.01)
    # the sections in the seed's order, as level-1 headings, after a cover with the title
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == section_titles()
    assert any(p.text == TITLE and p.style.name == "Title" for p in doc.paragraphs)
    # page numbers: a PAGE field in the footer, none on the cover
    footer = sec.footer._element.xml
    assert "PAGE" in "".join(t.text for t in sec.footer._element.iter(qn("w:instrText")))
    assert "fldChar" in footer and sec.different_first_page_header_footer
    # fonts: body 仿宋_GB2312 and headings 黑体 as East Asian fonts, sizes 四号 / 三号
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert doc.styles["Heading 1"].font.size.pt == 16 and doc.styles["Normal"].font.size.pt == 14
    # ruled tables with a repeated header row
    assert doc.tables and all(t.style.name == "Table Grid" for t in doc.tables)
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in doc.tables)
    # the chart, embedded as a picture
    assert len(doc.inline_shapes) == 1
    blobs = [rel.target_part.blob for rel in doc.part.rels.values() if "image" in rel.reltype]
    assert len(blobs) == 1 and blobs[0][:8] == b"\x89PNG\r\n\x1a\n"


def test_rubric_table_merges_each_dimension_over_its_sub_indicators(scored_run, tmp_path) -> None:
    (r,) = build_reports(load_run(scored_run), load_config())
    grid = build_sections(r, None)[-1].blocks[0]
    per_dim = {d.code: sum(s.dimension == d.code for s in r.card.sub_indicators) for d in r.card.dimensions}
    assert [n for n in (row[0] for row in grid.spans()) if n] == list(per_dim.values()) == [3, 2, 2, 2, 4]
    methods = {row[1].split()[0]: row[2] for row in grid.rows}
    assert methods["A1"] == "人工" and methods["A2"] == "自动"
    assert methods["E1"] == "自动"  # scored from the fixture's final accounts
    path = render(scored_run, tmp_path, ("docx",))["docx"]
    table = Document(str(path)).tables[-1]
    col = [table.cell(i, 0) for i in range(1, len(table.rows))]
    assert col[0]._tc is col[2]._tc and col[0]._tc is not col[3]._tc  # A spans A1–A3, B starts anew
    assert col[0].text == "A.目标设定质量（30分）"


# ------------------------------------------------------------------ the chart


def test_chart_text_is_set_in_the_bundled_cjk_font(unscored_run, tmp_path) -> None:
    import noto_cjk_sans_otc
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font
    from matplotlib.text import Text

    from reporting.chart import chart_figure, cjk_font, execution_chart

    bundled = Path(noto_cjk_sans_otc.FONT_PATH).resolve()
    found = font_manager.findfont(cjk_font(), fallback_to_default=False)
    assert Path(found).resolve() == bundled  # the project's font file, whatever the system has
    charmap = FT2Font(str(bundled)).get_charmap()
    assert all(ord(ch) in charmap for ch in "执行率（%）序时进度预算合计基本支出项目1-6月")
    (r,) = build_reports(load_run(unscored_run), load_config())
    lines = ["合计", "基本支出", "项目支出"]
    fig = chart_figure(r.periods, "预算执行率与序时进度", lines)
    fig.canvas.draw()
    texts = [t for t in fig.findobj(Text) if any(ord(ch) > 0x2000 for ch in t.get_text())]
    shown = "".join(t.get_text() for t in texts)
    for word in ("执行率", "序时进度", "项目支出", "1-6月"):
        assert word in shown, word
    for t in texts:  # every Chinese text of the chart resolves to the bundled font, with every glyph
        assert Path(font_manager.findfont(t.get_fontproperties())).resolve() == bundled, t.get_text()
        assert all(ord(ch) in charmap for ch in t.get_text() if not ch.isspace()), t.get_text()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns “Glyph … missing from font(s)”
        path = execution_chart(r.periods, tmp_path / "c.png", "预算执行率与序时进度", lines)
    assert path is not None and path.read_bytes()[:4] == b"\x89PNG"
    assert execution_chart([], tmp_path / "none.png", "t") is None


def test_chart_series_from_the_periods(unscored_run) -> None:
    from reporting.chart import chart_series

    (r,) = build_reports(load_run(unscored_run), load_config())
    labels, series, progress = chart_series(r.periods, ["合计", "基本支出", "项目支出", "其他资金"])
    rates = generator_rates()
    assert labels == ["1-6月", "1-9月", "全年"] and progress == [50.0, 75.0, 100.0]
    assert list(series) == ["合计", "基本支出", "项目支出"]  # a line no period has is left out
    year_rate = (final_accounts.TOTAL / final_accounts.INITIAL_BUDGET * 100).quantize(D("0.01"))
    assert series["合计"][2] == float(year_rate)  # the year: the final accounts' total only
    for name, values in series.items():
        assert [f"{v:.2f}%" for v in values[:2]] == [rates[(6, name)], rates[(9, name)]]
        assert name == "合计" or values[2] is None


# ------------------------------------------------------------------ HTML


def test_html_has_the_same_sections(seed_run, tmp_path) -> None:
    path = render(seed_run, tmp_path, ("html",))["html"]
    soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
    assert soup.title.string == TITLE
    assert [h.get_text() for h in soup.find_all("h2")] == section_titles()
    text = soup.get_text()
    for figure in ("1164.62", "35.29%", "82.00", "80.00%", "73.33%", "68.00%", *SEED_PROBLEMS):
        assert figure in text, figure
    img = soup.find("img")
    assert img is not None and img["src"].startswith("data:image/png;base64,")
    assert all(t.find("thead") is not None for t in soup.find_all("table"))
    rubric = soup.find_all("table")[-1]  # 八: each dimension spans its sub-indicators
    assert [(td.get_text(), td["rowspan"]) for td in rubric.find_all("td", rowspan=True)] == [
        (f"{c}.{n}（{p}分）", str(sum(code[0] == c for code, *_ in SEED_SUBS))) for c, n, p, _, _ in SEED_DIMS]
    css = soup.find("style").get_text()
    assert "@page" in css and "A4" in css and "@media print" in css


def test_html_escapes_text(seed_run, tmp_path) -> None:
    cards = json.loads((seed_run / "scores.json").read_text("utf-8"))
    cards[0]["problems"][0]["text"] = "<script>alert(1)</script>"
    (seed_run / "scores.json").write_text(json.dumps(cards, ensure_ascii=False), "utf-8")
    html = render(seed_run, tmp_path, ("html",))["html"].read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


# ------------------------------------------------------------------ run resolution, CLI


def test_find_run(scored_run, tmp_path) -> None:
    root = scored_run.parent
    assert find_run(scored_run.name, root, DOCUMENTS_JSON) == scored_run.resolve()
    assert find_run("latest", root, DOCUMENTS_JSON) == scored_run.resolve()
    assert find_run(str(scored_run), tmp_path, DOCUMENTS_JSON) == scored_run.resolve()
    assert find_run("nope", root, DOCUMENTS_JSON) is None
    assert parse_formats("html, DOCX,html") == ["html", "docx"]
    with pytest.raises(ReportError, match="不支持的报告格式“pdf”"):
        parse_formats("pdf")


def test_cli_report(scored_run, tmp_path, monkeypatch) -> None:
    from flows.cli import app

    monkeypatch.setenv("JIXIAO_OUTPUT", str(scored_run.parent))
    res = CliRunner().invoke(app, ["report", "latest", "--evaluator", "某评估公司"])
    assert res.exit_code == 0, res.output
    out = scored_run / "report"
    stem = f"{UNIT}2024年度绩效目标管理评估报告"
    assert (out / f"{stem}.docx").is_file() and (out / f"{stem}.html").is_file()
    assert "总分 82.00，等级 良" in res.output
    text = docx_text(out / f"{stem}.docx")
    assert "评估机构：某评估公司" in text
    config = load_config()
    config["title"] = "{unit}{year}年度绩效评估报告（试行模板）"
    (tmp_path / "report.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    res = CliRunner().invoke(app, ["report", str(scored_run), "--format", "html", "-o", str(tmp_path / "o"),
                                   "--config", str(tmp_path / "report.yaml")])
    assert res.exit_code == 0, res.output
    (html,) = (tmp_path / "o").glob("*.html")
    assert f"<title>{UNIT}2024年度绩效评估报告（试行模板）</title>" in html.read_text("utf-8")
    res = CliRunner().invoke(app, ["report", "nope"])
    assert res.exit_code == 1 and "找不到运行结果" in res.output


# ------------------------------------------------------------------ LibreOffice


def test_docx_renders_in_libreoffice(seed_run, tmp_path) -> None:
    soffice = need_program("soffice")
    import pdfplumber

    path = render(seed_run, tmp_path / "docx", ("docx",))["docx"]
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    with pdfplumber.open(tmp_path / f"{path.stem}.pdf") as pdf:
        assert len(pdf.pages) > 1
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "评估结论" in text and "1164.62" in text and "82.00" in text
