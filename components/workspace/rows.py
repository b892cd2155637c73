"""Stored rows read as input: every column is parsed inside the per-record check (pure: SQLAlchemy Core).

SQLAlchemy turns a DATE or DATETIME column into a Python value while the row is fetched, so an
impossible date ('2025-02-30'), a word ('not a date') or a blob in one would raise before any check
could name the record. These queries select every column as stored (``type_coerce`` to ``NullType``:
no conversion on fetch), and each row is parsed here:

* a workspace row whose revision, share-link number or times cannot be read is **repaired** (the
  caller writes the :class:`WorkspaceRow` ``repairs`` back, and shows its ``notices``): a revision
  starts again at 1 (a window holding an older number is then told it was saved elsewhere), a share
  link whose number is unreadable is turned off (a new one can be made), unreadable times become now;
* an article row is parsed by :class:`~components.workspace.records.StoredArticle` (the caller names a
  bad one and leaves it out); a revoked link's unreadable date is left unsaid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce

import sqlalchemy as sa

from components.locale import N_, _, ngettext
from components.workspace.schema import revoked_shares, workspace_articles, workspace_events, workspaces

MAX_NUMBER = 2**31 - 1  # revisions and share-link numbers fit an INTEGER column everywhere
LOST_GENERATION = 1_000  # a share link whose number was unreadable: new ones start above every old one
_AS_STORED = sa.types.NullType()
TIMES = {"created_at": N_("creation"), "updated_at": N_("last-saved"), "used_at": N_("last-used")}


@dataclass
class WorkspaceRow:
    """A workspace row as parsed: its values, what to write back to repair it, and why (for the user)."""

    id: str
    share_hash: str | None
    share_generation: int
    revision: int
    updated_at: dt.datetime
    used_at: dt.datetime
    view: object
    bytes: int
    repairs: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def as_stored(table: sa.Table, *names: str) -> list:
    """The columns (all, or those named) selected exactly as stored, under their own names."""
    columns = [table.c[name] for name in names] if names else list(table.c)
    return [sa.type_coerce(column, _AS_STORED).label(column.name) for column in columns]


def number(value: object) -> int | None:
    """A stored whole number (an int, or digits as text), else None."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_NUMBER else None


def moment(value: object) -> dt.datetime | None:
    """A stored time (a datetime, or ISO text as SQLite keeps it), naive UTC, else None."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def workspace_row(conn, where, now: dt.datetime) -> WorkspaceRow | None:
    """The workspace ``where`` selects, parsed column by column (see the module docstring); None if none."""
    raw = conn.execute(sa.select(*as_stored(workspaces)).where(where)).mappings().first()
    if raw is None:
        return None
    row = WorkspaceRow(str(raw["id"]), raw["share_hash"] if isinstance(raw["share_hash"], str) else None,
                       number(raw["share_generation"]) or 0, number(raw["revision"]) or 0,
                       moment(raw["updated_at"]) or now, moment(raw["used_at"]) or now, raw["view"],
                       number(raw["bytes"]) or 0)
    if number(raw["revision"]) is None:
        row.revision = row.repairs["revision"] = 1
        row.notices.append(_("its revision number was unreadable and starts again at 1; a window that had it open "
                             "is told it was saved elsewhere"))
    if number(raw["share_generation"]) is None:
        row.share_generation = row.repairs["share_generation"] = LOST_GENERATION
        if row.share_hash is not None or raw["share_hash"] is not None:
            row.share_hash = row.repairs["share_hash"] = None
            row.notices.append(_("its share link's number was unreadable, so that share link is off; make a new "
                                 "one"))
    unread = [name for name in TIMES if moment(raw[name]) is None]
    for name in unread:
        row.repairs[name] = now
    if unread:
        times = reduce(lambda first, second: _("{first} and {second}").format(first=first, second=second),
                       [_(TIMES[n]) for n in unread])
        row.notices.append(ngettext("its {times} time was unreadable and is now the time it was opened",
                                    "its {times} times were unreadable and are now the time it was opened",
                                    len(unread)).format(times=times))
    if number(raw["bytes"]) is None:
        row.repairs["bytes"] = 0  # counted again at the next save
    return row


def repair(conn, row: WorkspaceRow) -> None:
    """Write a row's repairs back (in the caller's transaction)."""
    if row.repairs:
        conn.execute(sa.update(workspaces).where(workspaces.c.id == row.id).values(**row.repairs))


def event_rows(conn, workspace_id: str, limit: int) -> list:
    """(position, event id, record) of a workspace's events, as stored, in order."""
    return conn.execute(sa.select(*as_stored(workspace_events, "position", "event_id", "record"))
                        .where(workspace_events.c.workspace_id == workspace_id)
                        .order_by(workspace_events.c.position).limit(limit)).all()


def article_rows(conn, workspace_id: str, limit: int) -> list[dict]:
    """A workspace's article rows as stored, in order, each with its ``id`` (for the article model)."""
    found = conn.execute(sa.select(*as_stored(workspace_articles)).where(workspace_articles.c.workspace_id ==
                                                                         workspace_id)
                         .order_by(workspace_articles.c.position).limit(limit)).mappings().all()
    return [{**found_row, "id": found_row["article_id"]} for found_row in found]


def revoked(conn, digest: str) -> tuple[bool, dt.datetime | None]:
    """Whether a share link with this digest was turned off, and when (None when unreadable)."""
    raw = conn.execute(sa.select(*as_stored(revoked_shares, "revoked_at"))
                       .where(revoked_shares.c.token_hash == digest)).first()
    return (False, None) if raw is None else (True, moment(raw[0]))
