"""Per-market alignment: which trading session of each symbol first reacts to an event.

The reaction session (day 0) of an event for a symbol is the first session of that symbol's
exchange that closes after the event: Hong Kong sessions close at 16:00 Asia/Hong_Kong, New York
sessions at 16:00 America/New_York. Trading days come from the symbol's own price rows, so its
exchange's holidays (Lunar New Year in Hong Kong, Thanksgiving in New York) are respected.
An event without a time counts from its date: day 0 is the first session on or after that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from components.analysis import formats
from components.data.events import Event
from components.data.symbols import BASIS_SHORT, benchmark_for, symbol_info
from components.facts import MAX_GAP_DAYS

WINDOWS = {"return day 0": (0, 0), "return [-1,+1]": (-1, 1), "return [0,+5]": (0, 5)}


@dataclass(frozen=True)
class Reaction:
    event_id: str
    symbol: str
    status: str  # "ok", "no price data" or "no prior close"
    day0: dt.date | None = None
    position: int | None = None  # index of day 0 in the symbol's sessions
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _close_offset(symbol: str) -> pd.Timedelta:
    close = symbol_info(symbol).market.close
    return pd.Timedelta(hours=close.hour, minutes=close.minute, seconds=close.second)


def reaction_position(event: Event, dates: pd.DatetimeIndex, symbol: str) -> int | None:
    """Index in ``dates`` (sorted trading dates) of the event's reaction session, or None.

    A timed event is compared in the exchange's local time: session ``d`` closes after the event
    when ``d + close time > event time``, i.e. when ``d > event time - close time``.
    """
    if len(dates) == 0:
        return None
    ts = event.timestamp
    if ts is None:
        pos = int(dates.searchsorted(pd.Timestamp(event.date), side="left"))
    else:
        local = ts.tz_convert(symbol_info(symbol).market.tz).tz_localize(None)
        pos = int(dates.searchsorted(local - _close_offset(symbol), side="right"))
    return pos if pos < len(dates) else None


def reaction(event: Event, closes: pd.Series, symbol: str) -> Reaction:
    """Day 0 of ``event`` for one symbol's close series (indexed by trading date)."""
    dates = closes.index if isinstance(closes.index, pd.DatetimeIndex) else pd.DatetimeIndex(closes.index)
    if len(dates) == 0:
        return Reaction(event.id, symbol, "no price data", note=f"no {symbol} prices available")
    def span() -> str:  # only for the notes of the failure cases (formatting dates is not free)
        return f"{symbol} data covers {dates[0]:%Y-%m-%d}..{dates[-1]:%Y-%m-%d}"

    pos = reaction_position(event, dates, symbol)
    if pos is None:
        return Reaction(event.id, symbol, "no price data", note=f"{span()}; no session after the event")
    day0 = dates[pos].date()
    if (day0 - event.date).days > MAX_GAP_DAYS:
        note = f"{span()}; nothing within {MAX_GAP_DAYS} days of the event"
        return Reaction(event.id, symbol, "no price data", note=note)
    if pos == 0:
        return Reaction(event.id, symbol, "no prior close", day0, pos, note=f"{span()}; no close before day 0")
    return Reaction(event.id, symbol, "ok", day0, pos)


def window_return(closes: pd.Series, position: int | None, first: int, last: int) -> float | None:
    """Return over sessions ``first..last`` relative to day 0: close[last] / close[first - 1] - 1."""
    if position is None:
        return None
    start, end = position + first - 1, position + last
    if start < 0 or end >= len(closes):
        return None
    base, value = float(closes.iloc[start]), float(closes.iloc[end])
    return value / base - 1.0


def reaction_row(event: Event, closes: pd.Series, symbol: str) -> dict:
    """Day 0 and the standard window returns of one event for one symbol."""
    r = reaction(event, closes, symbol)
    row = {"event": event.id, "symbol": symbol, "status": r.status, "reaction session": r.day0, "note": r.note}
    for label, (a, b) in WINDOWS.items():
        row[label] = window_return(closes, r.position, a, b) if r.position is not None else None
    return row


def reaction_table(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str] | None = None,
                   benchmarks: dict[str, str | None] | None = None) -> pd.DataFrame:
    """One row per symbol: day 0, returns over the standard windows, and its benchmark's.

    ``benchmarks`` overrides the default benchmark of a symbol; a symbol that is an index has none.
    """
    rows = []
    for symbol in symbols or list(event.symbols):
        closes = closes_by_symbol.get(symbol, pd.Series(dtype=float))
        row = reaction_row(event, closes, symbol)
        info = symbol_info(symbol)
        row["market"] = info.market.name
        bench = (benchmarks or {}).get(symbol, benchmark_for(symbol))
        row["benchmark"] = bench or ""
        for label in WINDOWS:
            row[f"benchmark {label}"] = row[f"excess {label}"] = None
        if bench:
            brow = reaction_row(event, closes_by_symbol.get(bench, pd.Series(dtype=float)), bench)
            for label in WINDOWS:
                row[f"benchmark {label}"] = brow[label]
                own, other = row[label], brow[label]
                row[f"excess {label}"] = own - other if own is not None and other is not None else None
            day0, bday0 = row["reaction session"], brow["reaction session"]
            if day0 and bday0 and day0 != bday0:
                row["note"] = (row["note"] + "; " if row["note"] else "") + f"{bench} reacts on {bday0}"
        rows.append(row)
    return pd.DataFrame(rows)


def _day0_positions(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str]):
    """(symbol, its trading dates, position of day 0) for each symbol that has a reaction session."""
    for symbol in symbols:
        closes = closes_by_symbol.get(symbol)
        pos = reaction(event, closes, symbol).position if closes is not None else None
        if pos is not None:
            yield symbol, closes.index, pos


def event_window_dates(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str],
                       sessions: int) -> tuple[dt.date, dt.date] | None:
    """Calendar span covering ``sessions`` trading sessions either side of day 0 in every symbol."""
    spans = [(dates[max(0, pos - sessions)].date(), dates[min(len(dates) - 1, pos + sessions)].date())
             for _, dates, pos in _day0_positions(event, closes_by_symbol, symbols)]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def window_shortfalls(event: Event, closes_by_symbol: dict[str, pd.Series], symbols: list[str],
                      sessions: int) -> list[str]:
    """Sentences for symbols with fewer than ``sessions`` sessions on either side of day 0."""
    notes = []
    for symbol, dates, pos in _day0_positions(event, closes_by_symbol, symbols):
        if pos < sessions:
            notes.append(f"{symbol}: only {pos} sessions before day 0 (its prices start on {dates[0]:%d %b %Y}).")
        if len(dates) - 1 - pos < sessions:
            notes.append(f"{symbol}: only {len(dates) - 1 - pos} sessions after day 0 "
                         f"(its prices end on {dates[-1]:%d %b %Y}).")
    return notes


REACTION_HEADERS = {"return day 0": "day 0", "return [-1,+1]": "days −1 to +1", "return [0,+5]": "days 0 to +5"}


def reaction_display(table: pd.DataFrame) -> pd.DataFrame:
    """The reaction table for people: percentages as text ('+8.39%', '—'), plain headers with units."""
    rows = []
    for row in table.to_dict("records"):
        info = symbol_info(row["symbol"])
        day0 = row["reaction session"]
        out = {"symbol": row["symbol"], "market": info.market.name.split(" (")[0],
               "reaction session (day 0)": f"{day0:%a %d %b %Y}" if day0 else formats.MISSING}
        out.update({f"{label} (%)": formats.pct(row[key]) for key, label in REACTION_HEADERS.items()})
        out["benchmark"] = formats.text(row["benchmark"])
        out["benchmark day 0 (%)"] = formats.pct(row["benchmark return day 0"])
        out["day 0 minus benchmark"] = formats.points(row["excess return day 0"])
        out["price basis"] = BASIS_SHORT[info.basis]
        note = row["note"] if row["status"] == "ok" else f"{row['status']}: {row['note']}"
        out["note"] = formats.text(note)
        rows.append(out)
    return pd.DataFrame(rows)
