"""Saving and opening workspaces (pure: SQLAlchemy Core, no streamlit).

* :func:`create` stores new content and returns its links' tokens (edit and share).
* :func:`open_link` opens a workspace by an edit or a share token; a bad, unknown or revoked
  token raises :class:`LinkError` with a sentence for the user.
* :func:`save` replaces a workspace's content (events, articles, view; ``None`` keeps a part)
  after checking the edit token and the revision the caller last saw (:class:`Conflict`).
* :func:`revoke_share` and :func:`new_share` turn the share link off and issue a new one.
* :func:`expire` deletes workspaces unused for ``WORKSPACE_EXPIRY_DAYS``; :func:`create` calls it,
  a bounded batch at a time, so expiry needs no scheduler.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass

import sqlalchemy as sa

from components.facts import (
    MAX_WORKSPACE_ARTICLES,
    MAX_WORKSPACE_EVENTS,
    WORKSPACE_EXPIRY_DAYS,
)
from components.locale import _, joined
from components.locale import formats as F
from components.text.upload_schema import clip
from components.workspace import quotas, rows, tokens
from components.workspace.db import DatabaseError, failure, serialize, transaction
from components.workspace.records import (
    Content,
    NotSaved,
    StoredArticle,
    check_for_save,
    content_bytes,
    event_record,
    read_article,
    read_event,
    read_view,
    view_json,
)
from components.workspace.schema import revoked_shares, workspace_articles, workspace_events, workspaces

log = logging.getLogger("dashboard")
EDIT, VIEW = "edit", "view"
EXPIRE_BATCH = 200
TOUCH_EVERY = dt.timedelta(hours=1)  # opening a workspace refreshes its last use at most this often


class LinkError(ValueError):
    """A link's token cannot open a workspace; the message says why, for the user."""


class Conflict(RuntimeError):
    """The workspace was saved elsewhere (another window) since this one opened or saved it."""


@dataclass(frozen=True)
class Opened:
    """A workspace as opened: its content, the problems of records left out, and its links."""

    workspace_id: str
    mode: str  # EDIT or VIEW
    revision: int
    content: Content
    problems: list[str]
    share_token: str | None  # the current share link (edit mode only, when not revoked)
    updated_at: dt.datetime


@dataclass(frozen=True)
class Created:
    workspace_id: str
    edit_token: str
    share_token: str
    revision: int


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _guarded(func):
    """Database and file failures become :class:`DatabaseError` with a short cause (never a stack, a host,
    a folder or a password)."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (sa.exc.SQLAlchemyError, OSError) as exc:
            log.warning("workspace database failed in %s: %r", func.__name__, exc)
            raise failure(exc) from exc
    return run


def _insert_content(conn, workspace_id: str, content: Content, events: bool, articles: bool) -> None:
    if events:
        conn.execute(sa.delete(workspace_events).where(workspace_events.c.workspace_id == workspace_id))
        rows = [{"workspace_id": workspace_id, "position": i, "event_id": e.id, "record": event_record(e)}
                for i, e in enumerate(content.events)]
        if rows:
            conn.execute(sa.insert(workspace_events), rows)
    if articles:
        conn.execute(sa.delete(workspace_articles).where(workspace_articles.c.workspace_id == workspace_id))
        rows = [{"workspace_id": workspace_id, "position": i, **a.model_dump(exclude={"id"}), "article_id": a.id}
                for i, a in enumerate(content.articles)]
        if rows:
            conn.execute(sa.insert(workspace_articles), rows)


@_guarded
def create(content: Content, *, address: str | None = None, url: str | None = None,
           when: dt.datetime | None = None) -> Created:
    """Store ``content`` as a new workspace from the client at ``address``; its edit token and first share token.

    Raises :class:`NotSaved` when the content or a fair-share limit (components/workspace/quotas.py) refuses it."""
    problems = check_for_save(content)
    if problems:
        raise NotSaved(str(joined(problems)))
    when, size, digest = when or now(), content_bytes(content), quotas.creator(address)
    edit = tokens.new_edit_token()
    share = tokens.share_token(edit, 1)
    workspace_id = tokens.new_workspace_id()
    with transaction(url, serial=True) as conn:  # counted and inserted alone: no two creates pass a limit together
        expire(conn, when)
        quotas.check_new(conn, digest, size, when)
        conn.execute(sa.insert(workspaces).values(
            id=workspace_id, edit_hash=tokens.token_hash(edit), share_hash=tokens.token_hash(share),
            share_generation=1, revision=1, created_at=when, updated_at=when, used_at=when,
            view=view_json(content.view), bytes=size, creator=digest))
        _insert_content(conn, workspace_id, content, True, True)
    return Created(workspace_id, edit, share, 1)


def expire(conn, when: dt.datetime) -> int:
    """Delete up to ``EXPIRE_BATCH`` workspaces unused for ``WORKSPACE_EXPIRY_DAYS`` days; how many."""
    cutoff = when - dt.timedelta(days=WORKSPACE_EXPIRY_DAYS)
    ids = conn.execute(sa.select(workspaces.c.id).where(workspaces.c.used_at < cutoff)
                       .limit(EXPIRE_BATCH)).scalars().all()
    if ids:
        for table in (workspace_events, workspace_articles, revoked_shares):
            conn.execute(sa.delete(table).where(table.c.workspace_id.in_(ids)))
        conn.execute(sa.delete(workspaces).where(workspaces.c.id.in_(ids)))
    return len(ids)


def _check_token(token: object, what: str) -> str:
    if not tokens.looks_like_token(token):
        sentence = (_("This edit link is not valid: its code should be 43 letters, digits, '-' or '_' (check that "
                      "the whole link was copied).") if what == "edit" else
                    _("This share link is not valid: its code should be 43 letters, digits, '-' or '_' (check that "
                      "the whole link was copied)."))
        raise LinkError(sentence)
    return token


def _unknown(what: str) -> LinkError:
    sentence = (_("No saved workspace has this edit link. It may be mistyped or cut short, or the workspace was "
                  "deleted after {days} days without being opened or saved.") if what == "edit" else
                _("No saved workspace has this share link. It may be mistyped or cut short, or the workspace was "
                  "deleted after {days} days without being opened or saved."))
    return LinkError(sentence.format(days=WORKSPACE_EXPIRY_DAYS))


@_guarded
def open_link(token: object, mode: str, *, url: str | None = None, when: dt.datetime | None = None) -> Opened:
    """The workspace an edit (``mode`` EDIT) or share (VIEW) token opens, with its content read back."""
    what = "edit" if mode == EDIT else "share"
    digest = tokens.token_hash(_check_token(token, what))
    column = workspaces.c.edit_hash if mode == EDIT else workspaces.c.share_hash
    when = when or now()
    with transaction(url) as conn:
        row = rows.workspace_row(conn, column == digest, when)
        if row is None:
            off, revoked = (False, None) if mode == EDIT else rows.revoked(conn, digest)
            if off:
                raise LinkError(_("This share link was turned off by the workspace's owner on {day}. Ask them for "
                                  "the new one.").format(day=F.padded_date(revoked)) if revoked else
                                _("This share link was turned off by the workspace's owner. Ask them for the new "
                                  "one."))
            raise _unknown(what)
        content, problems = _read_content(conn, row)
    if row.repairs or when - row.used_at > TOUCH_EVERY:
        _touch(row, when, url)
    share = None
    if mode == EDIT and row.share_hash is not None:
        share = tokens.share_token(token, row.share_generation)
    return Opened(row.id, mode, row.revision, content, row.notices + problems, share, row.updated_at)


def _touch(row: rows.WorkspaceRow, when: dt.datetime, url: str | None) -> None:
    """Record the use (expiry counts from it) and write the row's repairs; a database that cannot take the
    write (full, read-only) still opens the link."""
    try:
        with transaction(url, write=True) as conn:
            rows.repair(conn, row)
            if when - row.used_at > TOUCH_EVERY:
                conn.execute(sa.update(workspaces).where(workspaces.c.id == row.id).values(used_at=when))
    except (sa.exc.SQLAlchemyError, OSError, DatabaseError) as exc:
        log.warning("workspace %s opened but its last use not recorded (%s)", row.id, type(exc).__name__)


def _read_content(conn, row: rows.WorkspaceRow) -> tuple[Content, list[str]]:
    view, problems = read_view(row.view)
    events = []
    found = rows.event_rows(conn, row.id, MAX_WORKSPACE_EVENTS + 1)
    for i, (_position, event_id, record) in enumerate(found[:MAX_WORKSPACE_EVENTS], start=1):
        event, why = read_event(record, _("saved event #{number} '{id}'").format(number=i, id=clip(event_id, 80)))
        problems += [_("{problem}; it was left out, the other events are loaded").format(problem=w) for w in why]
        if event is not None and all(e.id != event.id for e in events):
            events.append(event)
    if len(found) > MAX_WORKSPACE_EVENTS:
        problems.append(_("the workspace holds more than {n} events; the first {n} are loaded").format(
            n=MAX_WORKSPACE_EVENTS))
    articles: list[StoredArticle] = []
    for i, arow in enumerate(rows.article_rows(conn, row.id, MAX_WORKSPACE_ARTICLES), start=1):
        article, why = read_article(arow, _("saved article #{number}").format(number=i))
        problems += [_("{problem}; it was left out").format(problem=w) for w in why]
        if article is not None:
            articles.append(article)
    return Content(tuple(events), tuple(articles), view), problems


def _owned(conn, workspace_id: str, edit_token: str, when: dt.datetime) -> rows.WorkspaceRow:
    """The workspace this edit token owns (its unreadable columns repaired in this transaction)."""
    row = rows.workspace_row(conn, (workspaces.c.id == workspace_id) &
                             (workspaces.c.edit_hash == tokens.token_hash(edit_token)), when)
    if row is None:
        raise _unknown("edit")
    rows.repair(conn, row)
    return row


@_guarded
def save(workspace_id: str, edit_token: str, revision: int, content: Content, *, events: bool = True,
         articles: bool = True, force: bool = False, url: str | None = None,
         when: dt.datetime | None = None) -> int:
    """Replace the workspace's content (``events``/``articles`` False keeps that part); the new revision.

    Raises :class:`Conflict` when it was saved since ``revision`` (unless ``force``), :class:`NotSaved`
    when the content breaks a limit."""
    problems = check_for_save(content)
    if problems:
        raise NotSaved(str(joined(problems)))
    when = when or now()
    with transaction(url, write=True) as conn:
        row = _owned(conn, workspace_id, edit_token, when)
        if row.revision != revision and not force:
            raise Conflict(_("saved elsewhere at {time} UTC (revision {revision})").format(
                time=f"{row.updated_at:%H:%M}", revision=row.revision))
        new, size = row.revision + 1, content_bytes(content)
        if size > row.bytes:  # growing counts against the database's limit, alone like a create
            serialize(conn)
            quotas.check_growth(conn, size - row.bytes)
        done = conn.execute(sa.update(workspaces).where(workspaces.c.id == workspace_id)
                            .where(workspaces.c.revision == row.revision)
                            .values(revision=new, updated_at=when, used_at=when, view=view_json(content.view),
                                    bytes=size))
        if done.rowcount != 1:  # another save slipped in between the read and this update
            raise Conflict(_("saved elsewhere a moment ago"))
        _insert_content(conn, workspace_id, content, events, articles)
    return new


@_guarded
def revoke_share(workspace_id: str, edit_token: str, *, url: str | None = None,
                 when: dt.datetime | None = None) -> None:
    """Turn the current share link off for good (it then says so when opened)."""
    when = when or now()
    with transaction(url, write=True) as conn:
        row = _owned(conn, workspace_id, edit_token, when)
        if row.share_hash is None:
            return
        off = conn.execute(sa.update(workspaces).where(workspaces.c.id == workspace_id)
                           .where(workspaces.c.share_hash == row.share_hash).values(share_hash=None))
        if off.rowcount == 1:  # else another window turned it off a moment ago: it is off all the same
            conn.execute(sa.insert(revoked_shares).values(token_hash=row.share_hash, workspace_id=workspace_id,
                                                          revoked_at=when))


@_guarded
def new_share(workspace_id: str, edit_token: str, *, url: str | None = None) -> str:
    """Issue a new share link (the next generation; the revoked ones stay off); its token."""
    with transaction(url, write=True) as conn:
        row = _owned(conn, workspace_id, edit_token, now())
        if row.share_hash is not None:
            return tokens.share_token(edit_token, row.share_generation)
        generation = row.share_generation + 1
        token = tokens.share_token(edit_token, generation)
        conn.execute(sa.update(workspaces).where(workspaces.c.id == workspace_id)
                     .values(share_hash=tokens.token_hash(token), share_generation=generation))
    return token
