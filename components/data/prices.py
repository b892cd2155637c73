"""Tidy daily price frames: the one schema every page sees, whichever source served the prices.

A tidy frame has one row per (symbol, trading date) with the columns in :data:`TIDY_COLUMNS`.
``date`` is the exchange-local trading date, tz-naive. This module also turns the frames that
``yfinance.download`` returns (MultiIndex or flat columns, tz-aware or naive index, NaN padding where
another ticker traded) into that schema, without importing yfinance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from components.data.symbols import BASIS_LABELS, symbol_info

TIDY_COLUMNS = ["date", "symbol", "open", "high", "low", "close", "volume", "currency", "basis"]
OHLC = ["open", "high", "low", "close"]

SOURCE_LIVE = "live"
SOURCE_DISK = "disk cache"
SOURCE_SNAPSHOT = "snapshot"
SOURCE_NONE = "none"


@dataclass(frozen=True)
class Provenance:
    """Where one symbol's prices came from and what they cover."""

    symbol: str
    source: str  # live, disk cache, snapshot or none
    basis: str = ""
    first: date | None = None  # first and last trading date served within the requested range
    last: date | None = None
    rows: int = 0
    note: str = ""  # why this source (a failed fetch, offline mode) or what is missing
    stale: bool = False  # an old disk copy, served because the live fetch failed
    fetched: str = ""  # when the frame was fetched from Yahoo (live data and disk copies)

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS.get(self.basis, "")


@dataclass
class PriceResult:
    """What :func:`components.data.store.get_prices` returns: tidy prices plus provenance per symbol."""

    frame: pd.DataFrame
    provenance: dict[str, Provenance]
    snapshot_as_of: date | None = None
    live_failure: str = ""  # the reason live data was not used, when it was tried and failed
    offline: bool = False
    problems: list[str] = field(default_factory=list)  # messages for the user about the request

    def symbols_from(self, *sources: str) -> list[str]:
        return [s for s, p in self.provenance.items() if p.source in sources]


def empty_tidy() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in TIDY_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    for col in ("symbol", "currency", "basis"):
        frame[col] = pd.Series(dtype="object")
    return frame


def to_tidy(frame: pd.DataFrame, symbol: str) -> pd.DataFrame:
    """Add currency and basis to one symbol's OHLCV rows and put the columns in tidy order."""
    info = symbol_info(symbol)
    out = frame.assign(symbol=symbol, basis=info.basis)
    if "currency" not in out.columns:
        out = out.assign(currency=info.currency)
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out[TIDY_COLUMNS].sort_values("date").reset_index(drop=True).rename_axis(columns=None)


def frames_from_download(raw: pd.DataFrame | None,
                         symbols: list[str]) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Split a ``yfinance.download`` result into one tidy frame per symbol, or a reason it has none.

    Handles columns grouped by price field or by ticker, flat columns for a single ticker,
    tz-aware indices (converted to the exchange's local date), rows that are NaN because another
    ticker traded that day, weekend stub rows, all-NaN columns and missing tickers.
    """
    frames: dict[str, pd.DataFrame] = {}
    failures: dict[str, str] = {}
    if raw is None or not isinstance(raw, pd.DataFrame) or raw.empty:
        return frames, {s: "Yahoo returned an empty frame" for s in symbols}
    for symbol in symbols:
        part = _ticker_columns(raw, symbol, single=len(symbols) == 1)
        if part is None:
            failures[symbol] = "missing from Yahoo's response"
            continue
        frame, reason = _clean(part, symbol)
        if reason:
            failures[symbol] = reason
        else:
            frames[symbol] = frame
    return frames, failures


def _ticker_columns(raw: pd.DataFrame, symbol: str, single: bool) -> pd.DataFrame | None:
    cols = raw.columns
    if isinstance(cols, pd.MultiIndex):
        for level in range(cols.nlevels):
            if symbol in cols.get_level_values(level):
                return raw.xs(symbol, axis=1, level=level)
        return None
    return raw if single else None


def _clean(part: pd.DataFrame, symbol: str) -> tuple[pd.DataFrame, str]:
    part = part.rename(columns=lambda c: str(c).strip().lower().replace(" ", "_"))
    if "close" not in part.columns:
        return pd.DataFrame(), "no Close column in Yahoo's response"
    for col in OHLC + ["volume"]:
        if col not in part.columns:
            part = part.assign(**{col: part["close"] if col in OHLC else 0})
    part = part[OHLC + ["volume"]].apply(pd.to_numeric, errors="coerce")
    if part["close"].isna().all():
        return pd.DataFrame(), "Yahoo returned only NaN closes (symbol unknown or delisted?)"
    index = pd.DatetimeIndex(part.index)
    if index.tz is not None:
        index = index.tz_convert(symbol_info(symbol).market.tz).tz_localize(None)
    part = part.set_axis(index.normalize()).dropna(subset=["close"])
    part = part[part.index.day_of_week < 5]
    part = part[~part.index.duplicated(keep="last")].sort_index()
    part = part.assign(
        open=part["open"].fillna(part["close"]),
        high=part["high"].fillna(part["close"]),
        low=part["low"].fillna(part["close"]),
        volume=part["volume"].fillna(0).astype("int64"),
    )
    if part.empty:
        return pd.DataFrame(), "no trading days in Yahoo's response"
    return to_tidy(part.rename_axis("date").reset_index(), symbol), ""


def slice_range(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Rows with ``start <= date <= end`` (both inclusive); by position when the dates are sorted."""
    dates = frame["date"]
    if dates.is_monotonic_increasing:
        first, last = dates.searchsorted(pd.Timestamp(start), "left"), dates.searchsorted(pd.Timestamp(end), "right")
        return frame.iloc[first:last]
    mask = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return frame[mask]
