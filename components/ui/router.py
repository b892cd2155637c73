"""The frame every page runs in: app.py's router, and a guard for pages Streamlit runs on their own."""

from __future__ import annotations

import contextlib
import runpy
import threading

import streamlit as st

from components.facts import PROJECT_ROOT

APP_FILE = PROJECT_ROOT / "app.py"
_frame = threading.local()


@contextlib.contextmanager
def router_frame():
    """Marks, for this script thread, that app.py is running the current page."""
    _frame.active = True
    try:
        yield
    finally:
        _frame.active = False


def require_router() -> None:
    """Make sure the page runs inside app.py's frame (state, sidebar range, URL sync).

    Because ``pages/`` exists, Streamlit runs some requests in its legacy multipage mode, which
    executes a page file on its own: a freshly started server's first request to a deep link, and
    every AppTest run after ``switch_page``. Then run app.py instead, whose ``st.navigation``
    serves the same page inside the frame, and stop this outer run.
    """
    if getattr(_frame, "active", False):
        return
    runpy.run_path(str(APP_FILE), run_name="__main__")
    st.stop()
