"""The heavy computations pages share, cached per server (Streamlit glue around pure functions).

Each public function builds its own cache key from plain values: the events' identities
(:func:`events_key`) and the provenance of the prices (:func:`data_key`: per symbol its source,
span, rows, note and fetch time), so a user's new event or a live refetch computes anew.

* ``claim_results``, ``compare_all_events`` and ``reactions`` use ``st.cache_data``: every hit is a
  fresh copy. ``reactions`` keeps an event's reaction table per prices, event and symbols, and
  every event's day 0 per symbol once (for the "same day 0" notes), so a click or a step to another
  event places one event on the calendars, not all of them.
* ``shared`` keeps what a page draws or reads (figures, tables, studies) per prices, events, small inputs and
  language, with ``st.cache_resource``: one object for every session, never changed once built.
* ``closes``, ``prints`` and ``market_chart``'s range frame use ``st.cache_resource`` (pandas copies a shared
  frame or Series before any write to it), so a rerun does not split the history again.
* ``market_chart``'s figure uses ``st.cache_resource``: plotly figures are shared read-only (pages
  pass them to ``st.plotly_chart``, which only serialises them), because copying one costs as much
  as building it. The price frame and events it returns are computed per call, never shared.

Whatever holds words a reader sees (notes, a figure's titles and hover) is also keyed by the run's language
(:func:`components.locale.current`), so sessions in two languages never share one.

Entries live until the server restarts or ``max_entries`` pushes them out; tests clear them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd
import streamlit as st

from components.analysis.alignment import reaction_display, reaction_table
from components.analysis.claims import ClaimResult, load_claims
from components.analysis.clusters import day0_map, shared_day0
from components.analysis.event_study import compare_events
from components.analysis.metrics import closes_by_symbol, prints_by_symbol
from components.analysis.metrics import coverage_notes as _coverage_notes
from components.analysis.verdicts import evaluate_all
from components.charts import marks
from components.data.events import Event
from components.data.prices import PriceResult
from components.locale import _
from components.locale import current as language
from components.text.claim_reader import claims_of_text
from components.workspace.records import StoredArticle

T = TypeVar("T")


def _digest(parts: tuple) -> str:
    """A short key for a tuple of plain values (Streamlit's own hashing of long tuples costs ~10 ms a call)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


_EVENT_KEYS: dict[tuple[int, ...], tuple[tuple[Event, ...], str]] = {}  # the events' identities -> (them, key)


def events_key(events: list[Event]) -> str:
    """What identifies a set of events for caching: every field that can change a result.

    Worked out once per sequence of event objects (events are frozen; a page asks for the key of the same events
    several times a run, in a new list each time): the entry keeps its events, so their identities stay theirs."""
    ident = tuple(map(id, events))
    known = _EVENT_KEYS.get(ident)
    if known is not None:
        return known[1]
    found = _digest(tuple((e.id, e.date, e.time, e.tz, e.category, e.title, tuple(e.symbols), e.origin)
                          for e in events))
    if len(_EVENT_KEYS) >= 256:  # sessions' own events come and go: a bound, not an eviction policy
        _EVENT_KEYS.clear()
    _EVENT_KEYS[ident] = (tuple(events), found)
    return found


_EVENT_TEXTS: dict[int, tuple[Event, str]] = {}  # id of an event -> (it, the key of everything it says)


def event_text_key(event: Event) -> str:
    """What identifies everything one event says (every field), for a drawing of it: worked out once per event
    object (events are frozen; the entry keeps its event, so its identity stays its own)."""
    known = _EVENT_TEXTS.get(id(event))
    if known is not None and known[0] is event:
        return known[1]
    found = _digest((repr(event),))
    if len(_EVENT_TEXTS) >= 1024:  # sessions' own events come and go: a bound, not an eviction policy
        _EVENT_TEXTS.clear()
    _EVENT_TEXTS[id(event)] = (event, found)
    return found


def data_key(result: PriceResult) -> str:
    """What identifies the prices behind a result: per symbol its source, span, rows, note and fetch time."""
    return _digest(tuple((p.symbol, p.source, p.first, p.last, p.rows, p.note, p.fetched)
                         for p in result.provenance.values()))


def compare_all_events(history: PriceResult, events: list[Event], symbol: str, benchmark: str,
                       estimation: tuple[int, int], window: tuple[int, int]) -> pd.DataFrame:
    """The all-events comparison table for one stock and benchmark of ``history``."""
    key = _digest((data_key(history), events_key(events), symbol, benchmark, tuple(estimation), tuple(window),
                   language()))
    with st.spinner(_("Running the event study for every event…")):
        return _compare_all_events(key, _history=history, _events=events, _symbols=(symbol, benchmark),
                                   _windows=(tuple(estimation), tuple(window)))


def claim_results(history: PriceResult, events: list[Event]) -> list[ClaimResult]:
    """Every claim's verdict from the given prices and events."""
    return _claim_results(_digest((data_key(history), events_key(events), language())), _history=history,
                          _events=events)


def reactions(history: PriceResult, event: Event, events: list[Event],
              symbols: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """An event's reaction table, its display form, and the notes on other events sharing its day 0."""
    key, every = data_key(history), events_key(events)
    day0s = {}  # per symbol, so events naming the same symbols share the work and none computes another's
    for symbol in symbols:
        day0s.update(_day0s(_digest((key, every, symbol)), _history=history, _events=events, _symbols=(symbol,)))
    return _reactions(_digest((key, events_key([event]), every, tuple(symbols), language())), _history=history,
                      _event=event, _events=events, _symbols=tuple(symbols), _day0s=day0s)


def market_chart(history: PriceResult, events: list[Event], *, start: dt.date, end: dt.date,
                 categories: list[str] | None = None, symbols: tuple[str, ...] | None = None, **options):
    """``marks.market_chart`` for a page: ``(figure, prices in range, events drawn)``.

    The figure is reused while prices, events and options are the same; the frame and the events
    are the page's own.
    """
    figure = market_figure(history, events, start=start, end=end, categories=categories, symbols=symbols, **options)
    frame = range_frame(history, start, end, symbols)
    return figure, frame, marks.in_range(events, start, end, categories)


def market_figure(history: PriceResult, events: list[Event], *, start: dt.date, end: dt.date,
                  categories: list[str] | None = None, symbols: tuple[str, ...] | None = None, **options):
    """The figure of :func:`market_chart` alone, for a page that draws it and reads nothing else of the chart."""
    chosen = dict(options, start=start, end=end, categories=None if categories is None else tuple(categories),
                  symbols=symbols)
    return _market_figure(_digest((data_key(history), events_key(events), language(), sorted(chosen.items()))),
                          _history=history, _events=events, _options=chosen)


def range_frame(history: PriceResult, start: dt.date, end: dt.date,
                symbols: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The prices of ``history`` from ``start`` to ``end`` (the frame :func:`market_chart` returns), the page's own."""
    return _range_frame(_digest((data_key(history), start, end, symbols)), _history=history, _start=start, _end=end,
                        _symbols=symbols).copy(deep=False)


def shared(name: str, build: Callable[[], T], *key: Hashable, history: PriceResult | None = None,
           events: list[Event] | None = None) -> T:
    """``build()`` once per ``name``, ``key`` (the small values it depends on: symbols, dates, ids, windows, flags),
    prices (``history``), ``events`` and language, shared read-only by every session: what a page only draws (a
    figure, a table) or reads. ``key`` must hold every input of ``build`` but the prices and events."""
    prices = data_key(history) if history is not None else ""
    return _shared(_digest((name, prices, events_key(events) if events is not None else "", key, language())),
                   _build=build)


def closes(history: PriceResult) -> dict[str, pd.Series]:
    """``closes_by_symbol`` of the history, once per prices: shallow copies of shared Series (pandas copies the data
    before a write to one)."""
    return {s: series.copy(deep=False) for s, series in _closes_of(history, "close").items()}


def prints(history: PriceResult) -> dict[str, pd.Series]:
    """``prints_by_symbol`` of the history, once per prices, like :func:`closes`."""
    return {s: series.copy(deep=False) for s, series in _closes_of(history, "raw_close").items()}


def coverage_notes(history: PriceResult, symbols: list[str], start: dt.date, end: dt.date, *,
                   in_range: bool = True) -> list[str]:
    """The sentences on symbols whose prices do not cover ``start..end``, once per prices, range and language:
    of the prices in the range, or (``in_range=False``) of the whole history."""
    key = _digest((data_key(history), tuple(symbols), start, end, in_range, language()))
    return list(_notes(key, _history=history, _symbols=tuple(symbols), _span=(start, end), _in_range=in_range))


# Each cached function below takes one hashed argument, a digest of everything its result depends on (Streamlit
# hashes every other argument, and looks each positional one up in the signature, on every call); the values it
# works from are keyword arguments named with "_", which Streamlit leaves out of the key.

@st.cache_data(show_spinner=False, max_entries=64)
def _compare_all_events(key: str, *, _history: PriceResult, _events: list[Event], _symbols: tuple[str, str],
                        _windows: tuple) -> pd.DataFrame:
    closes = _closes_of(_history, "close")
    symbol, benchmark = _symbols
    return compare_events(_events, closes[symbol], closes[benchmark], symbol, benchmark, *_windows)


@st.cache_data(show_spinner=False, max_entries=16)
def _claim_results(key: str, *, _history: PriceResult, _events: list[Event]) -> list[ClaimResult]:
    return evaluate_all(load_claims(), _closes_of(_history, "close"), _events)


@st.cache_data(show_spinner=False, max_entries=32)
def _day0s(key: str, *, _history: PriceResult, _events: list[Event],
           _symbols: tuple[str, ...]) -> dict[tuple[str, str], dt.date]:
    return day0_map(_events, _closes_of(_history, "close"), list(_symbols))


@st.cache_data(show_spinner=False, max_entries=256)
def _reactions(key: str, *, _history: PriceResult, _event: Event, _events: list[Event], _symbols: tuple[str, ...],
               _day0s: dict) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    closes = _closes_of(_history, "close")
    table = reaction_table(_event, closes, list(_symbols))
    return table, reaction_display(table), shared_day0(_event, _events, closes, list(_symbols), _day0s)


@st.cache_resource(show_spinner=False, max_entries=64)
def _market_figure(key: str, *, _history: PriceResult, _events: list[Event], _options: dict):
    return marks.market_chart(_history.frame, events=_events, closes=_closes_of(_history, "close"), **_options)[0]


@st.cache_resource(show_spinner=False, max_entries=512)
def _shared(key: str, *, _build: Callable[[], T]) -> T:
    return _build()


@st.cache_resource(show_spinner=False, max_entries=64)
def _range_frame(key: str, *, _history: PriceResult, _start: dt.date, _end: dt.date,
                 _symbols: tuple[str, ...] | None) -> pd.DataFrame:
    return marks.range_frame(_history.frame, _start, _end, _symbols)


def _closes_of(history: PriceResult, column: str) -> dict[str, pd.Series]:
    return _closes(_digest((data_key(history), column)), _history=history, _column=column)


@st.cache_resource(show_spinner=False, max_entries=32)
def _closes(key: str, *, _history: PriceResult, _column: str) -> dict[str, pd.Series]:
    return (closes_by_symbol if _column == "close" else prints_by_symbol)(_history.frame)


@st.cache_data(show_spinner=False, max_entries=128)
def _notes(key: str, *, _history: PriceResult, _symbols: tuple[str, ...], _span: tuple[dt.date, dt.date],
           _in_range: bool) -> list[str]:
    start, end = _span
    frame = marks.range_frame(_history.frame, start, end) if _in_range else _history.frame
    return _coverage_notes(frame, list(_symbols), start, end)


def article_claims(article: StoredArticle) -> tuple:
    """(reading, claims) of a loaded article, read once per text, date and place."""
    with st.spinner(_("Reading the article's figures…")):
        return _article_claims(_digest((article.text, article.day, article.place, language())), _text=article.text,
                               _published=article.day, _place=article.place)


@st.cache_data(show_spinner=False, max_entries=16)
def _article_claims(key: str, *, _text: str, _published: dt.date, _place: str) -> tuple:
    return claims_of_text(_text, _published, place=_place or None)
