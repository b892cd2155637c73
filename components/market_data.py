"""The price seam: the only module that talks to yfinance, and the one fetch-or-fallback decision.

Pages call :func:`get_prices`. For each symbol it tries, in order: live Yahoo data (memory cache,
then the on-disk parquet cache, then a fetch), a stale disk copy, and the bundled snapshot. The
result carries every symbol's :class:`~components.prices.Provenance`, so a page can say which source
served what. Setting ``DASHBOARD_OFFLINE=1`` skips the live path entirely (tests, CI and demos).
"""

from __future__ import annotations

import ast
import dataclasses
import logging
import os
import re
import socket
import threading
import time
import urllib.parse
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import streamlit as st
import yfinance as yf

from components import prices as P
from components.snapshot import SnapshotError, load_snapshot
from components.symbols import InvalidSymbol, normalise_symbol, symbol_info

OFFLINE_ENV = "DASHBOARD_OFFLINE"
CACHE_ENV = "DASHBOARD_CACHE_DIR"
HISTORY_START = date(2022, 1, 1)  # what a live fetch asks for; pages slice from it
LIVE_TTL = timedelta(hours=6)
RESULT_TTL = timedelta(seconds=60)  # how long one get_prices answer is reused
RETRY_AFTER = 120.0  # seconds before a symbol whose fetch failed is tried live again
TIMEOUT = 10  # seconds per Yahoo request
_DEFAULT_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "prices"
_failures: dict[str, tuple[float, str]] = {}


class FetchError(RuntimeError):
    """Yahoo could not serve a symbol; the message says why, in words for the user."""


class RangeError(ValueError):
    """The requested date range is unusable; the message is meant for the user."""


def is_offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or _DEFAULT_CACHE)


# --- live -----------------------------------------------------------------------------------------

YAHOO_ERRORS = "yahoo_errors"  # key in a downloaded frame's ``attrs``: symbol -> the failure yfinance logged


class _FailedDownloads(logging.Handler):
    """Collects the per-symbol failures ``yf.download`` logs in this thread.

    yfinance catches every exception of a download (DNS, timeout, rate limit) and returns an empty
    frame; the cause survives only in its "['SYM']: Error(...)" log lines, so the seam reads them.
    """

    LINE = re.compile(r"^(\[[^\]]*\]): (.+)$", re.DOTALL)

    def __init__(self):
        super().__init__(logging.ERROR)
        self.thread = threading.get_ident()
        self.by_symbol: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        match = self.LINE.match(record.getMessage().strip()) if record.thread == self.thread else None
        if match is None:
            return
        try:
            symbols = ast.literal_eval(match.group(1))
        except (ValueError, SyntaxError):
            return
        self.by_symbol.update({str(symbol): match.group(2) for symbol in symbols})


def _download(symbols: list[str], start: date, end_exclusive: date) -> pd.DataFrame:
    """The one call into yfinance. Every option is explicit; ``end`` is exclusive in yfinance.

    The failures yfinance logged (and did not raise) travel with the frame in ``attrs[YAHOO_ERRORS]``.
    """
    failed = _FailedDownloads()
    logger = logging.getLogger("yfinance")
    logger.addHandler(failed)
    try:
        raw = yf.download(
            symbols,
            start=start.isoformat(),
            end=end_exclusive.isoformat(),
            interval="1d",
            auto_adjust=True,
            back_adjust=False,
            actions=False,
            repair=False,
            keepna=False,
            rounding=False,
            group_by="column",
            multi_level_index=True,
            threads=len(symbols) > 1,
            progress=False,
            timeout=TIMEOUT,
        )
    finally:
        logger.removeHandler(failed)
    if raw is not None and failed.by_symbol:
        raw.attrs[YAHOO_ERRORS] = dict(failed.by_symbol)
    return raw


def describe_error(error: BaseException | str) -> str:
    """A short reason, in the user's words, for an exception raised (or a failure logged) while fetching."""
    text = str(error)
    low = text.lower()
    if isinstance(error, yf.exceptions.YFRateLimitError) or "too many requests" in low:
        return "rate-limited by Yahoo Finance (too many requests)"
    if isinstance(error, socket.gaierror) or "resolve host" in low or "name or service not known" in low:
        return "Yahoo Finance could not be reached (DNS lookup failed)"
    if isinstance(error, TimeoutError) or "timed out" in low or "timeout" in low:
        return f"Yahoo Finance did not answer within {TIMEOUT} s (timeout)"
    if isinstance(error, str):
        return f"Yahoo Finance request failed ({text[:120]})"
    return f"Yahoo Finance request failed ({type(error).__name__}: {text[:120]})"


def fetch_history(symbols: list[str], start: date, end: date) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Fetch daily bars for ``start..end`` (inclusive) live; return tidy frames and failure reasons."""
    try:
        raw = _download(list(symbols), start, end + timedelta(days=1))
    except Exception as exc:  # yfinance raises many types (curl, requests, its own); all mean "no data"
        return {}, {s: describe_error(exc) for s in symbols}
    logged = getattr(raw, "attrs", {}).get(YAHOO_ERRORS, {})
    frames, failures = P.frames_from_download(raw, list(symbols))
    for symbol in failures:  # a cause yfinance logged says more than "empty frame"
        if symbol.upper() in logged:
            failures[symbol] = describe_error(logged[symbol.upper()])
    return frames, failures


@st.cache_data(ttl=LIVE_TTL, show_spinner="Fetching prices from Yahoo Finance…", max_entries=512)
def _live_symbol(symbol: str, today: str) -> tuple[pd.DataFrame, str, str]:
    """Full daily history of one symbol from the disk cache or Yahoo: (frame, source, fetched at).

    Raises :class:`FetchError` on failure, so that failures are never cached.
    """
    cached = read_disk_cache(symbol, max_age=LIVE_TTL)
    if cached is not None:
        return cached[0], P.SOURCE_DISK, cached[1]
    frames, failures = fetch_history([symbol], HISTORY_START, date.fromisoformat(today))
    if symbol not in frames:
        raise FetchError(failures.get(symbol, "no data"))
    write_disk_cache(symbol, frames[symbol])
    return frames[symbol], P.SOURCE_LIVE, _now_text()


def _now_text() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


# --- disk cache -----------------------------------------------------------------------------------

def _cache_path(symbol: str) -> Path:
    return cache_dir() / f"{urllib.parse.quote(symbol, safe='')}.parquet"


def read_disk_cache(symbol: str, max_age: timedelta | None) -> tuple[pd.DataFrame, str] | None:
    """A cached frame and its fetch time, or None when absent, too old or unreadable.

    A damaged file is deleted so the next successful fetch replaces it.
    """
    path = _cache_path(symbol)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    age = time.time() - mtime
    if max_age is not None and age > max_age.total_seconds():
        return None
    try:
        frame = pd.read_parquet(path)
        if list(frame.columns) != P.TIDY_COLUMNS or frame.empty or (frame["symbol"] != symbol).any():
            raise ValueError("unexpected content")
    except Exception:  # pyarrow raises several types for a damaged file; any of them means "unusable"
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a directory or a read-only folder in the way: the next write reports nothing either
        return None
    fetched = datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return frame, fetched


def write_disk_cache(symbol: str, frame: pd.DataFrame) -> None:
    """Write atomically (temp file, then rename) so replicas sharing the folder never read half a file."""
    path = _cache_path(symbol)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full disk only costs a refetch later


# --- snapshot -------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False)
def _snapshot() -> tuple[pd.DataFrame, dict]:
    """The bundled snapshot in the tidy schema (with each symbol's price basis)."""
    frame, meta = load_snapshot()
    basis = frame["symbol"].map({s: symbol_info(s).basis for s in frame["symbol"].unique()})
    return frame.assign(basis=basis)[P.TIDY_COLUMNS], meta


@st.cache_data(show_spinner=False)
def _snapshot_meta() -> dict:
    """The snapshot's metadata alone: pages ask for it often, and copying the frame each time is slow."""
    return _snapshot()[1]


def snapshot_symbols() -> dict[str, dict]:
    """Per-symbol metadata of the bundled snapshot (empty when the snapshot is unusable)."""
    try:
        return _snapshot_meta()["symbols"]
    except SnapshotError:
        return {}


# --- the seam -------------------------------------------------------------------------------------

def clear_caches() -> None:
    """Forget cached fetches and recent failures (used by 'retry now' and by tests)."""
    _live_symbol.clear()
    _snapshot.clear()
    _snapshot_meta.clear()
    _cached_prices.clear()
    _failures.clear()


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
    ``problems``; symbols no source can serve get source ``none`` and a note saying why. A result
    is reused for ``RESULT_TTL`` (reruns of a page ask for the same prices many times).
    """
    return _cached_prices(tuple(symbols), start, end, is_offline(), str(cache_dir()))


@st.cache_data(ttl=RESULT_TTL, show_spinner=False, max_entries=256)
def _cached_prices(symbols: tuple[str, ...], start: date, end: date, offline: bool, cache: str) -> P.PriceResult:
    """``get_prices`` keyed also by the offline switch and the cache folder (both part of the key)."""
    return _get_prices(list(symbols), start, end)


def _get_prices(symbols: list[str], start: date, end: date) -> P.PriceResult:
    valid, problems = validate_request(symbols, start, end)
    offline = is_offline()
    try:
        snap, meta = _snapshot()
        as_of, snap_reason = date.fromisoformat(meta["as_of"]), ""
    except SnapshotError as exc:
        snap, meta, as_of, snap_reason = P.empty_tidy(), {"symbols": {}}, None, str(exc)
    parts, provenance, live_failure = [], {}, ""
    for symbol in valid:
        served = _serve(symbol, offline)
        frame, source, note = served.frame, served.source, served.note
        live_failure = live_failure or served.failure
        if frame is None:
            reason = note
            if symbol in meta["symbols"]:
                frame, source = snap[snap["symbol"] == symbol], P.SOURCE_SNAPSHOT
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
    failed = _failures.get(symbol)
    if failed and time.monotonic() - failed[0] < RETRY_AFTER:
        reason = failed[1]
    else:
        try:
            frame, source, fetched = _live_symbol(symbol, date.today().isoformat())
            _failures.pop(symbol, None)
            return _Served(frame, source, f"fetched {fetched}", fetched)
        except FetchError as exc:
            reason = str(exc)
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
