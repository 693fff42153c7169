"""The 绩效自评表 (self-evaluation) fixtures as data: every figure printed, every planted error.

Each `Table` below is rendered in one layout and one format by `selfeval_render.py`; its expected
record (`selfeval_expected.py`) is derived from these inputs, never from the parser's output.
Figures are strings as printed; `Ind.reason`/`Ind.measure` state how the 偏差原因分析及改进措施
text splits (the split is part of what the parser must get right).

Layouts written blind (as a new user would meet them) and what failed on the first try:
- Hubei-style unit table (AGRICULTURE, Excel): the inline “预期目标：…” goal text came back with
  its full-width commas turned half-width (the parser normalised the stored text, not only the
  matching key); fixed. Everything else parsed.
- Sichuan-style project table (NUTRITION, PDF; amounts in 元, scores in 一级 labels, 指标方向 /
  指标值 / 度量单位 and 偏差原因 / 改进措施 in separate columns): parsed on the first try.
- Word file with two project tables, each split into a budget table and an indicator table
  (CULTURE): parsed on the first try once the parser joined an indicator-only table to the table
  above (written before this fixture, for this case).
- Unit table printed to PDF from Excel (TOWN): the first rendering printed the sheet without
  fit-to-width, so LibreOffice split the columns over three pages; the parser then stopped with a
  clear error (第2行有金额但没有资金名称). The generator now prints fit to width, as offices do;
  a table split by columns over pages is not joined (known limitation).
The planted-error table (HEALTH) showed SLF004 comparing with a tolerance of half a unit per part
(3.5 points for seven integer scores), so 98 against a printed 95 passed; scores are exact as
printed, only the total may be rounded; fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field



@dataclass
class Line:
    name: str  # canonical line name (schemas: 资金总额 / 财政拨款 / 上年结转 / 其他资金 / 合计 / 基本支出 / 项目支出)
    label: str  # as printed
    initial: str = ""
    annual: str = ""
    executed: str = ""
    max_score: str = ""
    rate: str = ""
    score: str = ""


@dataclass
class Ind:
    level1: str
    level2: str
    level3: str
    target: str  # 年度指标值 as printed (joined form); split layouts print op / value / unit
    actual: str  # 实际完成值 as printed ("" = blank)
    max_score: str
    score: str
    deviation: str = ""  # 偏差原因分析及改进措施 as printed (one cell), or 偏差原因 when split
    reason: str | None = None  # expected reason part
    measure: str | None = None  # expected measure part (a separate column in split layouts)
    level1_points: str | None = None  # printed in the 一级 label (`产出指标(50分)`)
    op: str = ""  # split layouts: 指标方向
    value: str = ""  # split layouts: 指标值
    unit: str = ""  # split layouts: 度量单位
    # expected parse of the target / actual: (operator, number, unit)
    target_parsed: tuple[str | None, str | None, str | None] = (None, None, None)
    actual_parsed: tuple[str | None, str | None, str | None] = (None, None, None)


@dataclass
class Table:
    file_name: str
    layout: str  # gansu | sichuan | hubei
    kind: str  # unit | project
    unit: str
    year: int
    amount_unit: str
    lines: list[Line]
    indicators: list[Ind]
    total_max: str
    total_score: str
    goal_expected: str = ""
    goal_actual: str = ""
    project: str | None = None
    department: str | None = None
    implementing_unit: str | None = None
    # planted findings: (rule id, subject line, subject column)
    findings: list[tuple[str, str, str]] = field(default_factory=list)
    more: list["Table"] = field(default_factory=list)  # further tables of the same file
    pdf_from: str = "docx"  # a PDF is printed from the Word or the Excel rendering

    @property
    def tables(self) -> list["Table"]:
        return [self, *self.more]


# ---------------------------------------------------------------------------------------------
# nanjie-2024: the seed's unit, its approved 2024 targets, actuals, two unmet indicators that carry
# a reason but no measure (the seed: 未完成指标仅标注原因而未提出整改措施 → SLF006).

_NANJIE_ACTUALS = {
    # level3: (actual as printed, max, score, deviation, parsed actual)
    "预算编制完整性": ("完整", "5", "5", "", (None, None, None)),
    "基本支出预算执行率": ("100%", "5", "5", "", (None, "100", "%")),
    "项目支出预算执行率": ("100%", "5", "5", "", (None, "100", "%")),
    "“三公经费”控制率": ("92.31%", "5", "5", "", (None, "92.31", "%")),
    "财务管理制度健全性": ("健全", "5", "5", "", (None, None, None)),
    "资金使用合规性": ("规范", "5", "5", "", (None, None, None)),
    "政府采购规范性": ("规范", "5", "5", "", (None, None, None)),
    "资产管理规范性": ("规范", "5", "5", "", (None, None, None)),
    "固定资产利用率": ("92%", "5", "4", "部分办公设备老化，使用频率降低", (None, "92", "%")),
    "在职人员控制率": ("100%", "5", "5", "", (None, "100", "%")),
    "人员管理制度健全性": ("健全", "5", "5", "", (None, None, None)),
    "内控制度健全性": ("健全", "5", "5", "", (None, None, None)),
    "公用经费控制率": ("100%", "5", "5", "", (None, "100", "%")),
    "部门履职情况提升性": ("有效提升", "10", "10", "", (None, None, None)),
    "部门效果达标率": ("达标", "5", "5", "", (None, None, None)),
    "服务对象满意度": ("基本满意", "5", "4", "个别居民对办事等候时间较长有意见", (None, None, None)),
    "社会影响满意度": ("较好", "5", "5", "", (None, None, None)),
}


def _nanjie_indicators() -> list[Ind]:
    """The approved 2024 indicators (targets_data), each with its actual, score and deviation."""
    from fixturegen.targets_data import R, nanjie_effect, nanjie_management, ti, word

    approved = nanjie_management() + [ti(R, "重点履职", "部门履职情况提升性", word("有效提升"))] + nanjie_effect()
    out = []
    for ind in approved:
        actual, mx, score, dev, parsed = _NANJIE_ACTUALS[ind.level3]
        v = ind.value
        out.append(Ind(
            level1=ind.level1, level2=ind.level2, level3=ind.level3, target=v.text,
            actual=actual, max_score=mx, score=score, deviation=dev, reason=dev or None, measure=None,
            target_parsed=(v.operator, v.number, v.unit), actual_parsed=parsed,
        ))
    return out


NANJIE_SELF_EVAL = Table(
    file_name="南街街道办事处2024年度部门整体支出绩效自评表.docx",
    layout="gansu", kind="unit", unit="南街街道办事处", year=2024, amount_unit="万元",
    lines=[
        Line("资金总额", "年度资金总额", "1164.62", "1164.62", "1164.62", "10", "100.00%", "10"),
        Line("财政拨款", "其中：当年财政拨款", "1164.62", "1164.62", "1164.62", "—", "100.00%", "—"),
        Line("上年结转", "上年结转资金", "", "", "", "—", "", "—"),
        Line("其他资金", "其他资金", "", "", "", "—", "", "—"),
    ],
    goal_expected=("保障街道、社区日常运转及社区民选副主任、社区工作者工资社保足额发放，促进街道社区精神文明和"
                   "物质文明建设，推动社区基层治理和基层党建工作更好发展。"),
    goal_actual=("全年预算1164.62万元全部执行，街道、社区日常运转和人员工资社保按时足额保障，基层治理和党建"
                 "工作有序推进。"),
    indicators=[],  # filled below from the approved targets
    total_max="100", total_score="98",
    findings=[("SLF006", "固定资产利用率", "改进措施"), ("SLF006", "服务对象满意度", "改进措施")],
)
NANJIE_SELF_EVAL.indicators = _nanjie_indicators()


# ---------------------------------------------------------------------------------------------
# A county health bureau (Excel, numbers as numeric cells) with planted errors.

HEALTH = Table(
    file_name="临泽县卫生健康局2024年度部门整体支出绩效自评表.xlsx",
    layout="gansu", kind="unit", unit="临泽县卫生健康局", year=2024, amount_unit="万元",
    lines=[
        # 2210.35 ÷ 2486.50 = 88.89%: the 94.06% printed is 2210.35 ÷ 年初 2350.00 (SLF001), and
        # the full 10 points ignore the shortfall (SLF002: 10 × 88.89% = 8.89)
        Line("资金总额", "年度资金总额", "2350.00", "2486.50", "2210.35", "10", "94.06%", "10"),
        Line("财政拨款", "其中：当年财政拨款", "2300.00", "2436.50", "2160.35", "—", "88.67%", "—"),
        Line("其他资金", "其他资金", "50.00", "50.00", "50.00", "—", "100.00%", "—"),
    ],
    goal_expected="完成家庭医生签约、传染病防控和健康素养促进任务，提升基层医疗卫生服务能力。",
    goal_actual="家庭医生签约31250人，传染病报告及时率93.2%，居民健康素养水平29.1%。",
    indicators=[
        Ind("产出指标", "数量指标", "家庭医生签约人数", "≥30000人", "31250人", "20", "20",
            target_parsed=("≥", "30000", "人"), actual_parsed=(None, "31250", "人")),
        # unmet but full marks (SLF005); reason and a dated, owned measure (no SLF006/SLF007)
        Ind("产出指标", "质量指标", "传染病报告及时率", "≥95%", "93.2%", "15", "15",
            deviation="受流感季节报告量激增影响，部分报告延迟。下一步由疾控科负责，2025年3月底前完成网络直报系统升级",
            reason="受流感季节报告量激增影响，部分报告延迟",
            measure="下一步由疾控科负责，2025年3月底前完成网络直报系统升级",
            target_parsed=("≥", "95", "%"), actual_parsed=(None, "93.2", "%")),
        Ind("产出指标", "时效指标", "项目资金拨付及时率", "100%", "100%", "15", "15",
            target_parsed=(None, "100", "%"), actual_parsed=(None, "100", "%")),
        # 12 points out of 10 (SLF003)
        Ind("效益指标", "社会效益指标", "居民健康素养水平", "≥28%", "29.1%", "10", "12",
            target_parsed=("≥", "28", "%"), actual_parsed=(None, "29.1", "%")),
        Ind("效益指标", "可持续影响指标", "基层医疗服务能力", "持续提升", "持续提升", "10", "10"),
        # a measure made of stock phrases (SLF007)
        Ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "86%", "20", "16",
            deviation="部分群众对就诊等候时间不满意；改进措施：加强学习，细化措施",
            reason="部分群众对就诊等候时间不满意", measure="加强学习，细化措施",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "86", "%")),
    ],
    # 10 + 20 + 15 + 15 + 12 + 10 + 16 = 98, printed 95 (SLF004)
    total_max="100", total_score="95",
    findings=[
        ("SLF001", "资金总额", "执行率"), ("SLF002", "资金总额", "得分"),
        ("SLF003", "居民健康素养水平", "得分"), ("SLF004", "总分", "得分"),
        ("SLF005", "传染病报告及时率", "得分"), ("SLF007", "服务对象满意度", "改进措施"),
    ],
)

# A project table on a finance portal (HTML): an unmet indicator with a blank deviation (SLF006).
INSURANCE = Table(
    file_name="城乡居民基本医疗保险参保补助项目支出绩效自评表.html",
    layout="gansu", kind="project", unit="甘州区医疗保障局", year=2024, amount_unit="万元",
    project="城乡居民基本医疗保险参保补助", department="张掖市医疗保障局", implementing_unit="甘州区医疗保障局",
    lines=[
        Line("资金总额", "年度资金总额", "520.00", "560.00", "532.00", "10", "95.00%", "9.5"),
        Line("财政拨款", "其中：当年财政拨款", "500.00", "540.00", "512.00", "—", "94.81%", "—"),
        Line("上年结转", "上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—"),
        Line("其他资金", "其他资金", "20.00", "20.00", "20.00", "—", "100.00%", "—"),
    ],
    goal_expected="按标准落实城乡居民医保参保财政补助，参保人数不少于45万人，待遇按时足额支付。",
    goal_actual="全年参保44.2万人，补助资金全部到位，待遇支付及时。",
    indicators=[
        Ind("产出指标", "数量指标", "参保人数", "≥45万人", "44.2万人", "30", "27",
            target_parsed=("≥", "45", "万人"), actual_parsed=(None, "44.2", "万人")),
        Ind("产出指标", "质量指标", "补助资金到位率", "100%", "100%", "20", "20",
            target_parsed=(None, "100", "%"), actual_parsed=(None, "100", "%")),
        Ind("效益指标", "社会效益指标", "待遇支付及时率", "≥98%", "99%", "20", "20",
            target_parsed=("≥", "98", "%"), actual_parsed=(None, "99", "%")),
        Ind("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "92%", "20", "20",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "92", "%")),
    ],
    total_max="100", total_score="96.5",
    findings=[("SLF006", "参保人数", "改进措施")],
)

# Written blind, as a new user would find it: a Sichuan-style project table (PDF) with amounts in
# 元, 执行率 header “(B/A)”, scores in the 一级 labels, 指标方向 / 指标值 / 度量单位 in separate
# columns and 偏差原因 / 改进措施 in separate columns. Clean: no finding.
NUTRITION = Table(
    file_name="古蔺县教育和体育局义务教育学生营养改善计划项目支出绩效自评表.pdf",
    layout="sichuan", kind="project", unit="古蔺县教育和体育局", year=2024, amount_unit="元",
    project="义务教育学生营养改善计划", department="古蔺县教育和体育局", implementing_unit="古蔺县教育和体育局",
    lines=[
        Line("资金总额", "年度资金总额", "12,860,000.00", "13,250,000.00", "13,116,480.00", "10", "98.99%", "9.90"),
        Line("财政拨款", "其中：财政拨款", "12,860,000.00", "13,250,000.00", "13,116,480.00", "—", "98.99%", "—"),
        Line("其他资金", "其他资金", "0.00", "0.00", "0.00", "—", "—", "—"),
    ],
    goal_expected="为全县农村义务教育学生提供营养膳食补助，每生每天5元，改善学生营养健康状况。",
    goal_actual="全年惠及学生42315人，补助标准落实到位，未发生食品安全事故。",
    indicators=[
        Ind("产出指标", "数量指标", "受益学生人数", "", "42315", "20", "20", level1_points="50",
            op="≥", value="42000", unit="人",
            target_parsed=("≥", "42000", "人"), actual_parsed=(None, "42315", "人")),
        Ind("产出指标", "质量指标", "食品安全事故发生次数", "", "0", "15", "15", level1_points="50",
            op="≤", value="0", unit="次",
            target_parsed=("≤", "0", "次"), actual_parsed=(None, "0", "次")),
        Ind("产出指标", "成本指标", "每生每天补助标准", "", "5", "15", "15", level1_points="50",
            op="=", value="5", unit="元",
            target_parsed=("=", "5", "元"), actual_parsed=(None, "5", "元")),
        Ind("效益指标", "社会效益指标", "学生营养健康状况", "", "有效改善", "30", "30", level1_points="30",
            op="定性", value="有效改善", unit=""),
        Ind("满意度指标", "服务对象满意度指标", "学生家长满意度", "", "93.5", "10", "9", level1_points="10",
            op="≥", value="95", unit="%",
            deviation="部分家长对菜品种类有意见", reason="部分家长对菜品种类有意见",
            measure="2025年春季学期开学前由学生资助中心牵头调整食谱",
            target_parsed=("≥", "95", "%"), actual_parsed=(None, "93.5", "%")),
    ],
    total_max="100", total_score="98.90",
)

# Written blind: a Hubei-style unit table (Excel, all cells text) with 填报单位（盖章）, 调整后预算数 /
# 实际支出数, 基本支出 / 项目支出 lines, the overall goal inline (“预期目标：…”), 全年完成值 and
# 未完成原因和改进措施 (“原因：…；措施：…”). Clean: no finding.
AGRICULTURE = Table(
    file_name="宣恩县农业农村局2024年度部门整体绩效自评表.xlsx",
    layout="hubei", kind="unit", unit="宣恩县农业农村局", year=2024, amount_unit="万元",
    lines=[
        Line("合计", "部门预算总额", "3568.20", "3712.46", "3616.32", "10", "97.41%", "9.74"),
        Line("基本支出", "其中：基本支出", "2980.50", "3010.46", "3005.12", "", "99.82%", ""),
        Line("项目支出", "项目支出", "587.70", "702.00", "611.20", "", "87.07%", ""),
    ],
    goal_expected="完成高标准农田建设1.2万亩，推进农村人居环境整治全覆盖，开展农技培训3000人次以上。",
    goal_actual="建成高标准农田1.25万亩，人居环境整治覆盖96%的村，培训农技人员3120人次。",
    indicators=[
        Ind("履职效能", "重点工作", "高标准农田建设面积", "≥1.2万亩", "1.25万亩", "15", "15",
            target_parsed=("≥", "1.2", "万亩"), actual_parsed=(None, "1.25", "万亩")),
        Ind("履职效能", "重点工作", "农村人居环境整治村覆盖率", "100%", "96%", "15", "13",
            deviation="原因：2个村因拆迁规划调整暂缓整治；措施：由乡村建设股负责，2025年6月底前完成剩余村整治",
            reason="2个村因拆迁规划调整暂缓整治", measure="由乡村建设股负责，2025年6月底前完成剩余村整治",
            target_parsed=(None, "100", "%"), actual_parsed=(None, "96", "%")),
        Ind("履职效能", "公共服务", "农技培训人次", "≥3000人次", "3120人次", "10", "10",
            target_parsed=("≥", "3000", "人次"), actual_parsed=(None, "3120", "人次")),
        Ind("管理效率", "预算管理", "预算执行率", "≥95%", "97.41%", "20", "20",
            target_parsed=("≥", "95", "%"), actual_parsed=(None, "97.41", "%")),
        Ind("管理效率", "资产管理", "资产管理规范性", "规范", "规范", "10", "10"),
        Ind("社会效应", "满意度", "农户满意度", "≥90%", "91.5%", "20", "20",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "91.5", "%")),
    ],
    total_max="100", total_score="97.74",
)

# Written blind: a Word file with two project tables, each printed as two Word tables (the budget
# block with the project's header rows, then the goal and indicators under a caption), the way a
# budget system's export is pasted into a report. A measure without a reason (SLF006) and a blank
# actual of a met indicator.
_CULTURE = Table(
    file_name="某区文化旅游体育局2024年度项目支出绩效自评表.docx",
    layout="split", kind="project", unit="某区文化馆", year=2024, amount_unit="万元",
    project="公共文化服务体系建设", department="某区文化旅游体育局", implementing_unit="某区文化馆",
    lines=[
        Line("资金总额", "年度资金总额", "80.00", "86.00", "86.00", "10", "100%", "10"),
        Line("财政拨款", "其中：当年财政拨款", "80.00", "86.00", "86.00", "—", "100%", "—"),
        Line("上年结转", "上年结转资金", "—", "—", "—", "—", "—", "—"),
        Line("其他资金", "其他资金", "—", "—", "—", "—", "—", "—"),
    ],
    goal_expected="开展群众文化活动不少于120场，公共文化场馆全年免费开放。",
    goal_actual="开展群众文化活动126场，场馆免费开放全年无间断。",
    indicators=[
        Ind("产出指标", "数量指标", "群众文化活动场次", "≥120场", "126场", "40", "40",
            target_parsed=("≥", "120", "场"), actual_parsed=(None, "126", "场")),
        Ind("产出指标", "质量指标", "场馆免费开放率", "100%", "", "20", "20",
            target_parsed=(None, "100", "%")),
        Ind("效益指标", "社会效益指标", "群众文化参与度", "明显提升", "明显提升", "20", "20"),
        Ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "93", "%")),
    ],
    total_max="100", total_score="100",
)
_FITNESS = Table(
    file_name=_CULTURE.file_name,
    layout="split", kind="project", unit="某区全民健身中心", year=2024, amount_unit="万元",
    project="全民健身设施维护", department="某区文化旅游体育局", implementing_unit="某区全民健身中心",
    lines=[
        Line("资金总额", "年度资金总额", "45.00", "45.00", "40.50", "10", "90%", "9"),
        Line("财政拨款", "其中：当年财政拨款", "45.00", "45.00", "40.50", "—", "90%", "—"),
        Line("上年结转", "上年结转资金", "—", "—", "—", "—", "—", "—"),
        Line("其他资金", "其他资金", "—", "—", "—", "—", "—", "—"),
    ],
    goal_expected="维护村（社区）健身路径60处，设施完好率不低于95%。",
    goal_actual="维护健身路径52处，设施完好率96%。",
    indicators=[
        Ind("产出指标", "数量指标", "健身路径维护处数", "≥60处", "52处", "40", "34",
            deviation="下一步将于2025年4月底前由体育股完成剩余8处维护",
            reason=None, measure="下一步将于2025年4月底前由体育股完成剩余8处维护",
            target_parsed=("≥", "60", "处"), actual_parsed=(None, "52", "处")),
        Ind("产出指标", "质量指标", "设施完好率", "≥95%", "96%", "20", "20",
            target_parsed=("≥", "95", "%"), actual_parsed=(None, "96", "%")),
        Ind("效益指标", "社会效益指标", "群众健身便利程度", "有效提高", "有效提高", "20", "20"),
        Ind("满意度指标", "服务对象满意度指标", "健身群众满意度", "≥90%", "91%", "10", "10",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "91", "%")),
    ],
    total_max="100", total_score="93",
    findings=[("SLF006", "健身路径维护处数", "改进措施")],
)
_CULTURE.more = [_FITNESS]
CULTURE = _CULTURE

# A town's unit table printed to PDF from Excel (numeric cells, amounts in 元), clean.
TOWN = Table(
    file_name="河西镇人民政府2024年度部门整体支出绩效自评表.pdf",
    layout="gansu", kind="unit", unit="河西镇人民政府", year=2024, amount_unit="元", pdf_from="xlsx",
    lines=[
        Line("资金总额", "年度资金总额", "8652300.00", "9015800.00", "8879240.00", "10", "98.49%", "9.85"),
        Line("财政拨款", "其中：当年财政拨款", "8552300.00", "8915800.00", "8779240.00", "—", "98.47%", "—"),
        Line("上年结转", "上年结转资金", "0.00", "0.00", "0.00", "—", "—", "—"),
        Line("其他资金", "其他资金", "100000.00", "100000.00", "100000.00", "—", "100.00%", "—"),
    ],
    goal_expected="保障镇机关和村级组织正常运转，完成乡村振兴、基层治理各项任务。",
    goal_actual="机关和村级组织运转正常，乡村振兴重点任务全部完成。",
    indicators=[
        Ind("部门管理", "资金投入", "预算执行率", "≥95%", "98.49%", "20", "20",
            target_parsed=("≥", "95", "%"), actual_parsed=(None, "98.49", "%")),
        Ind("部门管理", "财务管理", "财务制度健全性", "健全", "健全", "20", "20"),
        Ind("部门履职", "重点履职", "村级组织运转保障率", "100%", "100%", "30", "30",
            target_parsed=(None, "100", "%"), actual_parsed=(None, "100", "%")),
        Ind("部门效果", "服务对象满意度", "群众满意度", "≥90%", "92%", "20", "20",
            target_parsed=("≥", "90", "%"), actual_parsed=(None, "92", "%")),
    ],
    total_max="100", total_score="99.85",
)

SELF_EVAL_FIXTURES = [HEALTH, INSURANCE, NUTRITION, AGRICULTURE, CULTURE, TOWN]

__all__ = ["Line", "Ind", "Table", "NANJIE_SELF_EVAL", "SELF_EVAL_FIXTURES"]
