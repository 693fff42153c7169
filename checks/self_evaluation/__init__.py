"""Cross-checks over 绩效自评表 records (SLF001–SLF012), one rule per module.

SLF001–SLF005 check a table against its own figures (执行率, 预算执行得分, 指标得分, 总分);
SLF006–SLF007 the 偏差原因分析及改进措施 of indicators that were not met; SLF008 the indicators
against the approved 绩效目标表 of the same unit and year (name matching of checks/common/links.py);
SLF009 the 全年执行数 against the final accounts in the same submission; SLF010–SLF012 the scoring
(points lost without a reason, an actual written as a target expression, 一级 points that do not
add up). Messages, word lists and tolerances are in rules.yaml; the scoring stage (rubric E3) keys
on these ids. What the rules share is in `checks/common/self_evaluation.py`.
"""
