"""Saving the session as a workspace (Streamlit glue over :mod:`components.workspace.store`).

The open workspace is one value, :class:`OpenWorkspace` (``state.WORKSPACE``): which workspace, in which
mode, its token, revision and share link, what was last saved, and how the last save went.

* :func:`create`: "Save and get links" (or a viewer's "Save a copy"): a new workspace, in edit mode.
* :func:`autosave` (app.py, after every page run): an open workspace in edit mode is saved when its
  events, articles or view changed, so a reload never loses work. Two windows editing one workspace
  are told apart by its revision: the later one is told, and may save over it (``force``).
* :func:`new_share` and :func:`revoke_share`: the owner's share link, on and off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable

import streamlit as st

from components.data.events import Event
from components.facts import MAX_NEW_WORKSPACES_PER_SESSION
from components.locale import _
from components.locale.formats import day
from components.ui import links, state
from components.workspace import quotas, store
from components.workspace.db import DatabaseError
from components.workspace.records import Content, StoredArticle, event_record

log = logging.getLogger("dashboard")


@dataclasses.dataclass(frozen=True)
class OpenWorkspace:
    """The workspace this session has open, and how its saving went."""

    id: str
    mode: str  # store.EDIT (the owner's edit link) or store.VIEW (a share link, read-only)
    token: str  # the token of the link it was opened with (or created)
    revision: int
    share: str | None  # the current share link's token (edit mode; None when turned off)
    digests: dict[str, str]  # of the events, articles and view last saved: what autosave compares
    saved: str  # when it was last saved, as the sidebar says it
    problem: str | None = None  # why the last save failed (tried again after the next change)
    conflict: str | None = None  # another window saved first: nothing is saved until the owner chooses

    @property
    def param(self) -> str:
        """The link parameter that carries its token: ``ws`` to edit, ``share`` to view."""
        return next(name for name, mode in state.TOKEN_PARAMS.items() if mode == self.mode)


def saved_at(when: dt.datetime) -> str:
    """When a workspace was saved, as the sidebar says it."""
    return _("{day}, {time} UTC").format(day=day(when.date()), time=f"{when:%H:%M}")


def notice(text: str) -> None:
    """A sentence about a workspace (not opened, not saved, a record left out), shown once on the page."""
    state.WORKSPACE_NOTICES.set([*state.WORKSPACE_NOTICES.get(), text])


def current_content() -> Content:
    """What a workspace keeps of the session: the user's events, loaded articles and every page's view."""
    events = tuple(e for e in state.USER_EVENTS.get() if isinstance(e, Event) and e.origin == "user")
    articles = tuple(a for a in state.LOADED_ARTICLES.get() if isinstance(a, StoredArticle))
    return Content(events, articles, links.to_params(st.session_state, state.EVERY_PAGE))


def digests(content: Content) -> dict[str, str]:
    def digest(parts) -> str:
        return hashlib.blake2b("\x1e".join(parts).encode(), digest_size=16).hexdigest()
    return {"events": digest(event_record(e) for e in content.events),
            "articles": digest(a.model_dump_json() for a in content.articles),
            "view": digest([json.dumps(content.view, sort_keys=True)])}


def autosave(then: Callable[[OpenWorkspace], None] | None = None, force: bool = False) -> None:
    """Save the open workspace (edit mode) when what it holds changed, then ``then(workspace)``; never raises."""
    ws = state.WORKSPACE.get()
    if ws is None or ws.mode != store.EDIT or (ws.conflict and not force):
        return
    content = current_content()
    now = digests(content)
    if now == ws.digests and not force:
        return
    try:
        revision = store.save(ws.id, ws.token, ws.revision, content, force=force,
                              events=force or now["events"] != ws.digests["events"],
                              articles=force or now["articles"] != ws.digests["articles"])
    except store.Conflict as exc:
        ws = dataclasses.replace(ws, conflict=str(exc))
    except (store.NotSaved, store.LinkError) as exc:
        ws = dataclasses.replace(ws, problem=_("Not saved: {why}.").format(why=exc))
    except DatabaseError as exc:
        log.warning("workspace not saved: %s", exc)
        ws = dataclasses.replace(ws, problem=_("Not saved yet: {why}. It is tried again after your next change.")
                                 .format(why=exc))
    else:
        ws = dataclasses.replace(ws, revision=revision, digests=now, saved=saved_at(store.now()), problem=None,
                                 conflict=None)
    state.WORKSPACE.set(ws)
    if then is not None:
        then(ws)


def create() -> None:
    """Save the session as a new workspace (its owner is this session: edit mode from now on)."""
    if state.NEW_WORKSPACES.get() >= MAX_NEW_WORKSPACES_PER_SESSION:
        notice(_("This tab has already saved {limit} new workspaces, the most it may; keep working in the open one "
                 "(it saves itself).").format(limit=MAX_NEW_WORKSPACES_PER_SESSION))
        return
    content = current_content()
    try:
        created = store.create(content, address=client_address())
    except (store.NotSaved, DatabaseError) as exc:
        notice(_("Not saved: {why}.").format(why=exc))
        return
    state.NEW_WORKSPACES.set(state.NEW_WORKSPACES.get() + 1)
    state.WORKSPACE.set(OpenWorkspace(created.workspace_id, store.EDIT, created.edit_token, created.revision,
                                      created.share_token, digests(content), saved_at(store.now())))


def client_address() -> str:
    """The address new workspaces are counted by: the one nginx forwards, else the connection's."""
    try:
        headers, peer = dict(st.context.headers), st.context.ip_address
    except Exception:  # no browser request (AppTest, a script)
        headers, peer = {}, None
    return quotas.client_address(headers, peer)


def new_share() -> None:
    """A new share link (the owner's button, when the link is off)."""
    _change_share(store.new_share)


def revoke_share() -> None:
    """Turn the share link off: nobody can open the workspace read-only any more."""
    def revoke(ws_id: str, token: str) -> None:
        store.revoke_share(ws_id, token)
    _change_share(revoke)


def _change_share(action) -> None:
    ws = state.WORKSPACE.get()
    try:
        ws = dataclasses.replace(ws, share=action(ws.id, ws.token))
    except (store.LinkError, DatabaseError) as exc:
        ws = dataclasses.replace(ws, problem=_("The share link was not changed: {why}.").format(why=exc))
    state.WORKSPACE.set(ws)
