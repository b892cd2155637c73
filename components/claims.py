"""The article's quantitative claims: validated records and verdicts computed from closing prices.

Each record in ``data/claims.json`` names a measure from :data:`MEASURES` and its parameters. The
verdict, the figures behind it and the explanation all come from the closes passed in; nothing in
a record states an outcome. A claim that price data cannot settle, or whose dates or symbols are
missing from the data, is returned as "not checkable with price data" with the reason, never raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Callable, Iterable, Literal, Union

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from components.alignment import reaction, window_return
from components.events import ID_PATTERN, Event, describe_validation_error, find_event
from components.records import json_records
from components.symbols import InvalidSymbol, normalise_symbol, symbol_info

CLAIMS_FILE = Path(__file__).resolve().parent.parent / "data" / "claims.json"
SUPPORTED = "supported"
PARTLY = "partly supported"
NOT_SUPPORTED = "not supported"
NOT_CHECKABLE = "not checkable with price data"
VERDICTS = (SUPPORTED, PARTLY, NOT_SUPPORTED, NOT_CHECKABLE)
Verdict = Literal["supported", "partly supported", "not supported", "not checkable with price data"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _symbol(value: str) -> str:
    try:
        return normalise_symbol(value)
    except InvalidSymbol as exc:
        raise ValueError(str(exc)) from None


Symbol = Annotated[str, AfterValidator(_symbol)]


class DateWindow(_Strict):
    start: dt.date
    end: dt.date

    @field_validator("end")
    @classmethod
    def _ordered(cls, value: dt.date, info) -> dt.date:
        if "start" in info.data and value < info.data["start"]:
            raise ValueError("end is before start")
        return value


class ReactionReturn(_Strict):
    """Return of ``symbol`` on its reaction session to ``event``, against ``expected`` ± ``tolerance``."""

    name: Literal["reaction_return"]
    event: str
    symbol: Symbol
    article_day: dt.date  # the trading day the article's wording points to
    expected: float
    tolerance: float = Field(gt=0, lt=1)
    context_symbols: list[Symbol] = []
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.symbol, *self.context_symbols]


class IndexLift(_Strict):
    """Did ``index`` rise on the session ``stock`` reacted to ``event``, and did ``market`` rise too?"""

    name: Literal["index_lift"]
    event: str
    index: Symbol
    stock: Symbol
    market: Symbol
    article_day: dt.date
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.stock, self.index, self.market]


class ChangeSince(_Strict):
    """Change of ``symbol`` to ``end`` from the ``base_date`` close and from the low close in ``low_window``."""

    name: Literal["change_since"]
    symbol: Symbol
    base_date: dt.date
    low_window: DateWindow
    end: dt.date
    also_end: dt.date | None = None
    threshold: float = Field(gt=0, lt=10)
    rationale: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return [self.symbol]


class RallySince(_Strict):
    """Change of every symbol from the ``base_date`` close to the ``end`` close, against ``min_change``."""

    name: Literal["rally_since"]
    symbols: list[Symbol] = Field(min_length=1)
    base_date: dt.date
    end: dt.date
    min_change: float = Field(gt=0, lt=10)
    rationale: str = Field(min_length=1)
    causation: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return list(self.symbols)


class NotCheckable(_Strict):
    """A claim that closing prices cannot test; ``reason`` says why, ``would_need`` what could."""

    name: Literal["not_checkable"]
    reason: str = Field(min_length=1)
    would_need: str = Field(min_length=1)

    def needed_symbols(self) -> list[str]:
        return []


Measure = Annotated[Union[ReactionReturn, IndexLift, ChangeSince, RallySince, NotCheckable],
                    Field(discriminator="name")]


class Claim(_Strict):
    """One claim of the article and the measure that tests it."""

    id: str = Field(pattern=ID_PATTERN)
    wording: str = Field(min_length=1, max_length=200)
    quote: str = Field(min_length=1, max_length=600)
    event_ids: list[str] = Field(min_length=1)
    window: DateWindow | None = None  # the span of prices the claim needs
    measure: Measure

    @field_validator("measure")
    @classmethod
    def _event_listed(cls, value, info):
        event = getattr(value, "event", None)
        if event is not None and event not in info.data.get("event_ids", [event]):
            raise ValueError(f"event '{event}' is not in event_ids")
        return value


class ClaimsError(ValueError):
    """The claims file or a claim record is invalid; the message names record and field."""


@dataclass(frozen=True)
class Figure:
    """One number a verdict rests on: a return (or a derived ratio) with its dates, closes and basis."""

    key: str
    label: str
    value: float
    symbol: str = ""
    dates: tuple[dt.date, ...] = ()
    closes: tuple[float, ...] = ()
    basis: str = ""


@dataclass(frozen=True)
class ClaimResult:
    """The verdict on one claim, the figures used and a paragraph explaining it from them."""

    claim: Claim
    verdict: Verdict
    explanation: str
    figures: tuple[Figure, ...] = ()
    condition: str = ""  # when the claim holds, for "partly supported"
    reason: str = ""  # why price data cannot settle it, for "not checkable with price data"

    @property
    def id(self) -> str:
        return self.claim.id

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


class _Unavailable(Exception):
    """Raised inside a measure when the data lack a symbol or date; becomes a not-checkable result."""


def parse_claims(records: list, event_ids: Iterable[str] | None = None) -> list[Claim]:
    """Validate raw records (and, if given, their event ids); raise :class:`ClaimsError` naming each bad field."""
    if not isinstance(records, list):
        raise ClaimsError("the claims file must hold a list under 'claims'")
    known = set(event_ids) if event_ids is not None else None
    claims, problems, seen = [], [], set()
    for i, record in enumerate(records, start=1):
        label = f"claim #{i} '{record.get('id', '?') if isinstance(record, dict) else '?'}'"
        try:
            claim = Claim.model_validate(record)
        except ValidationError as exc:
            problems += describe_validation_error(exc, label)
            continue
        unknown = [e for e in claim.event_ids if known is not None and e not in known]
        problems += [f"{label}: field 'event_ids': unknown event '{e}'" for e in unknown]
        if claim.id in seen:
            problems.append(f"{label}: field 'id': duplicate id")
        seen.add(claim.id)
        claims.append(claim)
    if problems:
        raise ClaimsError("; ".join(problems))
    return claims


def load_claims(path: Path = CLAIMS_FILE, event_ids: Iterable[str] | None = None) -> list[Claim]:
    """Read and validate the claims file (a JSON object with a 'claims' list); one Claim per record."""
    return parse_claims(json_records(path, "claims", ClaimsError), event_ids)


def closes_from_prices(prices: pd.DataFrame) -> dict[str, pd.Series]:
    """Tidy rows (date, symbol, close) in; one close Series per symbol, indexed by trading date, out."""
    return {str(sym): pd.Series(rows["close"].to_numpy(float), index=pd.DatetimeIndex(rows["date"]), name=sym)
            for sym, rows in prices.groupby("symbol", sort=True)}


def _pct(value: float) -> str:
    return f"{value:+.2%}"


def _basis(symbol: str) -> str:
    return symbol_info(symbol).basis_label


def _series(closes_by_symbol: dict[str, pd.Series], symbol: str) -> pd.Series:
    raw = closes_by_symbol.get(symbol)
    if raw is None or raw.dropna().empty:
        raise _Unavailable(f"the data hold no {symbol} closes")
    clean = raw.dropna()
    index = pd.DatetimeIndex(clean.index)
    index = index.tz_localize(None) if index.tz is not None else index
    return pd.Series(clean.to_numpy(float), index=index.normalize()).sort_index()


def _span(s: pd.Series, symbol: str) -> str:
    return f"{symbol} data cover {s.index[0]:%Y-%m-%d}..{s.index[-1]:%Y-%m-%d}"


def _close_on(s: pd.Series, day: dt.date, symbol: str) -> float:
    stamp = pd.Timestamp(day)
    if stamp not in s.index:
        raise _Unavailable(f"there is no {symbol} close on {day} ({_span(s, symbol)})")
    return float(s.loc[stamp])


def _change(key: str, label: str, s: pd.Series, symbol: str, start: dt.date, end: dt.date) -> Figure:
    first, last = _close_on(s, start, symbol), _close_on(s, end, symbol)
    return Figure(key, label, last / first - 1.0, symbol, (start, end), (first, last), _basis(symbol))


def _event(events: Iterable[Event], event_id: str) -> Event:
    event = find_event(list(events), event_id)
    if event is None:
        raise _Unavailable(f"event '{event_id}' is not among the events supplied")
    return event


def _reaction_figure(key: str, event: Event, closes_by_symbol: dict[str, pd.Series], symbol: str) -> Figure:
    s = _series(closes_by_symbol, symbol)
    r = reaction(event, s, symbol)
    if not r.ok:
        raise _Unavailable(f"{symbol} has no usable reaction session for “{event.title}”: {r.status} ({r.note})")
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
        except _Unavailable:
            continue
        missed = index[(index > after) & (index < before)]
        if len(missed):
            raise _Unavailable(f"{symbol} has no close on {missed[0]:%Y-%m-%d} although {other} traded that day, "
                               f"so its return into {dates[1]} would span two sessions")


def _same_market(symbol: str, market: str) -> bool:
    try:
        return symbol_info(symbol).market.code == market
    except InvalidSymbol:
        return False


def _on_article_day(fig: Figure, day: dt.date) -> Figure:
    if fig.dates[-1] != day:
        raise _Unavailable(f"the computed {fig.symbol} reaction session is {fig.dates[-1]}, not {day}, the day "
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
        raise _Unavailable(f"there are no {m.symbol} closes in {m.low_window.start}..{m.low_window.end}")
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
        except _Unavailable as exc:  # the verdict does not depend on the second end date
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
            raise _Unavailable(f"the claim needs {window.start}..{window.end} but {_span(s, symbol)}")


def evaluate(claim: Claim, closes_by_symbol: dict[str, pd.Series], events: Iterable[Event]) -> ClaimResult:
    """One claim and close Series by symbol (tz-naive trading dates) in; its verdict, figures and explanation out."""
    try:
        _check_window(claim, closes_by_symbol)
        return MEASURES[claim.measure.name](claim, closes_by_symbol, tuple(events))
    except _Unavailable as exc:
        reason = str(exc)
        return ClaimResult(claim, NOT_CHECKABLE, f"Not checkable with the price data supplied: {reason}.",
                           reason=reason)


def evaluate_all(claims: Iterable[Claim], closes_by_symbol: dict[str, pd.Series],
                 events: Iterable[Event]) -> list[ClaimResult]:
    """Every claim in; one result each, in the same order."""
    events = tuple(events)
    return [evaluate(claim, closes_by_symbol, events) for claim in claims]


def claims_for_event(event_id: str, results: Iterable[ClaimResult]) -> list[ClaimResult]:
    """The results whose claim concerns ``event_id``, in their given order."""
    return [r for r in results if event_id in r.claim.event_ids]


def figures_frame(result: ClaimResult) -> pd.DataFrame:
    """One row per figure of a result: label, symbol, value, dates, closes and price basis."""
    return pd.DataFrame(
        {
            "figure": [f.label for f in result.figures],
            "symbol": [f.symbol for f in result.figures],
            "value": [f.value for f in result.figures],
            "from": [f.dates[0] if f.dates else None for f in result.figures],
            "to": [f.dates[-1] if f.dates else None for f in result.figures],
            "close from": [f.closes[0] if f.closes else None for f in result.figures],
            "close to": [f.closes[-1] if f.closes else None for f in result.figures],
            "basis": [f.basis for f in result.figures],
        }
    )
