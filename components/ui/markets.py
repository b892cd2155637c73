"""The Markets page's controls (Streamlit widget block): symbols, view, style, scale, event categories."""

from __future__ import annotations

import streamlit as st

from components.analysis.metrics import STYLES, VIEWS
from components.data.events import CATEGORIES, category_name
from components.data.symbols import KNOWN_SYMBOLS, InvalidSymbol, read_symbol
from components.facts import MAX_SYMBOLS
from components.locale import _
from components.ui import state
from components.ui.labels import shown_as
from components.ui.prices_events import available_symbols


def chart_options_ui() -> None:
    """The chart's options, each bound to its state key (and so to the link)."""
    available = available_symbols()
    options = sorted(set(state.SYMBOLS.get()) | set(available or KNOWN_SYMBOLS))
    left, mid, right = st.columns([3, 3, 2])
    left.multiselect(_("Symbols"), options, max_selections=MAX_SYMBOLS, accept_new_options=available is None,
                     placeholder=_("Choose symbols") if available else _("Choose symbols or type one"),
                     **state.SYMBOLS.bind())
    mid.segmented_control(_("View"), list(VIEWS), required=True,
                          format_func=shown_as(VIEWS, lambda v: _(VIEWS[v])), **state.VIEW.bind())
    right.segmented_control(_("Style"), list(STYLES), required=True,
                            format_func=shown_as(STYLES, lambda s: _(STYLES[s])), **state.STYLE.bind())
    st.toggle(_("Log scale"), disabled=state.VIEW.get() == "percent", **state.LOG.bind())
    st.pills(_("Event categories"), CATEGORIES, selection_mode="multi", format_func=shown_as(CATEGORIES, category_name),
             **state.CATEGORIES.bind(),
             help=_("Each category keeps its colour on every chart."))
    if available is not None:
        st.caption(_("Symbols with prices here: {symbols}. Others are not in the saved prices.").format(
            symbols=", ".join(sorted(available))))


def chosen_symbols() -> list[str]:
    """The chosen symbols in Yahoo's form; a warning for each that is not a symbol."""
    symbols = []
    for raw in state.SYMBOLS.get():
        try:
            typed = read_symbol(raw)
        except InvalidSymbol as exc:
            st.warning(str(exc), icon=":material/warning:")
            continue
        symbols.append(typed.symbol)
        if typed.note:
            st.caption(f":material/info: {typed.note}")
    return list(dict.fromkeys(symbols))
