"""Errors as data: each document's error items (code, category, file, page/sheet/cell, reason,
message) in `documents.errors`; each run's count of partly read documents and of error items by
category in `runs.documents_partial` and `runs.errors`. Rows written before stay NULL (read as
none).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("errors", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=True))
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("documents_partial", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("errors", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("errors")
        batch.drop_column("documents_partial")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("errors")
