"""Write the evaluator-input form of the nanjie-2024 sample submission:
fixtures/nanjie-2024/南街街道办事处2024年度评分录入表.yaml.

The scores and reasons are the seed report's evaluators' judgements (seed 000_c25275e8f1d8d58b:
四 评估结论 gives A 24/30, B 20/20, C 11/15, D 10/10, E 17/25; 五 存在问题 gives the reasons) for
the sub-indicators the rubric scores by hand, plus E1 and E3, whose automatic rules need the
final accounts and the self-evaluation, which this sample does not contain. The automatic
sub-indicators A2, A3 and E2 are not in the form: the rules score them from the documents.
"""

from __future__ import annotations

from pathlib import Path

import yaml

FILE = Path("nanjie-2024") / "南街街道办事处2024年度评分录入表.yaml"

EVALUATOR = "蒙立铖"  # the seed's 主评人
SCORES = [
    ("A1", "目标依据充分性", 10, 10, ""),
    ("B1", "编报及时性", 10, 10, ""),
    ("B2", "编报质量", 10, 10, ""),
    ("C1", "内部审核质量", 10, 7,
     "内部审核虽全面但深度不足，尤其对绩效指标的合理性和细化程度审核不严，审核未发现“部门履职目标”“部门效果目标”等仅有一条总体指标。"),
    ("C2", "审核程序规范性", 5, 4,
     "审核程序对指标专业性把关不足，未要求“服务对象满意度”按服务对象类型（居民、企业、社区工作者等）分层设定。"),
    ("D1", "公开及时性", 5, 5, ""),
    ("D2", "公开规范性", 5, 5, ""),
    ("E1", "预算执行应用", 5, 5, "预算安排资金1164.62万元，实际支出1164.62万元，预算执行率100.00%，不扣分。"),
    ("E3", "绩效评价应用", 5, 3,
     "自评工作虽完成但流于形式，对未完成指标仅标注原因而未提出整改措施，评价结果未能有效反馈至下年度目标设定或预算调整中。"),
    ("E4", "管理改进应用", 10, 7,
     "虽提出“加强学习”“细化措施”等改进方向，但2025年目标设置仍未优化，重点履职指标仅保留“电费缴纳次数”一条，"
     "服务对象满意度也未细化，改进措施未能有效转化为实际管理提升。"),
]


def generate(fixtures: Path) -> None:
    data = {
        "jixiao": "评分录入表",
        "rubric": "ganzhou-2024",
        "unit": "南街街道办事处",
        "year": 2024,
        "evaluator": EVALUATOR,
        "scores": [
            {"code": code, "name": name, "points": points, "score": score, "reasoning": reason, "evaluator": EVALUATOR}
            for code, name, points, score, reason in SCORES
        ],
    }
    # The header names the generator's former path; it is kept so that the committed file stays as is.
    head = "# 评分录入表（评估人对需人工评分的二级指标的判断，取自评估报告）。由 tools/make_evaluator_inputs.py 生成。\n"
    out = fixtures / FILE
    out.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    print(f"  {FILE}")
