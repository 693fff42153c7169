"""Monitoring tables in layouts the monitoring parser was not designed against: the model (budget
lines, indicators, reports), the fictitious reports of the eight documents, and the errors planted
in them.

Every figure is arithmetically clean (rates rounded half-up from the printed amounts) except the
planted errors listed in `PLANTED`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


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
