"""The target-table fixtures' figures: the single source of truth for every 绩效目标表 document,
its expected records and its findings.

Amounts are written as printed, in the table's own unit (元 or 万元). Every indicator value states
explicitly what a reader takes from it (operator, number as printed, unit, quantitative); the
helpers below only spell the common writings (`≥90%`) out of their parts.
"""

from __future__ import annotations

from decimal import Decimal

from fixturegen.targets_model import TDoc, TExpect, TIndicator, Task, TStyle, TTable, Value

D = Decimal


def q(text: str, op: str | None, number: str, unit: str | None) -> Value:
    """A quantitative value written in one cell, e.g. q("不少于12次", "≥", "12", "次")."""
    return Value(text, op, number, unit, True)


def ge(number: str, unit: str = "%") -> Value:
    return q(f"≥{number}{unit}", "≥", number, unit or None)


def le(number: str, unit: str = "%") -> Value:
    return q(f"≤{number}{unit}", "≤", number, unit or None)


def n(number: str, unit: str = "%") -> Value:
    """A bare number with its unit: `100%`, `120人`."""
    return q(f"{number}{unit}", None, number, unit or None)


def word(text: str) -> Value:
    """A qualitative value: it states no number."""
    return Value(text)


def due(text: str) -> Value:
    """A deadline (`12月底前`): measurable, but a date, not a number."""
    return Value(text, "≤" if text.endswith("前") else None, None, "日期", True)


_OPERATORS = {"≥": "≥", "≤": "≤", "=": "=", "＞": ">", ">": ">", "＜": "<", "<": "<"}


def col(direction: str, number: str, unit: str = "") -> Value:
    """指标方向 | 指标值 | 度量单位 as three cells; a reader sees them joined."""
    return Value(direction + number + unit, _OPERATORS[direction], number, unit or None, True,
                 cells=(direction, number, unit))


def col_word(text: str) -> Value:
    return Value(text, cells=("", text, ""))


def nat(value: str, unit: str = "") -> Value:
    """指标性质 定量 | 指标值 (operator and number) | 度量单位; the 性质 cell is not part of the value."""
    op = next((_OPERATORS[s] for s in _OPERATORS if value.startswith(s)), None)
    number = value[1:] if op else value
    return Value(value + unit, op, number, unit or None, True, cells=("定量", value, unit))


def nat_word(text: str) -> Value:
    return Value(text, cells=("定性", text, ""))


def ti(l1: str, l2: str, l3: str, value: Value) -> TIndicator:
    return TIndicator(l1, l2, l3, value)


M, R, E = "部门管理", "部门履职", "部门效果"
O, B, S = "产出指标", "效益指标", "满意度指标"


# ---------------------------------------------------------------------------------------------
# nanjie-2024: figures fixed by the spec (the seed report's 2024 table and its 2025 successor).

NANJIE = "南街街道办事处"
NANJIE_GOAL = (
    "{year}年通过缴纳街道、社区水费、电费、电话网络费，报销差旅费，购置各类办公用品及印刷各类宣传版面、资料，"
    "足额发放各社区民选副主任及社区工作者工资及社保等工作，支出不超过预算{amount}万元，不断促进街道社区精神文明和"
    "物质文明建设，进一步做到改革、发展、稳定相互协调、相互促进，有效保障基层工作有条不紊的进行，为街道社区各项"
    "事业又好又快发展提供可靠的组织保障，同时调整优化街道工作力量，着力提升队伍带动力，推动社区基层治理和基层"
    "党建工作更好发展。"
)
NANJIE_TASKS = (
    ("人员经费保障", "足额发放各社区民选副主任及社区工作者工资及社保"),
    ("日常运转保障", "缴纳街道、社区水费、电费、电话网络费，报销差旅费"),
    ("宣传及办公保障", "购置各类办公用品及印刷各类宣传版面、资料"),
)


def nanjie_management() -> list[TIndicator]:
    """The 13 部门管理 rows both years carry (6 of them quantitative)."""
    return [
        ti(M, "资金投入", "预算编制完整性", word("完整")),
        ti(M, "资金投入", "基本支出预算执行率", n("100")),
        ti(M, "资金投入", "项目支出预算执行率", ge("90")),
        ti(M, "资金投入", "“三公经费”控制率", le("100")),
        ti(M, "财务管理", "财务管理制度健全性", word("健全")),
        ti(M, "财务管理", "资金使用合规性", word("规范")),
        ti(M, "采购管理", "政府采购规范性", word("规范")),
        ti(M, "资产管理", "资产管理规范性", word("规范")),
        ti(M, "资产管理", "固定资产利用率", ge("95")),
        ti(M, "人员管理", "在职人员控制率", le("100")),
        ti(M, "人员管理", "人员管理制度健全性", word("健全")),
        ti(M, "制度管理", "内控制度健全性", word("健全")),
        ti(M, "制度管理", "公用经费控制率", le("100")),
    ]


def nanjie_effect() -> list[TIndicator]:
    return [
        ti(E, "社会效益", "部门效果达标率", word("达标")),
        ti(E, "服务对象满意度", "服务对象满意度", word("满意")),
        ti(E, "社会影响满意度", "社会影响满意度", word("较好")),
    ]


def nanjie_style(year: int, **kw) -> TStyle:
    return TStyle(title=f"{NANJIE}{year}年度部门整体支出绩效目标表",
                  before=[(f"填报单位（盖章）：{NANJIE}", "单位：万元")],
                  meta=[[("部门（单位）名称", NANJIE)]],
                  budget_section="年度预算（万元）",
                  **kw)


def nanjie_target_docs() -> list[TDoc]:
    sub = "nanjie-2024"
    t24 = TTable(
        "unit", NANJIE, 2024, "万元", D("1164.62"), D("1164.62"), D(0),
        NANJIE_GOAL.format(year=2024, amount="1286.43"),
        nanjie_management() + [ti(R, "重点履职", "部门履职情况提升性", word("有效提升"))] + nanjie_effect(),
        nanjie_style(2024, split=True, zero="—", row_height_cm=1.05,
                     after=[("单位负责人：", "填报日期：2024年2月26日")]),
        tasks=[Task(name, content, D(a)) for (name, content), a in zip(
            NANJIE_TASKS, ("958.63", "71.62", "134.37"), strict=True)],
        tasks_total=D("1164.62"),
    )
    t25 = TTable(
        "unit", NANJIE, 2025, "万元", D("1198.40"), D("1198.40"), D(0),
        NANJIE_GOAL.format(year=2025, amount="1198.40"),
        nanjie_management() + [ti(R, "重点履职", "电费缴纳次数", n("12", "次"))] + nanjie_effect(),
        nanjie_style(2025, after=[("单位负责人：", "填报日期：2025年2月24日")]),
        tasks=[Task(name, content, D(a)) for (name, content), a in zip(
            NANJIE_TASKS, ("985.20", "73.50", "139.70"), strict=True)],
        tasks_total=D("1198.40"),
    )
    return [
        TDoc(sub, f"{NANJIE}2024年度部门整体支出绩效目标表.pdf", "pdf", [t24], source="docx",
             expect=[TExpect("TGT004", R), TExpect("TGT004", E),
                     TExpect("TGT005", "满意度", "三级指标"), TExpect("TGT005", "服务对象满意度", "指标值"),
                     TExpect("TGT005", "社会影响满意度", "指标值"),
                     TExpect("TGT007", "年度总体目标")],
             note="预算系统导出样式（Word 转 PDF）；指标表跨两页、表头重复；目标文本引用1286.43万元而预算为1164.62万元"),
        TDoc(sub, f"{NANJIE}2025年度部门整体支出绩效目标表.docx", "docx", [t25],
             expect=[TExpect("TGT004", R), TExpect("TGT004", E),
                     TExpect("TGT005", "满意度", "三级指标"), TExpect("TGT005", "服务对象满意度", "指标值"),
                     TExpect("TGT005", "社会影响满意度", "指标值")],
             note="次年目标表：问题依旧（部门履职只有一个指标“电费缴纳次数”）"),
    ]


# ---------------------------------------------------------------------------------------------
# targets: fictitious units and projects, every format and layout, each planted error in its own
# document; TGT001/TGT002 follow from the values wherever they are vague or mostly qualitative.


def donghu() -> TDoc:
    """Clean unit-wide table: label/value budget rows, tasks with 金额合计, one value column."""
    unit = "东湖街道办事处"
    table = TTable(
        "unit", unit, 2024, "万元", D("898.50"), D("862.50"), D("36.00"),
        "2024年安排资金898.50万元，保障街道机关及12个社区正常运转，完成网格化管理、矛盾纠纷调处、困难群众帮扶"
        "等重点工作，辖区居民和企业对街道服务的满意度分别达到90%和85%以上。",
        [
            ti(M, "资金投入", "基本支出预算执行率", n("100")),
            ti(M, "资金投入", "项目支出预算执行率", ge("90")),
            ti(M, "资金投入", "“三公经费”控制率", le("100")),
            ti(M, "财务管理", "财务检查问题整改率", n("100")),
            ti(M, "采购管理", "政府采购执行率", q("不低于90%", "≥", "90", "%")),
            ti(M, "资产管理", "固定资产账实相符率", n("100")),
            ti(M, "人员管理", "在职人员控制率", le("100")),
            ti(M, "制度管理", "内控制度执行检查次数", ge("4", "次")),
            ti(R, "重点履职", "专职网格员配备人数", n("120", "人")),
            ti(R, "重点履职", "矛盾纠纷调处成功率", ge("95")),
            ti(R, "重点履职", "入户走访困难群众次数", q("不少于12次", "≥", "12", "次")),
            ti(R, "重点履职", "老旧小区改造完工时间", due("12月底前")),
            ti(E, "社会效益", "辖区刑事案件发案数下降幅度", ge("5")),
            ti(E, "服务对象满意度", "居民满意度", ge("90")),
            ti(E, "服务对象满意度", "企业满意度", ge("85")),
        ],
        TStyle(title=f"{unit}2024年度部门整体支出绩效目标表",
               before=[("", "单位：万元")],
               meta=[[("部门（单位）名称", unit), ("年度", "2024年")]],
               budget_section="年度预算（万元）",
               thousands=False),
        tasks=[Task("人员经费保障", "发放在职人员及社区工作者工资、社保及住房公积金", D("702.30")),
               Task("日常运转保障", "水电暖费、办公费、差旅费等公用经费支出", D("96.20")),
               Task("社区治理及民生服务", "网格化管理、矛盾纠纷调处、困难群众帮扶", D("100.00"))],
        tasks_total=D("898.50"),
    )
    return TDoc("targets", f"{unit}2024年度部门整体支出绩效目标表.xlsx", "xlsx", [table], sheet="目标表",
                note="无问题的部门整体目标表；满意度按居民、企业分列并量化")


def qinghe() -> TDoc:
    """Unit-wide table in 元, budget as a header row over a value row, 指标方向 | 指标值 | 度量单位,
    long enough that the indicator table runs over two PDF pages."""
    unit = "青河县教育局"
    table = TTable(
        "unit", unit, 2024, "元", D("47113200.00"), D("45863200.00"), D("1250000.00"),
        "2024年安排部门预算资金4711.32万元，保障全县32所中小学校及幼儿园正常运转，改善6所义务教育薄弱学校办学"
        "条件，义务教育巩固率保持在96%以上，学前三年毛入园率达到95%以上。",
        [
            ti(M, "资金投入", "基本支出预算执行率", col("=", "100", "%")),
            ti(M, "资金投入", "项目支出预算执行率", col("≥", "90", "%")),
            ti(M, "资金投入", "“三公经费”控制率", col("≤", "100", "%")),
            ti(M, "财务管理", "财务管理制度健全性", col_word("健全")),
            ti(M, "财务管理", "会计信息质量抽查合格率", col("≥", "98", "%")),
            ti(M, "采购管理", "政府采购执行率", col("≥", "95", "%")),
            ti(M, "资产管理", "固定资产利用率", col("≥", "95", "%")),
            ti(M, "资产管理", "资产账实相符率", col("=", "100", "%")),
            ti(M, "人员管理", "在职人员控制率", col("≤", "100", "%")),
            ti(M, "人员管理", "教职工培训覆盖率", col("≥", "90", "%")),
            ti(M, "制度管理", "内控制度执行检查次数", col("≥", "2", "次")),
            ti(R, "义务教育", "义务教育巩固率", col("≥", "96", "%")),
            ti(R, "义务教育", "适龄儿童入学率", col("=", "100", "%")),
            ti(R, "义务教育", "薄弱学校改造数量", col("≥", "6", "所")),
            ti(R, "学前教育", "学前三年毛入园率", col("＞", "95")),
            ti(R, "学前教育", "普惠性幼儿园覆盖率", col("≥", "85", "%")),
            ti(R, "教师队伍", "教师培训人次", col("≥", "1500", "人次")),
            ti(R, "教育管理", "教育教学管理水平", col_word("有效提升")),
            ti(E, "社会效益", "高中阶段毛入学率", col("≥", "92", "%")),
            ti(E, "社会效益", "控辍保学动态清零率", col("=", "100", "%")),
            ti(E, "可持续影响", "校舍安全隐患排查整改率", col("=", "100", "%")),
            ti(E, "服务对象满意度", "学生满意度", col("≥", "90", "%")),
            ti(E, "服务对象满意度", "家长满意度", col("≥", "85", "%")),
        ],
        TStyle(title=f"{unit}2024年度部门整体支出绩效目标表",
               before=[(f"编报单位：{unit}", "单位：元")],
               after=[("单位负责人：赵卫东　　　财务负责人：孙丽", "填报日期：2024年2月20日")],
               meta=[[("部门（单位）名称", unit)]],
               budget="header", budget_labels=("年度资金总额", "财政拨款", "其他资金"),
               values="direction", split=True, row_height_cm=0.95, thousands=True),
        tasks=[Task("人员经费", "全县教职工工资福利及社会保障缴费", D("38652400.00")),
               Task("公用经费", "机关及直属单位日常运转", D("2460800.00")),
               Task("教育教学保障", "义务教育薄弱环节改善、教师培训", D("6000000.00"))],
        tasks_total=D("47113200.00"),
    )
    return TDoc("targets", f"{unit}2024年度部门整体支出绩效目标表.pdf", "pdf", [table], source="docx",
                note="单位：元；指标方向/指标值/度量单位分列；指标表跨两页、表头重复；两个定性指标（健全、有效提升）")


def linhe_projects() -> TDoc:
    """Two project tables on one finance-portal page (GBK)."""
    dept = "临河区教育局"

    def style(project: str, impl: str) -> TStyle:
        return TStyle(title="2024年度项目支出绩效目标表",
                      before=[("", "单位：万元")],
                      meta=[[("项目名称", project)], [("主管部门", dept), ("实施单位", impl)]],
                      budget_section="项目资金（万元）",
                      budget_labels=("年度资金总额", "其中：财政拨款", "其他资金"),
                      goal_label="年度绩效目标", zero="0")

    aid = "学生资助补助资金项目"
    aid_unit = "临河区学生资助管理中心"
    t1 = TTable(
        "project", dept, 2024, "万元", D("1164.62"), D("1164.62"), D(0),
        "按照国家资助政策，对家庭经济困难学生发放助学金、免除学杂费，确保应助尽助，助学金按月发放到位，"
        "受助学生满意度不低于90%。",
        [
            ti(O, "数量指标", "资助家庭经济困难学生人数", ge("3200", "人")),
            ti(O, "数量指标", "免除学杂费学生人数", ge("850", "人")),
            ti(O, "质量指标", "资助对象认定准确率", n("100")),
            ti(O, "时效指标", "助学金发放时间", word("按月发放")),
            ti(O, "成本指标", "资助资金总成本", q("不超过1164.62万元", "≤", "1164.62", "万元")),
            ti(B, "社会效益指标", "因贫失学辍学学生人数", n("0", "人")),
            ti(B, "可持续影响指标", "资助政策知晓率", q("≥ 90 %", "≥", "90", "%")),
            ti(S, "服务对象满意度指标", "受助学生满意度", q("不低于90%", "≥", "90", "%")),
            ti(S, "服务对象满意度指标", "学生家长满意度", ge("85")),
        ],
        style(aid, aid_unit), project=aid, department=dept, implementing_unit=aid_unit)
    talent = "教育人才引进补助项目"
    t2 = TTable(
        "project", dept, 2024, "万元", D("180.00"), D("150.00"), D("30.00"),
        "引进急需紧缺学科教师36名，按标准发放安家补助和生活补贴，年内安排资金180.00万元，新引进教师当年留任率达到"
        "95%以上。",
        [
            ti(O, "数量指标", "引进急需紧缺学科教师人数", ge("36", "人")),
            ti(O, "质量指标", "引进教师资格审核合格率", n("100")),
            ti(O, "时效指标", "补助资金拨付时间", due("2024年11月底前")),
            ti(O, "成本指标", "人均安家补助标准", le("5", "万元/人·年")),
            ti(B, "社会效益指标", "引进教师当年留任率", ge("95")),
            ti(B, "可持续影响指标", "引进教师服务期限", ge("5", "年")),
            ti(S, "服务对象满意度指标", "引进教师满意度", ge("90")),
            ti(S, "服务对象满意度指标", "受教学生满意度", ge("90")),
        ],
        style(talent, dept), project=talent, department=dept, implementing_unit=dept)
    return TDoc("targets", f"{dept}2024年度项目支出绩效目标表.html", "html", [t1, t2],
                encoding="gbk", portal=True,
                note="门户网页（GBK）；一页两张项目表；`≥ 90 %`、`按月发放`、`不超过1164.62万元`、`≤5万元/人·年`")


def xishan_project() -> TDoc:
    """Project table in 元 with 指标性质 | 指标值 | 度量单位; one indicator listed twice (TGT008)."""
    dept = "西山镇人民政府"
    project = "农村饮水安全巩固提升项目"
    impl = "西山镇水利站"
    table = TTable(
        "project", dept, 2024, "元", D("2600000.00"), D("2360000.00"), D("240000.00"),
        "新建及改造农村供水管网18公里，更换入户水表1200块，解决6个行政村4200名群众饮水安全问题，工程质量验收"
        "合格率达到100%。",
        [
            ti(O, "数量指标", "新建及改造供水管网长度", nat("≥18", "公里")),
            ti(O, "数量指标", "更换入户水表数量", nat("≥1200", "块")),
            ti(O, "数量指标", "受益群众人数", nat("≥4200", "人")),
            ti(O, "质量指标", "工程验收合格率", nat("=100", "%")),
            ti(O, "时效指标", "工程完工时间", nat_word("按时完成")),
            ti(O, "成本指标", "每公里管网改造成本", nat("≤12", "万元/公里")),
            ti(B, "社会效益指标", "农村自来水普及率", nat("≥98", "%")),
            ti(B, "社会效益指标", "受益群众人数", nat("≥4200", "人")),
            ti(B, "可持续影响指标", "供水工程设计使用年限", nat("≥15", "年")),
            ti(S, "服务对象满意度指标", "受益群众满意度", nat("≥90", "%")),
        ],
        TStyle(title="项目支出绩效目标表（2024年度）",
               before=[("", "金额单位：元")],
               meta=[[("项目名称", project)], [("主管部门", dept), ("实施单位", impl)]],
               budget_section="项目资金（元）",
               budget_labels=("年度资金总额", "其中：财政拨款", "其他资金"),
               goal_label="年度绩效目标", values="nature", thousands=True),
        project=project, department=dept, implementing_unit=impl)
    return TDoc("targets", f"{dept}2024年度{project}支出绩效目标表.docx", "docx", [table],
                expect=[TExpect("TGT008", "受益群众人数")],
                note="单位：元；指标性质/指标值/度量单位分列；“受益群众人数”重复出现")


def xishan_unit() -> TDoc:
    """Unit-wide table whose tasks do not add up to 金额合计 (TGT006); PDF from Excel."""
    unit = "西山镇人民政府"
    table = TTable(
        "unit", unit, 2024, "万元", D("1065.60"), D("1020.60"), D("45.00"),
        "保障镇机关及11个行政村正常运转，完成农村人居环境整治村庄15个、农村公路养护86公里，按时足额发放城乡低保"
        "资金，群众对政府服务满意度达到90%以上。",
        [
            ti(M, "资金投入", "基本支出预算执行率", n("100")),
            ti(M, "资金投入", "项目支出预算执行率", ge("90")),
            ti(M, "财务管理", "财务检查问题整改率", n("100")),
            ti(M, "采购管理", "政府采购执行率", ge("95")),
            ti(M, "资产管理", "固定资产账实相符率", n("100")),
            ti(M, "人员管理", "在职人员控制率", le("100")),
            ti(M, "制度管理", "内控制度执行检查次数", ge("2", "次")),
            ti(R, "重点履职", "农村人居环境整治村庄数量", ge("15", "个")),
            ti(R, "重点履职", "农村公路养护里程", ge("86", "公里")),
            ti(R, "民生保障", "城乡低保资金发放及时率", n("100")),
            ti(E, "社会效益", "农村生活垃圾无害化处理率", ge("90")),
            ti(E, "服务对象满意度", "辖区群众满意度", ge("90")),
            ti(E, "服务对象满意度", "辖区企业满意度", ge("85")),
        ],
        TStyle(title=f"{unit}2024年度部门整体支出绩效目标表",
               before=[(f"填报单位：{unit}", "单位：万元")],
               meta=[[("部门（单位）名称", unit)]],
               budget="header", budget_labels=("年度资金总额", "财政拨款", "其他资金"),
               thousands=True, landscape=True),
        tasks=[Task("人员经费保障", "镇机关及事业单位人员工资、社保及村干部报酬", D("812.40")),
               Task("公用经费保障", "办公费、水电费、公务用车运行维护费", D("88.20")),
               Task("乡村振兴及农村人居环境整治", "村庄环境整治、农村公路养护、垃圾清运", D("145.00"))],
        tasks_total=D("1065.60"),
    )
    return TDoc("targets", f"{unit}2024年度部门整体支出绩效目标表.pdf", "pdf", [table], source="xlsx",
                expect=[TExpect("TGT006", "金额合计", "任务预算金额")],
                note="由 Excel 转换的 PDF；任务金额之和1045.60≠金额合计1065.60")


def nanhu_unit() -> TDoc:
    """Unit-wide table whose goal text quotes another amount than the budget (TGT007); plain HTML."""
    unit = "南湖区市场监督管理局"
    table = TTable(
        "unit", unit, 2024, "万元", D("1562.80"), D("1562.80"), D(0),
        "2024年部门预算安排资金1652.80万元，完成食品安全监督抽检4500批次，投诉举报按时办结率达到98%以上，"
        "特种设备定期检验率100%，企业和群众对市场监管服务的满意度分别达到85%和90%以上。",
        [
            ti(M, "资金投入", "基本支出预算执行率", n("100")),
            ti(M, "资金投入", "项目支出预算执行率", ge("90")),
            ti(M, "资金投入", "“三公经费”控制率", le("100")),
            ti(M, "财务管理", "财务检查问题整改率", n("100")),
            ti(M, "采购管理", "政府采购执行率", ge("95")),
            ti(M, "资产管理", "资产账实相符率", n("100")),
            ti(M, "人员管理", "在职人员控制率", le("100")),
            ti(M, "制度管理", "内控制度执行检查次数", ge("2", "次")),
            ti(R, "市场监管", "食品安全监督抽检批次", ge("4500", "批次")),
            ti(R, "市场监管", "投诉举报按时办结率", ge("98")),
            ti(R, "市场监管", "特种设备定期检验率", n("100")),
            ti(R, "执法办案", "行政处罚案件办结率", ge("95")),
            ti(E, "社会效益", "食品安全抽检合格率", ge("97")),
            ti(E, "服务对象满意度", "企业满意度", ge("85")),
            ti(E, "服务对象满意度", "群众满意度", ge("90")),
        ],
        TStyle(title=f"{unit}2024年度部门整体支出绩效目标表",
               before=[("", "单位：万元")],
               meta=[[("部门（单位）名称", unit)]],
               budget_section="年度预算（万元）", zero="-"),
        tasks=[Task("人员经费", "在职人员工资福利及社会保障缴费", D("1208.50")),
               Task("公用经费", "机关及派出所日常运转", D("154.30")),
               Task("市场监管执法及食品安全抽检", "食品安全监督抽检、特种设备检验、执法装备购置", D("200.00"))],
        tasks_total=D("1562.80"),
    )
    return TDoc("targets", f"{unit}2024年度部门整体支出绩效目标表.html", "html", [table],
                expect=[TExpect("TGT007", "年度总体目标")],
                note="目标文本写“安排资金1652.80万元”，预算为1562.80万元")


def nanhu_project() -> TDoc:
    """Project table without 满意度指标 (TGT003); Excel with 指标方向 | 指标值 | 度量单位."""
    dept = "南湖区市场监督管理局"
    project = "食品安全抽检项目"
    impl = "南湖区食品药品检验检测中心"
    table = TTable(
        "project", dept, 2024, "万元", D("200.00"), D("200.00"), D(0),
        "完成食品安全监督抽检4500批次，覆盖全区24个农贸市场，不合格食品核查处置率100%，食品安全抽检合格率保持在97%以上。",
        [
            ti(O, "数量指标", "食品安全监督抽检批次", col("≥", "4500", "批次")),
            ti(O, "数量指标", "农贸市场快检覆盖数量", col("≥", "24", "个")),
            ti(O, "质量指标", "抽检样品检验报告准确率", col("=", "100", "%")),
            ti(O, "时效指标", "检验报告出具时限", col("≤", "20", "个工作日")),
            ti(O, "成本指标", "每批次抽检成本", col("≤", "450", "元")),
            ti(B, "社会效益指标", "不合格食品核查处置率", col("=", "100", "%")),
            ti(B, "社会效益指标", "食品安全抽检合格率", col("≥", "97", "%")),
            ti(B, "可持续影响指标", "食品安全风险隐患排查整改率", col("≥", "95", "%")),
        ],
        TStyle(title="2024年度项目支出绩效目标表",
               before=[("", "单位：万元")],
               meta=[[("项目名称", project)], [("主管部门", dept), ("实施单位", impl)]],
               budget="header", budget_labels=("年度资金总额", "财政拨款", "其他资金"),
               goal_label="年度绩效目标", values="direction", zero="0.00"),
        project=project, department=dept, implementing_unit=impl)
    return TDoc("targets", f"{dept}2024年度{project}支出绩效目标表.xlsx", "xlsx", [table], sheet="项目目标表",
                expect=[TExpect("TGT003", S)],
                note="项目表缺少满意度指标；指标方向/指标值/度量单位分列")


def beitang() -> TDoc:
    """Old-style unit-wide table: mostly vague qualitative values (TGT001, TGT002 only)."""
    unit = "北塘社区卫生服务中心"
    dept = "北塘区卫生健康局"
    table = TTable(
        "unit", unit, 2024, "万元", D("476.20"), D("356.20"), D("120.00"),
        "保障中心正常运转，做好辖区居民基本公共卫生服务和基本医疗服务，推进家庭医生签约服务，提高辖区居民健康水平。",
        [
            ti(M, "资金投入", "预算编制完整性", word("完整")),
            ti(M, "资金投入", "基本支出预算执行率", n("100")),
            ti(M, "财务管理", "财务管理制度健全性", word("健全")),
            ti(M, "财务管理", "资金使用合规性", word("规范")),
            ti(M, "资产管理", "资产管理规范性", word("规范")),
            ti(M, "人员管理", "人员管理制度健全性", word("健全")),
            ti(R, "重点履职", "居民电子健康档案建档率", ge("90")),
            ti(R, "重点履职", "家庭医生签约服务质量", word("良好")),
            ti(R, "公共卫生", "慢性病患者健康管理水平", word("有效提升")),
            ti(R, "公共卫生", "65岁以上老年人健康体检人数", ge("1800", "人")),
            ti(E, "社会效益", "基层卫生服务能力", word("较好")),
            ti(E, "服务对象满意度", "就诊患者满意度", ge("90")),
            ti(E, "服务对象满意度", "签约居民满意度", ge("85")),
        ],
        TStyle(title="2024年度部门整体支出绩效目标表",
               before=[("", "单位：万元")],
               meta=[[("部门（单位）名称", unit), ("主管部门", dept)]],
               budget_section="年度预算（万元）"),
        tasks=[Task("人员经费保障", "在职职工工资福利及社会保障缴费", D("298.60")),
               Task("基本公共卫生服务", "居民健康档案管理、慢性病随访、老年人健康体检", D("124.80")),
               Task("日常运转保障", "水电费、办公费、医疗设备维护", D("52.80"))],
        tasks_total=D("476.20"), department=dept,
    )
    return TDoc("targets", f"{unit}2024年度部门整体支出绩效目标表.docx", "docx", [table],
                note="多数指标为定性表述（完整、健全、规范、良好、有效提升、较好）")


def target_docs() -> list[TDoc]:
    return [donghu(), qinghe(), linhe_projects(), xishan_project(), xishan_unit(), nanhu_unit(),
            nanhu_project(), beitang()]


def all_target_docs() -> list[TDoc]:
    return nanjie_target_docs() + target_docs()
