"""Alibaba's two listings: the New York ADS against its Hong Kong shares, in one currency and on one clock.

One BABA American depositary share is ADS_RATIO (8) ordinary 9988.HK shares. In US dollars the shares
behind one ADS are worth ``8 × price(9988.HK) / HKD per USD``, and the ADS premium is ``price(BABA) /
that − 1``. Every price here is the exchange's print (``raw_close``): Yahoo's dividend adjustment differs
between the listings, so adjusted closes would bias the premium by the difference.

A true premium compares quotes of the same moment; daily bars have none. Two readings come near it:

* **the gap between the closes** of one date (:func:`premium_frame`): Hong Kong closes at 16:00 there
  (08:00 UTC), 13½ hours before New York (12½ in the US summer), so the gap holds whatever moved in
  between and swings with the news;
* **the ADS close against the next Hong Kong open** (:func:`sync_frame`), 5½ to 6½ hours later, with
  only the ADS's after-hours trading in between: nearer the premium itself.

Each is converted at the HKD=X rate of its Hong Kong price's moment (:func:`fx_at`). Moves around an
event (:func:`first_mover`) stay returns on the adjusted closes. On the clock, each listing's closes sit
at their real times (exchange calendars), so a chart shows which market could price an event first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from components.analysis import formats
from components.analysis.alignment import locate
from components.data import calendars
from components.data.events import Event, shown_title
from components.facts import ADS_RATIO
from components.locale import _
from components.locale.formats import date_as, fixed_number

FX_DAY_TZ = "Europe/London"  # Yahoo's daily FX bar dated D covers London's day D
SYNC_HOURS = 12  # the longest an ADS close and the next Hong Kong open may lie apart to be paired

HK_LISTING, US_LISTING, FX_RATE = "9988.HK", "BABA", "HKD=X"
LISTINGS = (HK_LISTING, US_LISTING, FX_RATE)
PREMIUM_COLUMNS = ["date", "hk_date", "hk_price", "hkd_per_usd", "shares_usd", "ads_close", "premium"]


def prints(frame: pd.DataFrame, symbol: str) -> pd.DataFrame:
    """One symbol's open and close as the exchange printed them (``open``, ``close``), by trading date; rows
    whose print is not in the data are left out. The open's print shares the close's adjustment factor."""
    rows = frame[frame["symbol"] == symbol]
    factor = rows["raw_close"].to_numpy(float) / rows["close"].to_numpy(float)
    out = pd.DataFrame({"open": rows["open"].to_numpy(float) * factor, "close": rows["raw_close"].to_numpy(float)},
                       index=pd.DatetimeIndex(rows["date"]).normalize())
    if symbol != FX_RATE:  # share prices print in whole cents: this undoes the float error of the factor
        out = out.round(2)
    return out.dropna().sort_index()


def fx_at(fx: pd.DataFrame, moments: pd.DatetimeIndex) -> np.ndarray:
    """HKD per US$ at each of ``moments`` (UTC): Yahoo's daily HKD=X bar spans London's day from its open to its
    close, so the rate is read between them by the share of that day gone; a day without a bar takes the last
    close before it (NaN before the first bar)."""
    london = pd.DatetimeIndex(moments).tz_convert(FX_DAY_TZ)
    days = london.normalize().tz_localize(None)
    share = (london - london.normalize()).total_seconds().to_numpy() / 86_400
    row = fx.reindex(days)
    inside = row["open"].to_numpy() + (row["close"].to_numpy() - row["open"].to_numpy()) * share
    before = fx["close"].reindex(days, method="ffill").to_numpy()
    return np.where(np.isnan(inside), before, inside)


def _session_times(cal, dates: pd.DatetimeIndex, which: str) -> tuple[np.ndarray, pd.DatetimeIndex]:
    """(mask of ``dates`` that are sessions of ``cal``, the UTC open or close of each of those sessions)."""
    pos = cal.dates.searchsorted(dates)
    pos = np.minimum(pos, len(cal.dates) - 1)
    found = np.asarray(cal.dates[pos] == dates)
    stamps = (cal.opens if which == "open" else cal.closes)[pos[found]]
    return found, pd.DatetimeIndex(stamps.astype("datetime64[ns]")).tz_localize("UTC")


def _frame(dates, hk_dates, hk_price, rate, ads_close) -> pd.DataFrame:
    shares = ADS_RATIO * hk_price / rate
    out = pd.DataFrame({"date": dates, "hk_date": hk_dates, "hk_price": hk_price, "hkd_per_usd": rate,
                        "shares_usd": shares, "ads_close": ads_close, "premium": (ads_close / shares - 1) * 100})
    return out.dropna(subset=["premium"]).reset_index(drop=True)[PREMIUM_COLUMNS]


def premium_frame(hk: pd.DataFrame, ads: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """The gap between the two closes of each date both listings closed, on prints: the ADS close against
    ADS_RATIO Hong Kong closes converted at the rate of the Hong Kong close's moment. The closes are 13½
    hours apart (12½ in the US summer), so this is mostly the move between them, not a premium."""
    hk_cal = calendars.sessions("HK")
    dates = hk.index.intersection(ads.index)
    if hk_cal is None or fx.empty or dates.empty:
        return pd.DataFrame(columns=PREMIUM_COLUMNS)
    found, closes = _session_times(hk_cal, dates, "close")
    dates = dates[found]
    return _frame(dates, dates, hk["close"].reindex(dates).to_numpy(), fx_at(fx, closes),
                  ads["close"].reindex(dates).to_numpy())


def sync_frame(hk: pd.DataFrame, ads: pd.DataFrame, fx: pd.DataFrame) -> pd.DataFrame:
    """A nearer-synchronous premium: each ADS close against the next Hong Kong open when it comes within
    SYNC_HOURS (5½ to 6½ hours on a weekday night, with only the ADS's after-hours trading between),
    converted at the rate of that open's moment. Friday nights and holidays, when the next open is days
    away, are left out."""
    hk_cal, us_cal = calendars.sessions("HK"), calendars.sessions("US")
    if hk_cal is None or us_cal is None or fx.empty or ads.empty:
        return pd.DataFrame(columns=PREMIUM_COLUMNS)
    found, us_closes = _session_times(us_cal, ads.index, "close")
    us_dates = ads.index[found]
    nxt = np.searchsorted(hk_cal.opens, us_closes.asi8, side="right")
    ok = nxt < len(hk_cal.dates)
    us_dates, us_closes, nxt = us_dates[ok], us_closes[ok], nxt[ok]
    opens = pd.DatetimeIndex(hk_cal.opens[nxt].astype("datetime64[ns]")).tz_localize("UTC")
    near = np.asarray((opens - us_closes) <= pd.Timedelta(hours=SYNC_HOURS))
    hk_dates = hk_cal.dates[nxt][near]
    return _frame(us_dates[near], hk_dates, hk["open"].reindex(hk_dates).to_numpy(), fx_at(fx, opens[near]),
                  ads["close"].reindex(us_dates[near]).to_numpy())


def _series(closes: pd.Series) -> pd.Series:
    out = pd.Series(pd.to_numeric(closes, errors="coerce").to_numpy(float), index=pd.DatetimeIndex(closes.index))
    return out.dropna().sort_index()


@dataclass(frozen=True)
class Spread:
    """A premium series over a range in one figure: its median and the middle half of its values."""

    median: float
    low: float  # 25th percentile
    high: float  # 75th percentile
    count: int
    first: dt.date
    last: dt.date


def spread(frame: pd.DataFrame, start: dt.date, end: dt.date) -> Spread | None:
    """The premium's median and interquartile range over the rows dated ``start..end`` (None when there are none)."""
    part = frame[(frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))]["premium"]
    if part.empty:
        return None
    q = part.quantile([0.25, 0.5, 0.75])
    dates = frame.loc[part.index, "date"]
    return Spread(float(q[0.5]), float(q[0.25]), float(q[0.75]), len(part), dates.min().date(), dates.max().date())


def clock_frame(hk: pd.DataFrame, ads: pd.DataFrame, fx: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Both listings' closes (prints) in US$ per ADS at their real close times (UTC), in time order."""
    rows = []
    for symbol, bars, market in ((HK_LISTING, hk, "HK"), (US_LISTING, ads, "US")):
        cal = calendars.sessions(market)
        part = bars[(bars.index >= pd.Timestamp(start)) & (bars.index <= pd.Timestamp(end))]
        for day, close in part["close"].items():
            i = cal.index_of(day.date()) if cal else None
            if i is None:
                continue  # a bar on a day its exchange did not trade (reported by the calendar check)
            value = ADS_RATIO * close / fx_at(fx, pd.DatetimeIndex([cal.close(i)]))[0] if symbol == HK_LISTING \
                else close
            if not np.isfinite(value):
                continue
            rows.append({"at": cal.close(i), "date": day, "listing": symbol, "usd_per_ads": float(value)})
    frame = pd.DataFrame(rows, columns=["at", "date", "listing", "usd_per_ads"])
    return frame.sort_values("at").reset_index(drop=True)


def unpriced_spans(frame: pd.DataFrame, symbol: str, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last date in ``start..end`` on which ``symbol``'s print is not in the data, or None."""
    rows = frame[(frame["symbol"] == symbol) & (frame["date"] >= pd.Timestamp(start))
                 & (frame["date"] <= pd.Timestamp(end)) & frame["raw_close"].isna()]
    return (rows["date"].min().date(), rows["date"].max().date()) if len(rows) else None


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
            return _("One of the listings has no day 0 in the data for this event.")
        us_first = self.first == US_LISTING
        f_day, s_day = (self.us_day0, self.hk_day0) if us_first else (self.hk_day0, self.us_day0)
        f_move, s_move = (self.us_move, self.hk_move) if us_first else (self.hk_move, self.us_move)
        said = (_("New York could price it first: its day 0 ({first_day}) closed {hours} hours before Hong Kong's "
                  "({second_day}). New York moved {first_move}, then Hong Kong {second_move}.") if us_first else
                _("Hong Kong could price it first: its day 0 ({first_day}) closed {hours} hours before New York's "
                  "({second_day}). Hong Kong moved {first_move}, then New York {second_move}."))
        return said.format(first_day=date_as(f_day, "weekday_day"), second_day=date_as(s_day, "weekday_day"),
                           hours=fixed_number(self.lead_hours, 1), first_move=_pct(f_move), second_move=_pct(s_move))


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
        first = {HK_LISTING: _("Hong Kong"), US_LISTING: _("New York")}.get(m.first, formats.MISSING)
        rows.append({"event": shown_title(event), _("Hong Kong day 0"): _day(m.hk_day0),
                     _("{symbol} day 0 (%)").format(symbol=HK_LISTING): formats.pct(m.hk_move),
                     _("New York day 0"): _day(m.us_day0),
                     _("{symbol} day 0 (%)").format(symbol=US_LISTING): formats.pct(m.us_move),
                     _("could price it first"): first, _("lead (hours)"): formats.number(m.lead_hours, 1)})
    return pd.DataFrame(rows)


def _day(day: dt.date | None) -> str:
    """A day 0 as the table writes it: "Wed 12 Apr 2023" ("2023年4月12日 (週三)" in Chinese)."""
    return date_as(day, "weekday_date") if day else formats.MISSING


def premium_around(frame: pd.DataFrame, day: dt.date, sessions: int = 3) -> pd.DataFrame:
    """The premium rows from ``sessions`` paired dates before ``day`` to as many after."""
    if frame.empty:
        return frame
    i = int(frame["date"].searchsorted(pd.Timestamp(day)))
    return frame.iloc[max(0, i - sessions): i + sessions + 1].reset_index(drop=True)
