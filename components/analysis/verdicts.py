"""Verdicts on claims: each measure computed from closing prices, with the figures and an explanation.

Each measure of :data:`MEASURES` takes a claim and close Series by symbol (tz-naive trading dates)
and returns its :class:`~components.analysis.claims.ClaimResult`. The verdict, the figures behind
it and the explanation all come from the closes passed in; nothing in a record states an outcome.
A claim that price data cannot settle, or whose dates or symbols are missing from the data, is
returned as "not checkable with price data" with the reason, never raised.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

import pandas as pd

from components.analysis.alignment import reaction, window_return
from components.analysis.claims import (
    NOT_CHECKABLE,
    NOT_SUPPORTED,
    PARTLY,
    SUPPORTED,
    ChangeSince,
    Claim,
    ClaimResult,
    Figure,
    IndexLift,
    NotCheckable,
    RallySince,
    ReactionReturn,
    Unavailable,
)
from components.data.events import Event, find_event
from components.data.symbols import InvalidSymbol, symbol_info


def _pct(value: float) -> str:
    return f"{value:+.2%}"


def _basis(symbol: str) -> str:
    return symbol_info(symbol).basis_label


def _series(closes_by_symbol: dict[str, pd.Series], symbol: str) -> pd.Series:
    raw = closes_by_symbol.get(symbol)
    if raw is None or raw.dropna().empty:
        raise Unavailable(f"the data hold no {symbol} closes")
    clean = raw.dropna()
    index = pd.DatetimeIndex(clean.index)
    index = index.tz_localize(None) if index.tz is not None else index
    return pd.Series(clean.to_numpy(float), index=index.normalize()).sort_index()


def _span(s: pd.Series, symbol: str) -> str:
    return f"{symbol} data cover {s.index[0]:%Y-%m-%d}..{s.index[-1]:%Y-%m-%d}"


def _close_on(s: pd.Series, day: dt.date, symbol: str) -> float:
    stamp = pd.Timestamp(day)
    if stamp not in s.index:
        raise Unavailable(f"there is no {symbol} close on {day} ({_span(s, symbol)})")
    return float(s.loc[stamp])


def _change(key: str, label: str, s: pd.Series, symbol: str, start: dt.date, end: dt.date) -> Figure:
    first, last = _close_on(s, start, symbol), _close_on(s, end, symbol)
    return Figure(key, label, last / first - 1.0, symbol, (start, end), (first, last), _basis(symbol))


def _event(events: Iterable[Event], event_id: str) -> Event:
    event = find_event(list(events), event_id)
    if event is None:
        raise Unavailable(f"event '{event_id}' is not among the events supplied")
    return event


def _reaction_figure(key: str, event: Event, closes_by_symbol: dict[str, pd.Series], symbol: str) -> Figure:
    s = _series(closes_by_symbol, symbol)
    r = reaction(event, s, symbol)
    if not r.ok:
        raise Unavailable(f"{symbol} has no usable reaction session for “{event.title}”: {r.status} ({r.note})")
    dates = (s.index[r.position - 1].date(), r.day0)
    _check_no_hole(symbol, dates, closes_by_symbol)
    closes = (float(s.iloc[r.position - 1]), float(s.iloc[r.position]))
    label = f"{symbol} return on its reaction session to “{event.title}”"
    return Figure(key, label, window_return(s, r.position, 0, 0), symbol, dates, closes, _basis(symbol))


def _check_no_hole(symbol: str, dates: tuple[dt.date, dt.date], closes_by_symbol: dict[str, pd.Series]) -> None:
    """A one-session return needs consecutive sessions: no other symbol of the same exchange may trade between."""
    market = symbol_info(symbol).market.code
    after, before = pd.Timestamp(dates[0]), pd.Timestamp(dates[1])
    for other in closes_by_symbol:
        if other == symbol or not _same_market(other, market):
            continue
        try:
            index = _series(closes_by_symbol, other).index
        except Unavailable:
            continue
        missed = index[(index > after) & (index < before)]
        if len(missed):
            raise Unavailable(f"{symbol} has no close on {missed[0]:%Y-%m-%d} although {other} traded that day, "
                               f"so its return into {dates[1]} would span two sessions")


def _same_market(symbol: str, market: str) -> bool:
    try:
        return symbol_info(symbol).market.code == market
    except InvalidSymbol:
        return False


def _on_article_day(fig: Figure, day: dt.date) -> Figure:
    if fig.dates[-1] != day:
        raise Unavailable(f"the computed {fig.symbol} reaction session is {fig.dates[-1]}, not {day}, the day "
                           f"the article describes; the data may lack that session")
    return fig


def _move(fig: Figure) -> str:
    return (f"{fig.symbol} went from {fig.closes[0]:,.2f} on {fig.dates[0]} to {fig.closes[1]:,.2f} "
            f"on {fig.dates[1]}, {_pct(fig.value)}")


def _basis_note(figures: Iterable[Figure]) -> str:
    """'Price basis: 9988.HK and BABA closes are …; ^HSCE closes are …' for the priced figures."""
    by_basis: dict[str, list[str]] = {}
    for fig in figures:
        if fig.symbol and fig.symbol not in by_basis.setdefault(fig.basis, []):
            by_basis[fig.basis].append(fig.symbol)
    parts = [f"{' and '.join(syms)} closes are {basis}" for basis, syms in by_basis.items() if syms]
    return f" Price basis: {'; '.join(parts)}." if parts else ""


def _reaction_return(claim: Claim, closes: dict, events) -> ClaimResult:
    m: ReactionReturn = claim.measure
    event = _event(events, m.event)
    main = _on_article_day(_reaction_figure("reaction", event, closes, m.symbol), m.article_day)
    context = [_reaction_figure(f"context:{sym}", event, closes, sym) for sym in m.context_symbols]
    gap = main.value - m.expected
    if abs(gap) <= m.tolerance:
        verdict, condition = SUPPORTED, ""
        judged = f"within {m.tolerance * 100:.1f} percentage points of the claimed {m.expected:.0%}"
    elif main.value * m.expected > 0:
        verdict = PARTLY
        condition = f"holds for the direction of the move, not its size ({_pct(main.value)} vs about {m.expected:.0%})"
        judged = f"in the claimed direction but {abs(gap) * 100:.2f} percentage points away from {m.expected:.0%}"
    else:
        verdict, condition = NOT_SUPPORTED, ""
        judged = f"not a move in the claimed direction of {m.expected:+.0%}"
    text = f"On its reaction session to “{event.title}”, {_move(main)}, which is {judged}."
    text += "".join(f" For context, on its own reaction session {_move(f)}." for f in context)
    text += f" Tolerance: {m.rationale}" + _basis_note((main, *context))
    return ClaimResult(claim, verdict, text, (main, *context), condition)


def _index_lift(claim: Claim, closes: dict, events) -> ClaimResult:
    m: IndexLift = claim.measure
    event = _event(events, m.event)
    stock, index, market = (_on_article_day(_reaction_figure(key, event, closes, sym), m.article_day)
                            for key, sym in (("stock", m.stock), ("index", m.index), ("market", m.market)))
    figures = [stock, index, market]
    text = f"On {m.article_day}: {_move(stock)}; {_move(index)}; {_move(market)}."
    if index.value <= 0 or stock.value <= 0:
        mover = index if index.value <= 0 else stock
        text += f" {mover.symbol} did not rise, so the claimed lift did not happen." + _basis_note(figures)
        return ClaimResult(claim, NOT_SUPPORTED, text, tuple(figures))
    need = index.value / stock.value
    figures.append(Figure("weight_for_all", f"weight {m.stock} would need for its move alone to account for all "
                          f"of {m.index}'s rise", need, basis="ratio of two returns; no index weight used"))
    broad = (f"the whole market rallied ({m.market} {_pct(market.value)})" if market.value > 0
             else f"the broad market did not rise ({m.market} {_pct(market.value)})")
    condition = (f"{m.index} did rise while {m.stock} jumped, but {broad}, and index weights are not in price "
                 f"data, so the rise cannot be attributed to Alibaba from prices alone")
    text += (f" {m.index} rose, so the direction fits; but {broad}. A stock's contribution to a "
             f"capitalisation-weighted index is roughly its weight times its return, so for {m.stock}'s "
             f"{_pct(stock.value)} alone to account for all of the index's {_pct(index.value)} its weight would "
             f"have to be about {need:.1%}, and {need / 2:.1%} for half of it. Whether its actual weight comes "
             f"near that cannot be read from prices.") + _basis_note(figures)
    return ClaimResult(claim, PARTLY, text, tuple(figures), condition)


def _low_day(m: ChangeSince, s: pd.Series) -> dt.date:
    span = s.loc[pd.Timestamp(m.low_window.start):pd.Timestamp(m.low_window.end)]
    if span.empty:
        raise Unavailable(f"there are no {m.symbol} closes in {m.low_window.start}..{m.low_window.end}")
    return span.idxmin().date()


def _since_pair(m: ChangeSince, s: pd.Series, low_day: dt.date, end: dt.date, suffix: str) -> list[Figure]:
    """The change to ``end`` from the base close and from the low close, as two figures."""
    return [_change(f"since_base{suffix}", f"{m.symbol} from the {m.base_date} close to the {end} close",
                    s, m.symbol, m.base_date, end),
            _change(f"since_low{suffix}", f"{m.symbol} from its {m.low_window.start:%B %Y} low close ({low_day}) "
                    f"to the {end} close", s, m.symbol, low_day, end)]


def _change_since(claim: Claim, closes: dict, events) -> ClaimResult:
    m: ChangeSince = claim.measure
    s = _series(closes, m.symbol)
    low_day = _low_day(m, s)
    base, low = figures = _since_pair(m, s, low_day, m.end, "")
    over = f"more than {m.threshold:.0%}"
    text = (f"Year to date, {_move(base)}: {'' if base.value > m.threshold else 'not '}{over}. From the lowest "
            f"close of {m.low_window.start}..{m.low_window.end}, {_move(low)}: "
            f"{'' if low.value > m.threshold else 'not '}{over}.")
    if m.also_end:
        try:
            figures = figures + _since_pair(m, s, low_day, m.also_end, ":also")
            text += (f" To the {m.also_end} close the two figures were {_pct(figures[2].value)}"
                     f" and {_pct(figures[3].value)}.")
        except Unavailable as exc:  # the verdict does not depend on the second end date
            text += f" The figures to {m.also_end} cannot be given: {exc}."
    verdict, condition = (SUPPORTED, "") if base.value > m.threshold else (NOT_SUPPORTED, "")
    if verdict == NOT_SUPPORTED and low.value > m.threshold:
        verdict = PARTLY
        condition = f"holds only when measured from the {m.low_window.start:%B %Y} low close of {low_day}"
        if len(figures) == 4 and figures[3].value <= m.threshold:
            condition += (f", and only with the {m.end} session: to the {m.also_end} close it was"
                          f" {_pct(figures[3].value)}")
    text += f" Reading: {m.rationale}" + _basis_note(figures)
    return ClaimResult(claim, verdict, text, tuple(figures), condition)


def _rally_since(claim: Claim, closes: dict, events) -> ClaimResult:
    m: RallySince = claim.measure
    figures = tuple(_change(f"change:{sym}", f"{sym} from the {m.base_date} close to the {m.end} close",
                            _series(closes, sym), sym, m.base_date, m.end) for sym in m.symbols)
    rallied = [f.symbol for f in figures if f.value >= m.min_change]
    if len(rallied) == len(figures):
        verdict, condition = SUPPORTED, ""
    elif rallied:
        verdict, condition = PARTLY, f"holds for {', '.join(rallied)} only"
    else:
        verdict, condition = NOT_SUPPORTED, ""
    moves = "; ".join(_move(f) for f in figures)
    text = (f"{moves}. {len(rallied)} of {len(figures)} rose by at least {m.min_change:.0%}, the bar for a "
            f"material rise: {m.rationale} Cause: {m.causation}") + _basis_note(figures)
    return ClaimResult(claim, verdict, text, figures, condition)


def _not_checkable(claim: Claim, closes: dict, events) -> ClaimResult:
    m: NotCheckable = claim.measure
    return ClaimResult(claim, NOT_CHECKABLE, f"{m.reason} {m.would_need}", reason=m.reason)


MEASURES: dict[str, Callable[[Claim, dict, Iterable[Event]], ClaimResult]] = {
    "reaction_return": _reaction_return,
    "index_lift": _index_lift,
    "change_since": _change_since,
    "rally_since": _rally_since,
    "not_checkable": _not_checkable,
}


def _check_window(claim: Claim, closes_by_symbol: dict[str, pd.Series]) -> None:
    for symbol in claim.measure.needed_symbols():
        s = _series(closes_by_symbol, symbol)
        window = claim.window
        if window and (s.index[0].date() > window.start or s.index[-1].date() < window.end):
            raise Unavailable(f"the claim needs {window.start}..{window.end} but {_span(s, symbol)}")


def evaluate(claim: Claim, closes_by_symbol: dict[str, pd.Series], events: Iterable[Event]) -> ClaimResult:
    """One claim and close Series by symbol (tz-naive trading dates) in; its verdict, figures and explanation out."""
    try:
        _check_window(claim, closes_by_symbol)
        return MEASURES[claim.measure.name](claim, closes_by_symbol, tuple(events))
    except Unavailable as exc:
        reason = str(exc)
        return ClaimResult(claim, NOT_CHECKABLE, f"Not checkable with the price data supplied: {reason}.",
                           reason=reason)


def evaluate_all(claims: Iterable[Claim], closes_by_symbol: dict[str, pd.Series],
                 events: Iterable[Event]) -> list[ClaimResult]:
    """Every claim in; one result each, in the same order."""
    events = tuple(events)
    return [evaluate(claim, closes_by_symbol, events) for claim in claims]
