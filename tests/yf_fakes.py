"""Frames shaped exactly as ``yfinance.Ticker.history`` returns them, and a fake for its call site.

yfinance 1.x, ``Ticker(symbol).history(start, end, interval="1d", actions=False, auto_adjust=False)``
returns columns Open, High, Low, Close, Adj Close, Volume (float prices, int64 volume: Open to Close are
the exchange's prints, Adj Close the dividend-adjusted close) on a DatetimeIndex named
``Date`` at midnight in the exchange's time zone (Asia/Hong_Kong for 9988.HK, America/New_York for
BABA). With ``yf.config.debug.hide_exceptions = False`` (the app's setting) a failure is raised: the
network's own exception (DNS, timeout), ``YFRateLimitError``, ``YFTzMissingError`` for an unknown
symbol, ``YFPricesMissingError`` when Yahoo has no rows.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd
import yfinance as yf

from components.data.symbols import symbol_info

FIELDS = ["Open", "High", "Low", "Close", "Adj Close", "Volume"]


def ohlcv(dates, close, spread: float = 1.0, open_gap: float = 0.5) -> pd.DataFrame:
    """Daily bars on ``dates`` around ``close``: high and low ``spread`` away, open ``open_gap`` below."""
    close = np.asarray(close, dtype=float)
    return pd.DataFrame({"Open": close - open_gap, "High": close + spread, "Low": close - spread, "Close": close,
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


def history_frame(frame: pd.DataFrame, symbol: str, factor: float = 1.0) -> pd.DataFrame:
    """Bars as ``Ticker.history`` returns them: the index at midnight in the symbol's exchange zone, and an
    Adj Close of ``factor`` × Close when the bars have none."""
    if "Adj Close" not in frame.columns:
        frame = frame.assign(**{"Adj Close": frame["Close"] * factor})
    index = pd.DatetimeIndex(frame.index)
    if index.tz is None:
        index = index.tz_localize(symbol_info(symbol).market.tz)
    return frame[FIELDS].set_axis(index.rename("Date"))


def prices_missing(symbol: str) -> Exception:
    """What ``Ticker.history`` raises when Yahoo has no rows for the range."""
    return yf.exceptions.YFPricesMissingError(symbol, " (1d 2022-01-01 -> 2026-12-02)")


class FakeYahoo:
    """A stand-in for ``yf.Ticker``: ``FakeYahoo(answer)(symbol).history(**kwargs)`` asks ``answer``.

    ``answer(symbol, kwargs)`` returns bars (a frame with Open..Volume, given the exchange's zone if
    naive) or an exception to raise. Every call is recorded in ``calls`` as {"ticker", **kwargs}.
    """

    def __init__(self, answer):
        self.answer = answer
        self.calls: list[dict] = []

    def __call__(self, symbol: str, *args, **kwargs) -> "_FakeTicker":
        return _FakeTicker(self, symbol)


class _FakeTicker:
    def __init__(self, yahoo: FakeYahoo, symbol: str):
        self.yahoo, self.ticker = yahoo, symbol

    def history(self, *args, **kwargs) -> pd.DataFrame:
        self.yahoo.calls.append({"ticker": self.ticker, **kwargs})
        result = self.yahoo.answer(self.ticker, kwargs)
        if isinstance(result, BaseException):
            raise result
        return history_frame(result, self.ticker)
