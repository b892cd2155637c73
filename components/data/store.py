"""Prices for the pages: the one fetch-or-fallback decision, and the caches behind it.

Pages call :func:`get_prices`. For each symbol it tries, in order: live Yahoo data (the memory
cache, then the on-disk parquet copy, then a fetch through :mod:`components.data.yahoo`), a stale
disk copy, and the bundled snapshot. The result carries every symbol's
:class:`~components.data.prices.Provenance`, so a page can say which source served what. Setting
``DASHBOARD_OFFLINE=1`` skips the live path entirely (tests, CI and demos).

The caches, all owned by this module and emptied by :func:`clear_caches`:

* **snapshot**: the bundled CSV parsed and validated once per version of the files, keyed by the
  size and modification time of the CSV and its metadata; a damaged snapshot's error is kept the
  same way, so a broken file is not re-validated on every rerun.
* **live**: per symbol, the frame Yahoo (or the disk copy) served, for ``LIVE_TTL`` and at most
  until the day changes; at most ``MAX_LIVE_SYMBOLS`` symbols, least recently used dropped first.
* **failures**: per symbol, why its last fetch failed, for ``RETRY_AFTER``, so a dead network is
  not asked again on every rerun.

Every value handed out is a new frame (``get_prices`` slices and concatenates), or read-only
metadata, so no page can change what another session sees.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from types import MappingProxyType

import pandas as pd

from components.data import prices as P
from components.data.disk_cache import read_disk_cache, utc_text, write_disk_cache
from components.data.snapshot import SNAPSHOT_CSV, SNAPSHOT_META, SnapshotError, load_snapshot
from components.data.symbols import InvalidSymbol, normalise_symbol, symbol_info
from components.data.yahoo import fetch_history
from components.facts import HISTORY_START, LIVE_TTL, RETRY_AFTER

OFFLINE_ENV = "DASHBOARD_OFFLINE"
MAX_LIVE_SYMBOLS = 512


class FetchError(RuntimeError):
    """Yahoo could not serve a symbol; the message says why, in words for the user."""


class RangeError(ValueError):
    """The requested date range is unusable; the message is meant for the user."""


def is_offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


# --- the caches -----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class _LiveEntry:
    frame: pd.DataFrame
    source: str  # live or disk cache
    fetched: str  # when Yahoo served it
    day: date  # the day it was fetched for: a new day refetches
    expires: float  # time.monotonic() deadline


_lock = threading.Lock()
_snapshot_cache: dict[tuple, tuple[Mapping[str, pd.DataFrame], Mapping] | SnapshotError] = {}
_live: OrderedDict[str, _LiveEntry] = OrderedDict()
_failures: dict[str, tuple[float, str]] = {}


def clear_caches() -> None:
    """Forget the parsed snapshot, cached fetches and recent failures ('retry now', and tests)."""
    with _lock:
        _snapshot_cache.clear()
        _live.clear()
        _failures.clear()


def _file_version(path) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), st.st_size, st.st_mtime_ns)


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
    key = (_file_version(SNAPSHOT_CSV), _file_version(SNAPSHOT_META))
    with _lock:
        cached = _snapshot_cache.get(key)
    if cached is None:
        try:
            frame, meta = load_snapshot()
            by_symbol = {str(symbol): rows.assign(basis=symbol_info(symbol).basis)[P.TIDY_COLUMNS]
                         .sort_values("date").reset_index(drop=True)
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


def _live_symbol(symbol: str, today: date) -> _LiveEntry:
    """Full daily history of one symbol from memory, the disk copy or Yahoo.

    Raises :class:`FetchError` on failure; failures are never cached here (see ``_failures``).
    """
    now = time.monotonic()
    with _lock:
        entry = _live.get(symbol)
        if entry is not None and entry.expires > now and entry.day == today:
            _live.move_to_end(symbol)
            return entry
    cached = read_disk_cache(symbol, max_age=LIVE_TTL)
    if cached is not None:
        entry = _LiveEntry(cached[0], P.SOURCE_DISK, cached[1], today, now + LIVE_TTL.total_seconds())
    else:
        frames, failures = fetch_history([symbol], HISTORY_START, today)
        if symbol not in frames:
            raise FetchError(failures.get(symbol, "no data"))
        write_disk_cache(symbol, frames[symbol])
        entry = _LiveEntry(frames[symbol], P.SOURCE_LIVE, utc_text(datetime.now(timezone.utc)), today,
                           now + LIVE_TTL.total_seconds())
    with _lock:
        _live[symbol] = entry
        _live.move_to_end(symbol)
        while len(_live) > MAX_LIVE_SYMBOLS:
            _live.popitem(last=False)
    return entry


# --- the seam -------------------------------------------------------------------------------------

def validate_request(symbols: list[str], start: date, end: date) -> tuple[list[str], list[str]]:
    """Normalise symbols (keeping order, dropping repeats) and check the range; return symbols and problems."""
    if start > end:
        raise RangeError(f"The start date {start:%Y-%m-%d} is after the end date {end:%Y-%m-%d}.")
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


def get_prices(symbols: list[str], start: date, end: date) -> P.PriceResult:
    """Daily prices for ``symbols`` over ``start..end`` (inclusive), with provenance per symbol.

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
    parts, provenance, live_failure = [], {}, ""
    for symbol in valid:
        served = _serve(symbol, offline)
        frame, source, note = served.frame, served.source, served.note
        live_failure = live_failure or served.failure
        if frame is None:
            reason = note
            if symbol in snap:
                frame, source = snap[symbol], P.SOURCE_SNAPSHOT
                note = "offline mode" if offline else reason
            else:
                source = P.SOURCE_NONE
                avail = ", ".join(meta["symbols"]) or "none"
                where = snap_reason or f"not in the bundled snapshot (it holds {avail})"
                note = f"{reason}; {where}" if reason and not offline else where
        parts_frame, prov = _finish(symbol, frame, source, note, start, end)
        provenance[symbol] = dataclasses.replace(prov, stale=served.stale, fetched=served.fetched)
        if not parts_frame.empty:
            parts.append(parts_frame)
    frame = pd.concat(parts, ignore_index=True) if parts else P.empty_tidy()
    return P.PriceResult(frame, provenance, as_of, live_failure, offline, problems)


@dataclasses.dataclass(frozen=True)
class _Served:
    """What the live path gave for one symbol: a frame and its source, or none and why."""

    frame: pd.DataFrame | None
    source: str = ""
    note: str = ""  # for the provenance table
    fetched: str = ""  # when the frame was fetched from Yahoo
    failure: str = ""  # why the live fetch failed, when it did (offline mode is no failure)
    stale: bool = False  # an old disk copy stands in for a failed fetch


def _serve(symbol: str, offline: bool) -> _Served:
    """Live data (or its disk copy) for a symbol; without any, the reason."""
    if offline:
        return _Served(None, note="offline mode")
    with _lock:
        failed = _failures.get(symbol)
    if failed and time.monotonic() - failed[0] < RETRY_AFTER.total_seconds():
        reason = failed[1]
    else:
        try:
            entry = _live_symbol(symbol, date.today())
            with _lock:
                _failures.pop(symbol, None)
            return _Served(entry.frame, entry.source, f"fetched {entry.fetched}", entry.fetched)
        except FetchError as exc:
            reason = str(exc)
            with _lock:
                _failures[symbol] = (time.monotonic(), reason)
    copy = read_disk_cache(symbol, max_age=None)
    if copy is not None:
        note = f"{reason}; using the disk copy fetched {copy[1]} (stale)"
        return _Served(copy[0], P.SOURCE_DISK, note, copy[1], reason, stale=True)
    return _Served(None, note=reason, failure=reason)


def _finish(symbol, frame, source, note, start, end) -> tuple[pd.DataFrame, P.Provenance]:
    basis = symbol_info(symbol).basis
    if frame is None or frame.empty:
        return P.empty_tidy(), P.Provenance(symbol, P.SOURCE_NONE, basis, note=note)
    part = P.slice_range(frame, start, end)
    full_first, full_last = frame["date"].iloc[0].date(), frame["date"].iloc[-1].date()
    if part.empty:
        note = _join(note, f"no {symbol} data in {start:%Y-%m-%d}..{end:%Y-%m-%d}; "
                           f"{source} data covers {full_first:%Y-%m-%d}..{full_last:%Y-%m-%d}")
        return P.empty_tidy(), P.Provenance(symbol, source, basis, note=note)
    first, last = part["date"].iloc[0].date(), part["date"].iloc[-1].date()
    if first > start + timedelta(days=7) and first == full_first:
        note = _join(note, f"data starts {first:%Y-%m-%d}")
    if last < end - timedelta(days=7) and last == full_last:
        note = _join(note, f"data ends {last:%Y-%m-%d}")
    return part.reset_index(drop=True), P.Provenance(symbol, source, basis, first, last, len(part), note)


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b
