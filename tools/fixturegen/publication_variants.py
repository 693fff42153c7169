"""Variants of the generated 部门决算 publications, each with injected errors and the findings it
planted: of the clean PDF (tables and 情况说明), of its portal page (tables only), and of the two
publications in layouts the parser was not tuned on (tables in 元, split codes).
"""

from __future__ import annotations

from fixturegen.publication import Pub, cents, money

GENERAL = "一般公共预算财政拨款支出决算表"


def _set(tab, row: int, col: int, value: str) -> str:
    old = tab.rows[row][col]
    tab.rows[row][col] = value
    return old


def variants(clean: Pub) -> list[Pub]:
    out = []

    # 1. 合计 ≠ 基本 + 项目: 行政运行's 基本支出 misprinted in the 一般公共预算 table.
    v = clean.variant("合计不符", "《一般公共预算财政拨款支出决算表》2012601行政运行的基本支出印为521.36（应为512.36），合计未变")
    tab = v.table(GENERAL)
    r = tab.find_row(0, "2012601")
    _set(tab, r, 3, "521.36")
    v.plant("FIN003", [GENERAL, "2012601"], "合计")
    v.plant("FIN001", [GENERAL, "20126"], "基本支出")
    # The misprinted 基本支出 now exceeds the all-funds 基本支出 of 支出决算表 for the same 项.
    v.plant("FIN008", [GENERAL, "2012601", "支出决算表"], "基本支出")
    out.append(v)

    # 2. A narrative amount that disagrees with its table.
    v = clean.variant("说明金额不符", "情况说明中行政运行（项）支出决算写为521.36万元（表中512.36万元）")
    v.replace_text("支出决算为512.36万元", "支出决算为521.36万元")
    v.plant("NAR001", ["情况说明", "2012601"])
    out.append(v)

    # 3. A stated share and a year-on-year rate that are wrong.
    v = clean.variant("百分比有误", "其他收入占比写为1.04%（应为1.40%）；收入支出总计增长率写为4.91%（应为4.19%）")
    v.replace_text("占1.40%", "占1.04%")
    v.replace_text("增长4.19%", "增长4.91%")
    v.plant("NAR002", ["情况说明", "其他收入"])
    v.plant("NAR002", ["情况说明", "收入支出总计"])
    out.append(v)

    # 4. A table missing (not declared empty).
    v = clean.variant("缺表", "未印《财政拨款“三公”经费支出决算表》，目录仍列出")
    v.tables = [t for t in v.tables if t.key != "财政拨款“三公”经费支出决算表"]
    v.plant("FIN009", ["财政拨款“三公”经费支出决算表"])
    out.append(v)

    # 5. A figure that differs between two tables: two class rows of 收入支出决算总表 swapped 1.00
    # (the 总表 still adds up, the classes no longer match 支出决算表).
    v = clean.variant("表间不符", "《收入支出决算总表》一般公共服务支出少印1.00万元、社会保障和就业支出多印1.00万元")
    tab = v.table("收入支出决算总表")
    for label, delta in (("一、一般公共服务支出", -100), ("八、社会保障和就业支出", 100)):
        r = tab.find_row(2, label)
        old = int(round(float(tab.rows[r][3].replace(",", "")) * 100))
        _set(tab, r, 3, money(old + delta))
    v.plant("FIN007", ["收入支出决算总表", "一般公共服务支出", "支出决算表"])
    v.plant("FIN007", ["收入支出决算总表", "社会保障和就业支出", "支出决算表"])
    out.append(v)

    # 6. Comparison words contradicted by the numbers.
    v = clean.variant("比较表述矛盾", "住房公积金（项）决算40.15万元、预算40.80万元却写“大于”；机关运行经费减少却写“增长”")
    v.replace_text("支出决算为40.15万元。决算数小于预算数", "支出决算为40.15万元。决算数大于预算数")
    v.replace_text("减少1.05万元，下降2.17%", "减少1.05万元，增长2.17%")
    v.plant("NAR004", ["情况说明", "2210201"])
    v.plant("NAR004", ["情况说明", "机关运行经费"])
    out.append(v)

    # 6b. “基本持平” for a 项 2.7% under its budget (the rule allows 2%).
    v = clean.variant("持平表述矛盾", "行政单位医疗（项）决算22.47万元、预算23.10万元却写“基本持平”")
    v.replace_text("支出决算为22.47万元。决算数小于预算数的主要原因：部分项目按实际进度结算，相应调减支出。",
                   "支出决算为22.47万元。决算数与预算数基本持平。")
    v.plant("NAR004", ["情况说明", "2101101"])
    out.append(v)

    # 6c. A part of 本年支出合计 misstated: 项目支出 198.90 written 189.90 (its share left as printed).
    v = clean.variant("分项不符", "支出决算情况说明中项目支出写为189.90万元（表中198.90万元），占比未改")
    v.replace_text("项目支出198.90万元", "项目支出189.90万元")
    v.plant("NAR001", ["情况说明", "项目支出"])  # against 支出决算表's 合计 row
    v.plant("NAR005", ["情况说明", "本年支出合计"])  # 基本 + 项目 ≠ 本年支出合计
    v.plant("NAR002", ["情况说明", "项目支出"])  # 22.28% no longer follows from 189.90 ÷ 892.86
    out.append(v)

    # 7. Stale template text: a placeholder and another year's figure.
    v = clean.variant("模板残留", "情况说明留有“XX”占位符，“三公”一段写成2023年度")
    v.replace_text("主要用于：馆藏档案数字化和档案编研项目", "主要用于：XX")
    v.replace_text("2024年度“三公”经费支出决算数小于预算数", "2023年度“三公”经费支出决算数小于预算数")
    v.plant("NAR003", ["情况说明", "（三）一般公共预算财政拨款支出决算具体情况"])
    v.plant("NAR003", ["情况说明", "七、财政拨款“三公”经费支出决算情况说明"])
    out.append(v)
    return out


def _shift(tab, row: int, col: int, delta: int) -> None:
    """Misprint one amount by `delta` cents."""
    _set(tab, row, col, money(cents(tab.rows[row][col].replace(",", "")) + delta, blank_zero=False))


def html_variants(clean: Pub) -> list[Pub]:
    """Table errors on the portal page (it prints the tables only, no 情况说明)."""
    out = []

    # 1. The two sides of 收入支出决算总表 no longer meet: the 支出 总计 misprinted 10.00 high.
    v = clean.variant("总计不等", "《收入支出决算总表》支出方总计多印10.00万元")
    tab = v.table("收入支出决算总表")
    _shift(tab, len(tab.rows) - 1, 3, 1000)
    v.plant("FIN005", ["收入支出决算总表", "总计"], "支出/决算数")
    v.plant("FIN006", ["收入支出决算总表", "总计"], "支出/决算数")  # 总计 ≠ 本年支出合计 + 年末结转和结余
    out.append(v)

    # 2. 公用经费合计 of the 基本支出 table misprinted 1.00 high: it no longer adds up its 类, and
    # 人员经费 + 公用经费 no longer equals the 基本支出 of the 一般公共预算 table.
    v = clean.variant("公用经费不符", "《一般公共预算财政拨款基本支出决算表》公用经费合计多印1.00万元")
    tab = v.table("一般公共预算财政拨款基本支出决算表")
    _shift(tab, len(tab.rows) - 1, 5, 100)
    v.plant("FIN002", ["一般公共预算财政拨款基本支出决算表", "公用经费合计"], "决算数")
    v.plant("FIN004", [GENERAL, "合计"], "基本支出")
    out.append(v)

    # 3. An empty table printed without its 空表说明.
    v = clean.variant("空表无说明", "《政府性基金预算财政拨款收入支出决算表》无数据且未附说明")
    v.table("政府性基金预算财政拨款收入支出决算表").statement = None
    v.plant("FIN011", ["政府性基金预算财政拨款收入支出决算表"])
    out.append(v)
    return out


def other_variants(county: Pub, city: Pub) -> list[Pub]:
    """Injected errors in the two layouts the parser was not tuned on (tables in 元, split codes)."""
    out = []

    # 1. County (tables in 元, prose in 万元): a narrative amount that disagrees with its table.
    v = county.variant("说明金额不符", "情况说明中行政运行（项）支出决算写为468.32万元（表中4,863,200.00元）")
    v.replace_text("支出决算为486.32万元", "支出决算为468.32万元")
    v.plant("NAR001", ["情况说明", "2130101"])
    out.append(v)

    # 2. City (类 | 款 | 项 in three columns): 21103 污染防治's 项目支出 misprinted 45.00 high in 支出决算表.
    v = city.variant("合计不符", "《支出决算表》21103污染防治的项目支出印为1450.05（应为1405.05），本年支出合计未变")
    tab = v.table("支出决算表")
    r = next(i for i, row in enumerate(tab.rows) if row[:3] == ["211", "03", ""])
    _set(tab, r, 6, "1450.05")
    v.plant("FIN003", ["支出决算表", "21103"], "本年支出合计")
    v.plant("FIN001", ["支出决算表", "21103"], "项目支出")  # 款 ≠ Σ项
    v.plant("FIN001", ["支出决算表", "211 "], "项目支出")  # 类 ≠ Σ款
    out.append(v)

    # 3. City, vertical “三公” table: its 合计 决算数 misprinted 1.00 high (≠ Σ parts, ≠ the narrative).
    v = city.variant("三公合计不符", "《财政拨款“三公”经费支出决算表》合计决算数多印1.00万元")
    tab = v.table("财政拨款“三公”经费支出决算表")
    _shift(tab, 0, 2, 100)
    v.plant("FIN013", ["财政拨款“三公”经费支出决算表", "合计"], "决算数")
    v.plant("NAR001", ["情况说明", "三公"])
    out.append(v)
    return out
