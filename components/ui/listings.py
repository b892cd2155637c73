"""The two listings' widget blocks: the premium over the date range, and one event on the clock."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.analysis import formats
from components.analysis.alignment import news_moment
from components.analysis.listings import clock_frame, first_mover, first_movers, premium_around, spread
from components.charts.listings import clock_figure, premium_figure
from components.data.events import Event
from components.text.safe import md_escape
from components.ui import device, plots, state

AROUND_DAYS = 6  # calendar days either side of an event on the clock chart


def premium_ui(gap: pd.DataFrame, sync: pd.DataFrame, events: list[Event], start: dt.date, end: dt.date) -> None:
    """The premium in the date range: its two readings as medians with their middle half, and a chart."""
    closes, nearer = spread(gap, start, end), spread(sync, start, end)
    if closes is None:
        st.info(f"The two listings did not both close on any date between {start:%d %b %Y} and {end:%d %b %Y}.")
        return
    cols = st.columns(2)
    cols[0].metric("Gap between the closes of one date, median", f"{closes.median:+.2f}%",
                   help=f"{closes.count} dates. Hong Kong closes 13½ hours before New York (12½ in the US summer), "
                        "so the gap holds whatever happened in between.")
    cols[0].caption(f"Middle half of the dates: {closes.low:+.2f}% to {closes.high:+.2f}%")
    if nearer is not None:
        cols[1].metric("BABA close against the next Hong Kong open, median", f"{nearer.median:+.2f}%",
                       help=f"{nearer.count} nights, each 5½ to 6½ hours apart; nights before a weekend or holiday "
                            "are left out.")
        cols[1].caption(f"Middle half of the nights: {nearer.low:+.2f}% to {nearer.high:+.2f}%")
    in_range = [f[(f["date"] >= pd.Timestamp(start)) & (f["date"] <= pd.Timestamp(end))] for f in (gap, sync)]
    plots.show(premium_figure(*in_range, events, **device.chart_look()), state.LISTINGS_PREMIUM)


def event_ui(event: Event, closes: dict[str, pd.Series], prints: dict[str, pd.DataFrame], frame: pd.DataFrame) -> None:
    """One event: which listing could price it first (returns on adjusted closes), both closes on one clock and
    the gap between them around it (exchange prices)."""
    mover = first_mover(event, closes["9988.HK"], closes["BABA"])
    st.markdown(f"**{md_escape(event.title)}** ({md_escape(event.when())}). {mover.sentence()}")
    days = [d for d in (mover.hk_day0, mover.us_day0) if d] or [event.date]
    start, end = min(days) - dt.timedelta(days=AROUND_DAYS), max(days) + dt.timedelta(days=AROUND_DAYS)
    clock = clock_frame(prints["9988.HK"], prints["BABA"], prints["HKD=X"], start, end)
    moment = news_moment(event)
    plots.show(clock_figure(clock, moment.at, **device.chart_look()), state.LISTINGS_CLOCK)
    if moment.timing == "date only":
        st.caption("The news has only a date: the dashed line is the end of that date where it was made.")
    around = premium_around(frame, min(days))
    if not around.empty:
        st.dataframe(pd.DataFrame({
            "date": [f"{d:%a %d %b %Y}" for d in around["date"]],
            "9988.HK close (HK$)": [formats.number(v) for v in around["hk_price"]],
            "HKD per US$ at that close": [formats.number(v, 4) for v in around["hkd_per_usd"]],
            "8 shares (US$)": [formats.number(v) for v in around["shares_usd"]],
            "BABA close (US$)": [formats.number(v) for v in around["ads_close"]],
            "gap between the closes (%)": [f"{v:+.2f}" for v in around["premium"]],
        }), hide_index=True, key=state.LISTINGS_AROUND)


def movers_ui(events: list[Event], closes: dict[str, pd.Series]) -> None:
    st.dataframe(first_movers(events, closes["9988.HK"], closes["BABA"]), hide_index=True, key=state.LISTINGS_MOVERS,
                 column_config={"event": st.column_config.TextColumn(width="large")})
