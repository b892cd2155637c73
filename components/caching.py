"""Cached computations shared by pages (Streamlit glue around pure functions).

Keys are built from plain values: the events' identities and the price series themselves (which
``st.cache_data`` hashes by content), so a user's new event or a live refetch recomputes.
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


@st.cache_data(show_spinner="Running the event study for every event…", max_entries=64)
def compare_all_events(_events: list[Event], key: tuple, stock: pd.Series, bench: pd.Series, symbol: str,
                       benchmark: str, estimation: tuple[int, int], window: tuple[int, int]) -> pd.DataFrame:
    """The all-events comparison table for one stock and benchmark (``key`` stands for ``_events``)."""
    return compare_display(compare_events(_events, stock, bench, symbol, benchmark, estimation, window))


def data_key(result: PriceResult) -> tuple:
    """What identifies the prices behind a result: per symbol its source, span, rows and note."""
    return tuple((p.symbol, p.source, p.first, p.last, p.rows, p.note) for p in result.provenance.values())


@st.cache_data(show_spinner=False, max_entries=16)
def claim_results(_history: PriceResult, key: tuple, _events: list[Event], events: tuple) -> list[ClaimResult]:
    """Every claim's verdict from the given prices (``key`` and ``events`` stand for the unhashed args)."""
    return evaluate_all(load_claims(), closes_by_symbol(_history.frame), _events)


@st.cache_resource(show_spinner=False, max_entries=64)
def market_chart(_history: PriceResult, key: tuple, _events: list[Event], events: tuple, **options):
    """``overlays.market_chart`` for the page, reused while prices, events and options are the same.

    A resource, not data: the figure is shared read-only (Streamlit only serialises it), and copying
    it on every hit, as ``st.cache_data`` would, costs as much as building it.
    """
    return overlays.market_chart(_history.frame, events=_events, **options)
