"""The two listings: the ADS premium from the raw rows, both closes on one clock, which market moved first."""

from __future__ import annotations

import csv
from datetime import date

import pandas as pd
import pytest

from components.analysis.listings import clock_frame, first_mover, premium_frame
from components.analysis.metrics import closes_by_symbol
from components.data.events import Event, bundled_events
from components.data.snapshot import load_snapshot
from tests.apptest import chart_specs
from tests.paths import ROOT


@pytest.fixture(scope="module")
def closes() -> dict[str, pd.Series]:
    return closes_by_symbol(load_snapshot()[0])


def raw_close(symbol: str, day: str) -> float:
    with open(ROOT / "data" / "prices.csv", newline="", encoding="utf-8") as f:
        return next(float(r["close"]) for r in csv.DictReader(f) if r["symbol"] == symbol and r["date"] == day)


@pytest.mark.parametrize("day", ["2025-03-05", "2025-03-06"])
def test_the_premium_matches_the_raw_rows(closes, day):
    expected = raw_close("BABA", day) / (8 * raw_close("9988.HK", day) / raw_close("HKD=X", day)) - 1
    frame = premium_frame(closes["9988.HK"], closes["BABA"], closes["HKD=X"]).set_index("date")
    assert frame.loc[pd.Timestamp(day), "premium"] == pytest.approx(expected * 100, abs=1e-9)


def test_qwq_moved_new_york_first_and_hong_kong_caught_up(closes):
    frame = premium_frame(closes["9988.HK"], closes["BABA"], closes["HKD=X"]).set_index("date")
    # BABA jumped on 5 March while Hong Kong had closed; on the 6th Hong Kong caught up and overshot
    assert frame.loc["2025-03-05", "premium"] == pytest.approx(3.94, abs=0.01)
    assert frame.loc["2025-03-06", "premium"] == pytest.approx(-4.86, abs=0.01)
    qwq = next(e for e in bundled_events() if e.id == "qwq-32b-release")
    mover = first_mover(qwq, closes["9988.HK"], closes["BABA"])
    assert mover.first == "BABA" and mover.us_day0 == date(2025, 3, 5) and mover.hk_day0 == date(2025, 3, 6)
    assert mover.lead_hours == pytest.approx(11.0)
    assert mover.us_move == pytest.approx(0.0861, abs=5e-5) and mover.hk_move == pytest.approx(0.0839, abs=5e-5)
    assert mover.sentence().startswith("New York could price it first")


def test_after_new_york_moves_to_summer_time_the_gap_is_an_hour_shorter(closes):
    # 11 Mar 2025, 10:00 Hong Kong: Hong Kong's session that day closes first, New York's 12 hours later (EDT)
    ev = Event(id="t", title="t", date="2025-03-11", time="10:00", tz="Asia/Hong_Kong", category="other")
    mover = first_mover(ev, closes["9988.HK"], closes["BABA"])
    assert mover.first == "9988.HK" and mover.lead_hours == pytest.approx(12.0)


def test_the_clock_puts_each_close_at_its_real_time(closes):
    clock = clock_frame(closes["9988.HK"], closes["BABA"], closes["HKD=X"], date(2025, 3, 5), date(2025, 3, 6))
    got = [(row.listing, row.at.strftime("%Y-%m-%d %H:%M")) for row in clock.itertuples()]
    assert got == [("9988.HK", "2025-03-05 08:00"), ("BABA", "2025-03-05 21:00"),
                   ("9988.HK", "2025-03-06 08:00"), ("BABA", "2025-03-06 21:00")]
    hk = clock[clock["listing"] == "9988.HK"].iloc[1]
    assert hk["usd_per_ads"] == pytest.approx(8 * raw_close("9988.HK", "2025-03-06") / raw_close("HKD=X", "2025-03-06"))


def test_a_half_day_close_is_placed_at_noon(closes):
    clock = clock_frame(closes["9988.HK"], closes["BABA"], closes["HKD=X"], date(2024, 12, 24), date(2024, 12, 24))
    hk = clock[clock["listing"] == "9988.HK"]
    assert hk["at"].iloc[0].tz_convert("Asia/Hong_Kong").strftime("%H:%M") == "12:00"


def test_without_an_exchange_rate_there_is_no_premium(closes):
    assert premium_frame(closes["9988.HK"], closes["BABA"], pd.Series(dtype=float)).empty


def test_the_page_shows_the_premium_the_clock_and_the_first_movers(open_page):
    at = open_page("pages/listings.py", {"event": "alibaba-q3-results"})
    assert not at.exception and len(chart_specs(at)) == 2
    said = " ".join(m.value for m in at.markdown)
    assert "New York could price it first" in said
    movers = next(d.value for d in at.dataframe if "could price it first" in d.value.columns).set_index("event")
    row = movers.loc["Alibaba's December-quarter results"]
    assert row["could price it first"] == "New York" and row["9988.HK day 0 (%)"] == "+14.56%"
    clock = chart_specs(at)[1]
    assert {t["name"] for t in clock["data"]} == {"8 × 9988.HK in US$ (Hong Kong close)", "BABA (New York close)"}
