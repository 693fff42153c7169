"""Case d of the second blind test: 部门预算 publications as PDF (Word → LibreOffice).

荷塘区卫生健康局 2024年部门预算 (万元, portrait): the 一般公共预算支出表 prints 项 2100409 重大公共卫生服务
as 112.00 instead of 120.00 in 合计 and 项目支出, so 款 21004 公共卫生 (420.00) ≠ Σ项 (412.00) → FIN001 ×2.
柳营县卫生健康委员会 2024年部门预算 (元, landscape, the same structure, amounts × 1.2): clean.
Nine tables (the last two declared empty in a notes row), a short 情况说明 whose figures agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

from .blind2_render import docx_file

YEAR = 2024

# 项: code, name, basic (all funds), project (all funds), of which other income (project)
ITEMS = [
    ("2080505", "机关事业单位基本养老保险缴费支出", D("60.00"), D("0.00"), D("0.00")),
    ("2080506", "机关事业单位职业年金缴费支出", D("24.00"), D("0.00"), D("0.00")),
    ("2100101", "行政运行", D("420.00"), D("0.00"), D("0.00")),
    ("2100199", "其他卫生健康管理事务支出", D("0.00"), D("80.00"), D("50.00")),
    ("2100408", "基本公共卫生服务", D("0.00"), D("300.00"), D("0.00")),
    ("2100409", "重大公共卫生服务", D("0.00"), D("120.00"), D("0.00")),
    ("2210201", "住房公积金", D("46.00"), D("0.00"), D("0.00")),
]
NAMES = {"208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "210": "卫生健康支出",
         "21001": "卫生健康管理事务", "21004": "公共卫生", "221": "住房保障支出", "22102": "住房改革支出"}
# economic classification of 基本支出: code, name, 人员经费, 公用经费
ECON = [
    ("30101", "基本工资", D("200.00"), D("0")), ("30102", "津贴补贴", D("110.00"), D("0")),
    ("30107", "绩效工资", D("60.00"), D("0")), ("30108", "机关事业单位基本养老保险缴费", D("60.00"), D("0")),
    ("30109", "职业年金缴费", D("24.00"), D("0")), ("30113", "住房公积金", D("46.00"), D("0")),
    ("30201", "办公费", D("0"), D("20.00")), ("30211", "差旅费", D("0"), D("12.00")),
    ("30228", "工会经费", D("0"), D("8.00")), ("30229", "福利费", D("0"), D("10.00")),
]
ECON_NAMES = {"301": "工资福利支出", "302": "商品和服务支出"}
SANGONG = {"合计": D("6.50"), "因公出国（境）费": D("0.00"), "小计": D("4.50"), "购置费": D("0.00"),
           "运行费": D("4.50"), "公务接待费": D("2.00")}


@dataclass
class Budget:
    unit: str
    money_unit: str          # 万元 | 元
    factor: D                # amounts × factor (a second unit with other figures)
    landscape: bool
    misprint: dict = field(default_factory=dict)   # (table, code) → {column: printed amount in 万元}
    findings: list[dict] = field(default_factory=list)

    def a(self, x: D) -> D:
        return (x * self.factor).quantize(D("0.01"))

    def fmt(self, x: D) -> str:
        v = self.a(x)
        if self.money_unit == "元":
            return f"{v * 10000:,.2f}"
        return f"{v:,.2f}"


def hetang() -> Budget:
    b = Budget("荷塘区卫生健康局", "万元", D(1), False,
               misprint={("一般公共预算支出表", "2100409"): {"合计": D("112.00"), "项目支出": D("112.00")}})
    b.findings = [
        {"rule_id": "FIN001", "severity": "error", "table": "一般公共预算支出表", "line": "21004 公共卫生",
         "code": "21004", "column": "一般公共预算支出/合计", "total": "420.00", "computed": "412.00"},
        {"rule_id": "FIN001", "severity": "error", "table": "一般公共预算支出表", "line": "21004 公共卫生",
         "code": "21004", "column": "一般公共预算支出/项目支出", "total": "420.00", "computed": "412.00"},
    ]
    return b


def liuying() -> Budget:
    return Budget("柳营县卫生健康委员会", "元", D("1.2"), True)


def _nest(items: list[tuple[str, str, list[D]]]) -> list[tuple[str, str, list[D]]]:
    """类 / 款 / 项 rows in order, with 类 and 款 sums, from 项 rows (code, name, values)."""
    out: list[tuple[str, str, list[D]]] = []
    width = len(items[0][2])
    for cls in sorted({c[:3] for c, _, _ in items}):
        vals = [sum((v[k] for c, _, v in items if c.startswith(cls)), D(0)) for k in range(width)]
        out.append((cls, NAMES[cls], vals))
        for kuan in sorted({c[:5] for c, _, _ in items if c.startswith(cls)}):
            vals = [sum((v[k] for c, _, v in items if c.startswith(kuan)), D(0)) for k in range(width)]
            out.append((kuan, NAMES[kuan], vals))
            out += [(c, n, v) for c, n, v in items if c.startswith(kuan)]
    return out


def _all_funds() -> list[tuple[str, str, list[D]]]:
    """[合计, 基本支出, 项目支出] per 项, all funds."""
    return [(c, n, [b + p, b, p]) for c, n, b, p, _ in ITEMS]


def _fiscal() -> list[tuple[str, str, list[D]]]:
    """[合计, 基本支出, 项目支出] per 项, 一般公共预算 only."""
    return [(c, n, [b + p - o, b, p - o]) for c, n, b, p, o in ITEMS]


def _income() -> list[tuple[str, str, list[D]]]:
    """[合计, 一般公共预算拨款收入, 政府性基金, 事业收入, 其他收入] per 项."""
    return [(c, n, [b + p, b + p - o, D(0), D(0), o]) for c, n, b, p, o in ITEMS]


def totals():
    allf = _all_funds()
    fiscal = _fiscal()
    total = sum(v[0] for _, _, v in allf)
    ftotal = sum(v[0] for _, _, v in fiscal)
    classes = [(cls, NAMES[cls], sum(v[0] for c, _, v in allf if c.startswith(cls)),
                sum(v[0] for c, _, v in fiscal if c.startswith(cls))) for cls in sorted({c[:3] for c, *_ in ITEMS})]
    return {"total": total, "fiscal": ftotal, "other": total - ftotal,
            "basic": sum(v[1] for _, _, v in allf), "project": sum(v[2] for _, _, v in allf),
            "fiscal_basic": sum(v[1] for _, _, v in fiscal), "fiscal_project": sum(v[2] for _, _, v in fiscal),
            "classes": classes,
            "personnel": sum(p for *_, p, _ in ECON), "public": sum(g for *_, g in ECON)}


def _coded_rows(b: Budget, table: str, rows) -> list[list[str]]:
    out = []
    for code, name, vals in rows:
        printed = list(vals)
        fix = b.misprint.get((table, code))
        cols = ["合计", "基本支出", "项目支出"]
        if fix:
            for col, amount in fix.items():
                printed[cols.index(col)] = amount / b.factor
        out.append([code, name] + [b.fmt(v) for v in printed])
    return out


def _sum_row(b: Budget, label: str, rows) -> list[str]:
    width = len(rows[0][2])
    return [(label, 2)] + [b.fmt(sum((v[k] for c, _, v in rows), D(0))) for k in range(width)]


def tables(b: Budget) -> list[tuple[str, list, int, str | None]]:
    """(title, rows, ncols, note) of the nine tables."""
    t = totals()
    fm = b.fmt
    out = []
    # 1 收支预算总表
    rows = [[("收入", 2), ("支出", 2)], ["项目", "预算数", "项目", "预算数"]]
    income = [("一、一般公共预算拨款收入", t["fiscal"]), ("二、政府性基金预算拨款收入", D(0)),
              ("三、国有资本经营预算拨款收入", D(0)), ("四、事业收入", D(0)), ("五、其他收入", t["other"])]
    spend = [(f"{k}、{name}", amount) for k, (_, name, amount, _) in zip("一二三", t["classes"])]
    spend += [("", None), ("", None)]
    for (iname, iv), (sname, sv) in zip(income, spend):
        rows.append([iname, fm(iv), sname, "" if sv is None else fm(sv)])
    rows.append(["本年收入合计", fm(t["total"]), "本年支出合计", fm(t["total"])])
    rows.append(["上年结转", fm(D(0)), "结转下年", fm(D(0))])
    rows.append(["收入总计", fm(t["total"]), "支出总计", fm(t["total"])])
    out.append(("收支预算总表", rows, 4, None))
    # 2 收入预算表
    inc = _nest(_income())
    rows = [[("科目", 2), ("合计", 1, 2), ("一般公共预算拨款收入", 1, 2), ("政府性基金预算拨款收入", 1, 2),
             ("事业收入", 1, 2), ("其他收入", 1, 2)], ["科目编码", "科目名称"]]
    rows.append(_sum_row(b, "合计", [r for r in inc if len(r[0]) == 3]))
    rows += [[c, n] + [fm(x) for x in v] for c, n, v in inc]
    out.append(("收入预算表", rows, 7, None))
    # 3 支出预算表
    allf = _nest(_all_funds())
    rows = [[("科目", 2), ("合计", 1, 2), ("基本支出", 1, 2), ("项目支出", 1, 2)], ["科目编码", "科目名称"]]
    rows.append(_sum_row(b, "合计", [r for r in allf if len(r[0]) == 3]))
    rows += _coded_rows(b, "支出预算表", allf)
    out.append(("支出预算表", rows, 5, None))
    # 4 财政拨款收支预算总表
    rows = [[("收入", 2), ("支出", 3)], ["项目", "预算数", "项目", "合计", "一般公共预算"]]
    fincome = [("一、一般公共预算拨款", t["fiscal"]), ("二、政府性基金预算拨款", D(0)),
               ("三、国有资本经营预算拨款", D(0))]
    fspend = [(f"{k}、{name}", famount) for k, (_, name, _, famount) in zip("一二三", t["classes"])]
    for (iname, iv), (sname, sv) in zip(fincome, fspend):
        rows.append([iname, fm(iv), sname, fm(sv), fm(sv)])
    rows.append(["收入总计", fm(t["fiscal"]), "支出总计", fm(t["fiscal"]), fm(t["fiscal"])])
    out.append(("财政拨款收支预算总表", rows, 5, None))
    # 5 一般公共预算支出表
    fis = _nest(_fiscal())
    rows = [[("科目", 2), ("一般公共预算支出", 3)], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]
    rows.append(_sum_row(b, "合计", [r for r in fis if len(r[0]) == 3]))
    rows += _coded_rows(b, "一般公共预算支出表", fis)
    out.append(("一般公共预算支出表", rows, 5, None))
    # 6 一般公共预算基本支出表
    econ = []
    for cls in ("301", "302"):
        part = [(c, n, [p + g, p, g]) for c, n, p, g in ECON if c.startswith(cls)]
        econ.append((cls, ECON_NAMES[cls], [sum((v[k] for *_, v in part), D(0)) for k in range(3)]))
        econ += part
    rows = [[("部门预算经济分类", 2), ("一般公共预算基本支出", 3)], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
    rows.append(_sum_row(b, "合计", [r for r in econ if len(r[0]) == 3]))
    rows += [[c, n] + [fm(x) for x in v] for c, n, v in econ]
    out.append(("一般公共预算基本支出表", rows, 5, None))
    # 7 三公
    s = SANGONG
    rows = [[("合计", 1, 2), ("因公出国（境）费", 1, 2), ("公务用车购置及运行费", 3), ("公务接待费", 1, 2)],
            ["小计", "购置费", "运行费"],
            [fm(s["合计"]), fm(s["因公出国（境）费"]), fm(s["小计"]), fm(s["购置费"]), fm(s["运行费"]),
             fm(s["公务接待费"])]]
    out.append(("一般公共预算“三公”经费支出表", rows, 6, None))
    # 8, 9 empty
    rows = [[("科目", 2), ("本年政府性基金预算支出", 3)], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "", "", "", ""]]
    out.append(("政府性基金预算支出表", rows, 5,
                f"注：{b.unit}{YEAR}年没有使用政府性基金预算拨款安排的支出，故本表无数据。"))
    rows = [[("科目", 2), ("本年国有资本经营预算支出", 3)], ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "", "", "", ""]]
    out.append(("国有资本经营预算支出表", rows, 5,
                f"注：{b.unit}{YEAR}年没有使用国有资本经营预算拨款安排的支出，故本表无数据。"))
    return out


def narrative(b: Budget) -> list[str]:
    t = totals()
    u = b.money_unit
    fm = b.fmt
    return [
        "第三部分　2024年部门预算情况说明",
        "一、收支预算总体情况说明",
        f"{b.unit}{YEAR}年收入、支出预算总计{fm(t['total'])}{u}。收入预算中，一般公共预算拨款收入{fm(t['fiscal'])}{u}，"
        f"其他收入{fm(t['other'])}{u}；支出预算中，基本支出{fm(t['basic'])}{u}，项目支出{fm(t['project'])}{u}。",
        "二、一般公共预算支出预算情况说明",
        f"{YEAR}年一般公共预算支出{fm(t['fiscal'])}{u}，其中：基本支出{fm(t['fiscal_basic'])}{u}，"
        f"项目支出{fm(t['fiscal_project'])}{u}。",
        "三、一般公共预算基本支出预算情况说明",
        f"{YEAR}年一般公共预算基本支出{fm(t['fiscal_basic'])}{u}，其中：人员经费{fm(t['personnel'])}{u}，"
        f"公用经费{fm(t['public'])}{u}。",
        "四、“三公”经费预算情况说明",
        f"{YEAR}年一般公共预算“三公”经费预算{fm(SANGONG['合计'])}{u}，其中：因公出国（境）费{fm(D(0))}{u}，"
        f"公务用车购置及运行费{fm(SANGONG['小计'])}{u}，公务接待费{fm(SANGONG['公务接待费'])}{u}。",
        "五、政府性基金预算支出情况说明",
        f"{b.unit}{YEAR}年没有使用政府性基金预算拨款安排的支出。",
    ]


def budget_docx(b: Budget, path: Path) -> None:
    ncols_max = 7
    blocks: list = [("p", f"{b.unit}{YEAR}年部门预算", 20, True, True),
                    ("p", "目　录", 14, True, True),
                    ("p", "第一部分　部门概况"), ("p", "第二部分　2024年部门预算表")]
    ts = tables(b)
    for k, (title, _, _, _) in enumerate(ts, 1):
        blocks.append(("p", f"　　{k}.{title}"))
    blocks.append(("p", "第三部分　2024年部门预算情况说明"))
    blocks.append(("p", "第一部分　部门概况", 14, True))
    blocks.append(("p", f"{b.unit}是区政府工作部门，主要负责辖区卫生健康事业发展规划、公共卫生和医疗服务管理等工作。"
                        "内设办公室、医政医管股、疾病预防控制股等6个股室。"))
    blocks.append(("p", "第二部分　2024年部门预算表", 14, True))
    for k, (title, rows, ncols, note) in enumerate(ts, 1):
        blocks.append(("p", f"表{k}", 9))
        blocks.append(("p", title, 12, True, True))
        blocks.append(("p", f"部门：{b.unit}　　　　　　　　　　　　　　　　单位：{b.money_unit}", 9))
        if note:
            rows = rows + [[(note, ncols)]]
        blocks.append(("t", rows, ncols))
    text = narrative(b)
    blocks.append(("p", text[0], 14, True))
    for line in text[1:]:
        heading = line[:2] in ("一、", "二、", "三、", "四、", "五、")
        blocks.append(("p", line, 11 if heading else 10.5, heading))
    assert ncols_max >= max(n for _, _, n, _ in ts)
    docx_file(path, blocks, landscape=b.landscape)


def expected_tables(b: Budget) -> dict:
    """Every line of the function-classified tables and of the 基本支出 table, as printed."""
    out = {}
    for title, rows, ncols, _ in tables(b):
        if title not in ("收入预算表", "支出预算表", "一般公共预算支出表", "一般公共预算基本支出表"):
            continue
        header = rows[1][2:] if title in ("一般公共预算支出表", "一般公共预算基本支出表") else [
            h[0] if isinstance(h, tuple) else h for h in rows[0][1:]]
        lines = []
        for row in rows[2:]:
            code = row[0] if isinstance(row[0], str) else ""
            name = row[1] if isinstance(row[0], str) else row[0][0]
            values = row[2:] if isinstance(row[0], str) else row[1:]
            lines.append({"code": code, "name": name,
                          "amounts": dict(zip(header, values))})
        out[title] = lines
    return out


def key_figures(b: Budget) -> dict:
    t = totals()
    return {"收入总计": b.fmt(t["total"]), "一般公共预算拨款收入": b.fmt(t["fiscal"]),
            "基本支出": b.fmt(t["basic"]), "项目支出": b.fmt(t["project"]),
            "一般公共预算支出": b.fmt(t["fiscal"]), "人员经费": b.fmt(t["personnel"]),
            "公用经费": b.fmt(t["public"]), "三公经费合计": b.fmt(SANGONG["合计"])}
