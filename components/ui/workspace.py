"""Saved workspaces in the app (Streamlit glue over :mod:`components.workspace.store`).

* :func:`open_from_url` (app.py, before the link is applied): a link with ``ws=<token>`` opens the
  workspace to edit, ``share=<token>`` read-only; its events and articles join the session and its
  saved view fills in whatever the link does not say. A bad, unknown or revoked token, or a
  database that does not answer, becomes a notice on the page.
* :func:`sidebar` (app.py): save, the share and edit links, revoke, and "Download report".
* :func:`autosave` (app.py, after every page run): an open workspace in edit mode is saved when its
  events, articles or view changed, so a reload never loses work. Two windows editing one workspace
  are told apart by its revision: the later one is told, and may save over it.
* :func:`remember_article` is the hook for a loaded article; :func:`articles_ui` lists them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import urllib.parse

import streamlit as st

from components.data.events import Event
from components.facts import MAX_ARTICLE_CHARS, MAX_NEW_WORKSPACES_PER_SESSION, MAX_WORKSPACE_ARTICLES
from components.text.claim_reader import LoadedArticle
from components.text.extraction import propose_events
from components.text.safe import md_escape
from components.ui import params as P
from components.ui import state
from components.ui.links import to_params
from components.ui.report import report_button
from components.workspace import quotas, store
from components.workspace.db import DatabaseError
from components.workspace.records import Content, StoredArticle, event_record

log = logging.getLogger("dashboard")
TOKEN_PARAMS = (state.WORKSPACE.param, state.SHARE.param)
_frame = threading.local()  # this run's status slot in the sidebar


# --- what is saved ---------------------------------------------------------------------------------

def view_params(values) -> dict[str, str]:
    """Every view value of the session as link parameters (all pages'), without tokens."""
    custom = values.get(state.RANGE_PRESET.name) == "custom"
    out = {}
    for key in state.VIEW_KEYS:
        value = values.get(key.name)
        dropped = key in (state.RANGE_START, state.RANGE_END) if not custom else key == state.RANGE_ANCHOR
        if dropped or value is None or (value == "" and key != state.ES_BENCHMARK):
            continue
        out[key.param] = P.format_value(value)
    return out


def current_content() -> Content:
    events = tuple(e for e in state.USER_EVENTS.get() if isinstance(e, Event) and e.origin == "user")
    articles = tuple(a for a in state.LOADED_ARTICLES.get() if isinstance(a, StoredArticle))
    return Content(events, articles, view_params(st.session_state))


def _digests(content: Content) -> dict[str, str]:
    def digest(parts) -> str:
        return hashlib.blake2b("\x1e".join(parts).encode(), digest_size=16).hexdigest()
    return {"events": digest(event_record(e) for e in content.events),
            "articles": digest(a.model_dump_json() for a in content.articles),
            "view": digest([json.dumps(content.view, sort_keys=True)])}


def _notice(text: str) -> None:
    state.WORKSPACE_NOTICES.set([*state.WORKSPACE_NOTICES.get(), text])


# --- opening a link --------------------------------------------------------------------------------

def _drop_tokens() -> None:
    for name in TOKEN_PARAMS:
        if name in st.query_params:
            del st.query_params[name]


def open_from_url() -> None:
    """Open the workspace a link names (once per session and token); see the module docstring."""
    edit, share = st.query_params.get(state.WORKSPACE.param), st.query_params.get(state.SHARE.param)
    token, mode = (edit, store.EDIT) if edit else (share, store.VIEW) if share else (None, None)
    if token is None:
        return
    current, written = state.WORKSPACE_OPEN.get(), state.URL_WRITTEN.get() or {}
    if current is not None and current["token"] == token or token in written.values():
        return  # the open workspace, or a token this app wrote itself (the session moved on since)
    try:
        opened = store.open_link(token, mode)
    except store.LinkError as exc:
        _notice(str(exc))
        _drop_tokens()
        return
    except DatabaseError as exc:
        log.warning("workspace link not opened: %s", exc)
        _notice(f"Saved workspaces cannot be opened right now ({exc}); reload the page in a moment.")
        _drop_tokens()
        return
    _load(opened, token)


def _load(opened: store.Opened, token: str) -> None:
    content = opened.content
    state.USER_EVENTS.set(list(content.events))
    state.LOADED_ARTICLES.set(list(content.articles))
    if content.articles:  # the claims page checks the last article the workspace kept
        _check_on_claims_page(_as_loaded(content.articles[-1]))
    state.ADDED_FILES.set(set())
    state.EXTRACTION.pop()
    state.WORKSPACE_OPEN.set({"id": opened.workspace_id, "mode": opened.mode, "token": token,
                              "revision": opened.revision, "share": opened.share_token,
                              "digests": _digests(content), "saved": f"{opened.updated_at:%d %b %Y %H:%M} UTC",
                              "problem": None, "conflict": None})
    state.WORKSPACE.set(token if opened.mode == store.EDIT else None)
    state.SHARE.set(token if opened.mode == store.VIEW else None)
    for problem in opened.problems:
        _notice(f"The saved workspace: {problem}.")
    what = f"{len(content.events)} event(s)" + (f" and {len(content.articles)} article(s)" if content.articles else "")
    st.toast(f"Opened your workspace ({what}); changes are saved as you go." if opened.mode == store.EDIT else
             f"Opened a shared workspace ({what}), read-only.", icon=":material/cloud_done:")
    link = {k: v for k, v in st.query_params.to_dict().items() if k not in TOKEN_PARAMS}
    merged = {**content.view, **link}  # what the link itself says wins over the saved view
    merged[state.WORKSPACE.param if opened.mode == store.EDIT else state.SHARE.param] = token
    st.query_params.from_dict(merged)  # links.sync_from_url applies it, checking every value as a link's


def notices_to_page() -> None:
    """After the link is applied: the workspace's notices join the link notices every page shows."""
    extra = state.WORKSPACE_NOTICES.pop()
    if extra:  # first: a link's other notices (an event of the workspace missing) follow from these
        state.URL_NOTICES.set([*extra, *state.URL_NOTICES.get()])


# --- saving ----------------------------------------------------------------------------------------

def autosave(force: bool = False) -> None:
    """Save the open workspace (edit mode) when what it holds changed; never raises."""
    ws = state.WORKSPACE_OPEN.get()
    if ws is None or ws["mode"] != store.EDIT or (ws["conflict"] and not force):
        return
    content = current_content()
    digests = _digests(content)
    if digests == ws["digests"] and not force:
        return
    try:
        revision = store.save(ws["id"], ws["token"], ws["revision"], content, force=force,
                              events=force or digests["events"] != ws["digests"]["events"],
                              articles=force or digests["articles"] != ws["digests"]["articles"])
    except store.Conflict as exc:
        ws["conflict"] = str(exc)
    except (store.NotSaved, store.LinkError) as exc:
        ws["problem"] = f"Not saved: {exc}."
    except DatabaseError as exc:
        log.warning("workspace not saved: %s", exc)
        ws["problem"] = f"Not saved yet: {exc}. It is tried again after your next change."
    else:
        ws.update(revision=revision, digests=digests, saved=f"{store.now():%d %b %Y %H:%M} UTC", problem=None,
                  conflict=None)
    slot, _frame.status = getattr(_frame, "status", None), None
    if slot is not None and not force:  # a callback (force) runs before the sidebar is drawn
        try:
            _status(ws, slot)
        except Exception:  # the run is ending (a rerun or page switch); the next run shows it
            log.debug("workspace status not redrawn", exc_info=True)


def _create() -> None:
    """Save the session as a new workspace (its owner is this session: edit mode from now on)."""
    if state.NEW_WORKSPACES.get() >= MAX_NEW_WORKSPACES_PER_SESSION:
        _notice(f"This browser session has saved {MAX_NEW_WORKSPACES_PER_SESSION} new workspaces, the most it "
                "may; keep working in the open one (it saves itself).")
        return
    content = current_content()
    try:
        created = store.create(content, address=client_address())
    except (store.NotSaved, DatabaseError) as exc:
        _notice(f"Not saved: {exc}.")
        return
    state.NEW_WORKSPACES.set(state.NEW_WORKSPACES.get() + 1)
    state.WORKSPACE_OPEN.set({"id": created.workspace_id, "mode": store.EDIT, "token": created.edit_token,
                              "revision": created.revision, "share": created.share_token,
                              "digests": _digests(content), "saved": f"{store.now():%d %b %Y %H:%M} UTC",
                              "problem": None, "conflict": None})
    state.WORKSPACE.set(created.edit_token)
    state.SHARE.set(None)


def client_address() -> str:
    """The address new workspaces are counted by: the one nginx forwards, else the connection's."""
    try:
        headers, peer = dict(st.context.headers), st.context.ip_address
    except Exception:  # no browser request (AppTest, a script)
        headers, peer = {}, None
    return quotas.client_address(headers, peer)


def _share_action(action) -> None:
    ws = state.WORKSPACE_OPEN.get()
    try:
        ws["share"] = action(ws["id"], ws["token"])
    except (store.LinkError, DatabaseError) as exc:
        ws["problem"] = f"The share link was not changed: {exc}."


def _revoke(ws_id: str, token: str) -> None:
    store.revoke_share(ws_id, token)


# --- the sidebar -----------------------------------------------------------------------------------

def base_url() -> str:
    """The app's address as the browser sees it (scheme, host, base path), or '' when unknown."""
    try:
        parts = urllib.parse.urlsplit(st.context.url or "")
    except Exception:  # no browser request (AppTest)
        return ""
    if not parts.scheme or not parts.netloc:
        return ""
    path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}" + (f"/{path}" if path else "")


def link_to(page: str, token_param: str, token: str) -> str:
    """A short link to ``page`` of a workspace: its token and the selected event; the rest of the screen
    (range, symbols, windows...) comes from the workspace's saved view, which autosave keeps current."""
    params = {token_param: token}
    event = to_params(st.session_state, page).get(state.EVENT.param)
    if event:
        params[state.EVENT.param] = event
    path = "" if page == "overview" else page
    return f"{base_url()}/{path}?{urllib.parse.urlencode(params, safe=',:^')}"


def sidebar(page: str) -> None:
    """The workspace block under the page links."""
    ws = state.WORKSPACE_OPEN.get()
    with st.sidebar:
        st.caption("Your workspace")
        if ws is None:
            count = len(state.USER_EVENTS.get())
            st.markdown(f"Your {count} event(s) and this view live only in this tab. Save them to get a link "
                        "that reopens them and a read-only link to share.")
            st.button("Save and get links", key=state.WS_SAVE, on_click=_create, type="primary",
                      icon=":material/cloud_upload:", width="stretch")
        elif ws["mode"] == store.EDIT:
            _owner_block(ws, page)
        else:
            st.info("A shared workspace, read-only: what you change here is not saved.", icon=":material/visibility:")
            st.button("Save a copy of my own", key=state.WS_COPY, on_click=_create, icon=":material/content_copy:",
                      width="stretch")
        report_button(page, share_url=_share_url(ws, page))


def _share_url(ws: dict | None, page: str) -> str | None:
    if ws is None:
        return None
    token = ws["share"] if ws["mode"] == store.EDIT else ws["token"]
    return link_to(page, state.SHARE.param, token) if token else None


def _status(ws: dict, slot) -> None:
    with slot.container():
        if ws["conflict"]:
            st.warning(f"This workspace was {md_escape(ws['conflict'])}, in another window; your changes here are "
                       "not saved. Reload to see the saved version, or save yours over it.",
                       icon=":material/sync_problem:")
            st.button("Save mine over it", key=state.WS_FORCE, on_click=autosave, args=(True,))
        elif ws["problem"]:
            st.warning(md_escape(ws["problem"]), icon=":material/cloud_off:")
        else:
            st.caption(f":material/cloud_done: Saved automatically · last saved {ws['saved']}")


def _owner_block(ws: dict, page: str) -> None:
    _frame.status = st.empty()  # autosave, at the end of this run, says how it went here
    _status(ws, _frame.status)
    if ws["share"]:
        st.markdown("**Share (read-only)**")
        st.code(_share_url(ws, page), language=None, wrap_lines=True)
        st.button("Turn the share link off", key=state.WS_REVOKE, on_click=_share_action, args=(_revoke,),
                  icon=":material/link_off:")
    else:
        st.caption("The share link is off: nobody can open this workspace read-only.")
        st.button("New share link", key=state.WS_NEW_SHARE, on_click=_share_action, args=(store.new_share,),
                  icon=":material/add_link:")
    st.markdown("**Your edit link**")
    st.code(link_to(page, state.WORKSPACE.param, ws["token"]), language=None, wrap_lines=True)
    st.caption("Keep it to yourself: anyone with it can change this workspace. The address bar holds it too, so a "
               "reload keeps your work.")


# --- loaded articles -------------------------------------------------------------------------------

def remember_article(loaded: LoadedArticle, url: str | None = None) -> None:
    """Make an article the one the claims page checks, and keep it (text and metadata) in the workspace."""
    _check_on_claims_page(loaded)
    text = loaded.text.strip()[:MAX_ARTICLE_CHARS]
    if not text:
        return
    title = loaded.label[:150] if loaded.label != "(empty text)" else "Untitled article"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "article"
    article_id = f"{slug}-{hashlib.blake2b(text.encode(), digest_size=4).hexdigest()}"
    try:
        article = StoredArticle(id=article_id, title=title, url=url, published=loaded.published, place=loaded.place,
                                text=text, added_at=store.now())
    except ValueError as exc:
        _notice(f"The article is not kept in your workspace: {str(exc).splitlines()[0]}.")
        return
    kept = [a for a in state.LOADED_ARTICLES.get() if a.id != article_id]
    state.LOADED_ARTICLES.set([*kept, article][-MAX_WORKSPACE_ARTICLES:])


def _check_on_claims_page(loaded: LoadedArticle) -> None:
    state.LOADED_ARTICLE.set(loaded)
    state.CLAIMS_SOURCE.set("loaded")


def _as_loaded(article: StoredArticle) -> LoadedArticle:
    return LoadedArticle(article.text, article.published or article.added_at.date(), article.place)


def articles_ui() -> None:
    """The loaded articles of the session (and its workspace), each with "propose events again"."""
    articles = state.LOADED_ARTICLES.get()
    if not articles:
        return
    st.subheader(f"Your articles ({len(articles)})")
    st.caption(f"Kept with your workspace (at most {MAX_WORKSPACE_ARTICLES}); events and figures are computed "
               "again from their text.")
    for i, article in enumerate(articles):
        left, right = st.columns([4, 1], vertical_alignment="center")
        dated = f"{article.published:%d %b %Y}" if article.published else "no date"
        left.markdown(f"**{md_escape(article.title)}** · {dated} · {len(article.text):,} characters")
        if right.button("Propose events", key=state.article_key(i)):
            try:
                loaded = _as_loaded(article)
                state.EXTRACTION.set(propose_events(loaded.text, loaded.published, place=loaded.place or None))
                _check_on_claims_page(loaded)
            except ValueError as exc:
                st.error(md_escape(exc))
