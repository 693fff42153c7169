"""部门预算/决算 publications on hand-built documents: one test per mechanism of the parser."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractors.kinds import ParseError, best_kind
from extractors.kinds.final_accounts import detect, match_title, parse, title_text
from schemas.document import Cell, Document, Format, Table, TextBlock
from schemas.provenance import SourceRef
from builders import make_doc, make_table

SHA = "0" * 64
NAME = "测试局2024年度部门决算.pdf"


def _ref(**kw) -> SourceRef:
    return SourceRef(file_sha256=SHA, file_name=NAME, **kw)


class _Builder:
    """Blocks and tables in reading order. In a table, "<" repeats the cell on the left (a
    horizontal merge) and "^" the cell above (a vertical merge), as the PDF extractor does."""

    def __init__(self) -> None:
        self.blocks: list[TextBlock] = []
        self.tables: list[Table] = []
        self.order = 0

    def text(self, page: int, *lines: str) -> _Builder:
        for line in lines:
            self.order += 1
            self.blocks.append(TextBlock(text=line, ref=_ref(page=page), order=self.order))
        return self

    def table(self, page: int | list[int], rows: list[list[str]]) -> _Builder:
        self.order += 1
        index = len(self.tables) + 1
        pages = page if isinstance(page, list) else [page]
        grid: list[list[Cell]] = []
        for r, row in enumerate(rows, start=1):
            out: list[Cell] = []
            for c, text in enumerate(row, start=1):
                ref = _ref(page=pages[0], table=index, row=r, column=c)
                if text == "<":
                    left = out[-1]
                    origin = left.merged_from or (r, c - 1)
                    out[-1] = left.model_copy(update={"merged_from": origin})
                    out.append(Cell(text=left.text, ref=ref, merged_from=origin))
                elif text == "^":
                    up = grid[-1][c - 1]
                    origin = up.merged_from or (r - 1, c)
                    grid[-1][c - 1] = up.model_copy(update={"merged_from": origin})
                    out.append(Cell(text=up.text, ref=ref, merged_from=origin))
                else:
                    out.append(Cell(text=text, ref=ref))
            grid.append(out)
        self.tables.append(Table(index=index, rows=grid, pages=pages, order=self.order))
        return self

    def doc(self, name: str = NAME) -> Document:
        return Document(path=name, file_name=name, file_sha256=SHA, format=Format.PDF,
                        blocks=self.blocks, tables=self.tables)


def _cover(b: _Builder) -> _Builder:
    return b.text(1, "测试局", "2024年度部门决算")


INCOME_ROWS = [
    ["项目", "<", "<", "<", "本年收入合计", "财政拨款收入", "其他收入"],
    ["支出功能分类", "<", "<", "科目名称", "^", "^", "^"],
    ["科目编码", "<", "<", "^", "^", "^", "^"],
    ["类", "款", "项", "合计", "1,234.50", "1,200.00", "34.50"],
    ["201", "", "", "一般公共服务支出", "1,234.50", "1,200.00", "34.50"],
    ["201", "06", "", "财政事务", "1,234.50", "1,200.00", "34.50"],
    ["201", "06", "01", "行政运行", "1,000.00", "1,000.00", ""],
    ["201", "06", "02", "一般行政管理事务", "234.50", "200.00", "34.50"],
]


def test_titles_match_after_quotes_numbering_year_and_leaders_are_removed() -> None:
    assert match_title("收入支出决算总表").key == "收入支出决算总表"
    assert match_title("四、财政拨款收入支出决算总表").key == "财政拨款收入支出决算总表"
    assert match_title("财政拨款收支决算总表").key == "财政拨款收入支出决算总表"  # an older title
    assert match_title("七、财政拨款“三公”经费支出决算表").key == "财政拨款“三公”经费支出决算表"
    assert match_title("测试局2024年度一般公共预算财政拨款基本支出决算表").key == "一般公共预算财政拨款基本支出决算表"
    assert match_title("1. 2025年部门财务收支预算总表…………………………3").key == "财务收支预算总表"
    assert match_title("5．2025年部门一般公共预算支出功能分类预算表").key == "一般公共预算支出功能分类预算表"
    assert match_title("一般公共预算基本支出预算表（经济科目）").key == "一般公共预算基本支出部门预算经济分类预算表"
    assert match_title("财政拨款政府性基金支出预算表").key == "政府性基金预算支出功能分类预算表"
    assert match_title("2025年部门“三公”经费和机关运行经费预算表").key == "“三公”经费预算表"
    assert match_title("一般公共预算机关运行经费支出预算表").key == "机关运行经费预算表"
    assert match_title("2019年政府采购预算表").key == "政府采购预算表"
    assert title_text("2. 2025年部门收入预算总表……12") == "收入预算总表"
    # A narrative heading or a sentence naming a table is no title.
    assert match_title("五、一般公共预算财政拨款支出决算情况说明") is None
    assert match_title("本部门无政府性基金收支，详见政府性基金预算财政拨款收入支出决算表") is None
    assert match_title("一般公共预算财政拨款项目支出决算表") is None


def test_three_code_columns_are_joined_and_the_header_words_on_the_total_row_are_lifted() -> None:
    b = _cover(_Builder()).text(2, "收入决算表", "单位：万元").table(2, INCOME_ROWS)
    pub = parse(b.doc())[0]
    t = pub.table("收入决算表")
    assert t is not None and t.status == "present" and t.amount_unit == "万元"
    assert [c.role for c in t.columns] == ["code", "code", "code", "name", "amount", "amount", "amount"]
    assert t.columns[0].header == "项目/支出功能分类/科目编码/类"
    assert t.columns[4].header == "本年收入合计"
    total, cls, kuan, xiang = t.lines[0], t.lines[1], t.lines[2], t.lines[3]
    assert (total.code, total.name, total.values["本年收入合计"].value) == (None, "合计", Decimal("1234.50"))
    assert (cls.code, cls.level, cls.parent) == ("201", "类", None)
    assert (kuan.code, kuan.level, kuan.parent) == ("20106", "款", "201")
    assert (xiang.code, xiang.level, xiang.parent, xiang.name) == ("2010601", "项", "20106", "行政运行")
    assert xiang.values["其他收入"].blank and xiang.values["其他收入"].value == 0
    assert xiang.values["财政拨款收入"].ref.label == "表1 第7行第6列" or xiang.values["财政拨款收入"].ref.row == 7
    # Codes are never amounts.
    assert all(k.startswith(("本年", "财政", "其他")) for ln in t.lines for k in ln.values)


def test_one_seven_digit_code_column_gives_levels_and_parents() -> None:
    rows = [
        ["项目", "<", "合计", "基本支出", "项目支出"],
        ["功能分类科目编码", "科目名称", "^", "^", "^"],
        ["2013901", "行政运行", "51.32", "51.32", ""],
        ["20139", "社会工作事务", "51.32", "51.32", ""],
        ["201", "一般公共服务支出", "51.32", "51.32", ""],
        ["合计", "<", "51.32", "51.32", ""],
    ]
    pub = parse(_cover(_Builder()).text(3, "一般公共预算财政拨款支出决算表", "单位：万元").table(3, rows).doc())[0]
    t = pub.tables[0]
    assert t.key == "一般公共预算财政拨款支出决算表"
    assert [(ln.code, ln.level, ln.parent) for ln in t.lines] == [
        ("2013901", "项", "20139"), ("20139", "款", "201"), ("201", "类", None), (None, None, None)]
    assert t.lines[-1].name == "合计"
    assert set(t.lines[0].values) == {"合计", "基本支出", "项目支出"}


def test_a_two_sided_total_table_keeps_one_line_per_row_with_both_sides() -> None:
    rows = [
        ["收入", "<", "支出", "<"],
        ["项目", "决算数", "项目", "决算数"],
        ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"],
        ["", "", "二、住房保障支出", "833.39"],
        ["本年收入合计", "2,940.05", "本年支出合计", "2,940.05"],
        ["总计", "2,940.05", "总计", "2,940.05"],
    ]
    t = parse(_cover(_Builder()).text(2, "收入支出决算总表", "单位：万元").table(2, rows).doc())[0].tables[0]
    assert [c.header for c in t.columns] == ["收入/项目", "收入/决算数", "支出/项目", "支出/决算数"]
    assert len(t.lines) == 4
    first = t.lines[0]
    assert first.name == "一、一般公共预算财政拨款收入"
    assert first.texts == {"收入/项目": "一、一般公共预算财政拨款收入", "支出/项目": "一、一般公共服务支出"}
    assert first.values["收入/决算数"].value == Decimal("2940.05")
    assert first.values["支出/决算数"].value == Decimal("2106.66")
    second = t.lines[1]
    assert second.name == "二、住房保障支出" and second.values["收入/决算数"].blank
    assert t.lines[2].texts["支出/项目"] == "本年支出合计"


def test_two_code_lists_side_by_side_become_two_sides() -> None:
    rows = [
        ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "95.36", "302", "商品和服务支出", "10.23"],
        ["30101", "基本工资", "14.12", "30201", "办公费", "3.78"],
        ["", "", "", "30299", "其他商品和服务支出", "6.45"],
        ["人员经费合计", "<", "95.36", "公用经费合计", "<", "10.23"],
    ]
    t = parse(_cover(_Builder()).text(4, "一般公共预算财政拨款基本支出决算表", "单位：万元")
              .table(4, rows).doc())[0].tables[0]
    assert [c.side for c in t.columns] == [1, 1, 1, 2, 2, 2]
    left = [(ln.code, ln.name, ln.values["决算数"].printed) for ln in t.lines if ln.side == 1]
    right = [(ln.code, ln.name, ln.values["决算数"].printed) for ln in t.lines if ln.side == 2]
    assert left == [("301", "工资福利支出", Decimal("95.36")), ("30101", "基本工资", Decimal("14.12")),
                    (None, "人员经费合计", Decimal("95.36"))]
    assert right[-1] == (None, "公用经费合计", Decimal("10.23"))
    assert [ln.code for ln in t.lines if ln.side == 2][:3] == ["302", "30201", "30299"]


def test_a_table_in_yuan_is_normalised_to_wanyuan_and_keeps_the_printed_unit() -> None:
    rows = [
        ["项目", "<", "<", "<", "支出预算", "<", "<"],
        ["功能分类科目编码", "<", "<", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "^", "^", "^", "^"],
        ["201", "06", "01", "行政运行", "16,231,840.80", "16,093,326.00", "138,514.80"],
        ["合计", "<", "<", "<", "31,214,205.80", "25,121,091.00", "6,093,114.80"],
    ]
    b = (_Builder().text(1, "上海市普陀区2025年区级部门预算", "预算主管部门：测试局")
         .text(5, "2025年部门支出预算总表", "编制部门：测试局", "单位：元").table(5, rows))
    pub = parse(b.doc("测试局部门25年预算.pdf"))[0]
    assert (pub.kind, pub.year, pub.unit.value) == ("预算", 2025, "测试局")
    t = pub.tables[0]
    assert t.key == "支出预算表" and t.amount_unit == "元" and t.amount_unit_ref is not None
    v = t.lines[0].values["支出预算/合计"]
    assert v.value == Decimal("1623.18408") and v.printed == Decimal("16231840.80") and v.printed_unit == "元"
    assert t.lines[0].code == "2010601"
    assert t.lines[1].values["支出预算/项目支出"].value == Decimal("609.31148")


def test_an_empty_table_carries_its_statement_and_a_template_instruction_is_none() -> None:
    rows = [
        ["项目", "<", "年初结转和结余", "本年收入", "本年支出", "<", "<", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "^", "^", "^", "^", "^", "^"],
        ["合计", "<", "", "", "合计", "基本支出", "项目支出", ""],
        ["", "", "", "", "", "", "", ""],
    ]
    b = (_cover(_Builder()).text(6, "政府性基金预算财政拨款收入支出决算表", "单位：万元").table(6, rows)
         .text(6, "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
               "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：",
               "说明：测试局本年度没有政府性基金预算财政拨款收入和支出，故本表无",
               "数据。"))
    t = parse(b.doc())[0].tables[0]
    assert t.status == "empty"
    assert t.empty_statement is not None
    assert t.empty_statement.text == "测试局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"
    assert t.empty_statement.ref.page == 6
    # 合计 | 基本支出 | 项目支出 printed on the 合计 row belong to the 本年支出 header.
    assert [c.header for c in t.columns][4:7] == ["本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"]
    assert t.lines == []  # the 合计 row of an empty table states nothing


def test_a_split_title_with_its_year_and_quotes_on_lines_of_their_own_is_found() -> None:
    rows = [
        ["合计", "因公出国（境）费", "公务接待费"],
        ["0.95", "", "0.95"],
    ]
    b = _cover(_Builder()).text(7, "财政拨款三公经费", "“”", "支出决算表", "单位：万元").table(7, rows)
    t = parse(b.doc())[0].tables[0]
    assert t.key == "财政拨款“三公”经费支出决算表"
    assert t.title == "财政拨款三公经费 “” 支出决算表"
    assert t.lines[0].values["公务接待费"].value == Decimal("0.95")


def test_a_table_number_on_its_own_line_above_the_title_is_not_part_of_the_title() -> None:
    # Found on the generated 宁川市生态环境局 publication: “表3” above “支出决算表” was read as
    # the title “表3 支出决算表”.
    head = [["项目", "<", "合计"], ["功能分类科目编码", "科目名称", "^"]]
    b = (_cover(_Builder()).text(8, "表3", "支出决算表", "单位：万元")
         .table(8, head + [["201", "一般公共服务支出", "10.00"], ["合计", "<", "10.00"]])
         .text(9, "附表4：", "一般公共预算财政拨款", "支出决算表", "单位：万元")
         .table(9, head + [["201", "一般公共服务支出", "10.00"], ["合计", "<", "10.00"]]))
    tables = parse(b.doc())[0].tables
    assert [(t.key, t.title) for t in tables] == [
        ("支出决算表", "支出决算表"), ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表")]


def test_a_continuation_the_extractor_did_not_join_is_appended_without_its_repeated_header() -> None:
    head = [["项目", "<", "合计"], ["功能分类科目编码", "科目名称", "^"]]
    b = (_cover(_Builder()).text(8, "支出决算表", "单位：万元")
         .table(8, head + [["201", "一般公共服务支出", "10.00"]])
         .text(9, "- 9 -")
         .table(9, head + [["221", "住房保障支出", "5.00"], ["合计", "<", "15.00"]]))
    t = parse(b.doc())[0].tables[0]
    assert t.pages == [8, 9]
    assert [ln.code for ln in t.lines] == ["201", "221", None]
    assert t.lines[1].ref.page == 9


def test_the_table_of_contents_lists_the_expected_tables_and_a_missing_one_is_reported() -> None:
    b = (_cover(_Builder()).text(2, "目录", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表")
         .text(3, "收入决算表", "单位：万元").table(3, INCOME_ROWS))
    pub = parse(b.doc())[0]
    listed = [(e.key, e.source, e.status) for e in pub.expected if e.source == "目录"]
    assert listed == [("收入支出决算总表", "目录", "missing"), ("收入决算表", "目录", "present"),
                      ("支出决算表", "目录", "missing")]
    # The standard Shanghai set is expected as well: 三公, 政府性基金 … are missing here.
    std = {e.key: e.status for e in pub.expected if e.source == "标准"}
    assert std["财政拨款“三公”经费支出决算表"] == "missing"
    assert pub.expected[1].table == 0 and pub.expected[0].table is None


def test_a_template_is_flagged_and_its_placeholder_rows_are_not_read_as_lines() -> None:
    rows = [
        ["项目", "<", "本年收入合计"],
        ["功能分类科目编码", "科目名称", "^"],
        ["合计", "<", ""],
        ["205", "教育支出", ""],
        ["…", "…", "XX"],
    ]
    b = (_Builder().text(1, "上海市XX局", "2024年度部门决算").text(2, "收入决算表", "单位：万元").table(2, rows)
         .text(3, "上海市XX局2024年度收入支出总计XXX万元。"))
    pub = parse(b.doc())[0]
    assert pub.template is True
    assert pub.unit.value == "上海市XX局"
    assert pub.tables[0].key == "收入决算表" and pub.tables[0].lines == []


def test_detector_is_high_with_titled_tables_and_low_without() -> None:
    doc = _cover(_Builder()).text(2, "收入决算表", "单位：万元").table(2, INCOME_ROWS).doc()
    assert detect(doc) >= 0.5
    kind, _ = best_kind(doc)
    assert kind.name == "final_accounts"
    words_only = _Builder().text(1, "关于2024年度部门预算执行情况的说明", "全年预算数 1,000.00 万元").doc()
    assert detect(words_only) < 0.5


def test_no_title_and_no_table_of_contents_is_a_chinese_parse_error() -> None:
    doc = _Builder().text(1, "测试局").table(1, [["序号", "单位名称"], ["1", "测试局"]]).doc()
    with pytest.raises(ParseError) as err:
        parse(doc)
    assert "未找到部门预算/决算表的标题" in str(err.value)


# ---------------------------------------------------------------- notes rows and empty statements

PDF = "测试局2024年度部门决算.pdf"


def _publication(grid: list[list[str]], title: str, *after: str):
    blocks = [(1, "测试局"), (2, "2024年度部门决算"), (3, title), (4, "单位：万元")]
    blocks += [(6 + k, t) for k, t in enumerate(after)]
    doc = make_doc([make_table(grid, order=5, file_name=PDF, page=2)], blocks, file_name=PDF, fmt=Format.PDF)
    return parse(doc)[0].tables[0]


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


# ---------------------------------------------------------------- 部门预算 table titles


@pytest.mark.parametrize(("printed", "key"), [
    ("五、一般公共预算支出表", "一般公共预算支出功能分类预算表"),
    ("一般公共预算基本支出表", "一般公共预算基本支出部门预算经济分类预算表"),
    ("一般公共预算“三公”经费支出表", "“三公”经费预算表"),
    ("政府性基金预算支出表", "政府性基金预算支出功能分类预算表"),
    ("9.国有资本经营预算支出表", "国有资本经营预算支出功能分类预算表"),
    ("某区卫生健康局一般公共预算支出表", "一般公共预算支出功能分类预算表"),
])
def test_budget_table_titles_without_预算_before_表_are_recognised(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "预算")


@pytest.mark.parametrize(("printed", "key"), [
    ("一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
    ("财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
    ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表"),
])
def test_final_accounts_titles_still_match_their_own_keys(printed: str, key: str) -> None:
    title = match_title(printed)
    assert title is not None and (title.key, title.kind) == (key, "决算")


def test_a_sentence_naming_a_budget_table_is_no_title() -> None:
    assert match_title("详见一般公共预算支出表，本年无变化。") is None
