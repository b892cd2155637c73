"""The language of a run: chosen in the sidebar, carried by the link (``lang``) and the saved view, else the browser's.

:func:`chosen` is read at the very top of every run (app.py calls ``locale.use`` with it before anything is drawn),
so every layer's sentences come out in that language. A link being opened wins over the session's choice, as
:func:`components.ui.links.sync_from_url` decides; :func:`selector` draws the choice in the sidebar and applies it
again after the link and a saved workspace's view were read.
"""

from __future__ import annotations

import streamlit as st

from components import locale
from components.locale import _
from components.ui import state


def browser() -> str:
    """The app's language for the browser's preferred one (English when the browser does not say)."""
    try:
        tag = st.context.locale
    except Exception:  # no browser request (a script)
        tag = None
    return locale.from_browser(tag)


def chosen() -> str:
    """This run's language: a link being opened, else the session's choice, else the browser's preference."""
    query = st.query_params.to_dict()
    opened = query.get(state.LANG.param) if query != state.URL_WRITTEN.get() else None
    return opened if opened in locale.LANGUAGES else state.LANG.get() or browser()


def selector() -> None:
    """The sidebar's language choice, each language named in itself; the run goes on in the one chosen."""
    with st.sidebar:
        st.selectbox(_("Language"), list(locale.LANGUAGES), format_func=lambda code: locale.LANGUAGES[code][0],
                     **state.LANG.bind(shows=state.LANG.get() or browser()))
    locale.use(state.LANG.get() or browser())
