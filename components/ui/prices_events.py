"""The prices and events a page reads: the span of available prices, the session's events, and a full history.

Thin Streamlit glue over :mod:`components.data.store` and the bundled events: it adds the user's
own events from the session, and a spinner while a live fetch is under way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import lru_cache

import streamlit as st

from components import locale
from components.data import events as bundled
from components.data import store
from components.data.events import Event, events_problem, usable_events
from components.data.prices import PriceResult
from components.facts import HISTORY_START
from components.locale import _
from components.text.safe import md_escape
from components.ui import state


def data_span() -> tuple[dt.date, dt.date]:
    """First and last date any source can serve: the snapshot offline, up to today when live."""
    symbols = store.snapshot_symbols()
    first = min((dt.date.fromisoformat(m["first"]) for m in symbols.values()), default=HISTORY_START)
    last = max((dt.date.fromisoformat(m["last"]) for m in symbols.values()), default=dt.date.today())
    if not store.is_offline():
        first, last = min(first, HISTORY_START), dt.date.today()
    return first, last


def available_symbols() -> frozenset[str] | None:
    """Symbols that can be served: the snapshot's offline, any valid Yahoo symbol when live (None)."""
    return frozenset(store.snapshot_symbols()) if store.is_offline() else None


def all_events() -> list[Event]:
    """The article's events plus the user's, in time order (the article's alone put in order once); the user's alone
    when the events file cannot be read (:func:`events_notice` says why)."""
    user = state.USER_EVENTS.get()
    if not user:
        try:
            return list(_bundled_in_order(bundled.EVENTS_FILE))
        except bundled.EventsError:
            return []
    return sorted([*usable_events(), *user], key=lambda e: e.sort_key)


@lru_cache(maxsize=1)
def _bundled_in_order(path) -> tuple[Event, ...]:  # the file's path: a test may point the app at another
    return tuple(sorted(bundled.bundled_events(path), key=lambda e: e.sort_key))


def events_notice() -> None:
    """When the article's events cannot be read (a damaged events file): an error saying why, in the reader's
    language, instead of the page (every page is drawn around those events)."""
    problem = events_problem()
    if problem:
        st.error(_("The article's events cannot be read, so this page cannot be drawn: {reason}").format(
            reason=md_escape(problem)), icon=":material/error:")
        st.stop()


def selected_event(events: list[Event] | None = None) -> Event | None:
    eid = state.EVENT.get()
    return next((e for e in (all_events() if events is None else events) if e.id == eid), None)


def full_history(symbols: list[str]) -> PriceResult:
    """Every date of the symbols (for reaction sessions and windows that reach past the chart)."""
    first, last = data_span()
    if store.is_offline():
        kept = _offline_history(tuple(symbols), first, last, store.data_version(), locale.catalog_key())
        return dataclasses.replace(kept, frame=kept.frame.copy(deep=False), provenance=dict(kept.provenance),
                                   problems=list(kept.problems))
    with st.spinner(_("Fetching prices from Yahoo Finance…"), show_time=True):
        return store.get_prices(symbols, first, last)


@lru_cache(maxsize=32)
def _offline_history(symbols: tuple[str, ...], first: dt.date, last: dt.date, version: tuple,
                     language: tuple[str, int]) -> PriceResult:
    """Offline prices change only with the bundled files (``version``): read once per language (their notes are
    sentences), handed out as copies (pandas copies a shallow copy's data before any write to it, so no page
    changes what another sees)."""
    return store.get_prices(list(symbols), first, last)
