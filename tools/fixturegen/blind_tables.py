"""Blind-test self-evaluation tables: inputs and renderers, and the helpers the monitoring pairs share.

Written without reading the parsers. Layouts: a unit-wide 自评表 in an Excel workbook of three
sheets (instructions, the table with a merged title and a 填报单位 row, an evidence list) with
rates as percent-formatted fractions; a project 自评表 in Word with text before and after the
table, 指标方向 / 指标值 / 度量单位 in separate columns and 执行率 before 分值; a 自评报告 with the
budget table inside. The monitoring table/report pairs are in `blind_monitoring`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from .blind_render import grid_table, new_document, para

D = Decimal


def rate(executed: Decimal, budget: Decimal) -> Decimal:
    return (executed * 100 / budget).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def wan(yuan: Decimal) -> Decimal:
    return (yuan / 10000).quantize(D("0.01"), rounding=ROUND_HALF_UP)


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _put(ws, row: int, col: int, value, fmt: str | None = None, bold: bool = False):
    cell = ws.cell(row=row, column=col, value=value)
    cell.border = BOX
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    return cell


# ------------------------------------------------------------------ self-evaluation

@dataclass
class Indicator:
    level1: str
    level2: str
    name: str
    target: str               # as printed (with operator / unit), or the value when split
    actual: str
    weight: Decimal
    score: Decimal
    remark: str = ""
    direction: str = ""       # split layout: operator column
    unit: str = ""            # split layout: unit column


@dataclass
class SelfEval:
    unit: str
    year: int
    project: str | None
    department: str | None
    budget: list[tuple[str, Decimal, Decimal, Decimal, Decimal | None, Decimal | None, Decimal | None]]
    # line, 年初, 全年, 执行, 分值, printed 执行率 (None = computed), 得分
    goal_planned: str
    goal_actual: str
    indicators: list[Indicator]
    planted: list[dict] = field(default_factory=list)

    def printed_rate(self, line) -> Decimal:
        name, _, adjusted, executed, _, printed, _ = line
        return printed if printed is not None else rate(executed, adjusted)

    @property
    def total(self) -> Decimal:
        return sum((i.score for i in self.indicators), D(0)) + sum(
            (b[6] for b in self.budget if b[6] is not None), D(0))


def huayuan_selfeval() -> SelfEval:
    """桦林镇人民政府 2024 部门整体支出绩效自评表 (xlsx): a wrong 执行率 and an unmet indicator scored full."""
    I = Indicator  # noqa: E741
    s = SelfEval(
        unit="桦林镇人民政府", year=2024, project=None, department=None,
        budget=[("年度资金总额", D("1086.50"), D("1124.30"), D("1062.85"), D(10), None, D("9.45")),
                ("基本支出", D("742.10"), D("748.60"), D("748.60"), None, None, None),
                # planted: 314.25 ÷ 年初 344.40 = 91.25%, not ÷ 全年 375.70 = 83.64%
                ("项目支出", D("344.40"), D("375.70"), D("314.25"), None, D("91.25"), None)],
        goal_planned="保障镇机关及所属单位正常运转；完成农村公路养护86公里、12个村人居环境整治和3000亩高标准农田建设；"
                     "农村生活垃圾无害化处理率达到90%以上，群众满意度不低于90%。",
        goal_actual="机关正常运转；完成农村公路养护86公里、12个村人居环境整治，高标准农田建成2650亩；"
                    "农村生活垃圾无害化处理率93%，居民满意度92.6%。",
        indicators=[
            I("部门管理", "资金投入", "基本支出预算执行率", "≥95%", "100%", D(5), D(5)),
            I("部门管理", "资金投入", "项目支出预算执行率", "≥90%", "83.64%", D(5), D(4),
              "原因：农村人居环境整治二期工程11月完工，结算审计未完成，尾款31.45万元未支付。"
              "改进措施：由镇财政所负责督促施工单位于2025年3月底前完成结算审计并支付尾款。"),
            I("部门管理", "财务管理", "资金使用合规率", "100%", "100%", D(5), D(5)),
            I("部门管理", "资产管理", "固定资产盘点次数", "≥1次", "1次", D(5), D(5)),
            I("部门管理", "采购管理", "政府采购执行率", "100%", "100%", D(5), D(5)),
            I("部门管理", "人员管理", "在职人员控制率", "≤100%", "96%", D(5), D(5)),
            I("部门履职", "重点履职", "农村公路养护里程", "≥86公里", "86公里", D(10), D(10)),
            I("部门履职", "重点履职", "农村人居环境整治村数", "12个", "12个", D(10), D(10)),
            # planted SLF005: 2650 < 3000 yet full marks (reason and a dated measure given)
            I("部门履职", "重点履职", "高标准农田建设面积", "≥3000亩", "2650亩", D(10), D(10),
              "原因：部分地块因土地流转纠纷未能按期开工。改进措施：由镇农业服务中心牵头，2025年4月底前完成剩余350亩建设。"),
            I("部门履职", "重点履职", "防汛应急演练次数", "≥4次", "4次", D(5), D(5)),
            I("部门效果", "社会效益", "农村生活垃圾无害化处理率", "≥90%", "93%", D(10), D(10)),
            I("部门效果", "社会效益", "群众信访事项办结率", "≥98%", "99.2%", D(5), D(5)),
            I("部门效果", "服务对象满意度", "辖区居民满意度", "≥90%", "92.6%", D(5), D(5)),
            I("部门效果", "服务对象满意度", "辖区企业满意度", "≥85%", "88%", D(5), D(5)),
        ],
    )
    s.planted = [
        {"rule_id": "SLF001", "severity": "error", "line": "项目支出", "column": "执行率",
         "reported": "91.25", "computed": f"{rate(D('314.25'), D('375.70')):.2f}",
         "note": "执行率按年初预算数计算"},
        {"rule_id": "SLF005", "severity": "warning", "line": "高标准农田建设面积", "column": "得分",
         "note": "≥3000亩只完成2650亩却得满分10分"},
    ]
    return s


def yunxi_selfeval() -> SelfEval:
    """云溪县文化馆 乡村文化振兴示范村建设项目 2024 项目支出绩效自评表 (docx), clean."""
    I = Indicator  # noqa: E741
    return SelfEval(
        unit="云溪县文化馆", year=2024, project="乡村文化振兴示范村建设项目", department="云溪县文化广电和旅游局",
        budget=[("年度资金总额", D("180.00"), D("200.00"), D("196.40"), D(10), None, D("9.82")),
                ("其中：当年财政拨款", D("180.00"), D("200.00"), D("196.40"), None, None, None),
                ("上年结转资金", D("0"), D("0"), D("0"), None, None, None),
                ("其他资金", D("0"), D("0"), D("0"), None, None, None)],
        goal_planned="完成8个乡村文化振兴示范村建设，开展文化惠民演出60场以上，示范村群众文化活动参与人次达到1.2万人次。",
        goal_actual="完成8个示范村建设并通过验收，开展文化惠民演出64场，示范村群众文化活动参与13560人次。",
        indicators=[
            I("产出指标", "数量指标", "示范村建设数量", "8", "8", D(10), D(10), direction="≥", unit="个"),
            I("产出指标", "数量指标", "文化惠民演出场次", "60", "64", D(10), D(10), direction="≥", unit="场"),
            I("产出指标", "质量指标", "项目验收合格率", "100", "100", D(10), D(10), direction="=", unit="%"),
            I("产出指标", "时效指标", "资金拨付及时率", "95", "100", D(10), D(10), direction="≥", unit="%"),
            I("产出指标", "成本指标", "单个示范村建设补助标准", "25", "24.55", D(10), D(10), direction="≤", unit="万元/个"),
            I("效益指标", "社会效益指标", "示范村群众文化活动参与人次", "12000", "13560", D(15), D(15),
              direction="≥", unit="人次"),
            I("效益指标", "可持续影响指标", "示范村文化设施持续使用年限", "5", "5", D(15), D(15), direction="≥", unit="年"),
            I("满意度指标", "服务对象满意度指标", "示范村村民满意度", "90", "94.3", D(10), D(10), direction="≥", unit="%"),
        ],
    )


def selfeval_xlsx(s: SelfEval, path: Path) -> None:
    wb = Workbook()
    ws0 = wb.active
    ws0.title = "填报说明"
    for k, text in enumerate([
            "填报说明：",
            "1.本表由预算部门填报，金额单位为万元。",
            "2.执行率=全年执行数÷全年预算数；预算执行得分=分值×执行率，最高不超过分值。",
            "3.偏差原因分析及改进措施应逐项填写，并说明责任单位和完成时限。"], 1):
        ws0.cell(row=k, column=1, value=text)
    ws = wb.create_sheet("部门整体自评表")
    ncol = 8
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=1, column=1, value=f"{s.year}年度部门整体支出绩效自评表").font = Font(bold=True, size=16)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.cell(row=2, column=1, value=f"（{s.year}年度）")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=5)
    ws.cell(row=3, column=1, value=f"填报单位（盖章）：{s.unit}")
    ws.merge_cells(start_row=3, start_column=6, end_row=3, end_column=ncol)
    ws.cell(row=3, column=6, value="填报日期：2025年2月18日　单位：万元")
    r = 4
    ws.merge_cells(start_row=r, start_column=1, end_row=r + len(s.budget), end_column=1)
    _put(ws, r, 1, "年度预算执行情况（万元）", bold=True)
    for c, h in enumerate(["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], 2):
        _put(ws, r, c, h, bold=True)
    for line in s.budget:
        r += 1
        name, initial, adjusted, executed, weight, _, score = line
        _put(ws, r, 2, {"基本支出": "其中：基本支出", "项目支出": "　　　项目支出"}.get(name, name))
        _put(ws, r, 3, float(initial), "#,##0.00")
        _put(ws, r, 4, float(adjusted), "#,##0.00")
        _put(ws, r, 5, float(executed), "#,##0.00")
        _put(ws, r, 6, float(weight) if weight is not None else None)
        _put(ws, r, 7, float(s.printed_rate(line) / 100), "0.00%")
        _put(ws, r, 8, float(score) if score is not None else None, "0.00")
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    _put(ws, r, 1, "年度总体目标", bold=True)
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    _put(ws, r, 2, "预期目标", bold=True)
    ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=ncol)
    _put(ws, r, 6, "实际完成情况", bold=True)
    r += 1
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    _put(ws, r, 2, s.goal_planned)
    ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=ncol)
    _put(ws, r, 6, s.goal_actual)
    r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                           "偏差原因分析及改进措施"], 1):
        _put(ws, r, c, h, bold=True)
    first = r + 1
    for ind in s.indicators:
        r += 1
        for c, v in enumerate([ind.level1, ind.level2, ind.name, ind.target, ind.actual], 1):
            _put(ws, r, c, v)
        _put(ws, r, 6, float(ind.weight))
        _put(ws, r, 7, float(ind.score))
        _put(ws, r, 8, ind.remark)
    # merge the 一级 cells of consecutive equal values
    start = first
    for row in range(first + 1, r + 2):
        if row > r or ws.cell(row=row, column=1).value != ws.cell(row=start, column=1).value:
            if row - 1 > start:
                value = ws.cell(row=start, column=1).value
                ws.merge_cells(start_row=start, start_column=1, end_row=row - 1, end_column=1)
                ws.cell(row=start, column=1, value=value)
            start = row
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    _put(ws, r, 1, "总分", bold=True)
    _put(ws, r, 7, float(s.total), "0.00")
    _put(ws, r, 8, "自评等级：优")
    for col, width in zip("ABCDEFGH", [14, 16, 24, 14, 14, 8, 10, 48]):
        ws.column_dimensions[col].width = width
    ws2 = wb.create_sheet("佐证材料清单")
    for k, (a, b) in enumerate([("序号", "材料名称"), ("1", "2024年度部门决算报表"), ("2", "农村公路养护验收单"),
                                ("3", "高标准农田建设项目进度报告"), ("4", "满意度问卷调查汇总表")], 1):
        ws2.cell(row=k, column=1, value=a)
        ws2.cell(row=k, column=2, value=b)
    wb.save(path)


def selfeval_docx(s: SelfEval, path: Path) -> None:
    doc = new_document()
    para(doc, "附件3", 12, True)
    para(doc, "项目支出绩效自评表", 18, True, True)
    para(doc, f"（{s.year}年度）", 12, False, True)
    para(doc, f"根据《云溪县财政局关于开展{s.year}年度财政支出绩效自评工作的通知》要求，我单位对{s.project}"
              f"{s.year}年度绩效目标完成情况开展了自评，现将自评结果填报如下。")
    ncols = 10
    header = [[("项目名称", 1, 2), (s.project, 1, 8)]]
    rows: list[list[str]] = []
    # the whole form is one table; rows are written as (cells spanning) via a plain 10-column grid
    table_rows = []
    table_rows.append([("项目名称", 2), (s.project, 8)])
    table_rows.append([("主管部门", 2), (s.department, 3), ("实施单位", 2), (s.unit, 3)])
    table_rows.append([("项目资金（万元）", 2), ("", 1), ("年初预算数", 1), ("全年预算数", 1), ("全年执行数", 1),
                       ("执行率", 1), ("分值", 1), ("得分", 2)])
    for line in s.budget:
        name, initial, adjusted, executed, weight, _, score = line
        rate_text = f"{s.printed_rate(line):.2f}%" if adjusted else "—"
        table_rows.append([("", 2), (name, 1), (f"{initial:.2f}", 1), (f"{adjusted:.2f}", 1), (f"{executed:.2f}", 1),
                           (rate_text if name == "年度资金总额" or adjusted else "—", 1),
                           (f"{weight}" if weight is not None else "—", 1),
                           (f"{score:.2f}" if score is not None else "—", 2)])
    table_rows.append([("年度总体目标", 2), ("预期目标", 4), ("实际完成情况", 4)])
    table_rows.append([("", 2), (s.goal_planned, 4), (s.goal_actual, 4)])
    table_rows.append([("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("指标方向", 1), ("指标值", 1), ("度量单位", 1),
                       ("实际完成值", 1), ("分值", 1), ("得分", 1), ("偏差原因分析及改进措施", 1)])
    for ind in s.indicators:
        table_rows.append([(ind.level1, 1), (ind.level2, 1), (ind.name, 1), (ind.direction, 1), (ind.target, 1),
                           (ind.unit, 1), (ind.actual, 1), (f"{ind.weight}", 1), (f"{ind.score}", 1), (ind.remark, 1)])
    table_rows.append([("总分", 7), (f"{s.total:.2f}", 2), ("自评等级：优", 1)])
    table = doc.add_table(rows=len(table_rows), cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate(table_rows):
        c = 0
        for text, span in cells:
            cell = table.cell(r, c)
            if span > 1:
                cell = cell.merge(table.cell(r, c + span - 1))
            cell.text = text
            c += span
    # the 项目资金 and 年度总体目标 labels span their rows
    n_budget = len(s.budget)
    table.cell(2, 0).merge(table.cell(2 + n_budget, 1)).text = "项目资金（万元）"
    g = 3 + n_budget
    table.cell(g, 0).merge(table.cell(g + 1, 1)).text = "年度总体目标"
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(8)
    para(doc, "填报人：李晓梅　　联系电话：0000-1234567　　填报日期：2025年3月10日")
    para(doc, "说明：执行率=全年执行数÷全年预算数；预算执行得分=分值×执行率。")
    del header, rows
    doc.save(path)


# ------------------------------------------------------------------ round 2: a 自评报告 with a table inside

def selfeval_report_docx(s: SelfEval, path: Path) -> list[dict]:
    """桦林镇's 2024 部门整体支出绩效自评报告 (Word): prose with the budget figures, a table of the
    budget lines inside the report, indicator results. Planted: the prose states 项目支出's rate
    as 91.25% (÷ 年初预算) next to its 全年预算 and 执行数. Returns the planted findings."""
    total, basic, project = s.budget
    doc = new_document()
    para(doc, f"{s.unit}{s.year}年度部门整体支出绩效自评报告", 18, True, True)
    para(doc, "区财政局：")
    para(doc, f"根据区财政局关于开展{s.year}年度部门整体支出绩效自评工作的通知要求，我镇对{s.year}年度部门整体支出"
              "开展了绩效自评，现将自评情况报告如下。")
    para(doc, "一、部门基本情况", 12, True)
    para(doc, f"{s.unit}内设党政综合办公室、经济发展办公室等7个机构，下设财政所、农业服务中心等4个事业单位。")
    para(doc, "二、预算执行情况", 12, True)
    para(doc, f"{s.year}年度全年预算数{total[2]:.2f}万元，全年执行数{total[3]:.2f}万元，执行率{rate(total[3], total[2]):.2f}%。"
              f"其中：基本支出全年预算{basic[2]:.2f}万元，执行{basic[3]:.2f}万元，执行率{rate(basic[3], basic[2]):.2f}%；"
              f"项目支出全年预算{project[2]:.2f}万元，执行{project[3]:.2f}万元，执行率{s.printed_rate(project):.2f}%。")
    para(doc, "表1  2024年度预算执行情况（单位：万元）", 10.5, False, True)
    rows = [[name.replace("其中：", ""), f"{ini:,.2f}", f"{adj:,.2f}", f"{exe:,.2f}", f"{rate(exe, adj):.2f}%"]
            for name, ini, adj, exe, *_ in s.budget]
    grid_table(doc, [[("项目", 1, 1), ("年初预算数", 1, 1), ("全年预算数", 1, 1), ("全年执行数", 1, 1), ("执行率", 1, 1)]],
               rows, None, 10)
    para(doc, "三、绩效目标完成情况", 12, True)
    met = [i for i in s.indicators if i.name != "高标准农田建设面积"]
    para(doc, f"年初设定三级指标{len(s.indicators)}个，完成{len(met)}个。"
              + "；".join(f"“{i.name}”完成{i.actual}" for i in met[6:9]) + "。")
    para(doc, "四、存在的问题及原因", 12, True)
    para(doc, "一是高标准农田建设面积未达到年度目标，主要原因是部分地块因土地流转纠纷未能按期开工。"
              "二是项目支出执行率偏低，主要原因是农村人居环境整治二期工程11月完工，结算审计未完成，尾款31.45万元未支付。")
    para(doc, "五、下一步改进措施", 12, True)
    para(doc, "一是由镇农业服务中心牵头，2025年4月底前完成剩余350亩高标准农田建设。"
              "二是由镇财政所负责督促施工单位于2025年3月底前完成结算审计并支付尾款。")
    para(doc, "六、自评结论", 12, True)
    para(doc, f"经自评，{s.unit}{s.year}年度部门整体支出绩效自评得分{s.total:.2f}分，等级为“优”。")
    doc.save(path)
    return [{"rule_id": "RPT001", "severity": "error", "line": "项目支出", "column": "执行率",
             "reported": f"{s.printed_rate(project):.2f}", "computed": f"{rate(project[3], project[2]):.2f}",
             "note": "报告所述项目支出执行率与所述全年预算、执行数不符"}]
