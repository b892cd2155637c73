"""The reader's up/down colour convention: its sidebar control, the convention of this run, and signed tables.

The setting is ``state.UPDOWN`` (link parameter ``updown=``, kept in a saved workspace's view). While the reader has
not chosen, it follows the language: green up in English and in Hong Kong, red up on the mainland
(``palette.updown_for``). Figures and tables take the convention by name (:func:`chosen`), never from a global.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from components import locale
from components.charts.palette import UPDOWNS, cell_css, convention, sign_of, updown_for
from components.locale import _
from components.ui import caches, state
from components.ui.labels import shown_as


def chosen() -> str:
    """The name of the convention this run draws with: the reader's choice, else their language's custom."""
    return state.UPDOWN.get() or updown_for(locale.current())


def control() -> None:
    """The sidebar's choice of convention (bound to ``state.UPDOWN``; it shows the language's custom until chosen)."""
    with st.sidebar:
        st.radio(_("Rise and fall colours"), list(UPDOWNS),
                 format_func=shown_as(UPDOWNS, lambda name: _(UPDOWNS[name].label)),
                 help=_("Which colour marks a rise on the charts and tables. A sign (+ or −) or a triangle "
                        "(▲ ▼) always stands beside the colour."),
                 **state.UPDOWN.bind(shows=updown_for(locale.current())))


def styled(frame: pd.DataFrame, numeric: Mapping[str, str] | None = None) -> Styler:
    """``frame`` with each signed figure tinted in the convention's colour of its direction: every cell written as
    one signed figure ("+8.39%", "−1.20 pp"), and every non-zero number of the ``numeric`` columns, which are
    written with their format there ("{:+.2f}%": a table shows a Styler's text, so the sign stays beside the tint)."""
    colors = convention(chosen())
    numeric = {c: f for c, f in (numeric or {}).items() if c in frame.columns}
    text = [c for c in frame.columns if c not in numeric and frame[c].map(sign_of).any()]
    style = frame.style
    if numeric:
        style = style.map(lambda v: cell_css(v, colors), subset=list(numeric)).format(numeric, na_rep="—")
    if text:
        style = style.map(lambda v: cell_css(v, colors) if isinstance(v, str) else "", subset=text)
    return style


def shared(name: str, build: Callable[[], pd.DataFrame], *key: Hashable, numeric: Mapping[str, str] | None = None,
           history=None, events=None) -> Styler:
    """:func:`styled` of ``build()``, made once per ``name``, ``key``, prices, events, language and convention and
    shared read-only by every session (``caches.shared``; ``key`` holds every input of ``build`` but those), with its
    styles worked out once (:func:`_worked_out`)."""
    return caches.shared(name, lambda: _worked_out(styled(build(), numeric)), chosen(), *key, history=history,
                         events=events)


def _worked_out(style: Styler) -> Styler:
    """``style`` with its styles computed now, once: ``st.dataframe`` asks a Styler to compute and translate its
    styles on every run (more than the rest of drawing the table costs); a shared Styler is never changed, so the
    first translation is every later one's, and no two sessions compute on one Styler at once."""
    style._compute()
    translated = style._translate(False, False)
    style._compute = lambda: style
    style._translate = lambda *args, **kwargs: translated
    return style
