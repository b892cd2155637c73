"""Tidy daily price frames: the one schema every page sees, whichever source served the prices.

A tidy frame has one row per (symbol, trading date) with the columns in :data:`TIDY_COLUMNS`.
``date`` is the exchange-local trading date, tz-naive; the prices are on the bases
:mod:`components.data.basis` describes (``open`` to ``close`` adjusted, ``raw_close`` the print). This
module also turns the frames that ``Ticker.history(auto_adjust=False)`` returns into that schema,
without importing yfinance, and checks a tidy frame from anywhere outside the project (a live fetch, a
file another process wrote) with the rules the snapshot obeys: :func:`tidy_problems`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd

from components.data.basis import print_coverage
from components.data.symbols import BASIS_LABELS, symbol_info
from components.locale import N_, Message, Nn_, _
from components.locale.formats import day

TIDY_COLUMNS = ["date", "symbol", "open", "high", "low", "close", "raw_close", "volume", "currency", "basis"]
OHLC = ["open", "high", "low", "close"]

SOURCE_LIVE = "live"
SOURCE_DISK = "disk cache"
SOURCE_SNAPSHOT = "snapshot"
SOURCE_NONE = "none"
# what a source is called where it is shown
SOURCE_WORDS = {SOURCE_LIVE: N_("live Yahoo Finance"), SOURCE_DISK: N_("saved copy of a live fetch"),
                SOURCE_SNAPSHOT: N_("bundled snapshot"), SOURCE_NONE: N_("no prices")}
# the columns of provenance_rows (the keys code reads) -> their headers, translated where shown
PROVENANCE_HEADERS = {"symbol": N_("symbol"), "source": N_("source"), "closes": N_("closes"),
                      "exchange prints": N_("exchange prints"), "first": N_("first session"),
                      "last": N_("last session"), "sessions": N_("sessions"), "note": N_("note"),
                      "calendar check": N_("calendar check")}


def provenance_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of provenance rows as a table shows it: its headers, sources and dates in the run's language."""
    shown = frame.assign(**{c: frame[c].map(day) for c in ("first", "last") if c in frame.columns})
    if "source" in shown.columns:
        shown["source"] = [_(SOURCE_WORDS[s]) if s in SOURCE_WORDS else s for s in shown["source"]]
    return shown.rename(columns={k: _(v) for k, v in PROVENANCE_HEADERS.items()})


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
    fetched: datetime | None = None  # when the frame was fetched from Yahoo, UTC (live data and disk copies)

    @property
    def basis_label(self) -> str:
        return _(BASIS_LABELS[self.basis]) if self.basis in BASIS_LABELS else ""


@dataclass
class PriceResult:
    """What :func:`components.data.store.get_prices` returns: tidy prices plus provenance per symbol."""

    frame: pd.DataFrame
    provenance: dict[str, Provenance]
    snapshot_as_of: date | None = None
    live_failure: str = ""  # the reason live data was not used, when it was tried and failed
    offline: bool = False
    problems: list[str] = field(default_factory=list)  # messages for the user about the request
    waited: float = 0.0  # seconds this request spent waiting for live prices

    def symbols_from(self, *sources: str) -> list[str]:
        return [s for s, p in self.provenance.items() if p.source in sources]


def provenance_rows(result: PriceResult) -> list[dict]:
    """Per symbol served: its source, the basis of its closes, which sessions carry the exchange's print, its
    span and note; what the pages' and the report's source tables show."""
    rows = []
    for p in result.provenance.values():
        part = result.frame[result.frame["symbol"] == p.symbol]
        coverage = print_coverage(pd.Series(part["raw_close"].to_numpy(float), index=part["date"]),
                                  symbol_info(p.symbol).kind) if len(part) else _("no prices")
        rows.append({"symbol": p.symbol, "source": p.source, "closes": p.basis_label, "exchange prints": coverage,
                     "first": p.first, "last": p.last, "sessions": p.rows, "note": p.note})
    return rows


def empty_tidy() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="float64") for c in TIDY_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    for col in ("symbol", "currency", "basis"):
        frame[col] = pd.Series(dtype="object")
    return frame


def to_tidy(frame: pd.DataFrame, symbol: str) -> pd.DataFrame:
    """Add currency and basis to one symbol's OHLCV rows and put the columns in tidy order.

    Rows without a ``raw_close`` column get the close itself for indices and FX (the print) and an
    unknown print (NaN) for stocks and funds."""
    info = symbol_info(symbol)
    out = frame.assign(symbol=symbol, basis=info.basis)
    if "raw_close" not in out.columns:
        out = out.assign(raw_close=out["close"] if info.basis != "adjusted" else np.nan)
    if "currency" not in out.columns:
        out = out.assign(currency=info.currency)
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out[TIDY_COLUMNS].sort_values("date").reset_index(drop=True).rename_axis(columns=None)


def frame_from_history(raw: pd.DataFrame | None, symbol: str) -> tuple[pd.DataFrame, Message | str]:
    """One symbol's ``Ticker.history`` frame as a tidy frame, or the reason it holds none (a :class:`Message`, said
    in the language of the page that shows it).

    Handles an index in the exchange's time zone (converted to the local trading date), rows with no
    close, weekend stub rows and repeated dates.
    """
    if raw is None or not isinstance(raw, pd.DataFrame) or raw.empty:
        return pd.DataFrame(), Message(N_("Yahoo Finance returned no rows"))
    return _clean(raw, symbol)


def _clean(part: pd.DataFrame, symbol: str) -> tuple[pd.DataFrame, Message | str]:
    part = part.rename(columns=lambda c: str(c).strip().lower().replace(" ", "_"))
    if "close" not in part.columns:
        return pd.DataFrame(), Message(N_("Yahoo Finance's answer has no closing prices"))
    for col in OHLC + ["volume"]:
        if col not in part.columns:
            part = part.assign(**{col: part["close"] if col in OHLC else 0})
    adjusted = "adj_close" in part.columns
    part = part[OHLC + ["volume"] + (["adj_close"] if adjusted else [])].apply(pd.to_numeric, errors="coerce")
    if part["close"].isna().all():
        return pd.DataFrame(), Message(N_("Yahoo Finance returned only empty (NaN) closes: is the symbol unknown or "
                                          "delisted?"))
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
    if adjusted:  # Yahoo's Close is the print; Adj Close the adjusted close: scale the bar to it
        factor = (part["adj_close"] / part["close"]).where(part["adj_close"].notna(), 1.0)
        part = part.assign(raw_close=part["close"], open=part["open"] * factor, high=part["high"] * factor,
                           low=part["low"] * factor, close=part["close"] * factor).drop(columns="adj_close")
    if part.empty:
        return pd.DataFrame(), Message(N_("Yahoo Finance's answer holds no trading days"))
    return to_tidy(part.rename_axis("date").reset_index(), symbol), ""


def slice_range(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Rows with ``start <= date <= end`` (both inclusive); by position when the dates are sorted."""
    dates = frame["date"]
    if dates.is_monotonic_increasing:
        first, last = dates.searchsorted(pd.Timestamp(start), "left"), dates.searchsorted(pd.Timestamp(end), "right")
        return frame.iloc[first:last]
    mask = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return frame[mask]


def tidy_problems(frame: pd.DataFrame, symbol: str, today: date) -> list[Message]:
    """Why a tidy frame of ``symbol`` cannot be trusted, in words (messages, said in the language of the page that
    shows them); empty when it can.

    The rules of the snapshot: the tidy columns with their types, this symbol only, one row per date
    in order, positive and finite prices with low <= high, weekdays only, nothing after ``today``.
    """
    if not isinstance(frame, pd.DataFrame) or list(frame.columns) != TIDY_COLUMNS:
        return [Message(N_("its columns are not {columns}"), columns=", ".join(TIDY_COLUMNS))]
    if frame.empty:
        return [Message(N_("it holds no rows"))]
    problems = []
    if not pd.api.types.is_datetime64_dtype(frame["date"]) or getattr(frame["date"].dt, "tz", None) is not None:
        return [Message(N_("its dates are {kind}, not plain dates"), kind=frame["date"].dtype)]
    for col in OHLC + ["raw_close", "volume"]:
        if not pd.api.types.is_numeric_dtype(frame[col]):
            problems.append(Message(N_("its {column} values are {kind}, not numbers"), column=col,
                                    kind=frame[col].dtype))
    if problems:
        return problems
    if (frame["symbol"] != symbol).any():
        problems.append(Message(N_("it holds rows of other symbols ({symbols})"),
                                symbols=", ".join(map(str, frame["symbol"].unique()[:3]))))
    dates = frame["date"]
    if dates.duplicated().any():
        problems.append(Message(*Nn_("{count} date appears twice", "{count} dates appear twice"),
                                count=int(dates.duplicated().sum())))
    if not dates.is_monotonic_increasing:
        problems.append(Message(N_("its dates are out of order")))
    prices = frame[OHLC]
    if not np.isfinite(prices.to_numpy(float)).all() or (prices <= 0).any().any():
        problems.append(Message(N_("it has zero, negative or missing prices")))
    raw = frame["raw_close"].to_numpy(float)
    known = ~np.isnan(raw)
    if not np.isfinite(raw[known]).all() or (raw[known] <= 0).any():
        problems.append(Message(N_("it has zero, negative or infinite exchange prints")))
    elif (frame["close"].to_numpy(float)[known] > raw[known] * 1.001).any():
        problems.append(Message(N_("an adjusted close is above its exchange print")))
    if (frame["low"] > frame["high"]).any():
        problems.append(Message(N_("a low is above its high")))
    if (dates.dt.day_of_week >= 5).any():
        problems.append(Message(N_("it has weekend rows")))
    if (dates > pd.Timestamp(today) + pd.Timedelta(days=1)).any():
        problems.append(Message(N_("it has dates after today ({day})"), day=dates.max().date()))
    return problems
