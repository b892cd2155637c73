"""Timeline: every event on one axis; click one to see its facts, its market reactions and a zoomed chart."""

import datetime as dt

import streamlit as st

from components import caching, charts, overlays, session
from components.alignment import event_window_dates, reaction_display, reaction_table, window_shortfalls
from components.claims import claims_for_event
from components.event_ui import event_facts_ui
from components.events import CATEGORIES
from components.metrics import closes_by_symbol
from components.symbols import benchmark_for
from components.text import VERDICT_BADGES, md_escape
from components.urlstate import DEFAULT_SYMBOLS

CHART_KEY = "timeline_chart"
CLAIM_SYMBOLS = ["9988.HK", "BABA", "^HSI", "^HSCE"]


def _step(events: list, offset: int) -> None:
    ids = [e.id for e in events]
    current = st.session_state.get("event")
    idx = ids.index(current) + offset if current in ids else (0 if offset > 0 else len(ids) - 1)
    st.session_state["event"] = ids[max(0, min(len(ids) - 1, idx))]


session.require_router()
st.title("Event timeline")
session.show_url_notices()
st.pills("Categories", CATEGORIES, selection_mode="multi", **session.bound("categories"))
st.segmented_control("Show", ["all", "range"], required=True, **session.bound("timeline_span"),
                     format_func={"all": "All events", "range": "Events in the date range"}.get)
all_events = session.all_events()
events = [e for e in all_events if e.category in st.session_state["categories"]]
start, end = session.current_range()
if st.session_state["timeline_span"] == "range":
    events = overlays.in_range(events, start, end)
if not events:
    st.info("No event in the chosen categories and range. Select more categories or show all events.")
    st.stop()

span_start = min(e.date for e in events) - dt.timedelta(days=20)
span_end = max(e.date for e in events) + dt.timedelta(days=20)
if st.session_state["timeline_span"] == "range":
    span_start, span_end = start, end
marks = overlays.event_marks(events, None, st.session_state.get("event"), exact=True)
fig = charts.timeline_figure(marks, start=span_start, end=span_end, uirevision=f"timeline-{span_start}-{span_end}")
chart = st.plotly_chart(fig, key=CHART_KEY, on_select="rerun", selection_mode="points",
                        config={"displaylogo": False})
picked = session.picked_event(chart, CHART_KEY)
if picked and picked != st.session_state.get("event"):
    st.session_state["event"] = picked
    st.rerun()
st.caption("◆ in the article · ● context · ★ your events. Timed events sit at their moment in Hong Kong time. "
           "Zoom with the mouse; click a marker to select it.")

nav_prev, nav_pick, nav_next = st.columns([1, 4, 1], vertical_alignment="bottom")
nav_prev.button("◀ Previous", on_click=_step, args=(events, -1), width="stretch", key="prev_event")
nav_next.button("Next ▶", on_click=_step, args=(events, 1), width="stretch", key="next_event")
ids = [e.id for e in events]
current = st.session_state.get("event")
st.session_state["w_event_pick"] = current if current in ids else None
labels = {e.id: f"{e.date:%d %b %Y} · {e.title}" for e in events}
nav_pick.selectbox("Event", ids, format_func=labels.get,
                   placeholder="Choose an event, or click one on the timeline", key="w_event_pick",
                   on_change=lambda: st.session_state.update(event=st.session_state["w_event_pick"]))
event = session.selected_event()
if event is None or event.id not in ids:
    st.info("Select an event to see what the article says, what the sources say and how each market reacted.")
    st.stop()

event_facts_ui(event)

symbols = list(event.symbols) or list(DEFAULT_SYMBOLS)
if not event.symbols:
    st.caption("This event lists no symbols, so the default set is shown: " + ", ".join(symbols) + ".")
benchmarks = [b for b in map(benchmark_for, symbols) if b]
history = session.full_history(list(dict.fromkeys(symbols + benchmarks)))
session.provenance_banner(history)
closes = closes_by_symbol(history.frame)
table = reaction_table(event, closes, symbols)
st.subheader("Market reactions")
if (table["status"] == "no price data").all():
    st.info(f"No price data around {event.date:%d %b %Y} for {', '.join(symbols)}: "
            + "; ".join(n for n in table["note"] if n))
    st.stop()
shown_table = reaction_display(table)
pct = st.column_config.NumberColumn(format="%+.2f%%")
st.dataframe(shown_table, hide_index=True, key="reaction_table",
             column_config={c: pct for c in shown_table.columns if c.endswith("%")})
st.caption("Day 0 is the first session of each market that closed after the event. [-1,+1] runs from the close "
           "before day -1 to the close of day +1; [0,+5] from the close before day 0 to day +5 (sessions).")

claim_prices = session.full_history(CLAIM_SYMBOLS)
related = claims_for_event(event.id, caching.claim_results(claim_prices, all_events))
if related:
    st.subheader("Claims about this event")
    for result in related:
        st.markdown(f"- {VERDICT_BADGES[result.verdict]} {md_escape(result.claim.wording)}")
    st.page_link("pages/claims.py", label="See the figures in the claims check", icon=":material/fact_check:")

st.subheader("Around the event")
st.slider("Sessions either side", 1, 60, **session.bound("window_n"))
window = event_window_dates(event, closes, symbols, st.session_state["window_n"])
if window is None:
    st.info("No sessions around this event in the data.")
    st.stop()
zoom_fig, _, _ = caching.market_chart(history, all_events, start=window[0], end=window[1], view="rebased",
                                      selected=event.id, symbols=tuple(symbols),
                                      uirevision=f"zoom-{event.id}-{window[0]}-{window[1]}")
st.plotly_chart(zoom_fig, key="timeline_zoom", config={"displaylogo": False})
st.caption(f"{window[0]:%d %b %Y} – {window[1]:%d %b %Y}, rebased to 100 at the first session shown.")
for note in window_shortfalls(event, closes, symbols, st.session_state["window_n"]):
    st.caption(f":material/warning: {note}")
