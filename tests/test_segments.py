"""A file is not a kind: publications with annexed target forms, one form per sheet, unread parts.

Expected values: the real Putuo 2025 budget read by eye (pages 23–24: 项目经费情况说明 with three
budget items and the goal text); the generated target forms' answer keys in fixtures/expected
(the generator's inputs) for a publication PDF with two target forms appended.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from runs.process import process_document
from tests.conftest import REALDOCS, need

ROOT = Path(__file__).resolve().parents[1]
PUBLICATION = ROOT / "fixtures/publications/上海市普陀区档案馆2024年度部门决算.pdf"
FORMS = [ROOT / "fixtures/targets/西山镇人民政府2024年度部门整体支出绩效目标表.pdf",
         ROOT / "fixtures/targets/青河县教育局2024年度部门整体支出绩效目标表.pdf"]


def _expected(form: Path) -> dict:
    return json.loads((ROOT / "fixtures/expected/targets" / f"{form.name}.json").read_text("utf-8"))["tables"][0]


def _concatenate(paths: list[Path], out: Path) -> list[int]:
    """One PDF of the given files in order; returns the first page (1-based) of each."""
    merged = pdfium.PdfDocument.new()
    starts = []
    for p in paths:
        src = pdfium.PdfDocument(str(p))
        starts.append(len(merged) + 1)
        merged.import_pages(src)
        src.close()
    merged.save(str(out))
    merged.close()
    return starts


def test_publication_with_annexed_target_forms_yields_every_record(tmp_path):
    path = tmp_path / "档案馆2024年度部门决算（附绩效目标表）.pdf"
    starts = _concatenate([PUBLICATION, *FORMS], path)
    result = process_document(path, tmp_path)
    assert result.status == "ok", result.error
    kinds = [r.record_type for r in result.records]
    assert kinds.count("budget_publication") == 1 and kinds.count("target_table") == 2
    segs = [(s.kind, s.pages[0]) for s in result.segments if s.kind]
    assert ("final_accounts", 1) in segs
    assert [p for k, p in segs if k == "targets"] == [starts[1]] or sorted(p for k, p in segs if k == "targets") == starts[1:]
    tables = [r for r in result.records if r.record_type == "target_table"]
    for form, table in zip(FORMS, sorted(tables, key=lambda t: t.indicators[0].ref.page)):
        exp = _expected(form)
        assert table.unit.value == exp["unit"] and table.year == exp["year"]
        assert table.budget_total.value == Decimal(exp["budget_total"])
        assert [i.level3 for i in table.indicators] == [i["level3"] for i in exp["indicators"]]
        assert [i.value.raw for i in table.indicators] == [i["value"] for i in exp["indicators"]]
    # the publication is read as it is read alone: the forms' pages took nothing from it
    alone = process_document(PUBLICATION, PUBLICATION.parent).records[0]
    pub = next(r for r in result.records if r.record_type == "budget_publication")
    assert [(t.key, len(t.lines)) for t in pub.tables] == [(t.key, len(t.lines)) for t in alone.tables]


def test_kinds_equally_sure_of_the_file_are_decided_by_its_pages_not_by_import_order(tmp_path, monkeypatch):
    """The publication and the target kind both score the merged file 1.0; the publication claims
    15 of its 18 pages, so it is the file's own kind whichever kind was registered first."""
    from extractors import kinds

    path = tmp_path / "档案馆2024年度部门决算（附绩效目标表）.pdf"
    _concatenate([PUBLICATION, *FORMS], path)
    kinds.all_kinds()  # load every kind, then register them in the reverse order
    monkeypatch.setattr(kinds, "_REGISTRY", dict(reversed(list(kinds._REGISTRY.items()))))
    result = process_document(path, tmp_path)
    assert result.status == "ok", result.error
    assert result.kind == "final_accounts"
    assert [r.record_type for r in result.records].count("target_table") == 2


def test_real_budget_publication_keeps_its_project_statement():
    path = REALDOCS / "上海市普陀区财政局部门25年预算.pdf"
    need(path.exists(), str(path))
    result = process_document(path, path.parent)
    assert result.status == "ok"
    by_kind = {s.kind: s for s in result.segments}
    assert by_kind["project_statement"].pages == [23, 24]
    assert max(by_kind["final_accounts"].pages) == 22
    (stmt,) = [r for r in result.records if r.record_type == "target_table"]
    # read by eye, page 24: 六、年度预算安排 — 信息化系统日常维护费166.66万元，中介机构服务费418.80万元，财政业务费10万元。
    assert [(t.name, t.amount.printed) for t in stmt.tasks] == [
        ("信息化系统日常维护费", Decimal("166.66")), ("中介机构服务费", Decimal("418.80")), ("财政业务费", Decimal("10"))]
    assert stmt.goal_text.text.startswith("通过委托社会中介机构参与会计服务") and stmt.goal_text.text.endswith("财政管理职责。")
    assert stmt.indicators == [] and stmt.indicators_note.text == "详见单位的项目绩效目标表"
    # the statement prints no unit or year: the publication's cover does (page 1)
    assert stmt.unit.value == "上海市普陀区财政局" and stmt.unit.source == "content" and stmt.year == 2025


def test_workbook_of_forms_is_one_record_per_sheet_without_leaks():
    folder = REALDOCS / "shenzhen-targets"
    path = folder / "二级项目支出绩效目标申报表 (3).xlsx"
    need(path.exists(), str(path))
    result = process_document(path, folder)
    assert len(result.segments) == 20 and all(s.status == "ok" and s.records == 1 for s in result.segments)
    # no year is printed on these forms, and a policy citing 《…2022年度…》 or “2013年” gives none
    assert {r.year for r in result.records} == {None}
    assert {r.year_attr.source for r in result.records} == {"unknown"}


def test_a_tie_goes_to_the_kind_most_parts_claim():
    from types import SimpleNamespace

    from extractors import segments

    first, second = SimpleNamespace(name="a_first"), SimpleNamespace(name="b_second")
    parts = [(first, 0.9), (second, 0.9), (second, 0.9)]  # each part's surest kind: part 0 the first, 1 and 2 the second
    assert segments._break_tie([(first, 1.0), (second, 1.0)], parts, (first, 1.0)) == (second, 1.0)
    # no tie: the surer kind stays, whatever the parts say
    assert segments._break_tie([(first, 1.0), (second, 0.8)], parts, (first, 1.0)) == (first, 1.0)
