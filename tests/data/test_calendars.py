"""Exchange calendars: sessions, half-days, holidays, unscheduled closures, and the data checked against them."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.data import calendars
from components.data.symbols import symbol_info


@pytest.fixture(scope="module")
def hk() -> calendars.Sessions:
    return calendars.sessions("HK")


@pytest.fixture(scope="module")
def ny() -> calendars.Sessions:
    return calendars.sessions("US")


def local_close(cal: calendars.Sessions, day: str) -> str:
    return f"{cal.local_close(cal.index_of(date.fromisoformat(day))):%H:%M}"


@pytest.mark.parametrize("day", ["2024-12-24", "2024-12-31", "2025-01-28", "2024-02-09"])
def test_hong_kong_half_days_close_at_noon(hk, day):
    # Christmas Eve, New Year's Eve and Lunar New Year's Eve (2025 and 2024)
    assert local_close(hk, day) == "12:00"
    assert date.fromisoformat(day) in hk.early_closes
    assert "half-day session closing at 12:00" in hk.describe(hk.index_of(date.fromisoformat(day)))


def test_a_regular_hong_kong_session_closes_at_four_with_a_lunch_break(hk):
    assert local_close(hk, "2025-03-06") == "16:00" and hk.regular_close.hour == 16
    assert hk.break_starts[date(2025, 3, 6)].tz_convert("Asia/Hong_Kong").hour == 12


@pytest.mark.parametrize("day, why", [
    ("2025-01-29", "Lunar New Year"), ("2025-01-30", "Lunar New Year"), ("2025-01-31", "Lunar New Year"),
    ("2025-04-04", "Ching Ming"), ("2024-04-04", "Ching Ming"), ("2025-04-18", "Good Friday"),
    ("2025-10-01", "National Day"), ("2025-12-25", "Christmas"),
])
def test_hong_kong_holidays_are_not_sessions(hk, day, why):
    assert hk.index_of(date.fromisoformat(day)) is None, why


def test_new_york_early_close_and_unscheduled_holiday(ny):
    assert local_close(ny, "2024-11-29") == "13:00"  # the day after Thanksgiving
    assert ny.index_of(date(2025, 1, 9)) is None  # national day of mourning for President Carter
    assert ny.index_of(date(2025, 1, 20)) is None  # Martin Luther King Jr. Day
    assert local_close(ny, "2025-03-05") == "16:00"


def test_future_sessions_are_known_for_scheduled_events(hk, ny):
    year = date.today().year + 1
    assert hk.index_of(date(year, 1, 1)) is None and ny.index_of(date(year, 12, 25)) is None
    assert hk.dates[-1].year == ny.dates[-1].year == date.today().year + calendars.FUTURE_YEARS


def test_unscheduled_closures_are_taken_out_of_the_calendar(hk):
    for day in calendars.UNSCHEDULED_CLOSURES["HK"]:
        assert hk.index_of(day) is None and day in hk.closures


@pytest.mark.parametrize("symbol", ["9988.HK", "^HSI", "^HSCE"])
def test_each_unscheduled_closure_is_confirmed_by_the_bundled_prices(closes, symbol):
    # the override list is checked against the data: no Hong Kong symbol has a bar on those days, and the
    # weekdays either side traded (so the closure is not a hole in the source)
    dates = set(closes[symbol].index.date)
    for day in calendars.UNSCHEDULED_CLOSURES["HK"]:
        assert day not in dates
        neighbours = pd.bdate_range(day - pd.Timedelta(days=4), day + pd.Timedelta(days=4)).date
        assert any(d in dates for d in neighbours if d < day) and any(d in dates for d in neighbours if d > day)


@pytest.mark.parametrize("symbol", ["9988.HK", "BABA", "^HSI", "^HSCE", "0700.HK", "NVDA", "KWEB", "^GSPC"])
def test_the_bundled_prices_agree_with_their_exchange_calendars(closes, symbol):
    check = calendars.reconcile(symbol, symbol_info(symbol).market.code, closes[symbol].index)
    assert check.clean, check.sentences()


def test_a_missing_session_is_a_data_gap_and_a_weekend_bar_is_reported(closes):
    hk_closes = closes["9988.HK"]
    holed = hk_closes.drop([pd.Timestamp("2025-03-06"), pd.Timestamp("2025-03-07")])
    saturday = pd.concat([holed, pd.Series([1.0], index=[pd.Timestamp("2025-03-08")])]).sort_index()
    check = calendars.reconcile("9988.HK", "HK", saturday.index)
    assert check.gaps == (date(2025, 3, 6), date(2025, 3, 7)) and check.extra == (date(2025, 3, 8),)
    notes = " ".join(check.sentences())
    assert "a gap in the data rather than a holiday" in notes and "06 Mar 2025" in notes
    assert "bar on a day XHKG did not trade: 08 Mar 2025" in notes


def test_the_fx_market_has_no_exchange_calendar():
    assert calendars.sessions("FX") is None
    assert calendars.reconcile("HKD=X", "FX", pd.DatetimeIndex(["2025-03-06"])) is None


def test_warming_builds_each_market_s_sessions_once():
    calendars._build.cache_clear()
    calendars.warm({"HK", "US", "XX"}).join()  # a market without a calendar is passed over
    built = calendars._build.cache_info()
    assert built.currsize == 3 and calendars.sessions("HK") is not None
    assert calendars._build.cache_info().hits == built.hits + 1  # the first page's look-up is a hit, not a build
