"""An independent, deliberately simple re-computation of the target rules on expected records.

It reads only the expected-records JSON (dicts) of 绩效目标表 documents and implements the rule
texts of TGT001–TGT008 (the issue's spec) directly, so the findings a fixture folder declares are
checked against its figures. It shares no code with `checks/` nor with the generator's data.
LNK001/LNK002 need monitoring records beside the targets; the target fixtures carry none that
differ from their approved indicators, so they are not recomputed here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

RULES_YAML = Path(__file__).resolve().parents[2] / "checks" / "rules.yaml"
DEFAULT_BENCHMARK = Decimal(80)
VAGUE = ("规范", "健全", "完整", "满意", "较好", "良好", "提升", "有效提升", "达标", "明显", "显著", "逐步")
REQUIRED = {"unit": ("部门管理", "部门履职", "部门效果"), "project": ("产出指标", "效益指标", "满意度指标")}
KEY_SECTIONS = {"unit": ("部门履职", "部门效果"), "project": ("产出指标", "效益指标")}
GROUP_WORDS = ("居民", "群众", "企业", "社区工作者", "患者", "学生", "家长", "服务对象群体")
BUDGET_WORDS = ("预算", "资金", "支出", "安排", "经费")
_QUOTED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*万元")
_NOT_NAME = re.compile(r"[\s\"'“”‘’「」『』()（）\[\]【】《》<>、，,。.:：;；·]")


def benchmark() -> Decimal:
    """settings.quantitative_benchmark of checks/rules.yaml when set, else 80."""
    if RULES_YAML.is_file():
        cfg = yaml.safe_load(RULES_YAML.read_text(encoding="utf-8")) or {}
        value = (cfg.get("settings") or {}).get("quantitative_benchmark")
        if value is not None:
            return Decimal(str(value))
    return DEFAULT_BENCHMARK


def fold(text: str) -> str:
    return _NOT_NAME.sub("", unicodedata.normalize("NFKC", text))


def _d(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _half(amount_unit: str) -> Decimal:
    """Half of one printed cent, in 万元 (every target fixture prints amounts with two decimals)."""
    return Decimal("0.005") / (Decimal(10000) if amount_unit == "元" else 1)


def _finding(rule: str, t: dict, line: str, column: str) -> dict:
    return {"rule_id": rule, "unit": t["unit"], "period_months": None, "year": t["year"],
            "project": t["project"] or "", "line": line, "column": column}


def table_findings(t: dict, bench: Decimal) -> list[dict]:
    out: list[dict] = []
    inds = t["indicators"]
    kind = t["kind"]
    # TGT001: share of quantitative indicators, in percent to 2 decimals, against the benchmark.
    if inds:
        share = (Decimal(sum(i["quantitative"] for i in inds)) * 100 / len(inds)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)
        if share < bench:
            out.append(_finding("TGT001", t, "", "指标值"))
    # TGT002: a qualitative value made of a vague word.
    for i in inds:
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", i["value"]))
        if not i["quantitative"] and any(w in text for w in VAGUE):
            out.append(_finding("TGT002", t, i["level3"], "指标值"))
    # TGT003 / TGT004: sections.
    sections: dict[str, list[dict]] = {}
    for i in inds:
        sections.setdefault(i["level1"], []).append(i)
    for name in REQUIRED[kind]:
        if name not in sections:
            out.append(_finding("TGT003", t, name, "一级指标"))
    for name in KEY_SECTIONS[kind]:
        rows = sections.get(name, [])
        if rows and (len(rows) == 1 or any(name in i["level3"] for i in rows)):
            out.append(_finding("TGT004", t, name, "三级指标"))
    # TGT005: satisfaction not split by group, or stated without a number.
    satisfaction = [i for i in inds if "满意度" in i["level3"]]
    if satisfaction and not any(g in i["level3"] for i in satisfaction for g in GROUP_WORDS):
        out.append(_finding("TGT005", t, "满意度", "三级指标"))
    for i in satisfaction:
        if i["number"] is None:
            out.append(_finding("TGT005", t, i["level3"], "指标值"))
    # TGT006: tasks, 金额合计, 资金总额 and its parts.
    half = _half(t["amount_unit"])
    amounts = [_d(k["amount"]) for k in t["tasks"]]
    total, tasks_total = _d(t["budget_total"]), _d(t["tasks_total"])
    if amounts and tasks_total is not None and abs(sum(amounts) - tasks_total) > half * (len(amounts) + 1):
        out.append(_finding("TGT006", t, "金额合计", "任务预算金额"))
    planned, slack = (tasks_total, half * 2) if tasks_total is not None else (
        (sum(amounts), half * (len(amounts) + 1)) if amounts else (None, None))
    if planned is not None and total is not None and abs(planned - total) > slack:
        out.append(_finding("TGT006", t, "资金总额", "金额合计"))
    fiscal, other = _d(t["budget_fiscal"]), _d(t["budget_other"])
    if total is not None and fiscal is not None and abs(total - fiscal - (other or 0)) > half * 3:
        out.append(_finding("TGT006", t, "资金总额", "财政拨款、其他资金"))
    # TGT007: an amount in the goal text, next to a budget word, that is not the budget.
    goal = t["goal_text"] or ""
    for m in _QUOTED.finditer(goal):
        window = goal[max(0, m.start() - 12): m.start()]
        quoted = Decimal(m.group(1).replace(",", ""))
        if total is not None and any(w in window for w in BUDGET_WORDS) and abs(quoted - total) > Decimal("0.005"):
            out.append(_finding("TGT007", t, "年度总体目标", "资金总额"))
    # TGT008: the same 三级 name twice.
    counts = Counter(fold(i["level3"]) for i in inds)
    for i in inds:
        if counts[fold(i["level3"])] > 1:
            out.append(_finding("TGT008", t, i["level3"], "三级指标"))
    return out


def findings(documents: list[dict]) -> list[dict]:
    """Every target finding the rules must produce on a folder, from its target expected records."""
    bench = benchmark()
    out = [f for doc in documents if doc["kind"] == "targets" for t in doc["tables"]
           for f in table_findings(t, bench)]
    unique = {tuple(sorted(f.items())): f for f in out}
    key = lambda f: (f["rule_id"], f["unit"], f["year"], f["project"], f["line"], f["column"])  # noqa: E731
    return sorted(unique.values(), key=key)
