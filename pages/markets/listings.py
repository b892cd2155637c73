"""Alibaba's two listings: the ADS against the Hong Kong shares behind it, and which market moved first."""

import streamlit as st

from components.analysis.listings import LISTINGS, unpriced_spans
from components.data.events import shown_title
from components.facts import ADS_RATIO, HEADLINE_EVENT
from components.locale import _
from components.locale.formats import day
from components.ui import caches, daterange, errors, links, state
from components.ui.banners import provenance_banner
from components.ui.listings import event_ui, listing_frames, movers_ui, premium_ui
from components.ui.prices_events import all_events, full_history, selected_event

st.title(_("Alibaba's two listings"))
st.markdown(_("One BABA share in New York (an ADS) stands for {ratio} ordinary 9988.HK shares in Hong Kong. "
              "Converted to US dollars, {ratio} Hong Kong shares are what the ADS should be worth; the difference "
              "is its premium or discount. All prices here are the exchanges' own closing and opening prices.")
            .format(ratio=ADS_RATIO))
shown = daterange.range_line()
links.show_url_notices()
history = full_history(list(LISTINGS))
provenance_banner(history)
closes = caches.closes(history)
missing = [s for s in LISTINGS if s not in closes]
if missing:
    st.error(_("No prices for {symbols}, so the two listings cannot be compared.").format(symbols=", ".join(missing)))
    st.stop()
events = all_events()
printed, frame, sync = caches.shared("listings frames", lambda: listing_frames(history.frame), history=history)
start, end = shown.start, shown.end
st.caption(_("A true premium compares the two prices at the same moment, which daily prices cannot. The closes of "
             "one date are 13½ hours apart, so their gap mostly shows what moved in between; the BABA close against "
             "Hong Kong's next open, a few hours later, comes much nearer. Dotted lines mark events."))
premium_ui(history, frame, sync, events, start, end)
for note in caches.coverage_notes(history, list(LISTINGS), start, end, in_range=False):
    st.caption(f":material/warning: {note}")
gap = caches.shared("unpriced spans", lambda: unpriced_spans(history.frame, "9988.HK", start, end), start, end,
                    history=history)
if gap:
    st.caption(_(":material/info: 9988.HK's exchange prices from {start} to {end} are not in the data (only its "
                 "dividend-adjusted closes), so those dates have no premium.").format(start=day(gap[0]),
                                                                                       end=day(gap[1])))

st.header(_("One event on the clock"))


@st.fragment
@errors.guard("two listings event")
def one_event() -> None:
    """The event picker and its charts: choosing another event reruns this part, then the whole app (the sidebar's
    links carry the event)."""
    ids = [e.id for e in events]
    if state.EVENT.get() not in ids:
        state.EVENT.set(HEADLINE_EVENT)
    labels = caches.shared("listings event labels", lambda: {e.id: f"{day(e.date)} · {shown_title(e)}" for e in events},
                           events=events)
    st.selectbox(_("Event"), ids, format_func=labels.get, **state.EVENT.bind())
    links.keep_current("listings")
    event = selected_event(events)
    if event is not None:
        event_ui(event, history, closes, printed, frame)


one_event()
st.header(_("Which market could move first, event by event"))
st.caption(_("Each listing's day 0 is its first session that closed after the news; the one that closed first "
             "could price it first. Moves are close-to-close on day 0, on dividend-adjusted closes."))
movers_ui(events, history, closes)
