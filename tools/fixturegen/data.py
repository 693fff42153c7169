"""The fixtures' figures: the single source of truth for every document and expected record.

Amounts are written as printed, in the table's own unit (元 or 万元). Totals (合计, 基本支出,
资金总额) are computed from their parts here, plus an explicit printed deviation where a document
is meant to carry a sum error or a rounding difference. Rates are computed from the printed
amounts with the filer's rounding unless a line states the (wrong) rate that was printed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from fixturegen.model import Doc, Expect, Indicator, Line, Report, Style

D = Decimal
KEYS = ("initial", "annual", "executed")
UNIT_LABELS = {"合计": "合计", "基本支出": "基本支出", "人员经费": "其中：人员经费",
               "公用经费": "公用经费", "项目支出": "项目支出"}
PROJECT_LABELS = {"资金总额": "年度资金总额", "财政拨款": "其中：财政拨款", "其他资金": "其他资金"}


def _amounts(triple) -> dict[str, Decimal | None]:
    return {k: (None if v is None else D(v)) for k, v in zip(KEYS, triple, strict=True)}


def _sum(name: str, a: dict, b: dict, add: dict) -> dict:
    out = {}
    for k in KEYS:
        if a[k] is None and b[k] is None:
            out[k] = None
        else:
            out[k] = (a[k] or 0) + (b[k] or 0) + D(add.get((name, k), 0))
    return out


def unit_lines(people, office, projects, *, labels=None, add=None, per=None, total_last=False) -> list[Line]:
    """Unit-wide lines from (年初预算数, 全年预算数, 执行数) of 人员经费, 公用经费, 项目支出.

    `add[(line, key)]` is how far a printed total deviates from the sum of its printed parts.
    """
    add, per = add or {}, per or {}
    labels = {**UNIT_LABELS, **(labels or {})}
    p, o, j = _amounts(people), _amounts(office), _amounts(projects)
    basic = _sum("基本支出", p, o, add)
    total = _sum("合计", basic, j, add)
    values = {"合计": total, "基本支出": basic, "人员经费": p, "公用经费": o, "项目支出": j}
    order = ["合计", "基本支出", "人员经费", "公用经费", "项目支出"]
    if total_last:
        order = order[1:] + order[:1]
    return [Line(name=n, label=labels[n], **values[n], **per.get(n, {})) for n in order]


def project_lines(fiscal, other, *, labels=None, add=None, per=None) -> list[Line]:
    add, per = add or {}, per or {}
    labels = {**PROJECT_LABELS, **(labels or {})}
    f, o = _amounts(fiscal), _amounts(other)
    total = _sum("资金总额", f, o, add)
    values = {"资金总额": total, "财政拨款": f, "其他资金": o}
    return [Line(name=n, label=labels[n], **values[n], **per.get(n, {})) for n in ("资金总额", "财政拨款", "其他资金")]


def correct_pct(lines: list[Line], name: str) -> str:
    line = next(ln for ln in lines if ln.name == name)
    return f"{line.exact_rate().quantize(D('0.01'), rounding=ROUND_HALF_UP)}%"


def ind(l1, l2, l3, target, actual, forecast=None, **kw) -> Indicator:
    return Indicator(l1, l2, l3, target, actual, target if forecast is None else forecast, **kw)


def edit(indicators: list[Indicator], **changes: dict) -> list[Indicator]:
    """Copy with some indicators changed, by 三级 name (keyword: name with spaces → underscores)."""
    by_name = {k.replace("_", " "): v for k, v in changes.items()}
    out = []
    for i in indicators:
        fields = dict(vars(i))
        fields.update(by_name.get(i.level3, {}))
        out.append(Indicator(**fields))
    missing = set(by_name) - {i.level3 for i in indicators}
    if missing:
        raise KeyError(f"no such indicator: {missing}")
    return out


# ---------------------------------------------------------------------------------------------
# nanjie-2024: figures fixed by the sample-submission brief.


def nanjie_indicators(basic_rate: str, project_rate: str) -> list[Indicator]:
    m, r, e = "部门管理", "部门履职", "部门效果"
    return [
        ind(m, "资金投入", "预算编制完整性", "完整", "完整"),
        ind(m, "资金投入", "基本支出预算执行率", "100%", basic_rate),
        ind(m, "资金投入", "项目支出预算执行率", "≥90%", project_rate, reason="项目尚不具备付款条件"),
        ind(m, "资金投入", "“三公经费”控制率", "≤100%", "100%"),
        ind(m, "财务管理", "财务管理制度健全性", "健全", "健全"),
        ind(m, "财务管理", "资金使用合规性", "规范", "规范"),
        ind(m, "采购管理", "政府采购规范性", "规范", "规范"),
        ind(m, "资产管理", "资产管理规范性", "规范", "规范"),
        ind(m, "资产管理", "固定资产利用率", "≥95%", "96%"),
        ind(m, "人员管理", "在职人员控制率", "≤100%", "98%"),
        ind(m, "人员管理", "人员管理制度健全性", "健全", "健全"),
        ind(m, "制度管理", "内控制度健全性", "健全", "健全"),
        ind(m, "制度管理", "公用经费控制率", "≤100%", "98%"),
        ind(r, "重点履职", "部门履职情况提升性", "有效提升", "有效提升"),
        ind(e, "社会效益", "部门效果达标率", "达标", "达标"),
        ind(e, "服务对象满意度", "服务对象满意度", "满意", "满意"),
        ind(e, "社会影响满意度", "社会影响满意度", "较好", "较好"),
    ]


def nanjie_docs() -> list[Doc]:
    sub = "nanjie-2024"
    unit = "南街街道办事处"
    lines6 = unit_lines(
        ("958.63", "958.63", "479.32"), ("71.62", "71.62", "30.15"), ("134.37", "134.37", "22.46"),
        per={"合计": {"formula": True}, "基本支出": {"formula": True, "rate": "43.75"},
             "项目支出": {"rate": "1.93", "reason": "部分项目不具备付款条件"}},
    )
    lines9 = unit_lines(
        ("958.63", "958.63", "718.97"), ("71.62", "71.62", "50.31"), ("134.37", "134.37", "61.85"),
        per={"基本支出": {"rate": "66.05"}, "项目支出": {"rate": "5.31", "reason": "项目尚不具备付款条件"}},
    )
    r6 = Report("unit", unit, 2024, 6, "万元", lines6,
                nanjie_indicators(correct_pct(lines6, "基本支出"), correct_pct(lines6, "项目支出")),
                Style(title="2024年1-6月部门整体支出绩效运行监控表",
                      before=[(f"填报单位：{unit}", "单位：万元")],
                      after=[("单位负责人：", "填报日期：2024年7月10日")],
                      rate_style="fraction"))
    r9 = Report("unit", unit, 2024, 9, "万元", lines9,
                nanjie_indicators(correct_pct(lines9, "基本支出"), correct_pct(lines9, "项目支出")),
                Style(title=f"{unit}2024年1—9月绩效运行监控表",
                      before=[(f"填报单位（盖章）：{unit}", "金额单位：万元")],
                      section_col=True,
                      ind_headers={"actual": "1-{n}月执行情况", "forecast": "全年预计完成情况"}))
    expect = []
    for line in ("基本支出", "项目支出"):
        expect.append(Expect("MON001", line, "执行率"))
    expect += [Expect(rule, "项目支出") for rule in ("MON005", "MON006", "MON007")]
    return [
        Doc(sub, f"{unit}2024年1-6月部门整体绩效运行监控表.xlsx", "xlsx", [r6], expect=list(expect),
            note="1–6月，Excel：比率为百分比格式的小数，合计/基本支出为公式"),
        Doc(sub, f"{unit}2024年1-9月部门整体绩效运行监控表.pdf", "pdf", [r9], source="docx",
            expect=list(expect), note="1–9月，由 Word 转换的 PDF"),
    ]


# ---------------------------------------------------------------------------------------------
# monitoring: several fictitious units, every format, each injected error in its own document.

def street_indicators(basic_rate: str, project_rate: str, duties: list[tuple[str, str, str]]) -> list[Indicator]:
    """The Gansu-style unit-wide set with unit-specific 部门履职 indicators (三级, target, actual)."""
    m, e = "部门管理", "部门效果"
    rows = [
        ind(m, "资金投入", "预算编制完整性", "完整", "完整"),
        ind(m, "资金投入", "基本支出预算执行率", "100%", basic_rate),
        ind(m, "资金投入", "项目支出预算执行率", "≥90%", project_rate),
        ind(m, "资金投入", "“三公经费”控制率", "≤100%", "100%"),
        ind(m, "财务管理", "财务管理制度健全性", "健全", "健全"),
        ind(m, "财务管理", "资金使用合规性", "规范", "规范"),
        ind(m, "采购管理", "政府采购规范性", "规范", "规范"),
        ind(m, "资产管理", "固定资产利用率", "≥95%", "97%"),
        ind(m, "人员管理", "在职人员控制率", "≤100%", "100%"),
        ind(m, "制度管理", "内控制度健全性", "健全", "健全"),
    ]
    rows += [ind("部门履职", "重点履职", l3, target, actual) for l3, target, actual in duties]
    rows += [
        ind(e, "社会效益", "辖区居民生活环境改善程度", "有效改善", "逐步改善"),
        ind(e, "服务对象满意度", "辖区居民满意度", "≥90%", "91%"),
        ind(e, "社会影响满意度", "社区工作人员满意度", "≥85%", "88%"),
    ]
    return rows


def dongguan_indicators(basic_rate: str, project_rate: str, months: int) -> list[Indicator]:
    """36 indicators: long enough to run over several PDF pages."""
    m, r, e = "部门管理", "部门履职", "部门效果"
    h = months == 6
    return [
        ind(m, "资金投入", "预算编制完整性", "完整", "完整"),
        ind(m, "资金投入", "基本支出预算执行率", "100%", basic_rate),
        ind(m, "资金投入", "项目支出预算执行率", "≥90%", project_rate),
        ind(m, "资金投入", "“三公经费”控制率", "≤100%", "100%"),
        ind(m, "财务管理", "财务管理制度健全性", "健全", "健全"),
        ind(m, "财务管理", "资金使用合规性", "规范", "规范"),
        ind(m, "财务管理", "会计基础工作规范性", "规范", "规范"),
        ind(m, "采购管理", "政府采购规范性", "规范", "规范"),
        ind(m, "采购管理", "政府采购执行率", "≥95%", "58%" if h else "83%"),
        ind(m, "资产管理", "资产管理规范性", "规范", "规范"),
        ind(m, "资产管理", "固定资产利用率", "≥95%", "92%" if h else "95%"),
        ind(m, "资产管理", "资产账实相符率", "100%", "100%"),
        ind(m, "人员管理", "在职人员控制率", "≤100%", "97%"),
        ind(m, "人员管理", "人员管理制度健全性", "健全", "健全"),
        ind(m, "人员管理", "干部职工培训覆盖率", "≥90%", "65%" if h else "88%"),
        ind(m, "制度管理", "内控制度健全性", "健全", "健全"),
        ind(m, "制度管理", "公用经费控制率", "≤100%", "96%"),
        ind(m, "制度管理", "档案管理规范性", "规范", "规范"),
        ind(r, "重点履职", "网格化管理覆盖率", "100%", "100%"),
        ind(r, "重点履职", "老旧小区环境整治数量", "≥6个", "2个" if h else "5个"),
        ind(r, "重点履职", "辖区道路保洁面积", "≥42万平方米", "42万平方米"),
        ind(r, "重点履职", "矛盾纠纷调处成功率", "≥95%", "96%"),
        ind(r, "重点履职", "重点人员走访次数", "≥12次", "6次" if h else "9次"),
        ind(r, "重点履职", "居民议事会召开次数", "≥4次", "2次" if h else "3次"),
        ind(r, "民生保障", "城乡低保按时足额发放率", "100%", "100%"),
        ind(r, "民生保障", "高龄补贴发放及时率", "100%", "100%"),
        ind(r, "民生保障", "退役军人走访慰问覆盖率", "100%", "60%" if h else "85%"),
        ind(r, "民生保障", "就业困难人员帮扶人数", "≥150人", "72人" if h else "118人"),
        ind(r, "安全生产", "安全生产检查次数", "≥24次", "12次" if h else "18次"),
        ind(r, "安全生产", "消防安全隐患整改率", "100%", "100%"),
        ind(e, "社会效益", "辖区居民生活环境改善程度", "有效改善", "逐步改善"),
        ind(e, "社会效益", "平安社区创建达标率", "≥90%", "92%"),
        ind(e, "可持续影响", "长效管理机制健全性", "健全", "健全"),
        ind(e, "服务对象满意度", "辖区居民满意度", "≥90%", "92%"),
        ind(e, "服务对象满意度", "辖区企业满意度", "≥85%", "87%"),
        ind(e, "社会影响满意度", "社区工作人员满意度", "≥90%", "93%"),
    ]


def health_indicators(basic_rate: str, project_rate: str, months: int) -> list[Indicator]:
    m, r, e = "部门管理", "部门履职", "部门效果"
    h = months == 6
    return [
        ind(m, "资金投入", "预算编制完整性", "完整", "完整"),
        ind(m, "资金投入", "基本支出预算执行率", "100%", basic_rate),
        ind(m, "资金投入", "项目支出预算执行率", "≥90%", project_rate),
        ind(m, "资金投入", "“三公经费”控制率", "≤100%", "100%"),
        ind(m, "财务管理", "资金使用合规性", "规范", "规范"),
        ind(m, "采购管理", "政府采购规范性", "规范", "规范"),
        ind(m, "资产管理", "固定资产利用率", "≥95%", "96%"),
        ind(m, "人员管理", "在职人员控制率", "≤100%", "99%"),
        ind(m, "制度管理", "内控制度健全性", "健全", "健全"),
        ind(r, "重点履职", "法定传染病报告率", "≥95%", "98%"),
        ind(r, "重点履职", "适龄儿童免疫规划疫苗接种率", "≥90%", "93%"),
        ind(r, "重点履职", "65岁以上老年人健康管理率", "≥65%", "41%" if h else "58%"),
        ind(r, "重点履职", "卫生监督检查户次", "≥1200户次", "560户次" if h else "910户次"),
        ind(e, "社会效益", "居民健康素养水平", "≥25%", "24.6%" if h else "25.3%"),
        ind(e, "社会效益", "孕产妇死亡率", "≤12/10万", "0" if h else "0"),
        ind(e, "可持续影响", "基层医疗卫生服务能力", "持续提升", "稳步提升"),
        ind(e, "服务对象满意度", "就诊群众满意度", "≥90%", "92%"),
        ind(e, "社会影响满意度", "医务人员满意度", "≥85%", "88%"),
    ]


def project_a_indicators(months: int) -> list[Indicator]:
    o, b, s = "产出指标", "效益指标", "满意度指标"
    h = months == 6
    return [
        ind(o, "数量指标", "购置基层医疗设备数量", "≥45台（套）", "18台（套）" if h else "38台（套）", "45台（套）"),
        ind(o, "数量指标", "培训基层医务人员", "≥300人次", "126人次" if h else "240人次", "300人次"),
        ind(o, "质量指标", "设备验收合格率", "100%", "100%"),
        ind(o, "时效指标", "设备采购完成时间", "2024年10月底前", "已完成招标" if h else "已到货38台（套）", "按期完成"),
        ind(o, "成本指标", "项目总成本", "≤320万元", "148.63万元" if h else "238.60万元", "320万元"),
        ind(b, "社会效益指标", "基层医疗机构诊疗人次增长率", "≥5%", "2.1%" if h else "3.8%", "5%"),
        ind(b, "可持续影响指标", "设备使用年限", "≥5年", "正常使用", "≥5年"),
        ind(s, "服务对象满意度指标", "就诊群众满意度", "≥90%", "91%"),
    ]


def project_b_indicators() -> list[Indicator]:
    o, b, s = "产出指标", "效益指标", "满意度指标"
    return [
        ind(o, "数量指标", "常住人口签约人数", "≥4.5万人", "4.1万人", "4.5万人"),
        ind(o, "数量指标", "重点人群签约服务覆盖率", "≥90%", "78%", "85%",
            reason="部分行政村签约医生配备不足，入户随访进度滞后"),
        ind(o, "质量指标", "签约居民健康档案规范建档率", "≥95%", "96%", "≥95%"),
        ind(o, "时效指标", "签约服务费拨付及时性", "按季度拨付", "及时拨付", "及时拨付"),
        ind(o, "成本指标", "人均签约服务补助标准", "≤35元/人·年", "35元/人·年", "35元/人·年"),
        ind(b, "社会效益指标", "签约居民慢病规范管理率", "≥80%", "76%", "80%"),
        ind(s, "服务对象满意度指标", "签约居民满意度", "≥90%", "91%", "≥90%"),
    ]


def monitoring_docs() -> list[Doc]:
    sub = "monitoring"
    docs: list[Doc] = []

    # 东关街道办事处 1–6: Excel, formulas (sums and rates) with cached values, thousands separators.
    dg = "东关街道办事处"
    lines = unit_lines(("862.40", "862.40", "431.58"), ("96.30", "96.30", "47.92"),
                       ("215.00", "215.00", "98.65"),
                       per={"合计": {"formula": True}, "基本支出": {"formula": True}})
    inds = edit(dongguan_indicators(correct_pct(lines, "基本支出"), correct_pct(lines, "项目支出"), 6),
                固定资产利用率={"forecast": "93%", "likelihood": "有可能",
                          "reason": "部分办公设备老化闲置，待履行报废程序"})
    docs.append(Doc(sub, f"{dg}2024年1-6月部门整体支出绩效运行监控表.xlsx", "xlsx", [Report(
        "unit", dg, 2024, 6, "万元", lines, inds,
        Style(title="2024年1-6月部门整体支出绩效运行监控表",
              before=[(f"填报单位：{dg}", "单位：万元")],
              after=[("填报人：王丽", "填报日期：2024年7月8日")],
              headers={"annual": "调整后预算数"},
              rate_style="fraction", rate_formula=True, thousands=True))],
        note="Excel 比率为公式（=执行数/预算数）；“有可能”的预计值低于目标，不应触发 MON008"))

    # 东关街道办事处 1–9: PDF from Word; 项目支出 budget raised mid-year WITH an explanation
    # (no MON004); 合计 执行数 one cent off its parts (rounding, no MON002); indicator table runs
    # over pages with its two header rows repeated; 偏差原因 as tick columns.
    explain_total = "年中追加预算80.00万元（项目支出），全年预算数相应调整"
    explain_project = "年中追加预算80.00万元用于老旧小区环境整治，全年预算数由215.00万元调整为295.00万元"
    lines = unit_lines(("862.40", "862.40", "650.12"), ("96.30", "96.30", "71.05"),
                       ("215.00", "295.00", "213.40"),
                       add={("合计", "executed"): "-0.01"},
                       per={"合计": {"reason": explain_total}, "项目支出": {"reason": explain_project}})
    docs.append(Doc(sub, f"{dg}2024年1-9月绩效运行监控表.pdf", "pdf", [Report(
        "unit", dg, 2024, 9, "万元", lines,
        dongguan_indicators(correct_pct(lines, "基本支出"), correct_pct(lines, "项目支出"), 9),
        Style(title=f"{dg}2024年1—9月绩效运行监控表",
              before=[("", "单位：万元")],
              after=[("单位负责人：张建国　　　财务负责人：刘芳　　　填报人：王丽", "填报日期：2024年10月9日")],
              split=True, ticks=True, repeat_header=True,
              headers={"executed": "1—9月累计执行数"},
              ind_headers={"actual": "1-9月执行情况", "forecast": "全年预计完成情况"},
              goal=("全面完成辖区社会治理、民生保障、城市管理和安全生产等年度工作任务，持续改善辖区居民生活环境，提升群众满意度。",
                    "1-9月各项重点工作按计划推进，老旧小区环境整治已完工5个，网格化管理实现全覆盖，民生资金按时足额发放。")))],
        source="docx", note="跨页的指标表（表头重复）；追加预算且有说明；合计差0.01属四舍五入"))

    # 西街街道办事处 1–6: Word, amounts in 元, 执行数 before 预算数, rate as a plain number under
    # 执行率(%); 人员经费 rate rounded half-down (59.285 → 59.28); 项目支出 low but with a concrete
    # reason and measure (MON005 only).
    xj = "西街街道办事处"
    lines6 = unit_lines(("6000000.00", "6000000.00", "3557100.00"), ("801236.00", "801236.00", "628450.00"),
                        ("2360000.00", "2360000.00", "578000.00"),
                        per={"人员经费": {"rate_mode": "half_down"},
                             "项目支出": {"reason": "社区养老服务站改造项目受招标流程影响，施工合同于6月18日签订，工程款需按完工进度结算",
                                      "measure": "督促施工单位8月底前完成主体改造，9月组织验收后支付工程款1,360,000.00元，预计9月底执行率达到75%"}})
    docs.append(Doc(sub, f"{xj}2024年上半年部门整体支出绩效运行监控表.docx", "docx", [Report(
        "unit", xj, 2024, 6, "元", lines6,
        street_indicators(correct_pct(lines6, "基本支出"), correct_pct(lines6, "项目支出"),
                          [("社区养老服务站改造数量", "≥3个", "1个"), ("网格员培训次数", "≥4次", "2次")]),
        Style(title="2024年上半年部门整体支出绩效运行监控表",
              meta_rows=[["部门名称", xj, "填报日期", "2024年7月8日"]],
              before=[("", "单位：元")],
              budget_cols=("label", "executed", "annual", "initial", "rate", "reason", "measure"),
              headers={"label": "支出类别", "executed": "1—6月累计执行数", "annual": "调整后预算数",
                       "rate": "执行率(%)", "reason": "偏差原因分析", "measure": "拟采取的措施"},
              ind_headers={"actual": "1-6月执行情况"},
              rate_style="plain", thousands=True))],
        expect=[Expect("MON005", "项目支出")],
        note="单位：元；执行数列在预算数列之前；半舍入的比率；具体的偏差原因与措施（不触发 MON006/007）"))

    # 西街街道办事处 1–9: HTML (UTF-8), 万元, no 年初预算数 column; 公用经费 执行数 lower than at
    # 1–6 (MON003); 项目支出 rate printed with one decimal (72.26 → 72.3).
    lines9 = unit_lines((None, "600.00", "452.36"), (None, "80.12", "61.20"), (None, "236.00", "170.53"),
                        per={"项目支出": {"rate_decimals": 1}})
    docs.append(Doc(sub, f"{xj}2024年1-9月部门整体支出绩效运行监控表.html", "html", [Report(
        "unit", xj, 2024, 9, "万元", lines9,
        street_indicators(correct_pct(lines9, "基本支出"), correct_pct(lines9, "项目支出"),
                          [("社区养老服务站改造数量", "≥3个", "3个"), ("网格员培训次数", "≥4次", "3次")]),
        Style(title=f"{xj}2024年1-9月部门整体支出绩效运行监控表",
              before=[(f"填报单位：{xj}", "单位：万元")],
              split=True,
              budget_cols=("label", "annual", "executed", "rate", "reason", "measure"),
              headers={"annual": "预算数", "rate": "预算执行率"},
              ind_headers={"actual": "1-9月实际完成值", "forecast": "全年预计完成值"}))],
        expect=[Expect("MON003", "公用经费", "执行数")],
        note="无年初预算数列；公用经费1-9月执行数小于1-6月；一位小数的比率"))

    # 临河区卫生健康局 1–6: GBK portal page; rowspan/colspan, <p><span>, &nbsp;; 总计 last;
    # full-width digits; 公用经费 rate truncated (53.698 → 53.69); 项目支出 low with no reason and
    # no measure (MON005/006/007).
    wj = "临河区卫生健康局"
    lines6 = unit_lines(("1520.36", "1520.36", "790.00"), ("186.45", "186.45", "100.12"),
                        ("980.00", "980.00", "260.00"),
                        labels={"合计": "总计"}, total_last=True,
                        per={"公用经费": {"rate_mode": "truncate", "show": {"rate": "５３．６９％", "executed": "１００．１２"}}})
    docs.append(Doc(sub, f"{wj}2024年1-6月部门整体支出绩效运行监控表.html", "html", [Report(
        "unit", wj, 2024, 6, "万元", lines6,
        health_indicators(correct_pct(lines6, "基本支出"), correct_pct(lines6, "项目支出"), 6),
        Style(title=f"{wj}2024年1-6月部门整体支出绩效运行监控表",
              before=[(f"填报单位：{wj}", "单位：万元")],
              section_col=True,
              headers={"executed": "截至6月底支出数"},
              ind_headers={"actual": "1-6月执行情况", "forecast": "全年预计完成情况"}))],
        encoding="gbk", portal=True,
        expect=[Expect(rule, "项目支出") for rule in ("MON005", "MON006", "MON007")],
        note="GBK 门户网页；全角数字；截断的比率；项目支出执行偏低且未填原因与措施"))

    # 临河区卫生健康局 1–9: PDF from Excel; 项目支出 全年预算数 raised with no explanation (MON004 on
    # 项目支出 and on 合计, whose budget changes with it).
    lines9 = unit_lines(("1520.36", "1520.36", "1151.30"), ("186.45", "186.45", "139.85"),
                        ("980.00", "1120.00", "812.40"),
                        per={"合计": {"formula": True}, "基本支出": {"formula": True}})
    docs.append(Doc(sub, f"{wj}2024年1-9月部门整体支出绩效运行监控表.pdf", "pdf", [Report(
        "unit", wj, 2024, 9, "万元", lines9,
        health_indicators(correct_pct(lines9, "基本支出"), correct_pct(lines9, "项目支出"), 9),
        Style(title="2024年1-9月部门整体支出绩效运行监控表",
              before=[(f"填报单位（盖章）：{wj}", "单位：万元")],
              after=[("", "填报日期：2024年10月12日")],
              headers={"executed": "1-9月执行数", "rate": "执行率"},
              ind_headers={"actual": "1-9月实际完成值"},
              rate_style="fraction"))],
        source="xlsx",
        expect=[Expect("MON004", "合计", "全年预算数"), Expect("MON004", "项目支出", "全年预算数")],
        note="由 Excel 转换的 PDF；全年预算数变化但无调整说明"))

    # 北关街道办事处 1–8 (a region monitoring 1–8月): Word; 基本支出 全年预算数 0.50 off its parts
    # (MON002); 项目支出 年初预算数 printed as 0.
    bg = "北关街道办事处"
    lines = unit_lines(("732.18", "732.18", "489.40"), ("88.60", "88.60", "56.37"), ("0", "85.00", "58.90"),
                       labels={"合计": "部门预算支出合计", "公用经费": "日常公用经费"},
                       add={("基本支出", "annual"): "0.50"},
                       per={"项目支出": {"zero": "0"}})
    docs.append(Doc(sub, f"{bg}2024年1-8月部门整体支出绩效运行监控表.docx", "docx", [Report(
        "unit", bg, 2024, 8, "万元", lines,
        street_indicators(correct_pct(lines, "基本支出"), correct_pct(lines, "项目支出"),
                          [("辖区环境卫生整治次数", "≥24次", "16次"), ("社区网格化管理覆盖率", "100%", "100%")]),
        Style(title=f"{bg}2024年1-8月部门整体支出绩效运行监控表",
              before=[(f"填报单位：{bg}", "单位：万元")],
              headers={"executed": "1-8月执行数"},
              ind_headers={"actual": "1-8月实际完成值"}))],
        expect=[Expect("MON002", "基本支出", "全年预算数")],
        note="1-8月；基本支出全年预算数与人员经费+公用经费相差0.50"))

    # 新城街道办事处 1–6, a file name that says nothing: 部门名称 in a table cell, period only in the
    # column headers; 项目支出 rate divided by 年初预算数 instead of 全年预算数 (MON001).
    xc = "新城街道办事处"
    lines = unit_lines(("540.20", "540.20", "268.35"), ("62.40", "62.40", "30.88"), ("300.00", "380.00", "180.00"),
                       per={"项目支出": {"rate": "60.00"}})
    docs.append(Doc(sub, "table_03.docx", "docx", [Report(
        "unit", xc, 2024, 6, "万元", lines,
        street_indicators(correct_pct(lines, "基本支出"), correct_pct(lines, "项目支出"),
                          [("辖区老旧管网改造长度", "≥2.5公里", "1.2公里"), ("便民服务事项办结率", "≥98%", "99%")]),
        Style(title="部门整体支出绩效运行监控表（2024年度）",
              meta_rows=[["部门名称", xc]],
              after=[("", "填报日期：2024年7月9日")],
              section_col=True,
              budget_section="预算执行情况（万元）",
              ind_headers={"actual": "1-6月实际完成值"}))],
        expect=[Expect("MON001", "项目支出", "执行率")],
        note="文件名不含任何信息；项目支出执行率按年初预算数计算"))

    # 临河区卫生健康局, project 基层医疗卫生机构能力提升项目, 1–6: Excel in 元; 资金总额 执行数 with
    # transposed digits (1,468,300 for 1,486,300: MON002); 其他资金 left blank; rate formulas.
    pa = "基层医疗卫生机构能力提升项目"
    lines = project_lines(("3200000.00", "3200000.00", "1486300.00"), (None, None, None),
                          add={("资金总额", "executed"): "-18000.00"})
    docs.append(Doc(sub, f"{pa}2024年上半年绩效监控表.xlsx", "xlsx", [Report(
        "project", wj, 2024, 6, "元", lines, project_a_indicators(6), project=pa, style=
        Style(title="项目支出绩效目标执行监控表（2024年上半年）",
              meta_rows=[["项目名称", pa], ["主管部门", wj, "实施单位", wj]],
              before=[("", "单位：元")],
              headers={"label": "资金来源", "executed": "上半年执行数"},
              ind_headers={"actual": "上半年执行情况", "forecast": "全年预计完成情况"},
              rate_style="fraction", rate_formula=True, thousands=True))],
        sheet="项目监控表",
        expect=[Expect("MON002", "资金总额", "执行数")],
        note="项目表，单位：元；资金总额执行数不等于财政拨款+其他资金"))

    # 临河区卫生健康局, two project tables 1–9 in one Word file: project A continues (no cross-period
    # finding across 元 → 万元), project B forecasts 85% for a ≥90% target yet says 确定能 (MON008).
    pb = "家庭医生签约服务项目"
    lines_a = project_lines(("320.00", "320.00", "238.60"), (None, None, None),
                            per={"其他资金": {"zero": "—", "rate_blank": "-"}})
    lines_b = project_lines(("120.00", "120.00", "90.50"), ("36.80", "36.80", "27.10"),
                            labels={"资金总额": "资金总额", "财政拨款": "其中：财政资金"})

    def project_style(name: str) -> Style:
        return Style(title="项目支出绩效运行监控表（2024年1-9月）",
                     meta_rows=[["项目名称", name], ["主管部门", wj, "实施单位", wj]],
                     before=[("", "金额单位：万元")],
                     headers={"label": "资金来源", "executed": "1-9月执行数", "rate": "执行率"},
                     ind_headers={"actual": "1-9月执行情况", "forecast": "全年预计完成情况"})

    docs.append(Doc(sub, f"{wj}2024年1-9月项目支出绩效运行监控表.docx", "docx", [
        Report("project", wj, 2024, 9, "万元", lines_a, project_a_indicators(9), project_style(pa), project=pa),
        Report("project", wj, 2024, 9, "万元", lines_b, project_b_indicators(), project_style(pb), project=pb),
    ], expect=[Expect("MON008", "重点人群签约服务覆盖率", report=1)],
        note="一个文件两张项目表；预计值85%低于目标≥90%却填“确定能”"))
    return docs


def all_docs() -> list[Doc]:
    return nanjie_docs() + monitoring_docs()
