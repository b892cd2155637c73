"""Cached computations shared by pages (Streamlit glue around pure functions).

Pages call the public functions with what they have; each builds its own cache key from plain
values (the events' identities, the provenance of the prices, or the price series themselves,
which ``st.cache_data`` hashes by content), so a user's new event or a live refetch recomputes.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import overlays
from components.claims import ClaimResult, evaluate_all, load_claims
from components.event_study import compare_events
from components.events import Event
from components.metrics import closes_by_symbol
from components.prices import PriceResult
from components.study_view import compare_display


def events_key(events: list[Event]) -> tuple:
    """What identifies a set of events for caching: every field that can change a result."""
    return tuple((e.id, e.date, e.time, e.tz, e.category, e.title, tuple(e.symbols), e.origin) for e in events)


def data_key(result: PriceResult) -> tuple:
    """What identifies the prices behind a result: per symbol its source, span, rows, note and fetch time."""
    return tuple((p.symbol, p.source, p.first, p.last, p.rows, p.note, p.fetched)
                 for p in result.provenance.values())


def compare_all_events(events: list[Event], stock: pd.Series, bench: pd.Series, symbol: str, benchmark: str,
                       estimation: tuple[int, int], window: tuple[int, int]) -> pd.DataFrame:
    """The all-events comparison table for one stock and benchmark."""
    return _compare_all_events(events, events_key(events), stock, bench, symbol, benchmark, tuple(estimation),
                               tuple(window))


def claim_results(history: PriceResult, events: list[Event]) -> list[ClaimResult]:
    """Every claim's verdict from the given prices and events."""
    return _claim_results(history, data_key(history), events, events_key(events))


def market_chart(history: PriceResult, events: list[Event], **options):
    """``overlays.market_chart`` for a page, reused while prices, events and options are the same."""
    return _market_chart(history, data_key(history), events, events_key(events), **options)


@st.cache_data(show_spinner="Running the event study for every event…", max_entries=64)
def _compare_all_events(_events: list[Event], key: tuple, stock: pd.Series, bench: pd.Series, symbol: str,
                        benchmark: str, estimation: tuple[int, int], window: tuple[int, int]) -> pd.DataFrame:
    return compare_display(compare_events(_events, stock, bench, symbol, benchmark, estimation, window))


@st.cache_data(show_spinner=False, max_entries=16)
def _claim_results(_history: PriceResult, key: tuple, _events: list[Event], events: tuple) -> list[ClaimResult]:
    return evaluate_all(load_claims(), closes_by_symbol(_history.frame), _events)


@st.cache_resource(show_spinner=False, max_entries=64)
def _market_chart(_history: PriceResult, key: tuple, _events: list[Event], events: tuple, **options):
    """A resource, not data: the figure is shared read-only (Streamlit only serialises it), and copying
    it on every hit, as ``st.cache_data`` would, costs as much as building it."""
    return overlays.market_chart(_history.frame, events=_events, **options)
