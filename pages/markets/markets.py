"""Markets: any available symbols as prices, candles, rebased or % change, with event overlays."""

import streamlit as st

from components.analysis.metrics import range_summary
from components.data.basis import BASIS_USE
from components.data.prices import TIDY_COLUMNS
from components.locale import N_, _
from components.locale.formats import day
from components.text.safe import csv_bytes
from components.ui import caches, daterange, device, errors, links, plots, state, tables, updown
from components.ui.banners import provenance_banner, provenance_table
from components.ui.markets import (
    chart_caption,
    chart_options_ui,
    chosen_symbols,
    selected_note,
    shown_basis,
    symbols_ui,
)
from components.ui.prices_events import all_events, full_history

st.title(_("Markets"))
shown = daterange.range_line()
links.show_url_notices()
symbols_ui()
symbols = chosen_symbols()
if not symbols:
    st.info(_("Choose at least one symbol."))
    st.stop()

start, end = shown.start, shown.end
history = full_history(symbols)
provenance_banner(history)
events = all_events()
frame = caches.range_frame(history, start, end)
if frame.empty:
    st.info(_("No prices for {symbols} between {start} and {end}. Pick another date range.").format(
        symbols=", ".join(symbols), start=day(start), end=day(end)))
    st.stop()


@st.fragment
@errors.guard("markets chart")
def chart() -> None:
    """The chart with its own options and the event a click selects: an option or a click reruns this part, then the
    whole app (the sidebar's links carry them); a zoom or a hidden series stays in the browser."""
    chart_options_ui()
    links.keep_current("markets")
    view, style = state.VIEW.get(), state.STYLE.get()
    fig, _frame, marked = caches.market_chart(
        history, events, start=start, end=end, view=view, style=style, log=state.LOG.get(),
        categories=state.CATEGORIES.get(), uirevision=f"markets-{start}-{end}-{view}-{style}-{','.join(symbols)}",
        updown=updown.chosen(), **device.chart_look())
    picked = plots.clickable(fig, state.MARKETS_CHART)
    if picked:
        state.EVENT.set(picked)
        links.keep_current("markets")
    selected_note(events)
    for note in caches.coverage_notes(history, symbols, start, end):
        st.caption(f":material/warning: {note}")
    chart_caption(len(marked))


chart()

st.header(_("Summary of the range"))
st.caption(_("The last close as the exchange printed it, and dividend-adjusted; the change and the highest and "
             "lowest close are on adjusted closes (total return); the high and low are intraday."))
summary = updown.shared("range summary", lambda: shown_basis(range_summary(frame)), start, end, tuple(symbols),
                        numeric={"change %": "{:+.2f}%"}, history=history)
tables.show(summary, hide_index=True, key=state.MARKETS_SUMMARY,
            column_config={"symbol": _("symbol"), "from": _("from"), "to": _("to"), "sessions": _("sessions"),
                           "basis": _("price basis"),
                           "change %": st.column_config.NumberColumn(_("change %"), format="%+.2f%%"),
                           **{c: st.column_config.NumberColumn(_(c), format="%.2f") for c in (
                               N_("last close, exchange print"), N_("last close, adjusted"), N_("highest close"),
                               N_("lowest close"), N_("intraday high"), N_("intraday low"))}})
st.header(_("Data in range"))
table = caches.shared("range table", lambda: frame[TIDY_COLUMNS].assign(date=frame["date"].dt.date), start, end,
                      history=history)
table_shown = caches.shared("range table shown", lambda: shown_basis(table), start, end, history=history)
tables.show(table_shown, hide_index=True, height=260, key=state.MARKETS_TABLE,
            column_config={"date": _("date"), "symbol": _("symbol"), "volume": _("volume"),
                           "currency": _("currency"), "basis": _("basis"),
                           **{c: st.column_config.NumberColumn(label, format="%.2f") for c, label in (
                               ("open", _("open")), ("high", _("high")), ("low", _("low")),
                               ("close", _("close, adjusted")), ("raw_close", _("close, exchange print")))}})
st.download_button(_("Download CSV"), lambda: csv_bytes(table), file_name=f"prices_{start}_{end}.csv",
                   mime="text/csv", icon=":material/download:", key=state.MARKETS_CSV, on_click="ignore")
with st.expander(_("Data sources")):
    st.caption(_(BASIS_USE))
    tables.show(caches.shared("provenance table", lambda: provenance_table(history), history=history),
                hide_index=True)
