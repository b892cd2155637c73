"""Cached computations shared by pages (Streamlit glue around pure functions).

Keys are built from plain values: the events' identities and the price series themselves (which
``st.cache_data`` hashes by content), so a user's new event or a live refetch recomputes.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.event_study import compare_events
from components.events import Event
from components.study_view import compare_display


def events_key(events: list[Event]) -> tuple:
    """What identifies a set of events for caching: every field that can change a result."""
    return tuple((e.id, e.date, e.time, e.tz, e.category, e.title) for e in events)


@st.cache_data(show_spinner="Running the event study for every event…", max_entries=64)
def compare_all_events(_events: list[Event], key: tuple, stock: pd.Series, bench: pd.Series, symbol: str,
                       benchmark: str, estimation: tuple[int, int], window: tuple[int, int]) -> pd.DataFrame:
    """The all-events comparison table for one stock and benchmark (``key`` stands for ``_events``)."""
    return compare_display(compare_events(_events, stock, bench, symbol, benchmark, estimation, window))
