"""Markets: any available symbols as prices, candles, rebased or % change, with event overlays."""

import streamlit as st

from components.analysis.metrics import range_summary
from components.data.basis import BASIS_USE
from components.data.events import shown_title
from components.data.prices import TIDY_COLUMNS
from components.locale import N_, _, ngettext
from components.locale.formats import day
from components.text.safe import csv_bytes, md_escape
from components.ui import caches, daterange, device, errors, links, plots, state, updown
from components.ui import navigation as nav
from components.ui.banners import provenance_banner, provenance_table
from components.ui.markets import chart_options_ui, chosen_symbols
from components.ui.prices_events import all_events, full_history, selected_event

st.title(_("Markets"))
shown = daterange.range_line()
links.show_url_notices()
chart_options_ui()
symbols = chosen_symbols()
if not symbols:
    st.info(_("Choose at least one symbol."))
    st.stop()

start, end = shown.start, shown.end
history = full_history(symbols)
provenance_banner(history)
if state.STYLE.get() == "candles" and state.VIEW.get() != "price":
    st.caption(_("Candles are drawn in the Price view; the rebased and % change views use lines."))
events = all_events()
view, style = state.VIEW.get(), state.STYLE.get()
fig, frame, shown = caches.market_chart(
    history, events, start=start, end=end, view=view, style=style, log=state.LOG.get(),
    categories=state.CATEGORIES.get(), uirevision=f"markets-{start}-{end}-{view}-{style}-{','.join(symbols)}",
    updown=updown.chosen(), **device.chart_look())
if frame.empty:
    st.info(_("No prices for {symbols} between {start} and {end}. Pick another date range.").format(
        symbols=", ".join(symbols), start=day(start), end=day(end)))
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
        note.markdown(_("**Selected:** {day} · {title}").format(day=day(event.date),
                                                                title=md_escape(shown_title(event))))
        link.page_link(nav.page("timeline"), label=_("Details"), icon=":material/arrow_forward:",
                       query_params={"event": event.id})


chart_and_selection()
for note in caches.coverage_notes(history, symbols, start, end):
    st.caption(f":material/warning: {note}")
st.caption(ngettext("{count} event in the range. Dotted lines mark events; triangles mark each market's reaction "
                    "session (up: a rise, down: a fall). Click a legend entry to hide a symbol with its marks. "
                    "Weekends and days when none of the chosen markets traded are left out.",
                    "{count} events in the range. Dotted lines mark events; triangles mark each market's reaction "
                    "session (up: a rise, down: a fall). Click a legend entry to hide a symbol with its marks. "
                    "Weekends and days when none of the chosen markets traded are left out.", len(shown))
           .format(count=len(shown)))

st.header(_("Summary of the range"))
st.caption(_("The last close as the exchange printed it, and dividend-adjusted; the change and the highest and "
             "lowest close are on adjusted closes (total return); the high and low are intraday."))
summary = updown.shared("range summary", lambda: range_summary(frame), start, end, tuple(symbols),
                        numeric={"change %": "{:+.2f}%"}, history=history)
st.dataframe(summary, hide_index=True, key=state.MARKETS_SUMMARY,
             column_config={"symbol": _("symbol"), "from": _("from"), "to": _("to"), "sessions": _("sessions"),
                            "change %": st.column_config.NumberColumn(_("change %"), format="%+.2f%%"),
                            **{c: st.column_config.NumberColumn(_(c), format="%.2f") for c in (
                                N_("last close, exchange print"), N_("last close, adjusted"), N_("highest close"),
                                N_("lowest close"), N_("intraday high"), N_("intraday low"))}})
st.header(_("Data in range"))
table = frame[TIDY_COLUMNS].assign(date=frame["date"].dt.date)
st.dataframe(table, hide_index=True, height=260, key=state.MARKETS_TABLE,
             column_config={"date": _("date"), "symbol": _("symbol"), "volume": _("volume"),
                            "currency": _("currency"), "basis": _("basis"),
                            **{c: st.column_config.NumberColumn(label, format="%.2f") for c, label in (
                                ("open", _("open")), ("high", _("high")), ("low", _("low")),
                                ("close", _("close, adjusted")), ("raw_close", _("close, exchange print")))}})
st.download_button(_("Download CSV"), lambda: csv_bytes(table), file_name=f"prices_{start}_{end}.csv",
                   mime="text/csv", icon=":material/download:", key=state.MARKETS_CSV, on_click="ignore")
with st.expander(_("Data sources")):
    st.caption(_(BASIS_USE))
    st.dataframe(caches.shared("provenance table", lambda: provenance_table(history), history=history),
                 hide_index=True)
