"""Opening a saved workspace from a link (app.py's first frame steps).

A link with ``ws=<token>`` opens the workspace to edit, ``share=<token>`` read-only: its events and
articles join the session and its saved view fills in whatever the link does not say. A bad, unknown
or revoked token, or a database that does not answer, becomes a notice on the page.
"""

from __future__ import annotations

import logging

import streamlit as st

from components.locale import _, ngettext
from components.ui import state
from components.ui.articles import check_on_claims_page
from components.ui.saving import OpenWorkspace, digests, notice, saved_at
from components.workspace import store
from components.workspace.db import DatabaseError

log = logging.getLogger("dashboard")


def _drop_tokens() -> None:
    for name in state.TOKEN_PARAMS:
        if name in st.query_params:
            del st.query_params[name]


def open_from_url() -> None:
    """Open the workspace a link names (once per session and token); see the module docstring."""
    token, mode = next(((st.query_params[name], mode) for name, mode in state.TOKEN_PARAMS.items()
                        if st.query_params.get(name)), (None, None))
    if token is None:
        return
    current, written = state.WORKSPACE.get(), state.URL_WRITTEN.get() or {}
    if current is not None and current.token == token or token in written.values():
        return  # the open workspace, or a token this app wrote itself (the session moved on since)
    try:
        opened = store.open_link(token, mode)
    except store.LinkError as exc:
        notice(str(exc))
        _drop_tokens()
        return
    except DatabaseError as exc:
        log.warning("workspace link not opened: %s", exc)
        notice(_("Saved workspaces cannot be opened right now ({why}); reload the page in a moment.").format(why=exc))
        _drop_tokens()
        return
    _load(opened, token)


def _load(opened: store.Opened, token: str) -> None:
    content = opened.content
    state.USER_EVENTS.set(list(content.events))
    state.LOADED_ARTICLES.set(list(content.articles))
    if content.articles:  # the claims page checks the last article the workspace kept
        check_on_claims_page(content.articles[-1])
    state.ADDED_FILES.set(set())
    state.EXTRACTION.pop()
    workspace = OpenWorkspace(opened.workspace_id, opened.mode, token, opened.revision, opened.share_token,
                              digests(content), saved_at(opened.updated_at))
    state.WORKSPACE.set(workspace)
    for problem in opened.problems:
        notice(_("The saved workspace: {problem}.").format(problem=problem))
    events = ngettext("{count} event", "{count} events", len(content.events)).format(count=len(content.events))
    what = ngettext("{events} and {count} article", "{events} and {count} articles", len(content.articles)).format(
        events=events, count=len(content.articles)) if content.articles else events
    st.toast(_("Opened your workspace ({what}); changes are saved as you go.").format(what=what)
             if opened.mode == store.EDIT else _("Opened a shared workspace ({what}), read-only.").format(what=what),
             icon=":material/cloud_done:")
    link = {k: v for k, v in st.query_params.to_dict().items() if k not in state.TOKEN_PARAMS}
    merged = {**content.view, **link}  # what the link itself says wins over the saved view
    merged[workspace.param] = token
    st.query_params.from_dict(merged)  # links.sync_from_url applies it, checking every value as a link's


def notices_to_page() -> None:
    """After the link is applied: the workspace's notices join the link notices every page shows."""
    extra = state.WORKSPACE_NOTICES.pop()
    if extra:  # first: a link's other notices (an event of the workspace missing) follow from these
        state.URL_NOTICES.set([*extra, *state.URL_NOTICES.get()])
