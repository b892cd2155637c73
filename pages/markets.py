"""Markets: any available symbols as prices, candles, rebased or % change, with event overlays."""

import streamlit as st

from components import caching, session
from components.events import CATEGORIES
from components.metrics import VIEWS, coverage_notes, range_summary
from components.prices import TIDY_COLUMNS
from components.symbols import KNOWN_SYMBOLS, InvalidSymbol, normalise_symbol
from components.text import csv_bytes, md_escape

CHART_KEY = "markets_chart"

session.require_router()
st.title("Markets")
session.show_url_notices()
available = session.available_symbols()
options = sorted(set(st.session_state["symbols"]) | set(available or KNOWN_SYMBOLS))
left, mid, right = st.columns([3, 3, 2])
left.multiselect("Symbols", options, max_selections=8, accept_new_options=available is None,
                 placeholder="Choose symbols" + ("" if available else " or type a Yahoo symbol"),
                 **session.bound("symbols"))
mid.segmented_control("View", list(VIEWS), required=True, format_func=VIEWS.get, **session.bound("view"))
right.segmented_control("Style", ["line", "candles"], required=True, format_func=str.capitalize,
                        **session.bound("style"))
st.toggle("Log scale", disabled=st.session_state["view"] == "percent", **session.bound("log"))
st.pills("Event categories", CATEGORIES, selection_mode="multi", **session.bound("categories"),
         help="Each category keeps its colour on every chart.")
if available is not None:
    st.caption(f"Offline: the bundled snapshot holds {', '.join(sorted(available))}. Other symbols need live "
               "Yahoo Finance data (run with DASHBOARD_OFFLINE=0 and network access).")

symbols, rejected = [], []
for raw in st.session_state["symbols"]:
    try:
        symbols.append(normalise_symbol(raw))
    except InvalidSymbol as exc:
        rejected.append(str(exc))
for message in rejected:
    st.warning(message, icon=":material/warning:")
if not symbols:
    st.info("Choose at least one symbol.")
    st.stop()

start, end = session.current_range()
history = session.full_history(symbols)
session.provenance_banner(history)
if st.session_state["style"] == "candles" and st.session_state["view"] != "price":
    st.caption("Candlesticks are drawn in the Price view; rebased and % change views use lines.")
events = session.all_events()
fig, frame, shown = caching.market_chart(
    history, events, start=start, end=end,
    view=st.session_state["view"],
    style=st.session_state["style"], log=st.session_state["log"], selected=st.session_state.get("event"),
    categories=st.session_state["categories"],
    uirevision=f"markets-{start}-{end}-{st.session_state['view']}-{st.session_state['style']}-{','.join(symbols)}")
if frame.empty:
    st.info(f"No prices for {', '.join(symbols)} between {start:%d %b %Y} and {end:%d %b %Y}. "
            "Pick another range in the sidebar.")
    st.stop()
chart = st.plotly_chart(fig, key=CHART_KEY, on_select="rerun", selection_mode="points",
                        config={"displaylogo": False})
picked = session.picked_event(chart, CHART_KEY)
if picked:
    st.session_state["event"] = picked
    st.rerun()
event = session.selected_event()
if event is not None:
    note, link = st.columns([5, 1], vertical_alignment="center")
    note.markdown(f"**Selected:** {event.date:%d %b %Y} · {md_escape(event.title)}")
    link.page_link("pages/timeline.py", label="Details", icon=":material/arrow_forward:",
                   query_params={"event": event.id})
for note in coverage_notes(frame, symbols, start, end):
    st.caption(f":material/warning: {note}")
st.caption(f"{len(shown)} events in range. Dotted lines mark events; triangles mark each market's reaction "
           "session. Weekends and days when none of the chosen markets traded are hidden.")

st.subheader("Summary of the range")
num = st.column_config.NumberColumn(format="%.2f")
st.dataframe(range_summary(frame), hide_index=True, key="markets_summary",
             column_config={"change %": st.column_config.NumberColumn(format="%+.2f%%"), "first close": num,
                            "last close": num, "high": num, "low": num})
st.subheader("Data in range")
table = frame[TIDY_COLUMNS].assign(date=frame["date"].dt.date)
st.dataframe(table, hide_index=True, height=260, key="markets_table",
             column_config={c: num for c in ("open", "high", "low", "close")})
st.download_button("Download CSV", lambda: csv_bytes(table), file_name=f"prices_{start}_{end}.csv",
                   mime="text/csv", icon=":material/download:", key="markets_csv", on_click="ignore")
with st.expander("Data sources"):
    st.dataframe(session.provenance_table(history), hide_index=True)
