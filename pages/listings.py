"""Alibaba's two listings: the ADS against the Hong Kong shares behind it, and which market moved first."""

import streamlit as st

from components.analysis.listings import BASIS_NOTE, LISTINGS, premium_frame
from components.analysis.metrics import closes_by_symbol, coverage_notes
from components.facts import ADS_RATIO, HEADLINE_EVENT
from components.ui import data, daterange, errors, links, router, state
from components.ui.banners import provenance_banner
from components.ui.listings import event_ui, movers_ui, premium_ui

router.require_router()
st.title("Alibaba's two listings")
st.markdown(f"One BABA share in New York (an ADS) stands for {ADS_RATIO} ordinary 9988.HK shares in Hong Kong. "
            f"Converted with the HKD=X rate, {ADS_RATIO} × the Hong Kong close is what the ADS should be worth; the "
            "difference is its premium or discount. Hong Kong closes 13½ hours before New York on the same date "
            "(12½ in the US summer), so news that lands in between shows in New York first.")
daterange.range_line()
links.show_url_notices()
history = data.full_history(list(LISTINGS))
provenance_banner(history)
closes = closes_by_symbol(history.frame)
missing = [s for s in LISTINGS if s not in closes]
if missing:
    st.error(f"No prices for {', '.join(missing)}, so the two listings cannot be compared.")
    st.stop()
events = data.all_events()
frame = premium_frame(closes["9988.HK"], closes["BABA"], closes["HKD=X"])
start, end = daterange.current_range()
premium_ui(frame, events, start, end)
for note in coverage_notes(history.frame, list(LISTINGS), start, end):
    st.caption(f":material/warning: {note}")
st.caption("The pair of closes is 13½ hours apart, so a day with news between them swings the premium one way and "
           "Hong Kong's next session swings it back; dotted lines mark events. " + BASIS_NOTE)

st.subheader("One event on the clock")


@st.fragment
@errors.guard("two listings event")
def one_event() -> None:
    """The event picker and its charts: choosing another event reruns only this part."""
    ids = [e.id for e in events]
    if state.EVENT.get() not in ids:
        state.EVENT.set(HEADLINE_EVENT)
    labels = {e.id: f"{e.date:%d %b %Y} · {e.title}" for e in events}
    st.selectbox("Event", ids, format_func=labels.get, **state.EVENT.bind())
    links.write_url("listings")
    event = data.selected_event(events)
    if event is not None:
        event_ui(event, closes, frame)


one_event()
st.subheader("Which market could move first, event by event")
st.caption("Each listing's day 0 is its first session that closed after the news; the one that closed first could "
           "price it first. Moves are close-to-close on day 0.")
movers_ui(events, closes)
