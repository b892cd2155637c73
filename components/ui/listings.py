"""The two listings' widget blocks: the premium over the date range, and one event on the clock."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.analysis import formats
from components.analysis.alignment import news_moment
from components.analysis.listings import (
    LISTINGS,
    clock_frame,
    first_mover,
    first_movers,
    premium_around,
    premium_frame,
    prints,
    spread,
    sync_frame,
)
from components.charts.listings import clock_figure, premium_figure
from components.data.events import Event, shown_title
from components.data.prices import PriceResult
from components.facts import ADS_RATIO
from components.locale import _, ngettext
from components.locale.formats import day, signed_percent
from components.text.safe import md_escape
from components.ui import caches, device, plots, state, tables

AROUND_DAYS = 6  # calendar days either side of an event on the clock chart


def listing_frames(history: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """The listings' exchange prices, the premium of each date's closes and the nearer-synchronous one."""
    printed = {s: prints(history, s) for s in LISTINGS}
    quotes = (printed["9988.HK"], printed["BABA"], printed["HKD=X"])
    return printed, premium_frame(*quotes), sync_frame(*quotes)


def premium_ui(history: PriceResult, gap: pd.DataFrame, sync: pd.DataFrame, events: list[Event], start: dt.date,
               end: dt.date) -> None:
    """The premium in the date range: its two readings as medians with their middle half, and a chart."""
    closes, nearer = caches.shared("premium spreads", lambda: (spread(gap, start, end), spread(sync, start, end)),
                                   start, end, history=history)
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
    look = device.chart_look()

    def figure():
        in_range = [f[(f["date"] >= pd.Timestamp(start)) & (f["date"] <= pd.Timestamp(end))] for f in (gap, sync)]
        return premium_figure(*in_range, events, **look)

    fig = caches.shared("premium figure", figure, start, end, tuple(look.items()), history=history, events=events)
    plots.show(fig, state.LISTINGS_PREMIUM)


def event_ui(event: Event, history: PriceResult, closes: dict[str, pd.Series], printed: dict[str, pd.DataFrame],
             frame: pd.DataFrame) -> None:
    """One event: which listing could price it first (returns on adjusted closes), both closes on one clock and
    the gap between them around it (exchange prices)."""
    key = caches.events_key([event])
    mover = caches.shared("first mover", lambda: first_mover(event, closes["9988.HK"], closes["BABA"]), key,
                          history=history)
    st.markdown(f"**{md_escape(shown_title(event))}** ({md_escape(event.when())}). {mover.sentence()}")
    days = [d for d in (mover.hk_day0, mover.us_day0) if d] or [event.date]
    start, end = min(days) - dt.timedelta(days=AROUND_DAYS), max(days) + dt.timedelta(days=AROUND_DAYS)
    moment, look = news_moment(event), device.chart_look()

    def figure():
        clock = clock_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"], start, end)
        return clock_figure(clock, moment.at, **look)

    plots.show(caches.shared("clock figure", figure, key, tuple(look.items()), history=history), state.LISTINGS_CLOCK)
    if moment.timing == "date only":
        st.caption(_("The news has only a date: the dashed line is the end of that date where it was made."))
    around = caches.shared("premium around", lambda: _around_table(premium_around(frame, min(days))), key,
                           history=history)
    if not around.empty:
        tables.show(around, hide_index=True, key=state.LISTINGS_AROUND)


def _around_table(around: pd.DataFrame) -> pd.DataFrame:
    """The premium's dates around an event as its table shows them, in the run's language."""
    return pd.DataFrame({
        _("date"): [day(d.date()) for d in around["date"]],
        _("9988.HK close (HK$)"): [formats.number(v) for v in around["hk_price"]],
        _("HKD per US$ at that close"): [formats.number(v, 4) for v in around["hkd_per_usd"]],
        _("{ratio} shares (US$)").format(ratio=ADS_RATIO): [formats.number(v) for v in around["shares_usd"]],
        _("BABA close (US$)"): [formats.number(v) for v in around["ads_close"]],
        _("gap between the closes"): [signed_percent(v / 100) for v in around["premium"]],
    })


def movers_ui(events: list[Event], history: PriceResult, closes: dict[str, pd.Series]) -> None:
    table = caches.shared("first movers", lambda: first_movers(events, closes["9988.HK"], closes["BABA"]),
                          history=history, events=events)
    tables.show(table, hide_index=True, key=state.LISTINGS_MOVERS,
                column_config={"event": st.column_config.TextColumn(_("event"), width="large")})
