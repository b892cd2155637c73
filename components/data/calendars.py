"""Exchange trading calendars: every session with its real open and close, checked against the data.

Sessions come from ``exchange_calendars`` (XHKG for Hong Kong, XNYS for New York, ...): holidays,
half-day sessions (Hong Kong closes at 12:00 on Christmas Eve, New Year's Eve and Lunar New Year's
Eve; New York at 13:00 after Thanksgiving), the Hong Kong lunch break, and sessions still to come.
Unscheduled closures the library does not know (typhoon and black-rainstorm days) are listed in
:data:`UNSCHEDULED_CLOSURES`; a test checks each against the bundled prices.

:func:`reconcile` compares a symbol's bars with its exchange's sessions: a session without a bar is
a gap in the data (not a holiday), a bar on a day that is not a session is reported too.
The FX market has no exchange calendar; its sessions are the bars themselves.
"""

from __future__ import annotations

import datetime as dt
import threading
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from components.facts import HISTORY_START
from components.locale import N_, _, ngettext
from components.locale.formats import date_as
from components.locale.formats import day as written_day

# exchange_calendars' code for each market of components.data.symbols.MARKETS
EXCHANGES = {"HK": "XHKG", "US": "XNYS", "CN": "XSHG", "JP": "XTKS", "UK": "XLON", "EU": "XETR"}
FUTURE_YEARS = 2  # sessions known ahead, for scheduled events

# Whole days an exchange did not trade that its published calendar had as sessions.
UNSCHEDULED_CLOSURES: dict[str, dict[dt.date, str]] = {
    "HK": {
        dt.date(2023, 9, 1): N_("Typhoon Saola: signal No. 8 was up all day, so HKEX did not trade"),
        dt.date(2023, 9, 8): N_("black rainstorm warning: HKEX cancelled the whole day's trading"),
    },
}


@dataclass(frozen=True, eq=False)
class Sessions:
    """One exchange's sessions: dates (naive), and UTC opens and closes as int64 nanoseconds."""

    market: str
    code: str  # exchange_calendars' name, e.g. XHKG
    tz: str
    dates: pd.DatetimeIndex
    opens: np.ndarray
    closes: np.ndarray
    regular_close: dt.time
    early_closes: frozenset[dt.date]
    break_starts: dict[dt.date, pd.Timestamp] = field(repr=False)
    closures: dict[dt.date, str] = field(repr=False)

    def index_of(self, day: dt.date) -> int | None:
        i = int(self.dates.searchsorted(pd.Timestamp(day)))
        return i if i < len(self.dates) and self.dates[i].date() == day else None

    def first_closing_after(self, moment: pd.Timestamp, inclusive: bool = False) -> int | None:
        """Index of the first session closing after ``moment`` (tz-aware; at it too if ``inclusive``), or None."""
        side = "left" if inclusive else "right"
        i = int(np.searchsorted(self.closes, moment.tz_convert("UTC").value, side=side))
        return i if i < len(self.dates) else None

    def first_opening_after(self, moment: pd.Timestamp) -> int | None:
        """Index of the first session opening after ``moment`` (tz-aware), or None."""
        i = int(np.searchsorted(self.opens, moment.tz_convert("UTC").value, side="right"))
        return i if i < len(self.dates) else None

    def close(self, i: int) -> pd.Timestamp:
        return pd.Timestamp(int(self.closes[i]), tz="UTC")

    def open(self, i: int) -> pd.Timestamp:
        return pd.Timestamp(int(self.opens[i]), tz="UTC")

    def local_close(self, i: int) -> pd.Timestamp:
        return self.close(i).tz_convert(self.tz)

    def covers(self, day: dt.date) -> bool:
        return bool(len(self.dates)) and self.dates[0].date() <= day <= self.dates[-1].date()

    def describe(self, i: int) -> str:
        """The session in words, in the run's language: 'Tue 24 Dec 2024, a half-day session closing at 12:00'."""
        day, close = self.dates[i].date(), self.local_close(i)
        if day in self.early_closes:
            return _("{day}, a half-day session closing at {time}").format(day=written_day(day),
                                                                            time=f"{close:%H:%M}")
        return written_day(day)


def _early(calendar, dates: pd.DatetimeIndex, closes: pd.Series, tz: str) -> tuple[dt.time, frozenset]:
    local = closes.dt.tz_convert(tz)
    regular = local.dt.time.mode().iloc[0]
    early = frozenset(d.date() for d, t in zip(dates, local.dt.time) if t < regular)
    return regular, early


@lru_cache(maxsize=16)
def _build(market: str, year: int) -> Sessions | None:
    import exchange_calendars as xcals  # imported on first use: it costs ~0.3 s

    code = EXCHANGES.get(market)
    if code is None:
        return None
    start = pd.Timestamp(HISTORY_START) - pd.DateOffset(years=1)
    end = pd.Timestamp(dt.date(year + FUTURE_YEARS, 12, 31))
    with warnings.catch_warnings():  # the library still uses pandas APIs that warn of their removal
        warnings.simplefilter("ignore")
        calendar = xcals.get_calendar(code, start=start, end=end)
        schedule = calendar.schedule
    closures = UNSCHEDULED_CLOSURES.get(market, {})
    keep = ~schedule.index.isin(pd.DatetimeIndex(list(closures)))
    schedule = schedule[keep]
    dates = pd.DatetimeIndex(schedule.index.tz_localize(None) if schedule.index.tz else schedule.index)
    tz = str(calendar.tz)
    regular, early = _early(calendar, dates, schedule["close"], tz)
    breaks = {d.date(): b for d, b in zip(dates, schedule["break_start"]) if pd.notna(b)}
    return Sessions(market, code, tz, dates, schedule["open"].astype("int64").to_numpy(),
                    schedule["close"].astype("int64").to_numpy(), regular, early, breaks, dict(closures))


ZODIAC = ("rat", "ox", "tiger", "rabbit", "dragon", "snake", "horse", "goat", "monkey", "rooster", "dog", "pig")
ZODIAC_OTHER_NAMES = {"hare": "rabbit", "sheep": "goat", "ram": "goat", "boar": "pig", "cock": "rooster"}


@lru_cache(maxsize=1)
def _lunar_new_years() -> dict[int, dt.date]:
    from exchange_calendars.lunisolar_holidays import chinese_lunar_new_year_dates

    return {d.year: d.date() for d in chinese_lunar_new_year_dates}


def lunar_year(year: int) -> tuple[dt.date, dt.date, str] | None:
    """The Chinese lunar year that begins in ``year``: its first and last day and its animal (None: unknown)."""
    days = _lunar_new_years()
    if year not in days or year + 1 not in days:
        return None
    return days[year], days[year + 1] - dt.timedelta(days=1), ZODIAC[(year - 2020) % 12]


_BUILDING = threading.Lock()  # one calendar built at a time: a warm-up and a page never build the same one twice


def warm(markets) -> threading.Thread:
    """Build the sessions of ``markets`` in the background, once per process (about 0.4 s each): a server starts
    this as it starts, so its first visitor does not wait for the calendars. Returns the thread."""
    thread = threading.Thread(target=lambda: [sessions(m) for m in markets], name="calendars", daemon=True)
    thread.start()
    return thread


def sessions(market: str) -> Sessions | None:
    """The sessions of a market (a code of ``symbols.MARKETS``), or None when it has no exchange calendar."""
    year = dt.date.today().year
    with _BUILDING:
        return _build(market, year)


@dataclass(frozen=True)
class Reconciliation:
    """How a symbol's bars agree with its exchange's sessions over the span of its data."""

    symbol: str
    code: str
    gaps: tuple[dt.date, ...]  # sessions without a bar
    extra: tuple[dt.date, ...]  # bars on days that are not sessions
    closures: tuple[tuple[dt.date, str], ...]  # unscheduled closures inside the span

    @property
    def clean(self) -> bool:
        return not self.gaps and not self.extra

    def sentences(self, limit: int = 5) -> list[str]:
        """Plain notes, e.g. '9988.HK has no bar for 2 XHKG sessions (a gap in the data, not a holiday): ...'."""
        def days(values) -> str:
            shown = ", ".join(date_as(d, "date") for d in values[:limit])
            return _("{days} and {count} more").format(days=shown, count=len(values) - limit) \
                if len(values) > limit else shown

        out = []
        if self.gaps:
            out.append(ngettext("{symbol} has no bar for {count} {exchange} session, a gap in the data rather than a "
                                "holiday: {days}.", "{symbol} has no bar for {count} {exchange} sessions, a gap in the "
                                "data rather than a holiday: {days}.", len(self.gaps)).format(
                symbol=self.symbol, count=len(self.gaps), exchange=self.code, days=days(self.gaps)))
        if self.extra:
            out.append(ngettext("{symbol} has {count} bar on a day {exchange} did not trade: {days}.",
                                "{symbol} has {count} bars on days {exchange} did not trade: {days}.",
                                len(self.extra)).format(symbol=self.symbol, count=len(self.extra),
                                                        exchange=self.code, days=days(self.extra)))
        return out


def reconcile(symbol: str, market: str, dates: pd.DatetimeIndex) -> Reconciliation | None:
    """Compare bar dates with the market's sessions between the first and last bar (None: no calendar)."""
    cal = sessions(market)
    if cal is None or len(dates) == 0:
        return None
    dates = pd.DatetimeIndex(dates).normalize()
    inside = cal.dates[(cal.dates >= dates[0]) & (cal.dates <= dates[-1])]
    gaps = tuple(d.date() for d in inside.difference(dates))
    extra = tuple(d.date() for d in dates.difference(cal.dates) if cal.covers(d.date()))
    closures = tuple((d, why) for d, why in sorted(cal.closures.items()) if dates[0].date() <= d <= dates[-1].date())
    return Reconciliation(symbol, cal.code, gaps, extra, closures)
