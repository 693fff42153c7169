"""Blind-test monitoring table/report pairs: inputs and renderers.

A 1–6月 监控表 in Excel with an extra 预算调整数 column (万元), and one in 元 with the indicators on a
second sheet; their 监控报告 in Word. Written without reading the parsers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from .blind_render import new_document, para
from .blind_tables import D, _put, rate, wan


# ------------------------------------------------------------------ monitoring table + report

@dataclass
class Monitoring:
    unit: str
    year: int
    months: int
    money_unit: str
    # line, 年初, 全年, 执行, reason, measure (amounts in money_unit)
    lines: list[tuple[str, Decimal, Decimal, Decimal, str, str]]
    indicators: list[tuple[str, str, str, str, str, str, str, str]]
    # 一级, 二级, 三级, 年度指标值, 1-N月完成值, 全年预计, 偏差原因, 可能性
    report_overrides: dict[str, str] = field(default_factory=dict)
    planted: list[dict] = field(default_factory=list)

    def line(self, name):
        return next(x for x in self.lines if x[0] == name)

    def wan(self, x: Decimal) -> Decimal:
        return wan(x) if self.money_unit == "元" else x


def luwan_monitoring() -> Monitoring:
    """芦湾街道办事处 2024 1–6月 (万元); its report misstates 公用经费's 执行数."""
    m = Monitoring(
        unit="芦湾街道办事处", year=2024, months=6, money_unit="万元",
        lines=[("合计", D("968.40"), D("993.00"), D("497.18"), "", ""),
               ("基本支出", D("712.40"), D("712.40"), D("372.56"), "", ""),
               ("人员经费", D("618.20"), D("618.20"), D("326.94"), "", ""),
               ("公用经费", D("94.20"), D("94.20"), D("45.62"), "", ""),
               ("项目支出", D("256.00"), D("280.60"), D("124.62"),
                "社区微更新工程6月中旬进场施工，进度款按合同在完成工程量50%后支付",
                "由城建科负责，9月底前完成3个点位验收并支付进度款约80万元")],
        indicators=[("产出指标", "数量指标", "社区微更新改造点位", "6个", "2个", "6个", "", "确定能"),
                    ("产出指标", "质量指标", "垃圾分类准确率", "≥90%", "91%", "92%", "", "确定能"),
                    ("效益指标", "社会效益指标", "矛盾纠纷调处成功率", "≥95%", "96.5%", "96%", "", "确定能"),
                    ("满意度指标", "服务对象满意度指标", "辖区居民满意度", "≥90%", "—", "92%", "年底开展满意度测评", "有可能")],
    )
    wrong = D("52.36")
    m.report_overrides["公用经费"] = f"基本支出中，公用经费执行{wrong:.2f}万元，主要用于办公、水电和物业等日常运转。"
    m.planted.append({"rule_id": "RPT002", "severity": "error", "line": "公用经费", "column": "执行数",
                      "stated": f"{wrong:.2f}", "table": "45.62", "note": "报告所述公用经费执行数与监控表不符"})
    return m


def weitang_monitoring() -> Monitoring:
    """苇塘镇人民政府 2024 1–6月, table in 元, indicators on a second sheet; clean."""
    return Monitoring(
        unit="苇塘镇人民政府", year=2024, months=6, money_unit="元",
        lines=[("合计", D("15846300.00"), D("15846300.00"), D("8362417.85"), "", ""),
               ("基本支出", D("11236300.00"), D("11236300.00"), D("6104226.40"), "", ""),
               ("人员经费", D("9875000.00"), D("9875000.00"), D("5412380.00"), "", ""),
               ("公用经费", D("1361300.00"), D("1361300.00"), D("691846.40"), "", ""),
               ("项目支出", D("4610000.00"), D("4610000.00"), D("2258191.45"),
                "农村公路养护工程按季度计量支付，二季度计量款7月初支付",
                "由镇交通服务站负责，7月15日前完成二季度计量支付")],
        indicators=[("产出指标", "数量指标", "农村公路养护里程", "42公里", "21公里", "42公里", "", "确定能"),
                    ("产出指标", "质量指标", "饮用水水质达标率", "100%", "100%", "100%", "", "确定能"),
                    ("效益指标", "社会效益指标", "农村生活污水治理覆盖率", "≥80%", "82%", "85%", "", "确定能"),
                    ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "未到评价期", "92%", "年底开展测评", "有可能")],
    )


def monitoring_xlsx_wan(m: Monitoring, path: Path) -> None:
    """One sheet: budget block with an extra 预算调整数 column, rates as percent-formatted fractions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月监控表"
    ncol = 9
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=1, column=1, value=f"{m.year}年1-{m.months}月部门整体支出绩效运行监控表").font = Font(bold=True, size=15)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    ws.cell(row=2, column=1, value=f"填报单位：{m.unit}")
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=ncol)
    ws.cell(row=2, column=7, value="金额单位：万元")
    r = 3
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    _put(ws, r, 1, "一、预算执行情况", bold=True)
    r += 1
    for c, h in enumerate(["序号", "预算项目", "年初预算数", "预算调整数", "全年预算数", f"1-{m.months}月执行数",
                           "执行率", "偏差原因", "改进措施"], 1):
        _put(ws, r, c, h, bold=True)
    numbers = {"合计": "", "基本支出": "1", "人员经费": "1.1", "公用经费": "1.2", "项目支出": "2"}
    for name, initial, adjusted, executed, reason, measure in m.lines:
        r += 1
        _put(ws, r, 1, numbers[name])
        _put(ws, r, 2, name)
        _put(ws, r, 3, float(initial), "#,##0.00")
        _put(ws, r, 4, float(adjusted - initial), "#,##0.00")
        _put(ws, r, 5, float(adjusted), "#,##0.00")
        _put(ws, r, 6, float(executed), "#,##0.00")
        _put(ws, r, 7, float(rate(executed, adjusted) / 100), "0.00%")
        _put(ws, r, 8, reason)
        _put(ws, r, 9, measure)
    r += 2
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    _put(ws, r, 1, "二、绩效目标完成情况", bold=True)
    r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", f"1-{m.months}月实际完成值",
                           "全年预计完成值", "偏差原因分析", "完成目标可能性", "备注"], 1):
        _put(ws, r, c, h, bold=True)
    for ind in m.indicators:
        r += 1
        for c, v in enumerate(list(ind) + [""], 1):
            _put(ws, r, c, v)
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    ws.cell(row=r, column=1, value="注：执行率=1-6月执行数÷全年预算数；全年预算数=年初预算数+预算调整数。")
    for col, width in zip("ABCDEFGHI", [8, 18, 12, 12, 12, 12, 10, 30, 30]):
        ws.column_dimensions[col].width = width
    wb.save(path)


def monitoring_xlsx_yuan(m: Monitoring, path: Path) -> None:
    """Two sheets: 预算执行 (元, rates as numbers under a (%) header, notes row) and 绩效指标."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预算执行"
    ncol = 7
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=1, column=1, value=f"{m.unit}{m.year}年1-{m.months}月部门整体支出绩效运行监控表").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.cell(row=2, column=1, value="单位：元")
    for c, h in enumerate(["预算科目", "年初预算数", "全年预算数", "截至6月底支出数", "执行率(%)", "偏差原因",
                           "下一步措施"], 1):
        _put(ws, 3, c, h, bold=True)
    r = 3
    for name, initial, adjusted, executed, reason, measure in m.lines:
        r += 1
        _put(ws, r, 1, {"人员经费": "　其中：人员经费", "公用经费": "　　　　公用经费"}.get(name, name))
        _put(ws, r, 2, float(initial), "#,##0.00")
        _put(ws, r, 3, float(adjusted), "#,##0.00")
        _put(ws, r, 4, float(executed), "#,##0.00")
        _put(ws, r, 5, float(rate(executed, adjusted)), "0.00")
        _put(ws, r, 6, reason)
        _put(ws, r, 7, measure)
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    ws.cell(row=r, column=1, value="备注：执行率=截至6月底支出数÷全年预算数×100。")
    ws2 = wb.create_sheet("绩效指标")
    ws2.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    ws2.cell(row=1, column=1, value=f"{m.unit}{m.year}年1-{m.months}月绩效指标完成情况")
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月完成值", "全年预计完成值",
                           "偏差原因分析", "完成目标可能性"], 1):
        _put(ws2, 2, c, h, bold=True)
    for k, ind in enumerate(m.indicators, 3):
        for c, v in enumerate(ind, 1):
            _put(ws2, k, c, v)
    for col, width in zip("ABCDEFG", [24, 16, 16, 18, 10, 30, 30]):
        ws.column_dimensions[col].width = width
    wb.save(path)


def report_sentences(m: Monitoring) -> list[tuple[str, list[str]]]:
    w = m.wan
    tot, basic, pers, publ, proj = (m.line(n) for n in ("合计", "基本支出", "人员经费", "公用经费", "项目支出"))
    threshold = 40
    budget = (f"{m.year}年全年预算数{w(tot[2]):.2f}万元"
              + (f"（年初预算{w(tot[1]):.2f}万元，年中追加社区微更新工程资金{w(tot[2] - tot[1]):.2f}万元）"
                 if tot[2] != tot[1] else "")
              + f"，截至6月30日累计执行{w(tot[3]):.2f}万元，执行率{rate(w(tot[3]), w(tot[2])):.2f}%，"
                f"高于{threshold}%的预警值。")
    parts = (f"其中：基本支出全年预算{w(basic[2]):.2f}万元，执行{w(basic[3]):.2f}万元，执行率{rate(w(basic[3]), w(basic[2])):.2f}%；"
             f"项目支出全年预算{w(proj[2]):.2f}万元，执行{w(proj[3]):.2f}万元，执行率{rate(w(proj[3]), w(proj[2])):.2f}%。")
    detail = m.report_overrides.get(
        "公用经费", f"基本支出中，人员经费执行{w(pers[3]):.2f}万元，公用经费执行{w(publ[3]):.2f}万元。")
    ind = "；".join(f"“{i[2]}”年度目标{i[3]}，1-{m.months}月完成{i[4]}" for i in m.indicators if i[4] not in ("—", "未到评价期"))
    return [
        ("一、基本情况", [f"{m.unit}{m.year}年部门预算纳入绩效运行监控的资金包括基本支出和项目支出。按照区财政局关于开展"
                       f"{m.year}年1-{m.months}月绩效运行监控工作的通知要求，我单位对预算执行进度和绩效目标完成情况进行了监控。"]),
        ("二、预算执行情况", [budget, parts, detail]),
        ("三、绩效目标完成情况", [ind + "。满意度指标将于年底开展测评。"]),
        ("四、偏差原因及改进措施", [f"项目支出执行率略低于序时进度，主要原因是{proj[4]}。下一步，{proj[5]}。"]),
        ("五、监控结论", ["总体看，预算执行和绩效目标实现情况良好，预计能够完成全年绩效目标。"]),
    ]


def report_docx(m: Monitoring, path: Path) -> None:
    doc = new_document()
    para(doc, f"{m.unit}{m.year}年1-{m.months}月绩效运行监控报告", 18, True, True)
    para(doc, "区财政局：")
    for head, sentences in report_sentences(m):
        para(doc, head, 12, True)
        para(doc, "".join(sentences))
    para(doc, f"{m.unit}", 11, False)
    para(doc, f"{m.year}年7月12日", 11, False)
    doc.save(path)


__all__ = ["grid_table"]


def report_figures(m: Monitoring) -> list[dict]:
    """The budget figures report_sentences states, in the order written: line, measure, value (万元 / %)."""
    w = m.wan
    tot, basic, pers, publ, proj = (m.line(n) for n in ("合计", "基本支出", "人员经费", "公用经费", "项目支出"))
    out = [("合计", "全年预算", w(tot[2]))]
    if tot[2] != tot[1]:
        out.append(("合计", "年初预算", w(tot[1])))
    out += [("合计", "执行数", w(tot[3])), ("合计", "执行率", rate(w(tot[3]), w(tot[2])))]
    for ln in (basic, proj):
        out += [(ln[0], "全年预算", w(ln[2])), (ln[0], "执行数", w(ln[3])), (ln[0], "执行率", rate(w(ln[3]), w(ln[2])))]
    if "公用经费" in m.report_overrides:
        out.append(("公用经费", "执行数", D(m.planted[0]["stated"])))
    else:
        out += [("人员经费", "执行数", w(pers[3])), ("公用经费", "执行数", w(publ[3]))]
    return [{"line": a, "measure": b, "value": f"{v:.2f}"} for a, b, v in out]
