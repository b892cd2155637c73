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
from components.facts import ADS_RATIO
from components.locale import _, ngettext
from components.locale.formats import day, signed_percent
from components.text.safe import md_escape
from components.ui import device, plots, state

AROUND_DAYS = 6  # calendar days either side of an event on the clock chart


def premium_ui(gap: pd.DataFrame, sync: pd.DataFrame, events: list[Event], start: dt.date, end: dt.date) -> None:
    """The premium in the date range: its two readings as medians with their middle half, and a chart."""
    closes, nearer = spread(gap, start, end), spread(sync, start, end)
    if closes is None:
        st.info(_("The two listings did not both close on any date between {start} and {end}.").format(
            start=day(start), end=day(end)))
        return
    cols = st.columns(2)
    cols[0].metric(_("Gap between the closes of one date, median"), signed_percent(closes.median / 100),
                   help=ngettext("{count} date. Hong Kong closes 13½ hours before New York (12½ in the US summer), "
                                 "so the gap holds whatever happened in between.",
                                 "{count} dates. Hong Kong closes 13½ hours before New York (12½ in the US summer), "
                                 "so the gap holds whatever happened in between.", closes.count).format(
                       count=closes.count))
    cols[0].caption(_("Middle half of the dates: {low} to {high}").format(low=signed_percent(closes.low / 100),
                                                                          high=signed_percent(closes.high / 100)))
    if nearer is not None:
        cols[1].metric(_("BABA close against the next Hong Kong open, median"), signed_percent(nearer.median / 100),
                       help=ngettext("{count} night, 5½ to 6½ hours apart; nights before a weekend or holiday are "
                                     "left out.",
                                     "{count} nights, each 5½ to 6½ hours apart; nights before a weekend or holiday "
                                     "are left out.", nearer.count).format(count=nearer.count))
        cols[1].caption(_("Middle half of the nights: {low} to {high}").format(
            low=signed_percent(nearer.low / 100), high=signed_percent(nearer.high / 100)))
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
        st.caption(_("The news has only a date: the dashed line is the end of that date where it was made."))
    around = premium_around(frame, min(days))
    if not around.empty:
        st.dataframe(pd.DataFrame({
            _("date"): [day(d.date()) for d in around["date"]],
            _("9988.HK close (HK$)"): [formats.number(v) for v in around["hk_price"]],
            _("HKD per US$ at that close"): [formats.number(v, 4) for v in around["hkd_per_usd"]],
            _("{ratio} shares (US$)").format(ratio=ADS_RATIO): [formats.number(v) for v in around["shares_usd"]],
            _("BABA close (US$)"): [formats.number(v) for v in around["ads_close"]],
            _("gap between the closes"): [signed_percent(v / 100) for v in around["premium"]],
        }), hide_index=True, key=state.LISTINGS_AROUND)


def movers_ui(events: list[Event], closes: dict[str, pd.Series]) -> None:
    st.dataframe(first_movers(events, closes["9988.HK"], closes["BABA"]), hide_index=True, key=state.LISTINGS_MOVERS,
                 column_config={"event": st.column_config.TextColumn(_("event"), width="large")})
