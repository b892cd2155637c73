"""The app-wide date range: presets or custom dates, one choice shared by every page.

The session keeps what the user chose (``RANGE_PRESET``, ``RANGE_ANCHOR`` and, for a custom range,
``RANGE_START``/``RANGE_END``); :func:`current_range` turns it into dates against the data's span.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.analysis import ranges
from components.ui import state
from components.ui.data import data_span


def current_range() -> tuple[dt.date, dt.date]:
    """The (start, end) the pages show: the custom dates, or the preset's given the data span."""
    custom = (state.RANGE_START.get(), state.RANGE_END.get())
    return ranges.resolve_range(state.RANGE_PRESET.get(), state.RANGE_ANCHOR.get(), custom, *data_span())


def apply_preset(preset: str, anchor: str) -> None:
    """Choose a preset (the date picker shows its dates); a custom range chosen before is dropped."""
    start, end = ranges.preset_range(preset, anchor, *data_span())
    st.session_state.update({state.RANGE_PRESET.name: preset, state.RANGE_ANCHOR.name: anchor,
                             state.RANGE_START.name: None, state.RANGE_END.name: None,
                             state.RANGE_DATES: (start, end), state.RANGE_MESSAGE.name: ""})


def apply_custom(start: dt.date, end: dt.date) -> None:
    st.session_state.update({state.RANGE_PRESET.name: ranges.CUSTOM, state.RANGE_START.name: start,
                             state.RANGE_END.name: end, state.RANGE_DATES: (start, end)})


def _on_preset() -> None:
    preset = st.session_state.get(state.RANGE_PRESET.widget)
    if preset and preset != ranges.CUSTOM:
        apply_preset(preset, state.RANGE_ANCHOR.get())


def _on_anchor() -> None:
    anchor = st.session_state.get(state.RANGE_ANCHOR.widget) or state.RANGE_ANCHOR.get()
    st.session_state[state.RANGE_ANCHOR.name] = anchor
    if state.RANGE_PRESET.get() not in (ranges.CUSTOM, "week", "All"):
        apply_preset(state.RANGE_PRESET.get(), anchor)


def _on_dates() -> None:
    value = st.session_state.get(state.RANGE_DATES) or ()
    start, end = (tuple(value) + (None, None))[:2]
    problem = ranges.check_range(start, end, *data_span())
    st.session_state[state.RANGE_MESSAGE.name] = problem or ""
    if not problem:
        st.session_state.update({state.RANGE_PRESET.name: ranges.CUSTOM, state.RANGE_START.name: start,
                                 state.RANGE_END.name: end})


def range_ui() -> tuple[dt.date, dt.date]:
    """Sidebar controls for the app-wide date range; returns the current (last good) range."""
    ss = st.session_state
    first, last = data_span()
    start, end = current_range()
    ss[state.RANGE_PRESET.widget] = state.RANGE_PRESET.get()
    ss[state.RANGE_ANCHOR.widget] = state.RANGE_ANCHOR.get()
    ss.setdefault(state.RANGE_DATES, (start, end))
    options = [*ranges.PRESETS, ranges.CUSTOM]
    st.segmented_control("Date range", options, key=state.RANGE_PRESET.widget, required=True,
                         on_change=_on_preset, format_func=lambda p: ranges.PRESETS.get(p, "Custom"))
    st.date_input("From – to", key=state.RANGE_DATES, on_change=_on_dates, format="YYYY-MM-DD",
                  min_value=ranges.DATE_MIN, max_value=ranges.DATE_MAX)
    if state.RANGE_MESSAGE.get():
        st.warning(state.RANGE_MESSAGE.get(), icon=":material/date_range:")
    st.radio("Presets count back from", list(ranges.ANCHORS), key=state.RANGE_ANCHOR.widget, on_change=_on_anchor,
             format_func=lambda a: ranges.ANCHORS[a], horizontal=False)
    st.caption(ranges.describe(state.RANGE_PRESET.get(), state.RANGE_ANCHOR.get(), start, end)
               + f". Data: {first:%d %b %Y} – {last:%d %b %Y}.")
    return start, end
