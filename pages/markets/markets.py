"""Markets: any available symbols as prices, candles, rebased or % change, with event overlays."""

import streamlit as st

from components.analysis.metrics import range_summary
from components.data.basis import BASIS_USE
from components.data.prices import TIDY_COLUMNS
from components.text.safe import csv_bytes, md_escape
from components.ui import caches, daterange, device, errors, links, plots, state
from components.ui import navigation as nav
from components.ui.banners import provenance_banner, provenance_table
from components.ui.markets import chart_options_ui, chosen_symbols
from components.ui.prices_events import all_events, full_history, selected_event

st.title("Markets")
shown = daterange.range_line()
links.show_url_notices()
chart_options_ui()
symbols = chosen_symbols()
if not symbols:
    st.info("Choose at least one symbol.")
    st.stop()

start, end = shown.start, shown.end
history = full_history(symbols)
provenance_banner(history)
if state.STYLE.get() == "candles" and state.VIEW.get() != "price":
    st.caption("Candlesticks are drawn in the Price view; rebased and % change views use lines.")
events = all_events()
view, style = state.VIEW.get(), state.STYLE.get()
fig, frame, shown = caches.market_chart(
    history, events, start=start, end=end, view=view, style=style, log=state.LOG.get(),
    categories=state.CATEGORIES.get(), uirevision=f"markets-{start}-{end}-{view}-{style}-{','.join(symbols)}",
    **device.chart_look())
if frame.empty:
    st.info(f"No prices for {', '.join(symbols)} between {start:%d %b %Y} and {end:%d %b %Y}. "
            "Pick another date range.")
    st.stop()


@st.fragment
@errors.guard("markets chart")
def chart_and_selection() -> None:
    """The chart, and the event a click on it selects: a click reruns only this part."""
    picked = plots.clickable(fig, state.MARKETS_CHART)
    if picked:
        state.EVENT.set(picked)
        links.write_url("markets")
    event = selected_event(events)
    if event is not None:
        note, link = st.columns([5, 1], vertical_alignment="center")
        note.markdown(f"**Selected:** {event.date:%d %b %Y} · {md_escape(event.title)}")
        link.page_link(nav.page("timeline"), label="Details", icon=":material/arrow_forward:",
                       query_params={"event": event.id})


chart_and_selection()
for note in caches.coverage_notes(history, symbols, start, end):
    st.caption(f":material/warning: {note}")
st.caption(f"{len(shown)} events in range. Dotted lines mark events; triangles mark each market's reaction "
           "session (up: a rise, down: a fall). Click a legend entry to hide a symbol with its marks. Weekends "
           "and days when none of the chosen markets traded are hidden.")

st.subheader("Summary of the range")
st.caption("The last close as the exchange printed it, and dividend-adjusted; the change, highest and lowest close "
           "are on adjusted closes (total return); high and low are intraday.")
num = st.column_config.NumberColumn(format="%.2f")
summary = caches.shared("range summary", lambda: range_summary(frame), start, end, tuple(symbols), history=history)
st.dataframe(summary, hide_index=True, key=state.MARKETS_SUMMARY,
             column_config={"change %": st.column_config.NumberColumn(format="%+.2f%%"),
                            "last close, exchange print": num, "last close, adjusted": num, "highest close": num,
                            "lowest close": num, "intraday high": num, "intraday low": num})
st.subheader("Data in range")
table = frame[TIDY_COLUMNS].assign(date=frame["date"].dt.date)
st.dataframe(table, hide_index=True, height=260, key=state.MARKETS_TABLE,
             column_config={c: num for c in ("open", "high", "low", "close", "raw_close")})
st.download_button("Download CSV", lambda: csv_bytes(table), file_name=f"prices_{start}_{end}.csv",
                   mime="text/csv", icon=":material/download:", key=state.MARKETS_CSV, on_click="ignore")
with st.expander("Data sources"):
    st.caption(BASIS_USE)
    st.dataframe(caches.shared("provenance table", lambda: provenance_table(history), history=history),
                 hide_index=True)
