"""Who created a workspace, as a digest of the client's address, so new workspaces are counted per address.

Revision ID: 0003
Revises: 0002
Create Date: 2025-03-20
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:  # batch: SQLite alters a table by copying it
        batch.add_column(sa.Column("creator", sa.String(64), nullable=True))
        batch.create_index("ix_workspaces_creator_created_at", ["creator", "created_at"])


def downgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_index("ix_workspaces_creator_created_at")
        batch.drop_column("creator")
