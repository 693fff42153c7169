"""The `date_deadline` scoring kind (B1 编报及时性, D1 公开及时性) and the default rubric's use of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from schemas.final_accounts import Publication
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue
from schemas.targets import TargetTable
from scoring import load_rubric
from scoring.card import score_card
from scoring.evaluator import EvaluatorEntry, EvaluatorInputs
from scoring.methods import Context, date_deadline
from scoring.rubric import RulePart

UNIT = "南街街道办事处"
D = Decimal
BANDS = [{"min_days": 31, "deduct": 10}, {"min_days": 16, "deduct": 6}, {"min_days": 1, "deduct": 3}]


def ref(name: str, row: int = 30) -> SourceRef:
    return SourceRef(file_sha256="0" * 64, file_name=name, sheet="Sheet1", row=row, column=1).with_label()


def dated(value: date | None, name: str, label: str = "填报日期") -> DateValue | None:
    if value is None:
        return None
    return DateValue(value=value, raw=f"{label}：{value.year}年{value.month}月{value.day}日", label=label, ref=ref(name))


def target(filled: date | None, year: int = 2024, unit: str = UNIT, project: str = "") -> TargetTable:
    name = f"{unit}{year}年度{project}绩效目标表.xlsx"
    attr = Attribute(value=unit, raw=unit)
    return TargetTable(kind="unit", unit=attr, year=year, year_attr=Attribute(value=str(year), raw=str(year)),
                       amount_unit="万元", filled_date=dated(filled, name), file_name=name, file_sha256="0" * 64)


def publication(published: date | None, approved: date | None = None, kind: str = "预算",
                year: int = 2024) -> Publication:
    name = f"{UNIT}{year}年度部门{kind}.html"
    return Publication(unit=Attribute(value=UNIT, raw=UNIT), year=year,
                       year_attr=Attribute(value=str(year), raw=str(year)), kind=kind,
                       published_date=dated(published, name, "发布日期"),
                       approved_date=dated(approved, name, "批复日期"), file_name=name, file_sha256="0" * 64)


def b1(**extra) -> RulePart:
    params = dict(record_type="target_table", fields=["filled_date"], deadlines={2024: date(2024, 2, 29)},
                  bands=BANDS, reason="填报日期{date}，晚于{basis}{days}天，扣{deduct}分")
    return RulePart(kind="date_deadline", **{**params, **extra})


def ctx(*records, year: int = 2024) -> Context:
    return Context(UNIT, year, [], list(records))


def test_on_time_deducts_nothing_and_cites_the_date():
    result = date_deadline(b1(), ctx(target(date(2024, 2, 26))))
    assert result is not None and result.deduct == 0 and result.deduction is None
    assert "2024年2月26日" in result.note and "规定时限2024年2月29日" in result.note
    assert [(e.role, e.raw, e.ref.label) for e in result.evidence] == [
        ("绩效目标表（填报日期）", "填报日期：2024年2月26日", "Sheet1!A30")]


@pytest.mark.parametrize("filled, late, deduct", [
    (date(2024, 2, 29), 0, 0),  # on the deadline day
    (date(2024, 3, 1), 1, 3),
    (date(2024, 3, 15), 15, 3),
    (date(2024, 3, 16), 16, 6),
    (date(2024, 3, 30), 30, 6),
    (date(2024, 3, 31), 31, 10),
    (date(2024, 6, 1), 93, 10),
])
def test_days_late_fall_in_the_bands(filled, late, deduct):
    result = date_deadline(b1(), ctx(target(filled)))
    assert result.deduct == deduct
    if deduct:
        assert result.deduction.points == deduct
        assert result.deduction.reason == (f"填报日期{filled.year}年{filled.month}月{filled.day}日，"
                                           f"晚于规定时限2024年2月29日{late}天，扣{deduct}分")
        assert result.deduction.evidence[0].ref.file_name == f"{UNIT}2024年度绩效目标表.xlsx"


def test_the_latest_of_several_dated_tables_counts():
    result = date_deadline(b1(), ctx(target(date(2024, 2, 1)), target(date(2024, 3, 20), project="项目")))
    assert result.deduct == 6  # 2024-03-20 is 20 days late
    assert [e.raw for e in result.deduction.evidence] == ["填报日期：2024年2月1日", "填报日期：2024年3月20日"]


@pytest.mark.parametrize("records, year", [
    ([target(None)], 2024),  # the table carries no date
    ([], 2024),  # no target table
    ([target(date(2023, 2, 1), year=2023)], 2024),  # another year's table
    ([target(date(2023, 2, 1), year=2023)], 2023),  # no deadline configured for 2023
    ([target(date(2024, 2, 1), unit="北街街道办事处")], 2024),  # dates of another unit are not in ctx
])
def test_no_date_or_no_deadline_gives_none(records, year):
    c = Context(UNIT, year, [], [r for r in records if r.unit.value == UNIT])
    assert date_deadline(b1(), c) is None


def test_year_offset_scores_next_years_table():
    part = b1(year_offset=1, deadlines={2025: "2025-02-28"})
    assert date_deadline(part, ctx(target(date(2025, 3, 10), year=2025))).deduct == 3


D1 = dict(record_type="budget_publication", where={"kind": "预算"}, fields=["published_date"],
          relative_to={"record_type": "budget_publication", "where": {"kind": "预算"},
                       "fields": ["approved_date"], "days": 20, "label": "预算批复日期"},
          bands=[{"min_days": 31, "deduct": 5}, {"min_days": 11, "deduct": 3}, {"min_days": 1, "deduct": 1}])


def test_relative_deadline_from_the_approval_date():
    part = RulePart(kind="date_deadline", **D1)
    on_time = date_deadline(part, ctx(publication(date(2024, 1, 30), approved=date(2024, 1, 10))))
    assert on_time.deduct == 0 and "预算批复日期2024年1月10日后20日内" in on_time.note
    assert [e.role for e in on_time.evidence] == ["预算/决算公开文件（发布日期）", "预算批复日期（批复日期）"]
    late = date_deadline(part, ctx(publication(date(2024, 2, 14), approved=date(2024, 1, 10))))
    assert late.deduct == 3  # 35 days after approval: 15 days late
    # no approval date and no absolute deadline: the evaluator scores it
    assert date_deadline(part, ctx(publication(date(2024, 2, 14)))) is None
    # a 决算 publication is not the budget the targets are published with
    assert date_deadline(part, ctx(publication(date(2025, 9, 1), date(2025, 8, 1), kind="决算"))) is None


def test_absolute_deadline_when_no_approval_date():
    part = RulePart(kind="date_deadline", **{**D1, "deadlines": {2024: date(2024, 2, 15)}})
    assert date_deadline(part, ctx(publication(date(2024, 2, 20)))).deduct == 1


# ------------------------------------------------------------------ the default rubric


def test_default_rubric_scores_b1_and_d1_from_dates():
    rubric = load_rubric()
    for code, record_type in (("B1", "target_table"), ("D1", "budget_publication")):
        sub = rubric.sub_indicator(code)
        assert sub.method == "automatic"
        part = sub.rule.parts[0]
        assert part.kind == "date_deadline" and part.model_extra["record_type"] == record_type
    b1_part = rubric.sub_indicator("B1").rule.parts[0].model_extra
    assert b1_part["deadlines"][2024] == date(2024, 2, 29)
    assert rubric.sub_indicator("D1").rule.parts[0].model_extra["relative_to"]["days"] == 20


def _form(b1_score: str) -> EvaluatorInputs:
    entries = [EvaluatorEntry(code=code, score=D(points), reasoning="", evaluator="评估人", row="第1项")
               for code, points in (("B1", b1_score), ("D1", "5"))]
    return EvaluatorInputs(path="form.yaml", unit=UNIT, year=2024, entries=entries)


def test_a_card_takes_b1_from_the_date_and_falls_back_to_the_form():
    rubric = load_rubric()
    late = score_card(rubric, UNIT, 2024, [target(date(2024, 3, 20))], [], [_form("8")])
    b1 = next(s for s in late.sub_indicators if s.code == "B1")
    assert (b1.source, b1.score) == ("rule", D("4.00"))  # 20 days late → 6 points
    assert "晚于规定时限2024年2月29日20天，扣6分" in b1.explanation
    undated = score_card(rubric, UNIT, 2024, [target(None)], [], [_form("8")])
    b1 = next(s for s in undated.sub_indicators if s.code == "B1")
    assert (b1.source, b1.score) == ("evaluator", D("8.00"))
    d1 = next(s for s in undated.sub_indicators if s.code == "D1")
    assert (d1.source, d1.score) == ("evaluator", D("5.00"))


def test_a_bad_deadline_in_a_rubric_file_is_a_clear_error(tmp_path):
    import yaml

    from scoring.rubric import DEFAULT_RUBRIC, RubricError

    data = yaml.safe_load(DEFAULT_RUBRIC.read_text(encoding="utf-8"))
    part = data["dimensions"][1]["sub_indicators"][0]["rule"]["parts"][0]
    part["deadlines"] = {2024: "2月底"}
    del part["bands"][0]["min_days"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RubricError) as err:
        load_rubric(path)
    assert "评分标准文件“bad.yaml”有误" in str(err.value)
    assert "B1：date_deadline 的截止日期“2024: 2月底”应写作 年份: YYYY-MM-DD" in str(err.value)
    assert "B1：date_deadline 的扣分档（bands）每档应写 min_days 和 deduct" in str(err.value)
