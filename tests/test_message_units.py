"""Amounts in messages are shown in the unit the document printed them in (checks/common/evidence.py)."""

from decimal import Decimal

from checks.common.evidence import grouped, message_unit
from checks.common.tolerance import sum_mismatch
from textnorm.numbers import amount
from schemas.provenance import SourceRef

REF = SourceRef(file_sha256="0" * 64, file_name="t.xlsx", sheet="Sheet1", row=5, column=3)
D = Decimal


def wan(raw: str):
    return amount(raw, REF, "万元")


def yuan(raw: str):
    return amount(raw, REF, "元")


def bare(raw: str):
    """An amount whose header printed no unit (taken as 万元)."""
    return amount(raw, REF, None)


def test_grouped_inserts_thousands_separators_at_the_given_precision():
    assert grouped(D("4713505.86"), 2) == "4,713,505.86"
    assert grouped(D("1286400"), 2) == "1,286,400.00"
    assert grouped(D("-50000"), 0) == "-50,000"
    assert grouped(D("999.995"), 2) == "1,000.00"


def test_a_table_printed_in_yuan_gives_a_message_in_yuan():
    # The blind fixture's 款 “21302 林业和草原”: 4,713,505.86 against its four 项 (one 50,000 short).
    total = yuan("4,713,505.86")
    parts = [yuan("2,468,215.36"), yuan("1,286,400.00"), yuan("306,780.50"), yuan("602,110.00")]
    computed, difference, tolerance = sum_mismatch(total, parts)
    mu = message_unit([total, *parts], [computed])
    assert mu.unit == "元"
    assert mu.amount(total) == "4,713,505.86"
    assert [mu.amount(p) for p in parts] == ["2,468,215.36", "1,286,400.00", "306,780.50", "602,110.00"]
    assert mu.value(computed) == "4,663,505.86"
    assert mu.value(difference) == "50,000.00"
    assert mu.tolerance(tolerance) == "0.03"  # five half-cents: 0.025元, at the printed precision


def test_yuan_amounts_keep_each_their_printed_precision():
    whole, part = yuan("1200"), yuan("1,300.5")
    mu = message_unit([whole, part])
    assert mu.unit == "元" and mu.decimals == 1
    assert (mu.amount(whole), mu.amount(part)) == ("1,200", "1,300.5")
    assert mu.value(part.value - whole.value) == "100.5"
    assert mu.tolerance(whole.half_unit + part.half_unit) == "0.6"  # 0.55 at one decimal


def test_a_table_printed_in_wanyuan_gives_the_message_of_today():
    total, parts = wan("100.00"), [wan("60.00"), wan("40.50")]
    computed, difference, tolerance = sum_mismatch(total, parts)
    mu = message_unit([total, *parts], [computed])
    assert mu.unit == "万元" and not mu.mixed
    assert mu.amount(total) == "100.00"
    assert mu.value(computed) == "100.50"
    assert mu.value(difference) == "-0.50"  # total − Σ parts, signed as today
    assert mu.tolerance(tolerance) == "0.015"
    # no unit printed: taken as 万元, shown as printed
    mu = message_unit([bare("12.3"), bare("4")])
    assert (mu.unit, mu.amount(bare("12.3")), mu.value(D("8.3"))) == ("万元", "12.3", "8.3")


def test_mixed_units_show_wanyuan_at_a_readable_precision():
    # Narrative prose 125.30万元 against a table printing 1,260,512.34元.
    prose, cell = wan("125.30"), yuan("1,260,512.34")
    mu = message_unit([prose, cell])
    assert mu.unit == "万元" and mu.mixed and mu.decimals == 2
    assert mu.amount(prose) == "125.30"
    assert mu.amount(cell) == "126.05"  # not 126.051234
    assert mu.value(abs(prose.value - cell.value)) == "0.75"


def test_mixed_units_raise_the_precision_until_different_figures_look_different():
    prose, cell = wan("100.00"), yuan("1,000,040.00")  # 100.00万元 vs 100.004万元
    mu = message_unit([prose, cell])
    assert mu.amount(prose) == "100.00"
    assert mu.amount(cell) == "100.004"
    assert mu.value(cell.value - prose.value) == "0.004"


def test_a_tiny_difference_never_prints_as_zero():
    mu = message_unit([wan("10.00"), yuan("100,000.30")])
    assert mu.value(D("0.00003")) == "0.00003"
    assert mu.value(D("0")) == "0.00"
    mu = message_unit([wan("10.00"), wan("10.01")])
    assert mu.value(D("0.000004")) == "0.000004"
    mu = message_unit([yuan("10.00"), yuan("10.00")])
    assert mu.value(D("0.0000001")) == "0.001"  # 0.001元
    assert mu.tolerance(D("0.0000001")) == "0.001"


# ---------------------------------------------------------------- rules: the message, not the details


def _in_yuan(pub):
    """The answer-key publication as a county would print it: every table in 元."""
    for table in pub.tables:
        table.amount_unit = "元"
        for ln in table.lines:
            for column, pn in ln.values.items():
                ln.values[column] = amount(f"{pn.value * 10000:,.2f}", pn.ref, "元")
    return pub


def test_fin005_on_a_table_printed_in_yuan_speaks_yuan_and_keeps_wanyuan_details():
    from tests.rules.final_accounts.builders import FINANCE, check, key_pub, line_of

    pub = _in_yuan(key_pub(FINANCE))
    ln = line_of(pub, "收入支出决算总表", "总计")
    old = ln.values["支出/决算数"]
    ln.values["支出/决算数"] = amount("29,954,100.00", old.ref, "元")  # the key prints 2,995.39 (万元)
    found = check([pub], "FIN005")
    assert len(found) == 1
    message = found[0].message
    assert "29,953,900.00元" in message and "29,954,100.00元" in message
    assert "相差-200.00元" in message and "超出四舍五入误差（0.01元）" in message
    assert "万元" not in message
    assert found[0].details["reported"] == "2995.39"  # 万元, machine-readable as before
    assert found[0].details["difference"] == "-0.02"


def test_fin_and_nar_messages_of_the_blind_county_publication():
    from runs.discover import discover
    from runs.process import check_submission, process_document
    from checks import load_config
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "blind" / "accounts-html-errors"
    results = [process_document(p, folder) for p in discover(folder)]
    found = {(f.rule_id, f.subject.column): f for f in check_submission(results, load_config())
             if f.rule_id in ("FIN001", "NAR001")}
    # The table prints 元: 4,713,505.86 against 2,468,215.36 + 1,286,400.00 + 306,780.50 + 602,110.00.
    fin = found["FIN001", "合计"].message
    assert "“合计”为4,713,505.86元" in fin and "“2130201 行政运行”2,468,215.36元" in fin
    assert "之和为4,663,505.86元，相差50,000.00元，超出四舍五入误差（0.03元）" in fin
    # The prose says 570.06万元, the table 5,580,620.26元: 万元 at the prose's precision.
    nar = next(f.message for (rid, _), f in found.items() if rid == "NAR001")
    assert "为570.06万元" in nar and "为558.06万元" in nar and "相差12.00万元" in nar
    assert "558.062026" not in nar


def _fixture_findings(name: str, *rule_ids: str):
    from pathlib import Path

    from checks import load_config
    from runs.discover import discover
    from runs.process import check_submission, process_document

    folder = Path(__file__).resolve().parents[1] / "fixtures" / name
    results = [process_document(p, folder) for p in discover(folder)]
    return [f for f in check_submission(results, load_config()) if not rule_ids or f.rule_id in rule_ids]


def test_mon002_on_a_monitoring_table_printed_in_yuan():
    # 青山区教育局: 基本支出 58,391,199.76 vs 人员经费 52,963,418.26 + 公用经费 5,327,781.50 (元).
    found = [f for f in _fixture_findings("unseen", "MON002") if f.subject.unit == "青山区教育局"]
    assert len(found) == 1
    message = found[0].message
    assert "填报为58,391,199.76元" in message
    assert "“人员经费”52,963,418.26元＋“公用经费”5,327,781.50元之和58,291,199.76元" in message
    assert "相差100,000.00元，超出四舍五入误差（0.02元）" in message
    assert found[0].details["difference"] == "10.00"  # 万元, as before


def test_mon003_between_periods_printed_in_different_units():
    # 西街: 1-6月 printed 628,450.00 (元), 1-9月 61.20 (万元): compared in 万元 at two decimals.
    found = _fixture_findings("monitoring", "MON003")
    assert len(found) == 1
    message = found[0].message
    assert "累计执行数61.20万元小于1-6月累计执行数62.85万元（减少1.65万元）" in message
    assert "62.845" not in message and found[0].details["earlier"] == "62.845"


def test_the_nanjie_sample_printed_in_wanyuan_keeps_its_wanyuan_messages():
    # Every nanjie table prints 万元: no message may switch to 元 or to separated thousands.
    import re

    found = _fixture_findings("nanjie-2024")
    assert found
    amounts = [m for f in found for m in re.findall(r"\d[\d,]*(?:\.\d+)?(?:万元|元)", f.message)]
    assert amounts and all(a.endswith("万元") and "," not in a for a in amounts)


def test_slf001_on_a_self_evaluation_table_printed_in_yuan():
    import builders
    from checks import run_checks
    from extractors.kinds.self_evaluation import parse

    unit = "南街街道办事处"
    file_name = f"{unit}2024年度部门整体支出绩效自评表.xlsx"
    grid = [["部门整体支出绩效自评表"] + ["<"] * 8, ["（2024年度）"] + ["<"] * 8,
            ["部门（单位）名称", unit] + ["<"] * 7,
            ["年度预算资金（元）", "资金来源", "<", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["^", "年度资金总额", "<", "11,000,000.00", "11,646,200.00", "10,302,500.00", "10", "93.66%", "8.85"],
            ["年度总体目标", "预期目标", "<", "<", "<", "实际完成情况", "<", "<", "<"],
            ["^", "保障运转", "<", "<", "<", "已完成", "<", "<", "<"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["^", "部门管理", "资金投入", "项目支出预算执行率", "≥90%", "100%", "45", "45", ""],
            ["^", "部门效果", "服务对象满意度", "服务对象满意度", "≥90%", "95%", "45", "45", ""],
            ["总分", "<", "<", "<", "<", "<", "100", "98.85", ""]]
    doc = builders.make_doc([builders.make_table(grid, file_name=file_name, sheet="自评表")], file_name=file_name)
    (record,) = parse(doc)
    (f,) = [f for f in run_checks([record]) if f.rule_id == "SLF001"]
    # 10,302,500.00 ÷ 11,646,200.00 = 88.46%, not the 93.66% reported
    assert "按全年执行数10,302,500.00元÷全年预算数11,646,200.00元计算应为88.46%" in f.message
    assert f.details["executed"] == "1030.25" and f.details["annual_budget"] == "1164.62"
