"""The app-wide date range: presets or custom dates, one choice shared by every page.

The session keeps what the user chose (``RANGE_PRESET``, ``RANGE_ANCHOR`` and, for a custom range,
``RANGE_START``/``RANGE_END``); :func:`current_range` turns it into dates, cut to the data that
exists. The controls sit on the page itself, under its title, in a popover that works as well on
a phone as on a desktop; pages the range does not apply to say so instead.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.analysis import ranges
from components.ui import state
from components.ui.data import data_span


def chosen_range() -> tuple[dt.date, dt.date]:
    """The dates the user chose (a custom range may reach past the data)."""
    custom = (state.RANGE_START.get(), state.RANGE_END.get())
    return ranges.resolve_range(state.RANGE_PRESET.get(), state.RANGE_ANCHOR.get(), custom, *data_span())


def current_range() -> tuple[dt.date, dt.date]:
    """The (start, end) the pages show: the chosen dates cut to the data that exists."""
    return ranges.clamp(*chosen_range(), *data_span())


def apply_preset(preset: str, anchor: str) -> None:
    """Choose a preset (the date picker shows its dates); a custom range chosen before is dropped."""
    start, end = ranges.preset_range(preset, anchor, *data_span())
    st.session_state.update({state.RANGE_PRESET.name: preset, state.RANGE_ANCHOR.name: anchor,
                             state.RANGE_START.name: None, state.RANGE_END.name: None,
                             state.RANGE_DATES: (start, end), state.RANGE_MESSAGE.name: None})


def apply_custom(start: dt.date, end: dt.date) -> None:
    st.session_state.update({state.RANGE_PRESET.name: ranges.CUSTOM, state.RANGE_START.name: start,
                             state.RANGE_END.name: end, state.RANGE_DATES: (start, end),
                             state.RANGE_MESSAGE.name: None})


def _on_preset() -> None:
    preset = st.session_state.get(state.RANGE_PRESET.widget)
    if preset == ranges.CUSTOM:  # keep the dates on screen, now as a custom range to edit
        apply_custom(*chosen_range())
    elif preset:
        apply_preset(preset, state.RANGE_ANCHOR.get())


def _on_anchor() -> None:
    anchor = st.session_state.get(state.RANGE_ANCHOR.widget) or state.RANGE_ANCHOR.get()
    st.session_state[state.RANGE_ANCHOR.name] = anchor
    if ranges.counts_back(state.RANGE_PRESET.get()):
        apply_preset(state.RANGE_PRESET.get(), anchor)


def _on_dates() -> None:
    value = tuple(st.session_state.get(state.RANGE_DATES) or ())
    if len(value) < 2 or None in value:  # half-picked: wait for the second date, say nothing yet
        st.session_state[state.RANGE_MESSAGE.name] = None
        return
    problem = ranges.check_range(value[0], value[1], *data_span())
    if problem:  # about this attempt only: shown while the picker holds these dates
        st.session_state[state.RANGE_MESSAGE.name] = (value, problem)
    else:
        apply_custom(value[0], value[1])


def range_controls() -> None:
    """Presets, the custom dates (typed dates apply on Enter) and what the presets count back from."""
    ss = st.session_state
    ss[state.RANGE_PRESET.widget] = state.RANGE_PRESET.get()
    ss[state.RANGE_ANCHOR.widget] = state.RANGE_ANCHOR.get()
    ss.setdefault(state.RANGE_DATES, chosen_range())
    st.segmented_control("Date range", [*ranges.PRESETS, ranges.CUSTOM], key=state.RANGE_PRESET.widget,
                         required=True, on_change=_on_preset, format_func=lambda p: ranges.PRESETS.get(p, "Custom"))
    st.date_input("Custom: from – to", key=state.RANGE_DATES, on_change=_on_dates, format="YYYY-MM-DD",
                  min_value=ranges.DATE_MIN, max_value=ranges.DATE_MAX,
                  help="Pick two dates, or type them and press Enter.")
    message = state.RANGE_MESSAGE.get()
    if message and tuple(ss.get(state.RANGE_DATES) or ()) == tuple(message[0]):
        st.warning(message[1], icon=":material/date_range:")
    first, last = data_span()
    st.radio("1M, 3M, 6M, YTD and 1Y end on", list(ranges.ANCHORS), key=state.RANGE_ANCHOR.widget,
             on_change=_on_anchor, horizontal=True,
             format_func=lambda a: ranges.ANCHORS[a] + (f" ({last:%d %b %Y})" if a == "latest" else ""))
    st.caption(f"Prices exist from {first:%d %b %Y} to {last:%d %b %Y}.")


def describe_current() -> str:
    start, end = current_range()
    text = ranges.describe(state.RANGE_PRESET.get(), state.RANGE_ANCHOR.get(), start, end)
    if chosen_range() != (start, end):
        text += " (cut to the prices that exist)"
    return text


def range_line() -> None:
    """Under a page title: the range shown, with a button that opens the controls."""
    with st.popover(f":material/date_range: {describe_current()}", width="content"):
        range_controls()


def not_applicable(why: str) -> None:
    """Under the title of a page the shared date range does not change."""
    st.caption(f":material/date_range: The shared date range does not apply here: {why}")
