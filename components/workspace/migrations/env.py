"""Alembic's environment: migrations run on the connection :func:`components.workspace.db.migrate` passes in.

The caller holds a lock (PostgreSQL advisory lock, or a file lock for SQLite) and an open
transaction, so replicas starting together migrate once. There is no alembic.ini: the project
configures Alembic in code.
"""

from alembic import context

from components.workspace.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
