"""Parts of a page drawn once and sent again: the same elements for the same inputs, in any session.

Building an element (a table's Arrow data, a Markdown paragraph, a page link, a block of columns) costs more on every
run than sending the message it made. Streamlit replays what a cached function drew: :func:`draw` runs a drawing
inside one, keyed on what the drawing shows, so its first run draws and every later one sends those messages again,
into whatever container is active (blocks the drawing opens itself are opened again).

A drawing holds elements only, never a widget (a widget's value is the session's own), and its key must hold
everything it shows; the run's language is added. Inside a block it opens (an expander, a column) a drawing calls no
other replayed drawing (``tables.show``): Streamlit replays that one's messages outside the block.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable

import streamlit as st

from components import locale


def draw(name: str, drawing: Callable[[], object], *key: Hashable) -> None:
    """``drawing()``, drawn once per ``name``, ``key`` (plain values: everything the drawing shows) and language."""
    digest = hashlib.blake2b(repr((name, key, locale.catalog_key())).encode(), digest_size=16).hexdigest()
    _drawn(digest, _drawing=drawing)


@st.cache_resource(show_spinner=False, max_entries=2048)
def _drawn(key: str, *, _drawing: Callable[[], object]) -> None:  # one hashed argument: cheap to look up
    _drawing()
