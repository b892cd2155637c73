"""Alibaba's two listings: the New York ADS against its Hong Kong shares, in one currency and on one clock.

One BABA American depositary share is ADS_RATIO (8) ordinary 9988.HK shares. In US dollars the
shares behind one ADS are worth ``8 × close(9988.HK) / HKD per USD``; the ADS premium is
``close(BABA) / that − 1``. Pairs are closes of the same date: Hong Kong closes at 16:00 there
(08:00 UTC), 13½ hours before New York's 16:00 close (21:00 UTC, 20:00 in summer), so news that comes
between them shows in the premium until Hong Kong catches up. HKD=X is Yahoo's daily bar for London's
day, the one that contains the Hong Kong close of that date.

On the clock, each listing's closes sit at their real times (exchange calendars), so the chart shows
which market could price an event first and how far it moved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.analysis import formats
from components.analysis.alignment import locate
from components.data import calendars
from components.data.events import Event
from components.facts import ADS_RATIO

HK_LISTING, US_LISTING, FX_RATE = "9988.HK", "BABA", "HKD=X"
LISTINGS = (HK_LISTING, US_LISTING, FX_RATE)
BASIS_NOTE = ("Both listings are Yahoo's dividend-adjusted closes, and Yahoo adjusts the ADS more than the Hong Kong "
              "shares for the same dividend (about 1.7% against 0.2% between mid-2024 and mid-2025), so the "
              "premium's level can sit a point or two below the raw one in those spans; its moves around an event, "
              "inside one span, are not affected.")


def _series(closes: pd.Series) -> pd.Series:
    out = pd.Series(pd.to_numeric(closes, errors="coerce").to_numpy(float), index=pd.DatetimeIndex(closes.index))
    return out.dropna().sort_index()


def premium_frame(hk: pd.Series, ads: pd.Series, fx: pd.Series) -> pd.DataFrame:
    """Per date both listings closed: the shares behind one ADS in US$, the ADS close and the premium (%)."""
    hk, ads, fx = _series(hk), _series(ads), _series(fx)
    dates = hk.index.intersection(ads.index)
    if len(dates) == 0 or len(fx) == 0:
        return pd.DataFrame(columns=["date", "hk_close", "hkd_per_usd", "shares_usd", "ads_close", "premium"])
    rate = pd.Series(fx.asof(dates).to_numpy(float), index=dates)  # the last FX bar on or before the date
    shares = ADS_RATIO * hk.reindex(dates) / rate
    out = pd.DataFrame({"date": dates, "hk_close": hk.reindex(dates).to_numpy(), "hkd_per_usd": rate.to_numpy(),
                        "shares_usd": shares.to_numpy(), "ads_close": ads.reindex(dates).to_numpy()})
    out["premium"] = (out["ads_close"] / out["shares_usd"] - 1) * 100
    return out.dropna(subset=["premium"]).reset_index(drop=True)


def clock_frame(hk: pd.Series, ads: pd.Series, fx: pd.Series, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Both listings' closes in US$ per ADS at their real close times (UTC), in time order."""
    hk, ads, fx = _series(hk), _series(ads), _series(fx)
    rows = []
    for symbol, series, market in ((HK_LISTING, hk, "HK"), (US_LISTING, ads, "US")):
        cal = calendars.sessions(market)
        part = series[(series.index >= pd.Timestamp(start)) & (series.index <= pd.Timestamp(end))]
        for day, close in part.items():
            i = cal.index_of(day.date()) if cal else None
            if i is None:
                continue  # a bar on a day its exchange did not trade (reported by the calendar check)
            value = ADS_RATIO * close / fx.asof(day) if symbol == HK_LISTING else close
            if not np.isfinite(value):
                continue
            rows.append({"at": cal.close(i), "date": day, "listing": symbol, "usd_per_ads": float(value)})
    frame = pd.DataFrame(rows, columns=["at", "date", "listing", "usd_per_ads"])
    return frame.sort_values("at").reset_index(drop=True)


@dataclass(frozen=True)
class FirstMover:
    """Which listing's day-0 session closed first after an event, and how each moved on its day 0."""

    event_id: str
    first: str | None  # HK_LISTING, US_LISTING, or None when one has no day 0
    hk_day0: dt.date | None
    us_day0: dt.date | None
    hk_move: float | None
    us_move: float | None
    lead_hours: float | None  # how long before the other the first listing's day 0 closed

    def sentence(self) -> str:
        if self.first is None:
            return "One of the listings has no day 0 in the data for this event."
        first, second = (("New York", "Hong Kong") if self.first == US_LISTING else ("Hong Kong", "New York"))
        f_day, s_day = (self.us_day0, self.hk_day0) if self.first == US_LISTING else (self.hk_day0, self.us_day0)
        f_move, s_move = (self.us_move, self.hk_move) if self.first == US_LISTING else (self.hk_move, self.us_move)
        return (f"{first} could price it first: its day 0 ({f_day:%a %d %b}) closed {self.lead_hours:.1f} hours "
                f"before {second}'s ({s_day:%a %d %b}). {first} moved {_pct(f_move)}, then {second} "
                f"{_pct(s_move)}.")


def _pct(value: float | None) -> str:
    return formats.pct(value)


def _move(closes: pd.Series, position: int | None) -> float | None:
    if position is None or position < 1:
        return None
    return float(closes.iloc[position] / closes.iloc[position - 1] - 1)


def first_mover(event: Event, hk: pd.Series, ads: pd.Series) -> FirstMover:
    """Compare the two listings' reaction sessions for ``event`` by their real close times."""
    hk, ads = _series(hk), _series(ads)
    r_hk, r_us = locate(event, hk.index, HK_LISTING), locate(event, ads.index, US_LISTING)
    moves = _move(hk, r_hk.position), _move(ads, r_us.position)
    if r_hk.close_utc is None or r_us.close_utc is None or r_hk.position is None or r_us.position is None:
        return FirstMover(event.id, None, r_hk.day0, r_us.day0, *moves, None)
    first = US_LISTING if r_us.close_utc < r_hk.close_utc else HK_LISTING
    lead = abs((r_hk.close_utc - r_us.close_utc).total_seconds()) / 3600
    return FirstMover(event.id, first, r_hk.day0, r_us.day0, *moves, lead)


def first_movers(events: list[Event], hk: pd.Series, ads: pd.Series) -> pd.DataFrame:
    """For every event, for people: each listing's day 0 and move, and which could move first (by how long)."""
    rows = []
    for event in events:
        m = first_mover(event, hk, ads)
        rows.append({"event": event.title, "Hong Kong day 0": _day(m.hk_day0),
                     "9988.HK day 0 (%)": formats.pct(m.hk_move),
                     "New York day 0": _day(m.us_day0), "BABA day 0 (%)": formats.pct(m.us_move),
                     "could price it first": {HK_LISTING: "Hong Kong", US_LISTING: "New York"}.get(m.first,
                                                                                                formats.MISSING),
                     "lead (hours)": formats.number(m.lead_hours, 1)})
    return pd.DataFrame(rows)


def _day(day: dt.date | None) -> str:
    return f"{day:%a %d %b %Y}" if day else formats.MISSING


def premium_around(frame: pd.DataFrame, day: dt.date, sessions: int = 3) -> pd.DataFrame:
    """The premium rows from ``sessions`` paired dates before ``day`` to as many after."""
    if frame.empty:
        return frame
    i = int(frame["date"].searchsorted(pd.Timestamp(day)))
    return frame.iloc[max(0, i - sessions): i + sessions + 1].reset_index(drop=True)
