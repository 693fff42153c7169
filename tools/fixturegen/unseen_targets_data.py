"""绩效目标表 in layouts the target parser was not designed against: the model (indicators, tasks,
tables), the nine fictitious tables and the findings planted in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


D = Decimal

# ---------------------------------------------------------------------------------- model


@dataclass
class Ind:
    level1: str
    level2: str
    level3: str
    value: str  # the 指标值 as a reader sees it (joined when printed over several columns)
    # (operator, number, unit) of a quantitative value, None for a qualitative one
    parsed: tuple[str | None, str | None, str | None] | None = None
    # split layouts: the printed (指标性质, 指标值, 度量单位) cells
    split: tuple[str, str, str] | None = None
    note: str = ""  # 备注 / 指标值设定依据 column text


def q(op: str | None, number: str | None, unit: str | None) -> tuple[str | None, str | None, str | None]:
    return (op, number, unit)


@dataclass
class Task:
    name: str
    content: str
    amount: Decimal  # in the table's printed unit
    fiscal: Decimal | None = None
    other: Decimal | None = None


@dataclass
class Table:
    kind: str  # unit | project
    unit: str
    year: int
    amount_unit: str  # 万元 | 元 (printed)
    indicators: list[Ind]
    project: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    budget_total: Decimal | None = None  # printed unit
    budget_fiscal: Decimal | None = None
    budget_other: Decimal | None = None  # None = printed blank / "—" (read as 0)
    other_printed_blank: bool = False
    tasks: list[Task] = field(default_factory=list)
    tasks_total: Decimal | None = None
    goal_text: str | None = None


def wan(value: Decimal | None, unit: str) -> str | None:
    """An amount as a plain 万元 decimal string (trailing zeros beyond 2 places dropped)."""
    if value is None:
        return None
    v = value / D(10000) if unit == "元" else value
    text = format(v, "f")
    if "." in text:
        head, tail = text.split(".")
        tail = tail.rstrip("0").ljust(2, "0")
        text = f"{head}.{tail}"
    return text


def money(value: Decimal | None, thousands: bool = True) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


# ---------------------------------------------------------------------------------- the tables
# Every figure adds up unless a comment says PLANTED.

# 1. central template, 万元
T1 = Table(
    kind="project", unit="国家水文监测局", year=2024, amount_unit="万元",
    project="水文站网运行维护", department="国家水文监测局",
    implementing_unit="国家水文监测局水文站网管理中心",
    budget_total=D("536.40"), budget_fiscal=D("516.40"), budget_other=D("20.00"),
    goal_text="2024年安排资金536.40万元，完成420个国家基本水文站运行维护，水文数据到报率不低于95%，"
              "汛期水情信息20分钟内报送，为防汛抗旱和水资源管理提供可靠的水文数据支撑。",
    indicators=[
        Ind("产出指标", "数量指标", "维护国家基本水文站数量", "420个", q(None, "420", "个")),
        Ind("产出指标", "数量指标", "水文监测数据采集量", "≥1000万条", q("≥", "1000", "万条")),
        Ind("产出指标", "质量指标", "水文数据到报率", "≥95%", q("≥", "95", "%")),
        Ind("产出指标", "质量指标", "测验设施设备完好率", "≥92%", q("≥", "92", "%")),
        Ind("产出指标", "时效指标", "汛期水情信息报送时限", "≤20分钟", q("≤", "20", "分钟")),
        Ind("产出指标", "成本指标", "单站年均运行维护成本", "≤1.28万元", q("≤", "1.28", "万元")),
        Ind("效益指标", "社会效益指标", "防汛预警信息发布覆盖率", "100%", q(None, "100", "%")),
        Ind("效益指标", "生态效益指标", "重要水功能区水质监测覆盖率", "≥85%", q("≥", "85", "%")),
        Ind("效益指标", "可持续影响指标", "水文站网运行稳定性", "稳定运行"),
        Ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", q("≥", "90", "%")),
    ],
)
# The 中期 (2024—2026) side of the same form: never part of the 2024 record.
T1_MIDTERM_FUNDS = (D("1560.00"), D("1500.00"), D("60.00"))
T1_MIDTERM_GOAL = ("2024年—2026年中期资金1,560.00万元，持续保障全国420个国家基本水文站稳定运行，"
                   "水文监测数据到报率保持在95%以上，建成覆盖重要水功能区的水质监测网络。")
T1_MIDTERM = [  # (二级, 三级, 指标值) per row, beside the annual indicator of the same row
    ("数量指标", "维护国家基本水文站数量", "420个"),
    ("数量指标", "水文监测数据采集量", "≥3000万条"),
    ("质量指标", "数据到报率", "≥95%"),
    ("质量指标", "设施设备完好率", "≥90%"),
    ("时效指标", "汛期水情信息报送时限", "≤20分钟"),
    ("成本指标", "单站年均运行维护成本", "≤1.3万元"),
    ("社会效益指标", "为防汛抗旱提供决策支撑", "有效支撑"),
    ("生态效益指标", "水资源监测覆盖重要水功能区比例", "≥80%"),
    ("可持续影响指标", "水文站网长期稳定运行", "长期"),
    ("服务对象满意度指标", "防汛部门满意度", "≥90%"),
]

# 2. Gansu-style unit-wide table in 元
T2 = Table(
    kind="unit", unit="白杨镇人民政府", year=2024, amount_unit="元",
    budget_total=D("8989980.00"), budget_fiscal=D("8789980.00"), budget_other=D("200000.00"),
    tasks=[
        Task("人员经费保障", "发放机关及事业单位在职人员工资、津补贴及社会保险缴费",
             D("6452380.00"), D("6452380.00"), D("0")),
        Task("公用经费保障", "办公费、水电费、差旅费、公务用车运行维护费等日常运转支出",
             D("712600.00"), D("712600.00"), None),
        Task("农村人居环境整治", "村庄清洁、生活垃圾收运及农村公厕管护",
             D("1285000.00"), D("1085000.00"), D("200000.00")),
        Task("基层社会治理", "网格员补贴、矛盾纠纷排查化解、综治中心运行",
             D("530000.00"), D("530000.00"), None),
    ],
    # PLANTED TGT006: the tasks add up to 8,979,980.00; the 合计 row (and 资金总额) say 8,989,980.00.
    tasks_total=D("8989980.00"),
    goal_text="保障镇机关及8个行政村正常运转，完成农村人居环境整治村庄8个，生活垃圾收运处置率达到95%以上，"
              "矛盾纠纷化解率不低于98%，不断增强群众获得感。",
    indicators=[
        Ind("部门管理", "资金投入", "基本支出预算执行率", "100%", q(None, "100", "%")),
        Ind("部门管理", "资金投入", "项目支出预算执行率", "≥90%", q("≥", "90", "%")),
        Ind("部门管理", "财务管理", "财务制度健全性", "健全"),
        Ind("部门管理", "采购管理", "政府采购执行率", "100%", q(None, "100", "%")),
        Ind("部门管理", "资产管理", "固定资产账实相符率", "≥98%", q("≥", "98", "%")),
        Ind("部门履职", "重点履职", "农村人居环境整治村庄数", "8个", q(None, "8", "个")),
        Ind("部门履职", "重点履职", "生活垃圾收运处置率", "≥95%", q("≥", "95", "%")),
        Ind("部门履职", "一般履职", "矛盾纠纷化解率", "不低于98%", q("≥", "98", "%")),
        Ind("部门效果", "社会效益", "农村人居环境改善情况", "明显改善"),
        Ind("部门效果", "服务对象满意度", "村民满意度", "≥90%", q("≥", "90", "%")),
    ],
)
T2_TASK_FISCAL_TOTAL = D("8789980.00")  # printed in the 合计 row's 财政拨款 cell (same typo'd digit)
T2_TASK_OTHER_TOTAL = D("200000.00")

# 3. Hubei-style unit-wide form on a portal page, 产出/效益/满意度 sections
T3 = Table(
    kind="unit", unit="清溪区文化旅游广电局", year=2024, amount_unit="万元",
    budget_total=D("2368.50"), budget_fiscal=D("2368.50"), budget_other=D("0.00"),
    tasks=[
        Task("公共文化服务", "图书馆、文化馆、美术馆免费开放及送戏下乡", D("416.00")),
        Task("文物保护利用", "区级以上文物保护单位日常保养维护、安全巡查", D("186.20")),
        Task("全域旅游推广", "旅游节会举办、旅游形象宣传推介", D("280.00")),
        Task("机关运转保障", "在职人员工资福利及日常公用经费", D("1486.30")),
    ],
    # PLANTED TGT007: 2,386.50 quoted near 预算/资金, the table's total is 2,368.50.
    goal_text="2024年全局预算安排资金2,386.50万元，重点保障公共文化场馆免费开放、送戏下乡、文物安全巡查"
              "和全域旅游推广，全年送戏下乡演出120场，旅游接待人次增长8%以上，"
              "进一步提升公共文化服务水平。",
    indicators=[
        Ind("产出指标", "数量指标", "公共文化场馆免费开放天数", "≥300天", q("≥", "300", "天"),
            note="《公共文化服务保障法》及场馆开放管理规定"),
        Ind("产出指标", "数量指标", "送戏下乡演出场次", "120场", q(None, "120", "场"), note="年度工作计划"),
        Ind("产出指标", "数量指标", "文物保护单位安全巡查次数", "≥12次", q("≥", "12", "次"),
            note="每月不少于1次"),
        Ind("产出指标", "质量指标", "文物安全事故发生数", "0起", q(None, "0", "起"), note="历年数据"),
        Ind("产出指标", "时效指标", "旅游节会举办时间", "2024年10月底前", q("≤", None, "日期"), note="节会方案"),
        Ind("效益指标", "社会效益指标", "公共文化服务水平", "有效提升", note="群众反馈"),
        Ind("效益指标", "经济效益指标", "旅游接待人次增长率", "≥8%", q("≥", "8", "%"),
            note="2023年增长率7.6%，来源：区统计局"),
        Ind("效益指标", "可持续影响指标", "文物保护长效机制", "健全", note="制度文件"),
        Ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", q("≥", "90", "%"),
            note="第三方问卷调查，样本不少于300份"),
        Ind("满意度指标", "服务对象满意度指标", "游客满意度", "较高", note="景区游客留言"),
    ],
)
T3_SPENDING = (D("1486.30"), D("882.20"))  # 基本支出, 项目支出 (支出构成 side of the budget block)

# 4. two Guangdong-style project tables on one GB18030 page
T4A = Table(
    kind="project", unit="南岭市人力资源和社会保障局", year=2024, amount_unit="万元",
    project="职业技能提升培训补贴", department="南岭市人力资源和社会保障局",
    implementing_unit="南岭市职业技能鉴定指导中心",
    budget_total=D("860.00"), budget_fiscal=D("800.00"), budget_other=D("60.00"),
    goal_text="全年开展补贴性职业技能培训2.4万人次，培训后取证率不低于75%，促进城乡劳动者技能就业。",
    indicators=[
        Ind("产出指标", "数量指标", "补贴性职业技能培训人次", "≥2.4万人次", q("≥", "2.4", "万人次")),
        Ind("产出指标", "质量指标", "培训后取证率", "不低于75%", q("≥", "75", "%")),
        Ind("产出指标", "时效指标", "补贴资金审核发放时限", "15个工作日内", q("≤", "15", "个工作日")),
        Ind("产出指标", "成本指标", "人均培训补贴标准", "≤1500元/人", q("≤", "1500", "元/人")),
        Ind("效益指标", "社会效益指标", "培训后就业率", "≥60%", q("≥", "60", "%")),
        Ind("效益指标", "可持续影响指标", "劳动者技能素质", "逐步提高"),
        Ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", q("≥", "90", "%")),
    ],
)
T4B = Table(
    kind="project", unit="南岭市人力资源和社会保障局", year=2024, amount_unit="万元",
    project="就业见习补贴", department="南岭市人力资源和社会保障局",
    implementing_unit="南岭市公共就业服务中心",
    budget_total=D("126.00"), budget_fiscal=D("126.00"), budget_other=None, other_printed_blank=True,
    goal_text="组织高校毕业生等青年参加就业见习1000人，按规定发放见习补贴，见习期满留用率达到50%以上。",
    indicators=[
        Ind("产出指标", "数量指标", "就业见习人数", "1000人", q(None, "1000", "人")),
        Ind("产出指标", "时效指标", "见习补贴发放及时率", "及时"),
        Ind("效益指标", "社会效益指标", "见习期满留用率", "50%以上", q("≥", "50", "%")),
        Ind("满意度指标", "服务对象满意度指标", "见习人员满意度", "满意"),
    ],
)

# 5. Beijing-style project form in Word
T5 = Table(
    kind="project", unit="梧桐区民政局", year=2024, amount_unit="万元",
    project="社区养老服务驿站运营补贴", department="梧桐区民政局", implementing_unit="梧桐区养老服务指导中心",
    budget_total=D("95.60"), budget_fiscal=D("95.60"), budget_other=None, other_printed_blank=True,
    goal_text="目标1：对辖区28家社区养老服务驿站按星级给予运营补贴，年度预算资金95.60万元。\n"
              "目标2：全年为辖区老年人提供助餐服务6万人次以上。\n"
              "目标3：驿站星级评定达标率不低于85%，老年人满意度达到92%以上。",
    indicators=[
        Ind("产出指标", "数量指标", "运营补贴驿站数量", "28家", q(None, "28", "家"), note="驿站备案名册"),
        Ind("产出指标", "数量指标", "为老年人提供助餐服务人次", "≥6万人次", q("≥", "6", "万人次"),
            note="2023年实际完成5.6万人次"),
        Ind("产出指标", "质量指标", "驿站星级评定达标率", "≥85%", q("≥", "85", "%"), note="星级评定办法"),
        Ind("产出指标", "时效指标", "补贴资金拨付时间", "2024年12月20日前", q("≤", None, "日期"), note="补贴办法"),
        Ind("产出指标", "成本指标", "单家驿站年度运营补贴", "≤3.5万元", q("≤", "3.5", "万元"), note="补贴标准"),
        Ind("效益指标", "社会效益指标", "居家养老服务覆盖面", "进一步扩大", note="民政统计"),
        Ind("效益指标", "社会效益指标", "养老服务投诉办结率", "100%", q(None, "100", "%"), note="12345热线"),
        Ind("满意度指标", "服务对象满意度指标", "老年人满意度", "≥92%", q("≥", "92", "%"), note="入户问卷调查"),
    ],
)

# 6. Sichuan-style list of project indicators (no amounts)
T6A = Table(
    kind="project", unit="柳江县农业农村局", year=2024, amount_unit="万元",
    project="高标准农田建后管护",
    goal_text="完成全县8.6万亩高标准农田建后管护，灌排设施完好率达到90%以上，项目区粮食产能稳定。",
    indicators=[
        Ind("产出指标", "数量指标", "高标准农田管护面积", "≥8.6万亩", q("≥", "8.6", "万亩"), split=("≥", "8.6", "万亩")),
        Ind("产出指标", "质量指标", "灌排设施完好率", "≥90%", q("≥", "90", "%"), split=("≥", "90", "%")),
        Ind("产出指标", "时效指标", "管护任务完成时间", "≤12月", q("≤", "12", "月"), split=("≤", "12", "月")),
        Ind("产出指标", "成本指标", "每亩管护成本", "≤35元/亩", q("≤", "35", "元/亩"), split=("≤", "35", "元/亩")),
        Ind("效益指标", "经济效益指标", "项目区粮食亩产增加", "≥50公斤", q("≥", "50", "公斤"),
            split=("≥", "50", "公斤")),
        Ind("效益指标", "可持续影响指标", "灌排设施使用年限", "≥15年", q("≥", "15", "年"), split=("≥", "15", "年")),
        Ind("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", q("≥", "90", "%"), split=("≥", "90", "%")),
    ],
)
T6B = Table(
    kind="project", unit="柳江县农业农村局", year=2024, amount_unit="万元",
    project="动物疫病强制免疫",
    goal_text="完成全县猪牛羊禽强制免疫，免疫密度常年保持在90%以上，不发生区域性重大动物疫情。",
    indicators=[
        Ind("产出指标", "数量指标", "强制免疫畜禽数量", "≥120万头", q("≥", "120", "万头"), split=("≥", "120", "万头")),
        Ind("产出指标", "质量指标", "免疫密度", "≥90%", q("≥", "90", "%"), split=("≥", "90", "%")),
        Ind("产出指标", "质量指标", "免疫抗体合格率", "≥70%", q("≥", "70", "%"), split=("≥", "70", "%")),
        Ind("效益指标", "社会效益指标", "区域性重大动物疫情发生情况", "不发生", split=("定性", "不发生", "")),
        Ind("效益指标", "社会效益指标", "畜牧业生产安全水平", "有效提升", split=("定性", "有效提升", "")),
        Ind("满意度指标", "服务对象满意度指标", "养殖户满意度", "满意", split=("定性", "满意", "")),
    ],
)

# 7. Henan-style unit-wide workbook, exported to PDF
T7 = Table(
    kind="unit", unit="石桥区卫生健康委员会", year=2024, amount_unit="万元",
    budget_total=D("3245.80"), budget_fiscal=D("3105.80"), budget_other=D("140.00"),
    tasks=[
        Task("机关运转保障", "机关在职人员工资福利及日常公用经费", D("1058.60")),
        Task("基本公共卫生服务", "居民健康档案、慢性病管理、老年人健康管理等12类服务", D("1620.00")),
        Task("疾病预防控制", "免疫规划、传染病监测及突发公共卫生事件处置", D("387.20")),
        Task("卫生监督执法", "公共场所、医疗机构卫生监督检查", D("180.00")),
    ],
    tasks_total=D("3245.80"),
    goal_text="2024年安排部门预算3,245.80万元，保障机关正常运转，为辖区常住居民提供12类国家基本公共卫生服务，"
              "适龄儿童国家免疫规划疫苗接种率保持在90%以上，有效防控传染病疫情。",
    indicators=[
        Ind("部门管理", "资金投入", "基本支出预算执行率", "100%", q(None, "100", "%")),
        Ind("部门管理", "资金投入", "项目支出预算执行率", "≥90%", q("≥", "90", "%"), note="2023年实际值86.4%"),
        Ind("部门管理", "资金投入", "预算编制准确性", "准确"),
        Ind("部门管理", "财务管理", "资金使用合规性", "合规"),
        Ind("部门管理", "资产管理", "资产管理规范性", "规范"),
        Ind("部门履职", "重点履职", "部门履职完成情况", "按计划完成"),
        Ind("部门效果", "社会效益", "居民电子健康档案建档率", "≥90%", q("≥", "90", "%"), note="2023年实际值88.6%"),
        Ind("部门效果", "社会效益", "适龄儿童免疫规划疫苗接种率", "≥90%", q("≥", "90", "%")),
        Ind("部门效果", "社会效益", "部门效果实现程度", "显著"),
        Ind("部门效果", "满意度", "辖区居民满意度", "≥85%", q("≥", "85", "%"), note="抽样调查不少于500户"),
        Ind("部门效果", "满意度", "社会公众满意度", "较好"),
    ],
)

# Findings by eye (checks/rules.yaml, checks/targets/): (rule, table, line, column).
PLANTED = {
    "T1": [("TGT005", "满意度", "三级指标")],  # 服务对象满意度 names no group
    "T2": [("TGT002", "财务制度健全性", "指标值"), ("TGT002", "农村人居环境改善情况", "指标值"),
           ("TGT006", "金额合计", "任务预算金额")],  # 10 indicators, 8 quantitative = 80%: no TGT001
    "T3": [("TGT001", "", "指标值"),  # 7/10
           ("TGT002", "公共文化服务水平", "指标值"), ("TGT002", "文物保护长效机制", "指标值"),
           # no TGT003: a unit-wide table written with 产出/效益/满意度 sections is a legitimate form
           # (rules.yaml lists it as an alternative set of required sections) and has all three
           ("TGT005", "游客满意度", "指标值"),
           ("TGT007", "年度总体目标", "资金总额")],
    "T4A": [("TGT002", "劳动者技能素质", "指标值")],
    "T4B": [("TGT001", "", "指标值"),  # 2/4
            ("TGT002", "见习人员满意度", "指标值"),
            ("TGT004", "效益指标", "三级指标"),  # a single 效益 indicator
            ("TGT005", "满意度", "三级指标"), ("TGT005", "见习人员满意度", "指标值")],
    "T5": [],
    "T6A": [],
    "T6B": [("TGT001", "", "指标值"),  # 3/6
            ("TGT002", "畜牧业生产安全水平", "指标值"), ("TGT002", "养殖户满意度", "指标值"),
            ("TGT005", "满意度", "三级指标"), ("TGT005", "养殖户满意度", "指标值")],
    "T7": [("TGT001", "", "指标值"),  # 5/11
           ("TGT002", "资产管理规范性", "指标值"), ("TGT002", "部门效果实现程度", "指标值"),
           ("TGT002", "社会公众满意度", "指标值"),
           ("TGT004", "部门履职", "三级指标"),  # single, and restates 部门履职
           ("TGT004", "部门效果", "三级指标"),  # 部门效果实现程度 restates 部门效果
           ("TGT005", "社会公众满意度", "指标值")],
}
TABLES = {"T1": T1, "T2": T2, "T3": T3, "T4A": T4A, "T4B": T4B, "T5": T5, "T6A": T6A, "T6B": T6B, "T7": T7}
