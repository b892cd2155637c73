"""The price seam with yfinance faked at its one call site: shapes, failures, caches, fallback."""

from __future__ import annotations

import socket
from datetime import date

import numpy as np
import pandas as pd
import pytest
import yfinance as yf

from components.data import disk_cache, prices, snapshot, store, yahoo
from tests.yf_fakes import FakeDownload, bars, download_frame, empty_frame, logged_failure

HK_DAYS = pd.bdate_range("2022-01-03", "2022-03-31")
START, END = date(2022, 1, 1), date(2022, 3, 31)


@pytest.fixture
def live(fake_yahoo):
    """Live mode with a fake yf.download; returns a function that installs an answer."""
    return fake_yahoo


def good_answer(tickers, _kwargs):
    return download_frame({t: bars(HK_DAYS, 100 + i) for i, t in enumerate(tickers)})


# --- shapes ---------------------------------------------------------------------------------------

def test_frames_from_download_splits_multiindex_for_several_tickers():
    raw = download_frame({"9988.HK": bars(HK_DAYS[:-1]), "BABA": bars(HK_DAYS[1:], 50)})
    frames, failures = prices.frames_from_download(raw, ["9988.HK", "BABA"])
    assert failures == {}
    assert list(frames["9988.HK"].columns) == prices.TIDY_COLUMNS
    # NaN padding from the other ticker's days is dropped, not kept as rows
    assert len(frames["9988.HK"]) == len(HK_DAYS) - 1
    assert frames["BABA"]["date"].iloc[0] == HK_DAYS[1]
    assert frames["BABA"]["currency"].iloc[0] == "USD" and frames["9988.HK"]["basis"].iloc[0] == "adjusted"


def test_frames_from_download_single_ticker_multiindex_and_flat_columns():
    raw = download_frame({"^HSI": bars(HK_DAYS)})
    frames, _ = prices.frames_from_download(raw, ["^HSI"])
    assert frames["^HSI"]["close"].iloc[-1] == pytest.approx(100 + len(HK_DAYS) - 1)
    assert frames["^HSI"]["basis"].iloc[0] == "index"
    flat = bars(HK_DAYS)
    frames, _ = prices.frames_from_download(flat, ["^HSI"])
    assert len(frames["^HSI"]) == len(HK_DAYS)


def test_frames_from_download_tz_aware_index_becomes_exchange_local_date():
    # Ticker.history style: midnight Hong Kong time, expressed in UTC (16:00 the day before)
    local = pd.DatetimeIndex(HK_DAYS[:5]).tz_localize("Asia/Hong_Kong").tz_convert("UTC")
    raw = bars(HK_DAYS[:5]).set_axis(local)
    frames, _ = prices.frames_from_download(raw, ["9988.HK"])
    assert list(frames["9988.HK"]["date"]) == list(HK_DAYS[:5])


def test_frames_from_download_empty_all_nan_and_missing_ticker():
    frames, failures = prices.frames_from_download(empty_frame(["9988.HK"]), ["9988.HK"])
    assert frames == {} and "empty" in failures["9988.HK"]
    raw = download_frame({"9988.HK": bars(HK_DAYS), "GONE": bars(HK_DAYS).assign(Close=np.nan)})
    frames, failures = prices.frames_from_download(raw, ["9988.HK", "GONE", "BABA"])
    assert set(frames) == {"9988.HK"}
    assert "NaN" in failures["GONE"] and "missing" in failures["BABA"]


# --- the live path --------------------------------------------------------------------------------

def test_live_call_site_passes_explicit_options_and_exclusive_end(live):
    fake = live(good_answer)
    store.get_prices(["9988.HK"], START, END)
    kwargs = fake.calls[0]
    assert kwargs["auto_adjust"] is True and kwargs["actions"] is False and kwargs["progress"] is False
    assert kwargs["multi_level_index"] is True and kwargs["timeout"] == yahoo.REQUEST_TIMEOUT_S
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
    live(lambda tickers, kw: error)
    result = store.get_prices(["9988.HK", "^HSCE"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.symbols_from(prices.SOURCE_SNAPSHOT) == ["9988.HK", "^HSCE"]
    assert words in result.live_failure and words in result.provenance["9988.HK"].note
    assert result.provenance["9988.HK"].rows == 5
    assert result.snapshot_as_of == date(2026, 7, 10)


@pytest.mark.parametrize("error, words", [
    (socket.gaierror(-2, "Name or service not known"), "DNS"),
    (yf.exceptions.YFRateLimitError(), "rate-limited"),
    (RuntimeError("Failed to perform, curl: (28) Operation timed out after 10001 milliseconds"), "timeout"),
])
def test_failures_yfinance_logs_instead_of_raising_are_named(live, error, words):
    live(lambda tickers, kw: logged_failure(tickers, error))
    result = store.get_prices(["9988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.symbols_from(prices.SOURCE_SNAPSHOT) == ["9988.HK"]
    assert words in result.live_failure and "empty" not in result.provenance["9988.HK"].note


def test_real_download_hides_errors_and_the_seam_still_names_them(monkeypatch):
    """The real yf.download (no network: Ticker.history is faked) swallows a DNS error per ticker."""
    def history(self, *args, **kwargs):
        if self.ticker == "BABA":
            raise socket.gaierror(-2, "Name or service not known")
        return bars(HK_DAYS).tz_localize("Asia/Hong_Kong").rename_axis("Date")
    monkeypatch.setattr(yf.Ticker, "history", history)
    frames, failures = yahoo.fetch_history(["9988.HK", "BABA"], START, END)
    assert list(frames) == ["9988.HK"] and len(frames["9988.HK"]) == len(HK_DAYS)
    assert failures == {"BABA": "Yahoo Finance could not be reached (DNS lookup failed)"}
    frames, failures = yahoo.fetch_history(["BABA"], START, END)
    assert frames == {} and "DNS" in failures["BABA"]


def test_empty_and_all_nan_answers_fall_back_only_for_the_failed_symbol(live):
    def answer(tickers, _kw):
        if tickers == ["BABA"]:
            return download_frame({"BABA": bars(HK_DAYS).assign(Close=np.nan)})
        if tickers == ["^HSI"]:
            return empty_frame(tickers)
        return good_answer(tickers, _kw)
    live(answer)
    result = store.get_prices(["9988.HK", "BABA", "^HSI"], START, END)
    assert result.provenance["9988.HK"].source == prices.SOURCE_LIVE
    assert result.provenance["BABA"].source == prices.SOURCE_SNAPSHOT
    assert "NaN" in result.provenance["BABA"].note
    assert result.provenance["^HSI"].source == prices.SOURCE_SNAPSHOT
    assert "empty" in result.provenance["^HSI"].note


def test_partial_live_range_is_reported(live):
    live(lambda tickers, kw: download_frame({t: bars(HK_DAYS[30:]) for t in tickers}))
    result = store.get_prices(["9988.HK"], START, END)
    prov = result.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_LIVE and prov.first == HK_DAYS[30].date()
    assert f"data starts {HK_DAYS[30].date()}" in prov.note


def test_failure_is_not_retried_until_retry_after(live):
    fake = live(lambda tickers, kw: TimeoutError("timed out"))
    store.get_prices(["9988.HK"], START, END)
    store.get_prices(["9988.HK"], START, END)
    assert len(fake.calls) == 1
    store.clear_caches()  # "Retry live data"
    store.get_prices(["9988.HK"], START, END)
    assert len(fake.calls) == 2


def test_unknown_symbol_with_no_source_reports_why(live):
    live(lambda tickers, kw: empty_frame(tickers))
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
    assert disk_cache.read_disk_cache("9988.HK", max_age=None) is not None


def test_stale_disk_copy_is_used_when_live_fails(live, monkeypatch):
    live(good_answer)
    store.get_prices(["9988.HK"], START, END)
    store.clear_caches()
    monkeypatch.setattr(store, "LIVE_TTL", pd.Timedelta(seconds=-1).to_pytimedelta())
    live(lambda tickers, kw: empty_frame(tickers))
    result = store.get_prices(["9988.HK"], START, END)
    prov = result.provenance["9988.HK"]
    assert prov.source == prices.SOURCE_DISK and "stale" in prov.note


# --- offline and input checks ---------------------------------------------------------------------

def test_offline_mode_never_calls_yfinance(monkeypatch):
    fake = FakeDownload(good_answer)
    monkeypatch.setattr(yahoo.yf, "download", fake)
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
    assert prov.rows == 0 and "covers 2022-01-03..2026-02-27" in prov.note


def test_damaged_snapshot_leaves_symbols_without_source(monkeypatch, tmp_path):
    bad = tmp_path / "prices.csv"
    bad.write_text("date,symbol\n2025-01-01,9988.HK\n")
    monkeypatch.setattr(store, "load_snapshot", lambda: snapshot.load_snapshot(bad, tmp_path / "meta.json"))
    store.clear_caches()
    result = store.get_prices(["9988.HK"], date(2025, 3, 3), date(2025, 3, 7))
    assert result.provenance["9988.HK"].source == prices.SOURCE_NONE
    assert "damaged" in result.provenance["9988.HK"].note
    assert result.snapshot_as_of is None
