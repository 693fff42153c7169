"""NAR005 narrative_parts_exceed_whole: the parts the narrative states against the whole it states.

The figures are built by hand (as the narrative reader would record them), so the expected sums
come from these inputs, not from a parser. The 2024 social work department's real case
(21.07 + 21.07 > 21.07) is in test_narrative_real.py."""

from __future__ import annotations

from schemas.narrative import NarrativeFigure, NarrativeSentence
from tests.rules.narrative.builders import *  # noqa: F403 (the synthetic narratives and their helpers)

REF = SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=3)
SENTENCE = "本年度政府采购支出总额{whole}万元，其中：政府采购货物支出{goods}万元、政府采购工程支出{works}万元、政府采购服务支出{services}万元。"


def procurement(whole: str, goods: str, works: str, services: str) -> Publication:
    text = SENTENCE.format(whole=whole, goods=goods, works=works, services=services)
    figures = [NarrativeFigure(text=text, fragment=f"{subject}{raw}万元", value=amount(raw, REF, "万元"),
                               kind="amount", subject=subject, measure="决算", ref=REF)
               for subject, raw in (("政府采购", whole), ("货物采购", goods), ("工程采购", works),
                                    ("服务采购", services))]
    return Publication(unit=Attribute(value="测试局", raw="测试局"), year=2024,
                       year_attr=Attribute(value="2024", raw="2024"), kind="决算", narrative=figures,
                       narrative_sentences=[NarrativeSentence(text=text, ref=REF, pages=[3])],
                       file_name="t.pdf", file_sha256="0" * 64)


def test_nar005_parts_that_do_not_make_the_whole() -> None:
    # 50.00 + 30.00 + 25.00 = 105.00 against 100.00: 5.00 off, far beyond four half-units (0.02).
    found = run(procurement("100.00", "50.00", "30.00", "25.00"), "NAR005")
    assert [(f.subject.line, f.subject.column) for f in found] == [("情况说明/政府采购", "货物采购＋工程采购＋服务采购")]
    assert found[0].details["sum"] == "105.00" and found[0].details["whole"] == "100.00"
    assert "政府采购货物采购金额50.00万元＋工程采购金额30.00万元＋服务采购金额25.00万元" not in found[0].message
    assert "货物采购金额50.00万元＋工程采购金额30.00万元＋服务采购金额25.00万元之和为105.00万元" in found[0].message


def test_nar005_parts_within_rounding_of_the_whole_are_fine() -> None:
    # 50.00 + 30.00 + 20.01 = 100.01 against 100.00: within four half-units (0.02).
    assert run(procurement("100.00", "50.00", "30.00", "20.01"), "NAR005") == []
