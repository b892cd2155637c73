"""Per-market alignment on the bundled data: reaction sessions, weekends, holidays, no-data events."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.analysis.alignment import event_window_dates, reaction, reaction_table, window_return
from components.analysis.metrics import closes_by_symbol
from components.data.events import Event, bundled_events
from components.data.snapshot import load_snapshot


@pytest.fixture(scope="module")
def closes() -> dict[str, pd.Series]:
    return closes_by_symbol(load_snapshot()[0])


def event(eid: str) -> Event:
    return next(e for e in bundled_events() if e.id == eid)


def make(day: str, time: str | None = None, tz: str = "Asia/Hong_Kong") -> Event:
    return Event(id="test", title="test", date=day, time=time, tz=tz, category="other")


def day0_and_return(ev: Event, closes: dict, symbol: str) -> tuple[date | None, float | None]:
    r = reaction(ev, closes[symbol], symbol)
    return r.day0, window_return(closes[symbol], r.position, 0, 0)


@pytest.mark.parametrize("eid, symbol, day, ret", [
    ("qwq-32b-release", "9988.HK", date(2025, 3, 6), 0.0839),
    ("qwq-32b-release", "BABA", date(2025, 3, 5), 0.0861),
    ("qwen2.5-max-release", "9988.HK", date(2025, 2, 3), 0.0640),  # HK closed 29-31 Jan
    ("qwen2.5-max-release", "BABA", date(2025, 1, 28), 0.0671),
    ("tongyi-qianwen-unveiled", "9988.HK", date(2023, 4, 11), 0.0159),  # after HK's Easter holidays
])
def test_expected_reaction_sessions(closes, eid, symbol, day, ret):
    got_day, got_ret = day0_and_return(event(eid), closes, symbol)
    assert got_day == day
    assert got_ret == pytest.approx(ret, abs=5e-5)


def test_returns_match_an_independent_computation(closes):
    hk = closes["9988.HK"]
    assert day0_and_return(event("qwq-32b-release"), closes, "9988.HK")[1] == pytest.approx(
        hk[pd.Timestamp("2025-03-06")] / hk[pd.Timestamp("2025-03-05")] - 1)


def test_weekend_event_reacts_on_monday_in_both_markets(closes):
    for ev in (make("2025-03-08"), make("2025-03-08", "10:00")):
        assert day0_and_return(ev, closes, "9988.HK")[0] == date(2025, 3, 10)
        assert day0_and_return(ev, closes, "BABA")[0] == date(2025, 3, 10)


def test_hong_kong_holiday_event_waits_for_hong_kong_but_not_new_york(closes):
    ev = make("2025-01-30")  # Lunar New Year: HKEX closed, NYSE open
    assert day0_and_return(ev, closes, "9988.HK")[0] == date(2025, 2, 3)
    assert day0_and_return(ev, closes, "BABA")[0] == date(2025, 1, 30)
    thanksgiving = make("2024-11-28", "09:00", "America/New_York")
    assert day0_and_return(thanksgiving, closes, "BABA")[0] == date(2024, 11, 29)
    assert day0_and_return(thanksgiving, closes, "9988.HK")[0] == date(2024, 11, 29)  # after HK's close on 28th


def test_close_time_boundary_is_strict(closes):
    assert day0_and_return(make("2025-03-06", "15:59"), closes, "9988.HK")[0] == date(2025, 3, 6)
    assert day0_and_return(make("2025-03-06", "16:00"), closes, "9988.HK")[0] == date(2025, 3, 7)
    assert day0_and_return(make("2025-03-05", "16:00", "America/New_York"), closes, "BABA")[0] == date(2025, 3, 6)


def test_event_outside_the_data_has_no_price_data(closes):
    early = reaction(make("2015-06-01"), closes["9988.HK"], "9988.HK")
    assert early.status == "no price data" and "2022-01-03" in early.note
    late = reaction(make("2026-06-01"), closes["9988.HK"], "9988.HK")
    assert late.status == "no price data" and "no session after" in late.note
    first = reaction(make("2022-01-03"), closes["9988.HK"], "9988.HK")
    assert first.status == "no prior close"


def test_window_returns_and_reaction_table(closes):
    table = reaction_table(event("qwq-32b-release"), closes, ["9988.HK", "BABA", "^HSI"])
    hk = closes["9988.HK"]
    row = table.set_index("symbol").loc["9988.HK"]
    assert row["return [-1,+1]"] == pytest.approx(hk["2025-03-07"] / hk["2025-03-04"] - 1)
    assert row["return [0,+5]"] == pytest.approx(hk["2025-03-13"] / hk["2025-03-05"] - 1)
    assert row["benchmark"] == "^HSCE" and row["benchmark return day 0"] == pytest.approx(0.0357, abs=5e-5)
    assert table.set_index("symbol").loc["BABA", "benchmark"] == "^GSPC"
    assert table.set_index("symbol").loc["^HSI", "benchmark"] == ""
    assert window_return(hk, len(hk) - 1, 0, 5) is None  # runs past the data


def test_event_window_dates_cover_each_market(closes):
    span = event_window_dates(event("qwq-32b-release"), closes, ["9988.HK", "BABA"], 2)
    assert span == (date(2025, 3, 3), date(2025, 3, 10))
