"""The price seam with yfinance faked at its one call site: shapes, failures, caches, fallback,
one fetch per symbol for every session, a deadline per page, and files that are checked."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date

import numpy as np
import pandas as pd
import pytest
import yfinance as yf

from components.data import disk_cache, prices, snapshot, store, yahoo
from tests.yf_fakes import FakeYahoo, bars, history_frame, prices_missing

HK_DAYS = pd.bdate_range("2022-01-03", "2022-03-31")
START, END = date(2022, 1, 1), date(2022, 3, 31)


@pytest.fixture
def live(fake_yahoo):
    """Live mode with a fake yf.Ticker; returns a function that installs an answer."""
    return fake_yahoo


def good_answer(symbol, _kwargs):
    return bars(HK_DAYS, 100 + len(symbol))


# --- shapes ---------------------------------------------------------------------------------------

def test_history_frame_becomes_the_tidy_schema_on_exchange_local_dates():
    raw = history_frame(bars(HK_DAYS), "9988.HK")  # midnight Hong Kong time
    frame, reason = prices.frame_from_history(raw.tz_convert("UTC"), "9988.HK")  # as UTC, 16:00 the day before
    assert reason == "" and list(frame.columns) == prices.TIDY_COLUMNS
    assert list(frame["date"]) == list(HK_DAYS)
    assert frame["currency"].iloc[0] == "HKD" and frame["basis"].iloc[0] == "adjusted"
    us, _ = prices.frame_from_history(history_frame(bars(HK_DAYS), "BABA"), "BABA")
    assert us["currency"].iloc[0] == "USD" and list(us["date"]) == list(HK_DAYS)


def test_history_frame_drops_nan_weekend_and_repeated_rows_and_names_an_empty_answer():
    raw = history_frame(bars(HK_DAYS), "^HSI")
    raw.iloc[3, raw.columns.get_loc("Close")] = np.nan
    weekend = history_frame(bars(pd.DatetimeIndex(["2022-01-08"])), "^HSI")  # a Saturday stub
    frame, _ = prices.frame_from_history(pd.concat([raw, weekend, raw.iloc[[5]]]), "^HSI")
    assert len(frame) == len(HK_DAYS) - 1 and frame["date"].is_unique
    assert prices.frame_from_history(raw.iloc[:0], "^HSI")[1] == "Yahoo Finance returned no rows"
    assert "NaN" in prices.frame_from_history(raw.assign(Close=np.nan), "^HSI")[1]


# --- the live path --------------------------------------------------------------------------------

def test_live_call_site_passes_explicit_options_and_exclusive_end(live):
    fake = live(good_answer)
    store.get_prices(["9988.HK"], START, END)
    kwargs = fake.calls[0]
    assert kwargs["ticker"] == "9988.HK" and kwargs["interval"] == "1d"
    assert kwargs["auto_adjust"] is False and kwargs["actions"] is False and kwargs["repair"] is False
    assert kwargs["timeout"] == yahoo.REQUEST_TIMEOUT_S and yf.config.debug.hide_exceptions is False
    assert kwargs["start"] == store.HISTORY_START.isoformat()
    assert kwargs["end"] == (date.today() + pd.Timedelta(days=1)).isoformat()  # yfinance's end is exclusive


def test_live_success_then_memory_cache_then_disk_cache_after_restart(live):
    fake = live(good_answer)
    first = store.get_prices(["9988.HK", "BABA"], START, END)
    assert first.symbols_from(prices.SOURCE_LIVE) == ["9988.HK", "BABA"]
    assert first.provenance["9988.HK"].first == HK_DAYS[0].date()
    assert first.provenance["9988.HK"].last == HK_DAYS[-1].date()
    store.get_prices(["9988.HK", "BABA"], START, END)
    assert len(fake.calls) == 2  # one per symbol, then served from memory
    store.clear_caches()  # a restarted server: memory cache gone, parquet files remain
    again = store.get_prices(["9988.HK", "BABA"], START, END)
    assert len(fake.calls) == 2
    assert again.symbols_from(prices.SOURCE_DISK) == ["9988.HK", "BABA"]
    pd.testing.assert_frame_equal(first.frame, again.frame)


@pytest.mark.parametrize("error, words", [
    (socket.gaierror(-2, "Name or service not known"), "DNS"),
    (RuntimeError("Failed to perform, curl: (6) Could not resolve host: query2.finance.yahoo.com"), "DNS"),
    (TimeoutError("timed out"), "timeout"),
    (yf.exceptions.YFRateLimitError(), "rate-limited"),
])
def test_raised_errors_fall_back_to_snapshot_per_symbol(live, error, words):
    live(lambda symbol, kw: error)
    result = store.get_prices(["9988.HK", "^HSCE"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.symbols_from(prices.SOURCE_SNAPSHOT) == ["9988.HK", "^HSCE"]
    assert words in result.live_failure and words in result.provenance["9988.HK"].note
    assert result.provenance["9988.HK"].rows == 5
    assert result.snapshot_as_of == date(2026, 7, 10)


def test_the_real_yfinance_names_a_dns_failure_for_every_symbol(monkeypatch):
    """yfinance 1.7 itself, with only its network faked: every symbol is told the DNS failed. (With
    yfinance's default of logging exceptions, symbols after the first two read 'possibly delisted'.)"""
    import yfinance.data
    from curl_cffi.requests.exceptions import ConnectionError as CurlConnectionError

    def unreachable(self, *args, **kwargs):
        raise CurlConnectionError("Failed to perform, curl: (6) Could not resolve host: query2.finance.yahoo.com")
    monkeypatch.setattr(yfinance.data.YfData, "get", unreachable)
    monkeypatch.setattr(yfinance.data.YfData, "cache_get", unreachable)
    symbols = ["9988.HK", "BABA", "PDD", "3690.HK", "NVDA"]
    frames, failures = yahoo.fetch_history(symbols, START, END)
    assert frames == {} and failures == {s: "Yahoo Finance could not be reached (DNS lookup failed)" for s in symbols}


@pytest.mark.parametrize("error, words", [
    (yf.exceptions.YFTzMissingError("ZZZZ"), "does not know this symbol"),
    (prices_missing("ZZZZ"), "no prices"),
])
def test_yahoo_s_own_refusals_are_named(live, error, words):
    live(lambda symbol, kw: error)
    result = store.get_prices(["9988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.symbols_from(prices.SOURCE_SNAPSHOT) == ["9988.HK"]
    assert words in result.live_failure


def test_empty_and_all_nan_answers_fall_back_only_for_the_failed_symbol(live):
    def answer(symbol, _kw):
        if symbol == "BABA":
            return bars(HK_DAYS).assign(Close=np.nan)
        if symbol == "^HSI":
            return prices_missing(symbol)
        return good_answer(symbol, _kw)
    live(answer)
    result = store.get_prices(["9988.HK", "BABA", "^HSI"], START, END)
    assert result.provenance["9988.HK"].source == prices.SOURCE_LIVE
    assert result.provenance["BABA"].source == prices.SOURCE_SNAPSHOT
    assert "NaN" in result.provenance["BABA"].note
    assert result.provenance["^HSI"].source == prices.SOURCE_SNAPSHOT
    assert "no prices" in result.provenance["^HSI"].note


def test_partial_live_range_is_reported(live):
    live(lambda symbol, kw: bars(HK_DAYS[30:]))
    result = store.get_prices(["9988.HK"], START, END)
    prov = result.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_LIVE and prov.first == HK_DAYS[30].date()
    assert f"data starts {HK_DAYS[30]:%d %b %Y}" in prov.note
    assert prov.fetched.tzinfo is not None and f"fetched {prov.fetched:%a} " in prov.note  # a weekday, not ISO


def test_failure_is_not_retried_until_retry_after_or_a_retry(live):
    fake = live(lambda symbol, kw: TimeoutError("timed out"))
    store.get_prices(["9988.HK", "BABA"], START, END)
    store.get_prices(["9988.HK", "BABA"], START, END)
    assert len(fake.calls) == 2  # one per symbol, then the failures are remembered
    assert store.retry(["9988.HK"]) == ["9988.HK"]  # "Retry live data": that session's symbol only
    store.get_prices(["9988.HK", "BABA"], START, END)
    assert sorted(c["ticker"] for c in fake.calls) == ["9988.HK", "9988.HK", "BABA"]
    assert store.retry(["9988.HK"]) == []  # again at once: refused, Yahoo is not asked again
    store.get_prices(["9988.HK"], START, END)
    assert len(fake.calls) == 3


def test_unknown_symbol_with_no_source_reports_why(live):
    live(lambda symbol, kw: yf.exceptions.YFTzMissingError(symbol))
    result = store.get_prices(["ZZZZ"], START, END)
    prov = result.provenance["ZZZZ"]
    assert prov.source == prices.SOURCE_NONE and "not in the bundled snapshot" in prov.note
    assert result.frame.empty


def test_corrupt_disk_cache_is_ignored_and_replaced(live):
    path = disk_cache.cache_path("9988.HK")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PAR1 this is not parquet")
    fake = live(good_answer)
    result = store.get_prices(["9988.HK"], START, END)
    assert result.provenance["9988.HK"].source == prices.SOURCE_LIVE and len(fake.calls) == 1
    assert disk_cache.read_disk_cache("9988.HK", max_age=None).frame is not None
    assert disk_cache.cache_path("9988.HK").with_name("9988.HK.parquet.bad").exists()  # set aside, not lost


def test_stale_disk_copy_is_used_when_live_fails(live, monkeypatch):
    live(good_answer)
    store.get_prices(["9988.HK"], START, END)
    store.clear_caches()
    monkeypatch.setattr(store, "LIVE_TTL", pd.Timedelta(seconds=-1).to_pytimedelta())
    live(lambda symbol, kw: prices_missing(symbol))
    result = store.get_prices(["9988.HK"], START, END)
    prov = result.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_DISK and "stale" in prov.note


# --- offline and input checks ---------------------------------------------------------------------

def test_offline_mode_never_calls_yfinance(monkeypatch):
    fake = FakeYahoo(good_answer)
    monkeypatch.setattr(yahoo.yf, "Ticker", fake)
    result = store.get_prices(["9988.HK", "BABA", "^HSI", "^HSCE"], date(2025, 3, 3), date(2025, 3, 7))
    assert fake.calls == [] and result.offline
    assert list(result.frame.columns) == prices.TIDY_COLUMNS  # same schema as the live path
    assert set(result.frame["symbol"]) == {"9988.HK", "BABA", "^HSI", "^HSCE"}
    assert result.provenance["BABA"].basis == "adjusted" and result.provenance["^HSI"].basis == "index"


def test_start_after_end_is_a_clear_error():
    with pytest.raises(store.RangeError, match="after the end date"):
        store.get_prices(["9988.HK"], date(2025, 3, 7), date(2025, 3, 3))


def test_invalid_symbols_are_reported_and_valid_ones_served():
    result = store.get_prices(["9988.hk", "not a symbol!", "09988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert list(result.provenance) == ["9988.HK"]
    assert len(result.problems) == 1 and "not a symbol!" in result.problems[0]


def test_range_outside_the_data_says_what_the_data_covers():
    result = store.get_prices(["9988.HK"], date(2015, 1, 1), date(2015, 12, 31))
    prov = result.provenance["9988.HK"]
    assert prov.rows == 0 and "covers 03 Jan 2022..27 Feb 2026" in prov.note


def test_damaged_snapshot_leaves_symbols_without_source(monkeypatch, tmp_path):
    bad = tmp_path / "prices.csv"
    bad.write_text("date,symbol\n2025-01-01,9988.HK\n")
    monkeypatch.setattr(store, "load_snapshot", lambda: snapshot.load_snapshot(bad, tmp_path / "meta.json"))
    store.clear_caches()
    result = store.get_prices(["9988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.provenance["9988.HK"].source == prices.SOURCE_NONE
    assert "damaged" in result.provenance["9988.HK"].note
    assert result.snapshot_as_of is None


# --- one fetch per symbol, a deadline per page -----------------------------------------------------

class Hanging:
    """A Yahoo that accepts the request and answers only when released (a dead proxy, until then)."""

    def __init__(self):
        self.release = threading.Event()

    def __call__(self, symbol, kwargs):
        self.release.wait(10)
        return good_answer(symbol, kwargs)


def test_a_hanging_network_costs_a_page_its_deadline_and_one_fetch_for_everyone(live):
    hanging = Hanging()
    fake = live(hanging)
    t0 = time.monotonic()
    first = store.get_prices(["9988.HK"], START, END, deadline=0.5)
    took = time.monotonic() - t0
    assert 0.5 <= took < 3, took
    prov = first.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_SNAPSHOT and "still trying in the background" in prov.note
    assert first.waited >= 0.5
    sessions = [threading.Thread(target=store.get_prices, args=(["9988.HK"], START, END), kwargs={"deadline": 0.3})
                for _ in range(5)]
    for session in sessions:
        session.start()
    for session in sessions:
        session.join(5)
    assert len(fake.calls) == 1, "other sessions started fetches of their own"
    hanging.release.set()  # the network answers at last: the next page gets live data
    for _ in range(50):
        result = store.get_prices(["9988.HK"], START, END, deadline=0.2)
        if result.provenance["9988.HK"].source == prices.SOURCE_LIVE:
            break
        time.sleep(0.05)
    assert result.provenance["9988.HK"].source == prices.SOURCE_LIVE and len(fake.calls) == 1


def test_a_retry_while_the_fetch_is_under_way_starts_nothing_new(live):
    hanging = Hanging()
    fake = live(hanging)
    store.get_prices(["9988.HK"], START, END, deadline=0.2)
    assert store.retry(["9988.HK"]) == []
    store.get_prices(["9988.HK"], START, END, deadline=0.2)
    assert len(fake.calls) == 1
    hanging.release.set()
    store.drain(5)


# --- files are input too -----------------------------------------------------------------------------

def good_frame(symbol="9988.HK"):
    frame, _ = prices.frame_from_history(history_frame(bars(HK_DAYS), symbol), symbol)
    return frame


@pytest.mark.parametrize("damage, words", [
    (lambda f: f.assign(date=f["date"].dt.tz_localize("Asia/Hong_Kong")), "plain dates"),
    (lambda f: f.assign(close=f["close"].astype(str)), "not numbers"),
    (lambda f: pd.concat([f, f.iloc[[3]]]).sort_values("date"), "appears twice"),
    (lambda f: f.assign(close=f["close"].where(f.index != 5, 0.0)), "zero, negative or missing"),
    (lambda f: f.assign(close=f["close"].where(f.index != 5, np.nan)), "zero, negative or missing"),
    (lambda f: f.assign(date=f["date"].where(f.index != 5, pd.Timestamp("2022-01-08"))), "weekend"),
    (lambda f: pd.concat([f, f.iloc[[-1]].assign(date=pd.Timestamp.today().normalize() + pd.Timedelta(days=30))]),
     "after today"),
    (lambda f: f.assign(symbol="BABA"), "other symbols"),
])
def test_a_cache_file_that_breaks_a_rule_is_set_aside_and_refetched(live, damage, words):
    path = disk_cache.cache_path("9988.HK")
    path.parent.mkdir(parents=True, exist_ok=True)
    damage(good_frame()).reset_index(drop=True).to_parquet(path, index=False)
    fake = live(good_answer)
    result = store.get_prices(["9988.HK"], START, END)
    prov = result.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_LIVE and len(fake.calls) == 1
    assert words in prov.note and "set aside" in prov.note
    assert path.with_name(path.name + ".bad").exists()
    assert disk_cache.read_disk_cache("9988.HK", max_age=None).frame is not None  # the fresh copy replaced it
    again = store.get_prices(["9988.HK"], START, END)
    assert "set aside" not in again.provenance["9988.HK"].note  # said once


def test_a_bad_cache_file_with_yahoo_down_falls_back_to_the_snapshot_not_the_bad_frame(live):
    path = disk_cache.cache_path("9988.HK")
    path.parent.mkdir(parents=True, exist_ok=True)
    good_frame().assign(close=-1.0).to_parquet(path, index=False)
    live(lambda symbol, kw: socket.gaierror(-2, "Name or service not known"))
    result = store.get_prices(["9988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.provenance["9988.HK"].source == prices.SOURCE_SNAPSHOT
    assert (result.frame["close"] > 0).all()


def test_a_live_answer_that_breaks_a_rule_is_not_kept(live):
    future = pd.bdate_range(pd.Timestamp.today().normalize() + pd.Timedelta(days=3), periods=3)
    live(lambda symbol, kw: bars(HK_DAYS.append(future)))
    result = store.get_prices(["9988.HK"], START, END)
    assert result.provenance["9988.HK"].source == prices.SOURCE_SNAPSHOT
    assert "after today" in result.live_failure
    assert disk_cache.read_disk_cache("9988.HK", max_age=None).frame is None


@pytest.mark.parametrize("typed, symbol", [
    ("700", "0700.HK"), ("00700", "0700.HK"), ("0700", "0700.HK"), ("0700.HK", "0700.HK"), ("HK.00700", "0700.HK"),
    ("HK:700", "0700.HK"), ("0700 HK", "0700.HK"), ("9988", "9988.HK"), ("09988.HK", "9988.HK"), ("9988.hk", "9988.HK"),
    ("baba", "BABA"), ("NYSE:BABA", "BABA"), ("BABA.US", "BABA"), ("US.BABA", "BABA"), ("SH.600519", "600519.SS"),
    ("600519", "600519.SS"), ("SZ.000001", "000001.SZ"), ("騰訊控股", "0700.HK"), ("腾讯控股", "0700.HK"),
    ("阿里巴巴", "9988.HK"), ("恒生指數", "^HSI"), ("恒生指数", "^HSI"), ("国企指数", "^HSCE"), ("國企指數", "^HSCE"),
    ("Tencent", "0700.HK"), ("^hsi", "^HSI"), ("HKD=X", "HKD=X"),
])
def test_symbols_typed_as_people_type_them_are_understood_and_say_what_they_were_read_as(typed, symbol):
    from components.data.symbols import read_symbol

    got = read_symbol(typed)
    assert got.symbol == symbol
    assert (got.note == "") == (typed.strip().upper() == symbol)
    if got.note:
        assert symbol in got.note and typed.strip() in got.note


@pytest.mark.parametrize("typed", ["", "   ", "<b>x</b>", "a" * 50, "NOT$VALID", "HK.12345678"])
def test_a_symbol_that_cannot_be_read_gets_a_sentence(typed):
    from components.data.symbols import InvalidSymbol, read_symbol

    with pytest.raises(InvalidSymbol) as err:
        read_symbol(typed)
    assert str(err.value) and "Traceback" not in str(err.value)
