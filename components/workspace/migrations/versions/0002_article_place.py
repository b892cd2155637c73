"""A loaded article's market as the user chose it ("" = read from the text), so a reopened article reads the same.

Revision ID: 0002
Revises: 0001
Create Date: 2025-03-12
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspace_articles") as batch:  # batch: SQLite alters a table by copying it
        batch.add_column(sa.Column("place", sa.String(8), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("workspace_articles") as batch:
        batch.drop_column("place")
