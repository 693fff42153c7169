"""Cross-checks over 绩效目标表 records (TGT001–TGT011), one rule per module.

The quality of approved targets (TGT001–TGT008, domain.md "Cross-checks → Targets"): too few
quantitative indicators, vague qualitative values, missing or catch-all sections,
undifferentiated satisfaction indicators, task amounts that do not add up, a goal text quoting
another budget, duplicated indicators. The amounts of a form against each other (TGT009–TGT011):
the amount entered in 元 under a 万元 label, a 成本指标 ceiling or a 测算依据 that does not fit the
amount; TGT010 and TGT011 never repeat TGT009. Word lists, section names, suggestions and
tolerances are configuration (`rules.yaml`); the benchmark is `settings.quantitative_benchmark`.
What the rules share is in `checks/common/targets.py` (names, sections, titles, evidence) and
`checks/common/target_amounts.py` (测算依据 and 成本指标 amounts, the two readings of the amount).
"""
