"""Events and prices turned into what the charts draw: event marks, reaction marks, the standard chart."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.analysis.alignment import reaction, window_return
from components.analysis.metrics import closes_by_symbol, hidden_weekdays, next_visible
from components.charts.lanes import EventMark
from components.charts.market import ReactionMark, market_figure, session_span
from components.data.events import Event, shown_title
from components.data.prices import slice_range
from components.facts import HOME_TZ
from components.locale import _
from components.locale import formats as F


def in_range(events: list[Event], start: dt.date, end: dt.date, categories: list[str] | None = None) -> list[Event]:
    return [e for e in events if start <= e.date <= end and (categories is None or e.category in categories)]


def event_marks(events: list[Event], visible: pd.DatetimeIndex | None, selected: str | None = None,
                exact: bool = False) -> list[EventMark]:
    """Marks for events; with ``visible`` dates, an event on a hidden day moves to the next visible one.

    With ``exact``, a timed event sits at its moment in Hong Kong time (so Manus, late on 5 March, and
    QwQ-32B, early on 6 March, show as hours apart) and a date-only event at noon of its date.
    """
    marks = []
    for e in events:
        x = pd.Timestamp(e.date)
        if exact:
            ts = e.timestamp
            x = ts.tz_convert(HOME_TZ).tz_localize(None) if ts is not None else x + pd.Timedelta(hours=12)
        elif visible is not None and len(visible):
            x = next_visible(e.date, visible) or x
        moved = not exact and x.date() != e.date
        when = (_("{when} · drawn on {day}, the next session shown").format(when=e.when(), day=F.padded_day(x))
                if moved else e.when())
        marks.append(EventMark(e.id, shown_title(e), e.date, e.category, e.origin, when, x, e.id == selected))
    return marks


def reaction_marks(events: list[Event], closes: dict[str, pd.Series], symbols: list[str],
                   start: dt.date, end: dt.date) -> list[ReactionMark]:
    """A mark on each plotted symbol's reaction session for each event that lists the symbol."""
    marks = []
    for e in events:
        for symbol in symbols:
            series = closes.get(symbol)
            if symbol not in e.symbols or series is None:
                continue
            r = reaction(e, series, symbol)
            if r.day0 is None or not (start <= r.day0 <= end):
                continue
            ret = window_return(series, r.position, 0, 0) if r.ok else None
            marks.append(ReactionMark(e.id, shown_title(e), symbol, pd.Timestamp(r.day0), ret))
    return marks


def headline_reactions(event: Event, closes: dict[str, pd.Series], symbols: list[str],
                       prints: dict[str, pd.Series] | None = None) -> list[dict]:
    """Day-0 reactions of one event on the given symbols, for metric cards: the return (adjusted closes)
    and day 0's close as a level (its exchange print, from ``prints``, beside the adjusted close)."""
    out = []
    for symbol in symbols:
        series = closes.get(symbol, pd.Series(dtype=float))
        r = reaction(event, series, symbol)
        ret = window_return(series, r.position, 0, 0) if r.ok else None
        close = float(series.iloc[r.position]) if r.position is not None else None
        printed = (prints or {}).get(symbol)
        exchange = float(printed.iloc[r.position]) if printed is not None and r.position is not None else None
        out.append({"symbol": symbol, "day0": r.day0, "return": ret, "close": close, "print": exchange,
                    "status": r.status, "note": r.note})
    return out


def range_frame(history: pd.DataFrame, start: dt.date, end: dt.date,
                symbols: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The rows of ``history`` in ``start..end``, of ``symbols`` only when given."""
    if symbols is not None:
        history = history[history["symbol"].isin(symbols)]
    return slice_range(history, start, end)


def market_chart(history: pd.DataFrame, *, start: dt.date, end: dt.date, events: list[Event],
                 selected: str | None = None, categories: list[str] | None = None,
                 symbols: tuple[str, ...] | None = None, closes: dict[str, pd.Series] | None = None,
                 **figure_options):
    """The standard chart: prices of ``history`` in ``start..end`` with in-range events and reactions.

    ``history`` is the symbols' full tidy history, so reaction sessions do not depend on the range;
    ``symbols``, when given, draws only those of its symbols; ``closes``, when given, is
    ``closes_by_symbol(history)`` worked out before (a caller that keeps it); ``figure_options`` go to
    :func:`~components.charts.market.market_figure` (view, style, log, uirevision, dark, compact...).
    Returns ``(figure, frame in range, events drawn)``.
    """
    if symbols is not None:
        history = history[history["symbol"].isin(symbols)]
    frame = range_frame(history, start, end)
    symbols = [str(s) for s in frame["symbol"].unique()]
    visible = pd.DatetimeIndex(frame["date"].unique()).sort_values()
    shown = in_range(events, start, end, categories)
    marks = event_marks(shown, visible, selected)
    reactions = reaction_marks(shown, closes_by_symbol(history) if closes is None else closes, symbols, start, end)
    first, last = session_span(frame, start, end)
    fig = market_figure(frame, events=marks, reactions=reactions, start=start, end=end,
                        hidden=hidden_weekdays(frame["date"], first, last), **figure_options)
    return fig, frame, shown
