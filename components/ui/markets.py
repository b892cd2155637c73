"""The Markets page's widget blocks: the symbols; the chart's own options (view, style, scale, event categories),
the event a click selects and how to read the chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.analysis.metrics import STYLES, VIEWS
from components.data.events import CATEGORIES, Event, category_name, shown_title
from components.data.symbols import BASIS_SHORT, KNOWN_SYMBOLS, InvalidSymbol, read_symbol
from components.facts import MAX_SYMBOLS
from components.locale import _, ngettext
from components.locale.formats import day
from components.text.safe import md_escape
from components.ui import navigation as nav
from components.ui import state
from components.ui.labels import shown_as
from components.ui.prices_events import available_symbols, selected_event


def symbols_ui() -> None:
    """The symbols to chart, bound to their state key (and so to the link)."""
    available = available_symbols()
    options = sorted(set(state.SYMBOLS.get()) | set(available or KNOWN_SYMBOLS))
    st.multiselect(_("Symbols"), options, max_selections=MAX_SYMBOLS, accept_new_options=available is None,
                   placeholder=_("Choose symbols") if available else _("Choose symbols or type one"),
                   **state.SYMBOLS.bind())
    if available is not None:
        st.caption(_("Symbols with prices here: {symbols}. Others are not in the saved prices.").format(
            symbols=", ".join(sorted(available))))


def chart_options_ui() -> None:
    """What only the chart shows: view, style, scale and event categories, each bound to its state key."""
    left, mid, right = st.columns([3, 3, 2], vertical_alignment="bottom")
    left.segmented_control(_("View"), list(VIEWS), required=True,
                           format_func=shown_as(VIEWS, lambda v: _(VIEWS[v])), **state.VIEW.bind())
    mid.segmented_control(_("Style"), list(STYLES), required=True,
                          format_func=shown_as(STYLES, lambda s: _(STYLES[s])), **state.STYLE.bind())
    right.toggle(_("Log scale"), disabled=state.VIEW.get() == "percent", **state.LOG.bind())
    st.pills(_("Event categories"), CATEGORIES, selection_mode="multi", format_func=shown_as(CATEGORIES, category_name),
             **state.CATEGORIES.bind(),
             help=_("Each category keeps its colour on every chart."))
    if state.STYLE.get() == "candles" and state.VIEW.get() != "price":
        st.caption(_("Candles are drawn in the Price view; the rebased and % change views use lines."))


def selected_note(events: list[Event]) -> None:
    """The event selected (by a click on the chart, or the link), with a link to its details on the timeline."""
    event = selected_event(events)
    if event is not None:
        note, link = st.columns([5, 1], vertical_alignment="center")
        note.markdown(_("**Selected:** {day} · {title}").format(day=day(event.date),
                                                                title=md_escape(shown_title(event))))
        link.page_link(nav.page("timeline"), label=_("Details"), icon=":material/arrow_forward:",
                       query_params={"event": event.id})


def chart_caption(count: int) -> None:
    """How to read the chart, with the number of events it marks."""
    st.caption(ngettext("{count} event in the range. Dotted lines mark events; triangles mark each market's reaction "
                        "session (up: a rise, down: a fall). Click a legend entry to hide a symbol with its marks. "
                        "Weekends and days when none of the chosen markets traded are left out.",
                        "{count} events in the range. Dotted lines mark events; triangles mark each market's reaction "
                        "session (up: a rise, down: a fall). Click a legend entry to hide a symbol with its marks. "
                        "Weekends and days when none of the chosen markets traded are left out.", count)
               .format(count=count))


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


def shown_basis(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose ``basis`` column says the basis in the run's language ("dividend-adjusted"); the
    frame itself keeps the keys a download writes ("adjusted")."""
    return frame.assign(basis=[_(BASIS_SHORT[b]) if b in BASIS_SHORT else b for b in frame["basis"]])
