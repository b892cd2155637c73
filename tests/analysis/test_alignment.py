"""Per-market alignment on the bundled data: reaction sessions, weekends, holidays, no-data events."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.analysis import formats
from components.analysis.alignment import (
    EARLIER_HEADER,
    event_window_dates,
    reaction,
    reaction_display,
    reaction_table,
    window_return,
)
from components.data.events import Event, bundled_events


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
    # date only: known by the end of 11 April in Beijing, so Hong Kong's day 0 is the 12th (the 11th is offered
    # as a possible earlier day 0); New York's session of the 11th closed after that midnight
    ("tongyi-qianwen-unveiled", "9988.HK", date(2023, 4, 12), -0.0327),
    ("tongyi-qianwen-unveiled", "BABA", date(2023, 4, 11), -0.0175),
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
    assert early.status == "no price data" and "03 Jan 2022" in early.note
    late = reaction(make("2026-06-01"), closes["9988.HK"], "9988.HK")
    assert late.status == "no price data" and "after 9988.HK's last price" in late.note
    first = reaction(make("2022-01-03", "09:00"), closes["9988.HK"], "9988.HK")
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


# --- exchange calendars and the rule for news without a time (issue: every reaction on the right session) ---

@pytest.mark.parametrize("eid, symbol, day, ret", [
    # o1-mini (12 Sep 2024, California, no hour): Hong Kong closed at 01:00 California time that day
    ("openai-o1-mini-release", "9988.HK", date(2024, 9, 13), -0.0054),
    # the December-quarter results came after the Hong Kong close of 20 Feb: the jump is the 21st
    ("alibaba-q3-results", "9988.HK", date(2025, 2, 21), 0.1456),
    ("alibaba-q3-results", "BABA", date(2025, 2, 20), 0.0809),
    # Nvidia's sell-off is New York's session of 27 Jan; Hong Kong had closed before it opened
    ("nvidia-deepseek-selloff", "BABA", date(2025, 1, 27), None),
    ("nvidia-deepseek-selloff", "9988.HK", date(2025, 1, 28), 0.0126),
    ("qwq-32b-release", "9988.HK", date(2025, 3, 6), 0.0839),
    ("qwq-32b-release", "BABA", date(2025, 3, 5), 0.0861),
    # a move in Hong Kong is day 0 of Hong Kong
    ("alibaba-hk-jump-hscei-2025-03-06", "9988.HK", date(2025, 3, 6), 0.0839),
    ("alibaba-hk-jump-hscei-2025-03-06", "^HSCE", date(2025, 3, 6), 0.0357),
])
def test_reaction_sessions_on_exchange_calendars(closes, eid, symbol, day, ret):
    got_day, got_ret = day0_and_return(event(eid), closes, symbol)
    assert got_day == day
    if ret is not None:
        assert got_ret == pytest.approx(ret, abs=5e-5)


def test_date_only_news_offers_the_session_that_closed_that_day_as_a_possible_earlier_day_0(closes):
    results = event("alibaba-q3-results")
    hk = reaction(results, closes["9988.HK"], "9988.HK")
    assert hk.timing == "date only" and hk.earlier == date(2025, 2, 20)
    row = reaction_table(results, closes, ["9988.HK", "BABA"]).set_index("symbol")
    c = closes["9988.HK"]
    assert row.loc["9988.HK", "return earlier session"] == pytest.approx(c["2025-02-20"] / c["2025-02-19"] - 1)
    assert row.loc["9988.HK", "return both sessions"] == pytest.approx(c["2025-02-21"] / c["2025-02-19"] - 1)
    # New York's session of the 19th closed at 05:00 Beijing time on the 20th, before that day began
    assert row.loc["BABA", "possible earlier day 0"] is None
    shown = reaction_display(reaction_table(results, closes, ["9988.HK", "BABA"])).set_index("symbol")
    assert shown.loc["9988.HK", EARLIER_HEADER] == "Thu 20 Feb 2025 (-2.58%)"
    assert shown.loc["9988.HK", "both sessions (%)"] == formats.pct(c["2025-02-21"] / c["2025-02-19"] - 1)
    assert shown.loc["BABA", EARLIER_HEADER] == formats.MISSING


def test_timed_news_has_no_earlier_candidate_and_the_table_has_no_such_column(closes):
    shown = reaction_display(reaction_table(event("qwq-32b-release"), closes, ["9988.HK", "BABA"]))
    assert EARLIER_HEADER not in shown.columns


def test_news_in_the_afternoon_of_a_half_day_waits_for_the_next_session(closes):
    # 24 Dec 2024: Hong Kong closed at 12:00; 25 and 26 Dec were holidays
    assert day0_and_return(make("2024-12-24", "11:59"), closes, "9988.HK")[0] == date(2024, 12, 24)
    assert day0_and_return(make("2024-12-24", "12:30"), closes, "9988.HK")[0] == date(2024, 12, 27)
    # New York closed at 13:00 on 29 Nov 2024
    assert day0_and_return(make("2024-11-29", "13:30", "America/New_York"), closes, "BABA")[0] == date(2024, 12, 2)


def test_a_missing_bar_on_day_0_is_a_data_gap_not_the_next_bar(closes):
    holed = closes["9988.HK"].drop(pd.Timestamp("2025-03-06"))
    r = reaction(event("qwq-32b-release"), holed, "9988.HK")
    assert r.status == "data gap" and r.day0 == date(2025, 3, 6) and r.position is None
    assert "a gap in the data, not a holiday" in r.note


def test_a_scheduled_event_has_a_future_session_not_a_guess(closes):
    year = date.today().year + 1
    r = reaction(make(f"{year}-04-10", "09:00", "America/New_York"), closes["BABA"], "BABA")
    assert r.status == "no price data" and r.day0 is not None and r.day0.year == year
    assert "has not traded yet" in r.note


def test_date_only_news_on_a_clock_change_day_is_placed(closes):
    # 9 Mar 2025: New York moved to daylight time at 02:00; the end of that day is still well defined
    r = reaction(make("2025-03-09", tz="America/New_York"), closes["BABA"], "BABA")
    assert r.day0 == date(2025, 3, 10) and r.earlier is None


def test_a_market_move_without_a_time_is_day_0_of_its_own_market(closes):
    move = Event(id="m", title="m", date="2025-02-21", category="market move", tz="Asia/Hong_Kong")
    assert day0_and_return(move, closes, "9988.HK")[0] == date(2025, 2, 21)
    assert day0_and_return(move, closes, "BABA")[0] == date(2025, 2, 21)  # New York's session after it
    assert reaction(move, closes["9988.HK"], "9988.HK").timing == "session"


def test_the_panel_says_how_an_event_without_a_time_is_placed():
    from components.analysis.alignment import timing_sentence
    assert "by the end of 20 Feb 2025 in Beijing time" in timing_sentence(event("alibaba-q3-results"))
    assert "that session's close (16:00 New York time)" in timing_sentence(event("nvidia-deepseek-selloff"))
    assert timing_sentence(event("qwq-32b-release")) == ""


@pytest.mark.parametrize("day, time", [("2100-12-31", None), ("1900-01-01", None), ("2100-12-31", "10:00"),
                                       ("2015-06-01", None), ("2099-06-01", "23:59")])
def test_dates_beyond_the_calendars_have_no_day_0_and_no_error(closes, day, time):
    """An event may fall anywhere in 1900-2100 (the years an event allows); the calendars span far less."""
    r = reaction(make(day, time), closes["9988.HK"], "9988.HK")
    assert r.status == "no price data" and r.day0 is None and r.position is None


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_an_event_outside_the_years_the_charts_hold_is_refused_with_the_date(day):
    with pytest.raises(ValueError, match=f"'{day}' is outside the years 1900"):
        make(day, None)
