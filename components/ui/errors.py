"""What a reader sees when something breaks: a short message and a reference, never a traceback.

:func:`guarded` wraps a page (in app.py) and each fragment: an unexpected exception is logged on
the server with a reference, and the page shows one sentence with that reference instead of the
exception, its stack and the server's file paths. Streamlit's own control flow (``st.stop``,
``st.rerun``, page switches) passes through untouched. Tests set ``DASHBOARD_RAISE_ERRORS=1`` so a
bug still fails them with its traceback.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import uuid

import streamlit as st

from components import locale
from components.locale import _
from components.ui import language

RAISE_ENV = "DASHBOARD_RAISE_ERRORS"
log = logging.getLogger("dashboard")


@contextlib.contextmanager
def guarded(where: str):
    """Run a block; an exception in it becomes a logged reference and a short message on the page."""
    try:
        yield
    except Exception as exc:  # StopException and RerunException are BaseExceptions: they pass
        if os.environ.get(RAISE_ENV) == "1":
            raise
        ref = uuid.uuid4().hex[:8]
        log.exception("error %s in %s (%s)", ref, where, type(exc).__name__)
        st.error(_("Something went wrong while drawing this part of the page, so it is left out. Please quote "
                   "the reference **{ref}** when you report it; another date range, event or symbol may work "
                   "meanwhile.").format(ref=ref), icon=":material/error:")


def guard(where: str):
    """Decorator form of :func:`guarded`, for fragments."""
    def wrap(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            locale.use(language.chosen())  # a fragment's own rerun does not pass through app.py
            with guarded(where):
                return func(*args, **kwargs)
        return run
    return wrap
