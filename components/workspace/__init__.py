"""Saved workspaces (pure, no streamlit): the schema, its migrations, the database and the records.

A workspace keeps what a user made in the app (their events, loaded articles, the view) in a database: an embedded
SQLite file by default, PostgreSQL when ``DASHBOARD_DATABASE_URL`` names one, so several app replicas share it.
``schema.py`` and ``migrations/`` define the tables (a migration is a frozen copy, never an import of the schema);
``db.py`` opens the database; ``store.py`` saves and opens; ``records.py`` and ``rows.py`` check what is written and
read; ``tokens.py`` makes link tokens (stored only as hashes); ``quotas.py`` gives each visitor a fair share.
"""
