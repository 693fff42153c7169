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
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from fixturegen.folders import write_json
from fixturegen.unseen_targets_data import D, PLANTED, T2, TABLES, Table, wan
from fixturegen.unseen_targets_render import (
    make_beijing, make_central, make_gansu, make_guangdong, make_henan, make_hubei, make_sichuan)


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


def generate(fixtures: Path) -> None:
    check_counts()
    out, expected = fixtures / "unseen-targets", fixtures / "expected" / "unseen-targets"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    expected.mkdir(parents=True, exist_ok=True)
    for old in expected.glob("*.json"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="unseen-targets-") as tmp:
        work = Path(tmp)
        make_central(out / DOCUMENTS[0][0])
        made = make_gansu(out / DOCUMENTS[1][0], work)
        assert made.name == DOCUMENTS[1][0], made
        make_hubei(out / DOCUMENTS[2][0])
        make_guangdong(out / DOCUMENTS[3][0])
        make_beijing(out / DOCUMENTS[4][0])
        make_sichuan(out / DOCUMENTS[5][0])
        made = make_henan(out / DOCUMENTS[6][0], work)
        assert made.name == DOCUMENTS[6][0], made
    for name, fmt, ids in DOCUMENTS:
        data = {"file": name, "format": fmt, "kind": "targets", "tables": [expected_table(TABLES[i]) for i in ids]}
        write_json(expected / f"{name}.json", data, indent=1)
    write_json(expected / "findings.json", expected_findings(), indent=1)
    print(f"  {len(DOCUMENTS)} documents in {out.relative_to(fixtures)}")
