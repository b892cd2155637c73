"""Both price bases: adjusted closes for returns, the exchange's prints for levels."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from components.analysis.claim_checks import check_claims
from components.data import basis, store
from components.data.prices import frame_from_history
from components.data.symbols import level_label
from components.text.claim_reader import claims_of_text
from tests.accuracy import snapshot_prices
from tests.yf_fakes import history_frame, ohlcv

D = dt.date


@pytest.fixture(scope="module")
def tidy() -> pd.DataFrame:
    return snapshot_prices()


def _print(tidy: pd.DataFrame, symbol: str, day: str) -> float:
    row = tidy[(tidy["symbol"] == symbol) & (tidy["date"] == pd.Timestamp(day))]
    assert len(row) == 1, (symbol, day)
    return float(row["raw_close"].iloc[0])


# The exchange's closes quoted in the price provenance notes, each inside one measured span
@pytest.mark.parametrize("symbol, day, exchange", [
    ("9988.HK", "2025-01-24", 84.75), ("9988.HK", "2025-01-27", 87.25), ("9988.HK", "2025-01-28", 88.35),
    ("9988.HK", "2025-02-03", 94.00), ("9988.HK", "2025-03-04", 127.80), ("9988.HK", "2025-03-05", 129.90),
    ("9988.HK", "2025-03-06", 140.80), ("9988.HK", "2025-03-07", 140.00),
    ("9988.HK", "2023-04-06", 97.75), ("9988.HK", "2023-04-11", 99.30), ("9988.HK", "2022-01-31", 114.70),
    ("BABA", "2025-01-24", 89.14), ("BABA", "2025-01-27", 89.99), ("BABA", "2025-01-28", 96.03),
    ("BABA", "2025-02-03", 98.61), ("BABA", "2025-03-04", 129.85), ("BABA", "2025-03-05", 141.03),
    ("BABA", "2025-03-06", 139.95), ("BABA", "2025-03-07", 140.62),
    ("BABA", "2023-04-10", 101.54), ("BABA", "2023-04-11", 99.76),
])
def test_each_measured_span_gives_back_the_prints_the_provenance_quotes(tidy, symbol, day, exchange):
    assert _print(tidy, symbol, day) == pytest.approx(exchange, abs=0.001)


@pytest.mark.parametrize("symbol, day", [
    ("0700.HK", "2025-03-06"), ("NVDA", "2025-01-27"), ("KWEB", "2025-03-06"),
    ("9988.HK", "2024-01-02"),  # between the measured spans: one dividend whose factor nobody measured
    ("9988.HK", "2023-11-07"),
])
def test_where_no_factor_was_measured_the_print_is_unknown_not_guessed(tidy, symbol, day):
    assert np.isnan(_print(tidy, symbol, day))


@pytest.mark.parametrize("symbol", ["^HSI", "^HSCE", "^GSPC", "HKD=X"])
def test_indices_and_fx_are_their_own_prints(tidy, symbol):
    rows = tidy[tidy["symbol"] == symbol]
    assert (rows["raw_close"] == rows["close"]).all()


def test_the_spans_do_not_overlap_and_each_factor_is_a_reduction():
    for symbol in {a.symbol for a in basis.ADJUSTMENTS}:
        spans = sorted((a.first, a.last, a.factor) for a in basis.ADJUSTMENTS if a.symbol == symbol)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), symbol
        assert all(0.9 < f <= 1.0 for _, _, f in spans)
        assert all(a.source for a in basis.ADJUSTMENTS)


def test_returns_are_unchanged_by_the_prints(tidy):
    """Returns stay on the adjusted closes: 9988.HK +8.39% and BABA +8.61% on the QwQ-32B sessions."""
    hk = tidy[tidy["symbol"] == "9988.HK"].set_index("date")["close"]
    us = tidy[tidy["symbol"] == "BABA"].set_index("date")["close"]
    assert hk.pct_change()[pd.Timestamp("2025-03-06")] == pytest.approx(0.0839, abs=5e-5)
    assert us.pct_change()[pd.Timestamp("2025-03-05")] == pytest.approx(0.0861, abs=5e-5)


def test_a_live_bar_keeps_yahoos_close_as_the_print_and_scales_the_bar_to_adj_close():
    raw = history_frame(ohlcv(pd.bdate_range("2025-03-03", periods=3), [130.0, 129.9, 140.8]), "9988.HK",
                        factor=0.997896)
    frame, reason = frame_from_history(raw, "9988.HK")
    assert reason == ""
    assert frame["raw_close"].tolist() == [130.0, 129.9, 140.8]
    assert frame["close"].iloc[-1] == pytest.approx(140.8 * 0.997896)
    assert frame["high"].iloc[-1] == pytest.approx(141.8 * 0.997896)  # the whole bar on one basis


def test_a_cache_file_written_before_prints_is_used_with_the_print_unknown(tmp_path, monkeypatch):
    from components.data import disk_cache

    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path))
    frame, _ = frame_from_history(history_frame(ohlcv(pd.bdate_range("2025-03-03", periods=3), [10.0, 11.0, 12.0]),
                                                "BABA"), "BABA")
    frame.drop(columns="raw_close").to_parquet(disk_cache.cache_path("BABA"), index=False)
    read = disk_cache.read_disk_cache("BABA", None)
    assert read.frame is not None and read.frame["raw_close"].isna().all() and not read.set_aside


def test_a_frame_whose_adjusted_close_is_above_its_print_is_refused():
    from components.data.prices import tidy_problems

    frame, _ = frame_from_history(history_frame(ohlcv(pd.bdate_range("2025-03-03", periods=2), [10.0, 20.0]),
                                                "BABA"), "BABA")
    frame.loc[1, "raw_close"] = 15.0
    assert "an adjusted close is above its exchange print" in tidy_problems(frame, "BABA", D(2025, 3, 5))


@pytest.mark.parametrize("text, published, verdict", [
    ("Alibaba's Hong Kong shares closed at HK$140.80 on Thursday.", "2025-03-06", "matches"),
    ("Alibaba's U.S.-listed shares closed at $139.95 on Thursday.", "2025-03-07", "matches"),
    ("Alibaba's Hong Kong shares closed at HK$147.80 on Thursday.", "2025-03-06", "does not match"),
    # Tencent's print is not in the data: its adjusted close is 539.29 that day, the print a little above
    ("Tencent closed at HK$545.50 on Thursday.", "2025-03-06", "roughly"),
])
def test_a_level_is_checked_against_the_exchanges_print(tidy, text, published, verdict):
    _, claims = claims_of_text(text, published)
    [result] = [r for r in check_claims(claims, tidy) if r.claim.measure == "level"]
    assert result.verdict == verdict, result.explanation


def test_a_level_names_the_print_first_and_the_adjusted_close_beside_it():
    assert level_label(140.5037, "9988.HK", 140.80) == "HK$140.80 (dividend-adjusted 140.50)"
    assert level_label(140.80, "9988.HK", 140.80) == "HK$140.80"
    assert "not in the data" in level_label(539.29, "0700.HK", float("nan"))
    assert level_label(24369.7109, "^HSI", 24369.7109) == "24,369.71 index points"


def test_nvidia_before_its_split_is_compared_on_todays_scale():
    assert basis.split_scale("NVDA", D(2024, 2, 22)) == 10.0 and basis.split_scale("NVDA", D(2024, 6, 10)) == 1.0
    assert store.get_prices(["NVDA"], D(2024, 2, 22), D(2024, 2, 22)).frame["close"].iloc[0] < 100  # split-adjusted


def test_the_hover_says_where_a_print_is_not_in_the_data(tidy):
    from components.charts import marks

    part = tidy[tidy["symbol"].isin(["9988.HK", "0700.HK"])]
    fig, _, _ = marks.market_chart(part, start=D(2023, 10, 2), end=D(2024, 7, 31), events=[], view="price")
    hk = next(t for t in fig.data if t.name == "9988.HK")
    assert hk.hovertemplate.startswith("%{text}")  # prints known before 7 Nov 2023 and from 12 Jun 2024 only
    assert hk.text[0].startswith("HK$") and "(adjusted" in hk.text[0]
    assert "print not in the data" in hk.text[len(hk.text) // 2] and "(adjusted" in hk.text[-1]
    tencent = next(t for t in fig.data if t.name == "0700.HK")
    assert "print not in the data" in tencent.hovertemplate and tencent.text is None
