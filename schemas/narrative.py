"""The narrative (情况说明) of a budget / final-accounts publication: its sentences and the figures
they state, each tied to what it describes so it can be checked against the tables."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from schemas.numbers import PrintedNumber
from schemas.provenance import SourceRef

# amount: a sum of money (万元); percent: a share (占X%) or a completion rate (完成预算的X%);
# change: an increase/decrease against the previous year, in 万元 or %; score: 平均得分X分.
FigureKind = Literal["amount", "percent", "change", "score"]
# What the figure measures of its subject. 占比: share of `base`; 完成率: 决算 ÷ the budget named
# by `base` (年初预算 / 全年预算 / 预算); 变动额 / 变动率: against the year named by `base`.
Measure = Literal["决算", "预算", "年初预算", "全年预算", "预算金额", "占比", "完成率", "变动额", "变动率",
                  "得分", "标准"]


class NarrativeSentence(BaseModel):
    """One sentence of the narrative (up to 。), rebuilt from its printed lines."""

    text: str  # whitespace removed, as printed otherwise
    section: str = ""  # the heading it stands under (“五、一般公共预算财政拨款支出决算情况说明”)
    ref: SourceRef  # page and bbox of its first line
    pages: list[int]


class NarrativeFigure(BaseModel):
    """A number the narrative states, what it is about and how it is worded.

    `subject` is canonical: 收入支出总计, 本年收入合计, 本年支出合计, 财政拨款收入, 基本支出, 项目支出,
    财政拨款收入支出总计, 一般公共预算财政拨款支出, 一般公共预算财政拨款基本支出, 人员经费, 公用经费,
    三公经费, 因公出国（境）费, 公务用车购置及运行费, 公务接待费, 机关运行经费, 政府采购 …, or a
    functional class by name with its `code` (一般公共服务支出, 201; 行政运行, 2010601). `label` is
    the subject as worded in the sentence.
    """

    text: str  # the sentence
    fragment: str  # the clause the number stands in, up to and including its unit
    value: PrintedNumber  # amounts in 万元, rates in percent points
    kind: FigureKind
    subject: str
    label: str = ""
    code: str | None = None  # classification code of a functional class / item
    measure: Measure
    base: str | None = None  # 占比: the whole; 完成率: the budget; 变动: the year compared with
    comparison: str | None = None  # 增加/减少/增长/下降/持平/大于/小于/基本持平, as worded
    compared_to: str | None = None  # what the comparison word compares with (预算, 年初预算, 上年)
    comparison_text: str | None = None  # the sentence carrying the comparison word
    comparison_ref: SourceRef | None = None
    section: str = ""
    ref: SourceRef  # the printed line holding the number (page, bbox)
