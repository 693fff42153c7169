"""The rule catalogue: cross-checks with stable ids, severities and Chinese messages.

Rules are small functions registered with `@rule("MON001", "execution_rate_mismatch")`.
Their severity, message template, tolerances and thresholds are data, in `checks/rules.yaml`
(or a file the user passes). Each module in this package contributes rules; `run_checks`
loads them all.
"""

from checks.catalogue import (
    ConfigError,
    Rule,
    RuleContext,
    all_rules,
    load_config,
    rule,
    run_checks,
)

__all__ = ["ConfigError", "Rule", "RuleContext", "all_rules", "load_config", "rule", "run_checks"]
