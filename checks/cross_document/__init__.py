"""Cross-document checks (XDC001–XDC004), one rule per module.

A submission holds several documents of one unit: the year's target tables (部门整体 and per
project), the monitoring tables of each period, the final accounts (部门决算), next year's target
table. These rules compare them. Documents are matched to a unit and a year by their records'
fields (unit name, year), never by file name; unit names match by `same_unit`
(checks/common/links.py: 甘州区南街街道办事处 / 南街街道办事处).

What the rules share, and `annual_execution` (the year's execution rate of a unit, for the
scoring stage's rubric E1), is in `checks/common/cross_document.py`.
"""
