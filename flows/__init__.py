"""Orchestration only: the Prefect flow (`flows.run`) and the `jixiao` CLI (`flows.cli`).

Importing this package does not import Prefect, so the CLI can set Prefect's environment
defaults before Prefect reads them.
"""
