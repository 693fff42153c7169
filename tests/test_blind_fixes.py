"""Fixes found by the blind test (fixtures/blind/RESULTS.md), one mechanism per test, on
hand-built documents."""

from __future__ import annotations

from decimal import Decimal

from builders import SHA, make_doc, make_table

from extractors.kinds.final_accounts import parse as parse_publication
from extractors.narrative import paragraphs, read_narrative
from schemas.document import Document, Format, TextBlock
from schemas.provenance import SourceRef

PDF = "测试局2024年度部门决算.pdf"


def _publication(grid: list[list[str]], title: str, *after: str):
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, title), (4, "单位：万元")]
    blocks += [(6 + k, t) for k, t in enumerate(after)]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    return parse_publication(doc)[0].tables[0]


def test_an_empty_statement_printed_as_the_tables_notes_row_is_read() -> None:
    grid = [
        ["科目编码", "科目名称", "本年支出", "<", "<"],
        ["^", "^", "合计", "基本支出", "项目支出"],
        ["", "", "", "", ""],
        ["注：本部门2024年度无国有资本经营预算财政拨款收入及支出，故本表无数据。", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "国有资本经营预算财政拨款收入支出决算表")
    assert t.status == "empty"
    assert t.empty_statement is not None
    assert t.empty_statement.text == "本部门2024年度无国有资本经营预算财政拨款收入及支出，故本表无数据。"
    assert t.empty_statement.ref.row == 4
    assert t.lines == []


def test_a_notes_row_that_is_no_statement_leaves_an_empty_table_unexplained() -> None:
    grid = [
        ["科目编码", "科目名称", "本年支出", "<", "<"],
        ["^", "^", "合计", "基本支出", "项目支出"],
        ["", "", "", "", ""],
        ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "国有资本经营预算财政拨款收入支出决算表")
    assert t.status == "empty" and t.empty_statement is None


def test_a_notes_row_does_not_make_an_amount_column_a_name_column() -> None:
    # 三公 table of one data row and no label column: the first cell is 预算数/合计, not a name.
    grid = [
        ["预算数", "<", "<", "决算数", "<", "<"],
        ["合计", "因公出国（境）费", "公务接待费", "合计", "因公出国（境）费", "公务接待费"],
        ["7.50", "0.00", "7.50", "6.68", "0.00", "6.68"],
        ["注：本表反映部门本年度“三公”经费支出预算和决算情况。", "<", "<", "<", "<", "<"],
    ]
    t = _publication(grid, "一般公共预算财政拨款“三公”经费支出决算表")
    assert len(t.lines) == 1
    line = t.lines[0]
    assert line.name == ""
    assert line.values["预算数/合计"].value == Decimal("7.50")
    assert line.values["决算数/公务接待费"].value == Decimal("6.68")


# ---------------------------------------------------------------- 情况说明 (narrative)

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
    figures = parse_publication(doc)[0].narrative
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
    figures = parse_publication(doc)[0].narrative
    assert [(f.subject, f.value.value) for f in figures] == [("收入支出总计", Decimal("100.00"))]


# ---------------------------------------------------------------- 监控报告 (narrative report)

def test_an_addition_after_a_budget_amount_does_not_take_its_measure() -> None:
    # The blind monitoring report: “（年初预算968.40万元，年中追加…资金24.60万元）” made 24.60 a
    # 年初预算 of 合计, and RPT002 called it different from the table's 968.40.
    from test_narrative_report_parser import figures, report

    rep = report("二、预算执行情况", "2024年全年预算数993.00万元（年初预算968.40万元，年中追加社区微更新工程资金24.60万元），"
                 "截至6月30日累计执行497.18万元，执行率50.07%。")
    assert figures(rep) == [
        ("合计", "全年预算", Decimal("993.00"), False), ("合计", "年初预算", Decimal("968.40"), False),
        ("合计", "执行数", Decimal("497.18"), False), ("合计", "执行率", Decimal("50.07"), False)]


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
    figures = parse_publication(doc)[0].narrative
    assert [(f.subject, f.code, f.measure) for f in figures] == [
        ("行政运行", "2130301", "年初预算"), ("行政运行", "2130301", "决算"), ("行政运行", "2130301", "完成率")]


def test_a_self_evaluation_reports_table_row_yearly_funds_total_is_the_whole_unit() -> None:
    # Round 2 of the blind test: a 自评报告's budget table names its total “年度资金总额”.
    from test_narrative_report_parser import INTRO

    from extractors.kinds.narrative_report import parse as parse_report

    title = "测试镇人民政府2024年度部门整体支出绩效自评报告"
    grid = [["项目", "全年预算数", "全年执行数", "执行率"],
            ["年度资金总额", "1,124.30", "1,062.85", "94.53%"],
            ["项目支出", "375.70", "314.25", "83.64%"]]
    doc = make_doc([make_table(grid, order=4, file_name=f"{title}.docx")], file_name=f"{title}.docx", fmt=Format.DOCX)
    doc.blocks = [TextBlock(text=t, order=i, ref=SourceRef(file_sha256=SHA, file_name=doc.file_name, label=f"第{i}段"))
                  for i, t in enumerate([title, INTRO, "二、预算执行情况"], start=1)]
    rep = parse_report(doc)[0]
    assert [(f.line, f.measure, f.value.value) for f in rep.figures] == [
        ("合计", "全年预算", Decimal("1124.30")), ("合计", "执行数", Decimal("1062.85")), ("合计", "执行率", Decimal("94.53")),
        ("项目支出", "全年预算", Decimal("375.70")), ("项目支出", "执行数", Decimal("314.25")),
        ("项目支出", "执行率", Decimal("83.64"))]
