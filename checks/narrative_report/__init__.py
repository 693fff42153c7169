"""Cross-checks of narrative reports (监控报告 / 自评报告), RPT001–RPT008, one rule per module.

A report repeats its tables' figures in sentences. An auditor checks that each stated rate follows
from the stated amounts (RPT001), that stated amounts and rates equal the tables' for the same
unit, year, period and line (RPT002, RPT003), that a below-threshold execution comes with a real
deviation analysis (RPT004) and concrete measures (RPT005), that a stated year-on-year change
follows from the two years' stated amounts (RPT006), that a stated indicator value equals the
table's 实际完成值 (RPT007), and that the stated parts add up to the stated totals (RPT008).

Tables are read through *fact sources* (monitoring tables, unit-wide target tables, final-accounts
publications; another table kind plugs in with `register_facts`). The fact sources and what the
rules share (placeholders, subjects, evidence, the lines below the threshold) are in
`checks/common/narrative_report.py`.
"""
