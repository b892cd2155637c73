"""The on-disk copy of live fetches: one parquet file per symbol, shared by every process.

Point ``DASHBOARD_CACHE_DIR`` of every replica at one folder: files are written atomically (temp
file, then rename), so a reader never sees half a file. A file is input like any other: every frame
read back must pass the snapshot's rules (:func:`~components.data.prices.tidy_problems`). One that
does not (damaged, another symbol's rows, text where prices belong, dates twice, a date in the
future) is moved aside as ``<symbol>.parquet.bad`` with the reason, so it is reported once and the
next good fetch replaces it; one bad writer (an old replica) cannot break the others. The reason is a
:class:`~components.locale.Message`: a worker thread finds it, and the page that reports it says it in its language.
"""

from __future__ import annotations

import os
import time
import urllib.parse
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from components.data import prices
from components.data.symbols import symbol_info
from components.facts import PROJECT_ROOT
from components.locale import N_, Message, joined

CACHE_ENV = "DASHBOARD_CACHE_DIR"
_DEFAULT_CACHE = PROJECT_ROOT / ".cache" / "prices"


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or _DEFAULT_CACHE)


def cache_path(symbol: str) -> Path:
    return cache_dir() / f"{urllib.parse.quote(symbol, safe='')}.parquet"


@dataclass(frozen=True)
class CacheRead:
    """What reading a symbol's file gave: a frame with its fetch time, or why there is none usable."""

    frame: pd.DataFrame | None = None
    fetched: datetime | None = None  # when the file was written (UTC)
    set_aside: Message | str = ""  # the reason a damaged file was moved aside (said once, by the read that found it)


def read_disk_cache(symbol: str, max_age: timedelta | None) -> CacheRead:
    """The cached frame of ``symbol`` and its fetch time; empty when absent, too old or unusable."""
    path = cache_path(symbol)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return CacheRead()
    if max_age is not None and time.time() - mtime > max_age.total_seconds():
        return CacheRead()
    try:
        frame = _upgraded(pd.read_parquet(path), symbol)
        problems = prices.tidy_problems(frame, symbol, date.today())
    except Exception:  # pyarrow raises several types for a damaged file; any of them means "unusable"
        problems = [Message(N_("it is not a readable file of prices"))]
    if problems:
        return CacheRead(set_aside=_set_aside(path, joined(problems)))
    return CacheRead(frame, datetime.fromtimestamp(mtime, timezone.utc))


def _upgraded(frame: pd.DataFrame, symbol: str) -> pd.DataFrame:
    """A file written before bars carried their print: the same rows with the print unknown (or the close,
    for indices and FX), so an old cache is used until its next refetch rather than thrown away."""
    if "raw_close" in frame.columns or list(frame.columns) != [c for c in prices.TIDY_COLUMNS if c != "raw_close"]:
        return frame
    known = frame["close"] if symbol_info(symbol).basis != "adjusted" else float("nan")
    return frame.assign(raw_close=known)[prices.TIDY_COLUMNS]


def _set_aside(path: Path, reason: Message | str) -> Message:
    """Move a bad file out of the way (or delete it when it cannot be moved); say what was done."""
    try:
        os.replace(path, path.with_name(path.name + ".bad"))
        return Message(N_("the saved copy of a live fetch was unusable ({reason}) and was set aside"), reason=reason)
    except OSError:
        try:
            path.unlink(missing_ok=True)
            return Message(N_("the saved copy of a live fetch was unusable ({reason}) and was deleted"), reason=reason)
        except OSError:  # a directory or a read-only folder in the way
            return Message(N_("the saved copy of a live fetch is unusable ({reason}) and could not be removed"),
                           reason=reason)


def write_disk_cache(symbol: str, frame: pd.DataFrame) -> None:
    """Write atomically (temp file, then rename) so replicas sharing the folder never read half a file."""
    path = cache_path(symbol)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full disk only costs a refetch later
