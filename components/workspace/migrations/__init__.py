"""Alembic migrations of the workspace database (run by :func:`components.workspace.db.migrate`)."""
