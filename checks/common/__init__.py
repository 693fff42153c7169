"""What rules share; no rule lives here, and nothing here imports a rule module.

- `params`: `RuleParams`, the base of every rule's typed parameters (defaults only in rules.yaml).
- `evidence`: evidence items, amount/rate texts, the message unit (万元 / 元) of a finding.
- `tolerance`: print precision, rounding, rate intervals, sum mismatches, period thresholds.
- `text`: how much a free text says beyond stock phrases (偏差原因, 改进措施 …).
- `monitoring`: names, subjects, roles and shared predicates over 绩效运行监控表 records.

An area being split adds its shared helpers here (one module per subject: name keys, source
labels, totals, same-unit matching …), never in a rule module another rule would import.
"""
