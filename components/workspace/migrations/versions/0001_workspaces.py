"""Workspaces, their events and articles, and revoked share links.

Revision ID: 0001
Revises:
Create Date: 2025-03-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("edit_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("share_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("share_generation", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime, nullable=False),
        sa.Column("view", sa.Text, nullable=False),
        sa.Column("bytes", sa.Integer, nullable=False),
    )
    op.create_index("ix_workspaces_used_at", "workspaces", ["used_at"])
    op.create_table(
        "workspace_events",
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(100), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "workspace_articles",
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(100), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "revoked_shares",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_revoked_shares_workspace_id", "revoked_shares", ["workspace_id"])


def downgrade() -> None:
    op.drop_table("revoked_shares")
    op.drop_table("workspace_articles")
    op.drop_table("workspace_events")
    op.drop_index("ix_workspaces_used_at", "workspaces")
    op.drop_table("workspaces")
