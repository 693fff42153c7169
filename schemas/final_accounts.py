"""Records of a budget / final-accounts publication (部门预算 / 部门决算): the standard tables a
unit publishes (收入支出决算总表, 收入决算表 …, or 财务收支预算总表, 收入预算表 …), each read line by
line with every printed amount, and which of the expected tables are present, empty or missing."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from schemas.narrative import NarrativeFigure, NarrativeSentence
from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef
from schemas.records import Attribute, DateValue, TextValue, UnreadCell

TableStatus = Literal["present", "empty"]
ExpectedStatus = Literal["present", "empty", "missing"]
CodeLevel = Literal["类", "款", "项"]


class PublicationColumn(BaseModel):
    """One column of a table: its header as printed (header rows joined top-down with "/",
    whitespace removed) and what it holds."""

    header: str
    role: Literal["code", "name", "amount", "text"]
    column: int  # 1-based column of the document table
    side: int = 1  # 1-based side of a table printing independent code lists side by side


class PublicationLine(BaseModel):
    """One printed row (one side of a row when a table prints two code lists side by side).

    `code` is the classification code (科目编码), joined from 类/款/项 columns or read from one
    column; `level` is 类 (3 digits), 款 (5) or 项 (7). `values` are the amounts keyed by the
    column header as printed, normalised to 万元 (a blank cell is a `blank` zero). `texts` are
    the other non-empty cells (labels of a two-sided 总表, 采购组织形式 …) keyed the same way.
    """

    code: str | None = None
    level: CodeLevel | None = None
    parent: str | None = None  # the code of the enclosing 类 / 款
    name: str = ""  # 科目名称 or 项目 label
    # the label as a matching key: folded, without numbering, “其中：” or a unit in brackets
    # (“一、基本支出” → “基本支出”), by the parser's wording; rules compare line names by it
    key: str = ""
    values: dict[str, PrintedNumber] = Field(default_factory=dict)
    texts: dict[str, str] = Field(default_factory=dict)
    side: int = 1
    ref: SourceRef  # the first cell of the line


class PublicationTable(BaseModel):
    title: str  # as printed (lines of a split title joined)
    key: str  # canonical name, e.g. 收入支出决算总表, 一般公共预算支出功能分类预算表
    title_ref: SourceRef
    table: int  # index of the document table (the first part when continued)
    pages: list[int]
    status: TableStatus  # empty: no amount other than zero / blank
    empty_statement: TextValue | None = None  # 空表说明 (“本部门无…，故本表无数据”) printed with it
    amount_unit: Literal["元", "万元"]  # as printed (“单位：元”); values are in 万元 all the same
    amount_unit_ref: SourceRef | None = None  # where the unit was read, None when assumed
    columns: list[PublicationColumn] = Field(default_factory=list)
    lines: list[PublicationLine] = Field(default_factory=list)


class ExpectedTable(BaseModel):
    """A table the publication should contain (listed in its 目录, or in the standard set)."""

    key: str
    title: str  # as listed in the 目录, else the canonical name
    source: Literal["目录", "标准"]
    ref: SourceRef | None = None  # the 目录 entry
    status: ExpectedStatus
    table: int | None = None  # position in `Publication.tables` (0-based) when found


class LineExecution(BaseModel):
    """The year's execution of one line whose budget is known: 决算 ÷ 预算, for the scoring stage.

    From a table that prints a budget column beside 决算数 (the 三公 table; regions whose tables
    carry 年初预算数 / 全年预算数), or from the narrative's “年初预算为X万元，支出决算为Y万元”.
    """

    subject: str  # the line as named (行政运行, 公务接待费, 一般公共预算财政拨款支出 …)
    code: str | None = None  # functional classification code, when known
    budget_kind: Literal["年初预算", "全年预算", "预算"]
    budget: PrintedNumber
    actual: PrintedNumber
    rate: str | None = None  # percent, 2 decimals, ROUND_HALF_UP; None when the budget is zero
    stated_rate: PrintedNumber | None = None  # the rate the narrative states, if any
    source: Literal["table", "narrative"]
    text: str = ""  # the sentence, for narrative executions


class Publication(BaseModel):
    record_type: Literal["budget_publication"] = "budget_publication"
    unit: Attribute
    year: int | None  # None when neither the content nor the submission names it (year_attr.source "unknown")
    year_attr: Attribute
    kind: Literal["决算", "预算"]
    template: bool = False  # a blank template (XX placeholders, no figures): tables carry no lines
    tables: list[PublicationTable] = Field(default_factory=list)
    expected: list[ExpectedTable] = Field(default_factory=list)
    # The narrative (情况说明): the figures it states and its sentences (extractors/narrative.py).
    narrative: list[NarrativeFigure] = Field(default_factory=list)
    narrative_sentences: list[NarrativeSentence] = Field(default_factory=list)
    executions: list[LineExecution] = Field(default_factory=list)
    published_date: DateValue | None = None  # 公开日期 / 发布日期 / 发布时间 (a portal page)
    signed_date: DateValue | None = None  # the dated signature line (落款) of the 情况说明
    approved_date: DateValue | None = None  # 批复日期, when the publication states it
    # Amount cells that hold no readable figure (rule DOC002); left out of the JSON when none.
    unread_cells: list[UnreadCell] = Field(default_factory=list, exclude_if=lambda v: not v)
    file_name: str
    file_sha256: str

    def table(self, key: str) -> PublicationTable | None:
        return next((t for t in self.tables if t.key == key), None)
