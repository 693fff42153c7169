"""A second publication in a layout the parser was not tuned on: an older-style municipal 部门决算
(an invented city bureau, 2023) on landscape pages, each table numbered (表1 …) on a line above its
title, the functional classification code split over three columns (类 | 款 | 项) under a
“科目编码” header, amounts in 万元 without thousands separators, and the “三公” table laid out
vertically (one row per kind of expense, 预算数 and 决算数 as columns). Built from one set of inputs
like the Shanghai one, so every figure agrees with every other.
"""

from __future__ import annotations

from fixturegen.publication import Econ, HCell, Inputs, Item, Pub, Tab, cents, money
from fixturegen.publication_shanghai import shanghai
from fixturegen.publication_other import _split

UNIT = "宁川市生态环境局"
YEAR = 2023
CODED = ("收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表")


def municipal_inputs() -> Inputs:
    c = cents
    spec = [  # code, name, basic, project, 年初预算, use
        ("2110101", "行政运行", "1268.40", "0", "1290.00", "机关人员经费及公用经费"),
        ("2110102", "一般行政管理事务", "0", "215.36", "230.00", "环境执法和宣传教育"),
        ("2110199", "其他环境保护管理事务支出", "0", "64.80", "70.00", "环境信息化运维"),
        ("2110301", "大气", "0", "842.15", "860.00", "大气污染防治和监测"),
        ("2110302", "水体", "0", "526.90", "540.00", "水环境综合治理"),
        ("2110402", "农村环境保护", "0", "133.25", "140.00", "农村生活污水治理"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "132.60", "0", "135.00", "在职人员基本养老保险"),
        ("2080506", "机关事业单位职业年金缴费支出", "66.30", "0", "66.30", "在职人员职业年金"),
        ("2101101", "行政单位医疗", "58.74", "0", "60.00", "在职人员医疗保险"),
        ("2210201", "住房公积金", "99.45", "0", "99.45", "在职人员住房公积金"),
    ]
    items = [Item(code, name, basic=c(b), project=c(p), budget=c(bud), use=use) for code, name, b, p, bud, use in spec]
    items[3].other_project = c("36.00")  # 大气: part paid from 其他收入
    basic = sum(i.basic for i in items)
    public_total = c("214.28")
    retired = c("18.20")
    people_items = _split(
        basic - public_total - retired,
        [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30107", "绩效工资"),
         ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
         ("30113", "住房公积金"), ("30199", "其他工资福利支出")],
        [230, 270, 45, 160, 100, 50, 45, 75])
    people = [Econ("301", "工资福利支出")] + people_items + [Econ("303", "对个人和家庭的补助"),
                                                          Econ("30302", "退休费", retired)]
    public = [Econ("302", "商品和服务支出")] + _split(
        public_total - c("12.60"),
        [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"),
         ("30211", "差旅费"), ("30213", "维修（护）费"), ("30215", "会议费"), ("30216", "培训费"),
         ("30217", "公务接待费"), ("30226", "劳务费"), ("30231", "公务用车运行维护费"), ("30299", "其他商品和服务支出")],
        [170, 30, 25, 85, 40, 110, 100, 30, 55, 15, 120, 90]) + [Econ("310", "资本性支出"),
                                                                Econ("31002", "办公设备购置", c("12.60"))]
    return Inputs(
        unit=UNIT, year=YEAR,
        class_names={"211": "节能环保支出", "208": "社会保障和就业支出", "210": "卫生健康支出", "221": "住房保障支出"},
        kuan_names={"21101": "环境保护管理事务", "21103": "污染防治", "21104": "自然生态保护",
                    "20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "22102": "住房改革支出"},
        items=items, people=people, public=public, carry_in=c("126.48"),
        sangong_budget={"因公出国（境）费": c("6.00"), "公务用车购置费": c("25.00"), "公务用车运行费": c("22.00"),
                        "公务接待费": c("4.00")},
        sangong_actual={"因公出国（境）费": 0, "公务用车购置费": c("23.80"),
                        "公务用车运行费": next(e.amount for e in public if e.code == "30231"),
                        "公务接待费": next(e.amount for e in public if e.code == "30217")},
        prior={"收入支出总计": c("3318.72"), "财政拨款收入支出总计": c("3296.40"), "一般公共预算财政拨款支出": c("3224.87"),
               "机关运行经费": c("230.15")},
        fiscal_budget=sum(i.budget for i in items),
        reason_under="部分污染防治项目按进度结算", reason_change="大气污染防治项目支出增加",
    )


def _split_codes(tab: Tab) -> None:
    """科目编码 over three columns 类 | 款 | 项 (each row prints its own parts)."""
    header = [[HCell("科目编码", 3), HCell("科目名称", 1, 2)] + [HCell(h.text, 1, 2) for h in tab.header[0][1:]],
              [HCell("类"), HCell("款"), HCell("项")]]
    rows = []
    spans = {}
    for i, row in enumerate(tab.rows):
        code, rest = row[0], row[1:]
        if code.isdigit():
            parts = [code[:3], code[3:5], code[5:7]]
            rows.append(parts + rest)
        else:  # 合计 across the three code columns and the name
            rows.append([code, "", ""] + rest)
            spans[(i, 0)] = 4
    tab.header = header
    tab.kinds = ["code", "code", "code"] + tab.kinds[1:]
    tab.rows = rows
    tab.spans = spans


def _vertical_sangong(inp: Inputs) -> Tab:
    b, a = inp.sangong_budget, inp.sangong_actual

    def pair(key: str | tuple[str, ...]) -> list[str]:
        keys = (key,) if isinstance(key, str) else key
        return [money(sum(b[k] for k in keys), sep=False, blank_zero=False),
                money(sum(a[k] for k in keys), sep=False, blank_zero=False)]

    rows = [["合计"] + pair(tuple(b)),
            ["1.因公出国（境）费"] + pair("因公出国（境）费"),
            ["2.公务用车购置及运行费"] + pair(("公务用车购置费", "公务用车运行费")),
            ["其中：（1）公务用车购置费"] + pair("公务用车购置费"),
            ["（2）公务用车运行费"] + pair("公务用车运行费"),
            ["3.公务接待费"] + pair("公务接待费")]
    return Tab("财政拨款“三公”经费支出决算表", ["财政拨款“三公”经费支出决算表"],
               [[HCell("项目"), HCell("预算数"), HCell("决算数")]], ["name", "amount", "amount"], rows)


def municipal() -> Pub:
    inp = municipal_inputs()
    pub = shanghai(inp, f"{UNIT}{YEAR}年度部门决算")
    pub.landscape = True
    pub.site = "宁川市人民政府"
    pub.intro = [f"第一部分 {UNIT}概况", "一、主要职能",
                 f"{UNIT}负责全市生态环境保护的统筹协调和监督管理，组织开展污染防治和生态环境监测。",
                 "二、部门决算单位构成", f"{UNIT}部门决算包括局机关本级和所属市生态环境监测站。"]
    for i, tab in enumerate(pub.tables):
        if tab.key == "财政拨款“三公”经费支出决算表":
            pub.tables[i] = tab = _vertical_sangong(inp)
        if tab.key in CODED:
            _split_codes(tab)
        for row in tab.rows:
            for c, kind in enumerate(tab.kinds):
                if kind == "amount" and row[c]:
                    row[c] = row[c].replace(",", "")
        tab.label = f"表{i + 1}"
    return pub
