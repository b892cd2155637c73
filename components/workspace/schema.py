"""The database schema of saved workspaces, defined once (SQLAlchemy Core).

The migrations in ``migrations/versions`` create exactly this (a test compares a migrated database
with this metadata); change both together, in a new migration.

* ``workspaces``: one row per workspace. Links are never stored: ``edit_hash`` and ``share_hash``
  are SHA-256 digests of the tokens. ``share_generation`` counts share links issued (a revoked one
  is never issued again). ``used_at`` is the last open or save: expiry counts from it.
  ``revision`` grows with every save, so two windows saving the same workspace are told apart.
  ``view`` is the screen's link parameters as JSON text; ``bytes`` what the content takes.
  ``creator`` is a SHA-256 digest of the client's address that created it: new workspaces are counted
  per address (components/workspace/quotas.py), and the address itself is never stored.
* ``workspace_events``: the user's events in order, each the JSON of an event record.
* ``workspace_articles``: loaded articles with their text and metadata (claims are recomputed).
* ``revoked_shares``: digests of share links the owner turned off, to say so when one is opened.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

workspaces = sa.Table(
    "workspaces", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("edit_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("share_hash", sa.String(64), nullable=True, unique=True),
    sa.Column("share_generation", sa.Integer, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("used_at", sa.DateTime, nullable=False, index=True),
    sa.Column("view", sa.Text, nullable=False),
    sa.Column("bytes", sa.Integer, nullable=False),
    sa.Column("creator", sa.String(64), nullable=True),  # SHA-256 of the client's address (None before 0003)
    sa.Index("ix_workspaces_creator_created_at", "creator", "created_at"),
)

workspace_events = sa.Table(
    "workspace_events", metadata,
    sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.String(100), nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)

workspace_articles = sa.Table(
    "workspace_articles", metadata,
    sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(100), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("url", sa.String(500), nullable=True),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("place", sa.String(8), nullable=False, server_default=""),  # the market chosen ("": read)
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime, nullable=False),
)

revoked_shares = sa.Table(
    "revoked_shares", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("revoked_at", sa.DateTime, nullable=False),
)
