"""The two listings' widget blocks: the premium over the date range, and one event on the clock."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.analysis import formats
from components.analysis.alignment import news_moment
from components.analysis.listings import clock_frame, first_mover, first_movers, premium_around
from components.charts.listings import clock_figure, premium_figure
from components.data.events import Event
from components.text.safe import md_escape
from components.ui import device, plots, state

AROUND_DAYS = 6  # calendar days either side of an event on the clock chart


def premium_ui(frame: pd.DataFrame, events: list[Event], start: dt.date, end: dt.date) -> None:
    """The premium in the date range: a chart, and its last, average and extreme values."""
    part = frame[(frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))]
    if part.empty:
        st.info(f"Both listings did not close on any same date between {start:%d %b %Y} and {end:%d %b %Y}.")
        return
    plots.show(premium_figure(part, events, **device.chart_look()), state.LISTINGS_PREMIUM)
    last = part.iloc[-1]
    cols = st.columns(4)
    quiet = {"delta_color": "off", "delta_arrow": "off"}
    cols[0].metric(f"Premium on {last['date']:%d %b %Y}", f"{last['premium']:+.2f}%", **quiet)
    cols[1].metric("Average in the range", f"{part['premium'].mean():+.2f}%", **quiet)
    high, low = part.loc[part["premium"].idxmax()], part.loc[part["premium"].idxmin()]
    cols[2].metric("Highest", f"{high['premium']:+.2f}%", f"{high['date']:%d %b %Y}", **quiet)
    cols[3].metric("Lowest", f"{low['premium']:+.2f}%", f"{low['date']:%d %b %Y}", **quiet)


def event_ui(event: Event, closes: dict[str, pd.Series], frame: pd.DataFrame) -> None:
    """One event: which listing could price it first, both closes on one clock, the premium around it."""
    hk, ads, fx = closes["9988.HK"], closes["BABA"], closes["HKD=X"]
    mover = first_mover(event, hk, ads)
    st.markdown(f"**{md_escape(event.title)}** ({md_escape(event.when())}). {mover.sentence()}")
    days = [d for d in (mover.hk_day0, mover.us_day0) if d] or [event.date]
    start, end = min(days) - dt.timedelta(days=AROUND_DAYS), max(days) + dt.timedelta(days=AROUND_DAYS)
    clock = clock_frame(hk, ads, fx, start, end)
    moment = news_moment(event)
    plots.show(clock_figure(clock, moment.at, **device.chart_look()), state.LISTINGS_CLOCK)
    if moment.timing == "date only":
        st.caption("The news has only a date: the dashed line is the end of that date where it was made.")
    around = premium_around(frame, min(days))
    if not around.empty:
        st.dataframe(pd.DataFrame({
            "date": [f"{d:%a %d %b %Y}" for d in around["date"]],
            "9988.HK close (HK$)": [formats.number(v) for v in around["hk_close"]],
            "HKD per US$": [formats.number(v, 4) for v in around["hkd_per_usd"]],
            "8 shares (US$)": [formats.number(v) for v in around["shares_usd"]],
            "BABA close (US$)": [formats.number(v) for v in around["ads_close"]],
            "premium (%)": [f"{v:+.2f}" for v in around["premium"]],
        }), hide_index=True, key=state.LISTINGS_AROUND)


def movers_ui(events: list[Event], closes: dict[str, pd.Series]) -> None:
    st.dataframe(first_movers(events, closes["9988.HK"], closes["BABA"]), hide_index=True, key=state.LISTINGS_MOVERS,
                 column_config={"event": st.column_config.TextColumn(width="large")})
