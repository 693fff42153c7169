"""What a run is asked to do: one `RunOptions` built by the CLI (or a caller, or a served
deployment's parameters), carried through the flow to `runs.output.write_run`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from runs.cache import cache_dir
from runs.paths import output_root
from runs.store import store_url


class RunOptions(BaseModel):
    """Paths are strings: the options are a Prefect flow parameter and must serialise."""

    model_config = ConfigDict(frozen=True)

    output_root: str | None = None  # else $JIXIAO_OUTPUT, else ./output
    rules: str | None = None  # the user's rule file; None: the built-in checks/rules.yaml
    rubric: str | None = None  # the rubric file; None: the built-in default
    evaluator_inputs: str | None = None  # an evaluator form given explicitly (a bad one stops the run)
    store: str | None = None  # the run store's URL; else $JIXIAO_STORE_URL, else <output root>/jixiao.db
    wording: str | None = None  # a folder of wording overrides (`<kind>.yaml`, extractors.wording)
    use_cache: bool = True  # a file read before with the same content is not read again (runs/cache.py)
    refresh: list[str] | None = None  # paths (relative to the submission, "*" for all) read again anyway
    origin: str | None = None  # where the submission came from when this is a copy (an inbox item)

    @field_validator("output_root", "rules", "rubric", "evaluator_inputs", "wording", "origin", mode="before")
    @classmethod
    def _path_text(cls, value: Any) -> Any:
        return os.fspath(value) if isinstance(value, os.PathLike) else value

    @property
    def root(self) -> Path:
        """The output root the run folders go under."""
        return output_root(self.output_root)

    @property
    def store_url(self) -> str:
        return store_url(self.store, self.root)

    @property
    def cache(self) -> str | None:
        """The folder of kept readings, None when the cache is not used."""
        return str(cache_dir(self.root)) if self.use_cache else None
