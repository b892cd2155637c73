"""The sidebar's workspace block (app.py's frame, under the page links): save, the share and edit links,
revoke, how the last save went, and "Download report".

The line that says how saving went is a :class:`StatusLine` of one run: app.py makes it, the sidebar
draws it, and :func:`components.ui.saving.autosave` has it redrawn after the page (``then=status.show``).
"""

from __future__ import annotations

import logging
import urllib.parse

import streamlit as st

from components.analysis.ranges import DateRange
from components.locale import _, ngettext
from components.text.safe import md_escape
from components.ui import saving, state, updown
from components.ui.links import to_params
from components.ui.report import report_button
from components.ui.saving import OpenWorkspace
from components.workspace import store

log = logging.getLogger("dashboard")


class StatusLine:
    """Where the sidebar says how the open workspace's saving went, in this run (None: not drawn)."""

    def __init__(self) -> None:
        self.slot = None

    def show(self, ws: OpenWorkspace) -> None:
        """Say how saving went (after the page the run may be ending, a rerun or a page switch: the next says it)."""
        if self.slot is None:
            return
        try:
            _status(ws, self.slot)
        except Exception:
            log.debug("workspace status not redrawn", exc_info=True)


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


def workspace_block(page: str, status: StatusLine, shown: DateRange) -> None:
    """The workspace block under the page links, and the report of the range ``shown``."""
    ws = state.WORKSPACE.get()
    updown.control()
    with st.sidebar:
        st.caption(_("Your workspace"))
        if ws is None:
            count = len(state.USER_EVENTS.get())
            st.markdown(ngettext("Your {count} event and this view are kept only in this tab. Save them to get a "
                                 "link that reopens them, and a read-only link to share.",
                                 "Your {count} events and this view are kept only in this tab. Save them to get a "
                                 "link that reopens them, and a read-only link to share.", count).format(count=count)
                        if count else _("This view is kept only in this tab. Save it to get a link that reopens it, "
                                        "and a read-only link to share."))
            st.button(_("Save and get links"), key=state.WS_SAVE, on_click=saving.create, type="primary",
                      icon=":material/cloud_upload:", width="stretch")
        elif ws.mode == store.EDIT:
            _owner_block(ws, page, status)
        else:
            st.info(_("A shared workspace, read-only: what you change here is not saved."),
                    icon=":material/visibility:")
            st.button(_("Save a copy of my own"), key=state.WS_COPY, on_click=saving.create,
                      icon=":material/content_copy:", width="stretch")
        report_button(page, _share_url(ws, page), shown)


def _share_url(ws: OpenWorkspace | None, page: str) -> str | None:
    if ws is None:
        return None
    token = ws.share if ws.mode == store.EDIT else ws.token
    return link_to(page, state.SHARE_PARAM, token) if token else None


def _status(ws: OpenWorkspace, slot) -> None:
    with slot.container():
        if ws.conflict:
            st.warning(_("This workspace was {what}, in another window; your changes here are not saved. Reload "
                         "to see the saved version, or save yours over it.").format(what=md_escape(ws.conflict)),
                       icon=":material/sync_problem:")
            st.button(_("Save mine over it"), key=state.WS_FORCE, on_click=saving.autosave, kwargs={"force": True})
        elif ws.problem:
            st.warning(md_escape(ws.problem), icon=":material/cloud_off:")
        else:
            st.caption(_(":material/cloud_done: Saved automatically · last saved {when}").format(when=ws.saved))


def _owner_block(ws: OpenWorkspace, page: str, status: StatusLine) -> None:
    status.slot = st.empty()  # autosave, at the end of this run, says how it went here
    _status(ws, status.slot)
    if ws.share:
        st.markdown(_("**Share (read-only)**"))
        st.code(_share_url(ws, page), language=None, wrap_lines=True)
        st.button(_("Turn the share link off"), key=state.WS_REVOKE, on_click=saving.revoke_share,
                  icon=":material/link_off:")
    else:
        st.caption(_("The share link is off: nobody can open this workspace read-only."))
        st.button(_("New share link"), key=state.WS_NEW_SHARE, on_click=saving.new_share, icon=":material/add_link:")
    st.markdown(_("**Your edit link**"))
    st.code(link_to(page, ws.param, ws.token), language=None, wrap_lines=True)
    st.caption(_("Keep it to yourself: anyone with it can change this workspace. The address bar holds it too, so "
                 "a reload keeps your work."))
