"""Records for the XDC rule tests (moved from tests/test_rules_cross_document.py): nanjie-2024's
target tables and monitoring periods built from the generator's figures, and its 部门决算 read
from the fixture PDF."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

from conftest import FIXTURES, need_file

from checks import load_config, run_checks
from checks.common.cross_document import annual_execution
from extractors import extract
from extractors.kinds.final_accounts import parse
from schemas.final_accounts import Publication
from tests.rules.monitoring.builders import L, build_report, nanjie_report
from tests.rules.targets.builders import F2024, F2025, NANJIE_2024_INDICATORS, NANJIE_2025_INDICATORS, UNIT, build_table, nanjie_table

D = Decimal
FINAL = "南街街道办事处2024年度部门决算.pdf"
XDC = ["XDC001", "XDC002", "XDC003", "XDC004"]


@cache
def final_accounts() -> Publication:
    return parse(extract(str(need_file(FIXTURES / "nanjie-2024" / FINAL))))[0]


def run(records, *rule_ids: str):
    return run_checks(records, config=load_config(), only=list(rule_ids or XDC))


def nanjie_all() -> list:
    return [nanjie_table(2024), nanjie_table(2025), nanjie_report(6), nanjie_report(9), final_accounts()]
