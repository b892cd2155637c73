"""Pure pandas transforms behind the charts and tables: views of prices, calendars, ranges."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.locale import N_, _
from components.locale import formats as F

# value kept in links -> label, translated where shown
VIEWS = {"price": N_("Price"), "rebased": N_("Rebased to 100"), "percent": N_("% change")}
STYLES = {"line": N_("Line"), "candles": N_("Candles")}


def closes_by_symbol(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """One close Series per symbol of a tidy frame, indexed by trading date."""
    return {
        symbol: pd.Series(rows["close"].to_numpy(), index=pd.DatetimeIndex(rows["date"]), name=symbol)
        for symbol, rows in frame.groupby("symbol", sort=False)
    }


def prints_by_symbol(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """One exchange-print Series per symbol (NaN where the print is not in the data), like :func:`closes_by_symbol`."""
    return {
        symbol: pd.Series(rows["raw_close"].to_numpy(float), index=pd.DatetimeIndex(rows["date"]), name=symbol)
        for symbol, rows in frame.groupby("symbol", sort=False)
    }


def view_values(frame: pd.DataFrame, view: str) -> pd.DataFrame:
    """Add a ``value`` column: the close itself, rebased to 100 at each symbol's first row, or % change."""
    first = frame.groupby("symbol", sort=False)["close"].transform("first")
    if view == "rebased":
        value = frame["close"] / first * 100.0
    elif view == "percent":
        value = (frame["close"] / first - 1.0) * 100.0
    else:
        value = frame["close"]
    return frame.assign(value=value)


def hidden_weekdays(dates: pd.Series | pd.DatetimeIndex, start: dt.date, end: dt.date) -> list[str]:
    """Weekdays in ``start..end`` on which none of the given trading dates falls (holidays to hide)."""
    traded = pd.DatetimeIndex(dates).normalize().unique()
    weekdays = pd.bdate_range(pd.Timestamp(start), pd.Timestamp(end))
    return weekdays[~weekdays.isin(traded)].strftime("%Y-%m-%d").tolist()


def next_visible(day: dt.date, visible: pd.DatetimeIndex) -> pd.Timestamp | None:
    """The first visible trading date on or after ``day`` (where a weekend event is drawn)."""
    pos = visible.searchsorted(pd.Timestamp(day))
    return visible[pos] if pos < len(visible) else None


def range_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per symbol over the frame: the last close as the exchange printed it (NaN when the print is not in the
    data) and adjusted, the change (total return, adjusted closes), the highest and lowest adjusted close and
    the intraday high and low (the bars' own high and low, which closes never reach), sessions."""
    rows = []
    for symbol, part in frame.groupby("symbol", sort=False):
        first, last = part.iloc[0], part.iloc[-1]
        rows.append({
            "symbol": symbol,
            "from": first["date"].date(),
            "to": last["date"].date(),
            "last close, exchange print": last["raw_close"],
            "last close, adjusted": last["close"],
            "change %": (last["close"] / first["close"] - 1.0) * 100.0,
            "highest close": part["close"].max(),
            "lowest close": part["close"].min(),
            "intraday high": part["high"].max(),
            "intraday low": part["low"].min(),
            "sessions": len(part),
            "basis": first["basis"],
        })
    return pd.DataFrame(rows)


def weekly_ohlc(frame: pd.DataFrame) -> pd.DataFrame:
    """Weekly bars per symbol (open first, high max, low min, close last, volume summed), each dated
    by its week's last trading session, so the bar stays on a trading day."""
    monday = frame["date"] - pd.to_timedelta(frame["date"].dt.day_of_week, unit="D")
    g = frame.groupby([frame["symbol"], monday], sort=False)
    out = pd.DataFrame({
        "date": g["date"].last(), "open": g["open"].first(), "high": g["high"].max(), "low": g["low"].min(),
        "close": g["close"].last(), "raw_close": g["raw_close"].last(), "volume": g["volume"].sum(),
        "currency": g["currency"].first(), "basis": g["basis"].first(),
    }).reset_index(level=0).reset_index(drop=True)
    return out[["date", "symbol", "open", "high", "low", "close", "raw_close", "volume", "currency", "basis"]]


def coverage_notes(frame: pd.DataFrame, symbols: list[str], start: dt.date, end: dt.date,
                   slack_days: int = 7) -> list[str]:
    """Sentences for symbols whose prices do not cover ``start..end``: none at all, starting late or
    ending early (by more than ``slack_days``, so weekends and holidays at the edges do not count)."""
    notes = []
    for symbol in symbols:
        dates = frame.loc[frame["symbol"] == symbol, "date"]
        if dates.empty:
            notes.append(_("{symbol}: no prices in this range.").format(symbol=symbol))
            continue
        first, last = dates.min().date(), dates.max().date()
        if (first - start).days > slack_days:
            notes.append(_("{symbol}: prices start on {day}, after the start of the range.").format(
                symbol=symbol, day=F.date_as(first, "date")))
        if (end - last).days > slack_days and last < dt.date.today() - dt.timedelta(days=slack_days):
            notes.append(_("{symbol}: prices end on {day}, before the end of the range.").format(
                symbol=symbol, day=F.date_as(last, "date")))
    return notes
