"""The two listings: the ADS premium from the raw rows, both closes on one clock, which market moved first."""

from __future__ import annotations

import csv
from datetime import date

import pandas as pd
import pytest

from components.analysis.listings import LISTINGS, clock_frame, first_mover, premium_frame, prints, spread, sync_frame
from components.data.events import Event, bundled_events
from components.ui import state
from tests.apptest import chart_specs
from tests.paths import ROOT


@pytest.fixture(scope="module")
def printed(prices) -> dict[str, pd.DataFrame]:
    return {s: prints(prices, s) for s in LISTINGS}


def _rows() -> dict[tuple[str, str], dict]:
    with open(ROOT / "data" / "prices.csv", newline="", encoding="utf-8") as f:
        return {(r["symbol"], r["date"]): r for r in csv.DictReader(f) if r["symbol"] in ("9988.HK", "BABA", "HKD=X")}


ROWS = _rows()
# the exchange's price = the snapshot's value / the factor the provenance notes measured over Dec 2024 - Mar 2025
FACTOR = {"9988.HK": 0.997896, "BABA": 0.983379, "HKD=X": 1.0}


def exchange(symbol: str, day: str, column: str = "close") -> float:
    return round(float(ROWS[(symbol, day)][column]) / FACTOR[symbol], 2 if symbol != "HKD=X" else 6)


def rate(day: str, hour: float) -> float:
    """HKD=X at ``hour`` of London's day ``day``: between that day's open and close by the share of the day gone."""
    o, c = float(ROWS[("HKD=X", day)]["open"]), float(ROWS[("HKD=X", day)]["close"])
    return o + (c - o) * hour / 24


def gap(day: str) -> float:
    # Hong Kong closes at 16:00 there, 08:00 in London in winter
    return (exchange("BABA", day) / (8 * exchange("9988.HK", day) / rate(day, 8)) - 1) * 100


@pytest.mark.parametrize("day", ["2025-03-05", "2025-03-06", "2025-01-24"])
def test_the_gap_between_the_closes_reproduces_from_the_raw_rows(printed, day):
    frame = premium_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"]).set_index("date")
    assert frame.loc[pd.Timestamp(day), "premium"] == pytest.approx(gap(day), abs=1e-6)


def test_the_near_synchronous_reading_pairs_each_ads_close_with_the_next_hong_kong_open(printed):
    frame = sync_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"]).set_index("date")
    # BABA closed on Wed 5 Mar at 16:00 New York (21:00 London); Hong Kong opened on Thu 6 Mar at 09:30 (01:30 London)
    row = frame.loc[pd.Timestamp("2025-03-05")]
    hk_open = float(ROWS[("9988.HK", "2025-03-06")]["open"]) * 140.80 / float(ROWS[("9988.HK", "2025-03-06")]["close"])
    expected = (141.03 / (8 * round(hk_open, 2) / rate("2025-03-06", 1.5)) - 1) * 100
    assert row["hk_date"] == pd.Timestamp("2025-03-06") and row["premium"] == pytest.approx(expected, abs=1e-6)
    # a Friday's close is not paired with Monday's open, 2½ days later
    assert pd.Timestamp("2025-03-07") not in frame.index


def test_over_the_default_range_the_premium_is_near_zero_on_exchange_prices(printed):
    """About +0.3% on prints, where the adjusted closes gave -1.2%: the bias was the adjustment, not the market."""
    start, end = date(2024, 12, 15), date(2025, 3, 14)
    both = sorted({d for (s, d) in ROWS if s == "BABA"} & {d for (s, d) in ROWS if s == "9988.HK"})
    mine = pd.Series([gap(d) for d in both if start.isoformat() <= d <= end.isoformat()])
    got = spread(premium_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"]), start, end)
    assert got.median == pytest.approx(mine.median(), abs=1e-6) and got.median == pytest.approx(0.33, abs=0.01)
    assert (got.low, got.high) == (pytest.approx(mine.quantile(0.25)), pytest.approx(mine.quantile(0.75)))
    assert mine.mean() == pytest.approx(0.25, abs=0.01)
    nearer = spread(sync_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"]), start, end)
    assert nearer.high - nearer.low < got.high - got.low  # the clock explains most of the swing


def test_qwq_moved_new_york_first_and_hong_kong_caught_up(closes, printed):
    frame = premium_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"]).set_index("date")
    # BABA jumped on 5 March while Hong Kong had closed; on the 6th Hong Kong caught up and overshot
    assert frame.loc["2025-03-05", "premium"] == pytest.approx(5.48, abs=0.01)
    assert frame.loc["2025-03-06", "premium"] == pytest.approx(-3.46, abs=0.01)
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


def test_the_clock_puts_each_close_at_its_real_time(printed):
    clock = clock_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"], date(2025, 3, 5), date(2025, 3, 6))
    got = [(row.listing, row.at.strftime("%Y-%m-%d %H:%M")) for row in clock.itertuples()]
    assert got == [("9988.HK", "2025-03-05 08:00"), ("BABA", "2025-03-05 21:00"),
                   ("9988.HK", "2025-03-06 08:00"), ("BABA", "2025-03-06 21:00")]
    hk = clock[clock["listing"] == "9988.HK"].iloc[1]
    assert hk["usd_per_ads"] == pytest.approx(8 * 140.80 / rate("2025-03-06", 8))


def test_a_half_day_close_is_placed_at_noon(printed):
    clock = clock_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"], date(2024, 12, 24), date(2024, 12, 24))
    hk = clock[clock["listing"] == "9988.HK"]
    assert hk["at"].iloc[0].tz_convert("Asia/Hong_Kong").strftime("%H:%M") == "12:00"


def test_without_an_exchange_rate_there_is_no_premium(printed):
    none = printed["HKD=X"].iloc[:0]
    assert premium_frame(printed["9988.HK"], printed["BABA"], none).empty
    assert sync_frame(printed["9988.HK"], printed["BABA"], none).empty


def test_dates_whose_prints_are_unknown_have_no_premium_and_the_page_says_so(printed, open_page):
    frame = premium_frame(printed["9988.HK"], printed["BABA"], printed["HKD=X"])
    assert not ((frame["date"] >= "2023-11-07") & (frame["date"] <= "2024-06-11")).any()
    at = open_page("pages/markets/listings.py", params={"range": "custom", "start": "2024-01-01", "end": "2024-09-30"})
    assert any("are not in the data" in c.value for c in at.caption)


def test_the_page_shows_the_premium_the_clock_and_the_first_movers(open_page):
    at = open_page("pages/markets/listings.py", {state.EVENT: "alibaba-q3-results"})
    assert not at.exception and len(chart_specs(at)) == 2
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gap between the closes of one date, median"] == "+0.33%"  # the default range
    assert any("13½ hours apart" in c.value for c in at.caption)
    said = " ".join(m.value for m in at.markdown)
    assert "New York could price it first" in said
    movers = next(d.value for d in at.dataframe if "could price it first" in d.value.columns).set_index("event")
    row = movers.loc["Alibaba's December-quarter results"]
    assert row["could price it first"] == "New York" and row["9988.HK day 0 (%)"] == "+14.56%"
    clock = chart_specs(at)[1]
    assert {t["name"] for t in clock["data"]} == {"8 × 9988.HK in US$ (Hong Kong close)", "BABA (New York close)"}
