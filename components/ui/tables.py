"""Tables drawn as they were made: a table never changed once made is turned into what the browser reads only once.

``st.dataframe`` converts its data to Arrow (and a Styler's text and colours) on every run, which costs more than
the rest of a page's drawing. The tables pages show are cached per inputs and language (``caches.shared``,
``updown.shared``, a chart's data) and never changed, so :func:`show` draws a table once per its content and the
drawing's options (:func:`components.ui.replay.draw`): every later drawing is the first one sent again, in any
session.

The content key is worked out once per table object (:func:`content_key`): a table must not be changed after it is
first shown.
"""

from __future__ import annotations

import hashlib
import weakref

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components.ui import replay

_KEYS: dict[int, tuple[weakref.ref, str]] = {}  # id of a table -> (the table, its content key)


def show(table: pd.DataFrame | Styler, *, key: str | None = None, **options) -> None:
    """``st.dataframe(table, key=key, **options)`` for a table that is never changed once made."""
    replay.draw("table", lambda: st.dataframe(table, key=key, **options), content_key(table), key,
                sorted(options.items()))


def content_key(table: pd.DataFrame | Styler) -> str:
    """What the table shows (values, columns, index; for a Styler its text and styles too), worked out once per
    table object."""
    known = _KEYS.get(id(table))
    if known is not None and known[0]() is table:
        return known[1]
    found = _content(table)
    ident = id(table)
    _KEYS[ident] = (weakref.ref(table, lambda _ref: _KEYS.pop(ident, None)), found)
    return found


def _content(table: pd.DataFrame | Styler) -> str:
    if isinstance(table, Styler):
        table._compute()
        shown = table._translate(False, False)
        return _digest(repr((_frame_key(table.data), shown["body"], shown["head"], shown["cellstyle"],
                             table.hide_index_, table.hide_columns_)))
    return _frame_key(table)


def _frame_key(frame: pd.DataFrame) -> str:
    try:
        rows = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    except TypeError:  # a cell that cannot be hashed (a list): its text
        rows = frame.to_json(orient="split", date_format="iso", default_handler=repr).encode()
    return _digest(repr((list(frame.columns), [str(t) for t in frame.dtypes], frame.index.name)).encode() + rows)


def _digest(data: str | bytes) -> str:
    return hashlib.blake2b(data.encode() if isinstance(data, str) else data, digest_size=16).hexdigest()
