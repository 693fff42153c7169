"""A finding's message no longer holds its source: outputs render “（来源：…）” from the evidence.
The findings table keeps what the rendering needs (`cited`, `source_file`), and stored messages
lose the source and the “（同一问题亦见于：…）” notes they were written with.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SOURCE = "（来源："


def bare_message(message: str, also_in: list[str]) -> str:
    """A message as written before revision 0004, without its source and repeat notes."""
    for name in reversed(also_in):
        note = f"（同一问题亦见于：{name}）"
        if message.endswith(note):
            message = message[: -len(note)]
    cut = message.rfind(_SOURCE)
    return message[:cut] if cut > 0 and message.endswith("）") else message


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("cited", sa.Integer, nullable=True))
        batch.add_column(sa.Column("source_file", sa.Text, nullable=True))
    bind = op.get_bind()
    findings = sa.table("findings", sa.column("id", sa.Integer), sa.column("message", sa.Text),
                        sa.column("details", sa.JSON))
    for row in bind.execute(sa.select(findings.c.id, findings.c.message, findings.c.details)).all():
        details = row.details if isinstance(row.details, dict) else json.loads(row.details or "{}")
        bare = bare_message(row.message, list(details.get("also_in") or []))
        if bare != row.message:
            bind.execute(findings.update().where(findings.c.id == row.id).values(message=bare))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("source_file")
        batch.drop_column("cited")
