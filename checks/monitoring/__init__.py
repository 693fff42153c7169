"""Cross-checks over 绩效运行监控表 records (MON001–MON009), one rule per module.

Every rule reads its message templates, severity and parameters from `rules.yaml`; the period
warning thresholds and table titles come from the shared `settings`. Rates used by the progress
rules (MON005–MON007) are always computed from the amounts, never the reported 执行率, which may
itself be wrong (MON001). What the rules share is in `checks/common/monitoring.py`.
"""
