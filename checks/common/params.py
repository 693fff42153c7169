"""Typed rule parameters. A rule declares its `params` of rules.yaml as a small model:

    class Params(RuleParams):
        tolerance_scale: Decimal
        part_joiner: str

    @rule("MON002", "line_sum_mismatch", severity="error", params=Params)
    def line_sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
        p: Params = ctx.args

Fields carry no defaults: the defaults are the entry of checks/rules.yaml (a user's file overrides
them key by key), so there is one copy of each. The model is validated when the configuration
loads: a missing, unknown or ill-typed parameter is a ConfigError naming the file and the key.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class RuleParams(BaseModel):
    """The base of a rule's parameters: unknown keys are refused, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(RuleParams):
    """A rule without parameters (its rules.yaml entry has none)."""
