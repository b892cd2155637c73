"""Frames shaped exactly as ``yfinance.download`` returns them, and fakes for its call site.

yfinance 1.x with ``multi_level_index=True`` and ``group_by="column"`` returns columns as a
MultiIndex named ``["Price", "Ticker"]`` with fields Close, High, Low, Open, Volume (no Adj Close
when ``auto_adjust=True``), and a tz-naive DatetimeIndex named ``Date`` holding the union of the
tickers' trading days (NaN where a ticker did not trade). It never raises for a failed ticker: it
catches the error (DNS, timeout, rate limit), logs it on the "yfinance" logger as
``['SYM']: Error(...)`` and returns an empty frame with the same columns (see :func:`logged_failure`).
"""

from __future__ import annotations

import logging
import zlib

import numpy as np
import pandas as pd

FIELDS = ["Close", "High", "Low", "Open", "Volume"]


def ohlcv(dates, close, spread: float = 1.0, open_gap: float = 0.5) -> pd.DataFrame:
    """Daily bars on ``dates`` around ``close``: high and low ``spread`` away, open ``open_gap`` below."""
    close = np.asarray(close, dtype=float)
    return pd.DataFrame({"Close": close, "High": close + spread, "Low": close - spread, "Open": close - open_gap,
                         "Volume": np.full(len(close), 1000, dtype="int64")}, index=pd.DatetimeIndex(dates))


def bars(dates, start_price: float = 100.0, step: float = 1.0) -> pd.DataFrame:
    """Simple OHLCV bars on ``dates`` with closes rising by ``step``."""
    return ohlcv(dates, start_price + step * np.arange(len(pd.DatetimeIndex(dates))))


def random_walk_bars(ticker: str, start: str, end_exclusive: str, first=None) -> pd.DataFrame:
    """Bars of a random walk (seeded by the ticker) on every weekday of a request, from ``first`` if given."""
    days = pd.bdate_range(start, pd.Timestamp(end_exclusive) - pd.Timedelta(days=1))
    rng = np.random.default_rng(zlib.crc32(ticker.encode()))
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.015, len(days))))
    frame = ohlcv(days, close, spread=0.0, open_gap=0.0).assign(High=close * 1.01, Low=close * 0.99,
                                                                 Open=close * 1.002)
    return frame[frame.index >= pd.Timestamp(first)] if first else frame


def download_frame(per_ticker: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Combine per-ticker bars the way ``yf.download`` does: union index, (Price, Ticker) columns."""
    index = pd.DatetimeIndex(sorted(set().union(*[set(f.index) for f in per_ticker.values()]))) \
        if per_ticker else pd.DatetimeIndex([])
    cols = pd.MultiIndex.from_product([FIELDS, sorted(per_ticker)], names=["Price", "Ticker"])
    out = pd.DataFrame(index=index.rename("Date"), columns=cols, dtype="float64")
    for ticker, frame in per_ticker.items():
        for field in FIELDS:
            out[(field, ticker)] = frame[field].reindex(index)
    return out


def empty_frame(tickers: list[str]) -> pd.DataFrame:
    """What yfinance returns when Yahoo cannot be reached: no rows, the usual columns."""
    cols = pd.MultiIndex.from_product([["Adj Close", *FIELDS], sorted(tickers)], names=["Price", "Ticker"])
    return pd.DataFrame(index=pd.DatetimeIndex([], name="Date"), columns=cols, dtype="float64")


class FakeDownload:
    """A stand-in for ``yf.download`` that records its calls and answers from a function."""

    def __init__(self, answer):
        self.answer = answer
        self.calls: list[dict] = []

    def __call__(self, tickers, **kwargs):
        tickers = [tickers] if isinstance(tickers, str) else list(tickers)
        self.calls.append({"tickers": tickers, **kwargs})
        result = self.answer(tickers, kwargs)
        if isinstance(result, BaseException):
            raise result
        return result


def logged_failure(tickers: list[str], error: BaseException) -> pd.DataFrame:
    """What ``yf.download`` does when every ticker fails: log the cause, return an empty frame."""
    logger = logging.getLogger("yfinance")
    logger.error("\n%d Failed download%s:", len(tickers), "s" if len(tickers) > 1 else "")
    logger.error(f"{sorted(t.upper() for t in tickers)}: {error!r}")
    return empty_frame(tickers)
