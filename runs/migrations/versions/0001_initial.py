"""The store as it was before migrations were kept with Alembic (its `schema_version` 2):
runs, their documents (with parts), findings and score cards.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "schema_version",
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("applied", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(40), primary_key=True),
        sa.Column("submission", sa.Text, nullable=False),
        sa.Column("output_dir", sa.Text),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rules_file", sa.Text),
        sa.Column("rules_hash", sa.String(64), nullable=False),
        *[sa.Column(name, sa.Integer, nullable=False) for name in (
            "documents_total", "documents_ok", "documents_error", "documents_unrecognised", "records",
            "findings_total", "findings_error", "findings_warning", "findings_notice")],
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.run_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), index=True),
        sa.Column("format", sa.String(16)),
        sa.Column("kind", sa.String(40)),
        sa.Column("kind_label", sa.Text),
        sa.Column("confidence", sa.Double),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("records", Json, nullable=False),
        sa.Column("parts", Json),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.run_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("rule_id", sa.String(16), nullable=False, index=True),
        sa.Column("rule_name", sa.Text, nullable=False),
        sa.Column("rule_title", sa.Text, nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("unit", sa.Text, nullable=False, index=True),
        sa.Column("year", sa.Integer),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("project", sa.Text, nullable=False),
        sa.Column("line", sa.Text, nullable=False),
        sa.Column("column", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False, index=True),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("evidence", Json, nullable=False),
        sa.Column("details", Json, nullable=False),
    )
    op.create_table(
        "scores",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.run_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("unit", sa.Text, nullable=False, index=True),
        sa.Column("year", sa.Integer),
        sa.Column("rubric_id", sa.Text, nullable=False),
        sa.Column("total", sa.String(16)),
        sa.Column("points", sa.String(16), nullable=False),
        sa.Column("grade", sa.String(8)),
        sa.Column("dimensions", Json, nullable=False),
        sa.Column("card", Json, nullable=False),
    )


def downgrade() -> None:
    for table in ("scores", "findings", "documents", "runs", "schema_version"):
        op.drop_table(table)
