"""A finding's fingerprint identifies what it is about, never which file version said it."""

from decimal import Decimal

from schemas.findings import Evidence, Finding, Severity, Subject
from schemas.provenance import SourceRef


def _finding(sha: str, reported: str, unit: str = "南街街道办事处", line: str = "基本支出") -> Finding:
    ref = SourceRef(file_sha256=sha, file_name="x.xlsx", sheet="Sheet1", row=7, column=6)
    return Finding(
        rule_id="MON001",
        rule_name="execution_rate_mismatch",
        severity=Severity.ERROR,
        message="……",
        subject=Subject(unit=unit, year=2024, period="1-6月", line=line, column="执行率"),
        evidence=[Evidence(role="执行率", raw=reported, value=Decimal(reported), ref=ref)],
        details={"reported": reported},
    )


def test_fingerprint_survives_a_corrected_file():
    assert _finding("a" * 64, "43.75").fingerprint == _finding("b" * 64, "43.70").fingerprint


def test_fingerprint_differs_by_subject():
    base = _finding("a" * 64, "43.75").fingerprint
    assert _finding("a" * 64, "43.75", line="项目支出").fingerprint != base
    assert _finding("a" * 64, "43.75", unit="东关街道办事处").fingerprint != base


def test_fingerprint_is_serialised():
    data = _finding("a" * 64, "43.75").model_dump(mode="json")
    assert len(data["fingerprint"]) == 16
    assert data["severity"] == "error"


def test_a_crashing_rule_becomes_a_finding_and_the_others_still_run(monkeypatch):
    import checks.catalogue as catalogue
    from checks import all_rules, load_config, run_checks

    first, *_ = all_rules()

    def broken(ctx):
        raise ZeroDivisionError("boom")

    monkeypatch.setitem(catalogue._RULES, first.id, catalogue.Rule(first.id, first.name, broken))
    findings = run_checks([], load_config())
    assert [(f.rule_id, f.severity.value) for f in findings] == [(first.id, "error")]
    assert "运行出错" in findings[0].message and "boom" in findings[0].message


def _ev(row: int, file_name: str = "x.xlsx", column: int = 4) -> Evidence:
    return Evidence(role="数", raw=str(row), ref=SourceRef(file_sha256="a" * 64, file_name=file_name, sheet="表",
                                                         row=row, column=column))


def _with(evidence: list[Evidence], **kw) -> Finding:
    return Finding(rule_id="MON002", rule_name="x", severity=Severity.ERROR, message="合计不等于各项之和。",
                   subject=Subject(), evidence=evidence, **kw)


def test_the_text_renders_the_source_from_the_evidence():
    f = _with([_ev(9), _ev(5), _ev(6), _ev(7), _ev(7, column=3)])
    assert f.message == "合计不等于各项之和。"
    assert f.text == "合计不等于各项之和。（来源：x.xlsx 表!D9、表!D5:D7、表!C7）"
    assert f.model_dump(mode="json")["text"] == f.text
    # read back from findings.json: the text is rendered again, not stored twice
    assert Finding.model_validate(f.model_dump(mode="json")).text == f.text


def test_the_source_names_the_cited_evidence_the_file_or_nothing():
    assert _with([_ev(9), _ev(5), _ev(6)], cited=1).text == "合计不等于各项之和。（来源：x.xlsx 表!D9）"
    assert _with([], source_file="决算.pdf").text == "合计不等于各项之和。（来源：决算.pdf）"
    assert _with([]).text == "合计不等于各项之和。"  # a rule that failed names no source


def test_a_repeat_is_named_after_the_source_and_its_evidence_is_not_cited():
    f = _with([_ev(5), _ev(6, "y.pdf")], details={"also_in": ["y.pdf"]})
    assert f.text == "合计不等于各项之和。（来源：x.xlsx 表!D5）（同一问题亦见于：y.pdf）"
