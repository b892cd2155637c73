"""The timeline's chooser (Streamlit widget block): category and span filters, the clickable
timeline chart, previous/next and a selector; it returns the event the user is looking at."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.charts import marks
from components.charts.timeline import timeline_figure
from components.data.events import CATEGORIES, Event
from components.ui import plots, state
from components.ui.daterange import current_range

EDGE = dt.timedelta(days=20)  # space around the first and last event on the "All events" axis


def _step(ids: list[str], offset: int) -> None:
    current = state.EVENT.get()
    idx = ids.index(current) + offset if current in ids else (0 if offset > 0 else len(ids) - 1)
    st.session_state[state.EVENT.name] = ids[max(0, min(len(ids) - 1, idx))]


def _on_pick() -> None:
    st.session_state[state.EVENT.name] = st.session_state[state.EVENT_PICK]


def filtered_events(events: list[Event]) -> list[Event]:
    """The events of the chosen categories, within the date range when the span says so."""
    st.pills("Categories", CATEGORIES, selection_mode="multi", **state.CATEGORIES.bind())
    st.segmented_control("Show", list(state.TIMELINE_SPANS), required=True, format_func=state.TIMELINE_SPANS.get,
                         **state.TIMELINE_SPAN.bind())
    shown = [e for e in events if e.category in state.CATEGORIES.get()]
    if state.TIMELINE_SPAN.get() == "range":
        shown = marks.in_range(shown, *current_range())
    return shown


def timeline_chart(events: list[Event]) -> None:
    """Every event on one axis; a click on a marker selects it."""
    if state.TIMELINE_SPAN.get() == "range":
        span_start, span_end = current_range()
    else:
        span_start, span_end = min(e.date for e in events) - EDGE, max(e.date for e in events) + EDGE
    event_marks = marks.event_marks(events, None, state.EVENT.get(), exact=True)
    fig = timeline_figure(event_marks, start=span_start, end=span_end, uirevision=f"timeline-{span_start}-{span_end}")
    picked = plots.clickable(fig, state.TIMELINE_CHART)
    if picked and picked != state.EVENT.get():
        st.session_state[state.EVENT.name] = picked
        st.rerun()
    st.caption("◆ in the article · ● context · ★ your events. Timed events sit at their moment in Hong Kong time. "
               "Zoom with the mouse; click a marker to select it.")


def choose_event(events: list[Event]) -> Event | None:
    """Previous / next buttons and a selector over ``events``; the selected one, if it is among them."""
    ids = [e.id for e in events]
    nav_prev, nav_pick, nav_next = st.columns([1, 4, 1], vertical_alignment="bottom")
    nav_prev.button("◀ Previous", on_click=_step, args=(ids, -1), width="stretch", key=state.PREV_EVENT)
    nav_next.button("Next ▶", on_click=_step, args=(ids, 1), width="stretch", key=state.NEXT_EVENT)
    current = state.EVENT.get()
    st.session_state[state.EVENT_PICK] = current if current in ids else None
    labels = {e.id: f"{e.date:%d %b %Y} · {e.title}" for e in events}
    nav_pick.selectbox("Event", ids, format_func=labels.get, key=state.EVENT_PICK, on_change=_on_pick,
                       placeholder="Choose an event, or click one on the timeline")
    return next((e for e in events if e.id == state.EVENT.get()), None)
