"""Saved workspaces (pure, no streamlit): the schema, its migrations, the database and the records.

A workspace keeps what a user made in the app (their events, loaded articles, the view) in a
database: an embedded SQLite file by default, PostgreSQL when ``DASHBOARD_DATABASE_URL`` names one,
so several app replicas share it. Links carry random tokens; the database keeps only their hashes.
"""
