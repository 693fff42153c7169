"""Narrative (情况说明) figures: extraction from printed lines, and recall/precision against the
answer keys of the two real 2024 final accounts (tests/data/final_accounts/*.json, read by eye).

Each real PDF is extracted and parsed once per module.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extractors import extract
from extractors.kinds.final_accounts import parse
from extractors.narrative import narrative_blocks, paragraphs, read_narrative
from schemas.document import Document, Format, TextBlock
from schemas.final_accounts import Publication
from schemas.narrative import NarrativeFigure
from schemas.provenance import SourceRef
from builders import SHA, make_doc, make_table

FINANCE_2024 = "上海市普陀区财政局2024年度部门决算.pdf"
SOCIAL_2024 = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"
KEYS_DIR = Path(__file__).parent / "data" / "final_accounts"

# Recall reached on each key (matched key figures ÷ all key figures); precision must be 100 %.
MIN_RECALL = {FINANCE_2024: Decimal(1), SOCIAL_2024: Decimal(1)}


@cache
def _pub(path: str) -> Publication:
    return parse(extract(path))[0]


def pub(realdocs: Path, name: str) -> Publication:
    return _pub(str(realdocs / name))


def key(name: str) -> dict:
    return json.loads((KEYS_DIR / Path(name).with_suffix(".json").name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------- matching against the keys

_MEASURE_WORDS = ("年初预算", "全年预算", "比例", "增加额", "减少额", "增长率", "下降率", "得分", "预算金额", "门槛")


def about_fits(fig: NarrativeFigure, entry: dict) -> bool:
    """Does the key's free-text `about` describe what the extractor says the figure is? (The
    measure of a 预算金额 is in the key's printed fragment, not in its `about`.)"""
    text = entry["about"].replace(" ", "")
    names = {fig.subject, fig.label, fig.subject.removesuffix("项目"), fig.subject.removesuffix("采购")}
    if fig.code:
        names.add(fig.code)
    if not any(n and n in text for n in names):
        return False
    m = fig.measure
    if m in ("年初预算", "全年预算"):
        return m in text
    if m == "预算金额":
        return m in entry["text"]
    if m == "决算":
        return not any(w in text for w in _MEASURE_WORDS)
    if m == "占比":
        return "占" in text and "比例" in text
    if m == "完成率":
        return "完成" in text
    if m == "变动额":
        return "增加额" in text or "减少额" in text
    if m == "变动率":
        return "增长率" in text or "下降率" in text
    if m == "得分":
        return "得分" in text
    if m == "标准":
        return "门槛" in text
    return False


def match(figures: list[NarrativeFigure], entries: list[dict]) -> tuple[list[NarrativeFigure], set[int]]:
    """(figures no key entry accounts for, indices of the key entries matched), one-to-one."""
    used: set[int] = set()
    unmatched = []
    for fig in figures:
        unit = fig.value.printed_unit
        raw = fig.value.raw[: -len(unit)] if unit and fig.value.raw.endswith(unit) else fig.value.raw
        hit = next((i for i, e in enumerate(entries) if i not in used and e["page"] == fig.ref.page
                    and e["value"] == raw and e["unit"] == unit and e["text"] in fig.text
                    and about_fits(fig, e)), None)
        if hit is None:
            unmatched.append(fig)
        else:
            used.add(hit)
    return unmatched, used


@pytest.mark.parametrize("name", [FINANCE_2024, SOCIAL_2024])
def test_every_extracted_figure_is_in_the_key_and_recall_is_high(realdocs: Path, name: str) -> None:
    p = pub(realdocs, name)
    entries = key(name)["narrative_figures"]
    unmatched, used = match(p.narrative, entries)
    assert unmatched == [], [(f.ref.page, f.value.raw, f.subject, f.measure) for f in unmatched]
    recall = Decimal(len(used)) / Decimal(len(entries))
    assert recall >= MIN_RECALL[name], [e for i, e in enumerate(entries) if i not in used]


def _one(p: Publication, page: int, raw: str, measure: str | None = None) -> NarrativeFigure:
    hits = [f for f in p.narrative if f.ref.page == page and f.value.raw == raw
            and (measure is None or f.measure == measure)]
    assert len(hits) == 1, hits
    return hits[0]


def test_finance_bureau_figures_carry_subject_code_base_and_wording(realdocs: Path) -> None:
    p = pub(realdocs, FINANCE_2024)
    total = _one(p, 21, "0.3万元")  # p. 21 section 四
    assert (total.subject, total.measure, total.kind) == ("财政拨款收入支出总计", "决算", "amount")
    assert total.text == "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。"
    share = _one(p, 21, "71.73%")
    assert (share.subject, share.code, share.measure, share.base) == ("一般公共服务支出", "201", "占比", "一般公共预算财政拨款支出")
    other = _one(p, 21, "6.2万元")
    assert (other.subject, other.value.value, other.value.decimals) == ("其他收入", Decimal("6.2"), 1)
    item = _one(p, 22, "1511.89万元")  # 1、…行政运行（项）… 决算数小于预算数
    assert (item.subject, item.code, item.measure, item.comparison) == ("行政运行", "2010601", "决算", "小于")
    fall = _one(p, 21, "1.87%")
    assert (fall.kind, fall.measure, fall.comparison, fall.subject) == ("change", "变动率", "下降", "收入支出总计")
    cars = [f for f in p.narrative if f.subject == "公务用车购置及运行费"]
    assert [(f.measure, f.value.raw) for f in cars] == [("决算", "0.00万元"), ("完成率", "0%")]
    assert cars[0].label == "公务用车购置及运行维护费"
    # The bbox is the printed line holding the number (p. 21, the line starting “上海市普陀区财政局…”).
    assert total.ref.page == 21 and total.ref.bbox is not None and total.ref.bbox[1] > 400


def test_social_work_department_figures_across_lines_and_pages(realdocs: Path) -> None:
    p = pub(realdocs, SOCIAL_2024)
    # “…收入支出总计307.82” ends p. 17's line, “万元。” starts the next one.
    first = p.narrative[0]
    assert (first.subject, first.value.raw, first.ref.page) == ("收入支出总计", "307.82万元", 17)
    # “占本年支出合计的” ends p. 17, “100.00%” starts p. 18.
    share = next(f for f in p.narrative if f.measure == "占比" and f.ref.page == 18 and f.base == "本年支出合计")
    assert (share.subject, share.value.raw) == ("一般公共预算财政拨款支出", "100.00%")
    rate = _one(p, 18, "95.89%")
    assert (rate.measure, rate.base, rate.subject) == ("完成率", "年初预算", "一般公共预算财政拨款支出")
    spaced = _one(p, 18, "264.87万元")  # printed “264.87 万元”
    assert (spaced.subject, spaced.code) == ("一般公共服务支出", "201")


def test_template_states_no_figures_but_its_sentences_are_read(realdocs: Path) -> None:
    p = pub(realdocs, TEMPLATE)
    # Every figure is a placeholder (XXX万元) except the fixed 单价100万元 threshold (p. 21).
    assert p.template
    assert [(f.subject, f.measure, f.value.raw, f.ref.page) for f in p.narrative] == [("大型设备单价", "标准", "100万元", 21)]
    texts = [s.text for s in p.narrative_sentences]
    assert "上海市XX局2024年度收入支出总计XXX万元。" in texts
    assert not any("财政拨款收入：指" in t for t in texts)  # the glossary is not narrative


# ---------------------------------------------------------------- synthetic printed lines


def _block(text: str, page: int, x0: float, x1: float, top: float, order: int) -> TextBlock:
    ref = SourceRef(file_sha256="0" * 64, file_name="t.pdf", page=page, bbox=(x0, top, x1, top + 14))
    return TextBlock(text=text, ref=ref.with_label(), order=order)


def _doc(lines: list[tuple[int, float, float, str]]) -> Document:
    """(page, x0, x1, text) per printed line; no tables, so the narrative starts at 情况说明."""
    blocks = [_block(t, page, x0, x1, 100 + 20 * i, i + 1) for i, (page, x0, x1, t) in enumerate(lines)]
    return Document(path="t.pdf", file_name="t.pdf", file_sha256="0" * 64, format=Format.PDF, blocks=blocks)


def test_paragraphs_rejoin_numbers_printed_at_the_start_of_the_next_line_and_page() -> None:
    doc = _doc([
        (1, 96, 300, "一、收入支出决算总体情况说明"),
        (1, 96, 520, "本单位2024年度收入支出总计1,234.50"),
        (1, 72, 520, "万元。本年支出合计1234.50万元，其中：基本支出1000.00万元，占"),
        (2, 72, 300, "81.00%；项目支出234.50万元，占19.00%。"),
        (2, 96, 300, "二、名词解释"),
        (2, 96, 300, "基本支出：指为保障机构运转的支出9万元。"),
    ])
    blocks = narrative_blocks(doc)
    assert [b.text for b in blocks][-1] == "81.00%；项目支出234.50万元，占19.00%。"
    paras = paragraphs(blocks)
    assert [p.text for p in paras][1].startswith("本单位2024年度收入支出总计1,234.50万元。")
    figures, sentences = read_narrative(doc, [])
    got = [(f.subject, f.measure, f.value.value, f.base, f.ref.page) for f in figures]
    assert got == [
        ("收入支出总计", "决算", Decimal("1234.50"), None, 1),
        ("本年支出合计", "决算", Decimal("1234.50"), None, 1),
        ("基本支出", "决算", Decimal("1000.00"), None, 1),
        ("基本支出", "占比", Decimal("81.00"), "本年支出合计", 2),
        ("项目支出", "决算", Decimal("234.50"), None, 2),
        ("项目支出", "占比", Decimal("19.00"), "本年支出合计", 2),
    ]
    assert sentences[-1].pages == [1, 2] and sentences[-1].section == "一、收入支出决算总体情况说明"


def test_budget_wording_and_changes_are_attached_to_their_figures() -> None:
    doc = _doc([
        (1, 96, 300, "情况说明"),
        (1, 96, 300, "1、教育支出（类）普通教育（款）初中教育（项）。年初预算为10.00万元，支出决算为12.00万元。"),
        (1, 96, 300, "决算数大于预算数的主要原因：追加经费。"),
        (1, 96, 300, "机关运行经费支出50.00万元，比2023年度减少5.00万元，下降9.09%。"),
    ])
    figures, _ = read_narrative(doc, [])
    actual = next(f for f in figures if f.measure == "决算" and f.subject == "初中教育")
    assert (actual.comparison, actual.compared_to, actual.code) == ("大于", "预算", None)
    assert actual.comparison_text == "决算数大于预算数的主要原因：追加经费。"
    change = [(f.measure, f.comparison, f.compared_to) for f in figures if f.kind == "change"]
    assert change == [("变动额", "减少", "2023年度"), ("变动率", "下降", "2023年度")]


def test_a_share_after_a_subject_whose_amount_was_left_blank_is_that_subjects() -> None:
    # Found on the generated county publication: a template's blank amount (“其他收入万元”) made
    # its 占0.00% a share of 财政拨款收入, which NAR002 then called wrong.
    doc = _doc([
        (1, 96, 300, "情况说明"),
        (1, 96, 520, "本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100.00%；其他收入万元，占0.00%。"),
    ])
    figures, _ = read_narrative(doc, [])
    shares = [(f.subject, f.value.value, f.base) for f in figures if f.measure == "占比"]
    assert shares == [("财政拨款收入", Decimal("100.00"), "本年收入合计"),
                      ("其他收入", Decimal("0.00"), "本年收入合计")]


# ---------------------------------------------------------------- paragraphs, totals and classes

PDF = "测试局2024年度部门决算.pdf"


def _html_blocks(*texts: str, page: int | None = None) -> list[TextBlock]:
    """Paragraphs as the HTML and Word extractors give them: no position on the page."""
    return [TextBlock(text=t, ref=SourceRef(file_sha256=SHA, file_name="决算.html", page=page), order=100 + k)
            for k, t in enumerate(texts)]


def _narrative_doc(blocks: list[TextBlock]) -> Document:
    return Document(path="决算.html", file_name="决算.html", file_sha256=SHA, format=Format.HTML,
                    blocks=blocks, tables=[])


def test_paragraphs_without_positions_stay_apart_so_a_subject_does_not_carry_over() -> None:
    # An HTML page: each <p> is a paragraph. Before the fix they were one paragraph, and the
    # 553.06 of the next section was read as 项目支出.
    doc = _narrative_doc(_html_blocks(
        "部门决算情况说明",
        "三、支出决算情况说明",
        "2024年度本年支出合计558.06万元，其中：基本支出328.53万元，占58.87%；项目支出229.53万元，占41.13%。",
        "四、财政拨款收入支出决算总体情况说明",
        "2024年度财政拨款收、支总计553.06万元。"))
    assert [p.text for p in paragraphs(doc.blocks)][1] == "三、支出决算情况说明"
    figures, sentences = read_narrative(doc, [])
    last = figures[-1]
    assert (last.subject, last.measure, last.value.value) == ("财政拨款收入支出总计", "决算", Decimal("553.06"))
    assert sentences[-1].section == "四、财政拨款收入支出决算总体情况说明"


def test_shou_zhi_zongji_with_a_dun_comma_names_the_grand_total() -> None:
    doc = _narrative_doc(_html_blocks(
        "情况说明",
        "2024年度收、支总计734.46万元。与2023年度相比，收、支总计各增加36.18万元，增长5.18%。"))
    figures, _ = read_narrative(doc, [])
    got = [(f.subject, f.measure, f.value.value) for f in figures]
    assert got == [("收入支出总计", "决算", Decimal("734.46")), ("收入支出总计", "变动额", Decimal("36.18")),
                   ("收入支出总计", "变动率", Decimal("5.18"))]


def test_a_class_named_without_its_lei_marker_is_that_class_and_its_share_is_of_the_total() -> None:
    grid = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["", "合计", "100.00", "80.00", "20.00"],
        ["208", "社会保障和就业支出", "60.00", "60.00", ""],
        ["20805", "行政事业单位养老支出", "60.00", "60.00", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "60.00", "60.00", ""],
        ["213", "农林水支出", "40.00", "20.00", "20.00"],
        ["21303", "水利", "40.00", "20.00", "20.00"],
        ["2130301", "行政运行", "40.00", "20.00", "20.00"],
    ]
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, "一般公共预算财政拨款支出决算表"), (4, "单位：万元"),
              (6, "第三部分 情况说明"),
              (7, "2024年度一般公共预算财政拨款支出100.00万元。（二）结构情况。"
                  "社会保障和就业支出60.00万元，占60.00%；农林水支出40.00万元，占40.00%。"),
              (8, "社会保障和就业支出60.00万元，占60.00%；农林水支出40.00万元，占40.00%。")]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    for b in doc.blocks[-3:]:
        b.ref = b.ref.model_copy(update={"page": 3})
    figures = parse(doc)[0].narrative
    got = [(f.subject, f.code, f.measure, f.value.value, f.base) for f in figures]
    assert got == [
        ("一般公共预算财政拨款支出", None, "决算", Decimal("100.00"), None),
        ("社会保障和就业支出", "208", "决算", Decimal("60.00"), None),
        ("社会保障和就业支出", "208", "占比", Decimal("60.00"), "一般公共预算财政拨款支出"),
        ("农林水支出", "213", "决算", Decimal("40.00"), None),
        ("农林水支出", "213", "占比", Decimal("40.00"), "一般公共预算财政拨款支出"),
        # A paragraph of its own names no total: the shares get no base (never another class).
        ("社会保障和就业支出", "208", "决算", Decimal("60.00"), None),
        ("社会保障和就业支出", "208", "占比", Decimal("60.00"), None),
        ("农林水支出", "213", "决算", Decimal("40.00"), None),
        ("农林水支出", "213", "占比", Decimal("40.00"), None),
    ]


def test_a_narrative_starting_below_the_last_table_on_its_page_is_read_but_not_the_notes() -> None:
    grid = [["科目编码", "科目名称", "本年支出合计"], ["", "合计", "100.00"], ["208", "社会保障和就业支出", "100.00"]]
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, "支出决算表"), (4, "单位：万元"),
              (6, "注：本表反映部门本年度各项支出情况，合计100.00万元。"),
              (7, "第三部分 部门决算情况说明"),
              (8, "2024年度收、支总计100.00万元。")]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    for b in doc.blocks:
        b.ref = b.ref.model_copy(update={"page": 2})
    doc.tables[0].pages = [2]
    figures = parse(doc)[0].narrative
    assert [(f.subject, f.value.value) for f in figures] == [("收入支出总计", Decimal("100.00"))]


def test_an_item_numbered_with_a_full_stop_resolves_to_its_code() -> None:
    # “1.农林水支出（类）水利（款）行政运行（项）”: the “.” of the number is not part of the 类's name.
    grid = [
        ["科目编码", "科目名称", "合计"],
        ["", "合计", "40.00"],
        ["213", "农林水支出", "40.00"],
        ["21303", "水利", "40.00"],
        ["2130301", "行政运行", "40.00"],
    ]
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, "一般公共预算财政拨款支出决算表"), (4, "单位：万元"),
              (6, "第三部分 情况说明"),
              (7, "1.农林水支出（类）水利（款）行政运行（项）：年初预算为38.00万元，支出决算为40.00万元，"
                  "完成年初预算的105.26%。")]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    for b in doc.blocks[-2:]:
        b.ref = b.ref.model_copy(update={"page": 3})
    figures = parse(doc)[0].narrative
    assert [(f.subject, f.code, f.measure) for f in figures] == [
        ("行政运行", "2130301", "年初预算"), ("行政运行", "2130301", "决算"), ("行政运行", "2130301", "完成率")]
