"""An independent, deliberately simple re-computation of the monitoring rules on expected records.

It reads only the expected-records JSON (dicts), so it checks that the findings a fixture folder
declares follow from the figures it contains. It shares no code with `checks/`; it implements the
rule texts of MON001–MON008 directly, with the tolerances of domain.md.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import yaml

from fixturegen.model import RULE_COLUMNS

HUNDRED = Decimal(100)
SUMS = {"合计": ("基本支出", "项目支出"), "基本支出": ("人员经费", "公用经费"), "资金总额": ("财政拨款", "其他资金")}
AMOUNT_COLUMNS = {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "执行数"}
ADJUSTMENT_WORDS = ("调整", "追加", "调减", "调增", "追减")
BOILERPLATE_REASONS = ("不具备付款条件", "尚未支付", "正在推进", "按进度支付", "未到付款时间")
BOILERPLATE_MEASURES = ("加强学习", "细化措施", "加快进度", "加强管理", "加快支出进度", "加快执行进度")
FILLER_WORDS = ("部分", "项目", "尚", "暂", "目前", "由于", "因")
MIN_SUBSTANCE = 6  # Chinese characters left after removing boilerplate
RULES_YAML = Path(__file__).resolve().parents[2] / "checks" / "rules.yaml"


def thresholds() -> dict[int, Decimal]:
    with open(RULES_YAML, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh) or {}
    raw = (cfg.get("settings") or {}).get("execution_thresholds") or {}
    return {int(k): Decimal(str(v)) for k, v in raw.items()}


def threshold(months: int, table: dict[int, Decimal]) -> Decimal:
    points = {0: Decimal(0), 12: HUNDRED, **table}
    if months in points:
        return points[months]
    below = max(m for m in points if m < months)
    above = min(m for m in points if m > months)
    return points[below] + (points[above] - points[below]) * (months - below) / (above - below)


def half_unit(amount_unit: str) -> Decimal:
    """Half of one printed cent, in 万元 (every fixture prints amounts with two decimals)."""
    return Decimal("0.005") / (Decimal(10000) if amount_unit == "元" else 1)


def _d(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def rate_agrees(reported: str, executed: Decimal, annual: Decimal, half: Decimal) -> bool:
    decimals = len(reported.split(".", 1)[1]) if "." in reported else 0
    unit = Decimal(1).scaleb(-decimals)
    low = max(executed - half, Decimal(0)) / (annual + half) * HUNDRED
    high = (executed + half) / (annual - half) * HUNDRED
    value = Decimal(reported)
    distance = low - value if value < low else value - high if value > high else Decimal(0)
    return distance < unit


def substantive(text: str, boilerplate: tuple[str, ...]) -> bool:
    t = text
    for phrase in boilerplate + FILLER_WORDS:
        t = t.replace(phrase, "")
    return sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff") >= MIN_SUBSTANCE


_VALUE = re.compile(r"^(≥|≤|>|<|=)?\s*(\d+(?:\.\d+)?)\s*(.*)$")


def indicator_number(text: str) -> tuple[str | None, Decimal, str] | None:
    t = unicodedata.normalize("NFKC", text).strip()
    m = _VALUE.match(t)
    if not m:
        return None
    return m.group(1), Decimal(m.group(2)), m.group(3).strip()


def falls_short(target: str, forecast: str) -> bool:
    t, f = indicator_number(target), indicator_number(forecast)
    if t is None or f is None or (t[2] and f[2] and t[2] != f[2]):
        return False
    return f[1] > t[1] if t[0] in ("≤", "<") else f[1] < t[1]


def _finding(rule: str, rep: dict, line: str, column: str = "") -> dict:
    column = column or RULE_COLUMNS.get(rule, "")
    return {"rule_id": rule, "unit": rep["unit"], "period_months": rep["period_months"],
            "project": rep["project"] or "", "line": line, "column": column}


def report_findings(rep: dict, table: dict[int, Decimal]) -> list[dict]:
    out = []
    half = half_unit(rep["amount_unit"])
    lines = {ln["name"]: ln for ln in rep["lines"]}
    for ln in rep["lines"]:
        executed, annual = _d(ln["executed"]), _d(ln["annual_budget"])
        if ln["reported_rate"] is not None and executed is not None and annual and annual > 0:
            if not rate_agrees(ln["reported_rate"], executed, annual, half):
                out.append(_finding("MON001", rep, ln["name"], "执行率"))
        if executed is not None and annual and annual > 0:
            if executed / annual * HUNDRED < threshold(rep["period_months"], table):
                out.append(_finding("MON005", rep, ln["name"]))
                if not substantive(ln["deviation_reason"], BOILERPLATE_REASONS):
                    out.append(_finding("MON006", rep, ln["name"]))
                if not substantive(ln["measure"], BOILERPLATE_MEASURES):
                    out.append(_finding("MON007", rep, ln["name"]))
    for total, parts in SUMS.items():
        if total not in lines or not all(p in lines for p in parts):
            continue
        for key, column in AMOUNT_COLUMNS.items():
            values = [_d(lines[n][key]) for n in (total, *parts)]
            if any(v is None for v in values):
                continue
            if abs(values[0] - sum(values[1:])) > half * len(values):
                out.append(_finding("MON002", rep, total, column))
    for ind in rep["indicators"]:
        if ind["likelihood"] == "确定能" and falls_short(ind["target"], ind["forecast"]):
            out.append(_finding("MON008", rep, ind["level3"]))
    return out


def cross_period_findings(reports: list[dict]) -> list[dict]:
    out = []
    series: dict[tuple, list[tuple[dict, dict]]] = {}
    for rep in reports:
        for ln in rep["lines"]:
            key = (rep["unit"], rep["year"], rep["project"] or "", ln["name"])
            series.setdefault(key, []).append((rep, ln))
    for entries in series.values():
        entries.sort(key=lambda e: e[0]["period_months"])
        for i, (later, lnl) in enumerate(entries):
            for earlier, lne in entries[:i]:
                if earlier["period_months"] == later["period_months"]:
                    continue
                same = earlier["amount_unit"] == later["amount_unit"]
                slack = Decimal(0) if same else half_unit(earlier["amount_unit"]) + half_unit(later["amount_unit"])
                ex_l, ex_e = _d(lnl["executed"]), _d(lne["executed"])
                if ex_l is not None and ex_e is not None and ex_e - ex_l > slack:
                    out.append(_finding("MON003", later, lnl["name"], "执行数"))
                an_l, an_e = _d(lnl["annual_budget"]), _d(lne["annual_budget"])
                if an_l is not None and an_e is not None and abs(an_l - an_e) > slack:
                    text = lnl["deviation_reason"] + lnl["measure"]
                    if not any(w in text for w in ADJUSTMENT_WORDS):
                        out.append(_finding("MON004", later, lnl["name"], "全年预算数"))
    return out


def findings(documents: list[dict]) -> list[dict]:
    """Every finding the rules must produce on a folder, from its expected-records documents."""
    table = thresholds()
    reports = [rep for doc in documents for rep in doc["reports"]]
    out = [f for rep in reports for f in report_findings(rep, table)]
    out.extend(cross_period_findings(reports))
    unique = {tuple(sorted(f.items())): f for f in out}
    key = lambda f: (f["rule_id"], f["unit"], f["period_months"], f["project"], f["line"], f["column"])  # noqa: E731
    return sorted(unique.values(), key=key)
