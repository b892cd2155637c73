"""Overview: the story in three lines, the headline reactions, and every event on the main chart."""

import streamlit as st

from components.charts import marks
from components.data.events import find_event
from components.data.symbols import level_label, symbol_info
from components.facts import DEFAULT_SYMBOLS, HEADLINE_EVENT
from components.text.safe import md_escape
from components.ui import caches, daterange, device, links, plots, state
from components.ui import navigation as nav
from components.ui.banners import provenance_banner
from components.ui.prices_events import all_events, full_history

st.title("Alibaba's QwQ-32B week on the markets")
st.markdown(
    "- **Thu 6 Mar 2025** (Beijing time): Alibaba released **QwQ-32B**, a reasoning model it says rivals DeepSeek-R1.\n"
    "- A few hours earlier **Manus**, a general AI agent, launched; China's government pledged support for "
    "'industries of the future'.\n"
    "- The article says Alibaba's Hong Kong shares **jumped 8%** and lifted the **HSCEI**, up '30% since January'. "
    "Below, every figure is computed from the price data."
)
shown = daterange.range_line()
links.show_url_notices()
symbols = list(DEFAULT_SYMBOLS)
start, end = shown.start, shown.end
history = full_history(symbols)
provenance_banner(history)
closes = caches.closes(history)
events = all_events()

st.subheader("How the markets reacted to QwQ-32B")
headline = find_event(events, HEADLINE_EVENT)
for col, card in zip(st.columns(len(symbols)), marks.headline_reactions(headline, closes, symbols,
                                                                       caches.prints(history))):
    info = symbol_info(card["symbol"])
    if card["return"] is None:
        col.metric(card["symbol"], "n/a", help=card["note"] or card["status"])
        continue
    col.metric(f"{card['symbol']} · {card['day0']:%a %d %b}", f"{card['return']:+.2%}",
               help=f"Close-to-close return on {info.name}'s reaction session, the first {info.market.name} "
                    f"session that closed after the release (its exchange calendar's close).")
    col.caption(f"Close {level_label(card['close'], card['symbol'], card['print'])}")

st.subheader("Alibaba and the Hang Seng indices with the article's events")
fig, frame, shown = caches.market_chart(history, events, start=start, end=end, view="rebased",
                                        uirevision=f"overview-{start}-{end}", **device.chart_look())
if frame.empty:
    st.info(f"No prices between {start:%d %b %Y} and {end:%d %b %Y}. Pick another date range.")
    st.stop()
picked = plots.clickable(fig, state.OVERVIEW_CHART, remember=False)
if picked:
    state.EVENT.set(picked)
    st.switch_page(nav.page("timeline"), query_params={"event": picked})
for note in caches.coverage_notes(history, symbols, start, end):
    st.caption(f":material/warning: {note}")
st.caption("Lines are rebased to 100 at the first session of the range; hover for each close and its change since "
           "then. Triangles on a line are that market's reaction session to an event (up: a rise, down: a fall); "
           "click an event marker to open it, or a legend entry to hide a symbol with its marks.")

st.subheader(f"Events in range ({len(shown)})")
for event in shown:
    left, right = st.columns([5, 1])
    left.markdown(f"**{event.date:%d %b %Y}** · {event.category} · {md_escape(event.title)}"
                  + (" · *your event*" if event.origin == "user" else ""))
    right.page_link(nav.page("timeline"), label="Open", icon=":material/arrow_forward:",
                    query_params={"event": event.id})
