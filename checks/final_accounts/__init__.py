"""Cross-checks over 部门预算 / 部门决算 publications (FIN001–FIN013), one rule per module.

What an auditor recomputes in the standard tables (domain.md, "Cross-checks → Final accounts"):
类 = Σ款 = Σ项, the 合计 rows, the 合计 columns (基本 + 项目, the 三公 parts), 人员经费 + 公用经费 =
基本支出, the two sides of a 总表 and how their 总计 is made up, the same figure printed in two
tables, and whether every listed table is there. Every sum is compared with the rounding tolerance
of domain.md (half a unit of the last digit per printed figure, `checks.common.tolerance.sum_mismatch`):
the published tables are rounded item by item, so 0.01–0.02 gaps between a total and many parts
are normal and never flagged. Which tables and columns hold like figures is configuration
(`rules.yaml`), because only like with like may be compared (the same source of funds).

A blank template (`Publication.template`) gets one notice (FIN012) and nothing else. What the rules
share (labels, subjects, the sum finding, figures selected by configuration, 总表 sides) is in
`checks/common/final_accounts.py`.
"""
