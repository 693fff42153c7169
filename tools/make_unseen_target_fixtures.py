"""Generate 绩效目标表 (performance-target tables) in layouts the target parser was not designed against.

Each document reproduces the shape of a published form with fictitious units and figures:

1. 财政部 中央部门项目支出绩效目标申报表 (.xlsx): 主管部门及代码 "[153]…", 项目属性 / 项目期, a funding
   block with 中期资金总额 | 年度资金总额 columns, 总体目标 as 中期目标 | 年度目标 side by side, and the
   indicator block printed twice side by side (中期 二级/三级/指标值 | 年度 二级/三级/指标值).
2. Gansu-style 部门整体支出绩效目标表 in 元 (.docx → .pdf): budget row 资金总额 | 财政拨款 | 其他资金,
   年度主要任务 with 预算金额 split into 总额 | 财政拨款 | 其他资金 and a 金额合计 row.
   PLANTED TGT006: Σ 任务总额 = 8,979,980.00 元 but 金额合计 prints 8,989,980.00 元.
3. Portal HTML page (UTF-8, nested in a layout table): Hubei-style 部门整体支出绩效目标申报表 with a
   收入构成 | 支出构成 budget block and 产出/效益/满意度 一级 sections in a unit-wide table (a
   legitimate form: no TGT003), a 指标值设定依据及数据来源 column. PLANTED TGT007: goal text says 2,386.50万元, budget 2,368.50.
4. Portal HTML page (GB18030 bytes declared gb2312), two Guangdong-style 项目支出绩效目标表 on one
   page, label/value header rows, 项目资金（万元） as three label rows.
5. Beijing-style 项目支出绩效目标申报表 (.docx): funding as a header row + a value row
   (年度资金总额 | 其中：财政拨款 | 其他资金 = "—"), 年度目标 as 目标1/目标2/目标3 paragraphs.
6. Sichuan-style 部门预算项目绩效目标表 (.xlsx): one row per indicator, 单位名称/项目名称/年度目标 merged
   down the rows of a project, 指标性质 (≥ / ≤ / 定性) | 指标值 | 度量单位 | 权重 | 指标方向性; no amounts.
7. Henan-style 部门整体支出绩效目标表 (.xlsx → .pdf): 年度预算资金 as label rows, 年度主要任务 with
   对应金额 and a 合计 row, indicators with a 备注 column that carries other numbers.

The expected records and findings are written from the same inputs as the documents (never from the
parser's output):

    fixtures/unseen-targets/<file>                     the documents
    fixtures/expected/unseen-targets/<file>.json       what the target parser must read from each
    fixtures/expected/unseen-targets/findings.json     the TGT findings over all of them

Usage: .venv/bin/python tools/make_unseen_target_fixtures.py
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, Side

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "fixtures" / "unseen-targets"
EXPECTED = ROOT / "fixtures" / "expected" / "unseen-targets"
D = Decimal
FIXED_TIME = datetime(2024, 3, 1, 9, 0, 0)

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

# ---------------------------------------------------------------------------------- grid layouts
# A layout is a list of placements; the same grid renders to Excel, Word and HTML.


@dataclass
class P:
    r: int  # 1-based
    c: int
    text: str
    rs: int = 1
    cs: int = 1
    num: Decimal | None = None  # Excel: write a number cell with this value
    fmt: str = "#,##0.00"
    bold: bool = False


def grid_size(cells: list[P]) -> tuple[int, int]:
    return max(p.r + p.rs - 1 for p in cells), max(p.c + p.cs - 1 for p in cells)


# --- document 1: 中央部门项目支出绩效目标申报表 (8 columns A–H)


def layout_central(t: Table) -> list[P]:
    mid_total, mid_fiscal, mid_other = T1_MIDTERM_FUNDS
    cells = [
        P(1, 1, "项目名称", ), P(1, 2, t.project, cs=7),
        P(2, 1, "主管部门及代码"), P(2, 2, f"[153]{t.department}", cs=3), P(2, 5, "实施单位"),
        P(2, 6, t.implementing_unit, cs=3),
        P(3, 1, "项目属性"), P(3, 2, "延续项目", cs=3), P(3, 5, "项目期"), P(3, 6, "3年", cs=3),
        P(4, 1, "项目资金\n（万元）", rs=4), P(4, 2, "", cs=3), P(4, 5, "中期资金总额", cs=2),
        P(4, 7, "年度资金总额", cs=2),
        P(5, 2, "资金总额", cs=3), P(5, 5, money(mid_total), cs=2, num=mid_total),
        P(5, 7, money(t.budget_total), cs=2, num=t.budget_total),
        P(6, 2, "其中：财政拨款", cs=3), P(6, 5, money(mid_fiscal), cs=2, num=mid_fiscal),
        P(6, 7, money(t.budget_fiscal), cs=2, num=t.budget_fiscal),
        P(7, 2, "其他资金", cs=3), P(7, 5, money(mid_other), cs=2, num=mid_other),
        P(7, 7, money(t.budget_other), cs=2, num=t.budget_other),
        P(8, 1, "总体目标", rs=2), P(8, 2, "中期目标（2024年—2026年）", cs=4), P(8, 6, "年度目标", cs=3),
        P(9, 2, T1_MIDTERM_GOAL, cs=4), P(9, 6, t.goal_text, cs=3),
    ]
    first = 11
    n = len(t.indicators)
    cells += [P(10, 1, "绩效指标", rs=n + 1), P(10, 2, "一级指标"), P(10, 3, "二级指标"), P(10, 4, "三级指标"),
              P(10, 5, "指标值"), P(10, 6, "二级指标"), P(10, 7, "三级指标"), P(10, 8, "指标值")]
    cells += _merged_runs([i.level1 for i in t.indicators], first, 2)
    cells += _merged_runs([m[0] for m in T1_MIDTERM], first, 3)
    cells += _merged_runs([i.level2 for i in t.indicators], first, 6)
    for k, (ind, mid) in enumerate(zip(t.indicators, T1_MIDTERM)):
        r = first + k
        cells += [P(r, 4, mid[1]), P(r, 5, mid[2]), P(r, 7, ind.level3), P(r, 8, ind.value)]
    return cells


def _merged_runs(values: list[str], first_row: int, col: int) -> list[P]:
    """Vertically merged cells for runs of equal values (一级/二级 columns)."""
    out, k = [], 0
    while k < len(values):
        j = k
        while j + 1 < len(values) and values[j + 1] == values[k]:
            j += 1
        out.append(P(first_row + k, col, values[k], rs=j - k + 1))
        k = j + 1
    return out


# --- document 2: Gansu-style unit-wide table in 元 (6 columns), Word


def layout_gansu(t: Table) -> list[P]:
    cells = [
        P(1, 1, "部门（单位）名称"), P(1, 2, t.unit, cs=5),
        P(2, 1, "年度资金（元）", rs=2), P(2, 2, "资金总额", cs=2), P(2, 4, "财政拨款", cs=2), P(2, 6, "其他资金"),
        P(3, 2, money(t.budget_total), cs=2), P(3, 4, money(t.budget_fiscal), cs=2), P(3, 6, money(t.budget_other)),
    ]
    n = len(t.tasks)
    cells += [P(4, 1, "年度主要任务", rs=n + 3), P(4, 2, "任务名称", rs=2), P(4, 3, "主要内容", rs=2),
              P(4, 4, "预算金额（元）", cs=3), P(5, 4, "总额"), P(5, 5, "财政拨款"), P(5, 6, "其他资金")]
    for k, task in enumerate(t.tasks):
        r = 6 + k
        cells += [P(r, 2, task.name), P(r, 3, task.content), P(r, 4, money(task.amount)),
                  P(r, 5, money(task.fiscal)), P(r, 6, money(task.other) if task.other else "")]
    r = 6 + n
    cells += [P(r, 2, "金额合计", cs=2), P(r, 4, money(t.tasks_total)), P(r, 5, money(T2_TASK_FISCAL_TOTAL)),
              P(r, 6, money(T2_TASK_OTHER_TOTAL))]
    r += 1
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标", cs=2),
              P(r, 6, "指标值")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3, cs=2), P(r + 1 + k, 6, ind.value)]
    return cells


# --- document 3: Hubei-style unit-wide form (6 columns), HTML


def layout_hubei(t: Table) -> list[P]:
    basic, project = T3_SPENDING
    total = t.budget_total
    share = lambda part: f"{(part / total * 100).quantize(D('0.01'))}%"  # noqa: E731
    cells = [
        P(1, 1, "部门（单位）名称"), P(1, 2, t.unit, cs=5),
        P(2, 1, "部门总体资金情况（万元）", rs=4), P(2, 2, "收入构成"), P(2, 3, "金额"), P(2, 4, "支出构成"),
        P(2, 5, "金额"), P(2, 6, "占比"),
        P(3, 2, "财政拨款"), P(3, 3, money(t.budget_fiscal)), P(3, 4, "基本支出"), P(3, 5, money(basic)),
        P(3, 6, share(basic)),
        P(4, 2, "其他资金"), P(4, 3, money(t.budget_other)), P(4, 4, "项目支出"), P(4, 5, money(project)),
        P(4, 6, share(project)),
        P(5, 2, "合计"), P(5, 3, money(t.budget_total)), P(5, 4, "合计"), P(5, 5, money(basic + project)),
        P(5, 6, "100%"),
    ]
    n = len(t.tasks)
    cells += [P(6, 1, "年度主要任务", rs=n + 1), P(6, 2, "任务名称"), P(6, 3, "主要内容", cs=2),
              P(6, 5, "预算金额（万元）", cs=2)]
    for k, task in enumerate(t.tasks):
        cells += [P(7 + k, 2, task.name), P(7 + k, 3, task.content, cs=2), P(7 + k, 5, money(task.amount), cs=2)]
    r = 7 + n
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标"),
              P(r, 5, "指标值"), P(r, 6, "指标值设定依据及数据来源")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3), P(r + 1 + k, 5, ind.value), P(r + 1 + k, 6, ind.note)]
    return cells


# --- document 4: Guangdong-style project table (4 columns), HTML


def layout_guangdong(t: Table) -> list[P]:
    other = "" if t.other_printed_blank else money(t.budget_other)
    cells = [
        P(1, 1, "项目名称"), P(1, 2, t.project, cs=3),
        P(2, 1, "主管部门"), P(2, 2, t.department), P(2, 3, "实施单位"), P(2, 4, t.implementing_unit),
        P(3, 1, "项目资金（万元）", rs=3), P(3, 2, "年度资金总额"), P(3, 3, money(t.budget_total), cs=2),
        P(4, 2, "其中：财政拨款"), P(4, 3, money(t.budget_fiscal), cs=2),
        P(5, 2, "其他资金"), P(5, 3, other, cs=2),
        P(6, 1, "年度绩效目标"), P(6, 2, t.goal_text, cs=3),
        P(7, 1, "一级指标"), P(7, 2, "二级指标"), P(7, 3, "三级指标"), P(7, 4, "指标值"),
    ]
    cells += _merged_runs([i.level1 for i in t.indicators], 8, 1)
    cells += _merged_runs([i.level2 for i in t.indicators], 8, 2)
    for k, ind in enumerate(t.indicators):
        cells += [P(8 + k, 3, ind.level3), P(8 + k, 4, ind.value)]
    return cells


# --- document 5: Beijing-style project form (6 columns), Word


def layout_beijing(t: Table) -> list[P]:
    cells = [
        P(1, 1, "项目名称"), P(1, 2, t.project, cs=5),
        P(2, 1, "主管部门"), P(2, 2, t.department, cs=2), P(2, 4, "实施单位"), P(2, 5, t.implementing_unit, cs=2),
        P(3, 1, "项目属性"), P(3, 2, "延续项目", cs=2), P(3, 4, "项目期"), P(3, 5, "2024年1月—2024年12月", cs=2),
        P(4, 1, "项目资金（万元）", rs=2), P(4, 2, "年度资金总额", cs=2), P(4, 4, "其中：财政拨款", cs=2),
        P(4, 6, "其他资金"),
        P(5, 2, money(t.budget_total, False), cs=2), P(5, 4, money(t.budget_fiscal, False), cs=2), P(5, 6, "—"),
        P(6, 1, "年度目标"), P(6, 2, t.goal_text, cs=5),
    ]
    n = len(t.indicators)
    cells += [P(7, 1, "年度绩效指标", rs=n + 1), P(7, 2, "一级指标"), P(7, 3, "二级指标"), P(7, 4, "三级指标"),
              P(7, 5, "指标值"), P(7, 6, "指标值设定依据及数据来源")]
    cells += _merged_runs([i.level1 for i in t.indicators], 8, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], 8, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(8 + k, 4, ind.level3), P(8 + k, 5, ind.value), P(8 + k, 6, ind.note)]
    return cells


# --- document 6: Sichuan-style list (11 columns), Excel; rows 1–3 are title, unit line, header


def layout_sichuan(tables: list[Table]) -> list[P]:
    heads = ["单位名称", "项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
             "权重（分）", "指标方向性"]
    cells = [P(1, 1, f"{tables[0].unit}{tables[0].year}年部门预算项目绩效目标表", cs=11, bold=True),
             P(2, 10, "单位：万元", cs=2)]
    cells += [P(3, c, h, bold=True) for c, h in enumerate(heads, start=1)]
    r = 4
    units: list[str] = []
    for t in tables:
        n = len(t.indicators)
        units += [t.unit] * n
        cells += [P(r, 2, t.project, rs=n), P(r, 3, t.goal_text, rs=n)]
        cells += _merged_runs([i.level1 for i in t.indicators], r, 4)
        cells += _merged_runs([i.level2 for i in t.indicators], r, 5)
        weights = _weights(n)
        for k, ind in enumerate(t.indicators):
            nature, value, unit = ind.split
            direction = "" if nature == "定性" else ("反向指标" if nature == "≤" else "正向指标")
            cells += [P(r + k, 6, ind.level3), P(r + k, 7, nature), P(r + k, 8, value), P(r + k, 9, unit),
                      P(r + k, 10, str(weights[k])), P(r + k, 11, direction)]
        r += n
    cells += _merged_runs(units, 4, 1)
    return cells


def _weights(n: int) -> list[int]:
    """Weights summing to 90 (the 10 points of 预算执行率 are not listed), as the forms print them."""
    base = 90 // n
    return [base + (1 if k < 90 - base * n else 0) for k in range(n)]


# --- document 7: Henan-style unit-wide workbook (6 columns A–F)


def layout_henan(t: Table) -> list[P]:
    cells = [
        P(1, 1, f"{t.unit}{t.year}年度部门整体支出绩效目标表", cs=6, bold=True),
        P(2, 5, "金额单位：万元", cs=2),
        P(3, 1, "部门名称"), P(3, 2, t.unit, cs=5),
        P(4, 1, "年度预算资金", rs=3), P(4, 2, "预算总额"), P(4, 3, money(t.budget_total), cs=4, num=t.budget_total),
        P(5, 2, "其中：财政拨款"), P(5, 3, money(t.budget_fiscal), cs=4, num=t.budget_fiscal),
        P(6, 2, "其他资金"), P(6, 3, money(t.budget_other), cs=4, num=t.budget_other),
    ]
    n = len(t.tasks)
    cells += [P(7, 1, "年度主要任务", rs=n + 2), P(7, 2, "任务名称"), P(7, 3, "主要内容", cs=3), P(7, 6, "对应金额")]
    for k, task in enumerate(t.tasks):
        cells += [P(8 + k, 2, task.name), P(8 + k, 3, task.content, cs=3),
                  P(8 + k, 6, money(task.amount), num=task.amount)]
    r = 8 + n
    cells += [P(r, 2, "合计", cs=4), P(r, 6, money(t.tasks_total), num=t.tasks_total)]
    r += 1
    cells += [P(r, 1, "年度总体目标"), P(r, 2, t.goal_text, cs=5)]
    r += 1
    n = len(t.indicators)
    cells += [P(r, 1, "年度绩效指标", rs=n + 1), P(r, 2, "一级指标"), P(r, 3, "二级指标"), P(r, 4, "三级指标"),
              P(r, 5, "指标值"), P(r, 6, "备注")]
    cells += _merged_runs([i.level1 for i in t.indicators], r + 1, 2)
    cells += _merged_runs([i.level2 for i in t.indicators], r + 1, 3)
    for k, ind in enumerate(t.indicators):
        cells += [P(r + 1 + k, 4, ind.level3), P(r + 1 + k, 5, ind.value), P(r + 1 + k, 6, ind.note)]
    return cells


# ---------------------------------------------------------------------------------- renderers

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_xlsx_grid(ws, cells: list[P], top: int = 0, widths: list[float] | None = None) -> None:
    for p in cells:
        r, c = p.r + top, p.c
        cell = ws.cell(row=r, column=c)
        if p.num is not None:
            cell.value = p.num  # openpyxl writes a Decimal as a number cell
            cell.number_format = p.fmt
        else:
            cell.value = p.text if p.text != "" else None
        cell.alignment = Alignment(wrap_text=True, vertical="center",
                                   horizontal="left" if len(p.text) > 30 else "center")
        if p.bold:
            cell.font = Font(bold=True)
        if p.rs > 1 or p.cs > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r + p.rs - 1, end_column=c + p.cs - 1)
    rows, cols = grid_size(cells)
    for r in range(1 + top, rows + top + 1):
        for c in range(1, cols + 1):
            ws.cell(row=r, column=c).border = BORDER
    for k, w in enumerate(widths or [], start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(k)].width = w
    if widths:  # Excel does not grow rows for wrapped text on its own: size them as a filer would
        heights: dict[int, float] = {}
        for p in cells:
            span = sum(widths[p.c - 1:p.c - 1 + p.cs])
            lines = -(-len(p.text) * 2 // max(int(span), 1))  # a CJK character is ~2 width units
            need = 15.0 * max(lines, 1) / p.rs
            heights[p.r + top] = max(heights.get(p.r + top, 15.0), need)
        for r, h in heights.items():
            ws.row_dimensions[r].height = h


def write_docx_table(doc, cells: list[P], widths_cm: list[float]) -> None:
    rows, cols = grid_size(cells)
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    for p in cells:
        a = table.cell(p.r - 1, p.c - 1)
        if p.rs > 1 or p.cs > 1:
            a = a.merge(table.cell(p.r + p.rs - 2, p.c + p.cs - 2))
        lines = p.text.split("\n")
        a.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            a.add_paragraph(line)
        for para in a.paragraphs:
            for run in para.runs:
                run.font.size = Pt(9)
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[k])


def html_table(cells: list[P], attrs: str = 'border="1" cellspacing="0" cellpadding="3"') -> str:
    rows, cols = grid_size(cells)
    covered: set[tuple[int, int]] = set()
    by_origin = {(p.r, p.c): p for p in cells}
    for p in cells:
        for r in range(p.r, p.r + p.rs):
            for c in range(p.c, p.c + p.cs):
                if (r, c) != (p.r, p.c):
                    covered.add((r, c))
    out = [f"<table {attrs}>"]
    for r in range(1, rows + 1):
        tds = []
        for c in range(1, cols + 1):
            if (r, c) in covered:
                continue
            p = by_origin.get((r, c))
            if p is None:
                tds.append("<td>&nbsp;</td>")
                continue
            span = (f' rowspan="{p.rs}"' if p.rs > 1 else "") + (f' colspan="{p.cs}"' if p.cs > 1 else "")
            text = "<br/>".join(html.escape(x) for x in p.text.split("\n")) or "&nbsp;"
            tds.append(f'<td{span}><span style="font-size:12px">{text}</span></td>')
        out.append("  <tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


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


def _workbook_props(wb) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "fixturegen"


def _docx_props(doc) -> None:
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.author = "fixturegen"


def para(doc, text: str, size: int = 10, bold: bool = False, align=None) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if align is not None:
        p.alignment = align


# ---------------------------------------------------------------------------------- documents


def make_central(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    ws.cell(row=1, column=1, value="项目支出绩效目标申报表").font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws.cell(row=2, column=1, value="（2024年度）")
    ws.merge_cells("A2:H2")
    for r in (1, 2):
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
    write_xlsx_grid(ws, layout_central(T1), top=2, widths=[12, 12, 14, 24, 12, 14, 24, 12])
    r = grid_size(layout_central(T1))[0] + 4
    ws.cell(row=r, column=1, value="填报人：王某某　　联系电话：010-6XXXXXXX　　填报日期：2024年1月15日")
    _workbook_props(wb)
    wb.save(path)


def make_gansu(path: Path, work: Path) -> Path:
    doc = WordDocument()
    _docx_props(doc)
    para(doc, f"{T2.unit}{T2.year}年度部门整体支出绩效目标表", 14, True, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, f"填报单位（盖章）：{T2.unit}　　　　　　　　　　　　单位：元", 9)
    write_docx_table(doc, layout_gansu(T2), [2.6, 2.6, 4.6, 2.6, 2.6, 2.2])
    para(doc, "单位负责人：赵某某　　财务负责人：钱某某　　填表人：孙某某", 9)
    docx_path = work / (path.stem + ".docx")
    doc.save(docx_path)
    return to_pdf(docx_path, path.parent)


HTML3 = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}_清溪区人民政府门户网站</title>
</head>
<body>
<div class="top"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 预算决算</div>
<table width="100%" class="layout"><tr><td class="left"><ul><li>部门预算</li><li>部门决算</li></ul></td>
<td class="main">
<h1 class="article-title">{title}</h1>
<div class="info">发布时间：2024-02-06　来源：清溪区文化旅游广电局　浏览次数：<span id="hits">128</span></div>
<div class="article-content">
<p style="text-align:center"><b>部门整体支出绩效目标申报表</b></p>
<p>填报日期：2024年1月20日　　　　　　　　　　　　单位：万元</p>
{table}
<p>注：指标值设定依据为本部门年度工作计划及历年统计数据。</p>
</div>
</td></tr></table>
<div class="footer">主办：清溪区人民政府办公室　网站标识码：0000000000</div>
</body>
</html>
"""


def make_hubei(path: Path) -> None:
    title = f"{T3.unit}{T3.year}年部门整体支出绩效目标"
    page = HTML3.format(title=title, table=html_table(layout_hubei(T3), 'class="MsoTableGrid" border="1" '
                                                                           'cellspacing="0" width="100%"'))
    path.write_text(page, encoding="utf-8")


HTML4 = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title>
</head>
<body>
<div id="zoom">
<p align="center"><strong>{title}</strong></p>
{parts}
<p>联系人：李喆　　联系电话：0000-00000000</p>
</div>
</body>
</html>
"""


def make_guangdong(path: Path) -> None:
    title = f"{T4A.unit}{T4A.year}年项目支出绩效目标表"
    parts = []
    for k, t in enumerate((T4A, T4B), start=1):
        parts.append(f"<p><strong>{k}. {html.escape(t.project)}项目支出绩效目标表</strong></p>")
        parts.append('<p align="right">单位：万元</p>')
        parts.append(html_table(layout_guangdong(t)))
    page = HTML4.format(title=title, parts="\n".join(parts))
    path.write_bytes(page.encode("gb18030"))


def make_beijing(path: Path) -> None:
    doc = WordDocument()
    _docx_props(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    para(doc, "项目支出绩效目标申报表", 16, True, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, f"（{T5.year}年度）", 11, False, WD_ALIGN_PARAGRAPH.CENTER)
    write_docx_table(doc, layout_beijing(T5), [3.2, 3.0, 3.4, 5.6, 3.2, 5.6])
    para(doc, "填报人：周某某　　联系电话：000-00000000　　填报日期：2024年1月18日", 9)
    doc.save(path)


def make_sichuan(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表14"
    write_xlsx_grid(ws, layout_sichuan([T6A, T6B]), widths=[16, 16, 36, 12, 16, 24, 8, 8, 8, 8, 10])
    _workbook_props(wb)
    wb.save(path)


def make_henan(path: Path, work: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "部门整体绩效目标"
    write_xlsx_grid(ws, layout_henan(T7), widths=[12, 14, 16, 26, 12, 22])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _workbook_props(wb)
    xlsx_path = work / (path.stem + ".xlsx")
    wb.save(xlsx_path)
    return to_pdf(xlsx_path, path.parent)


# ---------------------------------------------------------------------------------- expectations

DOCUMENTS = [
    # (file name, format, table ids)
    ("中央部门项目支出绩效目标申报表-水文站网运行维护.xlsx", "xlsx", ["T1"]),
    ("白杨镇2024年部门整体支出绩效目标表.pdf", "pdf", ["T2"]),
    ("清溪区文化旅游广电局部门整体支出绩效目标.html", "html", ["T3"]),
    ("南岭市人社局2024年项目支出绩效目标表.html", "html", ["T4A", "T4B"]),
    ("梧桐区民政局项目支出绩效目标申报表（社区养老服务驿站）.docx", "docx", ["T5"]),
    ("柳江县农业农村局2024年部门预算项目绩效目标表.xlsx", "xlsx", ["T6A", "T6B"]),
    ("石桥区卫生健康委员会2024年度部门整体支出绩效目标表.pdf", "pdf", ["T7"]),
]


def expected_table(t: Table) -> dict:
    u = t.amount_unit
    has_budget = t.budget_total is not None
    other = t.budget_other if t.budget_other is not None else (D("0") if has_budget else None)
    return {
        "kind": t.kind,
        "unit": t.unit,
        "year": t.year,
        "project": t.project,
        "department": t.department,
        "implementing_unit": t.implementing_unit,
        "amount_unit": u,
        "budget_total": wan(t.budget_total, u),
        "budget_fiscal": wan(t.budget_fiscal, u),
        "budget_other": wan(other, u),
        "tasks": [{"name": k.name, "content": k.content, "amount": wan(k.amount, u)} for k in t.tasks],
        "tasks_total": wan(t.tasks_total, u),
        "goal_text": t.goal_text,
        "indicators": [
            {"level1": i.level1, "level2": i.level2, "level3": i.level3, "value": i.value,
             "operator": i.parsed[0] if i.parsed else None, "number": i.parsed[1] if i.parsed else None,
             "unit": i.parsed[2] if i.parsed else None, "quantitative": i.parsed is not None}
            for i in t.indicators
        ],
    }


def expected_findings() -> list[dict]:
    rows = []
    for tid, planted in PLANTED.items():
        t = TABLES[tid]
        for rule_id, line, column in planted:
            rows.append({"rule_id": rule_id, "unit": t.unit, "year": t.year, "period_months": None,
                         "project": t.project or "", "line": line, "column": column})
    return rows


def check_counts() -> None:
    """Guard the hand-written TGT001 expectations against the quantitative flags above."""
    for tid, t in TABLES.items():
        qn = sum(1 for i in t.indicators if i.parsed is not None)
        below = D(qn) / D(len(t.indicators)) * 100 < 80
        listed = any(r == "TGT001" for r, _, _ in PLANTED[tid])
        if below != listed:
            sys.exit(f"{tid}: {qn}/{len(t.indicators)} quantitative but TGT001 listed={listed}")
    tasks = sum(k.amount for k in T2.tasks)
    if tasks == T2.tasks_total:
        sys.exit("T2: the planted task-sum error is gone")


def main() -> None:
    check_counts()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for old in EXPECTED.glob("*.json"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="unseen-targets-") as tmp:
        work = Path(tmp)
        make_central(OUT / DOCUMENTS[0][0])
        made = make_gansu(OUT / DOCUMENTS[1][0], work)
        assert made.name == DOCUMENTS[1][0], made
        make_hubei(OUT / DOCUMENTS[2][0])
        make_guangdong(OUT / DOCUMENTS[3][0])
        make_beijing(OUT / DOCUMENTS[4][0])
        make_sichuan(OUT / DOCUMENTS[5][0])
        made = make_henan(OUT / DOCUMENTS[6][0], work)
        assert made.name == DOCUMENTS[6][0], made
    for name, fmt, ids in DOCUMENTS:
        data = {"file": name, "format": fmt, "kind": "targets", "tables": [expected_table(TABLES[i]) for i in ids]}
        (EXPECTED / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
    (EXPECTED / "findings.json").write_text(json.dumps(expected_findings(), ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    print(f"wrote {len(DOCUMENTS)} documents to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
