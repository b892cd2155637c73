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
    RallySince,
    ReactionReturn,
    Unavailable,
    shown_text,
)
from components.data.events import Event, find_event, shown_title
from components.data.symbols import InvalidSymbol, symbol_info
from components.locale import _
from components.locale import formats as F


def _pct(value: float) -> str:
    return F.plus_minus_percent(value)


def _whole_pct(value: float, signed: bool = False) -> str:
    """A claimed share as the article says it: "8%" ("+8%" with ``signed``), as ``f"{value:.0%}"`` writes it."""
    text = F.plus_minus_percent(value, 0)
    return text if signed or text.startswith("-") else text[1:]


def _basis(symbol: str) -> str:
    return symbol_info(symbol).basis_label


def _series(closes_by_symbol: dict[str, pd.Series], symbol: str) -> pd.Series:
    raw = closes_by_symbol.get(symbol)
    if raw is None or raw.dropna().empty:
        raise Unavailable(_("the data hold no {symbol} closes").format(symbol=symbol))
    clean = raw.dropna()
    index = pd.DatetimeIndex(clean.index)
    index = index.tz_localize(None) if index.tz is not None else index
    return pd.Series(clean.to_numpy(float), index=index.normalize()).sort_index()


def _day(value: dt.date) -> str:
    """A day in a verdict's words, as the reader's language writes a date ("06 Mar 2025", "2025年3月6日")."""
    return F.date_as(value, "date")


def _span(s: pd.Series, symbol: str) -> str:
    return _("{symbol} data cover {first}..{last}").format(symbol=symbol, first=_day(s.index[0]),
                                                           last=_day(s.index[-1]))


def _close_on(s: pd.Series, day: dt.date, symbol: str) -> float:
    stamp = pd.Timestamp(day)
    if stamp not in s.index:
        raise Unavailable(_("there is no {symbol} close on {day} ({span})").format(symbol=symbol, day=_day(day),
                                                                                  span=_span(s, symbol)))
    return float(s.loc[stamp])


def _change(key: str, label: str, s: pd.Series, symbol: str, start: dt.date, end: dt.date) -> Figure:
    first, last = _close_on(s, start, symbol), _close_on(s, end, symbol)
    return Figure(key, label, last / first - 1.0, symbol, (start, end), (first, last), _basis(symbol))


def _event(events: Iterable[Event], event_id: str) -> Event:
    event = find_event(list(events), event_id)
    if event is None:
        raise Unavailable(_("event '{event}' is not among the events supplied").format(event=event_id))
    return event


def _reaction_figure(key: str, event: Event, closes_by_symbol: dict[str, pd.Series], symbol: str) -> Figure:
    s = _series(closes_by_symbol, symbol)
    r = reaction(event, s, symbol)
    if not r.ok:
        raise Unavailable(_("{symbol} has no usable reaction session for “{title}”: {status} ({note})").format(
            symbol=symbol, title=shown_title(event), status=r.status, note=r.note))
    dates = (s.index[r.position - 1].date(), r.day0)
    _check_no_hole(symbol, dates, closes_by_symbol)
    closes = (float(s.iloc[r.position - 1]), float(s.iloc[r.position]))
    label = _("{symbol} return on its reaction session to “{title}”").format(symbol=symbol, title=shown_title(event))
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
            raise Unavailable(_("{symbol} has no close on {missed} although {other} traded that day, so its return "
                                "into {day} would span two sessions").format(symbol=symbol, other=other,
                                                                             missed=_day(missed[0]),
                                                                             day=_day(dates[1])))


def _same_market(symbol: str, market: str) -> bool:
    try:
        return symbol_info(symbol).market.code == market
    except InvalidSymbol:
        return False


def _on_article_day(fig: Figure, day: dt.date) -> Figure:
    if fig.dates[-1] != day:
        raise Unavailable(_("the computed {symbol} reaction session is {session}, not {day}, the day the article "
                            "describes; the data may lack that session").format(
            symbol=fig.symbol, session=_day(fig.dates[-1]), day=_day(day)))
    return fig


def _move(fig: Figure) -> str:
    return _("{symbol} went from {first} on {first_day} to {last} on {last_day}, {change}").format(
        symbol=fig.symbol, first=F.fixed_number(fig.closes[0]), first_day=_day(fig.dates[0]),
        last=F.fixed_number(fig.closes[1]), last_day=_day(fig.dates[1]), change=_pct(fig.value))


def _basis_note(figures: Iterable[Figure]) -> str:
    """'Price basis: 9988.HK and BABA closes are …; ^HSCE closes are …' for the priced figures."""
    by_basis: dict[str, list[str]] = {}
    for fig in figures:
        if fig.symbol and fig.symbol not in by_basis.setdefault(fig.basis, []):
            by_basis[fig.basis].append(fig.symbol)
    parts = [_("{symbols} closes are {basis}").format(symbols=_both(syms), basis=basis)
             for basis, syms in by_basis.items() if syms]
    return " " + _("Price basis: {parts}.").format(parts="; ".join(parts)) if parts else ""


def _both(symbols: list[str]) -> str:
    """'9988.HK and BABA' (and 'A and B and C' for three)."""
    text = symbols[0]
    for symbol in symbols[1:]:
        text = _("{first} and {second}").format(first=text, second=symbol)
    return text


def _reaction_return(claim: Claim, closes: dict, events) -> ClaimResult:
    m: ReactionReturn = claim.measure
    event = _event(events, m.event)
    main = _on_article_day(_reaction_figure("reaction", event, closes, m.symbol), m.article_day)
    context = [_reaction_figure(f"context:{sym}", event, closes, sym) for sym in m.context_symbols]
    gap = main.value - m.expected
    expected, move, title = _whole_pct(m.expected), _move(main), shown_title(event)
    if abs(gap) <= m.tolerance:
        verdict, condition = SUPPORTED, ""
        text = _("On its reaction session to “{title}”, {move}, which is within {tolerance} percentage points of the "
                 "claimed {expected}.").format(title=title, move=move, expected=expected,
                                               tolerance=F.fixed_number(m.tolerance * 100, 1))
    elif main.value * m.expected > 0:
        verdict = PARTLY
        condition = _("holds for the direction of the move, not its size ({actual} vs about {expected})").format(
            actual=_pct(main.value), expected=expected)
        text = _("On its reaction session to “{title}”, {move}, which is in the claimed direction but {gap} "
                 "percentage points away from {expected}.").format(title=title, move=move, expected=expected,
                                                                   gap=F.fixed_number(abs(gap) * 100))
    else:
        verdict, condition = NOT_SUPPORTED, ""
        text = _("On its reaction session to “{title}”, {move}, which is not a move in the claimed direction of "
                 "{expected}.").format(title=title, move=move, expected=_whole_pct(m.expected, signed=True))
    text += "".join(" " + _("For context, on its own reaction session {move}.").format(move=_move(f))
                    for f in context)
    text += " " + _("Tolerance: {rationale}").format(rationale=shown_text(claim, "rationale"))
    text += _basis_note((main, *context))
    return ClaimResult(claim, verdict, text, (main, *context), condition)


def _index_lift(claim: Claim, closes: dict, events) -> ClaimResult:
    m: IndexLift = claim.measure
    event = _event(events, m.event)
    stock, index, market = (_on_article_day(_reaction_figure(key, event, closes, sym), m.article_day)
                            for key, sym in (("stock", m.stock), ("index", m.index), ("market", m.market)))
    figures = [stock, index, market]
    text = _("On {day}: {stock}; {index}; {market}.").format(day=_day(m.article_day), stock=_move(stock),
                                                             index=_move(index), market=_move(market))
    if index.value <= 0 or stock.value <= 0:
        mover = index if index.value <= 0 else stock
        text += " " + _("{symbol} did not rise, so the claimed lift did not happen.").format(symbol=mover.symbol)
        return ClaimResult(claim, NOT_SUPPORTED, text + _basis_note(figures), tuple(figures))
    need = index.value / stock.value
    figures.append(Figure("weight_for_all", _("weight {stock} would need for its move alone to account for all of "
                                              "{index}'s rise").format(stock=m.stock, index=m.index),
                          need, basis=_("ratio of two returns; no index weight used")))
    broad = (_("the whole market rallied ({market} {change})") if market.value > 0
             else _("the broad market did not rise ({market} {change})")).format(market=m.market,
                                                                                 change=_pct(market.value))
    condition = _("{index} did rise while {stock} jumped, but {broad}, and index weights are not in price data, so "
                  "the rise cannot be attributed to Alibaba from prices alone").format(index=m.index, stock=m.stock,
                                                                                      broad=broad)
    text += " " + _("{index} rose, so the direction fits; but {broad}. A stock's contribution to a "
                    "capitalisation-weighted index is roughly its weight times its return, so for {stock}'s {change} "
                    "alone to account for all of the index's {index_change} its weight would have to be about "
                    "{need}, and {half} for half of it. Whether its actual weight comes near that cannot be read "
                    "from prices.").format(index=m.index, broad=broad, stock=m.stock, change=_pct(stock.value),
                                           index_change=_pct(index.value), need=_share(need), half=_share(need / 2))
    return ClaimResult(claim, PARTLY, text + _basis_note(figures), tuple(figures), condition)


def _share(fraction: float) -> str:
    """A weight as a percentage with one decimal: "42.5%"."""
    text = F.plus_minus_percent(fraction, 1)
    return text if text.startswith("-") else text[1:]


def _low_day(m: ChangeSince, s: pd.Series) -> dt.date:
    span = s.loc[pd.Timestamp(m.low_window.start):pd.Timestamp(m.low_window.end)]
    if span.empty:
        raise Unavailable(_("there are no {symbol} closes in {start}..{end}").format(
            symbol=m.symbol, start=_day(m.low_window.start), end=_day(m.low_window.end)))
    return span.idxmin().date()


def _since_pair(m: ChangeSince, s: pd.Series, low_day: dt.date, end: dt.date, suffix: str) -> list[Figure]:
    """The change to ``end`` from the base close and from the low close, as two figures."""
    since_base = _("{symbol} from the {base} close to the {end} close").format(symbol=m.symbol, base=_day(m.base_date),
                                                                              end=_day(end))
    since_low = _("{symbol} from its {month} low close ({low}) to the {end} close").format(
        symbol=m.symbol, month=F.month(m.low_window.start), low=_day(low_day), end=_day(end))
    return [_change(f"since_base{suffix}", since_base, s, m.symbol, m.base_date, end),
            _change(f"since_low{suffix}", since_low, s, m.symbol, low_day, end)]


def _change_since(claim: Claim, closes: dict, events) -> ClaimResult:
    m: ChangeSince = claim.measure
    s = _series(closes, m.symbol)
    low_day = _low_day(m, s)
    base, low = figures = _since_pair(m, s, low_day, m.end, "")
    over = _whole_pct(m.threshold)
    year = (_("Year to date, {move}: more than {threshold}.") if base.value > m.threshold
            else _("Year to date, {move}: not more than {threshold}.")).format(move=_move(base), threshold=over)
    lowest = (_("From the lowest close of {start}..{end}, {move}: more than {threshold}.") if low.value > m.threshold
              else _("From the lowest close of {start}..{end}, {move}: not more than {threshold}."))
    text = year + " " + lowest.format(start=_day(m.low_window.start), end=_day(m.low_window.end), move=_move(low),
                                      threshold=over)
    if m.also_end:
        try:
            figures = figures + _since_pair(m, s, low_day, m.also_end, ":also")
            text += " " + _("To the {end} close the two figures were {first} and {second}.").format(
                end=_day(m.also_end), first=_pct(figures[2].value), second=_pct(figures[3].value))
        except Unavailable as exc:  # the verdict does not depend on the second end date
            text += " " + _("The figures to {end} cannot be given: {reason}.").format(end=_day(m.also_end), reason=exc)
    verdict, condition = (SUPPORTED, "") if base.value > m.threshold else (NOT_SUPPORTED, "")
    if verdict == NOT_SUPPORTED and low.value > m.threshold:
        verdict = PARTLY
        month, later = F.month(m.low_window.start), len(figures) == 4 and figures[3].value <= m.threshold
        condition = (_("holds only when measured from the {month} low close of {low}, and only with the {end} "
                       "session: to the {also} close it was {change}") if later
                     else _("holds only when measured from the {month} low close of {low}")).format(
            month=month, low=_day(low_day), end=_day(m.end), also=_day(m.also_end), change=_pct(figures[-1].value))
    text += " " + _("Reading: {rationale}").format(rationale=shown_text(claim, "rationale")) + _basis_note(figures)
    return ClaimResult(claim, verdict, text, tuple(figures), condition)


def _rally_since(claim: Claim, closes: dict, events) -> ClaimResult:
    m: RallySince = claim.measure
    label = _("{symbol} from the {base} close to the {end} close")
    figures = tuple(_change(f"change:{sym}", label.format(symbol=sym, base=_day(m.base_date), end=_day(m.end)),
                            _series(closes, sym), sym, m.base_date, m.end) for sym in m.symbols)
    rallied = [f.symbol for f in figures if f.value >= m.min_change]
    if len(rallied) == len(figures):
        verdict, condition = SUPPORTED, ""
    elif rallied:
        verdict, condition = PARTLY, _("holds for {symbols} only").format(symbols=", ".join(rallied))
    else:
        verdict, condition = NOT_SUPPORTED, ""
    moves = "; ".join(_move(f) for f in figures)
    text = _("{moves}. {rallied} of {n} rose by at least {bar}, the bar for a material rise: {rationale} Cause: "
             "{causation}").format(moves=moves, rallied=len(rallied), n=len(figures), bar=_whole_pct(m.min_change),
                                   rationale=shown_text(claim, "rationale"),
                                   causation=shown_text(claim, "causation")) + _basis_note(figures)
    return ClaimResult(claim, verdict, text, figures, condition)


def _not_checkable(claim: Claim, closes: dict, events) -> ClaimResult:
    return ClaimResult(claim, NOT_CHECKABLE, f"{shown_text(claim, 'reason')} {shown_text(claim, 'would_need')}",
                       reason=shown_text(claim, "reason"))  # the record's words


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
            raise Unavailable(_("the claim needs {start}..{end} but {span}").format(
                start=_day(window.start), end=_day(window.end), span=_span(s, symbol)))


def evaluate(claim: Claim, closes_by_symbol: dict[str, pd.Series], events: Iterable[Event]) -> ClaimResult:
    """One claim and close Series by symbol (tz-naive trading dates) in; its verdict, figures and explanation out."""
    try:
        _check_window(claim, closes_by_symbol)
        return MEASURES[claim.measure.name](claim, closes_by_symbol, tuple(events))
    except Unavailable as exc:
        reason = str(exc)
        return ClaimResult(claim, NOT_CHECKABLE,
                           _("Not checkable with the price data supplied: {reason}.").format(reason=reason),
                           reason=reason)


def evaluate_all(claims: Iterable[Claim], closes_by_symbol: dict[str, pd.Series],
                 events: Iterable[Event]) -> list[ClaimResult]:
    """Every claim in; one result each, in the same order."""
    events = tuple(events)
    return [evaluate(claim, closes_by_symbol, events) for claim in claims]
