"""The second blind test (fixtures/blind2/, tools/fixturegen/generators/blind2.py, RESULTS.md there):
1–9月 monitoring tables of a unit beside its project tables, 绩效自评表 as PDF, 绩效目标表 as portal
pages, 部门预算 publications as PDF — written without reading the parsers. Per case: every document
is recognised as its kind with its unit, year and period; every figure the generator printed is
read back (`problems`); the folder raises exactly the planted findings, notices included (clean
cases: none at all).

Every mismatch of a case is collected before asserting, so one failure lists all of them.
`python tests/test_submissions_budget_targets_and_tables.py` prints the counts RESULTS.md quotes.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checks import load_config, run_checks  # noqa: E402
from conftest import FIXTURES  # noqa: E402
from extractors import extract  # noqa: E402
from extractors.kinds import best_kind  # noqa: E402

BLIND2 = FIXTURES / "blind2"
CASES = sorted(p.name for p in BLIND2.iterdir() if (p / "expected.json").is_file())
KIND_OF_RECORD = {"monitoring": "monitoring_report", "self_evaluation": "self_evaluation",
                  "targets": "target_table", "final_accounts": "budget_publication"}


def load(case: str) -> dict:
    return json.loads((BLIND2 / case / "expected.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def read(case: str, name: str) -> tuple[str | None, tuple]:
    doc = extract(BLIND2 / case / name)
    best = best_kind(doc)
    if best is None:
        return None, ()
    return best[0].name, tuple(best[0].parse(doc))


def num(text) -> Decimal | None:
    if text in (None, "", "—", "-"):
        return None
    return Decimal(str(text).replace(",", "").rstrip("%"))


def _value(printed) -> Decimal | None:
    """The value of a PrintedNumber (None when blank or absent)."""
    if printed is None or getattr(printed, "blank", False):
        return None
    return Decimal(str(printed.value))


def _raw(value) -> str | None:
    return None if value is None else re.sub(r"\s", "", value.raw or "")


def _attr(a) -> str | None:
    return None if a is None else getattr(a, "value", a)


class Tally:
    """Counts every compared value; keeps the wrong ones."""

    def __init__(self) -> None:
        self.checked = 0
        self.wrong: list[str] = []

    def eq(self, what: str, got, want) -> None:
        self.checked += 1
        if got != want:
            self.wrong.append(f"{what}: read {got!r}, printed {want!r}")


def _monitoring(t: Tally, rec, exp: dict) -> None:
    t.eq("kind", rec.kind, exp["record_kind"])
    t.eq("project", _attr(rec.project), exp["project"])
    t.eq("period_months", rec.period_months, exp["period_months"])
    lines = {ln.name: ln for ln in rec.lines}
    for want in exp["lines"]:
        ln = lines.get(want["line"])
        for col in ("initial_budget", "annual_budget", "executed", "reported_rate"):
            t.eq(f"{want['line']}/{col}", None if ln is None else _value(getattr(ln, col)), num(want[col]))
    inds = {i.level3: i for i in rec.indicators}
    for want in exp["indicators"]:
        i = inds.get(want["level3"])
        t.eq(f"{want['level3']}/present", i is not None, True)
        for col in ("level1", "level2"):
            t.eq(f"{want['level3']}/{col}", None if i is None else getattr(i, col), want[col])
        for col in ("target", "actual", "forecast"):
            t.eq(f"{want['level3']}/{col}", None if i is None else _raw(getattr(i, col)), want[col])


def _selfeval(t: Tally, rec, exp: dict) -> None:
    t.eq("kind", rec.kind, exp["record_kind"])
    t.eq("project", _attr(rec.project), exp["project"])
    t.eq("department", _attr(rec.department), exp["department"])
    lines = {ln.name: ln for ln in rec.lines}
    for want in exp["lines"]:
        ln = lines.get(want["line"])
        for col in ("initial_budget", "annual_budget", "executed", "reported_rate", "max_score", "score"):
            t.eq(f"{want['line']}/{col}", None if ln is None else _value(getattr(ln, col)), num(want[col]))
    inds = {i.level3: i for i in rec.indicators}
    for want in exp["indicators"]:
        i = inds.get(want["level3"])
        t.eq(f"{want['level3']}/present", i is not None, True)
        for col in ("level1", "level2"):
            t.eq(f"{want['level3']}/{col}", None if i is None else getattr(i, col), want[col])
        for col in ("target", "actual"):
            t.eq(f"{want['level3']}/{col}", None if i is None else _raw(getattr(i, col)), want[col])
        for col in ("max_score", "score"):
            t.eq(f"{want['level3']}/{col}", None if i is None else _value(getattr(i, col)), num(want[col]))
    t.eq("total_score", _value(rec.total_score), num(exp["total_score"]))
    t.eq("total_max", _value(rec.total_max), num(exp["total_max"]))


def _targets(t: Tally, rec, exp: dict) -> None:
    t.eq("kind", rec.kind, exp["record_kind"])
    t.eq("project", _attr(rec.project), exp["project"])
    for col in ("budget_total", "budget_fiscal", "budget_other", "tasks_total"):
        t.eq(col, _value(getattr(rec, col)), num(exp[col]))
    tasks = {x.name: x for x in rec.tasks}
    for want in exp["tasks"]:
        x = tasks.get(want["name"])
        t.eq(f"task {want['name']}", None if x is None else _value(x.amount), num(want["amount"]))
    goal = rec.goal_text.text if rec.goal_text is not None else None
    t.eq("goal_text", goal, exp["goal_text"])
    inds = {i.level3: i for i in rec.indicators}
    t.eq("indicator count", len(rec.indicators), len(exp["indicators"]))
    for want in exp["indicators"]:
        i = inds.get(want["level3"])
        t.eq(f"{want['level3']}/present", i is not None, True)
        for col in ("level1", "level2"):
            t.eq(f"{want['level3']}/{col}", None if i is None else getattr(i, col), want[col])
        t.eq(f"{want['level3']}/value", None if i is None else _raw(i.value), want["value"])
        t.eq(f"{want['level3']}/quantitative", None if i is None else i.value.quantitative, want["quantitative"])


def _budget(t: Tally, rec, exp: dict) -> None:
    titles = [tb.title for tb in rec.tables if tb.status == "present" or tb.empty_statement is not None]
    for want in exp["tables"]:
        t.eq(f"table {want}", any(want in title for title in titles), True)
    for title, lines in exp["lines"].items():
        table = next((tb for tb in rec.tables if tb.title == title or tb.key == title), None)
        for want in lines:
            ln = None
            if table is not None:
                ln = next((x for x in table.lines if (want["code"] and x.code == want["code"])
                           or (not want["code"] and not x.code and x.name.replace(" ", "") == want["name"])), None)
            for col, amount in want["amounts"].items():
                got = None
                if ln is not None:
                    got = next((v.raw for k, v in ln.values.items() if k.split("/")[-1] == col), None)
                t.eq(f"{title}/{want['code'] or want['name']}/{col}", num(got), num(amount))


CHECKERS = {"monitoring": _monitoring, "self_evaluation": _selfeval, "targets": _targets, "final_accounts": _budget}


def problems(case: str) -> Tally:
    t = Tally()
    for doc in load(case)["documents"]:
        kind, records = read(case, doc["file"])
        t.eq(f"{doc['file']} kind", kind, doc["kind"])
        rec = next((r for r in records if r.record_type == KIND_OF_RECORD[doc["kind"]]), None)
        t.eq(f"{doc['file']} record", rec is not None, True)
        if rec is None:
            continue
        t.eq(f"{doc['file']} unit", _attr(rec.unit), doc["unit"])
        t.eq(f"{doc['file']} year", rec.year, doc["year"])
        before = len(t.wrong)
        CHECKERS[doc["kind"]](t, rec, doc)
        t.wrong[before:] = [f"{doc['file']}: {w}" for w in t.wrong[before:]]
    return t


def _matches(finding, want: dict) -> bool:
    s = finding.subject
    return (finding.rule_id == want["rule_id"] and finding.severity == want["severity"]
            and s.unit == want["unit"] and s.year == want["year"]
            and (want["project"] or "") == (s.project or "")
            and want["line"] in (s.line or "")
            and (not want["column"] or want["column"] == s.column))


def findings(case: str) -> tuple[list, list]:
    """(planted findings not raised, raised findings not planted), all severities."""
    exp = load(case)
    records = [r for doc in exp["documents"] for r in read(case, doc["file"])[1]]
    pool = list(run_checks(records, load_config()))
    missed = []
    for want in exp["findings"]:
        hit = next((f for f in pool if _matches(f, want)), None)
        if hit is None:
            missed.append((want["rule_id"], want["line"], want["column"]))
        else:
            pool.remove(hit)
            assert hit.evidence, f"{hit.rule_id} names no evidence"
    return missed, [(f.rule_id, f.severity, f.subject.line, f.subject.column, f.message) for f in pool]


def test_the_blind2_cases_are_all_there() -> None:
    assert CASES == ["budget-pdf-clean", "budget-pdf-errors", "monitoring-projects-clean",
                     "monitoring-projects-errors", "selfeval-pdf-clean", "selfeval-pdf-errors",
                     "targets-html-clean", "targets-html-errors"]


@pytest.mark.parametrize("case", CASES)
def test_every_document_is_recognised_with_its_figures(case: str) -> None:
    t = problems(case)
    assert t.checked > 20
    assert t.wrong == []


@pytest.mark.parametrize("case", CASES)
def test_exactly_the_planted_findings(case: str) -> None:
    assert findings(case) == ([], [])


def test_the_planted_findings_are_the_ones_the_generator_wrote() -> None:
    """The planted figures follow from the generator's inputs, not from a parser run."""
    exp = load("monitoring-projects-errors")
    xdc = next(f for f in exp["findings"] if f["rule_id"] == "XDC003")
    assert (xdc["total"], xdc["whole"], xdc["difference"]) == ("640.00", "540.00", "100.00")
    slf = next(f for f in load("selfeval-pdf-errors")["findings"] if f["rule_id"] == "SLF004")
    assert (slf["total"], slf["computed"]) == ("99.60", "101.60")


if __name__ == "__main__":
    total_checked = total_wrong = 0
    for case in CASES:
        t = problems(case)
        missed, extra = findings(case)
        planted = len(load(case)["findings"])
        total_checked += t.checked
        total_wrong += len(t.wrong)
        print(f"== {case}: values {t.checked}, wrong {len(t.wrong)}; planted {planted - len(missed)}/{planted}; "
              f"not planted {len(extra)}")
        for w in t.wrong:
            print("   wrong:", w)
        for m in missed:
            print("   missed:", m)
        for e in extra:
            print("   extra:", e[:4], e[4][:120])
    print(f"all: values {total_checked}, wrong {total_wrong}")
