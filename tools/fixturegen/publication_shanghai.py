"""The Shanghai layout of a 部门决算 publication: the nine standard tables and the 情况说明, laid out
from one set of inputs (`shanghai(inputs, name)` returns the `Pub` that `publication_render` writes).
"""

from __future__ import annotations

from dataclasses import dataclass

from fixturegen.publication import Econ, HCell, Inputs, Pub, Section, Tab, money, pct


EXPENSE_CLASSES = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
    "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
    "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出",
]
CLASS_CODES = {"一般公共服务支出": "201", "社会保障和就业支出": "208", "卫生健康支出": "210", "住房保障支出": "221",
               "城乡社区支出": "212", "农林水支出": "213", "文化旅游体育与传媒支出": "207", "教育支出": "205"}
INCOME_ROWS = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
               "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


@dataclass
class Totals:
    """Everything the tables and the narrative print, derived from the inputs."""

    inp: Inputs
    by_code: dict[str, dict[str, int]]  # code → {fiscal, basic, project, other, all, all_project}

    @property
    def fiscal(self) -> int:
        return sum(i.basic + i.project for i in self.inp.items)

    @property
    def basic(self) -> int:
        return sum(i.basic for i in self.inp.items)

    @property
    def project_fiscal(self) -> int:
        return sum(i.project for i in self.inp.items)

    @property
    def other(self) -> int:
        return sum(i.other_project for i in self.inp.items)

    @property
    def income(self) -> int:
        return self.fiscal + self.other

    @property
    def grand(self) -> int:
        return self.income + self.inp.carry_in

    @property
    def fiscal_grand(self) -> int:
        return self.fiscal + self.inp.carry_in

    @property
    def people(self) -> int:
        return sum(e.amount for e in self.inp.people if len(e.code) == 5)

    @property
    def public(self) -> int:
        return sum(e.amount for e in self.inp.public if len(e.code) == 5)

    def econ_total(self, code: str, items: list[Econ]) -> int:
        return sum(e.amount for e in items if len(e.code) == 5 and e.code.startswith(code))


def totals(inp: Inputs) -> Totals:
    by: dict[str, dict[str, int]] = {}
    for it in inp.items:
        for code in (it.code[:3], it.code[:5], it.code):
            d = by.setdefault(code, {"basic": 0, "project": 0, "other": 0})
            d["basic"] += it.basic
            d["project"] += it.project
            d["other"] += it.other_project
    t = Totals(inp, by)
    if t.people + t.public != t.basic:
        raise ValueError(f"人员经费 {t.people} + 公用经费 {t.public} ≠ 基本支出 {t.basic}")
    return t


def _name(inp: Inputs, code: str) -> str:
    if len(code) == 3:
        return inp.class_names[code]
    if len(code) == 5:
        return inp.kuan_names[code]
    return next(i.name for i in inp.items if i.code == code)


def _codes(inp: Inputs) -> list[str]:
    out: list[str] = []
    for it in inp.items:
        for code in (it.code[:3], it.code[:5], it.code):
            if code not in out:
                out.append(code)
    return out


def _overview(t: Totals) -> Tab:
    inp = t.inp
    classes = {inp.class_names[c]: v for c, v in t.by_code.items() if len(c) == 3}
    income_vals = {"一般公共预算财政拨款收入": t.fiscal, "其他收入": t.other}
    rows = []
    for n, cls in enumerate(EXPENSE_CLASSES, 1):
        inc = INCOME_ROWS[n - 1] if n <= len(INCOME_ROWS) else None
        v = classes.get(cls)
        spend = v["basic"] + v["project"] + v["other"] if v else 0
        rows.append([f"{numeral(n)}、{inc}" if inc else "", money(income_vals.get(inc, 0)) if inc else "",
                     f"{numeral(n)}、{cls}", money(spend)])
    rows += [["本年收入合计", money(t.income), "本年支出合计", money(t.income)],
             ["使用非财政拨款结余（含专用结余）", "", "结余分配", ""],
             ["年初结转和结余", money(inp.carry_in), "年末结转和结余", money(inp.carry_in)],
             ["总计", money(t.grand), "总计", money(t.grand)]]
    return Tab("收入支出决算总表", ["收入支出决算总表"],
               [[HCell("收入", 2), HCell("支出", 2)], [HCell("项目"), HCell("决算数"), HCell("项目"), HCell("决算数")]],
               ["name", "amount", "name", "amount"], rows)


def _coded(t: Totals, key: str, cols: list[str], values, total_first: bool) -> Tab:
    inp = t.inp
    rows = []
    for code in _codes(inp):
        d = t.by_code[code]
        rows.append([code, _name(inp, code)] + [money(v) for v in values(d)])
    tot = {"basic": sum(t.by_code[c]["basic"] for c in t.by_code if len(c) == 3),
           "project": sum(t.by_code[c]["project"] for c in t.by_code if len(c) == 3),
           "other": sum(t.by_code[c]["other"] for c in t.by_code if len(c) == 3)}
    total_row = ["合计", "合计"] + [money(v) for v in values(tot)]
    rows = [total_row] + rows if total_first else rows + [total_row]
    at = 0 if total_first else len(rows) - 1
    header = [[HCell("项目", 2)] + [HCell(c, 1, 2) for c in cols], [HCell("科目编码"), HCell("科目名称")]]
    return Tab(key, [key], header, ["code", "name"] + ["amount"] * len(cols), rows, spans={(at, 0): 2})


def _income(t: Totals) -> Tab:
    cols = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    return _coded(t, "收入决算表", cols, lambda d: [d["basic"] + d["project"] + d["other"],
                                               d["basic"] + d["project"], 0, 0, 0, 0, d["other"]], True)


def _spending(t: Totals) -> Tab:
    cols = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    return _coded(t, "支出决算表", cols, lambda d: [d["basic"] + d["project"] + d["other"], d["basic"],
                                               d["project"] + d["other"], 0, 0, 0], True)


def _general(t: Totals) -> Tab:
    return _coded(t, "一般公共预算财政拨款支出决算表", ["合计", "基本支出", "项目支出"],
                  lambda d: [d["basic"] + d["project"], d["basic"], d["project"]], False)


def _fiscal_overview(t: Totals) -> Tab:
    inp = t.inp
    classes = {inp.class_names[c]: v for c, v in t.by_code.items() if len(c) == 3}
    inc = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    rows = []
    for n, cls in enumerate(EXPENSE_CLASSES, 1):
        v = classes.get(cls)
        spend = v["basic"] + v["project"] if v else 0
        left = [f"{numeral(n)}、{inc[n - 1]}", money(t.fiscal) if n == 1 else ""] if n <= 3 else ["", ""]
        rows.append(left + [f"{numeral(n)}、{cls}", money(spend), money(spend), "", ""])
    rows += [["本年收入合计", money(t.fiscal), "本年支出合计", money(t.fiscal), money(t.fiscal), "", ""],
             ["年初财政拨款结转和结余", money(inp.carry_in), "年末财政拨款结转和结余", money(inp.carry_in),
              money(inp.carry_in), "", ""],
             ["一、一般公共预算财政拨款", money(inp.carry_in), "", "", "", "", ""],
             ["二、政府性基金预算财政拨款", "", "", "", "", "", ""],
             ["三、国有资本经营预算财政拨款", "", "", "", "", "", ""],
             ["总计", money(t.fiscal_grand), "总计", money(t.fiscal_grand), money(t.fiscal_grand), "", ""]]
    header = [[HCell("收入", 2), HCell("支出", 5)],
              [HCell("项目"), HCell("决算数"), HCell("项目"), HCell("合计"), HCell("一般公共预算财政拨款"),
               HCell("政府性基金预算财政拨款"), HCell("国有资本经营预算财政拨款")]]
    return Tab("财政拨款收入支出决算总表", ["财政拨款收入支出决算总表"], header,
               ["name", "amount", "name", "amount", "amount", "amount", "amount"], rows)


def _basic(t: Totals) -> Tab:
    inp = t.inp

    def column(items: list[Econ]) -> list[list[str]]:
        out = []
        for e in items:
            v = e.amount if len(e.code) == 5 else t.econ_total(e.code, items)
            out.append([e.code, e.name, money(v)])
        return out

    left, right = column(inp.people), column(inp.public)
    n = max(len(left), len(right))
    left += [["", "", ""]] * (n - len(left))
    right += [["", "", ""]] * (n - len(right))
    rows = [a + b for a, b in zip(left, right)]
    rows.append(["人员经费合计", "人员经费合计", money(t.people), "公用经费合计", "公用经费合计", money(t.public)])
    header = [[HCell("科目编码"), HCell("科目名称"), HCell("决算数"), HCell("科目编码"), HCell("科目名称"), HCell("决算数")]]
    return Tab("一般公共预算财政拨款基本支出决算表", ["一般公共预算财政拨款基本支出决算表"], header,
               ["code", "name", "amount", "code", "name", "amount"], rows,
               spans={(len(rows) - 1, 0): 2, (len(rows) - 1, 3): 2}, sides=[1, 1, 1, 2, 2, 2])


SANGONG = ["因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费"]


def _sangong(t: Totals) -> Tab:
    b, a = t.inp.sangong_budget, t.inp.sangong_actual
    car_b = b["公务用车购置费"] + b["公务用车运行费"]
    car_a = a["公务用车购置费"] + a["公务用车运行费"]
    vals = [sum(b.values()), sum(a.values()), b["因公出国（境）费"], a["因公出国（境）费"], car_b, car_a,
            b["公务用车购置费"], a["公务用车购置费"], b["公务用车运行费"], a["公务用车运行费"],
            b["公务接待费"], a["公务接待费"]]
    pair = [HCell("预算数"), HCell("决算数")]
    header = [[HCell("财政拨款“三公”经费", 12)],
              [HCell("合计", 2, 2), HCell("因公出国（境）费", 2, 2), HCell("公务用车购置及运行费", 6), HCell("公务接待费", 2, 2)],
              [HCell("小计", 2), HCell("公务用车购置费", 2), HCell("公务用车运行费", 2)],
              pair * 6]
    # The last header row restates every column's measure; rows 2–3 leave room for spans.
    header[2] = [HCell("小计", 2), HCell("公务用车购置费", 2), HCell("公务用车运行费", 2)]
    return Tab("财政拨款“三公”经费支出决算表", ["财政拨款“三公”经费支出决算表"], header, ["amount"] * 12,
               [[money(v, blank_zero=False) for v in vals]])


def _empty_fund(key: str, unit: str, what: str) -> Tab:
    header = [[HCell("项目", 2), HCell("年初结转和结余", 1, 2), HCell("本年收入", 1, 2), HCell("本年支出", 3),
               HCell("年末结转和结余", 1, 2)],
              [HCell("科目编码"), HCell("科目名称"), HCell("小计"), HCell("基本支出"), HCell("项目支出")]]
    return Tab(key, [key], header, ["code", "name"] + ["amount"] * 6, [["合计", "合计", "", "", "", "", "", ""]],
               spans={(0, 0): 2}, statement=f"注：{unit}无{what}，故本表无数据。")


def shanghai(inp: Inputs, name: str) -> Pub:
    t = totals(inp)
    u, y = inp.unit, inp.year
    tables = [_overview(t), _income(t), _spending(t), _fiscal_overview(t), _general(t), _basic(t), _sangong(t),
              _empty_fund("政府性基金预算财政拨款收入支出决算表", u, "政府性基金预算财政拨款收入支出"),
              _empty_fund("国有资本经营预算财政拨款收入支出决算表", u, "国有资本经营预算财政拨款收入支出")]
    toc = ([f"第一部分 {u}概况", " 一、主要职能", " 二、部门决算单位构成", f"第二部分 {u}{y}年度部门决算表"]
           + [f" {numeral(i)}、{tb.key}" for i, tb in enumerate(tables, 1)]
           + [f"第三部分 {u}{y}年度部门决算情况说明", "第四部分 名词解释"])
    return Pub(name=name, unit=u, year=y, cover=[u, f"{y}年度部门决算"], toc=toc,
               intro=[f"第一部分 {u}概况", "一、主要职能",
                      f"{u}负责本区档案的收集、整理、保管和利用，组织开展档案编研和档案信息化建设。",
                      "二、部门决算单位构成", f"{u}部门决算仅包括本级决算，无下属预算单位。"],
               tables=tables, narrative_title=f"第三部分 {u}{y}年度部门决算情况说明",
               narrative=narrative(t), glossary=[
                   "第四部分 名词解释",
                   "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。",
                   "二、基本支出：指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。",
                   "三、项目支出：指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。"],
               parts=(f"第二部分 {u}{y}年度部门决算表", f"第三部分 {u}{y}年度部门决算情况说明", "第四部分 名词解释"))


def _change(now: int, prior: int) -> tuple[str, str, str]:
    """(增加/减少, amount, 增长/下降 rate) of `now` against `prior`."""
    diff = now - prior
    if diff == 0:
        return "持平", "", ""
    word, rate_word = ("增加", "增长") if diff > 0 else ("减少", "下降")
    return word, money(abs(diff), sep=False), f"{rate_word}{pct(abs(diff), prior)}%"


def narrative(t: Totals) -> list[Section]:
    inp = t.inp
    u, y, p = inp.unit, inp.year, inp.year - 1
    s: list[Section] = []

    w, amt, rate = _change(t.grand, inp.prior["收入支出总计"])
    s.append(Section("一、收入支出决算总体情况说明", [
        f"{u}{y}年度收入支出总计{money(t.grand, False, False)}万元。与{p}年度相比，收入支出总计{w}{amt}万元，{rate}。"
        f"主要原因：{inp.reason_change}。"]))
    s.append(Section("二、收入决算情况说明", [
        f"本年收入合计{money(t.income, False, False)}万元，其中：财政拨款收入{money(t.fiscal, False, False)}万元，"
        f"占{pct(t.fiscal, t.income)}%；其他收入{money(t.other, False, False)}万元，占{pct(t.other, t.income)}%。"]))
    proj = t.project_fiscal + t.other
    s.append(Section("三、支出决算情况说明", [
        f"本年支出合计{money(t.income, False, False)}万元，其中：基本支出{money(t.basic, False, False)}万元，"
        f"占{pct(t.basic, t.income)}%；项目支出{money(proj, False, False)}万元，占{pct(proj, t.income)}%。"]))
    w, amt, rate = _change(t.fiscal_grand, inp.prior["财政拨款收入支出总计"])
    s.append(Section("四、财政拨款收入支出决算总体情况说明", [
        f"{u}{y}年度财政拨款收入支出总计{money(t.fiscal_grand, False, False)}万元。与{p}年度相比，"
        f"财政拨款收入支出总计{w}{amt}万元，{rate}。主要原因：{inp.reason_change}。"]))
    w, amt, rate = _change(t.fiscal, inp.prior["一般公共预算财政拨款支出"])
    structure = "；".join(
        f"{inp.class_names[c]}（类）{money(d['basic'] + d['project'], False, False)}万元，占{pct(d['basic'] + d['project'], t.fiscal)}%"
        for c, d in t.by_code.items() if len(c) == 3)
    budget_word = "小于" if t.fiscal < inp.fiscal_budget else "大于"
    details = []
    for n, it in enumerate([i for i in inp.items if i.budget or i.basic or i.project], 1):
        actual = it.basic + it.project
        if actual == it.budget:
            verdict = "决算数与预算数基本持平。"
        elif actual < it.budget:
            verdict = f"决算数小于预算数的主要原因：{inp.reason_under}。"
        else:
            verdict = "决算数大于预算数的主要原因：年中追加相关经费。"
        details.append(
            f"{n}、{inp.class_names[it.code[:3]]}（类）{inp.kuan_names[it.code[:5]]}（款）{it.name}（项）。"
            f"主要用于：{it.use}。年初预算为{money(it.budget, False, False)}万元，支出决算为{money(actual, False, False)}万元。"
            f"{verdict}")
    s.append(Section("五、一般公共预算财政拨款支出决算情况说明", []))
    s.append(Section("（一）一般公共预算财政拨款支出决算总体情况", [
        f"一般公共预算财政拨款支出{money(t.fiscal, False, False)}万元，占本年支出合计的{pct(t.fiscal, t.income)}%。"
        f"与{p}年度相比，一般公共预算财政拨款支出{w}{amt}万元，{rate}。主要原因：{inp.reason_change}。"], 2))
    s.append(Section("（二）一般公共预算财政拨款支出决算结构情况", [
        f"一般公共预算财政拨款支出{money(t.fiscal, False, False)}万元，主要用于以下方面：{structure}。"], 2))
    s.append(Section("（三）一般公共预算财政拨款支出决算具体情况", [
        f"一般公共预算财政拨款支出年初预算为{money(inp.fiscal_budget, False, False)}万元，支出决算为{money(t.fiscal, False, False)}万元，"
        f"完成年初预算的{pct(t.fiscal, inp.fiscal_budget)}%。决算数{budget_word}预算数的主要原因：{inp.reason_under}。其中："]
        + details, 2))
    s.append(Section("六、一般公共预算财政拨款基本支出决算情况说明", [
        f"一般公共预算财政拨款基本支出{money(t.basic, False, False)}万元。其中：人员经费{money(t.people, False, False)}万元，"
        f"主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、住房公积金；"
        f"公用经费{money(t.public, False, False)}万元，主要包括：办公费、水费、电费、邮电费、差旅费、维修（护）费、办公设备购置。"]))
    b, a = inp.sangong_budget, inp.sangong_actual
    sb, sa = sum(b.values()), sum(a.values())
    car_b, car_a = b["公务用车购置费"] + b["公务用车运行费"], a["公务用车购置费"] + a["公务用车运行费"]
    sangong_word, sangong_reason = (("小于预算数的主要原因：", "严格控制公务用车使用和公务接待。") if sa < sb else
                                    ("大于预算数的主要原因：", "年中追加公务用车运行维护经费。") if sa > sb else
                                    ("与预算数持平。", ""))
    s.append(Section("七、财政拨款“三公”经费支出决算情况说明", [
        f"“三公”经费财政拨款支出年初预算为{money(sb, False, False)}万元，支出决算为{money(sa, False, False)}万元，"
        f"完成预算的{pct(sa, sb)}%，其中：公务用车购置及运行维护费年初预算为{money(car_b, False, False)}万元，"
        f"支出决算为{money(car_a, False, False)}万元，完成预算的{pct(car_a, car_b)}%；公务接待费年初预算为"
        f"{money(b['公务接待费'], False, False)}万元，支出决算为{money(a['公务接待费'], False, False)}万元，"
        f"完成预算的{pct(a['公务接待费'], b['公务接待费'])}%。{y}年度“三公”经费支出决算数{sangong_word}"
        f"{sangong_reason}"]))
    s.append(Section("八、政府性基金预算财政拨款收入支出决算情况说明", [
        f"{u}{y}年度无政府性基金预算财政拨款收入和支出。"]))
    s.append(Section("九、国有资本经营预算财政拨款收入支出决算情况说明", [
        f"{u}{y}年度无国有资本经营预算财政拨款收入和支出。"]))
    w, amt, rate = _change(t.public, inp.prior["机关运行经费"])
    s.append(Section("十、其他重要事项的情况说明", []))
    s.append(Section("（一）机关运行经费支出情况", [
        f"机关运行经费支出{money(t.public, False, False)}万元，比{p}年度{w}{amt}万元，{rate}。主要原因是压减办公和会议支出。"], 2))
    return s
