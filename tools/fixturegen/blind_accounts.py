"""Blind-test 部门决算 publications: inputs, derived tables, narrative, and two renderers.

Written without reading the parser: layouts follow county publications of other provinces (a
landscape Word/PDF with a cover, contents and text before the tables, budget columns beside 决算数,
notes rows under the tables; an HTML portal page in 元 with site chrome and rowspan/colspan
headers). Every figure is derived from the per-项 inputs, so a clean publication agrees with itself;
errors are injected by `overrides` and listed in `planted`. The two invented units are in
`blind_accounts_units`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

D = Decimal
CENT = D("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return q2(part * 100 / whole)


@dataclass
class Item:
    """One 项 (7-digit function code) and its money, in the publication's unit."""
    code: str
    name: str
    fiscal_basic: Decimal = D(0)
    fiscal_project: Decimal = D(0)
    other_basic: Decimal = D(0)
    other_project: Decimal = D(0)
    initial: Decimal | None = None      # 年初预算数 (fiscal); None = actual
    adjusted: Decimal | None = None     # 全年预算数 (fiscal); None = actual

    @property
    def fiscal(self) -> Decimal:
        return self.fiscal_basic + self.fiscal_project

    @property
    def total(self) -> Decimal:
        return self.fiscal + self.other_basic + self.other_project


@dataclass
class Publication:
    unit: str
    year: int
    money_unit: str                      # 万元 or 元
    classes: dict[str, str]              # 类 code → name
    funds: dict[str, str]                # 款 code → name
    items: list[Item]
    personnel_items: list[tuple[str, str, Decimal]]   # economic code, name, amount (人员经费)
    public_items: list[tuple[str, str, Decimal]]      # (公用经费)
    three_budget: dict[str, Decimal]     # 出国, 购置, 运行, 接待
    three_actual: dict[str, Decimal]
    previous_total: Decimal              # last year's 收支总计, 万元
    previous_fiscal_total: Decimal       # last year's 财政拨款收支总计, 万元
    narrative_items: list[str]           # 项 codes the narrative explains one by one
    missing_tables: list[str] = field(default_factory=list)
    # (table, line, column) → printed value replacing the derived one
    overrides: dict[tuple[str, str, str], Decimal] = field(default_factory=dict)
    narrative_overrides: dict[str, str] = field(default_factory=dict)  # key → replacement sentence
    planted: list[dict] = field(default_factory=list)
    budget_columns: bool = True          # 年初/全年预算数 columns in the fiscal table

    def wan(self, x: Decimal) -> Decimal:
        """An amount in 万元, as the narrative prints it."""
        return q2(x / 10000) if self.money_unit == "元" else x


TABLES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
]


def fmt(x: Decimal | None, blank_zero: bool = False) -> str:
    if x is None:
        return ""
    if x == 0 and blank_zero:
        return ""
    return f"{x:,.2f}"


# ------------------------------------------------------------------ derived figures

def class_of(code: str) -> str:
    return code[:3]


def fund_of(code: str) -> str:
    return code[:5]


def hierarchy(pub: Publication, value) -> list[tuple[str, str, str, Decimal]]:
    """(level, code, name, amount) rows 类/款/项 in order, amounts summed from the 项."""
    rows = []
    for cls, cname in pub.classes.items():
        citems = [i for i in pub.items if class_of(i.code) == cls]
        rows.append(("类", cls, cname, citems))
        for fund, fname in pub.funds.items():
            if not fund.startswith(cls):
                continue
            fitems = [i for i in citems if fund_of(i.code) == fund]
            rows.append(("款", fund, fname, fitems))
            for i in fitems:
                rows.append(("项", i.code, i.name, [i]))
    return rows


def function_table(pub: Publication, columns: dict[str, callable], table: str,
                   only_fiscal: bool = False) -> tuple[list[str], list[list]]:
    """Rows [code, name, *amounts] with a leading 合计 row; applies overrides of `table`."""
    rows = []
    items = [i for i in pub.items if (i.fiscal != 0 if only_fiscal else True)]
    total = ["", "合计"] + [sum((f(i) for i in items), D(0)) for f in columns.values()]
    rows.append(total)
    for level, code, name, its in hierarchy(pub, None):
        its = [i for i in its if i in items]
        if not its:
            continue
        rows.append([code, name] + [sum((f(i) for i in its), D(0)) for f in columns.values()])
    names = list(columns)
    for (t, line, col), val in pub.overrides.items():
        if t != table:
            continue
        for r in rows:
            if r[0] == line or r[1] == line:
                r[2 + names.index(col)] = val
    return names, rows


def totals(pub: Publication) -> dict[str, Decimal]:
    it = pub.items
    s = lambda f: sum((f(i) for i in it), D(0))  # noqa: E731
    t = {
        "fiscal": s(lambda i: i.fiscal),
        "fiscal_basic": s(lambda i: i.fiscal_basic),
        "fiscal_project": s(lambda i: i.fiscal_project),
        "other": s(lambda i: i.other_basic + i.other_project),
        "basic": s(lambda i: i.fiscal_basic + i.other_basic),
        "project": s(lambda i: i.fiscal_project + i.other_project),
        "total": s(lambda i: i.total),
        "personnel": sum((a for _, _, a in pub.personnel_items), D(0)),
        "public": sum((a for _, _, a in pub.public_items), D(0)),
    }
    assert t["personnel"] + t["public"] == t["fiscal_basic"], (pub.unit, t)
    return t


def class_totals(pub: Publication, value) -> list[tuple[str, Decimal]]:
    return [(name, sum((value(i) for i in pub.items if class_of(i.code) == cls), D(0)))
            for cls, name in pub.classes.items()]


# ------------------------------------------------------------------ narrative

def narrative(pub: Publication) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sections (heading, [(key, sentence)]) of the 情况说明, amounts in 万元."""
    t = totals(pub)
    w = pub.wan
    y = pub.year
    total = w(t["total"])
    fiscal = w(t["fiscal"])
    inc = total - pub.previous_total
    finc = fiscal - pub.previous_fiscal_total
    secs = []
    secs.append(("一、收入支出决算总体情况说明", [
        ("total", f"{y}年度收、支总计{total:.2f}万元。"),
        ("total_change", f"与{y - 1}年度相比，收、支总计各{'增加' if inc >= 0 else '减少'}{abs(inc):.2f}万元，"
                         f"{'增长' if inc >= 0 else '下降'}{pct(abs(inc), pub.previous_total):.2f}%。"
                         "主要原因是业务工作经费及项目支出增加。" if pub.previous_total else ""),
    ]))
    secs.append(("二、收入决算情况说明", [
        ("income", f"{y}年度本年收入合计{total:.2f}万元，其中：财政拨款收入{fiscal:.2f}万元，占{pct(fiscal, total):.2f}%；"
                   f"其他收入{w(t['other']):.2f}万元，占{pct(w(t['other']), total):.2f}%。"),
    ]))
    basic, project = w(t["basic"]), w(t["project"])
    secs.append(("三、支出决算情况说明", [
        ("spending", f"{y}年度本年支出合计{total:.2f}万元，其中：基本支出{basic:.2f}万元，占{pct(basic, total):.2f}%；"
                     f"项目支出{project:.2f}万元，占{pct(project, total):.2f}%。"),
    ]))
    secs.append(("四、财政拨款收入支出决算总体情况说明", [
        ("fiscal_total", f"{y}年度财政拨款收、支总计{fiscal:.2f}万元。与{y - 1}年度相比，财政拨款收、支总计各"
                         f"{'增加' if finc >= 0 else '减少'}{abs(finc):.2f}万元，"
                         f"{'增长' if finc >= 0 else '下降'}{pct(abs(finc), pub.previous_fiscal_total):.2f}%。"),
    ]))
    parts = []
    for name, amount in class_totals(pub, lambda i: i.fiscal):
        parts.append(f"{name}{w(amount):.2f}万元，占{pct(w(amount), fiscal):.2f}%")
    specifics = []
    by_code = {i.code: i for i in pub.items}
    for n, code in enumerate(pub.narrative_items, 1):
        i = by_code[code]
        cname = pub.classes[class_of(code)]
        fname = pub.funds[fund_of(code)]
        initial = w(i.initial if i.initial is not None else i.fiscal)
        actual = w(i.fiscal)
        s = (f"{n}.{cname}（类）{fname}（款）{i.name}（项）：年初预算为{initial:.2f}万元，支出决算为{actual:.2f}万元，"
             f"完成年初预算的{pct(actual, initial):.2f}%。")
        if actual > initial:
            s += "决算数大于年初预算数的主要原因是年中追加了相关工作经费。"
        elif actual < initial:
            s += "决算数小于年初预算数的主要原因是厉行节约，压减了一般性支出。"
        else:
            s += "决算数与年初预算数持平。"
        specifics.append((f"item:{code}", s))
    secs.append(("五、一般公共预算财政拨款支出决算情况说明", [
        ("fiscal_share", f"（一）总体情况。{y}年度一般公共预算财政拨款支出{fiscal:.2f}万元，占本年支出合计的{pct(fiscal, total):.2f}%。"),
        ("fiscal_structure", "（二）结构情况。" + "；".join(parts) + "。"),
        ("fiscal_specific_head", "（三）具体情况。"),
        *specifics,
    ]))
    pers, pub_ = w(t["personnel"]), w(t["public"])
    secs.append(("六、一般公共预算财政拨款基本支出决算情况说明", [
        ("basic", f"{y}年度一般公共预算财政拨款基本支出{w(t['fiscal_basic']):.2f}万元，其中：人员经费{pers:.2f}万元，主要包括"
                  + "、".join(n for _, n, _ in pub.personnel_items) + f"；公用经费{pub_:.2f}万元，主要包括"
                  + "、".join(n for _, n, _ in pub.public_items) + "。"),
    ]))
    tb = {k: w(v) for k, v in pub.three_budget.items()}
    ta = {k: w(v) for k, v in pub.three_actual.items()}
    b3, a3 = sum(tb.values(), D(0)), sum(ta.values(), D(0))
    car_b, car_a = tb["购置"] + tb["运行"], ta["购置"] + ta["运行"]
    secs.append(("七、“三公”经费财政拨款支出决算情况说明", [
        ("three", f"{y}年度“三公”经费财政拨款支出预算为{b3:.2f}万元，支出决算为{a3:.2f}万元，完成预算的{pct(a3, b3):.2f}%。"),
        ("three_abroad", "其中：因公出国（境）费支出决算为0万元，本部门无因公出国（境）安排。"),
        ("three_car", f"公务用车购置及运行维护费支出预算为{car_b:.2f}万元，支出决算为{car_a:.2f}万元，完成预算的{pct(car_a, car_b):.2f}%，"
                      "全部为公务用车运行维护费，主要用于执法巡查车辆的燃料、维修、保险等支出。"),
        ("three_reception", f"公务接待费支出预算为{tb['接待']:.2f}万元，支出决算为{ta['接待']:.2f}万元，"
                            f"完成预算的{pct(ta['接待'], tb['接待']):.2f}%，主要用于上级部门检查指导工作的接待。"),
    ]))
    secs.append(("八、政府性基金预算及国有资本经营预算财政拨款支出决算情况说明", [
        ("funds", f"本部门{y}年度无政府性基金预算财政拨款收入、支出及结转结余，故《政府性基金预算财政拨款收入支出决算表》为空表；"
                  f"无国有资本经营预算财政拨款收入、支出，故《国有资本经营预算财政拨款收入支出决算表》为空表。"),
    ]))
    secs.append(("九、机关运行经费支出情况说明", [
        ("running", f"{y}年度本部门机关运行经费支出{pub_:.2f}万元，主要用于办公、水电、差旅、公务用车运行维护等日常运转。"),
    ]))
    out = []
    for head, sentences in secs:
        out.append((head, [(k, pub.narrative_overrides.get(k, s)) for k, s in sentences if s]))
    return out


# ------------------------------------------------------------------ the nine tables as cells

def _override(pub: Publication, table: str, line: str, column: str, value: Decimal) -> Decimal:
    return pub.overrides.get((table, line, column), value)


def table_cells(pub: Publication) -> dict[str, dict]:
    """Every table: {"header": [[(text, rowspan, colspan)]], "rows": [[text]], "note": str}."""
    t = totals(pub)
    y = pub.year
    out: dict[str, dict] = {}
    zero = D(0)

    # 1 收入支出决算总表
    inc = [("一、一般公共预算财政拨款收入", t["fiscal"]), ("二、政府性基金预算财政拨款收入", zero),
           ("三、国有资本经营预算财政拨款收入", zero), ("四、上级补助收入", zero), ("五、事业收入", zero),
           ("六、经营收入", zero), ("七、附属单位上缴收入", zero), ("八、其他收入", t["other"])]
    nums = "一二三四五六七八九十"
    exp = [(f"{nums[k]}、{name}", amt) for k, (name, amt) in enumerate(class_totals(pub, lambda i: i.total))]
    left = inc + [("", None)] * max(0, len(exp) - len(inc))
    right = exp + [("", None)] * max(0, len(inc) - len(exp))
    rows = [[a, fmt(av), b, fmt(bv)] for (a, av), (b, bv) in zip(left, right)]
    rows += [["本年收入合计", fmt(t["total"]), "本年支出合计", fmt(t["total"])],
             ["年初结转和结余", fmt(zero), "结余分配", fmt(zero)],
             ["", "", "年末结转和结余", fmt(zero)],
             ["总计", fmt(_override(pub, TABLES[0], "总计", "收入", t["total"])),
              "总计", fmt(_override(pub, TABLES[0], "总计", "支出", t["total"]))]]
    out[TABLES[0]] = {"header": [[("收入", 1, 2), ("支出", 1, 2)],
                                 [("项目", 1, 1), ("决算数", 1, 1), ("项目", 1, 1), ("决算数", 1, 1)]],
                      "rows": rows, "note": "注：本表反映部门本年度的总收支和年末结转结余情况。"}

    # 2 收入决算表
    cols = {"本年收入合计": lambda i: i.total, "财政拨款收入": lambda i: i.fiscal,
            "上级补助收入": lambda i: zero, "事业收入": lambda i: zero, "经营收入": lambda i: zero,
            "附属单位上缴收入": lambda i: zero, "其他收入": lambda i: i.other_basic + i.other_project}
    names, rows = function_table(pub, cols, TABLES[1])
    out[TABLES[1]] = {"header": [[("科目编码", 1, 1), ("科目名称", 1, 1)] + [(n, 1, 1) for n in names]],
                      "rows": [[r[0], r[1]] + [fmt(v) for v in r[2:]] for r in rows],
                      "note": "注：本表反映部门本年度取得的各项收入情况。"}

    # 3 支出决算表
    cols = {"本年支出合计": lambda i: i.total, "基本支出": lambda i: i.fiscal_basic + i.other_basic,
            "项目支出": lambda i: i.fiscal_project + i.other_project, "上缴上级支出": lambda i: zero,
            "经营支出": lambda i: zero, "对附属单位补助支出": lambda i: zero}
    names, rows = function_table(pub, cols, TABLES[2])
    out[TABLES[2]] = {"header": [[("科目编码", 1, 1), ("科目名称", 1, 1)] + [(n, 1, 1) for n in names]],
                      "rows": [[r[0], r[1]] + [fmt(v) for v in r[2:]] for r in rows],
                      "note": "注：本表反映部门本年度各项支出情况。"}

    # 4 财政拨款收入支出决算总表
    inc = [("一、一般公共预算财政拨款", t["fiscal"]), ("二、政府性基金预算财政拨款", zero),
           ("三、国有资本经营预算财政拨款", zero)]
    exp = [(f"{nums[k]}、{name}", amt) for k, (name, amt) in enumerate(class_totals(pub, lambda i: i.fiscal))]
    rows = []
    for k in range(max(len(inc), len(exp))):
        a, av = inc[k] if k < len(inc) else ("", None)
        b, bv = exp[k] if k < len(exp) else ("", None)
        rows.append([a, fmt(av), b, fmt(bv), fmt(bv), fmt(zero) if bv is not None else "",
                     fmt(zero) if bv is not None else ""])
    f = t["fiscal"]
    rows += [["本年收入合计", fmt(f), "本年支出合计", fmt(f), fmt(f), fmt(zero), fmt(zero)],
             ["年初财政拨款结转和结余", fmt(zero), "年末财政拨款结转和结余", fmt(zero), fmt(zero), fmt(zero), fmt(zero)],
             ["总计", fmt(f), "总计", fmt(f), fmt(f), fmt(zero), fmt(zero)]]
    out[TABLES[3]] = {"header": [[("收入", 1, 2), ("支出", 1, 5)],
                                 [("项目", 1, 1), ("决算数", 1, 1), ("项目", 1, 1), ("合计", 1, 1),
                                  ("一般公共预算财政拨款", 1, 1), ("政府性基金预算财政拨款", 1, 1),
                                  ("国有资本经营预算财政拨款", 1, 1)]],
                      "rows": rows, "note": "注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。"}

    # 5 一般公共预算财政拨款支出决算表 (with budget columns when the items carry them)
    with_budget = pub.budget_columns and any(i.initial is not None for i in pub.items)
    cols = {}
    if with_budget:
        cols["年初预算数"] = lambda i: i.initial if i.initial is not None else i.fiscal
        cols["全年预算数"] = lambda i: i.adjusted if i.adjusted is not None else i.fiscal
    cols.update({"合计": lambda i: i.fiscal, "基本支出": lambda i: i.fiscal_basic,
                 "项目支出": lambda i: i.fiscal_project})
    names, rows = function_table(pub, cols, TABLES[4], only_fiscal=True)
    if with_budget:
        header = [[("科目编码", 2, 1), ("科目名称", 2, 1), ("年初预算数", 2, 1), ("全年预算数", 2, 1), ("决算数", 1, 3)],
                  [("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)]]
    else:
        header = [[("科目编码", 1, 1), ("科目名称", 1, 1)] + [(n, 1, 1) for n in names]]
    out[TABLES[4]] = {"header": header, "rows": [[r[0], r[1]] + [fmt(v) for v in r[2:]] for r in rows],
                      "note": "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。"}

    # 6 一般公共预算财政拨款基本支出决算表: two side-by-side blocks, 人员经费 | 公用经费
    pers, publ = pub.personnel_items, pub.public_items
    n = max(len(pers), len(publ))
    rows = []
    for k in range(n):
        a = pers[k] if k < len(pers) else ("", "", None)
        b = publ[k] if k < len(publ) else ("", "", None)
        rows.append([a[0], a[1], fmt(a[2]), b[0], b[1], fmt(b[2])])
    rows.append(["人员经费合计", "", fmt(t["personnel"]), "公用经费合计", "", fmt(t["public"])])
    out[TABLES[5]] = {"header": [[("人员经费", 1, 3), ("公用经费", 1, 3)],
                                 [("科目编码", 1, 1), ("科目名称", 1, 1), ("决算数", 1, 1),
                                  ("科目编码", 1, 1), ("科目名称", 1, 1), ("决算数", 1, 1)]],
                      "rows": rows, "note": "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"}

    # 7 三公
    def block(d):
        car = d["购置"] + d["运行"]
        return [sum(d.values(), D(0)), d["出国"], car, d["购置"], d["运行"], d["接待"]]
    vals = block(pub.three_budget) + block(pub.three_actual)
    out[TABLES[6]] = {"header": [[("预算数", 1, 6), ("决算数", 1, 6)],
                                 [("合计", 2, 1), ("因公出国（境）费", 2, 1), ("公务用车购置及运行费", 1, 3), ("公务接待费", 2, 1)] * 2,
                                 [("小计", 1, 1), ("公务用车购置费", 1, 1), ("公务用车运行费", 1, 1)] * 2],
                      "rows": [[fmt(v) for v in vals]],
                      "note": "注：本表反映部门本年度“三公”经费支出预算和决算情况。"}

    # 8, 9 empty with statements
    out[TABLES[7]] = {"header": [[("科目编码", 2, 1), ("科目名称", 2, 1), ("年初结转和结余", 2, 1), ("本年收入", 2, 1),
                                  ("本年支出", 1, 3), ("年末结转和结余", 2, 1)],
                                 [("小计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)]],
                      "rows": [["", "", "", "", "", "", "", ""]],
                      "note": f"注：本部门{y}年度无政府性基金预算财政拨款收入、支出及结转结余，故本表无数据。"}
    out[TABLES[8]] = {"header": [[("科目编码", 2, 1), ("科目名称", 2, 1), ("本年支出", 1, 3)],
                                 [("合计", 1, 1), ("基本支出", 1, 1), ("项目支出", 1, 1)]],
                      "rows": [["", "", "", "", ""]],
                      "note": f"注：本部门{y}年度无国有资本经营预算财政拨款收入及支出，故本表无数据。"}
    return out
