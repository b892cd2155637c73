"""Prices for the pages: the one fetch-or-fallback decision, and the caches behind it.

Pages call :func:`get_prices`. For each symbol it tries, in order: live Yahoo data (the memory cache, then the
on-disk parquet copy, then a fetch through :mod:`components.data.yahoo`), a stale disk copy, and the bundled
snapshot. The result carries every symbol's :class:`~components.data.prices.Provenance`, so a page can say which
source served what. Setting ``DASHBOARD_OFFLINE=1`` skips the live path entirely (tests, CI and demos).

Live fetches run in a small pool of worker threads shared by every session, one fetch per symbol at a time. A page
waits at most ``LIVE_DEADLINE_S`` for its symbols, counted from when each fetch began: another session asking for a
symbol waits for what is left of its fetch's deadline, and for one already past it (a hung proxy) not at all. Past
it, the page is drawn from the fallback and the fetch goes on, so a later run finds its result: a dead network costs
one page its deadline, no more.

The caches, all owned by this module and emptied by :func:`clear_caches` (tests):

* **snapshot**: the bundled CSV parsed and validated once per version of the files, keyed by the size and
  modification time of the CSV and its metadata; a damaged snapshot's error is kept the same way, so a broken file
  is not re-validated on every rerun.
* **live**: per symbol, the frame Yahoo (or the disk copy) served, for ``LIVE_TTL`` and at most until the day
  changes; at most ``MAX_LIVE_SYMBOLS`` symbols, least recently used dropped first. Only frames that pass the
  snapshot's rules are kept.
* **failures**: per symbol, why its last fetch failed, for ``RETRY_AFTER``, so a dead network is not asked again on
  every rerun. :func:`retry` forgets the failures of the symbols one session asks about (at most once per
  ``RETRY_COOLDOWN``); it clears nothing else. Offline prices change only with :func:`data_version`.

Every value handed out is a new frame (``get_prices`` slices and concatenates), or read-only metadata.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import date, datetime, timedelta, timezone
from types import MappingProxyType

import pandas as pd

from components.data import prices
from components.data.disk_cache import read_disk_cache, write_disk_cache
from components.data.snapshot import SNAPSHOT_CSV, SNAPSHOT_META, SnapshotError, load_snapshot, snapshot_tidy
from components.data.symbols import InvalidSymbol, normalise_symbol, symbol_info
from components.data.yahoo import fetch_history
from components.facts import FETCH_WORKERS, HISTORY_START, LIVE_DEADLINE_S, LIVE_TTL, RETRY_AFTER, RETRY_COOLDOWN
from components.locale import N_, Message, _, joined
from components.locale import formats as F

OFFLINE_ENV = "DASHBOARD_OFFLINE"
MAX_LIVE_SYMBOLS = 512


class FetchError(RuntimeError):
    """Yahoo could not serve a symbol; the message (a :class:`Message`, its first argument) says why."""


class RangeError(ValueError):
    """The requested date range is unusable; the message is meant for the user."""


def is_offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


# --- the caches -----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _LiveEntry:
    frame: pd.DataFrame
    source: str  # live or disk cache
    fetched: datetime  # when Yahoo served it (UTC)
    day: date  # the day it was fetched for: a new day refetches
    expires: float  # time.monotonic() deadline


@dataclasses.dataclass(frozen=True)
class _Failure:
    at: float  # time.monotonic() when it failed
    reason: Message  # said in the language of each page that reports it
    took: float  # seconds the failed fetch took


_lock = threading.Lock()
_snapshot_cache: dict[tuple, tuple[Mapping[str, pd.DataFrame], Mapping] | SnapshotError] = {}
_live: OrderedDict[str, _LiveEntry] = OrderedDict()
_failures: dict[str, _Failure] = {}
_inflight: dict[str, tuple[Future, float]] = {}  # symbol -> (its fetch, when it started)
_retried: dict[str, float] = {}
_notes: dict[str, Message | str] = {}  # symbol -> a damaged disk copy set aside, said once
_pool = ThreadPoolExecutor(max_workers=FETCH_WORKERS, thread_name_prefix="yahoo-fetch")
_generation = [0]  # bumped by clear_caches: a fetch begun before it does not write into the new caches


def clear_caches() -> None:
    """Forget the parsed snapshot, cached fetches and failures (tests; a fetch under way finishes unseen)."""
    with _lock:
        _generation[0] += 1
        _snapshot_cache.clear()
        _live.clear()
        _failures.clear()
        _inflight.clear()
        _retried.clear()
        _notes.clear()


def drain(timeout: float) -> None:
    """Wait up to ``timeout`` seconds for the fetches under way (tests, before they change the cache folder)."""
    with _lock:
        running = [future for future, _ in _inflight.values()]
    wait(running, timeout=timeout)


def retry(symbols: Iterable[str]) -> list[str]:
    """Forget why these symbols failed, so the next request fetches them again; the symbols retried.

    A symbol being fetched, or retried less than ``RETRY_COOLDOWN`` ago, is left alone: one user
    pressing "Retry" cannot keep Yahoo (and the other sessions' fetches) busy.
    """
    now, done = time.monotonic(), []
    with _lock:
        for symbol in symbols:
            recent = now - _retried.get(symbol, -1e9) < RETRY_COOLDOWN.total_seconds()
            if symbol in _failures and symbol not in _inflight and not recent:
                _failures.pop(symbol)
                _retried[symbol] = now
                done.append(symbol)
    return done


def _file_version(path) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), st.st_size, st.st_mtime_ns)


def data_version() -> tuple:  # what offline prices depend on: the caches' generation, the bundled files
    return (_generation[0], _file_version(SNAPSHOT_CSV), _file_version(SNAPSHOT_META))


def _frozen(value):
    """Read-only view of JSON-like metadata (dicts become mapping proxies, lists tuples)."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _snapshot() -> tuple[Mapping[str, pd.DataFrame], Mapping]:
    """The bundled snapshot in the tidy schema, one frame per symbol (with its price basis), and its metadata.

    Raises :class:`SnapshotError` when the snapshot is missing or damaged.
    """
    key = data_version()[1:]
    with _lock:
        cached = _snapshot_cache.get(key)
    if cached is None:
        try:
            frame, meta = load_snapshot()
            by_symbol = {str(symbol): snapshot_tidy(str(symbol), rows)
                         for symbol, rows in frame.groupby("symbol", sort=False)}
            cached = (MappingProxyType(by_symbol), _frozen(meta))
        except SnapshotError as exc:
            cached = exc
        with _lock:
            _snapshot_cache.clear()  # one version at a time
            _snapshot_cache[key] = cached
    if isinstance(cached, SnapshotError):
        raise cached
    return cached


def snapshot_symbols() -> Mapping[str, Mapping]:
    """Per-symbol metadata of the bundled snapshot, read-only (empty when the snapshot is unusable)."""
    try:
        return _snapshot()[1]["symbols"]
    except SnapshotError:
        return MappingProxyType({})


# --- live fetches -----------------------------------------------------------------------------------

def _fresh(symbol: str, today: date) -> _LiveEntry | None:
    with _lock:
        entry = _live.get(symbol)
        if entry is not None and entry.expires > time.monotonic() and entry.day == today:
            _live.move_to_end(symbol)
            return entry
    return None


def _fetch(symbol: str, today: date) -> _LiveEntry:
    """In a worker: the disk copy when fresh, else Yahoo; remembered on success, and its failure too."""
    started, generation = time.monotonic(), _generation[0]
    try:
        entry = _fetch_unrecorded(symbol, today)
    except FetchError as exc:
        with _lock:
            if generation == _generation[0]:
                _failures[symbol] = _Failure(time.monotonic(), exc.args[0], time.monotonic() - started)
        raise
    with _lock:
        if generation != _generation[0]:
            return entry
        _live[symbol] = entry
        _live.move_to_end(symbol)
        while len(_live) > MAX_LIVE_SYMBOLS:
            _live.popitem(last=False)
        _failures.pop(symbol, None)
    return entry


def _fetch_unrecorded(symbol: str, today: date) -> _LiveEntry:
    expires = time.monotonic() + LIVE_TTL.total_seconds()
    cached = read_disk_cache(symbol, max_age=LIVE_TTL)
    if cached.set_aside:
        with _lock:
            _notes[symbol] = cached.set_aside
    if cached.frame is not None:
        return _LiveEntry(cached.frame, prices.SOURCE_DISK, cached.fetched, today, expires)
    frames, failures = fetch_history([symbol], HISTORY_START, today)
    if symbol not in frames:
        raise FetchError(failures.get(symbol) or Message(N_("Yahoo Finance sent no data")))
    problems = prices.tidy_problems(frames[symbol], symbol, today)
    if problems:
        raise FetchError(Message(N_("Yahoo Finance's answer failed the checks: {problems}"), problems=joined(problems)))
    write_disk_cache(symbol, frames[symbol])
    return _LiveEntry(frames[symbol], prices.SOURCE_LIVE, datetime.now(timezone.utc), today, expires)


def _start(symbol: str, today: date) -> tuple[Future, float]:
    """The fetch of ``symbol`` under way, started now unless another session already started it."""
    with _lock:
        running = _inflight.get(symbol)
        if running is not None:
            return running
        future = _pool.submit(_fetch, symbol, today)
        running = _inflight[symbol] = (future, time.monotonic())

    def done(_f: Future, symbol: str = symbol, running=running) -> None:
        with _lock:
            if _inflight.get(symbol) is running:
                _inflight.pop(symbol)
    future.add_done_callback(done)
    return running


@dataclasses.dataclass(frozen=True)
class _Served:
    """What the live path gave for one symbol: a frame and its source, or none and why."""

    frame: pd.DataFrame | None
    source: str = ""
    note: str = ""  # for the provenance table
    fetched: datetime | None = None  # when the frame was fetched from Yahoo (UTC)
    failure: str = ""  # why the live fetch failed, when it did (offline mode is no failure)
    stale: bool = False  # an old disk copy stands in for a failed fetch


def _live_or_reason(symbols: list[str], deadline: float) -> dict[str, _LiveEntry | str]:
    """Each symbol's live entry, or the reason there is none, waiting at most ``deadline`` seconds in all."""
    today, out, waiting = date.today(), {}, {}
    now = time.monotonic()
    for symbol in symbols:
        entry = _fresh(symbol, today)
        with _lock:
            failed = _failures.get(symbol)
        if entry is not None:
            out[symbol] = entry
        elif failed is not None and now - failed.at < RETRY_AFTER.total_seconds():
            out[symbol] = (_("{reason} (gave up after {wait})").format(reason=failed.reason, wait=_seconds(failed.took))
                           if failed.took >= 1 else str(failed.reason))
        else:
            waiting[symbol] = _start(symbol, today)
    left = {s: started + deadline - now for s, (_f, started) in waiting.items()}  # past its deadline: not waited for
    if any(t > 0 for t in left.values()):
        wait([waiting[s][0] for s, t in left.items() if t > 0], timeout=max(left.values()))
    for symbol, (future, started) in waiting.items():
        if not future.done():
            out[symbol] = _("Yahoo Finance has not answered in {wait}; still trying in the background").format(
                wait=_seconds(time.monotonic() - started))
            continue
        try:
            out[symbol] = future.result()
        except FetchError as exc:
            out[symbol] = str(exc)
        except Exception as exc:  # a bug in a worker must cost this symbol only, with a plain reason
            out[symbol] = _("the fetch failed ({error})").format(error=type(exc).__name__)
    return out


def _serve(symbol: str, live: _LiveEntry | str | None) -> _Served:
    """The live entry as served, or the stale disk copy standing in for it, or nothing and why."""
    if live is None:
        return _Served(None, note=_("offline mode"))
    note = str(_notes.pop(symbol, ""))
    if isinstance(live, _LiveEntry):
        fetched = _("fetched {when}").format(when=F.utc_time(live.fetched))
        return _Served(live.frame, live.source, _join(note, fetched), live.fetched)
    reason = live
    copy = read_disk_cache(symbol, max_age=None)
    note = _join(note, str(copy.set_aside))
    if copy.frame is not None:
        stale = _("{reason}; using the disk copy fetched {when} (stale)").format(reason=reason,
                                                                                when=F.utc_time(copy.fetched))
        return _Served(copy.frame, prices.SOURCE_DISK, _join(note, stale), copy.fetched, reason, stale=True)
    return _Served(None, note=_join(note, reason), failure=reason)


# --- the seam -------------------------------------------------------------------------------------

def validate_request(symbols: list[str], start: date, end: date) -> tuple[list[str], list[str]]:
    """Normalise symbols (keeping order, dropping repeats) and check the range; return symbols and problems."""
    if start > end:
        raise RangeError(_("The start date {start} is after the end date {end}.").format(start=F.date_as(start, "date"),
                                                                                         end=F.date_as(end, "date")))
    valid, problems = [], []
    for raw in symbols:
        try:
            symbol = normalise_symbol(raw)
        except InvalidSymbol as exc:
            problems.append(str(exc))
            continue
        if symbol not in valid:
            valid.append(symbol)
    return valid, problems


def get_prices(symbols: list[str], start: date, end: date, deadline: float | None = None) -> prices.PriceResult:
    """Daily prices for ``symbols`` over ``start..end`` (inclusive), with provenance per symbol.

    Live fetches are waited for at most ``deadline`` seconds (``LIVE_DEADLINE_S`` by default) in all.
    Raises :class:`RangeError` when start is after end. Invalid symbols are reported in
    ``problems``; symbols no source can serve get source ``none`` and a note saying why.
    """
    valid, problems = validate_request(symbols, start, end)
    offline = is_offline()
    try:
        snap, meta = _snapshot()
        as_of, snap_reason = date.fromisoformat(meta["as_of"]), ""
    except SnapshotError as exc:
        snap, meta, as_of, snap_reason = {}, {"symbols": {}}, None, str(exc)
    started = time.monotonic()
    live = {} if offline else _live_or_reason(valid, LIVE_DEADLINE_S if deadline is None else deadline)
    parts, provenance, live_failure = [], {}, ""
    for symbol in valid:
        served = _serve(symbol, live.get(symbol))
        frame, source, note = served.frame, served.source, served.note
        live_failure = live_failure or served.failure
        if frame is None:
            reason = note
            if symbol in snap:
                frame, source = snap[symbol], prices.SOURCE_SNAPSHOT
                note = _("offline mode") if offline else reason
            else:
                source = prices.SOURCE_NONE
                avail = ", ".join(meta["symbols"]) or _("none")
                where = snap_reason or _("not in the bundled snapshot (it holds {symbols})").format(symbols=avail)
                note = _join(reason, where) if reason and not offline else where
        parts_frame, prov = _finish(symbol, frame, source, note, start, end)
        provenance[symbol] = dataclasses.replace(prov, stale=served.stale, fetched=served.fetched)
        if not parts_frame.empty:
            parts.append(parts_frame)
    frame = pd.concat(parts, ignore_index=True) if parts else prices.empty_tidy()
    return prices.PriceResult(frame, provenance, as_of, live_failure, offline, problems,
                         waited=0.0 if offline else time.monotonic() - started)


def _finish(symbol, frame, source, note, start, end) -> tuple[pd.DataFrame, prices.Provenance]:
    basis = symbol_info(symbol).basis
    if frame is None or frame.empty:
        return prices.empty_tidy(), prices.Provenance(symbol, prices.SOURCE_NONE, basis, note=note)
    part = prices.slice_range(frame, start, end)
    full_first, full_last = frame["date"].iloc[0].date(), frame["date"].iloc[-1].date()
    if part.empty:
        note = _join(note, _("no {symbol} data in {start}..{end}; {source} data covers {first}..{last}").format(
            symbol=symbol, start=F.date_as(start, "date"), end=F.date_as(end, "date"), source=source,
            first=F.date_as(full_first, "date"), last=F.date_as(full_last, "date")))
        return prices.empty_tidy(), prices.Provenance(symbol, source, basis, note=note)
    first, last = part["date"].iloc[0].date(), part["date"].iloc[-1].date()
    if first > start + timedelta(days=7) and first == full_first:
        note = _join(note, _("data starts {day}").format(day=F.date_as(first, "date")))
    if last < end - timedelta(days=7) and last == full_last:
        note = _join(note, _("data ends {day}").format(day=F.date_as(last, "date")))
    return part.reset_index(drop=True), prices.Provenance(symbol, source, basis, first, last, len(part), note)


def _seconds(took: float) -> str:
    """A wait in words: tenths under ten seconds, whole seconds above."""
    return _("{seconds} s").format(seconds=F.fixed_number(took, 1 if took < 10 else 0))


def _join(a: str, b: str) -> str:
    return _("{first}; {second}").format(first=a, second=b) if a and b else a or b
