"""The narrative-report fixtures' figures and wording: the single source of truth for every report,
the monitoring tables they are paired with, and the expected records and findings.

fixtures/reports/ is one submission: two units (东湖街道办事处 clean, 西湖镇人民政府 with planted
errors), each with 1–6月 (and 东湖 1–9月) monitoring tables and the narrative reports that repeat
them, plus two self-evaluation reports, and two reports written blind in layouts the parser was
not tuned on (a 卫生健康局 report with a figure table in 元 and 一、（一）1. headings; a 镇
self-evaluation PDF with a two-line title and 占X% shares).
"""

from __future__ import annotations

from decimal import Decimal

from fixturegen.data import unit_lines
from fixturegen.model import Doc, Indicator, Report, Style
from fixturegen.reports_model import (
    D,
    Expect,
    Fig,
    Heading,
    Paragraph,
    ReportDoc,
    S,
    TableBlock,
    change,
    pct,
    rate,
    wan,
)

SUB = "reports"
YEAR = 2024
DONGHU = "东湖街道办事处"
XIHU = "西湖镇人民政府"
NANHU = "南湖区卫生健康局"
BEISHAN = "北山镇人民政府"

# (年初预算数, 全年预算数, 执行数) per line and period, in 万元.
DONGHU_6 = {"人员经费": ("820.40", "820.40", "402.18"), "公用经费": ("96.50", "96.50", "45.37"),
            "项目支出": ("210.60", "210.60", "61.25")}
DONGHU_9 = {"人员经费": ("820.40", "820.40", "615.30"), "公用经费": ("96.50", "96.50", "70.12"),
            "项目支出": ("210.60", "210.60", "150.80")}
XIHU_6 = {"人员经费": ("1200.00", "1200.00", "588.00"), "公用经费": ("150.00", "150.00", "72.30"),
          "项目支出": ("400.00", "400.00", "90.00")}


def _totals(parts: dict[str, tuple[str, str, str]]) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    """Every line's (年初, 全年, 执行) including 基本支出 and 合计, as Decimals."""
    out = {k: tuple(D(x) for x in v) for k, v in parts.items()}
    out["基本支出"] = tuple(a + b for a, b in zip(out["人员经费"], out["公用经费"]))
    out["合计"] = tuple(a + b for a, b in zip(out["基本支出"], out["项目支出"]))
    return out  # type: ignore[return-value]


def _indicators(months: int, cleaning: str, campaigns: str) -> list[Indicator]:
    m, r, e = "部门管理", "部门履职", "部门效果"
    return [
        Indicator(m, "资金投入", "基本支出预算执行率", "100%", "", "100%"),
        Indicator(r, "重点履职", "道路保洁覆盖率", "100%", cleaning, "100%"),
        Indicator(r, "重点履职", "开展政策宣传活动", "24次", campaigns, "24次"),
        Indicator(e, "服务对象满意度", "居民满意度", "≥90%", "", "≥90%"),
    ]


def _table(unit: str, months: int, parts, reasons: dict[str, tuple[str, str]], indicators) -> Report:
    per = {line: {"reason": r, "measure": m} for line, (r, m) in reasons.items()}
    lines = unit_lines(parts["人员经费"], parts["公用经费"], parts["项目支出"], per=per)
    return Report("unit", unit, YEAR, months, "万元", lines, indicators,
                  Style(title=f"{unit}{YEAR}年1-{months}月部门整体支出绩效运行监控表",
                        before=[(f"填报单位：{unit}", "单位：万元")],
                        after=[("单位负责人：", f"填报日期：{YEAR}年{months + 1}月10日")]))


def table_docs() -> list[Doc]:
    """The monitoring tables the reports are checked against (RPT002/RPT003)."""
    donghu_reason = ("社区道路微改造项目6月中旬完成招标，合同约定竣工验收后支付工程款",
                     "由城建科负责，9月30日前完成竣工验收并支付工程款")
    out = [
        Doc(SUB, f"{DONGHU}{YEAR}年1-6月部门整体支出绩效运行监控表.docx", "docx",
            [_table(DONGHU, 6, DONGHU_6, {"项目支出": donghu_reason},
                    _indicators(6, "100%", "12次"))],
            note="东湖 1–6月 表：项目支出低于预警值，原因与措施具体"),
        Doc(SUB, f"{DONGHU}{YEAR}年1-9月部门整体支出绩效运行监控表.docx", "docx",
            [_table(DONGHU, 9, DONGHU_9, {}, _indicators(9, "100%", "18次"))],
            note="东湖 1–9月 表：各项均高于预警值"),
        Doc(SUB, f"{XIHU}{YEAR}年1-6月部门整体支出绩效运行监控表.docx", "docx",
            [_table(XIHU, 6, XIHU_6, {"项目支出": ("部分项目不具备付款条件", "加快项目进度")},
                    _indicators(6, "100%", "10次"))],
            note="西湖 1–6月 表：项目支出低于预警值，原因、措施笼统（表格自身的 MON005–MON007）"),
    ]
    return out


def _budget_sentences(t, lines: tuple[str, ...], words: dict[str, str] | None = None,
                      period: str = "1-6月") -> list:
    """预算X万元，执行Y万元，执行率Z% per line (correct figures)."""
    words = words or {}
    out = []
    for line in lines:
        _, annual, executed = t[line]
        label = words.get(line, line)
        out.append(S(f"{label}预算", Fig(wan(annual), line, "全年预算"), f"，{period}执行",
                     Fig(wan(executed), line, "执行数"), "，执行率", Fig(rate(pct(executed, annual)), line, "执行率"),
                     "。"))
    return out


def donghu_6() -> ReportDoc:
    t = _totals(DONGHU_6)
    _, annual, executed = t["合计"]
    previous = D("470.00")
    return ReportDoc(
        f"{DONGHU}{YEAR}年1-6月绩效运行监控报告.docx", "docx", "monitoring",
        [f"{DONGHU}{YEAR}年1-6月绩效运行监控报告"], DONGHU, YEAR, 6,
        [
            Paragraph([S("根据区财政局关于开展2024年1-6月预算绩效运行监控工作的通知要求，我办对部门整体支出的"
                         "预算执行进度和绩效目标实现程度开展了监控，现将有关情况报告如下。")]),
            Heading("一、预算执行情况", 1),
            Paragraph([
                S("2024年我办全年预算", Fig(wan(annual), "合计", "全年预算"), "，1-6月累计执行",
                  Fig(wan(executed), "合计", "执行数"), "，预算执行率", Fig(rate(pct(executed, annual)), "合计", "执行率"),
                  "。"),
                *_budget_sentences(t, ("基本支出", "人员经费", "公用经费", "项目支出")),
                S("上年同期执行", Fig(wan(previous), "合计", "上年执行数"), "，较上年同期增长",
                  Fig(rate(change(executed, previous)), "合计", "变动率"), "。"),
            ]),
            Heading("二、绩效目标完成情况", 1),
            Paragraph([
                S("“道路保洁覆盖率”完成率", Fig("100%", "道路保洁覆盖率", "完成率", indicator=True), "，"
                  "“开展政策宣传活动”已完成", Fig("12次", "开展政策宣传活动", "完成值", indicator=True),
                  "，其余指标按计划推进。"),
            ]),
            Heading("三、偏差原因分析", 1),
            Paragraph([S("项目支出执行率偏低，主要是社区道路微改造项目6月中旬才完成招标，合同约定竣工验收合格后"
                         "一次性支付工程款，上半年尚未达到付款节点。", role="reason")]),
            Heading("四、下一步工作措施", 1),
            Paragraph([
                S("由城建科负责，督促施工单位于9月30日前完成社区道路微改造工程竣工验收，10月底前支付工程款。",
                  role="measure"),
                S("财务室每月通报各科室预算执行进度，对执行滞后的项目逐项分析原因。", role="measure"),
            ]),
        ],
        note="东湖 1–6月 监控报告（.docx）：与 1–6月表一致，项目支出低于预警值但原因、措施具体——不应有任何问题",
    )


def donghu_9() -> ReportDoc:
    t = _totals(DONGHU_9)
    _, annual, executed = t["合计"]
    return ReportDoc(
        f"{DONGHU}{YEAR}年1-9月绩效运行监控报告.pdf", "pdf", "monitoring",
        [f"{DONGHU}{YEAR}年1-9月绩效运行监控报告"], DONGHU, YEAR, 9,
        [
            Heading("一、总体执行情况", 1),
            Paragraph([
                S("截至9月底，我办全年预算", Fig(wan(annual), "合计", "全年预算"), "，1-9月累计支出",
                  Fig(wan(executed), "合计", "执行数"), "，预算执行率", Fig(rate(pct(executed, annual)), "合计", "执行率"),
                  "，高于序时进度预警值。"),
                *_budget_sentences(t, ("基本支出", "项目支出"), period="1-9月"),
            ]),
            Heading("二、绩效目标实现情况", 1),
            Paragraph([S("“道路保洁覆盖率”完成率", Fig("100%", "道路保洁覆盖率", "完成率", indicator=True),
                         "，“开展政策宣传活动”已完成", Fig("18次", "开展政策宣传活动", "完成值", indicator=True),
                         "，各项指标均按序时进度推进。")]),
            Heading("三、存在的问题及原因", 1),
            Paragraph([S("公用经费中办公设备购置计划集中在第四季度实施，目前支出进度与序时进度基本一致。",
                         role="reason")]),
            Heading("四、下一步措施", 1),
            Paragraph([S("由党政办负责，于11月底前完成办公设备政府采购并按合同支付。", role="measure")]),
        ],
        note="东湖 1–9月 监控报告（Word 转 PDF）：与 1–9月表一致——不应有任何问题",
    )


def xihu_6() -> ReportDoc:
    t = _totals(XIHU_6)
    _, annual, executed = t["合计"]
    _, people_budget, people_exec = t["人员经费"]
    return ReportDoc(
        f"{XIHU}{YEAR}年1-6月绩效运行监控报告.docx", "docx", "monitoring",
        [f"{XIHU}{YEAR}年1-6月绩效运行监控报告"], XIHU, YEAR, 6,
        [
            Heading("一、预算执行情况", 1),
            Paragraph([
                S("2024年全年预算", Fig(wan(annual), "合计", "全年预算"), "，1-6月执行", Fig(wan(executed), "合计", "执行数"),
                  "，执行率", Fig(rate(pct(executed, annual)), "合计", "执行率"), "。"),
                # planted RPT003: the table's 基本支出 rate is 48.91% (660.30 ÷ 1350.00)
                S("其中基本支出执行率", Fig("46.20%", "基本支出", "执行率"), "。"),
                # planted RPT001 (and RPT003 against the table): 588.00 ÷ 1200.00 = 49.00%
                S("人员经费预算", Fig(wan(people_budget), "人员经费", "全年预算"), "，执行", Fig(wan(people_exec), "人员经费", "执行数"),
                  "，执行率", Fig("45.00%", "人员经费", "执行率"), "。"),
                # planted RPT002: the table says 72.30
                S("公用经费执行", Fig(wan("78.30"), "公用经费", "执行数"), "。"),
                *_budget_sentences(t, ("项目支出",)),
            ]),
            Heading("二、绩效目标完成情况", 1),
            # planted RPT007: the table's 1-6月实际完成值 is 10次
            Paragraph([S("“开展政策宣传活动”已完成", Fig("12次", "开展政策宣传活动", "完成值", indicator=True),
                         "，“道路保洁覆盖率”完成率", Fig("100%", "道路保洁覆盖率", "完成率", indicator=True), "。")]),
            Heading("三、偏差原因分析", 1),
            # planted RPT004: boilerplate only
            Paragraph([S("项目支出执行进度较慢，主要原因是部分项目不具备付款条件。", role="reason")]),
            Heading("四、下一步改进措施", 1),
            # planted RPT005: no owner, no date, stock phrases
            Paragraph([S("下一步将加快预算执行进度，确保完成全年目标任务。", role="measure")]),
        ],
        expect=[Expect("RPT001", "人员经费", "执行率"), Expect("RPT003", "人员经费", "执行率"),
                Expect("RPT003", "基本支出", "执行率"), Expect("RPT002", "公用经费", "执行数"),
                Expect("RPT004", "项目支出", "偏差原因"), Expect("RPT005", "", "改进措施"),
                Expect("RPT007", "开展政策宣传活动", "完成值"),
                # the planted 公用经费 78.30 also breaks the report's own sum: 588.00 + 78.30 + 90.00 ≠ 750.30
                Expect("RPT008", "合计", "执行数")],
        note="西湖 1–6月 监控报告（.docx）：埋设 RPT001–RPT005、RPT007（公用经费执行数之误同时使 RPT008 成立）",
    )


def donghu_year() -> ReportDoc:
    t = _totals({k: (a, a, a) for k, (a, _, _) in DONGHU_6.items()})  # the year: executed = budget
    _, annual, executed = t["合计"]
    previous = D("1050.00")
    return ReportDoc(
        f"{DONGHU}{YEAR}年度部门整体支出绩效自评报告.docx", "docx", "self_evaluation",
        [f"{DONGHU}{YEAR}年度部门整体支出绩效自评报告"], DONGHU, YEAR, 12,
        [
            Heading("一、部门基本情况", 1),
            Paragraph([S("我办内设党政办、城建科、社会事务科等8个科室，主要负责辖区城市管理、社区建设和公共服务等工作。")]),
            Heading("二、预算执行情况", 1),
            Paragraph([
                S("2024年度全年预算", Fig(wan(annual), "合计", "全年预算"), "，全年执行", Fig(wan(executed), "合计", "执行数"),
                  "，预算执行率", Fig("100.00%", "合计", "执行率"), "。"),
                S("其中基本支出执行", Fig(wan(t["基本支出"][2]), "基本支出", "执行数"), "，项目支出执行",
                  Fig(wan(t["项目支出"][2]), "项目支出", "执行数"), "。"),
                S("上年支出", Fig(wan(previous), "合计", "上年执行数"), "，本年较上年增长",
                  Fig(rate(change(executed, previous)), "合计", "变动率"), "。"),
            ]),
            Heading("三、绩效目标完成情况", 1),
            Paragraph([S("“道路保洁覆盖率”完成率", Fig("100%", "道路保洁覆盖率", "完成率", indicator=True),
                         "，“开展政策宣传活动”全年完成", Fig("24次", "开展政策宣传活动", "完成值", indicator=True), "。")]),
            Heading("四、自评结论", 1),
            Paragraph([S("经自评，部门整体支出绩效自评得分", Fig("95分", "合计", "得分"), "，等级为优。")]),
            Heading("五、存在的问题及原因", 1),
            Paragraph([S("部分绩效指标设置偏重过程，量化指标占比不高，主要原因是对指标体系研究不够深入。",
                         role="reason")]),
            Heading("六、改进措施", 1),
            Paragraph([S("由党政办牵头，于2025年3月底前修订部门整体绩效指标体系，增加可量化的产出和效益指标。",
                         role="measure")]),
        ],
        note="东湖 2024年度自评报告（.docx）：全年执行100%，同比增幅正确——不应有任何问题",
    )


def xihu_year() -> ReportDoc:
    budget = _totals({k: (b, b, b) for k, (_, b, _) in XIHU_6.items()})
    _, annual, _ = budget["合计"]
    project_budget = budget["项目支出"][1]
    project_exec = D("391.20")
    executed = annual - project_budget + project_exec
    previous = D("1620.00")
    wrong_change = str(D(change(executed, previous)) + 1)
    return ReportDoc(
        f"{XIHU}{YEAR}年度部门整体支出绩效自评报告.pdf", "pdf", "self_evaluation",
        [f"{XIHU}{YEAR}年度部门整体支出绩效自评报告"], XIHU, YEAR, 12,
        [
            Heading("一、预算执行情况", 1),
            Paragraph([
                S("全年预算", Fig(wan(annual), "合计", "全年预算"), "，全年执行", Fig(wan(executed), "合计", "执行数"),
                  "，执行率", Fig(rate(pct(executed, annual)), "合计", "执行率"), "。"),
                # planted RPT001: 391.20 ÷ 400.00 = 97.80%
                S("项目支出预算", Fig(wan(project_budget), "项目支出", "全年预算"), "，执行", Fig(wan(project_exec), "项目支出", "执行数"),
                  "，执行率", Fig("98.70%", "项目支出", "执行率"), "。"),
                # planted RPT006: the stated change is one point too high
                S("上年执行", Fig(wan(previous), "合计", "上年执行数"), "，较上年增长", Fig(rate(wrong_change), "合计", "变动率"), "。"),
            ]),
            Heading("二、偏差原因分析", 1),
            Paragraph([S("项目支出结余8.80万元，原因是农村人居环境整治项目通过公开招标，中标价低于预算，节约资金8.80万元。",
                         role="reason")]),
            Heading("三、改进措施", 1),
            Paragraph([S("由财政所负责，于2025年6月底前完成结余资金清理并按规定统筹使用。", role="measure")]),
        ],
        expect=[Expect("RPT001", "项目支出", "执行率"), Expect("RPT006", "合计", "变动率")],
        note="西湖 2024年度自评报告（Word 转 PDF）：埋设 RPT001（项目支出执行率）与 RPT006（同比增幅）",
    )


# ---------------------------------------------------------------------------------------------
# nanjie-2024: the 1–9月 monitoring report that repeats the 1–9月 table (tools/fixturegen/data.py),
# with the seed's wrong rates (基本支出 66.05%, 项目支出 5.31%), its boilerplate reason and its
# generic measures (seed 五(四) 监控分析浅表化、改进措施不具体; 五(六) “加强学习”“细化措施”).

NANJIE = "南街街道办事处"
NANJIE_9 = {"人员经费": ("958.63", "958.63", "718.97"), "公用经费": ("71.62", "71.62", "50.31"),
            "项目支出": ("134.37", "134.37", "61.85")}


def nanjie_9() -> ReportDoc:
    t = _totals(NANJIE_9)
    _, annual, executed = t["合计"]
    _, basic_budget, basic_exec = t["基本支出"]
    _, project_budget, project_exec = t["项目支出"]
    return ReportDoc(
        f"{NANJIE}{YEAR}年1-9月绩效运行监控报告.docx", "docx", "monitoring",
        [f"{NANJIE}{YEAR}年1-9月绩效运行监控报告"], NANJIE, YEAR, 9,
        [
            Paragraph([S("按照甘州区财政局关于开展2024年度预算绩效运行监控工作的要求，我办对2024年1-9月部门整体支出"
                         "预算执行和绩效目标完成情况进行了监控，现将监控情况报告如下。")]),
            Heading("一、预算执行情况", 1),
            Paragraph([
                S("2024年全年预算", Fig(wan(annual), "合计", "全年预算"), "，1-9月执行", Fig(wan(executed), "合计", "执行数"),
                  "，执行率", Fig(rate(pct(executed, annual)), "合计", "执行率"), "。"),
                # the table's wrong 基本支出 rate, repeated (seed: 执行率监控期数值填写错误) → RPT001
                S("其中基本支出预算", Fig(wan(basic_budget), "基本支出", "全年预算"), "，执行", Fig(wan(basic_exec), "基本支出", "执行数"),
                  "，执行率", Fig("66.05%", "基本支出", "执行率"), "。"),
                S("人员经费预算", Fig(wan(t["人员经费"][1]), "人员经费", "全年预算"), "，执行",
                  Fig(wan(t["人员经费"][2]), "人员经费", "执行数"), "；公用经费预算", Fig(wan(t["公用经费"][1]), "公用经费", "全年预算"),
                  "，执行", Fig(wan(t["公用经费"][2]), "公用经费", "执行数"), "。"),
                # the table's wrong 项目支出 rate, repeated → RPT001
                S("项目支出预算", Fig(wan(project_budget), "项目支出", "全年预算"), "，执行", Fig(wan(project_exec), "项目支出", "执行数"),
                  "，执行率", Fig("5.31%", "项目支出", "执行率"), "。"),
            ]),
            Heading("二、绩效目标完成情况", 1),
            Paragraph([S("各项绩效指标均按计划推进，部门履职情况有效提升，服务对象总体满意。")]),
            Heading("三、偏差原因分析", 1),
            # seed 五(四): 仅简单归因为“不具备付款条件” → RPT004
            Paragraph([S("项目支出执行率较低，主要原因是项目尚不具备付款条件。", role="reason")]),
            Heading("四、下一步措施", 1),
            # seed 五(六): “加强学习”“细化措施” → RPT005
            Paragraph([S("下一步将加强学习，细化措施，确保完成全年目标。", role="measure")]),
        ],
        expect=[Expect("RPT001", "基本支出", "执行率"), Expect("RPT001", "项目支出", "执行率"),
                Expect("RPT004", "项目支出", "偏差原因"), Expect("RPT005", "", "改进措施")],
        note="南街 1–9月 监控报告（.docx）：数字照抄 1–9月表（含评估报告指出的两处错误执行率），偏差原因笼统、措施不具体",
    )


def reports() -> list[ReportDoc]:
    return [donghu_6(), donghu_9(), xihu_6(), donghu_year(), xihu_year(), *blind_reports()]


# ---------------------------------------------------------------------------------------------
# Written blind: layouts the parser was not tuned on (see `first_try` for what failed at first).


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f}元"


def nanhu_6() -> ReportDoc:
    """A 卫生健康局 report: figures in a table in 元, numbered headings 一、（一）1., 支出进度."""
    parts = {"人员经费": (D("15234500.00"), D("7456200.00")), "公用经费": (D("2622200.00"), D("1266300.00")),
             "项目支出": (D("5600000.00"), D("1512000.00"))}
    basic = tuple(a + b for a, b in zip(parts["人员经费"], parts["公用经费"]))
    total = tuple(a + b for a, b in zip(basic, parts["项目支出"]))
    rows = {"合计": total, "基本支出": basic, **parts}
    labels = {"合计": "部门整体支出合计", "基本支出": "一、基本支出", "人员经费": "其中：人员经费",
              "公用经费": "公用经费", "项目支出": "二、项目支出"}
    table = TableBlock(
        [["项目", "全年预算数", "1-6月执行数", "执行率"]] + [
            [labels[k], Fig(f"{b:,.2f}", k, "全年预算", value=str(b / 10000)),
             Fig(f"{e:,.2f}", k, "执行数", value=str(e / 10000)),
             Fig(f"{pct(e, b)}%", k, "执行率")]
            for k, (b, e) in rows.items()],
        caption="单位：元")
    b, e = total
    pb, pe = parts["项目支出"]
    return ReportDoc(
        f"{NANHU}{YEAR}年1-6月预算绩效运行监控情况报告.docx", "docx", "monitoring",
        [f"{NANHU}关于{YEAR}年1-6月预算绩效运行监控情况的报告"], NANHU, YEAR, 6,
        [
            Heading("一、基本情况", 1),
            Heading("（一）预算执行情况", 2),
            Paragraph([S("截至6月30日，部门整体支出全年预算", Fig(_yuan(b), "合计", "全年预算"), "，已支出",
                         Fig(_yuan(e), "合计", "执行数"), "，支出进度", Fig(f"{pct(e, b)}%", "合计", "执行率"), "。"),
                       S("各项支出执行情况见下表。")]),
            table,
            Heading("（二）绩效目标完成情况", 2),
            Paragraph([S("“家庭医生签约服务覆盖率”完成率", Fig("36%", "家庭医生签约服务覆盖率", "完成率", indicator=True),
                         "，“开展健康讲座”完成", Fig("26场", "开展健康讲座", "完成值", indicator=True), "。")]),
            Heading("二、存在的问题及原因分析", 1),
            Heading("1.项目支出进度偏慢", 3),
            Paragraph([S("基本公共卫生服务项目资金按季度绩效考核结果拨付，上半年考核于7月进行，目前仅拨付了预付资金",
                         Fig(_yuan(pe), "项目支出", "执行数"), "。", role="reason")]),
            Heading("三、下一步工作措施", 1),
            Paragraph([S("1.由疾控科牵头，7月底前完成上半年基本公共卫生服务项目绩效考核，8月底前按考核结果拨付资金。",
                         role="measure")]),
            Paragraph([S("2.财务科每月向局党组报告预算执行进度，对进度滞后的项目约谈项目负责人。", role="measure")]),
        ],
        note="盲写版式一：报告内附执行情况表（单位：元），标题为“关于……的报告”，编号标题一、（一）1.",
        blind=True,
        first_try=("表上方的“单位：元”被当作一句正文；“2.财务科……。”这一编号的措施段（不足40字）被当作三级标题；"
                   "“1.项目支出进度偏慢”下的原因句只看最近的标题，未认作偏差原因，误报 RPT004。"
                   "元为单位的金额（表格与正文）、“支出进度”、标题单位与期间首次即读对。"),
    )


def beishan_year() -> ReportDoc:
    """A 镇 self-evaluation as PDF: the title over two lines, 年初/调整后/实际支出, 占X% shares,
    a 变动额 with its rate, indicator values without 完成, a score with decimals."""
    return ReportDoc(
        f"{BEISHAN}{YEAR}年度整体支出绩效自评报告.pdf", "pdf", "self_evaluation",
        [BEISHAN, f"{YEAR}年度部门整体支出绩效自评报告"], BEISHAN, YEAR, 12,
        [
            Heading("一、预算收支情况", 1),
            Paragraph([
                S("2024年年初预算数为", Fig(wan("860.00"), "合计", "年初预算"), "，全年预算数调整为",
                  Fig(wan("912.40"), "合计", "全年预算"), "，全年实际支出", Fig(wan("912.40"), "合计", "执行数"),
                  "，预算执行率为", Fig("100%", "合计", "执行率"), "。"),
                S("按支出性质分：基本支出", Fig(wan("702.15"), "基本支出", "执行数"), "，占76.96%；项目支出",
                  Fig(wan("210.25"), "项目支出", "执行数"), "，占23.04%。"),
                S("基本支出中人员经费", Fig(wan("612.35"), "人员经费", "执行数"), "，公用经费",
                  Fig(wan("89.80"), "公用经费", "执行数"), "。"),
                S("全年支出较2023年度增加", Fig(wan("48.40"), "合计", "变动额"), "，增长",
                  Fig("5.60%", "合计", "变动率"), "。"),
            ]),
            Heading("二、绩效目标完成情况", 1),
            Paragraph([S("“村级道路养护里程”完成", Fig("48公里", "村级道路养护里程", "完成值", indicator=True),
                         "，“群众满意度”达到", Fig("96.5%", "群众满意度", "完成值", indicator=True), "。")]),
            Heading("三、自评结果", 1),
            Paragraph([S("经综合评价，自评得分为", Fig("93.5分", "合计", "得分"), "，等级为“优”。")]),
            Heading("四、存在的问题", 1),
            Paragraph([S("部分项目前期论证不充分，导致年中追加预算52.40万元。", role="reason")]),
            Heading("五、下一步改进措施", 1),
            Paragraph([S("一是加强项目前期论证，2025年起项目入库前由经发办组织评审。", role="measure"),
                       S("二是由财政所按季度通报预算执行情况。", role="measure")]),
        ],
        note="盲写版式二：两行标题的自评报告（Word 转 PDF），占比、变动额、无“完成”的指标值",
        blind=True,
        first_try=("PDF 未被识别（篇幅短的报告首行缩进的行多于顶格行，正文左边界取成了缩进位置，标题与第一个标题行被拼成一段）；"
                   "修正后：单位独占一行、下一行以年度开头的两行标题未拼接（单位取自文件名），第二行标题被当作正文句；"
                   "“按支出性质分：基本支出702.15万元”“人员经费612.35万元，公用经费89.80万元”等只写科目名的金额漏读（6个）；"
                   "“48公里”（计量单位不在列表中）与“‘群众满意度’达到96.5%”漏读；“追加预算52.40万元”被误读为全年预算。"
                   "占比（占76.96%）、变动额与增长率、93.5分首次即读对。"),
    )


def nanhu_6_pdf() -> ReportDoc:
    """The 卫生健康局 report exported to PDF: its figure table is read from the PDF's ruled table."""
    doc = nanhu_6()
    doc.file_name = f"{NANHU}{YEAR}年1-6月预算绩效运行监控情况报告（公开版）.pdf"
    doc.format = "pdf"
    doc.blind = False
    doc.first_try = ""
    doc.note = "盲写版式一的 PDF 导出（在盲写之后生成，不算盲写）：报告内的表格由 PDF 表格读出"
    return doc


def blind_reports() -> list[ReportDoc]:
    return [nanhu_6(), beishan_year(), nanhu_6_pdf()]
