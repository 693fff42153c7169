"""Cross-checks of a publication's narrative (情况说明) against its tables (NAR001–NAR005), one
rule per module.

The narrative repeats the tables' figures in words: totals, their parts and shares, the budget and
the actual of every 项, year-on-year changes. An auditor checks that each stated amount equals the
table's (NAR001), that each stated percentage follows from the stated amounts (NAR002), that no
template text or a stale year was left in (NAR003), that comparison words (大于/小于/持平, 增加/下降)
agree with the numbers (NAR004) and that the narrative's own parts fit in their whole (NAR005).

Every comparison is at print precision (`checks.common.tolerance`): a narrative printing 6.2 for a table's
6.20, or 9.55% for 29.42 ÷ 307.82 = 9.5575%, is not an error. A growth rate against a zero base
(a unit founded this year: “增加307.82万元，增长100.00%”) cannot be computed and is left alone; a
completion rate over a zero budget for a non-zero actual is reported. Templates are not checked.
What the rules share (label keys, subjects, evidence, the table cell a figure is printed in, the
figures stated before another) is in `checks/common/narrative.py`.
"""
