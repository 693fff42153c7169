"""Generate nanjie-2024's 2024 final accounts (部门决算) and its expected records.

Writes fixtures/nanjie-2024/南街街道办事处2024年度部门决算.pdf (a Word document rendered to PDF by
LibreOffice, as units publish it: a cover, the nine Shanghai-style tables, a 情况说明) and
fixtures/expected/nanjie-2024/南街街道办事处2024年度部门决算.pdf.json (what a reader finds in it,
computed here from the same inputs, never from the parser).

Figures (the unit's 2024 budget as its target and monitoring tables state it, tools/fixturegen/data.py):
本年收入 = 财政拨款 1164.62 万元 = 本年支出; 基本支出 1030.25 = 人员经费 958.63 + 公用经费 71.62;
项目支出 134.37; no carry-over; the year's budget was executed in full (100.00%). The document is
clean: every total foots, the narrative repeats the tables' figures, so no rule may fire on it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

from fixturegen.folders import session, write_json
from fixturegen.render_docx import FIXED_TIME, _fonts, _tight, a4_document

UNIT = "南街街道办事处"
YEAR = 2024
FILE_NAME = f"{UNIT}{YEAR}年度部门决算.pdf"
D = Decimal

# ---------------------------------------------------------------------------------------------
# Inputs: functional classification (类 / 款 / 项) with each 项's 基本支出 and 项目支出.

CLASSES = {
    "201": "一般公共服务支出",
    "208": "社会保障和就业支出",
    "210": "卫生健康支出",
    "212": "城乡社区支出",
    "221": "住房保障支出",
}
GROUPS = {
    "20103": "政府办公厅（室）及相关机构事务",
    "20805": "行政事业单位养老支出",
    "21011": "行政事业单位医疗",
    "21201": "城乡社区管理事务",
    "22102": "住房改革支出",
}
# 项: code, name, 基本支出, 项目支出, what it is used for (narrative)
ITEMS = [
    ("2010301", "行政运行", D("799.93"), D("0"), "街道机关人员工资福利及日常运转支出"),
    ("2010399", "其他政府办公厅（室）及相关机构事务支出", D("0"), D("58.37"), "宣传及办公保障支出"),
    ("2080505", "机关事业单位基本养老保险缴费支出", D("86.40"), D("0"), "机关事业单位基本养老保险缴费"),
    ("2080506", "机关事业单位职业年金缴费支出", D("34.56"), D("0"), "机关事业单位职业年金缴费"),
    ("2101101", "行政单位医疗", D("42.12"), D("0"), "行政单位职工基本医疗保险缴费"),
    ("2120199", "其他城乡社区管理事务支出", D("0"), D("76.00"), "社区环境整治及宣传版面制作支出"),
    ("2210201", "住房公积金", D("67.24"), D("0"), "按规定为职工缴纳的住房公积金"),
]
# 基本支出 by economic classification: 人员经费 (301, 303) and 公用经费 (302, 310).
PERSONNEL = {
    ("301", "工资福利支出"): [
        ("30101", "基本工资", D("312.48")), ("30102", "津贴补贴", D("241.20")), ("30103", "奖金", D("26.04")),
        ("30107", "绩效工资", D("118.35")), ("30108", "机关事业单位基本养老保险缴费", D("86.40")),
        ("30109", "职业年金缴费", D("34.56")), ("30110", "职工基本医疗保险缴费", D("42.12")),
        ("30112", "其他社会保障缴费", D("5.23")), ("30113", "住房公积金", D("67.24")),
        ("30199", "其他工资福利支出", D("0.00")),
    ],
    ("303", "对个人和家庭的补助"): [
        ("30302", "退休费", D("18.76")), ("30305", "生活补助", D("6.25")),
        ("30399", "其他对个人和家庭的补助", D("0.00")),
    ],
}
PUBLIC = {
    ("302", "商品和服务支出"): [
        ("30201", "办公费", D("12.35")), ("30202", "印刷费", D("2.10")), ("30205", "水费", D("1.86")),
        ("30206", "电费", D("8.42")), ("30207", "邮电费", D("2.64")), ("30211", "差旅费", D("3.15")),
        ("30213", "维修（护）费", D("4.20")), ("30215", "会议费", D("0.80")), ("30216", "培训费", D("1.50")),
        ("30217", "公务接待费", D("0.62")), ("30226", "劳务费", D("6.30")), ("30228", "工会经费", D("9.80")),
        ("30229", "福利费", D("5.40")), ("30231", "公务用车运行维护费", D("4.38")),
        ("30239", "其他交通费用", D("6.20")), ("30299", "其他商品和服务支出", D("1.90")),
    ],
    ("310", "资本性支出"): [
        ("31002", "办公设备购置", D("0.00")),
    ],
}
# 三公经费: (预算数, 决算数) per column group.
SANGONG = {
    "因公出国（境）费": (D("0.00"), D("0.00")),
    "公务用车购置费": (D("0.00"), D("0.00")),
    "公务用车运行维护费": (D("5.00"), D("4.38")),
    "公务接待费": (D("1.00"), D("0.62")),
}
INITIAL_BUDGET = D("1164.62")  # 年初预算 of 一般公共预算财政拨款支出 (the target table's budget)

# ---------------------------------------------------------------------------------------------
# Derived figures


def money(v: Decimal) -> str:
    return format(v.quantize(D("0.01")), "f")


def pct(part: Decimal, whole: Decimal) -> str:
    return format((part / whole * 100).quantize(D("0.01"), rounding=ROUND_HALF_UP), "f")


def _sum(values) -> Decimal:
    return sum(values, D(0))


BASIC = _sum(i[2] for i in ITEMS)
PROJECT = _sum(i[3] for i in ITEMS)
TOTAL = BASIC + PROJECT
PERSONNEL_TOTAL = _sum(v for items in PERSONNEL.values() for _, _, v in items)
PUBLIC_TOTAL = _sum(v for items in PUBLIC.values() for _, _, v in items)
assert (TOTAL, BASIC, PROJECT) == (D("1164.62"), D("1030.25"), D("134.37")), (TOTAL, BASIC, PROJECT)
assert (PERSONNEL_TOTAL, PUBLIC_TOTAL) == (D("958.63"), D("71.62")), (PERSONNEL_TOTAL, PUBLIC_TOTAL)
SG_CAR = (SANGONG["公务用车购置费"][0] + SANGONG["公务用车运行维护费"][0],
          SANGONG["公务用车购置费"][1] + SANGONG["公务用车运行维护费"][1])
SG_TOTAL = (_sum(v[0] for v in SANGONG.values()), _sum(v[1] for v in SANGONG.values()))


def function_lines() -> list[tuple[str, str, Decimal, Decimal]]:
    """(code, name, 基本支出, 项目支出) for every 类, 款 and 项 in code order."""
    out = []
    for cls, cname in CLASSES.items():
        items = [i for i in ITEMS if i[0].startswith(cls)]
        out.append((cls, cname, _sum(i[2] for i in items), _sum(i[3] for i in items)))
        for grp, gname in GROUPS.items():
            if not grp.startswith(cls):
                continue
            gitems = [i for i in items if i[0].startswith(grp)]
            out.append((grp, gname, _sum(i[2] for i in gitems), _sum(i[3] for i in gitems)))
            out.extend((i[0], i[1], i[2], i[3]) for i in gitems)
    return out


def class_total(cls: str) -> Decimal:
    return _sum(i[2] + i[3] for i in ITEMS if i[0].startswith(cls))


# The 26 支出 lines of a 总表 (功能分类 类 in the national order); ours are filled in.
OVERVIEW_EXPENSES = [
    ("一、一般公共服务支出", "201"), ("二、外交支出", None), ("三、国防支出", None), ("四、公共安全支出", None),
    ("五、教育支出", None), ("六、科学技术支出", None), ("七、文化旅游体育与传媒支出", None),
    ("八、社会保障和就业支出", "208"), ("九、卫生健康支出", "210"), ("十、节能环保支出", None),
    ("十一、城乡社区支出", "212"), ("十二、农林水支出", None), ("十三、交通运输支出", None),
    ("十四、资源勘探工业信息等支出", None), ("十五、商业服务业等支出", None), ("十六、金融支出", None),
    ("十七、援助其他地区支出", None), ("十八、自然资源海洋气象等支出", None), ("十九、住房保障支出", "221"),
    ("二十、粮油物资储备支出", None), ("二十一、国有资本经营预算支出", None), ("二十二、灾害防治及应急管理支出", None),
    ("二十三、其他支出", None), ("二十四、债务还本支出", None), ("二十五、债务付息支出", None),
    ("二十六、抗疫特别国债安排的支出", None),
]

# ---------------------------------------------------------------------------------------------
# Tables as grids: a cell is text, or (text, colspan, rowspan); None is covered by a merge.

Cell = "str | tuple[str, int, int] | None"


def overview() -> tuple[list[list], list[float]]:
    incomes = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
               "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]
    rows: list[list] = [[("收入", 2, 1), None, ("支出", 2, 1), None], ["项目", "决算数", "项目", "决算数"]]
    for i, (label, cls) in enumerate(OVERVIEW_EXPENSES):
        inc = incomes[i] if i < len(incomes) else ""
        inc_v = money(TOTAL) if i == 0 else ""
        rows.append([inc, inc_v, label, money(class_total(cls)) if cls else ""])
    rows += [["本年收入合计", money(TOTAL), "本年支出合计", money(TOTAL)],
             ["使用非财政拨款结余", "", "结余分配", ""],
             ["年初结转和结余", "0.00", "年末结转和结余", "0.00"],
             ["总计", money(TOTAL), "总计", money(TOTAL)]]
    return rows, [3.2, 1.3, 3.2, 1.3]


def income() -> tuple[list[list], list[float]]:
    heads = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    rows: list[list] = [[("项目", 2, 1), None] + [(h, 1, 2) for h in heads],
                        ["功能分类科目编码", "科目名称"] + [None] * len(heads)]
    rows.append([("合计", 2, 1), None, money(TOTAL), money(TOTAL)] + [""] * 5)
    for code, name, basic, project in function_lines():
        rows.append([code, name, money(basic + project), money(basic + project)] + [""] * 5)
    return rows, [1.6, 4.0] + [1.2] * 7


def expense() -> tuple[list[list], list[float]]:
    heads = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    rows: list[list] = [[("项目", 2, 1), None] + [(h, 1, 2) for h in heads],
                        ["功能分类科目编码", "科目名称"] + [None] * len(heads)]
    rows.append([("合计", 2, 1), None, money(TOTAL), money(BASIC), money(PROJECT), "", "", ""])
    for code, name, basic, project in function_lines():
        rows.append([code, name, money(basic + project), money(basic) if basic else "",
                     money(project) if project else "", "", "", ""])
    return rows, [1.6, 4.0] + [1.3] * 6


def fiscal_overview() -> tuple[list[list], list[float]]:
    rows: list[list] = [[("收入", 2, 1), None, ("支出", 5, 1), None, None, None, None],
                        ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                         "国有资本经营预算财政拨款"]]
    incomes = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
    for i, (label, cls) in enumerate(OVERVIEW_EXPENSES):
        inc = incomes[i] if i < len(incomes) else ""
        v = money(class_total(cls)) if cls else ""
        rows.append([inc, money(TOTAL) if i == 0 else "", label, v, v, "", ""])
    rows += [["本年收入合计", money(TOTAL), "本年支出合计", money(TOTAL), money(TOTAL), "", ""],
             ["年初财政拨款结转和结余", "0.00", "年末财政拨款结转和结余", "0.00", "0.00", "", ""],
             ["总计", money(TOTAL), "总计", money(TOTAL), money(TOTAL), "", ""]]
    return rows, [3.0, 1.2, 3.0, 1.2, 1.4, 1.4, 1.4]


def general_expense() -> tuple[list[list], list[float]]:
    rows: list[list] = [[("项目", 2, 1), None, ("合计", 1, 2), ("基本支出", 1, 2), ("项目支出", 1, 2)],
                        ["功能分类科目编码", "科目名称", None, None, None]]
    for code, name, basic, project in function_lines():
        rows.append([code, name, money(basic + project), money(basic) if basic else "",
                     money(project) if project else ""])
    rows.append([("合计", 2, 1), None, money(TOTAL), money(BASIC), money(PROJECT)])
    return rows, [1.8, 5.0, 1.6, 1.6, 1.6]


def basic_expense() -> tuple[list[list], list[float]]:
    rows: list[list] = [["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"]]

    def side(groups: dict) -> list[tuple[str, str, str]]:
        out = []
        for (code, name), items in groups.items():
            out.append((code, name, money(_sum(v for _, _, v in items))))
            out.extend((c, n, money(v)) for c, n, v in items)
        return out

    left, right = side(PERSONNEL), side(PUBLIC)
    for i in range(max(len(left), len(right))):
        lrow = list(left[i]) if i < len(left) else ["", "", ""]
        rrow = list(right[i]) if i < len(right) else ["", "", ""]
        rows.append(lrow + rrow)
    rows.append([("人员经费合计", 2, 1), None, money(PERSONNEL_TOTAL), ("公用经费合计", 2, 1), None, money(PUBLIC_TOTAL)])
    return rows, [1.4, 3.2, 1.3, 1.4, 3.2, 1.3]


def sangong() -> tuple[list[list], list[float]]:
    rows: list[list] = [
        [("财政拨款“三公”经费", 12, 1)] + [None] * 11,
        [("合计", 2, 2), None, ("因公出国（境）费", 2, 2), None, ("公务用车购置及运行维护费", 6, 1)] + [None] * 5
        + [("公务接待费", 2, 2), None],
        [None] * 4 + [("小计", 2, 1), None, ("公务用车购置费", 2, 1), None, ("公务用车运行维护费", 2, 1), None, None, None],
        ["预算数", "决算数"] * 6,
    ]
    pairs = [SG_TOTAL, SANGONG["因公出国（境）费"], SG_CAR, SANGONG["公务用车购置费"],
             SANGONG["公务用车运行维护费"], SANGONG["公务接待费"]]
    rows.append([money(v) for pair in pairs for v in pair])
    return rows, [1.0] * 12


def fund_table() -> tuple[list[list], list[float]]:
    rows: list[list] = [
        [("项目", 2, 1), None, ("年初结转和结余", 1, 2), ("本年收入", 1, 2), ("本年支出", 3, 1), None, None,
         ("年末结转和结余", 1, 2)],
        ["功能分类科目编码", "科目名称", None, None, "合计", "基本支出", "项目支出", None],
        [("合计", 2, 1), None, "", "", "", "", "", ""],
    ]
    return rows, [1.6, 3.0, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3]


GF = "政府性基金预算财政拨款收入支出决算表"
SOE = "国有资本经营预算财政拨款收入支出决算表"
TABLES = [
    ("收入支出决算总表", overview, "本表反映部门本年度的总收支和年末结转结余情况。", None),
    ("收入决算表", income, "本表反映部门本年度取得的各项收入情况。", None),
    ("支出决算表", expense, "本表反映部门本年度各项支出情况。", None),
    ("财政拨款收入支出决算总表", fiscal_overview, "本表反映部门本年度财政拨款总收支和结转结余情况。", None),
    ("一般公共预算财政拨款支出决算表", general_expense, "本表反映部门本年度一般公共预算财政拨款支出情况。", None),
    ("一般公共预算财政拨款基本支出决算表", basic_expense, "本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", None),
    ("财政拨款“三公”经费支出决算表", sangong, "本表反映部门本年度“三公”经费支出预决算情况。", None),
    (GF, fund_table, "本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
     f"{UNIT}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"),
    (SOE, fund_table, "本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
     f"{UNIT}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。"),
]

# ---------------------------------------------------------------------------------------------
# Narrative (情况说明): every figure computed from the inputs above.


def narrative() -> list[tuple[str, str]]:
    """(style, text) paragraphs: "h" a heading, "p" an indented paragraph."""
    t, b, p = money(TOTAL), money(BASIC), money(PROJECT)
    shares = "；".join(f"{CLASSES[c]}（类）{money(class_total(c))}万元，占{pct(class_total(c), TOTAL)}%"
                      for c in CLASSES)
    items = []
    for n, (code, name, basic, project, use) in enumerate(ITEMS, 1):
        cls, grp = CLASSES[code[:3]], GROUPS[code[:5]]
        v = money(basic + project)
        items.append(("p", f"{n}、{cls}（类）{grp}（款）{name}（项）。主要用于：{use}。年初预算为{v}万元，"
                           f"支出决算为{v}万元，完成年初预算的{pct(basic + project, basic + project)}%。"
                           "决算数与年初预算数持平。"))
    sg_b, sg_a = SG_TOTAL
    return [
        ("title", f"第三部分 {UNIT}{YEAR}年度部门决算情况说明"),
        ("h", "一、收入支出决算总体情况说明"),
        ("p", f"{UNIT}{YEAR}年度收入支出总计{t}万元。本年无年初结转和结余，年末结转和结余为0万元。"),
        ("h", "二、收入决算情况说明"),
        ("p", f"本年收入合计{t}万元，其中：财政拨款收入{t}万元，占100.00%。"),
        ("h", "三、支出决算情况说明"),
        ("p", f"本年支出合计{t}万元，其中：基本支出{b}万元，占{pct(BASIC, TOTAL)}%；项目支出{p}万元，"
              f"占{pct(PROJECT, TOTAL)}%。"),
        ("h", "四、财政拨款收入支出决算总体情况说明"),
        ("p", f"{UNIT}{YEAR}年度财政拨款收入支出总计{t}万元。"),
        ("h", "五、一般公共预算财政拨款支出决算情况说明"),
        ("h", "（一）一般公共预算财政拨款支出决算总体情况"),
        ("p", f"一般公共预算财政拨款支出{t}万元，占本年支出合计的100.00%。"),
        ("h", "（二）一般公共预算财政拨款支出决算结构情况"),
        ("p", f"一般公共预算财政拨款支出{t}万元，主要用于以下方面：{shares}。"),
        ("h", "（三）一般公共预算财政拨款支出决算具体情况"),
        ("p", f"一般公共预算财政拨款支出年初预算为{money(INITIAL_BUDGET)}万元，支出决算为{t}万元，"
              f"完成年初预算的{pct(TOTAL, INITIAL_BUDGET)}%。决算数与年初预算数持平。其中："),
        *items,
        ("h", "六、一般公共预算财政拨款基本支出决算情况说明"),
        ("p", f"一般公共预算财政拨款基本支出{b}万元。其中：人员经费{money(PERSONNEL_TOTAL)}万元，主要包括：基本工资、"
              "津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、"
              f"其他社会保障缴费、住房公积金、退休费、生活补助；公用经费{money(PUBLIC_TOTAL)}万元，主要包括：办公费、"
              "印刷费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、劳务费、工会经费、"
              "福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出。"),
        ("h", "七、财政拨款“三公”经费支出决算情况说明"),
        ("p", f"{UNIT}{YEAR}年度“三公”经费财政拨款支出预算为{money(sg_b)}万元，支出决算为{money(sg_a)}万元，"
              f"完成预算的{pct(sg_a, sg_b)}%。其中：因公出国（境）费支出决算为0万元；公务用车购置费支出决算为0万元；"
              f"公务用车运行维护费支出预算为{money(SANGONG['公务用车运行维护费'][0])}万元，支出决算为"
              f"{money(SANGONG['公务用车运行维护费'][1])}万元；公务接待费支出预算为{money(SANGONG['公务接待费'][0])}万元，"
              f"支出决算为{money(SANGONG['公务接待费'][1])}万元。决算数小于预算数的主要原因：严格执行中央八项规定精神，"
              "压减公务用车使用和公务接待。"),
        ("h", "八、政府性基金预算财政拨款收入支出决算情况说明"),
        ("p", f"{UNIT}{YEAR}年度无政府性基金预算财政拨款收入和支出。"),
        ("h", "九、国有资本经营预算财政拨款收入支出决算情况说明"),
        ("p", f"{UNIT}{YEAR}年度无国有资本经营预算财政拨款收入和支出。"),
    ]


# ---------------------------------------------------------------------------------------------
# Rendering


def _run(para, text: str, size: float, bold: bool = False, east_asia: str = "宋体") -> None:
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _fonts(run._r, east_asia)


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _grid(doc, rows: list[list], weights: list[float], width_cm: float, size: float) -> None:
    n_cols = len(rows[0])
    table = doc.add_table(rows=len(rows), cols=n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(weights)
    for i, column in enumerate(table.columns):
        w = Cm(width_cm * weights[i] / total)
        column.width = w
        for cell in column.cells:
            cell.width = w
    for r, row in enumerate(rows):
        for c, spec in enumerate(row):
            if spec is None:
                continue
            text, colspan, rowspan = (spec, 1, 1) if isinstance(spec, str) else spec
            cell = table.cell(r, c)
            if colspan > 1 or rowspan > 1:
                cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            para = cell.paragraphs[0]
            _tight(para)
            numeric = bool(text) and text.replace(".", "").isdigit() and not text.isdigit()
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
            if text:
                _run(para, text, size)


def render(path: Path) -> None:
    doc = a4_document("宋体", 10.5, 1.8, 1.6)
    usable = 21.0 - 3.6

    cover = doc.add_paragraph()
    cover.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.paragraph_format.space_before = Pt(200)
    _run(cover, f"{UNIT}{YEAR}年度部门决算", 26, bold=True, east_asia="黑体")
    for title, build, note, empty in TABLES:
        _page_break(doc)
        head = doc.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(head, title, 15, bold=True, east_asia="黑体")
        unit = doc.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _tight(unit)
        _run(unit, "单位：万元", 10)
        rows, weights = build()
        _grid(doc, rows, weights, usable, 7.5 if len(rows[0]) > 8 else 8.5)
        for text in (f"注：{note}", f"说明：{empty}" if empty else None):
            if text:
                para = doc.add_paragraph()
                _tight(para)
                _run(para, text, 10)
    _page_break(doc)
    for style, text in narrative():
        para = doc.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        if style == "title":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(para, text, 15, bold=True, east_asia="黑体")
        elif style == "h":
            para.paragraph_format.first_line_indent = Pt(24)
            _run(para, text, 12, bold=True, east_asia="黑体")
        else:
            para.paragraph_format.first_line_indent = Pt(24)
            para.paragraph_format.line_spacing = 1.25
            _run(para, text, 12)
    props = doc.core_properties
    props.author = "Administrator"
    props.last_modified_by = "Administrator"
    props.title = f"{UNIT}{YEAR}年度部门决算"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    doc.save(str(path))


# ---------------------------------------------------------------------------------------------
# Expected records: what a reader finds in the document, from the inputs above.


def expected() -> dict:
    lines = [{"code": c, "name": n, "本年支出合计": money(b + p), "基本支出": money(b), "项目支出": money(p)}
             for c, n, b, p in function_lines()]
    econ = [{"code": c, "name": n, "决算数": money(v)}
            for groups in (PERSONNEL, PUBLIC) for (gc, gn), items in groups.items()
            for c, n, v in [(gc, gn, _sum(x[2] for x in items))] + list(items)]
    return {
        "file": FILE_NAME,
        "format": "pdf",
        "kind": "final_accounts",
        "unit": UNIT,
        "year": YEAR,
        "publication_kind": "决算",
        "tables": {key: ("empty" if empty else "present") for key, _, _, empty in TABLES},
        "empty_statements": {key: empty for key, _, _, empty in TABLES if empty},
        "totals": {"本年收入合计": money(TOTAL), "财政拨款收入": money(TOTAL), "本年支出合计": money(TOTAL),
                   "基本支出": money(BASIC), "项目支出": money(PROJECT), "人员经费": money(PERSONNEL_TOTAL),
                   "公用经费": money(PUBLIC_TOTAL), "年初结转和结余": "0.00", "年末结转和结余": "0.00"},
        "function_lines": lines,
        "economic_lines": econ,
        "sangong": {k: {"预算数": money(v[0]), "决算数": money(v[1])} for k, v in SANGONG.items()},
        # Every 项 the narrative details: 年初预算 and 决算 (equal: executed in full).
        "item_executions": [{"code": c, "subject": n, "budget": money(b + p), "actual": money(b + p),
                             "rate": pct(b + p, b + p)} for c, n, b, p, _ in ITEMS],
        # The year's execution the narrative states: 一般公共预算财政拨款支出 年初预算 ÷ 决算.
        "annual_execution": {"subject": "一般公共预算财政拨款支出", "budget_kind": "年初预算",
                             "budget": money(INITIAL_BUDGET), "actual": money(TOTAL),
                             "rate": pct(TOTAL, INITIAL_BUDGET)},
    }


def generate(fixtures: Path) -> None:
    target = fixtures / "nanjie-2024" / FILE_NAME
    with session("fixturegen-nanjie-") as (office, scratch):
        src = scratch / f"{Path(FILE_NAME).stem}.docx"
        render(src)
        office.export_pdf(src, target)
    out = fixtures / "expected" / "nanjie-2024" / f"{FILE_NAME}.json"
    write_json(out, expected())
    print(f"  {target.relative_to(fixtures)} and {out.relative_to(fixtures)}")
