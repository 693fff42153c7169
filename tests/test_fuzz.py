"""Bounded fuzzing: the text parsers, the header matcher, the format sniffer and the four
extractors on arbitrary or mutated input. The contract is the same everywhere: a clear error of
our own type (NumberError, ExtractionError) or a result — never another exception, never a hang.

Seconds, not minutes: a fixed number of examples per test (hypothesis' database is off, so a run
is reproducible from its seed), mutations of small real files of each format from fixtures/.
"""

from __future__ import annotations

import random
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import ExtractionError, extract
from extractors.dates import find_dates, parse_date
from extractors.forms import ColumnRules, inline_labelled, label_key
from extractors.freetext import find_period, find_year, unit_from_title
from extractors.indicator_values import parse_indicator_value
from textnorm.numbers import ABSURD, NumberError, amount, parse_decimal, rate
from extractors.wording import ColumnRule
from schemas.provenance import SourceRef
from schemas.safe_text import visible_name, visible_text
from tests.conftest import FIXTURES

REF = SourceRef(file_sha256="0" * 64, file_name="fuzz.xlsx", sheet="S", row=1, column=1)
FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Text as it appears in Chinese budget forms: digits, separators, units, CJK, odd whitespace.
FORM_TEXT = st.text(alphabet=st.sampled_from(list("0123456789.,，-—－()（）%％ 　\t\n万元亿年月日第季度≥≤<>=约达到以上以下内不低于超过"
                                                  "合计总额预算执行率单位名称项目：:") + ["\x00", "\x07", "\u3000", "\ufeff"]),
                    max_size=30)
ANY_TEXT = st.text(max_size=60)


@FAST
@given(st.one_of(FORM_TEXT, ANY_TEXT))
def test_numbers_parse_or_say_why(text: str) -> None:
    try:
        parsed = parse_decimal(text)
    except NumberError as exc:
        assert str(exc) and exc.problem
        return
    if parsed is not None:
        value, decimals, unit = parsed
        assert abs(value) < ABSURD and decimals >= 0 and unit in (None, "%", "元", "万元")
    for call in (lambda: amount(text, REF, "万元"), lambda: rate(text, REF)):
        try:
            call()
        except NumberError:
            pass


@FAST
@given(st.decimals(min_value=Decimal("-1e20"), max_value=Decimal("1e20"), places=2, allow_nan=False))
def test_a_printed_amount_reads_back(value: Decimal) -> None:
    text = f"{value:,.2f}"
    if abs(value) >= ABSURD:
        with pytest.raises(NumberError):
            amount(text, REF, "万元")
        return
    assert amount(text, REF, "万元").value == value


@FAST
@given(st.one_of(FORM_TEXT, ANY_TEXT))
def test_dates_periods_years_and_indicator_values_never_raise(text: str) -> None:
    for d in find_dates(text):
        assert 1900 <= d.value.year <= 2100
    result = parse_date(text)
    assert result is None or 1900 <= result.year <= 2100
    period = find_period(text)
    assert period is None or 1 <= period <= 12
    year = find_year(text)
    assert year is None or 2000 <= year <= 2099
    value = parse_indicator_value(text, REF)
    assert value.raw == text


@FAST
@given(st.one_of(FORM_TEXT, ANY_TEXT), st.lists(st.sampled_from(["单位名称", "项目名称", "年度", "填报单位"]), max_size=3))
def test_the_header_matcher_never_raises(text: str, labels: list[str]) -> None:
    rules = ColumnRules.of([ColumnRule(role="budget", patterns=["预算"]), ColumnRule(role="ignore", patterns=["序号"])])
    assert rules.classify(text) in (None, "budget", "ignore")
    label_key(text)
    found = inline_labelled(text, labels, ["单位:"])
    assert found is None or found
    unit_from_title(text, ["绩效"], ["局", "办事处"])


@FAST
@given(st.text(max_size=40))
def test_shown_names_are_safe_to_write(text: str) -> None:
    shown = visible_name(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
    shown.encode("utf-8")  # no lone surrogate is left
    assert visible_name(shown) == shown  # stable: showing twice changes nothing
    assert "\n" in visible_text("a\nb")


SEEDS = {  # one small real file per format, from our fixtures
    "pdf": FIXTURES / "nanjie-2024" / "南街街道办事处2024年度部门整体支出绩效目标表.pdf",
    "docx": FIXTURES / "nanjie-2024" / "南街街道办事处2024年1-9月绩效运行监控报告.docx",
    "xlsx": FIXTURES / "nanjie-2024" / "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx",
    "html": FIXTURES / "targets" / "临河区教育局2024年度项目支出绩效目标表.html",
}


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        choice = rng.random()
        i = rng.randrange(len(data))
        if choice < 0.5:
            data[i] = rng.randrange(256)  # flip a byte
        elif choice < 0.75:
            del data[i:i + rng.randint(1, 64)]  # cut a run
        else:
            data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))  # insert junk
    if rng.random() < 0.2:
        data = data[: rng.randrange(1, len(data))]  # truncate
    return bytes(data)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_mutated_files_are_read_or_refused_with_our_error(fmt: str, tmp_path: Path) -> None:
    seed = SEEDS[fmt].read_bytes()
    rng = random.Random(f"jixiao-{fmt}")  # fixed: a failure reproduces
    for n in range(12):
        path = tmp_path / f"变异{n}.{fmt}"
        path.write_bytes(_mutate(seed, rng))
        try:
            extract(path)
        except ExtractionError as exc:
            assert "无法读取文件" in str(exc)


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes_are_sniffed_or_refused(tmp_path_factory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / "任意.bin"
    path.write_bytes(data)
    try:
        extract(path)
    except ExtractionError as exc:
        assert "无法读取文件" in str(exc)
    shutil.rmtree(folder, ignore_errors=True)
