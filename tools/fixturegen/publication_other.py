"""A publication in a layout the parser was not tuned on: another region's 部门决算 (an invented
county bureau) with tables in 元 beside prose in 万元, region wording of the titles
(部门收支决算总表, 财政拨款收支决算总表, 一般公共预算财政拨款支出决算明细表 …), a title split over two
lines, a 明细表 carrying 年初预算数 / 全年预算数 beside 决算数 that runs over two pages with its header
repeated, and a 机关运行经费 and a 政府采购 table. Built from one set of inputs like the Shanghai one.
"""

from __future__ import annotations

from fixturegen.publication import (
    Econ,
    HCell,
    Inputs,
    Item,
    Pub,
    Section,
    Tab,
    cents,
    money,
    pct,
)
from fixturegen.publication_shanghai import shanghai, totals

UNIT = "清溪县农业农村局"


def _split(total: int, names: list[tuple[str, str]], shares: list[int]) -> list[Econ]:
    """`total` cents over 款 items in the given proportions (‰), the last taking the remainder."""
    out, left = [], total
    for (code, name), share in zip(names[:-1], shares):
        v = total * share // 1000
        out.append(Econ(code, name, v))
        left -= v
    out.append(Econ(names[-1][0], names[-1][1], left))
    return out


def county_inputs() -> Inputs:
    c = cents
    spec = [  # code, name, basic, project, 年初预算, use
        ("2130101", "行政运行", "486.32", "0", "492.00", "机关人员经费及公用经费"),
        ("2130104", "事业运行", "215.48", "0", "220.00", "所属事业单位人员经费及公用经费"),
        ("2130106", "科技转化与推广服务", "0", "38.60", "40.00", "农业技术推广"),
        ("2130108", "病虫害控制", "0", "25.14", "25.14", "农作物病虫害统防统治"),
        ("2130109", "农产品质量安全", "0", "18.75", "20.00", "农产品质量安全检测"),
        ("2130119", "防灾救灾", "0", "12.30", "15.00", "农业防灾减灾物资"),
        ("2130122", "农业生产发展", "0", "356.82", "360.00", "耕地地力保护和农机购置补贴"),
        ("2130126", "农村社会事业", "0", "44.16", "45.00", "农村人居环境整治"),
        ("2130135", "农业资源保护修复与利用", "0", "27.90", "30.00", "耕地质量提升"),
        ("2130199", "其他农业农村支出", "0", "9.85", "10.00", "农业农村其他工作"),
        ("2130504", "农村基础设施建设", "0", "168.40", "170.00", "乡村道路和水利设施"),
        ("2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", "0", "52.36", "55.00", "乡村振兴衔接项目"),
        ("2130705", "对村民委员会和村党支部的补助", "0", "96.00", "96.00", "村级组织运转补助"),
        ("2130706", "对村集体经济组织的补助", "0", "60.00", "60.00", "村集体经济发展补助"),
        ("2080501", "行政单位离退休", "21.60", "0", "22.00", "离退休人员经费"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "78.44", "0", "80.00", "在职人员基本养老保险"),
        ("2080506", "机关事业单位职业年金缴费支出", "39.22", "0", "40.00", "在职人员职业年金"),
        ("2101101", "行政单位医疗", "25.36", "0", "26.00", "行政单位在职人员医疗保险"),
        ("2101102", "事业单位医疗", "11.87", "0", "12.00", "事业单位在职人员医疗保险"),
        ("2210201", "住房公积金", "58.08", "0", "58.08", "在职人员住房公积金"),
        ("2210203", "购房补贴", "12.60", "0", "12.60", "在职人员购房补贴"),
    ]
    items = [Item(code, name, basic=c(b), project=c(p), budget=c(bud), use=use) for code, name, b, p, bud, use in spec]
    basic = sum(i.basic for i in items)
    public_total = c("96.54")
    people = [Econ("301", "工资福利支出")] + _split(
        basic - public_total - c("21.60"),
        [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"), ("30107", "绩效工资"),
         ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
         ("30113", "住房公积金"), ("30199", "其他工资福利支出")],
        [240, 260, 40, 150, 110, 55, 50, 80]) + [Econ("303", "对个人和家庭的补助"), Econ("30302", "退休费", c("21.60"))]
    public = [Econ("302", "商品和服务支出")] + _split(
        public_total - c("8.40"),
        [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"),
         ("30211", "差旅费"), ("30213", "维修（护）费"), ("30215", "会议费"), ("30216", "培训费"),
         ("30217", "公务接待费"), ("30231", "公务用车运行维护费"), ("30299", "其他商品和服务支出")],
        [180, 40, 30, 90, 45, 120, 110, 35, 60, 25, 130]) + [Econ("310", "资本性支出"),
                                                             Econ("31002", "办公设备购置", c("8.40"))]
    return Inputs(
        unit=UNIT, year=2024,
        class_names={"213": "农林水支出", "208": "社会保障和就业支出", "210": "卫生健康支出", "221": "住房保障支出"},
        kuan_names={"21301": "农业农村", "21305": "巩固脱贫攻坚成果衔接乡村振兴", "21307": "农村综合改革",
                    "20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "22102": "住房改革支出"},
        items=items, people=people, public=public, carry_in=c("42.18"),
        sangong_budget={"因公出国（境）费": 0, "公务用车购置费": 0, "公务用车运行费": c("12.00"), "公务接待费": c("3.00")},
        sangong_actual={"因公出国（境）费": 0, "公务用车购置费": 0,
                        "公务用车运行费": next(e.amount for e in public if e.code == "30231"),
                        "公务接待费": next(e.amount for e in public if e.code == "30217")},
        prior={"收入支出总计": c("1789.20"), "财政拨款收入支出总计": c("1776.40"), "一般公共预算财政拨款支出": c("1731.52"),
               "机关运行经费": c("101.36")},
        fiscal_budget=sum(i.budget for i in items),
        reason_under="部分项目按实际完成量结算", reason_change="农业生产发展项目补贴标准调整",
    )


def _yuan(text: str) -> str:
    """A printed 万元 amount (with separators) → the same amount printed in 元."""
    if not text:
        return text
    v = cents(text.replace(",", "")) * 10000
    return money(v, blank_zero=False)


TITLES = {  # canonical key → the county's printed title
    "收入支出决算总表": "部门收支决算总表",
    "收入决算表": "部门收入决算表",
    "支出决算表": "部门支出决算表",
    "财政拨款收入支出决算总表": "财政拨款收支决算总表",
    "一般公共预算财政拨款支出决算表": "一般公共预算财政拨款支出决算明细表",
    "一般公共预算财政拨款基本支出决算表": "一般公共预算财政拨款基本支出决算明细表",
    "财政拨款“三公”经费支出决算表": "一般公共预算财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表": "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表": "国有资本经营预算财政拨款支出决算表",
}


def county() -> Pub:
    inp = county_inputs()
    t = totals(inp)
    pub = shanghai(inp, f"{UNIT}2024年度部门决算")
    pub.cover = [UNIT, "2024年度部门决算公开"]
    pub.site = "清溪县人民政府"
    pub.intro = ["第一部分 部门概况", "一、主要职能",
                 f"{UNIT}负责全县农业农村发展规划、农业生产和农村改革工作。",
                 "二、部门决算单位构成", f"{UNIT}部门决算包括局机关本级和所属县农业技术推广中心。"]
    for tab in pub.tables:
        tab.title = [TITLES[tab.key]]
        tab.unit = "元"
        for row in tab.rows:
            for c, kind in enumerate(tab.kinds):
                if kind == "amount":
                    row[c] = _yuan(row[c])
    # The 明细表: 年初预算数 and 全年预算数 beside the 决算数, a title split over two lines, two pages.
    general = pub.table("一般公共预算财政拨款支出决算表")
    general.title = [f"{UNIT}2024年度", "一般公共预算财政拨款支出决算明细表"]
    general.header = [[HCell("科目编码", 1, 2), HCell("科目名称", 1, 2), HCell("年初预算数", 1, 2),
                       HCell("全年预算数", 1, 2), HCell("决算数", 3)],
                      [HCell("合计"), HCell("基本支出"), HCell("项目支出")]]
    general.kinds = ["code", "name", "amount", "amount", "amount", "amount", "amount"]
    budgets: dict[str, int] = {}
    for it in inp.items:
        for code in (it.code[:3], it.code[:5], it.code):
            budgets[code] = budgets.get(code, 0) + it.budget
    total_budget = sum(it.budget for it in inp.items)
    for row in general.rows:
        b = total_budget if row[0] == "合计" else budgets[row[0]]
        row[2:2] = [money(b * 10000, blank_zero=False), money(b * 10000, blank_zero=False)]
    general.repeat_header = True
    general.row_height_cm = 0.9
    # Two tables other regions add.
    op = [e for e in inp.public if len(e.code) == 5]
    pub.tables.append(Tab(
        "机关运行经费支出决算表", ["机关运行经费支出决算表"], [[HCell("项目"), HCell("决算数")]], ["name", "amount"],
        [["机关运行经费支出合计", money(t.public * 10000)]]
        + [[f"{i}.{e.name}", money(e.amount * 10000)] for i, e in enumerate(op, 1)], unit="元"))
    goods, works, services = cents("18.60"), cents("0"), cents("142.35")
    pub.tables.append(Tab(
        "政府采购支出决算表", ["政府采购支出决算表"],
        [[HCell("项目", 1, 2), HCell("采购金额", 4)], [HCell("合计"), HCell("货物"), HCell("工程"), HCell("服务")]],
        ["name", "amount", "amount", "amount", "amount"],
        [["政府采购支出", money((goods + works + services) * 10000), money(goods * 10000), money(works * 10000),
          money(services * 10000)]], unit="元"))
    pub.toc = (["第一部分 部门概况", f"第二部分 {UNIT}2024年度部门决算表"]
               + [f" {i}.{tb.title[-1]}" for i, tb in enumerate(pub.tables, 1)]
               + [f"第三部分 {UNIT}2024年度部门决算情况说明", "第四部分 名词解释"])
    pub.narrative.append(Section("（二）政府采购支出情况", [
        f"{UNIT}2024年度政府采购金额（以合同签订为准）为{money(goods + works + services, False)}万元，其中："
        f"货物采购金额{money(goods, False)}万元、工程采购金额{money(works, False, False)}万元、"
        f"服务采购金额{money(services, False)}万元。"], 2))
    pub.narrative.append(Section("（三）全年预算执行情况", [
        f"一般公共预算财政拨款支出全年预算为{money(total_budget, False)}万元，支出决算为{money(t.fiscal, False)}万元，"
        f"完成全年预算的{pct(t.fiscal, total_budget)}%。"], 2))
    return pub
