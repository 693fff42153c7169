"""Generate monitoring tables in layouts the monitoring parser was not designed against.

Each document reproduces the shape of a real published template (central-department, Gansu,
Hubei, Sichuan, Guangdong-style and portal HTML pages) with fictitious units and figures, in
.xlsx, .docx, .html (UTF-8 and GB18030) and .pdf (converted from a generated .docx/.xlsx by
LibreOffice). The expected records and findings are written from the same inputs, never from
the parser's output:

    fixtures/unseen/<file>                      the documents
    fixtures/expected/unseen/<file>.json        what the parser must read from each
    fixtures/expected/unseen/findings.json      what the checks must find over all of them

Every figure is arithmetically clean (rates rounded half-up from the printed amounts) except the
planted errors listed in `PLANTED` below.

Usage: .venv/bin/python tools/make_unseen_fixtures.py
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "fixtures" / "unseen"
EXPECTED = ROOT / "fixtures" / "expected" / "unseen"
D = Decimal
YEAR = 2024

# ---------------------------------------------------------------------------------- model


@dataclass
class Line:
    label: str  # as printed in the table
    name: str | None  # canonical line name; None for a row the records need not carry
    initial: Decimal | None = None  # 年初预算数, in the table's printed unit
    annual: Decimal | None = None  # 全年预算数 / 调整后预算数
    executed: Decimal | None = None  # 1–N月执行数
    # A planted 执行率 error: the filer divided by this figure instead of 全年预算数.
    wrong_denominator: Decimal | None = None
    reason: str = ""
    measure: str = ""
    forecast: Decimal | None = None  # 全年预计执行数 column, where the layout has one
    printed_blank: bool = False  # every figure cell of the row left empty (zero as blank)


@dataclass
class Indicator:
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    forecast: str = ""
    reason: str = ""
    likelihood: str = "确定能"
    remark: str = ""
    # split layouts (指标性质 | 指标值 | 度量单位): the three printed parts of the target
    split: tuple[str, str, str] | None = None


@dataclass
class Report:
    kind: str  # unit | project
    unit: str
    period: int
    amount_unit: str  # 万元 | 元
    lines: list[Line]
    indicators: list[Indicator]
    project: str | None = None
    has_initial: bool = True  # the layout prints a 年初预算数 column
    rate_places: int = 2
    zero_rate_when_undefined: bool = False  # the form prints 0.00% where the budget is zero

    def printed_rate(self, line: Line) -> Decimal | None:
        """The 执行率 as printed: rounded half-up to the table's decimals."""
        exact = exact_rate(line)
        if line.printed_blank:
            return None
        if exact is None:
            return D(0).quantize(D(1).scaleb(-self.rate_places)) if self.zero_rate_when_undefined else None
        return exact.quantize(D(1).scaleb(-self.rate_places), rounding=ROUND_HALF_UP)


def exact_rate(line: Line) -> Decimal | None:
    """The unrounded rate the filer's formula gives, in percent (wrong denominator if planted)."""
    denominator = line.wrong_denominator if line.wrong_denominator is not None else line.annual
    if line.executed is None or denominator is None or denominator <= 0:
        return None
    return line.executed / denominator * 100


def amt(text: str) -> Decimal:
    return D(text.replace(",", ""))


def fmt(value: Decimal | None, thousands: bool = False, zero: str = "0.00") -> str:
    if value is None:
        return ""
    if value == 0:
        return zero
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def to_wan(value: Decimal, unit: str) -> str:
    """An amount normalised to 万元, as a plain decimal string (trailing zeros beyond 2 dropped)."""
    v = value / D(10000) if unit == "元" else value
    text = format(v, "f")
    if "." in text:
        head, tail = text.split(".")
        tail = tail.rstrip("0").ljust(2, "0")
        text = f"{head}.{tail}"
    return text


# ---------------------------------------------------------------------------------- documents
# Figures below: every total equals its parts unless a comment says PLANTED.

# 1. 财政部 中央部门 项目支出绩效目标执行监控表 (财预〔2019〕136号 附件 layout): 1–7月, 万元,
#    资金 block with 年初预算数 / 全年预算数（A） / 1-7月执行数（B） / 执行率（B/A） / 全年预计执行数 and a
#    上年结转资金 row; 偏差原因分析 and 完成目标可能性 as tick (√) columns.
R1 = Report(
    kind="project", unit="某市生态环境局", period=7, amount_unit="万元",
    project="大气污染防治监测能力建设项目",
    lines=[
        Line("年度资金总额", "资金总额", amt("480.00"), amt("520.00"), amt("315.75"), forecast=amt("520.00")),
        Line("其中：当年财政拨款", "财政拨款", amt("450.00"), amt("450.00"), amt("268.35"), forecast=amt("450.00")),
        Line("上年结转资金", "上年结转", amt("0"), amt("40.00"), amt("31.20"), forecast=amt("40.00")),
        Line("其他资金", "其他资金", amt("30.00"), amt("30.00"), amt("16.20"), forecast=amt("30.00")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "新建空气质量自动监测站", "6个", "4个", "6个"),
        Indicator("产出指标", "质量指标", "监测数据有效率", "≥90%", "93.6%", "92%"),
        Indicator("产出指标", "时效指标", "站点建成时间", "2024年10月底前", "已完成设备招标", "11月中旬建成",
                  reason="硬件条件保障", likelihood="有可能", remark="2个站点选址调整"),
        Indicator("产出指标", "成本指标", "单站建设成本", "≤65万元", "58.6万元", "≤65万元"),
        Indicator("效益指标", "生态效益指标", "空气质量优良天数比率", "≥85%", "86.3%", "≥85%"),
        Indicator("满意度指标", "服务对象满意度指标", "周边群众满意度", "≥90%", "调查将于四季度开展", "≥90%"),
    ],
)

# 2. Gansu-style 部门整体支出绩效运行监控表, one Word table holding both blocks, 1—8月 (em dash).
#    PLANTED MON001: 项目支出 执行率 computed over 年初预算数 (195.37 ÷ 265.00) instead of 全年预算数.
R2 = Report(
    kind="unit", unit="河西镇人民政府", period=8, amount_unit="万元",
    lines=[
        Line("合计", "合计", amt("963.90"), amt("1023.80"), amt("672.51")),
        Line("一、基本支出", "基本支出", amt("698.90"), amt("711.20"), amt("477.14")),
        Line("其中：人员经费", "人员经费", amt("612.40"), amt("618.90"), amt("418.73")),
        Line("公用经费", "公用经费", amt("86.50"), amt("92.30"), amt("58.41")),
        Line("二、项目支出", "项目支出", amt("265.00"), amt("312.60"), amt("195.37"),
             wrong_denominator=amt("265.00"),
             reason="人居环境整治项目9月验收后支付尾款", measure="验收合格后10日内完成尾款支付"),
    ],
    indicators=[
        Indicator("部门管理", "资金投入", "预算执行率", "≥95%", "65.69%", "98%"),
        Indicator("部门管理", "财务管理", "财务制度健全性", "健全", "健全", "健全"),
        Indicator("部门管理", "采购管理", "政府采购执行率", "100%", "100%", "100%"),
        Indicator("部门履职", "重点履职", "农村人居环境整治村数", "12个", "8个", "12个"),
        Indicator("部门履职", "重点履职", "高标准农田建设面积", "≥3000亩", "1850亩", "3000亩",
                  reason="受雨季影响施工进度滞后", likelihood="有可能"),
        Indicator("部门效果", "社会效益", "矛盾纠纷调处成功率", "≥95%", "96.2%", "≥95%"),
        Indicator("部门效果", "服务对象满意度", "辖区群众满意度", "≥90%", "91.5%", "≥90%"),
    ],
)

# 3. Portal page (GB18030 bytes, declared gb2312), 元, 序号 column, 总计 at the bottom.
#    PLANTED MON002: 基本支出 1-7月执行数 58,391,199.76 ≠ 人员经费 + 公用经费 = 58,291,199.76.
#    项目支出 is below the 1–7 threshold (39.99% < 50%) with a concrete reason and measure: MON005 only.
R3 = Report(
    kind="unit", unit="青山区教育局", period=7, amount_unit="元",
    lines=[
        Line("基本支出", "基本支出", amt("96,327,300.00"), amt("98,336,000.00"), amt("58,391,199.76")),
        Line("人员经费", "人员经费", amt("86,452,300.00"), amt("88,105,600.00"), amt("52,963,418.26")),
        Line("公用经费", "公用经费", amt("9,875,000.00"), amt("10,230,400.00"), amt("5,327,781.50")),
        Line("项目支出", "项目支出", amt("35,600,000.00"), amt("41,268,900.00"), amt("16,502,347.80"),
             reason="校舍维修改造工程暑期集中施工，工程款待9月竣工验收后支付",
             measure="竣工验收后按合同10个工作日内支付工程款，9月底前执行率提升至70%"),
        Line("总计", "合计", amt("131,927,300.00"), amt("139,604,900.00"), amt("74,893,547.56")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "义务教育阶段资助学生人数", "≥1200人", "1186人", "1230人"),
        Indicator("产出指标", "质量指标", "教师培训合格率", "≥95%", "97%", "97%"),
        Indicator("产出指标", "时效指标", "校舍维修改造完成时间", "2024年9月30日前", "施工中", "9月底前完工",
                  reason="受汛期降雨影响开工推迟", likelihood="有可能"),
        Indicator("效益指标", "社会效益指标", "适龄儿童入学率", "100%", "100%", "100%"),
        Indicator("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "92.4%", "≥90%"),
    ],
)

# 4. Hubei (黄石市项目支出绩效监控表) layout, Word → PDF, 1-8月: 项目资金 block with 调整后预算数 /
#    1-8月执行数 / 执行率 / 全年预计执行数 and "当年一般公共预算拨款"; indicators with 指标名称 and one
#    完成目标可能性（确定能、有可能、不可能） column, no forecast column; the table-level
#    偏差或不能完成目标原因分析 / 相关建议或举措 rows at the bottom.
R4 = Report(
    kind="project", unit="青山区卫生健康局", period=8, amount_unit="万元",
    project="重点人群免费健康体检项目", has_initial=False,
    lines=[
        Line("年度资金总额：", "资金总额", None, amt("186.00"), amt("125.76"), forecast=amt("186.00")),
        Line("其中：当年一般公共预算拨款", "财政拨款", None, amt("150.00"), amt("102.36"), forecast=amt("150.00")),
        Line("其他资金", "其他资金", None, amt("36.00"), amt("23.40"), forecast=amt("36.00")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "体检人数", "≥12000人", "8436人"),
        Indicator("产出指标", "质量指标", "体检项目完成率", "≥98%", "98.6%"),
        Indicator("产出指标", "时效指标", "体检结果反馈时限", "≤15个工作日", "平均12个工作日"),
        Indicator("产出指标", "成本指标", "人均体检费用", "≤155元", "149元"),
        Indicator("效益指标", "社会效益指标", "慢性病早期检出水平", "有效提升", "有所提升", likelihood="有可能"),
        Indicator("满意度指标", "服务对象满意度指标", "受检群众满意度", "≥90%", "93%"),
    ],
)
R4_TABLE_REASON = "慢性病检出数据需年末汇总分析，目前仅完成上半年数据比对"
R4_TABLE_MEASURE = "9月起按月汇总检出数据，11月底前形成分析报告"

# 5. Guangdong-style workbook with two sheets: the unit-wide table (执行率（%） printed with ONE
#    decimal, as a number) and a project table (rates as Excel percentages, zero shown as "-").
#    PLANTED MON001: 公用经费 执行率 computed over 基本支出's 全年预算数 (118.92 ÷ 1529.10).
R5A = Report(
    kind="unit", unit="某市生态环境局", period=7, amount_unit="万元", rate_places=1,
    lines=[
        Line("总计", "合计", amt("3881.20"), amt("4174.70"), amt("2333.75")),
        Line("基本支出", "基本支出", amt("1501.20"), amt("1529.10"), amt("931.58")),
        Line("其中：人员经费", "人员经费", amt("1286.40"), amt("1302.75"), amt("812.66")),
        Line("公用经费", "公用经费", amt("214.80"), amt("226.35"), amt("118.92"),
             wrong_denominator=amt("1529.10")),
        Line("项目支出", "项目支出", amt("2380.00"), amt("2645.60"), amt("1402.17")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "环境执法检查企业数", "≥800家次", "536家次", "850家次"),
        Indicator("产出指标", "质量指标", "国控断面水质达标率", "100%", "100%", "100%"),
        Indicator("效益指标", "生态效益指标", "细颗粒物（PM2.5）年均浓度", "≤32微克/立方米", "30.5微克/立方米",
                  "≤32微克/立方米"),
        Indicator("满意度指标", "服务对象满意度指标", "公众生态环境满意度", "≥85%", "调查未开展", "≥85%",
                  reason="满意度调查安排在11月开展"),
    ],
)
R5B = Report(
    kind="project", unit="某市生态环境局", period=7, amount_unit="万元",
    project="重点流域水污染防治项目", has_initial=False,
    lines=[
        Line("资金总额", "资金总额", None, amt("860.00"), amt("455.80")),
        Line("其中：财政拨款", "财政拨款", None, amt("860.00"), amt("455.80")),
        Line("其他资金", "其他资金", None, amt("0"), amt("0")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "入河排污口整治数量", "45个", "28个", "45个"),
        Indicator("产出指标", "质量指标", "整治工程验收合格率", "100%", "100%", "100%"),
        Indicator("效益指标", "生态效益指标", "重点断面水质达标率", "≥90%", "91.7%", "≥90%"),
        Indicator("满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥90%", "调查未开展", "≥90%"),
    ],
)

# 6. Portal page (UTF-8), project table with a two-row header (预算执行情况 over 全年预算数 /
#    1至7月执行数 / 执行率), project name and unit in a text line above the table.
#    PLANTED MON002: 资金总额 全年预算数 1250.00 ≠ 财政拨款 1080.00 + 其他资金 150.00.
R6 = Report(
    kind="project", unit="河西区交通运输局", period=7, amount_unit="万元",
    project="农村公路养护工程",
    lines=[
        Line("资金总额", "资金总额", amt("1200.00"), amt("1250.00"), amt("730.86")),
        Line("财政拨款", "财政拨款", amt("1050.00"), amt("1080.00"), amt("648.36")),
        Line("其他资金", "其他资金", amt("150.00"), amt("150.00"), amt("82.50")),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "农村公路养护里程", "326公里", "198公里", "326公里"),
        Indicator("产出指标", "质量指标", "优良中等路率", "≥85%", "86.2%", "≥85%"),
        Indicator("产出指标", "时效指标", "路面病害处治及时率", "≥95%", "96%", "96%"),
        Indicator("效益指标", "社会效益指标", "农村群众出行条件", "明显改善", "逐步改善", "明显改善"),
        Indicator("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", "92%"),
    ],
)

# 7. Excel → PDF, unit-wide, period stated as 截至2024年8月31日 / 截至8月底支出数.
#    项目支出 is below the 1–8 threshold (43.43% < 60%) with only boilerplate reason and measure:
#    MON005, MON006 and MON007.
R7 = Report(
    kind="unit", unit="和平街道办事处", period=8, amount_unit="万元",
    lines=[
        Line("合计", "合计", amt("659.90"), amt("691.85"), amt("415.59")),
        Line("基本支出", "基本支出", amt("483.50"), amt("493.25"), amt("329.34")),
        Line("人员经费", "人员经费", amt("425.30"), amt("431.85"), amt("289.46")),
        Line("公用经费", "公用经费", amt("58.20"), amt("61.40"), amt("39.88")),
        Line("项目支出", "项目支出", amt("176.40"), amt("198.60"), amt("86.25"),
             reason="不具备付款条件", measure="加快支付进度"),
    ],
    indicators=[
        Indicator("部门管理", "资金投入", "预算执行率", "≥95%", "60.07%", "96%"),
        Indicator("部门履职", "重点履职", "社区网格化巡查覆盖率", "100%", "100%", "100%"),
        Indicator("部门履职", "重点履职", "老旧小区改造户数", "≥420户", "215户", "420户",
                  reason="改造资金拨付滞后", likelihood="有可能"),
        Indicator("部门效果", "社会效益", "信访事项按期办结率", "≥95%", "97.3%", "≥95%"),
        Indicator("部门效果", "服务对象满意度", "居民满意度", "≥90%", "91%", "91%"),
    ],
)

# 8. Sichuan-style 部门预算项目绩效运行监控表 (Word): 总额 / 其中：财政资金 / 财政专户管理资金 /
#    单位资金 / 其他资金 rows (总额 is the sum of all four; here 单位资金 is not zero), 其他资金 left
#    empty, and the indicator value split over 指标性质 | 指标值 | 度量单位 columns (actual and
#    forecast printed as bare numbers).
R8 = Report(
    kind="project", unit="白石县文化广播电视和旅游局", period=8, amount_unit="万元",
    project="公共文化服务体系建设补助", zero_rate_when_undefined=True,
    lines=[
        Line("总额", "资金总额", amt("108.00"), amt("116.50"), amt("76.72")),
        Line("其中：财政资金", "财政拨款", amt("96.00"), amt("104.50"), amt("68.92")),
        Line("财政专户管理资金", "财政专户管理资金", amt("0"), amt("0"), amt("0")),
        Line("单位资金", "单位资金", amt("12.00"), amt("12.00"), amt("7.80")),
        Line("其他资金", "其他资金", amt("0"), amt("0"), amt("0"), printed_blank=True),
    ],
    indicators=[
        Indicator("产出指标", "数量指标", "送戏下乡演出场次", "≥120场", "84", "125", split=("≥", "120", "场")),
        Indicator("产出指标", "质量指标", "公共文化设施免费开放率", "=100%", "100", "100", split=("=", "100", "%")),
        Indicator("产出指标", "时效指标", "补助资金拨付时限", "≤30个工作日", "25", "25", split=("≤", "30", "个工作日")),
        Indicator("效益指标", "社会效益指标", "群众文化活动参与人次", "≥50000人次", "36200", "52000",
                  split=("≥", "50000", "人次")),
        Indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92", "92", split=("≥", "90", "%")),
    ],
)

# Findings the checks must produce over all documents: (rule, unit, period, project, line, column).
PLANTED = [
    ("MON001", "河西镇人民政府", 8, "", "项目支出", "执行率"),
    ("MON001", "某市生态环境局", 7, "", "公用经费", "执行率"),
    ("MON002", "青山区教育局", 7, "", "基本支出", "执行数"),
    ("MON002", "河西区交通运输局", 7, "农村公路养护工程", "资金总额", "全年预算数"),
]
LOW_EXECUTION = [
    ("MON005", "青山区教育局", 7, "", "项目支出", "执行率"),
    ("MON005", "和平街道办事处", 8, "", "项目支出", "执行率"),
    ("MON006", "和平街道办事处", 8, "", "项目支出", "偏差原因"),
    ("MON007", "和平街道办事处", 8, "", "项目支出", "改进措施"),
]


# ---------------------------------------------------------------------------------- xlsx helpers

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def xput(ws, ref: str, value, merge: str | None = None, fmt_: str | None = None,
         bold: bool = False, size: int | None = None, align=CENTER, border: bool = True):
    cell = ws[ref]
    cell.value = value
    if fmt_:
        cell.number_format = fmt_
    cell.alignment = align
    if bold or size:
        cell.font = Font(bold=bold, size=size or 11)
    if merge:
        ws.merge_cells(f"{ref}:{merge}")
    if border:
        rng = ws[f"{ref}:{merge}"] if merge else ((cell,),)
        for row in rng:
            for c in row:
                c.border = BOX
    return cell


def xnum(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def xrate_fraction(line: Line) -> float | None:
    """An Excel rate cell as a stored fraction (0.6072115…), the way =执行数/预算数 caches it."""
    exact = exact_rate(line)
    return None if exact is None else float(exact / 100)


def fixed_props(wb) -> None:
    wb.properties.creator = "财务科"
    wb.properties.created = datetime(2024, 8, 9, 9, 30)
    wb.properties.modified = datetime(2024, 8, 9, 9, 30)


# ---------------------------------------------------------------------------------- 1. central xlsx


def make_central_xlsx(path: Path, r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "监控表"
    for col, width in zip("ABCDEFGHIJKLMNOP", (6, 10, 12, 20, 12, 12, 12, 8, 8, 8, 10, 8, 8, 8, 10, 14)):
        ws.column_dimensions[col].width = width
    xput(ws, "A1", "项目支出绩效目标执行监控表", "P1", bold=True, size=16, border=False)
    xput(ws, "A2", f"（{YEAR}年度）", "P2", border=False)
    xput(ws, "A3", f"填报单位（盖章）：{r.unit}", "J3", align=LEFT, border=False)
    xput(ws, "K3", f"填报日期：{YEAR}年8月9日", "P3", align=LEFT, border=False)
    xput(ws, "A4", "项目名称", "C4")
    xput(ws, "D4", r.project, "P4")
    xput(ws, "A5", "主管部门及代码", "C5")
    xput(ws, "D5", f"[301]{r.unit}", "H5")
    xput(ws, "I5", "实施单位", "K5")
    xput(ws, "L5", r.unit, "P5")
    # 项目资金 block
    xput(ws, "A6", "项目资金（万元）", "C10")
    xput(ws, "D6", "", "F6")
    xput(ws, "G6", "年初预算数", "H6")
    xput(ws, "I6", "全年预算数（A）", "J6")
    xput(ws, "K6", f"1-{r.period}月执行数（B）", "L6")
    xput(ws, "M6", "执行率（B/A）", "N6")
    xput(ws, "O6", "全年预计执行数", "P6")
    money = "#,##0.00"
    for i, line in enumerate(r.lines):
        row = 7 + i
        xput(ws, f"D{row}", line.label, f"F{row}", align=LEFT)
        xput(ws, f"G{row}", xnum(line.initial) if line.initial else None, f"H{row}", money)
        xput(ws, f"I{row}", xnum(line.annual), f"J{row}", money)
        xput(ws, f"K{row}", xnum(line.executed), f"L{row}", money)
        xput(ws, f"M{row}", xrate_fraction(line), f"N{row}", "0.00%")
        xput(ws, f"O{row}", xnum(line.forecast), f"P{row}", money)
    xput(ws, "A11", "年度总体目标", "C12")
    xput(ws, "D11", "年初设定目标", "J11")
    xput(ws, "K11", f"1-{r.period}月执行情况", "P11")
    xput(ws, "D12", "新建6个空气质量自动监测站，提升全市大气环境监测网络覆盖能力和数据质量。", "J12", align=LEFT)
    xput(ws, "K12", "已完成4个站点建设并联网运行，其余2个站点完成设备招标。", "P12", align=LEFT)
    ws.row_dimensions[12].height = 36
    # indicator block
    first, last = 15, 15 + len(r.indicators) - 1
    xput(ws, "A13", "绩效指标", f"A{last}")
    for col, head in zip("BCDEFG", ("一级指标", "二级指标", "三级指标", "年度指标值",
                                    f"1-{r.period}月执行情况", "全年预计完成情况")):
        xput(ws, f"{col}13", head, f"{col}14")
    xput(ws, "H13", "偏差原因分析", "L13")
    xput(ws, "M13", "完成目标可能性", "O13")
    xput(ws, "P13", "备注", "P14")
    reasons = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
    likelihoods = ("确定能", "有可能", "完全不可能")
    for col, head in zip("HIJKL", reasons):
        xput(ws, f"{col}14", head)
    for col, head in zip("MNO", likelihoods):
        xput(ws, f"{col}14", head)
    for i, ind in enumerate(r.indicators):
        row = first + i
        for col, value in zip("CDEFG", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast)):
            xput(ws, f"{col}{row}", value)
        for col, head in zip("HIJKL", reasons):
            xput(ws, f"{col}{row}", "√" if ind.reason == head else None)
        for col, head in zip("MNO", likelihoods):
            xput(ws, f"{col}{row}", "√" if ind.likelihood == head else None)
        xput(ws, f"P{row}", ind.remark or None)
    _merge_level1_xlsx(ws, r.indicators, first, "B")
    note_row = last + 1
    xput(ws, f"A{note_row}", "注：1.偏差原因分析：针对与年度指标值产生偏差的指标，在对应原因栏打“√”。"
         "2.完成目标可能性：对照年度指标值，在对应栏打“√”。", f"P{note_row}", align=LEFT, border=False)
    wb.save(path)


def _merge_level1_xlsx(ws, indicators: list[Indicator], first: int, col: str) -> None:
    """Write 一级指标 as one merged cell per run of equal values."""
    i = 0
    while i < len(indicators):
        j = i
        while j + 1 < len(indicators) and indicators[j + 1].level1 == indicators[i].level1:
            j += 1
        xput(ws, f"{col}{first + i}", indicators[i].level1, f"{col}{first + j}" if j > i else None)
        i = j + 1


# ---------------------------------------------------------------------------------- docx helpers


def landscape(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.5))
    sec.top_margin = sec.bottom_margin = Cm(1.5)


def para(doc, text: str, bold: bool = False, size: int = 11, center: bool = False) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def wset(table, row: int, col: int, text: str, to: tuple[int, int] | None = None, size: int = 9) -> None:
    """Set a (possibly merged) cell; rows and columns 0-based; `to` is the bottom-right corner."""
    cell = table.cell(row, col)
    if to is not None and to != (row, col):
        cell = cell.merge(table.cell(*to))
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.font.size = Pt(size)


def runs_of(indicators: list[Indicator], key) -> list[tuple[int, int]]:
    """(first, last) index runs of equal key(indicator) values."""
    out, i = [], 0
    while i < len(indicators):
        j = i
        while j + 1 < len(indicators) and key(indicators[j + 1]) == key(indicators[i]):
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def new_word() -> WordDocument:
    doc = WordDocument()
    doc.core_properties.author = "财务室"
    doc.core_properties.created = datetime(2024, 9, 6, 10, 0)
    landscape(doc)
    return doc


# ---------------------------------------------------------------------------------- 2. Gansu docx


def make_gansu_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, f"{YEAR}年1—{r.period}月部门整体支出绩效运行监控表", bold=True, size=16, center=True)
    para(doc, f"填报单位（盖章）：{r.unit}\t\t\t\t\t\t\t\t单位：万元")
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 1 + n_lines + 1 + 1 + n_ind
    t = doc.add_table(rows=rows, cols=9)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    heads = ("年初预算数", "全年预算数", f"1—{r.period}月执行数", "执行率（%）", "偏差原因", "改进措施")
    wset(t, 0, 0, "项目", (0, 2))
    for j, h in enumerate(heads):
        wset(t, 0, 3 + j, h)
    for i, line in enumerate(r.lines, start=1):
        wset(t, i, 0, line.label, (i, 2))
        wset(t, i, 3, fmt(line.initial))
        wset(t, i, 4, fmt(line.annual))
        wset(t, i, 5, fmt(line.executed))
        wset(t, i, 6, f"{r.printed_rate(line)}")
        wset(t, i, 7, line.reason)
        wset(t, i, 8, line.measure)
    sec = 1 + n_lines
    wset(t, sec, 0, "绩效指标完成情况", (sec, 8))
    head = sec + 1
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "年度指标值", f"1—{r.period}月实际完成值",
                           "全年预计完成值", "偏差原因分析", "完成目标可能性", "备注")):
        wset(t, head, j, h)
    base = head + 1
    for i, ind in enumerate(r.indicators):
        for j, v in enumerate((ind.level3, ind.target, ind.actual, ind.forecast, ind.reason,
                               ind.likelihood, ind.remark), start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 0, r.indicators[a].level1, (base + b, 0))
    for a, b in runs_of(r.indicators, lambda x: (x.level1, x.level2)):
        wset(t, base + a, 1, r.indicators[a].level2, (base + b, 1))
    para(doc, "单位负责人：王某某        财务负责人：李某某        填报人：张某某        联系电话：0936-0000000")
    doc.save(path)


# ---------------------------------------------------------------------------------- 3. GB18030 html


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def make_portal_gb_html(path: Path, r: Report) -> None:
    serial = {"基本支出": "一", "人员经费": "1", "公用经费": "2", "项目支出": "二", "合计": ""}
    rows = []
    for line in r.lines:
        rate = r.printed_rate(line)
        rows.append(
            "<tr>"
            f"<td align=center>{serial[line.name]}</td>"
            f"<td>{esc(line.label)}</td>"
            f"<td align=right>{fmt(line.initial, thousands=True)}</td>"
            f"<td align=right>{fmt(line.annual, thousands=True)}</td>"
            f"<td align=right>{fmt(line.executed, thousands=True)}</td>"
            f"<td align=right>{rate}%</td>"
            f"<td>{esc(line.reason)}</td>"
            f"<td>{esc(line.measure)}</td>"
            "</tr>"
        )
    ind_rows = []
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        for i in range(a, b + 1):
            ind = r.indicators[i]
            first = (f'<td rowspan="{b - a + 1}">{esc(ind.level1)}</td>' if i == a else "")
            ind_rows.append(
                "<tr>" + first
                + "".join(f"<td>{esc(v)}</td>" for v in (ind.level2, ind.level3, ind.target, ind.actual,
                                                         ind.forecast, ind.reason, ind.likelihood, ind.remark))
                + "</tr>"
            )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青山区人民政府门户网站</title>
<style>td {{ border: 1px solid #000; padding: 2px 4px; font-size: 12px; }}</style>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czxx/">财政信息</a> &gt; 预算绩效</div>
<h2 align="center">{esc(r.unit)}{YEAR}年1-{r.period}月部门整体支出绩效运行监控情况表</h2>
<div class="info">发布时间：{YEAR}-08-12&nbsp;&nbsp;来源：{esc(r.unit)}&nbsp;&nbsp;浏览次数：128</div>
<p>一、预算执行情况</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<tr><td colspan="4">填报单位：{esc(r.unit)}</td><td colspan="4" align="right">金额单位：元</td></tr>
<tr><td>序号</td><td>项目</td><td>年初预算数</td><td>调整后预算数</td><td>1-{r.period}月累计执行数</td><td>执行率</td><td>偏差原因</td><td>改进措施</td></tr>
{chr(10).join(rows)}
</table>
<p>二、绩效指标完成情况</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>1-{r.period}月完成值</td><td>全年预计完成值</td><td>偏差原因分析</td><td>完成目标可能性</td><td>备注</td></tr>
{chr(10).join(ind_rows)}
</table>
<p>附件：<a href="/u/cms/2024/0812.xls">{esc(r.unit)}绩效运行监控表.xls</a></p>
<div class="footer">主办：青山区人民政府办公室&nbsp;&nbsp;网站标识码：0000000000&nbsp;&nbsp;ICP备案号：某ICP备00000000号</div>
</body>
</html>
"""
    path.write_bytes(page.encode("gb18030"))


# ---------------------------------------------------------------------------------- 4. Hubei docx → pdf


def make_hubei_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, f"青山区项目支出绩效监控表（{r.project}）", bold=True, size=15, center=True)
    para(doc, f"（{YEAR}年度 1-{r.period}月）", center=True)
    para(doc, f"项目单位（盖章）：{r.unit}\t\t\t\t\t\t\t\t\t单位：万元")
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 4 + 1 + n_lines + 1 + n_ind + 3
    t = doc.add_table(rows=rows, cols=8)
    t.style = "Table Grid"
    wset(t, 0, 0, "项目名称")
    wset(t, 0, 1, r.project, (0, 7))
    wset(t, 1, 0, "主管部门")
    wset(t, 1, 1, r.unit, (1, 3))
    wset(t, 1, 4, "项目执行单位")
    wset(t, 1, 5, "青山区疾病预防控制中心", (1, 7))
    wset(t, 2, 0, "项目属性")
    wset(t, 2, 1, "1、持续性项目 √    2、新增性项目 □", (2, 7))
    wset(t, 3, 0, "项目类型")
    wset(t, 3, 1, "1、常年性项目 √    2、延续性项目 □    3、一次性项目 □", (3, 7))
    fund = 4
    wset(t, fund, 0, "项目资金（万元）", (fund + n_lines, 0))
    wset(t, fund, 1, "", (fund, 2))
    for j, h in enumerate(("调整后预算数", f"1-{r.period}月执行数", "执行率")):
        wset(t, fund, 3 + j, h)
    wset(t, fund, 6, "全年预计执行数", (fund, 7))
    for i, line in enumerate(r.lines, start=1):
        wset(t, fund + i, 1, line.label, (fund + i, 2))
        wset(t, fund + i, 3, fmt(line.annual))
        wset(t, fund + i, 4, fmt(line.executed))
        wset(t, fund + i, 5, f"{r.printed_rate(line)}%")
        wset(t, fund + i, 6, fmt(line.forecast), (fund + i, 7))
    head = fund + n_lines + 1
    base = head + 1
    wset(t, head, 0, "绩效指标", (head + n_ind, 0))
    for j, h in enumerate(("一级指标", "二级指标", "指标名称", "指标值", f"1-{r.period}月指标执行情况",
                           "完成目标可能性（确定能、有可能、不可能）", "备注"), start=1):
        wset(t, head, j, h)
    for i, ind in enumerate(r.indicators):
        for j, v in enumerate((ind.level2, ind.level3, ind.target, ind.actual, ind.likelihood, ind.remark),
                              start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 1, r.indicators[a].level1, (base + b, 1))
    tail = base + n_ind
    wset(t, tail, 0, "偏差或不能完成目标原因分析", (tail, 2))
    wset(t, tail, 3, R4_TABLE_REASON, (tail, 7))
    wset(t, tail + 1, 0, "相关建议或举措", (tail + 1, 2))
    wset(t, tail + 1, 3, R4_TABLE_MEASURE, (tail + 1, 7))
    wset(t, tail + 2, 0, "注：1.完成目标可能性：对应所设定的实现绩效目标的路径，分确定能、有可能、不可能三级综合判断完成的可能性。"
         "2.如“完成目标可能性”出现“有可能”、“不可能”选项，请分别在“偏差或不能完成目标原因分析”与“相关建议或举措”栏填写相关原因及拟采取的措施。",
         (tail + 2, 7), size=8)
    doc.save(path)


# ---------------------------------------------------------------------------------- 5. Guangdong xlsx


def make_guangdong_xlsx(path: Path, unit_r: Report, proj_r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "部门整体"
    for col, width in zip("ABCDEFGH", (22, 12, 12, 12, 12, 22, 14, 14)):
        ws.column_dimensions[col].width = width
    r = unit_r
    xput(ws, "A1", f"{r.unit}{YEAR}年1-{r.period}月部门整体支出绩效运行监控表", "H1", bold=True, size=14,
         border=False)
    xput(ws, "A2", f"填报单位：{r.unit}", "D2", align=LEFT, border=False)
    xput(ws, "G2", "单位：万元", "H2", align=Alignment(horizontal="right"), border=False)
    for col, h in zip("ABCDEF", ("支出类别", "年初预算数", "全年预算数", f"1-{r.period}月执行数",
                                 "执行率（%）", "偏差原因")):
        xput(ws, f"{col}3", h, bold=True)
    xput(ws, "G3", "改进措施", "H3", bold=True)
    for i, line in enumerate(r.lines):
        row = 4 + i
        xput(ws, f"A{row}", line.label, align=LEFT)
        xput(ws, f"B{row}", xnum(line.initial), fmt_="#,##0.00")
        xput(ws, f"C{row}", xnum(line.annual), fmt_="#,##0.00")
        xput(ws, f"D{row}", xnum(line.executed), fmt_="#,##0.00")
        # percent points with one decimal shown; the stored value is the formula's unrounded result
        xput(ws, f"E{row}", float(exact_rate(line)), fmt_="0.0")
        xput(ws, f"F{row}", line.reason or None, align=LEFT)
        xput(ws, f"G{row}", line.measure or None, f"H{row}", align=LEFT)
    top = 4 + len(r.lines) + 1
    xput(ws, f"A{top}", "绩效指标完成情况", f"H{top}", bold=True)
    for col, h in zip("ABCDEFGH", ("一级指标", "二级指标", "三级指标", "年度指标值", f"1-{r.period}月实际完成值",
                                   "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        xput(ws, f"{col}{top + 1}", h, bold=True)
    first = top + 2
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFGH", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                      ind.reason, ind.likelihood)):
            xput(ws, f"{col}{first + i}", v or None)
    _merge_level1_xlsx(ws, r.indicators, first, "A")

    ws2 = wb.create_sheet("项目-水污染防治")
    r = proj_r
    for col, width in zip("ABCDEFG", (22, 14, 14, 12, 22, 14, 14)):
        ws2.column_dimensions[col].width = width
    xput(ws2, "A1", f"{YEAR}年1-{r.period}月项目支出绩效运行监控表", "G1", bold=True, size=14, border=False)
    xput(ws2, "A2", "项目名称")
    xput(ws2, "B2", r.project, "D2")
    xput(ws2, "E2", "项目单位")
    xput(ws2, "F2", r.unit, "G2")
    xput(ws2, "G3", "单位：万元", align=Alignment(horizontal="right"), border=False)
    for col, h in zip("ABCDE", ("资金来源", "全年预算数", f"1-{r.period}月执行数", "执行率", "偏差原因")):
        xput(ws2, f"{col}4", h, bold=True)
    xput(ws2, "F4", "改进措施", "G4", bold=True)
    accounting = '#,##0.00;-#,##0.00;"-"'  # zero shows as "-"
    for i, line in enumerate(r.lines):
        row = 5 + i
        xput(ws2, f"A{row}", line.label, align=LEFT)
        xput(ws2, f"B{row}", xnum(line.annual), fmt_=accounting)
        xput(ws2, f"C{row}", xnum(line.executed), fmt_=accounting)
        xput(ws2, f"D{row}", xrate_fraction(line), fmt_="0.00%")
        xput(ws2, f"E{row}", line.reason or None)
        xput(ws2, f"F{row}", line.measure or None, f"G{row}")
    top = 5 + len(r.lines) + 1
    for col, h in zip("ABCDEFG", ("一级指标", "二级指标", "三级指标", "年度指标值", f"1-{r.period}月实际完成值",
                                  "全年预计完成值", "完成目标可能性")):
        xput(ws2, f"{col}{top}", h, bold=True)
    first = top + 1
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFG", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                     ind.likelihood)):
            xput(ws2, f"{col}{first + i}", v)
    _merge_level1_xlsx(ws2, r.indicators, first, "A")
    wb.save(path)


# ---------------------------------------------------------------------------------- 6. UTF-8 html


def make_portal_utf8_html(path: Path, r: Report) -> None:
    rows = []
    for line in r.lines:
        rows.append(
            "<tr>"
            f"<td>{esc(line.label)}</td>"
            f"<td>{fmt(line.initial)}</td><td>{fmt(line.annual)}</td><td>{fmt(line.executed)}</td>"
            f"<td>{r.printed_rate(line)}%</td><td>{esc(line.reason)}</td><td>{esc(line.measure)}</td>"
            "</tr>"
        )
    ind_rows = []
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        for i in range(a, b + 1):
            ind = r.indicators[i]
            first = f'<td rowspan="{b - a + 1}">{esc(ind.level1)}</td>' if i == a else ""
            ind_rows.append(
                "<tr>" + first
                + "".join(f"<td>{esc(v)}</td>" for v in (ind.level2, ind.level3, ind.target, ind.actual,
                                                         ind.forecast, ind.reason, ind.likelihood, ind.remark))
                + "</tr>"
            )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{esc(r.project)}绩效运行监控</title></head>
<body>
<header><nav><a href="/">首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/xxgk/yjsgk/">预决算公开</a></nav></header>
<main>
<h1>{esc(r.unit)}{YEAR}年项目支出绩效运行监控表（1至{r.period}月）</h1>
<p>项目名称：{esc(r.project)}&emsp;&emsp;项目单位：{esc(r.unit)}&emsp;&emsp;单位：万元</p>
<table class="data" border="1">
<thead>
<tr><th rowspan="2">资金类别</th><th rowspan="2">年初预算数</th><th colspan="3">预算执行情况</th><th rowspan="2">偏差原因</th><th rowspan="2">改进措施</th></tr>
<tr><th>全年预算数</th><th>1至{r.period}月执行数</th><th>执行率</th></tr>
</thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h3>绩效目标完成情况</h3>
<table class="data" border="1">
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>1至{r.period}月完成值</th><th>全年预计完成值</th><th>偏差原因分析</th><th>完成目标可能性</th><th>备注</th></tr></thead>
<tbody>
{chr(10).join(ind_rows)}
</tbody>
</table>
</main>
<footer>版权所有：河西区人民政府　技术支持：河西区大数据中心</footer>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------------------------- 7. xlsx → pdf


def make_street_xlsx(path: Path, r: Report) -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Sheet1"
    for col, width in zip("ABCDEFGH", (16, 18, 22, 14, 14, 14, 18, 18)):
        ws.column_dimensions[col].width = width
    xput(ws, "A1", f"{YEAR}年度部门整体支出绩效运行监控表（截至{YEAR}年{r.period}月31日）", "H1",
         bold=True, size=14, border=False)
    xput(ws, "A2", f"填报单位：{r.unit}", "E2", align=LEFT, border=False)
    xput(ws, "G2", "单位：万元", "H2", align=Alignment(horizontal="right"), border=False)
    xput(ws, "A3", "项目", "B3", bold=True)
    for col, h in zip("CDEFGH", ("年初预算数", "调整后预算数", f"截至{r.period}月底支出数", "执行率", "偏差原因",
                                 "改进措施")):
        xput(ws, f"{col}3", h, bold=True)
    for i, line in enumerate(r.lines):
        row = 4 + i
        xput(ws, f"A{row}", line.label, f"B{row}", align=LEFT)
        xput(ws, f"C{row}", xnum(line.initial), fmt_="0.00")
        xput(ws, f"D{row}", xnum(line.annual), fmt_="0.00")
        xput(ws, f"E{row}", xnum(line.executed), fmt_="0.00")
        xput(ws, f"F{row}", xrate_fraction(line), fmt_="0.00%")
        xput(ws, f"G{row}", line.reason or None, align=LEFT)
        xput(ws, f"H{row}", line.measure or None, align=LEFT)
    top = 4 + len(r.lines) + 1
    for col, h in zip("ABCDEFGH", ("一级指标", "二级指标", "三级指标", "年度指标值", f"截至{r.period}月底完成值",
                                   "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        xput(ws, f"{col}{top}", h, bold=True)
    first = top + 1
    for i, ind in enumerate(r.indicators):
        for col, v in zip("BCDEFGH", (ind.level2, ind.level3, ind.target, ind.actual, ind.forecast,
                                      ind.reason, ind.likelihood)):
            xput(ws, f"{col}{first + i}", v or None)
    _merge_level1_xlsx(ws, r.indicators, first, "A")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)


# ---------------------------------------------------------------------------------- 8. Sichuan docx


def make_sichuan_docx(path: Path, r: Report) -> None:
    doc = new_word()
    para(doc, "报表编号：000000_0021jk", size=9)
    para(doc, f"部门预算项目绩效运行监控表（{YEAR}年1-{r.period}月）", bold=True, size=15, center=True)
    n_lines, n_ind = len(r.lines), len(r.indicators)
    rows = 2 + 1 + n_lines + 1 + n_ind
    t = doc.add_table(rows=rows, cols=10)
    t.style = "Table Grid"
    wset(t, 0, 0, "项目名称", (0, 1))
    wset(t, 0, 2, r.project, (0, 9))
    wset(t, 1, 0, "主管部门", (1, 1))
    wset(t, 1, 2, r.unit, (1, 4))
    wset(t, 1, 5, "实施单位（盖章）", (1, 6))
    wset(t, 1, 7, r.unit, (1, 9))
    fund = 2
    wset(t, fund, 0, "预算执行情况（万元）", (fund + n_lines, 0))
    wset(t, fund, 1, "资金来源", (fund, 2))
    for j, h in enumerate(("年初预算数", "调整后预算数", f"1-{r.period}月执行数", "执行率")):
        wset(t, fund, 3 + j, h)
    wset(t, fund, 7, "偏差原因", (fund, 8))
    wset(t, fund, 9, "改进措施")
    for i, line in enumerate(r.lines, start=1):
        row = fund + i
        wset(t, row, 1, line.label, (row, 2))
        if line.printed_blank:  # left empty, as the Sichuan forms print it
            for j in (3, 4, 5, 6):
                wset(t, row, j, "")
        else:
            wset(t, row, 3, fmt(line.initial))
            wset(t, row, 4, fmt(line.annual))
            wset(t, row, 5, fmt(line.executed))
            wset(t, row, 6, f"{r.printed_rate(line)}%")
        wset(t, row, 7, line.reason, (row, 8))
        wset(t, row, 9, line.measure)
    head = fund + n_lines + 1
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                           f"1-{r.period}月完成值", "全年预计完成值", "偏差原因分析", "完成目标可能性")):
        wset(t, head, j, h)
    base = head + 1
    for i, ind in enumerate(r.indicators):
        op, value, unit = ind.split
        for j, v in enumerate((ind.level3, op, value, unit, ind.actual, ind.forecast, ind.reason,
                               ind.likelihood), start=2):
            wset(t, base + i, j, v)
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        wset(t, base + a, 0, r.indicators[a].level1, (base + b, 0))
    for a, b in runs_of(r.indicators, lambda x: (x.level1, x.level2)):
        wset(t, base + a, 1, r.indicators[a].level2, (base + b, 1))
    para(doc, "项目负责人：                财务负责人：                填报日期：2024年9月5日")
    doc.save(path)


# ---------------------------------------------------------------------------------- pdf conversion


def to_pdf(source: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice in a private profile (other processes may run soffice too)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) is needed to make the PDF fixtures")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=180,
        )
    pdf = out_dir / (source.stem + ".pdf")
    if not pdf.exists():
        sys.exit(f"LibreOffice did not produce {pdf}")
    return pdf


# ---------------------------------------------------------------------------------- expectations


def expected_report(r: Report) -> dict:
    lines = []
    for line in r.lines:
        if line.name is None:
            continue
        rate = r.printed_rate(line)
        lines.append({
            "name": line.name,
            "initial_budget": to_wan(line.initial, r.amount_unit) if r.has_initial else None,
            "annual_budget": to_wan(line.annual, r.amount_unit),
            "executed": to_wan(line.executed, r.amount_unit),
            "reported_rate": None if rate is None else format(rate, "f"),
            "deviation_reason": line.reason,
            "measure": line.measure,
        })
    indicators = [{
        "level1": i.level1, "level2": i.level2, "level3": i.level3, "target": i.target,
        "actual": i.actual, "forecast": i.forecast, "likelihood": i.likelihood,
        "deviation_reason": i.reason,
    } for i in r.indicators]
    return {"kind": r.kind, "unit": r.unit, "year": YEAR, "period_months": r.period, "project": r.project,
            "amount_unit": r.amount_unit, "lines": lines, "indicators": indicators}


DOCUMENTS: list[tuple[str, str, str, list[Report], str]] = [
    # (file name, short ASCII case id, format, reports, where the layout comes from)
    ("中央部门项目支出绩效目标执行监控表-大气监测-2024年1-7月.xlsx", "central-project-xlsx", "xlsx", [R1],
     "财政部 中央部门项目支出绩效目标执行监控表 (财预〔2019〕136号 附件)"),
    ("河西镇2024年1-8月部门整体支出绩效运行监控表.docx", "gansu-unit-docx", "docx", [R2],
     "甘肃 部门整体支出绩效运行监控表 (seed report form)"),
    ("青山区教育局1-7月监控情况表.html", "portal-unit-yuan-gb-html", "html", [R3],
     "区县政府门户 监控情况表 (GB2312 page)"),
    ("青山区项目支出绩效监控表-健康体检-1-8月.pdf", "hubei-project-pdf", "pdf", [R4],
     "湖北 黄石市项目支出绩效监控表"),
    ("某市生态环境局2024年1-7月绩效运行监控.xlsx", "guangdong-two-sheets-xlsx", "xlsx", [R5A, R5B],
     "广东-style workbook, two sheets"),
    ("农村公路养护工程绩效运行监控.html", "portal-project-utf8-html", "html", [R6],
     "portal HTML, two-row header"),
    ("和平街道2024年部门整体绩效运行监控表.pdf", "street-unit-xlsx-pdf", "pdf", [R7],
     "Excel exported to PDF, 截至8月底"),
    ("白石县部门预算项目绩效运行监控表-公共文化-1-8月.docx", "sichuan-project-docx", "docx", [R8],
     "四川 部门预算项目绩效运行监控表"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.iterdir()) + list(EXPECTED.iterdir()):
        if old.is_file():
            old.unlink()
    with tempfile.TemporaryDirectory(prefix="unseen-src-") as tmp:
        work = Path(tmp)
        for name, _case, _fmt, _reports, _origin in DOCUMENTS:
            target = OUT / name
            if name.startswith("中央部门"):
                make_central_xlsx(target, R1)
            elif name.startswith("河西镇"):
                make_gansu_docx(target, R2)
            elif name.startswith("青山区教育局"):
                make_portal_gb_html(target, R3)
            elif name.startswith("青山区项目支出"):
                src = work / (Path(name).stem + ".docx")
                make_hubei_docx(src, R4)
                shutil.move(to_pdf(src, work), target)
            elif name.startswith("某市生态环境局"):
                make_guangdong_xlsx(target, R5A, R5B)
            elif name.startswith("农村公路"):
                make_portal_utf8_html(target, R6)
            elif name.startswith("和平街道"):
                src = work / (Path(name).stem + ".xlsx")
                make_street_xlsx(src, R7)
                shutil.move(to_pdf(src, work), target)
            elif name.startswith("白石县"):
                make_sichuan_docx(target, R8)
            else:  # pragma: no cover - the table above and this dispatch must agree
                raise AssertionError(name)
    for name, case, fmt_name, reports, origin in DOCUMENTS:
        data = {"file": name, "case": case, "format": fmt_name, "kind": "monitoring", "layout": origin,
                "reports": [expected_report(r) for r in reports]}
        (EXPECTED / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
    findings = [{"rule_id": rid, "unit": unit, "year": YEAR, "period_months": months, "project": project,
                 "line": line, "column": column}
                for rid, unit, months, project, line, column in PLANTED + LOW_EXECUTION]
    (EXPECTED / "findings.json").write_text(json.dumps(findings, ensure_ascii=False, indent=2) + "\n",
                                            encoding="utf-8")
    print(f"wrote {len(DOCUMENTS)} documents to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    main()
