"""Alembic environment for the run store. The store opens it programmatically (runs/store.py
`upgrade`), passing its own connection; there is no alembic.ini to keep in step."""

from __future__ import annotations

from alembic import context

from runs.store import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
